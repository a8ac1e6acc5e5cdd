// Unit tests of the generated client (@mtb/api-client, clients/typescript) with a fake fetch
// instead of a server: the refresh logic, in the orders of events a real server rarely gives on
// demand (a token set while a refresh is out, many 401s at once, each refusal status), and the
// query strings it writes (query.test.ts runs them against the server).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createApiClient, strapiQuerySerializer, type ApiClientOptions, type operations, type SessionTokens } from "@mtb/api-client";

const baseUrl = "http://api.test";

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const errorBody = (status: number, name: string, message: string) => ({ data: null, error: { status, name, message, details: {} } });

const user = { id: 1, documentId: "abcdefghijklmnopqrstuvwx", username: "alice", email: "alice@example.com" };

/** A promise and the function that resolves it. */
function gate(): { wait: Promise<void>; open: () => void } {
	let open!: () => void;
	const wait = new Promise<void>((resolve) => {
		open = resolve;
	});
	return { wait, open };
}

interface FakeOptions {
	/** The access tokens /api/users/me accepts. */
	valid: Set<string>;
	/** Answers POST /api/auth/refresh, given the refresh token sent. */
	refresh: (refreshToken: string | undefined) => Promise<Response> | Response;
}

/** A fake fetch of the API: GET /api/users/me and POST /api/auth/refresh, and what it was sent. */
function fakeApi(opts: FakeOptions) {
	const refreshes: (string | undefined)[] = [];
	const meTokens: (string | undefined)[] = [];
	const fetch = async (request: Request): Promise<Response> => {
		const path = new URL(request.url).pathname;
		const bearer = request.headers.get("Authorization")?.replace(/^Bearer /, "");
		if (request.method === "GET" && path === "/api/users/me") {
			meTokens.push(bearer);
			return bearer !== undefined && opts.valid.has(bearer)
				? json(200, user)
				: json(401, errorBody(401, "UnauthorizedError", "Missing or invalid credentials"));
		}
		if (request.method === "POST" && path === "/api/auth/refresh") {
			assert.equal(bearer, undefined, "the refresh must not carry the access token");
			const body = (await request.json()) as { refreshToken?: string };
			refreshes.push(body.refreshToken);
			return opts.refresh(body.refreshToken);
		}
		throw new Error(`unexpected ${request.method} ${path}`);
	};
	return { fetch, refreshes, meTokens };
}

/** A client of the fake, recording what onTokens and onSessionEnd saw. */
function client(fake: ReturnType<typeof fakeApi>, options: Partial<ApiClientOptions> = {}) {
	const tokens: Partial<SessionTokens>[] = [];
	let sessionEnds = 0;
	const api = createApiClient({
		baseUrl,
		fetch: fake.fetch,
		onTokens: (t) => tokens.push(t),
		onSessionEnd: () => sessionEnds++,
		...options,
	});
	return { api, tokens, sessionEnds: () => sessionEnds };
}

describe("client refresh (fake fetch)", () => {
	test("a 401 refreshes once and retries with the new access token", async () => {
		const valid = new Set<string>();
		const fake = fakeApi({
			valid,
			refresh: (rt) => {
				assert.equal(rt, "r1");
				valid.add("a2");
				return json(200, { jwt: "a2", refreshToken: "r2" });
			},
		});
		const { api, tokens, sessionEnds } = client(fake, { token: "a1", refreshToken: "r1" });
		const { data, error, response } = await api.GET("/api/users/me");
		assert.equal(error, undefined);
		assert.equal(response.status, 200);
		assert.equal(data?.username, "alice");
		assert.deepEqual(fake.meTokens, ["a1", "a2"]);
		assert.deepEqual(fake.refreshes, ["r1"]);
		assert.deepEqual(api.getTokens(), { jwt: "a2", refreshToken: "r2" });
		assert.deepEqual(tokens, [{ jwt: "a2", refreshToken: "r2" }]);
		assert.equal(sessionEnds(), 0);
	});

	test("a 401 with a refused refresh answers the 401 and ends the session", async () => {
		const fake = fakeApi({
			valid: new Set(),
			refresh: () => json(401, errorBody(401, "UnauthorizedError", "Invalid refresh token")),
		});
		const { api, tokens, sessionEnds } = client(fake, { token: "a1", refreshToken: "r1" });
		const { error, response } = await api.GET("/api/users/me");
		assert.equal(response.status, 401);
		assert.equal(error?.error.name, "UnauthorizedError");
		assert.deepEqual(fake.meTokens, ["a1"], "no retry without new tokens");
		assert.deepEqual(api.getTokens(), {});
		assert.deepEqual(tokens, [{}]);
		assert.equal(sessionEnds(), 1);
	});

	test("concurrent 401s share one refresh", async () => {
		const valid = new Set<string>();
		const g = gate();
		const fake = fakeApi({
			valid,
			refresh: async () => {
				await g.wait;
				valid.add("a2");
				return json(200, { jwt: "a2", refreshToken: "r2" });
			},
		});
		const { api } = client(fake, { token: "a1", refreshToken: "r1" });
		const calls = Promise.all([1, 2, 3].map(() => api.GET("/api/users/me")));
		// The refresh is held until the three calls got their 401 and asked for it.
		await waitFor(() => fake.meTokens.length === 3 && fake.refreshes.length === 1);
		await new Promise((resolve) => setTimeout(resolve, 10));
		g.open();
		const results = await calls;
		for (const r of results) {
			assert.equal(r.response.status, 200);
			assert.equal(r.data?.username, "alice");
		}
		assert.deepEqual(fake.refreshes, ["r1"], "one refresh for the three 401s");
		assert.deepEqual(fake.meTokens.sort(), ["a1", "a1", "a1", "a2", "a2", "a2"]);
		assert.deepEqual(api.getTokens(), { jwt: "a2", refreshToken: "r2" });
	});

	test("setToken during a refresh wins, and keeps the refresh token the server rotated", async () => {
		const g = gate();
		const fake = fakeApi({
			valid: new Set(),
			refresh: async () => {
				await g.wait;
				return json(200, { jwt: "a2", refreshToken: "r2" });
			},
		});
		const { api, tokens } = client(fake, { token: "a1", refreshToken: "r1" });
		const refreshed = api.refresh();
		await waitFor(() => fake.refreshes.length === 1);
		api.setToken("a9");
		g.open();
		assert.equal(await refreshed, false, "the refresh lost to setToken");
		// r1 was rotated by the server: it soon stops working, r2 is the session's now.
		assert.deepEqual(api.getTokens(), { jwt: "a9", refreshToken: "r2" });
		assert.deepEqual(tokens.at(-1), { jwt: "a9", refreshToken: "r2" });
	});

	test("clearToken or setTokens during a refresh win whole", async () => {
		for (const change of ["clear", "setTokens"] as const) {
			const g = gate();
			const fake = fakeApi({
				valid: new Set(),
				refresh: async () => {
					await g.wait;
					return json(200, { jwt: "a2", refreshToken: "r2" });
				},
			});
			const { api } = client(fake, { token: "a1", refreshToken: "r1" });
			const refreshed = api.refresh();
			await waitFor(() => fake.refreshes.length === 1);
			if (change === "clear") api.clearToken();
			else api.setTokens({ jwt: "b1", refreshToken: "s1" });
			g.open();
			assert.equal(await refreshed, false, change);
			assert.deepEqual(api.getTokens(), change === "clear" ? {} : { jwt: "b1", refreshToken: "s1" }, change);
		}
	});

	test("a refresh started after a change of tokens is not shared with the one before it", async () => {
		const g = gate();
		let n = 0;
		const fake = fakeApi({
			valid: new Set(),
			refresh: async (rt) => {
				n++;
				if (n === 1) await g.wait;
				return json(200, { jwt: `a${n + 1}`, refreshToken: `${rt}-rotated-${n}` });
			},
		});
		const { api } = client(fake, { token: "a1", refreshToken: "r1" });
		const first = api.refresh();
		const same = api.refresh();
		await waitFor(() => fake.refreshes.length === 1);
		assert.equal(fake.refreshes.length, 1, "two refreshes of one epoch share the request");
		api.setTokens({ jwt: "b1", refreshToken: "s1" });
		const second = api.refresh();
		assert.equal(await second, true, "the new epoch's refresh is its own");
		assert.deepEqual(fake.refreshes, ["r1", "s1"]);
		assert.deepEqual(api.getTokens(), { jwt: "a3", refreshToken: "s1-rotated-2" });
		g.open();
		assert.equal(await first, false);
		assert.equal(await same, false);
		assert.deepEqual(api.getTokens(), { jwt: "a3", refreshToken: "s1-rotated-2" }, "the old epoch's answer changes nothing");
	});

	for (const [status, over] of [
		[400, true],
		[401, true],
		[403, true],
		[404, true],
		[408, false],
		[429, false],
		[500, false],
		[503, false],
	] as const) {
		test(`a refresh refused with ${status} ${over ? "ends" : "keeps"} the session`, async () => {
			const fake = fakeApi({ valid: new Set(), refresh: () => json(status, errorBody(status, "Error", "refused")) });
			const { api, tokens, sessionEnds } = client(fake, { token: "a1", refreshToken: "r1" });
			assert.equal(await api.refresh(), false);
			if (over) {
				assert.deepEqual(api.getTokens(), {});
				assert.deepEqual(tokens, [{}]);
				assert.equal(sessionEnds(), 1);
			} else {
				assert.deepEqual(api.getTokens(), { jwt: "a1", refreshToken: "r1" });
				assert.deepEqual(tokens, []);
				assert.equal(sessionEnds(), 0);
			}
		});
	}
});

describe("query strings (Strapi's bracket syntax)", () => {
	for (const [query, expected] of [
		[{ filters: { username: { $startsWith: "a" } } }, "filters[username][%24startsWith]=a"],
		[
			{ filters: { $or: [{ blocked: true }, { confirmed: false }] } },
			"filters[%24or][0][blocked]=true&filters[%24or][1][confirmed]=false",
		],
		[{ filters: { id: { $in: [1, 2] } } }, "filters[id][%24in][0]=1&filters[id][%24in][1]=2"],
		[{ sort: ["username:asc", "id:desc"] }, "sort[0]=username%3Aasc&sort[1]=id%3Adesc"],
		[{ fields: ["username"] }, "fields[0]=username"],
		[{ populate: { role: { fields: ["name"] } } }, "populate[role][fields][0]=name"],
		[{ populate: ["role"] }, "populate[0]=role"],
		[{ sort: "username:asc,id:desc", start: 0, limit: 10, _q: "a&b=c" }, "sort=username%3Aasc%2Cid%3Adesc&start=0&limit=10&_q=a%26b%3Dc"],
		[{ filters: { "a]b[": { $eq: "x y+z/é" } } }, "filters[a%5Db%5B][%24eq]=x%20y%2Bz%2F%C3%A9"],
		[{ filters: { email: { $null: null }, createdAt: { $gt: new Date(Date.UTC(2026, 0, 2)) } } },
			"filters[email][%24null]&filters[createdAt][%24gt]=2026-01-02T00%3A00%3A00.000Z"],
		[{ sort: [], populate: {}, fields: undefined }, ""],
	] as const) {
		test(JSON.stringify(query), () => {
			assert.equal(strapiQuerySerializer(query), expected);
		});
	}

	test("the query types follow the contract", () => {
		type ListQuery = NonNullable<operations["listUsers"]["parameters"]["query"]>;
		const write = (query: ListQuery) => strapiQuerySerializer(query);
		assert.equal(write({ sort: ["id:desc"], fields: "username", populate: { role: true } }), "sort[0]=id%3Adesc&fields=username&populate[role]=true");
		// @ts-expect-error populate names relations, and the user has one: role
		write({ populate: { roles: true } });
		// @ts-expect-error sort is a string or a list of strings
		write({ sort: [1] });
	});

	test("the client writes every request's query with it", async () => {
		const urls: string[] = [];
		const api = createApiClient({
			baseUrl,
			token: "a1",
			fetch: async (request: Request) => {
				urls.push(request.url);
				return json(200, request.url.includes("/me") ? user : [user]);
			},
		});
		await api.GET("/api/users", {
			params: { query: { filters: { $or: [{ username: { $startsWith: "a" } }] }, sort: ["username:asc"] } },
		});
		await api.GET("/api/users/me", { params: { query: { populate: { role: { fields: ["name"] } } } } });
		assert.deepEqual(urls, [
			`${baseUrl}/api/users?filters[%24or][0][username][%24startsWith]=a&sort[0]=username%3Aasc`,
			`${baseUrl}/api/users/me?populate[role][fields][0]=name`,
		]);
	});
});

/** Waits (a few seconds at most) until cond holds. */
async function waitFor(cond: () => boolean): Promise<void> {
	for (let i = 0; !cond(); i++) {
		if (i > 5000) throw new Error("condition not met in 5 s");
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}

describe("client retry of a busy 503 (fake fetch)", () => {
	const busy = (retryAfter?: string) =>
		new Response(JSON.stringify(errorBody(503, "ServiceUnavailableError", "Service Unavailable")), {
			status: 503,
			headers: { "Content-Type": "application/json", ...(retryAfter === undefined ? {} : { "Retry-After": retryAfter }) },
		});
	const registration = { username: "alice", email: "alice@example.com", password: "secret123" };

	/** A fetch answering POST /api/auth/local/register from answers, in order, recording the bodies and times. */
	function fakeRegister(answers: (() => Response)[]) {
		const bodies: unknown[] = [];
		const times: number[] = [];
		const fetch = async (request: Request): Promise<Response> => {
			assert.equal(`${request.method} ${new URL(request.url).pathname}`, "POST /api/auth/local/register");
			bodies.push(await request.json());
			times.push(Date.now());
			const answer = answers.shift();
			assert.ok(answer, "one request too many");
			return answer();
		};
		return { fetch, bodies, times };
	}

	const rows: { name: string; answers: (() => Response)[]; status: number; sent: number }[] = [
		{ name: "Retry-After: 1 is retried once, after a second, with the same body", answers: [() => busy("1"), () => json(200, { jwt: "a1", user })], status: 200, sent: 2 },
		{ name: "a second 503 is answered, not retried again", answers: [() => busy("1"), () => busy("1")], status: 503, sent: 2 },
		{ name: "a 503 without Retry-After is answered at once", answers: [() => busy()], status: 503, sent: 1 },
		{ name: "a Retry-After over 30 s is answered at once", answers: [() => busy("31")], status: 503, sent: 1 },
		{ name: "an HTTP date is answered at once", answers: [() => busy("Wed, 21 Oct 2026 07:28:00 GMT")], status: 503, sent: 1 },
	];
	for (const row of rows) {
		test(row.name, async () => {
			const fake = fakeRegister(row.answers);
			const api = createApiClient({ baseUrl, fetch: fake.fetch });
			const { response } = await api.POST("/api/auth/local/register", { body: registration });
			assert.equal(response.status, row.status);
			assert.equal(fake.bodies.length, row.sent);
			for (const body of fake.bodies) assert.deepEqual(body, registration);
			if (row.sent === 2) {
				const waited = fake.times[1]! - fake.times[0]!;
				assert.ok(waited >= 950, `retried after ${waited} ms, want about 1000`);
			}
		});
	}
});
