// Refresh mode (JWT_MANAGEMENT=refresh) as a frontend uses it, with the generated client
// (@mtb/api-client), against bin/mtb-api behind Prism: every request and answer is checked
// against openapi.yaml. Access tokens live 2 s here, so the tests wait for them to expire
// (sleeping until their exp) instead of forging tokens; refresh tokens replayed more than 1 s
// after their rotation count as stolen.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createApiClient, type ApiClient, type ApiClientOptions, type ApiError, type SessionTokens } from "@mtb/api-client";
import { contractFetch, startStack, type Stack } from "./harness.js";

const reuseGraceMs = 1_000;

let stack: Stack;
before(async () => {
	stack = await startStack({
		name: "sessions",
		env: { JWT_MANAGEMENT: "refresh", SESSIONS_ACCESS_TOKEN_LIFESPAN: "2s", SESSIONS_REUSE_GRACE: `${reuseGraceMs}ms` },
	});
});
after(async () => {
	await stack?.stop();
});

/** The payload of a session token: {userId, sessionId, type, iat?, exp}. */
interface SessionClaims {
	userId: string;
	sessionId: string;
	type: "access" | "refresh";
	iat?: number;
	exp: number;
}
function claims(jwt: string | undefined): SessionClaims {
	assert.ok(jwt, "no token");
	const payload = jwt.split(".")[1];
	assert.ok(payload, `not a JWT: ${jwt}`);
	return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SessionClaims;
}

/** Sleeps until the access token has expired (its exp is in whole seconds). */
async function expire(jwt: string | undefined): Promise<void> {
	const ms = claims(jwt).exp * 1000 - Date.now() + 100;
	if (ms > 0) await sleep(ms);
}

/**
 * Sleeps until just after the start of a second: an access token issued then lives almost its
 * full 2 s (iat and exp count in whole seconds), enough to show that a refusal comes from a
 * revocation and not from the expiry.
 */
async function startOfSecond(): Promise<void> {
	await sleep(1000 - (Date.now() % 1000) + 20);
}

/** Asserts that the access token has not expired yet (a 401 seen before this was a revocation). */
function assertUnexpired(jwt: string | undefined) {
	assert.ok(claims(jwt).exp * 1000 > Date.now(), "the access token expired during the test: the 401 proves nothing");
}

/** Asserts the typed error envelope. */
function assertError(error: ApiError | undefined, status: number, name: ApiError["error"]["name"], message: string) {
	assert.ok(error, `expected a ${status} ${name} error, got a success`);
	assert.deepEqual(
		{ status: error.error.status, name: error.error.name, message: error.error.message },
		{ status, name, message },
	);
}

/** A request the client sent, as the network saw it. */
interface Sent {
	/** `METHOD /path` */
	op: string;
	authorization: string | null;
	refreshCookieMode: string | null;
	cookie: string | null;
	body: string;
	status?: number;
}

/** A fetch that records the requests the client sends, over the harness's contract check. */
function recorder(inner: (request: Request) => Promise<Response> = contractFetch) {
	const sent: Sent[] = [];
	return {
		sent,
		/** The requests sent so far, as `METHOD /path status`. */
		ops: () => sent.map((s) => `${s.op} ${s.status ?? "?"}`),
		/** How many requests went to `METHOD /path`. */
		count: (op: string) => sent.filter((s) => s.op === op).length,
		async fetch(request: Request): Promise<Response> {
			const record: Sent = {
				op: `${request.method} ${new URL(request.url).pathname}`,
				authorization: request.headers.get("Authorization"),
				refreshCookieMode: request.headers.get("x-strapi-refresh-cookie"),
				cookie: request.headers.get("Cookie"),
				body: request.body ? await request.clone().text() : "",
			};
			sent.push(record);
			const response = await inner(request);
			record.status = response.status;
			return response;
		},
	};
}

/**
 * A browser's cookie jar, which Node's fetch lacks: keeps the Set-Cookie of the answers and sends
 * the cookies back (one origin, path / only, as the refresh cookie is set here).
 *
 * Prism's proxy folds the server's two Set-Cookie headers (strapi_up_refresh and its Koa
 * signature strapi_up_refresh.sig) into one, joined by a comma; the jar splits them again at a
 * comma followed by `name=` (the comma of an `expires` date is followed by a day number).
 */
function cookieJar() {
	const cookies = new Map<string, string>();
	const setCookies: string[] = [];
	return {
		cookies,
		/** Every Set-Cookie line received, in order. */
		setCookies,
		/** A fetch over inner that uses the jar. */
		wrap: (inner: (request: Request) => Promise<Response>) => async (request: Request): Promise<Response> => {
			if (cookies.size > 0) {
				request.headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
			}
			const response = await inner(request);
			for (const line of response.headers.getSetCookie().flatMap((l) => l.split(/,(?=\s*[^;,=\s]+=)/))) {
				setCookies.push(line);
				const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
				const eq = pair.indexOf("=");
				const name = pair.slice(0, eq);
				const value = pair.slice(eq + 1);
				const expires = attributes.find((a) => /^expires=/i.test(a));
				const gone = value === "" || (expires !== undefined && Date.parse(expires.slice("expires=".length)) <= Date.now());
				if (gone) cookies.delete(name);
				else cookies.set(name, value);
			}
			return response;
		},
	};
}
type CookieJar = ReturnType<typeof cookieJar>;

let seq = 0;
/** Registers a fresh account (with another client: its session is not the one under test). */
async function newAccount(prefix: string) {
	seq++;
	const account = { username: `${prefix}${seq}`, email: `${prefix}${seq}@example.com`, password: `Secure-${prefix}-${seq}!` };
	const { data, error } = await stack.client().POST("/api/auth/local/register", { body: account });
	assert.equal(error, undefined, `register ${account.username}: ${error?.error.message}`);
	assert.ok(data);
	return { ...account, id: data.user.id };
}

/**
 * A client through Prism in refresh mode, recording what it sends (with the cookies of jar, the
 * browser's, when given) and when its session ends.
 */
function sessionClient(options: Partial<ApiClientOptions> = {}, jar?: CookieJar) {
	const rec = recorder();
	const events = { sessionEnds: 0, tokens: [] as Partial<SessionTokens>[] };
	const api = createApiClient({
		baseUrl: stack.proxyUrl,
		...options,
		fetch: jar ? jar.wrap(rec.fetch) : rec.fetch,
		onTokens: (t) => events.tokens.push(t),
		onSessionEnd: () => events.sessionEnds++,
	});
	return { api, rec, events };
}

/** Logs in with api and keeps the answer's tokens in it, as a frontend does. */
async function login(api: ApiClient, account: { email: string; password: string }, deviceId?: string) {
	const { data, error } = await api.POST("/api/auth/local", {
		body: { identifier: account.email, password: account.password, ...(deviceId ? { deviceId } : {}) },
	});
	assert.equal(error, undefined, `login ${account.email}: ${error?.error.message}`);
	assert.ok(data);
	api.setTokens(data);
	return data;
}

describe("refresh mode, refresh token in the body", () => {
	test("login answers an access token and a refresh token of one new session", async () => {
		const account = await newAccount("login");
		const { api, events } = sessionClient();
		const data = await login(api, account, "laptop-1");
		assert.ok(data.refreshToken, "no refreshToken: is JWT_MANAGEMENT=refresh on?");
		const access = claims(data.jwt);
		const refresh = claims(data.refreshToken);
		assert.deepEqual(
			{ userId: access.userId, type: access.type, lifespan: access.exp - (access.iat ?? 0) },
			{ userId: String(account.id), type: "access", lifespan: 2 },
		);
		assert.deepEqual({ userId: refresh.userId, type: refresh.type }, { userId: String(account.id), type: "refresh" });
		assert.equal(refresh.sessionId, access.sessionId);
		assert.match(access.sessionId, /^[0-9a-f]{32}$/);
		assert.deepEqual(api.getTokens(), { jwt: data.jwt, refreshToken: data.refreshToken });
		assert.deepEqual(events.tokens, [{ jwt: data.jwt, refreshToken: data.refreshToken }]);

		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.id, account.id);
	});

	test("an expired access token is refreshed silently and the call succeeds", async () => {
		const account = await newAccount("silent");
		const { api, rec, events } = sessionClient();
		const first = await login(api, account);
		await expire(first.jwt);
		// The server does refuse it now: what follows is the client's doing.
		const refused = await stack.client(first.jwt).GET("/api/users/me");
		assertError(refused.error, 401, "UnauthorizedError", "Invalid token: Token expired");

		rec.sent.length = 0;
		const { data, error } = await api.GET("/api/users/me");
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.id, account.id);
		assert.deepEqual(rec.ops(), ["GET /api/users/me 401", "POST /api/auth/refresh 200", "GET /api/users/me 200"]);

		const tokens = api.getTokens();
		assert.ok(tokens.jwt && tokens.refreshToken);
		assert.notEqual(tokens.jwt, first.jwt, "the access token did not change: no refresh happened");
		assert.notEqual(tokens.refreshToken, first.refreshToken, "the refresh token was not rotated");
		assert.equal(claims(tokens.jwt).userId, String(account.id));
		assert.deepEqual(events.tokens.at(-1), tokens, "onTokens saw the new pair");
		assert.equal(events.sessionEnds, 0);

		const [, refresh, retry] = rec.sent;
		assert.equal(refresh?.authorization, null, "the (expired) access token went to the public refresh route");
		assert.deepEqual(JSON.parse(refresh?.body ?? ""), { refreshToken: first.refreshToken });
		assert.equal(retry?.authorization, `Bearer ${tokens.jwt}`);
	});

	test("a call with a body is sent again whole after the refresh", async () => {
		const account = await newAccount("body");
		const { api, rec } = sessionClient();
		const first = await login(api, account);
		await expire(first.jwt);
		rec.sent.length = 0;
		const password = `${account.password}-new`;
		const { data, error } = await api.POST("/api/auth/change-password", {
			body: { currentPassword: account.password, password, passwordConfirmation: password },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(rec.ops(), [
			"POST /api/auth/change-password 401",
			"POST /api/auth/refresh 200",
			"POST /api/auth/change-password 200",
		]);
		assert.equal(rec.sent[2]?.body, rec.sent[0]?.body);
		// The password did change: the replayed body was the whole one.
		assert.ok(data?.jwt);
		const relogin = await stack.client().POST("/api/auth/local", { body: { identifier: account.email, password } });
		assert.equal(relogin.error, undefined, relogin.error?.error.message);
	});

	test("concurrent calls after the expiry share one refresh", async () => {
		const account = await newAccount("concurrent");
		const { api, rec, events } = sessionClient();
		const first = await login(api, account);
		await expire(first.jwt);
		rec.sent.length = 0;
		const [a, b, c] = await Promise.all([
			api.GET("/api/users/me"),
			api.GET("/api/users/me"),
			api.GET("/api/auth/sessions"),
		]);
		assert.equal(a.error, undefined, a.error?.error.message);
		assert.equal(b.error, undefined, b.error?.error.message);
		assert.equal(c.error, undefined, c.error?.error.message);
		assert.equal(a.data?.id, account.id);
		assert.equal(b.data?.id, account.id);
		assert.equal(c.data?.data.filter((s) => s.current).length, 1);
		assert.equal(rec.count("POST /api/auth/refresh"), 1, `one refresh expected:\n${rec.ops().join("\n")}`);
		assert.equal(rec.sent.filter((s) => s.status === 401).length, 3, "the three calls went out with the expired token");
		assert.equal(events.sessionEnds, 0);
		assert.notEqual(api.getTokens().jwt, first.jwt);
	});

	test("logout ends the session at once: its access token and its refresh token are refused", async () => {
		const account = await newAccount("logout");
		const { api, rec, events } = sessionClient();
		await startOfSecond();
		await login(api, account);
		const tokens = api.getTokens();
		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.id, account.id);

		const { data, error } = await api.logout();
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(data, { ok: true });
		assert.deepEqual(api.getTokens(), {}, "the client forgot its tokens");
		assert.deepEqual(events.tokens.at(-1), {});
		const logout = rec.sent.at(-1);
		assert.equal(logout?.authorization, `Bearer ${tokens.jwt}`);
		assert.deepEqual(JSON.parse(logout?.body ?? ""), { refreshToken: tokens.refreshToken });

		const old = await stack.client(tokens.jwt).GET("/api/users/me");
		assertError(old.error, 401, "UnauthorizedError", "Missing or invalid credentials");
		assertUnexpired(tokens.jwt);
		const refresh = await stack.client().POST("/api/auth/refresh", { body: { refreshToken: tokens.refreshToken } });
		assertError(refresh.error, 401, "UnauthorizedError", "Invalid refresh token");
		// A logout is no surprise end of the session.
		assert.equal(events.sessionEnds, 0);
	});

	test("the session list, and revoking another device's session", async () => {
		const account = await newAccount("devices");
		const laptop = sessionClient();
		const phone = sessionClient();
		await startOfSecond();
		await login(laptop.api, account, "laptop");
		await login(phone.api, account, "phone");
		const phoneTokens = phone.api.getTokens();

		const list = await laptop.api.GET("/api/auth/sessions");
		assert.equal(list.error, undefined, list.error?.error.message);
		// register's session too, with the UUID device id Strapi gives it.
		const sessions = list.data?.data ?? [];
		assert.deepEqual(
			sessions.map((s) => [s.deviceId, s.current]),
			[
				["laptop", true],
				["phone", false],
				[sessions[2]?.deviceId, false],
			],
		);
		assert.match(sessions[2]?.deviceId ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		for (const s of sessions) {
			assert.match(s.id, /^[0-9a-f]{32}$/);
			assert.ok(Date.parse(s.loginAt) <= Date.parse(s.lastActiveAt), `${s.loginAt} ${s.lastActiveAt}`);
		}
		const phoneSession = sessions[1];
		assert.ok(phoneSession);
		assert.equal(phoneSession.id, claims(phoneTokens.jwt).sessionId);

		const revoked = await laptop.api.DELETE("/api/auth/sessions/{sessionId}", {
			params: { path: { sessionId: phoneSession.id } },
		});
		assert.equal(revoked.error, undefined, revoked.error?.error.message);
		assert.deepEqual(revoked.data, { data: {} });

		// The phone's access token is refused at once, and so is its refresh token: the client
		// tries a refresh, forgets its tokens and tells the app.
		const old = await stack.client(phoneTokens.jwt).GET("/api/users/me");
		assertError(old.error, 401, "UnauthorizedError", "Missing or invalid credentials");
		assertUnexpired(phoneTokens.jwt);
		phone.rec.sent.length = 0;
		const me = await phone.api.GET("/api/users/me");
		assertError(me.error, 401, "UnauthorizedError", "Missing or invalid credentials");
		assert.deepEqual(phone.rec.ops(), ["GET /api/users/me 401", "POST /api/auth/refresh 401"]);
		assert.equal(phone.events.sessionEnds, 1);
		assert.deepEqual(phone.api.getTokens(), {});

		// The laptop's session goes on; the revoked one is gone from the list, and again is 404.
		const remaining = await laptop.api.GET("/api/auth/sessions");
		assert.deepEqual(
			remaining.data?.data.map((s) => s.deviceId),
			sessions.filter((s) => s !== phoneSession).map((s) => s.deviceId),
		);
		const again = await laptop.api.DELETE("/api/auth/sessions/{sessionId}", {
			params: { path: { sessionId: phoneSession.id } },
		});
		assertError(again.error, 404, "NotFoundError", "Session not found");
		assert.equal(laptop.events.sessionEnds, 0);
	});

	test("a stolen refresh token replayed after the grace window ends the owner's session", async () => {
		const account = await newAccount("stolen");
		const owner = sessionClient();
		const first = await login(owner.api, account);
		const stolen = first.refreshToken;
		assert.ok(stolen);

		// The owner's client refreshes (rotating the stolen token away)...
		await expire(first.jwt);
		const me = await owner.api.GET("/api/users/me");
		assert.equal(me.data?.id, account.id);
		const rotated = owner.api.getTokens().refreshToken;
		assert.ok(rotated && rotated !== stolen, "no rotation");

		// ...and the thief replays it after the grace window: the whole session ends.
		await sleep(reuseGraceMs + 500);
		const theft = await stack.client().POST("/api/auth/refresh", { body: { refreshToken: stolen } });
		assertError(theft.error, 401, "UnauthorizedError", "Invalid refresh token");

		owner.rec.sent.length = 0;
		const ended = await owner.api.GET("/api/users/me");
		assertError(ended.error, 401, "UnauthorizedError", "Missing or invalid credentials");
		assert.deepEqual(owner.rec.ops(), ["GET /api/users/me 401", "POST /api/auth/refresh 401"]);
		assert.deepEqual(JSON.parse(owner.rec.sent[1]?.body ?? ""), { refreshToken: rotated }, "the owner's own, valid-looking token was refused");
		assert.equal(owner.events.sessionEnds, 1, "onSessionEnd fired once");
		assert.deepEqual(owner.api.getTokens(), {});
	});

	test("a legacy client (setToken only) never refreshes", async () => {
		const account = await newAccount("legacy");
		const { api, rec, events } = sessionClient();
		const { data } = await api.POST("/api/auth/local", { body: { identifier: account.email, password: account.password } });
		assert.ok(data);
		api.setToken(data.jwt);
		await expire(data.jwt);
		rec.sent.length = 0;
		const me = await api.GET("/api/users/me");
		assertError(me.error, 401, "UnauthorizedError", "Invalid token: Token expired");
		assert.deepEqual(rec.ops(), ["GET /api/users/me 401"]);
		assert.equal(events.sessionEnds, 0);
		assert.deepEqual(api.getTokens(), { jwt: data.jwt }, "the token is kept: the app decides");
	});
});

describe("refresh mode, refresh token in the httpOnly cookie", () => {
	test("login sets the cookie, a refresh reads and rotates it, logout clears it", async () => {
		const account = await newAccount("cookie");
		const jar = cookieJar();
		const tab = sessionClient({ refreshCookie: true }, jar);

		const data = await login(tab.api, account);
		assert.equal(data.refreshToken, undefined, "the refresh token is in the body in cookie mode");
		assert.deepEqual(tab.api.getTokens(), { jwt: data.jwt }, "script holds no refresh token");
		const loginCookie = jar.cookies.get("strapi_up_refresh");
		assert.ok(loginCookie, `no strapi_up_refresh cookie; Set-Cookie: ${jar.setCookies.join(" | ")}`);
		assert.deepEqual(
			{ type: claims(loginCookie).type, sessionId: claims(loginCookie).sessionId },
			{ type: "refresh", sessionId: claims(data.jwt).sessionId },
		);
		const line = jar.setCookies.find((l) => l.startsWith("strapi_up_refresh="));
		assert.match(line ?? "", /;\s*httponly/i);
		assert.match(line ?? "", /;\s*path=\//i);
		assert.equal(tab.rec.sent[0]?.refreshCookieMode, "httpOnly");

		// The access token expires: the refresh goes with the cookie alone.
		await expire(data.jwt);
		tab.rec.sent.length = 0;
		const me = await tab.api.GET("/api/users/me");
		assert.equal(me.error, undefined, me.error?.error.message);
		assert.equal(me.data?.id, account.id);
		assert.deepEqual(tab.rec.ops(), ["GET /api/users/me 401", "POST /api/auth/refresh 200", "GET /api/users/me 200"]);
		const [call, refresh] = tab.rec.sent;
		assert.equal(call?.refreshCookieMode, null, "x-strapi-refresh-cookie went to a route that does not take it");
		assert.equal(refresh?.refreshCookieMode, "httpOnly");
		assert.equal(refresh?.authorization, null);
		assert.match(refresh?.cookie ?? "", new RegExp(`(^|; )strapi_up_refresh=${loginCookie}(;|$)`));
		assert.deepEqual(JSON.parse(refresh?.body ?? ""), {});
		const rotated = jar.cookies.get("strapi_up_refresh");
		assert.ok(rotated && rotated !== loginCookie, "the cookie was not rotated");
		assert.notEqual(tab.api.getTokens().jwt, data.jwt);
		assert.equal(tab.api.getTokens().refreshToken, undefined);

		// A page load: a new client with the same cookies gets an access token from refresh().
		const reloaded = sessionClient({ refreshCookie: true }, jar);
		assert.equal(await reloaded.api.refresh(), true);
		const again = await reloaded.api.GET("/api/users/me");
		assert.equal(again.data?.id, account.id);

		// Logout ends the session and clears the cookie.
		const lastCookie = jar.cookies.get("strapi_up_refresh");
		const { data: ok, error } = await reloaded.api.logout();
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(ok, { ok: true });
		const logout = reloaded.rec.sent.at(-1);
		assert.equal(logout?.refreshCookieMode, "httpOnly");
		assert.deepEqual(JSON.parse(logout?.body ?? ""), {});
		assert.equal(jar.cookies.has("strapi_up_refresh"), false, `cookie not cleared; Set-Cookie: ${jar.setCookies.at(-1)}`);
		assert.deepEqual(reloaded.api.getTokens(), {});
		const replay = await stack.client().POST("/api/auth/refresh", { body: { refreshToken: lastCookie } });
		assertError(replay.error, 401, "UnauthorizedError", "Invalid refresh token");

		// Without the cookie, a refresh has nothing to go on: the session is over.
		assert.equal(await reloaded.api.refresh(), false);
		const missing = reloaded.rec.sent.at(-1);
		assert.equal(`${missing?.op} ${missing?.status}`, "POST /api/auth/refresh 400");
		assert.equal(reloaded.events.sessionEnds, 1);
	});

	test("register's refresh token (in the body, as in Strapi) moves into the cookie at the first refresh", async () => {
		seq++;
		const account = { username: `cookiereg${seq}`, email: `cookiereg${seq}@example.com`, password: `Secure-cookiereg-${seq}!` };
		const jar = cookieJar();
		const { api, rec } = sessionClient({ refreshCookie: true }, jar);
		const { data, error } = await api.POST("/api/auth/local/register", { body: account });
		assert.equal(error, undefined, error?.error.message);
		assert.ok(data?.jwt && data.refreshToken, "register answers both tokens in the body");
		assert.equal(jar.cookies.size, 0);
		api.setTokens({ jwt: data.jwt, refreshToken: data.refreshToken });

		assert.equal(await api.refresh(), true);
		const refresh = rec.sent.at(-1);
		assert.equal(refresh?.refreshCookieMode, "httpOnly");
		assert.deepEqual(JSON.parse(refresh?.body ?? ""), { refreshToken: data.refreshToken });
		assert.ok(jar.cookies.get("strapi_up_refresh"), "the refresh did not set the cookie");
		assert.equal(api.getTokens().refreshToken, undefined, "script still holds a refresh token");
		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.id, data.user.id);
	});
});
