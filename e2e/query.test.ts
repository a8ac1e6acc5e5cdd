// Strapi's query syntax on the users API, written by the generated client (@mtb/api-client) from
// nested objects and lists, against bin/mtb-api behind Prism: filters, sort, fields and populate
// in each form a Strapi frontend writes them (client.test.ts checks the exact query strings).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ApiClient, User } from "@mtb/api-client";
import { startStack, type Stack } from "./harness.js";

let stack: Stack;
/** A client holding a full-access API token: it may list users and see their roles. */
let admin: ApiClient;
let adminToken = "";
/** The users registered for these tests, by username. */
const users = new Map<string, { user: User; jwt: string }>();

before(async () => {
	stack = await startStack({ name: "query" });
	const { stdout } = await stack.cli("tokens", "create", "--name", "e2e-query", "--type", "full-access");
	adminToken = stdout.trim();
	admin = stack.client(adminToken);
	const api = stack.client();
	for (const username of ["anna", "albert", "bruno", "carla"]) {
		const { data, error } = await api.POST("/api/auth/local/register", {
			body: { username, email: `${username}@example.com`, password: `Secure-${username}-1!` },
		});
		assert.ok(data?.jwt, `register ${username}: ${error?.error.message}`);
		users.set(username, { user: data.user, jwt: data.jwt });
	}
	await stack.cli("users", "block", "carla@example.com");
});
after(async () => {
	await stack?.stop();
});

/** The usernames of a list, in its order. */
const names = (list: { username?: string }[] | undefined) => list?.map((u) => u.username);

describe("GET /api/users with Strapi's nested query syntax", () => {
	test("filters: {username: {$startsWith}}", async () => {
		const { data, error } = await admin.GET("/api/users", {
			params: { query: { filters: { username: { $startsWith: "a" } }, sort: "username" } },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(names(data), ["albert", "anna"]);
	});

	test("filters: {$or: [...]}", async () => {
		const { data, error } = await admin.GET("/api/users", {
			params: { query: { filters: { $or: [{ blocked: true }, { username: { $eq: "bruno" } }] }, sort: "username" } },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(names(data), ["bruno", "carla"]);
	});

	test("sort: a list", async () => {
		const { data, error } = await admin.GET("/api/users", { params: { query: { sort: ["blocked:desc", "username:desc"] } } });
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(names(data), ["carla", "bruno", "anna", "albert"]);
	});

	test("fields: a list", async () => {
		const { data, error } = await admin.GET("/api/users", {
			params: { query: { fields: ["username", "blocked"], sort: ["id:asc"], limit: 1 } },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.length, 1);
		assert.deepEqual(Object.keys(data[0]!).sort(), ["blocked", "documentId", "id", "username"]);
		assert.equal(data[0]!.username, "anna");
	});

	test("populate: {role: {fields: [...]}}, and a list", async () => {
		// populate[role][fields] chooses the role's fields (id and documentId always come).
		const chosen = await admin.GET("/api/users", {
			params: { query: { populate: { role: { fields: ["name"] } }, filters: { username: { $eq: "anna" } } } },
		});
		assert.equal(chosen.error, undefined, chosen.error?.error.message);
		assert.equal(chosen.data?.length, 1);
		assert.deepEqual(Object.keys(chosen.data[0]!.role ?? {}), ["id", "documentId", "name"]);
		assert.equal(chosen.data[0]!.role?.name, "Authenticated");
		const all = await admin.GET("/api/users", {
			params: { query: { populate: ["role"], filters: { username: { $eq: "anna" } } } },
		});
		assert.equal(all.error, undefined, all.error?.error.message);
		assert.equal(all.data?.length, 1);
		assert.equal(all.data[0]!.role?.type, "authenticated");
	});

	test("GET /api/users/count with filters", async () => {
		const { data, error } = await admin.GET("/api/users/count", {
			params: { query: { filters: { $or: [{ username: { $startsWith: "b" } }, { username: { $endsWith: "a" } }] } } },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data, 3); // bruno, anna, carla
	});

	test("GET /api/users/{id} with fields and populate", async () => {
		const id = users.get("bruno")!.user.id;
		const { data, error } = await admin.GET("/api/users/{id}", {
			params: { path: { id }, query: { fields: ["email"], populate: { role: true } } },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.email, "bruno@example.com");
		assert.equal(data.username, undefined);
		assert.equal(data.role?.type, "authenticated");
	});

	test("a query the server refuses answers its error, keys named as sent", async () => {
		const { error, response } = await admin.GET("/api/users", { params: { query: { filters: { password: { $eq: "x" } } } } });
		assert.equal(response.status, 400);
		assert.equal(error?.error.message, "Invalid key password");
	});

	test("the list form the contract describes (sort=a&sort=b) works too", async () => {
		const response = await fetch(`${stack.proxyUrl}/api/users?sort=blocked:desc&sort=username:asc&fields=username&fields=blocked`, {
			headers: { Authorization: `Bearer ${adminToken}` },
		});
		assert.equal(response.status, 200, await response.clone().text());
		assert.equal(response.headers.get("sl-violations"), null);
		assert.deepEqual(names((await response.json()) as { username: string }[]), ["carla", "albert", "anna", "bruno"]);
	});
});

test("GET /api/users/me with fields and populate: {role: {fields: [...]}}", async () => {
	const api = stack.client(users.get("anna")!.jwt);
	const { data, error } = await api.GET("/api/users/me", {
		params: { query: { fields: ["username"], populate: { role: { fields: ["name"] } } } },
	});
	assert.equal(error, undefined, error?.error.message);
	// fields on /me (Strapi 5.54, @nuxtjs/strapi's auth.fields), and the role's fields (D11).
	assert.deepEqual(Object.keys(data ?? {}), ["id", "documentId", "username", "role"]);
	assert.equal(data?.username, "anna");
	assert.deepEqual(Object.keys(data?.role ?? {}), ["id", "documentId", "name"]);
	assert.equal(data?.role?.name, "Authenticated");
});
