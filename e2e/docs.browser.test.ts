// The API documentation in a real browser: Debian's Chromium, driven by playwright-core, opens
// /docs/ of bin/mtb-api under the page's own Content-Security-Policy, logs in through Swagger UI's
// "Try it out", authorizes with the JWT and reads /api/users/me. Then, on a second instance with
// the riders' custom user fields (e2e/riders.json), whose /docs shows the spec with them, a rider
// authorizes with their JWT and edits their profile with PUT /api/users/me: a new username and
// club. No console error, no CSP violation, and no request anywhere but the server (the test works
// offline). `make browser-test` runs it; the full-page screenshot goes to test-results/docs.png, the
// profile edit's (the operation, its request and answer) to test-results/docs-profile.png.
import { ok, equal, deepEqual, match } from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumArgs, executablePath, ridersFields, root, startStack, type Stack } from "./harness.js";

const screenshot = join(root, "test-results", "docs.png");
const profileScreenshot = join(root, "test-results", "docs-profile.png");

const account = { username: "docsreader", email: "docsreader@example.com", password: "Docs-Reader-123!" };

let stack: Stack;
/** The instance with the riders' custom user fields, started by its test. */
let riders: Stack | undefined;
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
	page = await newPage();
});

after(async () => {
	await browser?.close();
	await Promise.all([stack?.stop(), riders?.stop()]);
	console.log(`# timings (ms since the start of the file): ${JSON.stringify(timings)}`);
});

/** A new page of the browser whose problems and requests go to `problems` and `requested`. */
async function newPage(): Promise<Page> {
	const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	p.setDefaultTimeout(20_000);
	p.on("console", (m) => {
		if (m.type() === "error") problems.push(`console error: ${m.text()}`);
	});
	p.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
	p.on("request", (req) => requested.push(req.url()));
	p.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
	p.on("response", (res) => {
		if (res.status() >= 400) problems.push(`answer ${res.status()}: ${res.request().method()} ${res.url()}`);
	});
	await p.exposeFunction("reportCSPViolation", (v: string) => problems.push(`CSP violation: ${v}`));
	await p.addInitScript(() => {
		const report = (window as unknown as { reportCSPViolation(v: string): void }).reportCSPViolation;
		document.addEventListener("securitypolicyviolation", (e) =>
			report(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} ${e.sample}`),
		);
	});
	return p;
}

/** Authorizes Swagger UI's bearerAuth with a JWT, through its "Authorize" dialog. */
async function authorize(p: Page, jwt: string): Promise<void> {
	await p.locator(".scheme-container button.authorize").click();
	const modal = p.locator(".modal-ux");
	const scheme = modal.locator(".auth-container", { hasText: "bearerAuth" });
	await scheme.locator("input").fill(jwt);
	await scheme.locator("button.authorize").click();
	await scheme.locator("h6", { hasText: "Authorized" }).waitFor();
	await scheme.locator("button.btn-done").click();
	await modal.waitFor({ state: "detached" });
}

/** Expands an operation, clicks "Try it out", optionally fills the body, executes it and answers the rendered response. */
async function tryItOut(operationId: string, body?: object, p = page): Promise<{ status: string; body: string; url: string }> {
	const op = p.locator(`[id$="-${operationId}"].opblock`);
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
	await authorize(page, jwt);

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

test("on an instance with custom user fields, a rider edits their profile with PUT /api/users/me", async () => {
	riders = await startStack({ name: "docs-riders", prism: false, env: { USER_FIELDS_FILE: ridersFields } });
	const ridersOrigin = new URL(riders.serverUrl).origin;
	const rider = { username: "ana", email: "ana@example.com", password: "Docs-Rider-123!", fullName: "Ana Rojas", club: "Trek Chile" };
	const r = await fetch(`${riders.serverUrl}/api/auth/local/register`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(rider),
	});
	const registered = (await r.json()) as { jwt?: string };
	equal(r.status, 200, `register: ${JSON.stringify(registered)}`);
	ok(registered.jwt, "register answered a jwt");
	mark("riders server started");

	const from = requested.length;
	const p = await newPage();
	await p.goto(`${riders.serverUrl}/docs/`);
	await p.locator("#operations-users-updateCurrentUser").waitFor();
	// The documentation is the served spec: the profile edit's body has the editable custom fields.
	const model = p.locator("#model-UpdateMeRequest");
	await model.locator(".model-box-control").click();
	const properties = await model.locator(".model-box .property-row").allInnerTexts();
	const names = properties.map((row) => row.trim().split(/\s/)[0]).sort();
	deepEqual(names, ["club", "fullName", "phone", "username"]);

	await authorize(p, registered.jwt);
	const edit = await tryItOut("updateCurrentUser", { username: "ana.rojas", club: "Scott Racing" }, p);
	equal(edit.url, `${ridersOrigin}/api/users/me`);
	equal(edit.status, "200", edit.body);
	const edited = JSON.parse(edit.body) as Record<string, unknown>;
	equal(edited.username, "ana.rojas");
	equal(edited.club, "Scott Racing");
	equal(edited.fullName, rider.fullName, "the fields not sent are kept");
	equal(edited.email, rider.email);
	mark("profile edited");

	// The change is stored: the API answers it too.
	const me = await fetch(`${riders.serverUrl}/api/users/me`, { headers: { Authorization: `Bearer ${registered.jwt}` } });
	const stored = (await me.json()) as Record<string, unknown>;
	deepEqual({ username: stored.username, club: stored.club }, { username: "ana.rojas", club: "Scott Racing" });

	mkdirSync(join(root, "test-results"), { recursive: true });
	await p.locator("#operations-users-updateCurrentUser").screenshot({ path: profileScreenshot });
	const elsewhere = requested.slice(from).filter((u) => !u.startsWith("data:") && new URL(u).origin !== ridersOrigin);
	deepEqual(elsewhere, [], `requests outside ${ridersOrigin}`);
	assertNoProblems();
});
