// Sign-in with an OAuth provider, end to end: bin/mtb-api behind Prism (every request and answer
// checked against openapi.yaml), with the fake OAuth2 / OpenID Connect provider bin/fakeidp as
// GitHub and as an OpenID Connect issuer (oidc). The browser is simulated: fetch with manual
// redirects and a cookie jar of its own (Node's fetch keeps no cookies); the provider approves
// the account named by login_hint at once, as a click on its login page would
// (providers.browser.test.ts clicks it in Chromium).
//
//   - @nuxtjs/strapi's authenticateProvider, its requests unchanged (useStrapiAuth.js, below);
//   - the generated client's connectUrl() and api.providerCallback();
//   - refresh mode ({jwt, refreshToken, user}, and the refresh cookie);
//   - an account whose email the provider has not verified: 400, and no user is created.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { connectUrl, createApiClient, type AuthResponse, type ApiError } from "@mtb/api-client";
import { contractFetch, startStack, type Stack } from "./harness.js";

/** The frontend's callback page (never served here: the simulated browser stops at it). */
const frontendCallback = (provider: string) => `http://127.0.0.1:5173/connect/${provider}/redirect`;

const accounts = {
	rider: { email: "rider@example.com", username: "rider" },
	nuxt: { email: "nuxt.rider@example.com", username: "nuxtrider" },
	refresh: { email: "refresh.rider@example.com", username: "refreshrider" },
	cookie: { email: "cookie.rider@example.com", username: "cookierider" },
	unverified: { email: "shady@example.com", username: "shady" },
};
const idpAccounts = [
	`${accounts.rider.email}:${accounts.rider.username}`,
	`${accounts.nuxt.email}:${accounts.nuxt.username}`,
	`${accounts.refresh.email}:${accounts.refresh.username}`,
	`${accounts.cookie.email}:${accounts.cookie.username}`,
	`${accounts.unverified.email}:${accounts.unverified.username}!unverified`,
];
const providers = { oidc: { callback: frontendCallback("oidc") }, github: { callback: frontendCallback("github") } };

let stack: Stack;
let refreshStack: Stack | undefined;
before(async () => {
	stack = await startStack({ name: "providers", fakeIdp: { accounts: idpAccounts, providers } });
});
after(async () => {
	await Promise.all([stack?.stop(), refreshStack?.stop()]);
});

/**
 * A browser's cookie jar for 127.0.0.1, where the API, Prism and the provider all are (cookies
 * ignore the port, as in a browser): keeps the Set-Cookie of the answers and sends back those
 * whose path covers the request's.
 *
 * Prism's proxy folds the server's Set-Cookie headers (koa.sess and koa.sess.sig) into one,
 * joined by a comma; the jar splits them again at a comma followed by `name=` (the comma of an
 * `expires` date is followed by a day number).
 */
class CookieJar {
	readonly cookies = new Map<string, { value: string; path: string }>();
	/** Every Set-Cookie line received, in order. */
	readonly setCookies: string[] = [];

	header(url: string): string | undefined {
		const path = new URL(url).pathname;
		const sent = [...this.cookies]
			.filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
			.map(([name, c]) => `${name}=${c.value}`);
		return sent.length > 0 ? sent.join("; ") : undefined;
	}

	keep(response: Response): void {
		for (const line of response.headers.getSetCookie().flatMap((l) => l.split(/,(?=\s*[^;,=\s]+=)/))) {
			this.setCookies.push(line.trim());
			const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
			const eq = pair.indexOf("=");
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			const expires = attributes.find((a) => /^expires=/i.test(a));
			const path = attributes.find((a) => /^path=/i.test(a))?.slice("path=".length) ?? "/";
			const gone = value === "" || (expires !== undefined && Date.parse(expires.slice("expires=".length)) <= Date.now());
			if (gone) this.cookies.delete(name);
			else this.cookies.set(name, { value, path });
		}
	}

	/** A fetch for clients that sends and keeps the jar's cookies, over inner. */
	wrap(inner: (request: Request) => Promise<Response>) {
		return async (request: Request): Promise<Response> => {
			const cookie = this.header(request.url);
			if (cookie) request.headers.set("Cookie", cookie);
			const response = await inner(request);
			this.keep(response);
			return response;
		};
	}
}

/** A hop of a navigation: the URL, the status, and where it redirected. */
interface Hop {
	url: string;
	status: number;
	location?: string;
}

/**
 * The browser's side of a sign-in: goes to `start` (the link the frontend shows) and follows
 * the redirects with the jar's cookies until the frontend's callback page, approving the account
 * at the provider (login_hint). Answers the hops, the last being the frontend's page.
 *
 * These legs go to the binary itself, not through Prism: Prism's proxy follows an upstream
 * redirect itself (it would answer the provider's login page, 200, to GET /api/connect/...), so
 * it cannot check a 302; the JSON calls that follow go through Prism. A link to Prism's URL (the
 * API's URL for the frontend here) is followed at the binary's.
 */
async function signInAtProvider(s: Stack, jar: CookieJar, start: string, email: string, frontend: string): Promise<Hop[]> {
	const idp = s.idp?.url;
	assert.ok(idp, "the stack has no fake provider");
	const hops: Hop[] = [];
	let url = start.startsWith(`${s.proxyUrl}/`) ? s.serverUrl + start.slice(s.proxyUrl.length) : start;
	for (let i = 0; i < 6; i++) {
		if (url.startsWith(frontend)) {
			hops.push({ url, status: 0 });
			return hops;
		}
		if (url.startsWith(`${idp}/authorize?`)) {
			const u = new URL(url);
			u.searchParams.set("login_hint", email);
			url = u.toString();
		}
		const headers = new Headers();
		const cookie = jar.header(url);
		if (cookie) headers.set("Cookie", cookie);
		const response: Response = await fetch(url, { headers, redirect: "manual" });
		await response.arrayBuffer();
		jar.keep(response);
		const location = response.headers.get("Location") ?? undefined;
		hops.push({ url, status: response.status, ...(location ? { location } : {}) });
		if (response.status !== 302 || !location) {
			assert.fail(`the sign-in stopped at ${url}: ${response.status}; hops: ${JSON.stringify(hops, null, 2)}`);
		}
		url = new URL(location, url).toString();
	}
	assert.fail(`too many redirects: ${JSON.stringify(hops, null, 2)}`);
}

/** The users of the stack's database, by `mtb-api users list`. */
async function userList(s: Stack): Promise<string> {
	return (await s.cli("users", "list")).stdout;
}

function assertError(error: ApiError | undefined, status: number, message: string) {
	assert.ok(error, `expected a ${status} error "${message}", got a success`);
	assert.deepEqual(
		{ status: error.error.status, name: error.error.name, message: error.error.message },
		{ status, name: "ApplicationError", message },
	);
}

// @nuxtjs/strapi 2.2.0 (npm), dist/runtime/composables/useStrapiAuth.js, useStrapiClient.js and
// utils/stringify.js, with its requests unchanged:
//   getProviderAuthenticationUrl(provider) = `${url}/connect/${provider}`, url = strapi.url + "/api";
//   authenticateProvider(provider, access_token): setToken(null), then
//     client(`/auth/${provider}/callback`, { method: "GET", params: { access_token } })
//     = $fetch(GET <url>/auth/<provider>/callback[?access_token=<token>]) with no Authorization
//       (the token was just cleared) and fetch's default credentials (stringify drops an
//       undefined access_token: no query at all then);
//   setToken(jwt), then fetchUser(): client("/users/me", { params: config.strapi.auth }) = GET
//     <url>/users/me with Authorization: Bearer <jwt> (auth: {} by default: no query).
// Its callback page passes route.query.access_token, absent here: the API redirects to the
// frontend with no query on success (Strapi 5.53 and later).
function stringify(obj: Record<string, unknown>): string {
	const pairs: string[] = [];
	for (const key in obj) {
		const value = obj[key];
		if (value === undefined) continue;
		pairs.push(`${key}=${encodeURIComponent(String(value))}`);
	}
	return pairs.join("&");
}

/** useStrapiAuth() of @nuxtjs/strapi over a fetch that, as a browser on the same site would, carries the cookies. */
function nuxtStrapiAuth(strapiUrl: string, browserFetch: (request: Request) => Promise<Response>) {
	const url = `${strapiUrl}/api`;
	let token: string | null = null;
	const sent: { method: string; url: string; authorization: string | null; cookie: string | null }[] = [];
	const client = async <T>(path: string, params?: Record<string, unknown>): Promise<T> => {
		const query = params ? stringify(params) : "";
		const request = new Request(`${url}${path}${query ? `?${query}` : ""}`, {
			method: "GET",
			headers: token ? { Authorization: `Bearer ${token}` } : {},
		});
		const response = await browserFetch(request);
		sent.push({
			method: request.method,
			url: request.url,
			authorization: request.headers.get("Authorization"),
			cookie: request.headers.get("Cookie"),
		});
		const body = (await response.json()) as unknown;
		if (!response.ok) throw body; // ofetch's FetchError; useStrapiClient throws err.data
		return body as T;
	};
	return {
		sent,
		getProviderAuthenticationUrl: (provider: string) => `${url}/connect/${provider}`,
		async authenticateProvider(provider: string, access_token?: string) {
			token = null;
			const { jwt } = await client<{ jwt: string }>(`/auth/${provider}/callback`, { access_token });
			token = jwt;
			const user = await client<{ username: string; email: string }>("/users/me", {});
			return { user, jwt };
		},
	};
}

describe("@nuxtjs/strapi's authenticateProvider", () => {
	test("GitHub: its link, the provider, the callback page's GET /api/auth/github/callback, then /api/users/me", async () => {
		const jar = new CookieJar();
		const nuxt = nuxtStrapiAuth(stack.proxyUrl, jar.wrap(contractFetch));
		const link = nuxt.getProviderAuthenticationUrl("github");
		assert.equal(link, `${stack.proxyUrl}/api/connect/github`);

		const hops = await signInAtProvider(stack, jar, link, accounts.nuxt.email, frontendCallback("github"));
		assert.deepEqual(
			hops.map((h) => `${h.status} ${new URL(h.url).pathname}`),
			["302 /api/connect/github", "302 /authorize", "302 /api/connect/github/callback", `0 /connect/github/redirect`],
		);
		assert.equal(hops.at(-1)?.url, frontendCallback("github"), "success comes back with no query");
		const start = jar.setCookies.filter((c) => /^koa\.sess(\.sig)?=/.test(c));
		assert.ok(start.length >= 1, `no koa.sess cookie: ${jar.setCookies.join(" | ")}`);
		for (const c of start.slice(0, 2)) assert.match(c, /path=\/api;.*samesite=lax; httponly/i);
		assert.ok(jar.cookies.has("koa.sess"), "the provider session cookie is kept until the callback call");

		// route.query.access_token is undefined: no query.
		const { user, jwt } = await nuxt.authenticateProvider("github", undefined);
		assert.match(jwt, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
		assert.deepEqual({ username: user.username, email: user.email }, accounts.nuxt);
		assert.deepEqual(
			nuxt.sent.map((s) => ({ method: s.method, url: s.url, authorization: s.authorization })),
			[
				{ method: "GET", url: `${stack.proxyUrl}/api/auth/github/callback`, authorization: null },
				{ method: "GET", url: `${stack.proxyUrl}/api/users/me`, authorization: `Bearer ${jwt}` },
			],
		);
		assert.match(nuxt.sent[0]?.cookie ?? "", /(^|; )koa\.sess=/, "the callback call carried the provider session cookie");
		assert.equal(jar.cookies.has("koa.sess"), false, "the callback call cleared koa.sess");
		assert.match(await userList(stack), /nuxtrider\s+nuxt\.rider@example\.com\s+github/);
	});

	test("an access_token in the query (as Strapi before 5.53 redirected with) is ignored", async () => {
		const jar = new CookieJar();
		const nuxt = nuxtStrapiAuth(stack.proxyUrl, jar.wrap(contractFetch));
		await signInAtProvider(stack, jar, nuxt.getProviderAuthenticationUrl("github"), accounts.nuxt.email, frontendCallback("github"));
		const { user } = await nuxt.authenticateProvider("github", "gho_not-a-real-token");
		assert.equal(user.username, accounts.nuxt.username, "the same account, found again by its email and provider");
		assert.equal(nuxt.sent[0]?.url, `${stack.proxyUrl}/api/auth/github/callback?access_token=gho_not-a-real-token`);
	});

	test("without the provider session (another browser, or a second call), 400 and no token", async () => {
		const nuxt = nuxtStrapiAuth(stack.proxyUrl, contractFetch);
		await assert.rejects(nuxt.authenticateProvider("github", undefined), (err: ApiError) => {
			assert.deepEqual(err.error, {
				status: 400,
				name: "ApplicationError",
				message: "OAuth authentication requires a completed provider session",
				details: {},
			});
			return true;
		});
	});
});

describe("the generated client: connectUrl() and api.providerCallback()", () => {
	test("connectUrl builds the link", () => {
		assert.equal(connectUrl("https://api.example.com", "google"), "https://api.example.com/api/connect/google");
		assert.equal(connectUrl("https://api.example.com/", "oidc"), "https://api.example.com/api/connect/oidc");
		assert.equal(
			connectUrl("https://api.example.com", "google", "https://app.example/connect/google/redirect?x=1&y=2"),
			"https://api.example.com/api/connect/google?callback=https%3A%2F%2Fapp.example%2Fconnect%2Fgoogle%2Fredirect%3Fx%3D1%26y%3D2",
		);
	});

	test("OpenID Connect: the link with ?callback=, the provider, providerCallback() keeps the jwt, /api/users/me", async () => {
		const jar = new CookieJar();
		const credentials: string[] = [];
		const api = createApiClient({
			baseUrl: stack.proxyUrl,
			fetch: jar.wrap((request) => {
				credentials.push(`${request.method} ${new URL(request.url).pathname} ${request.credentials}`);
				return contractFetch(request);
			}),
		});
		const link = connectUrl(stack.proxyUrl, "oidc", frontendCallback("oidc"));
		const hops = await signInAtProvider(stack, jar, link, accounts.rider.email, frontendCallback("oidc"));
		assert.equal(hops.at(-1)?.url, frontendCallback("oidc"));

		const { data, error } = await api.providerCallback("oidc");
		assert.equal(error, undefined, `providerCallback: ${error?.error.message}`);
		assert.ok(data);
		assert.deepEqual({ username: data.user.username, email: data.user.email, provider: data.user.provider }, { ...accounts.rider, provider: "oidc" });
		assert.equal(data.user.confirmed, true);
		assert.equal(data.refreshToken, undefined, "legacy mode: no refresh token");
		assert.deepEqual(api.getTokens(), { jwt: data.jwt });

		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.username, accounts.rider.username, "the client sends the jwt it kept");
		assert.deepEqual(credentials, ["GET /api/auth/oidc/callback include", "GET /api/users/me same-origin"]);

		// The provider session is used: a second call is refused, and the token is left alone.
		const again = await api.providerCallback("oidc");
		assertError(again.error, 400, "OAuth authentication requires a completed provider session");
		assert.deepEqual(api.getTokens(), { jwt: data.jwt });
	});

	test("a callback other than the configured one is refused (no open redirect)", async () => {
		// A 400 is no redirect: Prism can check this one.
		const r = await contractFetch(
			new Request(connectUrl(stack.proxyUrl, "oidc", "https://evil.example/connect/oidc/redirect"), { redirect: "manual" }),
		);
		const body = (await r.json()) as ApiError;
		assert.equal(r.status, 400, JSON.stringify(body));
		assert.deepEqual(
			{ name: body.error.name, message: body.error.message },
			{ name: "ValidationError", message: "Invalid callback URL provided" },
		);
		assert.equal(r.headers.getSetCookie().length, 0, "no provider session was started");
	});
});

describe("a provider that has not verified the email", () => {
	test("OpenID Connect: 400 Email not verified by OpenID Connect, and no user is created", async () => {
		const before = await userList(stack);
		const jar = new CookieJar();
		const api = createApiClient({ baseUrl: stack.proxyUrl, fetch: jar.wrap(contractFetch) });
		const hops = await signInAtProvider(stack, jar, connectUrl(stack.proxyUrl, "oidc"), accounts.unverified.email, frontendCallback("oidc"));
		// The exchange itself succeeds: the email is checked when the profile is used.
		assert.equal(hops.at(-1)?.url, frontendCallback("oidc"));
		const { data, error } = await api.providerCallback("oidc");
		assert.equal(data, undefined);
		assertError(error, 400, "Email not verified by OpenID Connect");
		assert.deepEqual(api.getTokens(), {}, "no token kept");
		const after = await userList(stack);
		assert.doesNotMatch(after, /shady/);
		assert.equal(after, before, "the users did not change");
	});

	test("GitHub: 400 Email not verified by GitHub", async () => {
		const jar = new CookieJar();
		const api = createApiClient({ baseUrl: stack.proxyUrl, fetch: jar.wrap(contractFetch) });
		await signInAtProvider(stack, jar, connectUrl(stack.proxyUrl, "github"), accounts.unverified.email, frontendCallback("github"));
		const { error } = await api.providerCallback("github");
		assertError(error, 400, "Email not verified by GitHub");
		assert.doesNotMatch(await userList(stack), /shady/);
	});
});

describe("refresh mode (JWT_MANAGEMENT=refresh)", () => {
	before(async () => {
		refreshStack = await startStack({ name: "providers-refresh", env: { JWT_MANAGEMENT: "refresh" }, fakeIdp: { accounts: idpAccounts } });
		// Configured while the server runs: configureProvider waits for its settings cache.
		await refreshStack.configureProvider("oidc", { callback: frontendCallback("oidc") });
	});

	test("providerCallback() answers {jwt, refreshToken, user} and the client keeps both", async () => {
		const s = refreshStack!;
		const jar = new CookieJar();
		const api = createApiClient({ baseUrl: s.proxyUrl, fetch: jar.wrap(contractFetch) });
		await signInAtProvider(s, jar, connectUrl(s.proxyUrl, "oidc"), accounts.refresh.email, frontendCallback("oidc"));
		const { data, error } = await api.providerCallback("oidc");
		assert.equal(error, undefined, `providerCallback: ${error?.error.message}`);
		assert.ok(data);
		const answer: AuthResponse = data;
		assert.ok(answer.refreshToken, "no refreshToken in refresh mode");
		assert.deepEqual(api.getTokens(), { jwt: answer.jwt, refreshToken: answer.refreshToken });
		assert.equal(answer.user.username, accounts.refresh.username);

		// A session of its own: listed, and refreshable.
		const sessions = await api.GET("/api/auth/sessions");
		assert.equal(sessions.data?.data.length, 1);
		assert.equal(await api.refresh(), true);
		assert.notEqual(api.getTokens().refreshToken, answer.refreshToken, "the refresh rotated the refresh token");
		assert.equal((await api.GET("/api/users/me")).data?.email, accounts.refresh.email);
	});

	test("with refreshCookie, the refresh token comes as the httpOnly cookie", async () => {
		const s = refreshStack!;
		const jar = new CookieJar();
		const headers: (string | null)[] = [];
		const api = createApiClient({
			baseUrl: s.proxyUrl,
			refreshCookie: true,
			fetch: jar.wrap((request) => {
				headers.push(request.headers.get("x-strapi-refresh-cookie"));
				return contractFetch(request);
			}),
		});
		await signInAtProvider(s, jar, connectUrl(s.proxyUrl, "oidc"), accounts.cookie.email, frontendCallback("oidc"));
		const { data, error } = await api.providerCallback("oidc");
		assert.equal(error, undefined, `providerCallback: ${error?.error.message}`);
		assert.ok(data);
		assert.deepEqual(headers, ["httpOnly"]);
		assert.equal(data.refreshToken, undefined, "the refresh token is in the cookie, not the body");
		assert.ok(jar.cookies.get("strapi_up_refresh"), `no strapi_up_refresh cookie: ${jar.setCookies.join(" | ")}`);
		assert.equal(jar.cookies.has("koa.sess"), false);
		// A page load: a new client gets an access token from the cookie.
		const reloaded = createApiClient({ baseUrl: s.proxyUrl, refreshCookie: true, fetch: jar.wrap(contractFetch) });
		assert.equal(await reloaded.refresh(), true);
		assert.equal((await reloaded.GET("/api/users/me")).data?.username, accounts.cookie.username);
	});
});
