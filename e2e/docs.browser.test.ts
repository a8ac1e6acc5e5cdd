// The API documentation in a real browser: Debian's Chromium, driven by playwright-core, opens
// /docs/ of bin/mtb-api under the page's own Content-Security-Policy, logs in through Swagger UI's
// "Try it out", authorizes with the JWT and reads /api/users/me. No console error, no CSP
// violation, and no request anywhere but the server (the test works offline). `make browser-test`
// runs it; the full-page screenshot goes to test-results/docs.png.
import { ok, equal, deepEqual, match } from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { root, startStack, type Stack } from "./harness.js";

/** Debian's Chromium (CHROMIUM overrides it); Playwright never downloads a browser here. */
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium opens connections of its own (component
// updates, ...), which a closed network refuses.
const chromiumArgs = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];
const screenshot = join(root, "test-results", "docs.png");

const account = { username: "docsreader", email: "docsreader@example.com", password: "Docs-Reader-123!" };

let stack: Stack;
let browser: Browser;
let page: Page;
let origin: string;
/** Everything that went wrong in the page: console errors, uncaught exceptions, CSP violations. */
const problems: string[] = [];
/** Every URL the page requested. */
const requested: string[] = [];
const started = Date.now();
const timings: Record<string, number> = {};
const mark = (what: string) => {
	timings[what] = Date.now() - started;
};

before(async () => {
	stack = await startStack({ name: "docs", prism: false });
	origin = new URL(stack.serverUrl).origin;
	mark("server started");
	const r = await fetch(`${stack.serverUrl}/api/auth/local/register`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(account),
	});
	equal(r.status, 200, `register: ${await r.text()}`);

	browser = await chromium.launch({ executablePath, args: chromiumArgs });
	mark("browser launched");
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.setDefaultTimeout(20_000);
	page.on("console", (m) => {
		if (m.type() === "error") problems.push(`console error: ${m.text()}`);
	});
	page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
	page.on("request", (req) => requested.push(req.url()));
	page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
	page.on("response", (res) => {
		if (res.status() >= 400) problems.push(`answer ${res.status()}: ${res.request().method()} ${res.url()}`);
	});
	await page.exposeFunction("reportCSPViolation", (v: string) => problems.push(`CSP violation: ${v}`));
	await page.addInitScript(() => {
		const report = (window as unknown as { reportCSPViolation(v: string): void }).reportCSPViolation;
		document.addEventListener("securitypolicyviolation", (e) =>
			report(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} ${e.sample}`),
		);
	});
});

after(async () => {
	await browser?.close();
	await stack?.stop();
	console.log(`# timings (ms since the start of the file): ${JSON.stringify(timings)}`);
});

/** Expands an operation, clicks "Try it out", optionally fills the body, executes it and answers the rendered response. */
async function tryItOut(operationId: string, body?: object): Promise<{ status: string; body: string; url: string }> {
	const op = page.locator(`[id$="-${operationId}"].opblock`);
	await op.locator(".opblock-summary-control").click();
	await op.locator("button.try-out__btn").click();
	if (body) await op.locator("textarea.body-param__text").fill(JSON.stringify(body, null, 2));
	await op.locator("button.execute").click();
	const live = op.locator(".live-responses-table .response");
	await live.locator(".response-col_status").waitFor();
	return {
		status: (await live.locator(".response-col_status").innerText()).trim(),
		body: await live.locator(".response-col_description .highlight-code pre").innerText(),
		url: (await op.locator(".request-url pre").innerText()).trim(),
	};
}

function assertNoProblems() {
	deepEqual(problems, [], "the page reported problems");
}

test("/docs/ renders the contract with no console error and no CSP violation", async () => {
	const res = await page.goto(`${stack.serverUrl}/docs`);
	ok(res);
	equal(res.url(), `${origin}/docs/`, "/docs redirects to /docs/");
	match(res.headers()["content-security-policy"] ?? "", /script-src 'self'/);
	await page.locator(".information-container .title").waitFor();
	match(await page.locator(".information-container .title").innerText(), /MTB Backend API/);
	await page.locator("#operations-auth-login").waitFor();
	mark("docs rendered");
	assertNoProblems();
});

let jwt = "";

test('"Try it out" logs in with POST /api/auth/local', async () => {
	const r = await tryItOut("login", { identifier: account.email, password: account.password });
	equal(r.url, `${origin}/api/auth/local`);
	equal(r.status, "200");
	const answer = JSON.parse(r.body) as { jwt?: string; user?: { username?: string } };
	ok(answer.jwt && /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(answer.jwt), `a jwt in ${r.body}`);
	equal(answer.user?.username, account.username);
	jwt = answer.jwt;
	mark("logged in");
	assertNoProblems();
});

test('"Authorize" with the JWT, then GET /api/users/me', async () => {
	ok(jwt, "the login test gave a jwt");
	await page.locator(".scheme-container button.authorize").click();
	const modal = page.locator(".modal-ux");
	const scheme = modal.locator(".auth-container", { hasText: "bearerAuth" });
	await scheme.locator("input").fill(jwt);
	await scheme.locator("button.authorize").click();
	await scheme.locator("h6", { hasText: "Authorized" }).waitFor();
	await scheme.locator("button.btn-done").click();
	await modal.waitFor({ state: "detached" });

	const r = await tryItOut("getCurrentUser");
	// Try it out fills the optional populate parameter with its example, "role", so the
	// answer carries the caller's own role (decision D11).
	equal(r.url, `${origin}/api/users/me?populate=role`);
	equal(r.status, "200");
	const me = JSON.parse(r.body) as { username?: string; email?: string; role?: { type?: string } };
	equal(me.username, account.username);
	equal(me.email, account.email);
	equal(me.role?.type, "authenticated");
	mark("read /api/users/me");
	assertNoProblems();

	mkdirSync(join(root, "test-results"), { recursive: true });
	await page.screenshot({ path: screenshot, fullPage: true });
	mark("screenshot");
});

test("the page requested nothing but the server", () => {
	ok(requested.length > 0, "no request seen");
	const elsewhere = requested.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
	deepEqual(elsewhere, [], `requests outside ${origin}`);
	for (const path of ["/docs/", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/init.js", "/openapi.yaml"]) {
		ok(requested.includes(origin + path), `${path} was loaded (${requested.join(", ")})`);
	}
	assertNoProblems();
});
