// Sign-in with an OAuth provider in a real browser: Debian's Chromium, driven by playwright-core.
// A tiny frontend, served here on another port of 127.0.0.1 (the same site as the API, another
// origin, listed in the API's CORS_ORIGIN), uses the generated client in the browser
// (gen/ts/dist, with openapi-fetch, through an import map): its page links to connectUrl(), the
// API sends the browser to the fake provider (bin/fakeidp), whose login page has a button per
// account; the provider sends it back to the API, which sends it to the frontend's
// /connect/oidc/redirect, whose script calls api.providerCallback("oidc") (GET
// /api/auth/oidc/callback with credentials: 'include') and GET /api/users/me, and shows the user.
// Once with legacy tokens, once in refresh mode (JWT_MANAGEMENT=refresh: the answer has a
// refreshToken). No console error, and the provider session cookie koa.sess is gone afterwards.
// `make browser-test` runs it; screenshots go to test-results/providers.png (legacy) and
// test-results/providers-refresh.png.
import { ok, equal, deepEqual, match } from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumArgs, executablePath, root, startStack, type Stack } from "./harness.js";


const rider = { email: "rider@example.com", username: "rider" };
const other = { email: "other.rider@example.com", username: "otherrider" };
const idpAccounts = [`${rider.email}:${rider.username}`, `${other.email}:${other.username}`];

/** The frontend: a sign-in page and the callback page, with the client's ES modules. */
interface Frontend {
	origin: string;
	/** The configured callback of the provider: this frontend's page. */
	callback: string;
	/** The API the pages call (set once the stack is up). */
	api: string;
	close(): Promise<void>;
}

const clientFiles: Record<string, string> = {
	"/client/index.js": join(root, "gen", "ts", "dist", "index.js"),
	"/client/query.js": join(root, "gen", "ts", "dist", "query.js"),
	"/client/security.js": join(root, "gen", "ts", "dist", "security.js"),
	"/vendor/openapi-fetch.mjs": join(root, "node_modules", "openapi-fetch", "dist", "index.mjs"),
};

const head = (title: string, api: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports: { "@mtb/api-client": "/client/index.js", "openapi-fetch": "/vendor/openapi-fetch.mjs" } })}</script>
<script>window.API = ${JSON.stringify(api)};</script>
</head>`;

function signInPage(api: string, callback: string): string {
	return `${head("Riders: sign in", api)}
<body><h1>Riders</h1>
<p><a id="sign-in" href="#">Sign in with OIDC</a></p>
<script type="module">
import { connectUrl } from "@mtb/api-client";
document.getElementById("sign-in").href = connectUrl(window.API, "oidc", ${JSON.stringify(callback)});
</script></body></html>`;
}

function callbackPage(api: string): string {
	return `${head("Riders: signing in", api)}
<body><h1>Riders</h1>
<p id="status">Signing in...</p>
<dl><dt>Username</dt><dd id="username"></dd><dt>Email</dt><dd id="email"></dd><dt>Provider</dt><dd id="provider"></dd>
<dt>Tokens</dt><dd id="tokens"></dd></dl>
<script type="module">
import { createApiClient } from "@mtb/api-client";
const show = (id, text) => { document.getElementById(id).textContent = text; };
const api = createApiClient({ baseUrl: window.API });
const failed = new URLSearchParams(location.search).get("error_description");
if (failed) {
	show("status", "Sign-in failed: " + failed);
} else {
	const { data, error } = await api.providerCallback("oidc");
	if (error) {
		show("status", "Sign-in failed: " + error.error.message);
	} else {
		const me = await api.GET("/api/users/me");
		if (me.error) {
			show("status", "Signed in, but /api/users/me failed: " + me.error.error.message);
		} else {
			show("username", me.data.username);
			show("email", me.data.email);
			show("provider", me.data.provider);
			show("tokens", data.refreshToken ? "jwt and refresh token" : "jwt");
			show("status", "Signed in as " + me.data.username);
		}
	}
}
</script></body></html>`;
}

async function startFrontend(): Promise<Frontend> {
	const fe: Frontend = { origin: "", callback: "", api: "", close: async () => {} };
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://x").pathname;
		const file = clientFiles[path];
		if (file) {
			res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
			res.end(readFileSync(file));
		} else if (path === "/") {
			res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
			res.end(signInPage(fe.api, fe.callback));
		} else if (path === "/connect/oidc/redirect") {
			res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
			res.end(callbackPage(fe.api));
		} else {
			res.writeHead(404, { "Content-Type": "text/plain" });
			res.end("not found");
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", resolve);
	});
	fe.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	fe.callback = `${fe.origin}/connect/oidc/redirect`;
	fe.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return fe;
}

/** A stack with the fake provider as oidc, whose callback is the frontend's page, and the frontend. */
async function startSite(name: string, env: Record<string, string> = {}) {
	const frontend = await startFrontend();
	const stack = await startStack({
		name,
		prism: false, // the browser talks to the binary (Prism would follow the API's redirects itself)
		env: { CORS_ORIGIN: frontend.origin, ...env },
		fakeIdp: { accounts: idpAccounts, providers: { oidc: { callback: frontend.callback } } },
	});
	frontend.api = stack.serverUrl;
	return { frontend, stack };
}

let browser: Browser;
const sites: { frontend: Frontend; stack: Stack }[] = [];

before(async () => {
	browser = await chromium.launch({ executablePath, args: chromiumArgs });
});
after(async () => {
	await browser?.close();
	await Promise.all(sites.map(async (s) => Promise.all([s.stack.stop(), s.frontend.close()])));
});

/** What went wrong in a page: console errors, uncaught exceptions, failed requests, error answers. */
function watch(page: Page, idp: string) {
	const problems: string[] = [];
	const requests: { method: string; url: string; headers: Promise<Record<string, string>> }[] = [];
	page.on("console", (m) => {
		if (m.type() !== "error") return;
		// The fake provider's login page has no favicon (its 404 is Chromium's own request, not a page's).
		if (m.location().url === `${idp}/favicon.ico`) return;
		problems.push(`console error: ${m.text()} (${m.location().url})`);
	});
	page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
	page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
	page.on("response", (res) => {
		if (res.status() >= 400) problems.push(`answer ${res.status()}: ${res.request().method()} ${res.url()}`);
	});
	page.on("request", (req) => requests.push({ method: req.method(), url: req.url(), headers: req.allHeaders() }));
	return { problems, requests };
}

async function signIn(name: string, env: Record<string, string>, account: typeof rider, tokens: string, screenshot: string) {
	const site = await startSite(name, env);
	sites.push(site);
	const { frontend, stack } = site;
	const idp = stack.idp!.url;
	const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		const { problems, requests } = watch(page, idp);

		await page.goto(`${frontend.origin}/`);
		const link = page.getByRole("link", { name: "Sign in with OIDC" });
		await page.waitForFunction(() => document.getElementById("sign-in")?.getAttribute("href") !== "#");
		equal(
			await link.getAttribute("href"),
			`${stack.serverUrl}/api/connect/oidc?callback=${encodeURIComponent(frontend.callback)}`,
		);
		await link.click();

		// The provider's login page, with the provider session started at the API.
		await page.waitForURL(`${idp}/authorize?**`);
		const started = (await context.cookies(`${stack.serverUrl}/api/connect`)).map((c) => c.name);
		ok(started.includes("koa.sess"), `no koa.sess cookie after GET /api/connect/oidc: ${started.join(", ")}`);
		const session = (await context.cookies(`${stack.serverUrl}/api/connect`)).find((c) => c.name === "koa.sess");
		deepEqual({ httpOnly: session?.httpOnly, sameSite: session?.sameSite, path: session?.path }, { httpOnly: true, sameSite: "Lax", path: "/api" });
		await page.locator(`button[data-account="${account.email}"]`).click();

		// Back at the API, then the frontend's callback page, which signs in.
		await page.waitForURL(frontend.callback);
		const status = page.locator("#status");
		await page.waitForFunction(() => document.getElementById("status")?.textContent !== "Signing in...");
		equal(await status.innerText(), `Signed in as ${account.username}`);
		equal(await page.locator("#username").innerText(), account.username);
		equal(await page.locator("#email").innerText(), account.email);
		equal(await page.locator("#provider").innerText(), "oidc");
		equal(await page.locator("#tokens").innerText(), tokens);

		const left = (await context.cookies(stack.serverUrl + "/api/auth/oidc/callback")).map((c) => c.name);
		ok(!left.includes("koa.sess"), `koa.sess is still there after the sign-in: ${left.join(", ")}`);

		// The requests the page made to the API: the callback with the session cookie (credentials:
		// 'include'), then /api/users/me with the JWT.
		const toApi = requests.filter((r) => r.url.startsWith(`${stack.serverUrl}/api/`) && !r.url.includes("/api/connect/"));
		deepEqual(
			toApi.map((r) => `${r.method} ${new URL(r.url).pathname}`).filter((r) => !r.startsWith("OPTIONS ")),
			["GET /api/auth/oidc/callback", "GET /api/users/me"],
		);
		const callbackHeaders = await toApi.find((r) => r.url.endsWith("/api/auth/oidc/callback"))!.headers;
		match(callbackHeaders["cookie"] ?? "", /(^|; )koa\.sess=/, "the callback call carried the provider session cookie");
		const meHeaders = await toApi.find((r) => r.url.endsWith("/api/users/me") && r.method === "GET")!.headers;
		match(meHeaders["authorization"] ?? "", /^Bearer eyJ/);

		mkdirSync(join(root, "test-results"), { recursive: true });
		await page.screenshot({ path: screenshot, fullPage: true });
		deepEqual(problems, [], "the pages reported problems");
		return stack;
	} finally {
		await context.close();
	}
}

describe("sign-in with an OpenID Connect provider in Chromium", () => {
	test("legacy tokens: the frontend's callback page gets {jwt, user} and shows the user", async () => {
		const stack = await signIn("providers-browser", {}, rider, "jwt", join(root, "test-results", "providers.png"));
		match((await stack.cli("users", "list")).stdout, /rider\s+rider@example\.com\s+oidc/);
	});

	test("refresh mode: the answer carries a refresh token too", async () => {
		const stack = await signIn(
			"providers-browser-refresh",
			{ JWT_MANAGEMENT: "refresh" },
			other,
			"jwt and refresh token",
			join(root, "test-results", "providers-refresh.png"),
		);
		match((await stack.cli("users", "list")).stdout, /otherrider\s+other\.rider@example\.com\s+oidc/);
	});
});
