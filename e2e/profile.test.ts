// PUT /api/users/me and the custom user fields, as a frontend uses them, against bin/mtb-api
// behind Prism:
//   - an instance without custom fields, Prism validating openapi.yaml, the client typed from it;
//   - an instance with the riders' fields (USER_FIELDS_FILE=e2e/riders.json, the README's
//     example), Prism validating the spec that instance serves (/openapi.yaml, with the fields),
//     and the client typed with the paths generated from that spec (gen/riders/api-schema.d.ts,
//     written by make generate as the README tells a frontend team to), so that a custom field
//     the types do not know is a compile error here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createApiClient, type ApiClient, type ApiError, type components as bundled } from "@mtb/api-client";
import type { components, paths } from "../gen/riders/api-schema.js";
import { ContractViolation, contractFetch, ridersFields, root, startStack, type Stack } from "./harness.js";

/** Asserts the typed error envelope. */
function assertError(error: ApiError | undefined, status: number, name: ApiError["error"]["name"], message: string) {
	assert.ok(error, `expected a ${status} ${name} error, got a success`);
	assert.equal(error.data, null);
	assert.deepEqual(
		{ status: error.error.status, name: error.error.name, message: error.error.message },
		{ status, name, message },
	);
}

/** Asserts that Prism refused the request itself (it never reached the server). */
function refusedByContract(message: RegExp) {
	return (err: unknown) => {
		assert.ok(err instanceof ContractViolation, String(err));
		assert.equal(err.status, 422);
		assert.match(err.message, /the request does not match openapi.yaml/);
		assert.match(err.message, message);
		return true;
	};
}

/**
 * Asserts that PUT /api/users/me without a token is refused: by Prism, since the contract
 * requires the Bearer token there (it answers its own 401, even the lenient one), and by the
 * server itself, reached directly, with Strapi's 403 for the Public role.
 */
async function assertAnonymousRefused<Paths extends {}>(stack: Stack<Paths>, body: { username?: string; club?: string }) {
	const anonymous = createApiClient({ baseUrl: stack.proxyUrl, fetch: contractFetch });
	await assert.rejects(anonymous.PUT("/api/users/me", { body }), (err: unknown) => {
		assert.ok(err instanceof ContractViolation, String(err));
		assert.equal(err.status, 401);
		assert.match(err.message, /Invalid security scheme used/);
		return true;
	});
	const direct = createApiClient({ baseUrl: stack.serverUrl });
	const { data, error } = await direct.PUT("/api/users/me", { body });
	assert.equal(data, undefined);
	assertError(error, 403, "ForbiddenError", "Forbidden");
}

// What the types say, checked by the compiler: the bundled User has no custom field; the riders'
// has the shown ones, not the private emergencyContact, and the profile edit takes the editable
// ones only.
type Has<T, K extends string> = K extends keyof T ? true : false;
const typeChecks: [
	Has<bundled["schemas"]["User"], "club">,
	Has<components["schemas"]["User"], "club">,
	Has<components["schemas"]["User"], "emergencyContact">,
	Has<components["schemas"]["UpdateMeRequest"], "club">,
	Has<components["schemas"]["UpdateMeRequest"], "rut">,
	Has<components["schemas"]["RegisterRequest"], "emergencyContact">,
] = [false, true, false, true, false, true];
void typeChecks;

describe("PUT /api/users/me (openapi.yaml, no custom fields)", () => {
	let stack: Stack;
	let api: ApiClient;
	let jwt = "";
	let userId = 0;
	before(async () => {
		stack = await startStack({ name: "profile", lenientProxy: true });
		for (const username of ["olga", "pablo"]) {
			const { data, error } = await stack.client().POST("/api/auth/local/register", {
				body: { username, email: `${username}@example.com`, password: `Secure-${username}-1!` },
			});
			assert.ok(data?.jwt, `register ${username}: ${error?.error.message}`);
			if (username === "olga") {
				jwt = data.jwt;
				userId = data.user.id;
			}
		}
		api = stack.client(jwt);
	});
	after(async () => {
		await stack?.stop();
	});

	test("a user changes their username", async () => {
		const { data, error } = await api.PUT("/api/users/me", { body: { username: "olga.m" } });
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.id, userId);
		assert.equal(data.username, "olga.m");
		assert.equal(data.email, "olga@example.com");
		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.username, "olga.m");
		const login = await stack.client().POST("/api/auth/local", { body: { identifier: "olga.m", password: "Secure-olga-1!" } });
		assert.equal(login.data?.user.id, userId, login.error?.error.message);
	});

	test("a username in use is refused", async () => {
		const { data, error } = await api.PUT("/api/users/me", { body: { username: "pablo" } });
		assert.equal(data, undefined);
		assertError(error, 400, "ApplicationError", "Username already taken");
	});

	test("the email is not the user's to change", async () => {
		// The contract forbids the key (UpdateMeRequest has no additional properties): Prism
		// refuses it, and the server refuses it too (through the lenient Prism, which still checks
		// the answer). The cast only documents it: openapi-fetch does not check a body for excess
		// keys (openapi-ts/openapi-typescript#1769).
		const body = { email: "new@example.com" } as { username?: string };
		await assert.rejects(api.PUT("/api/users/me", { body }), refusedByContract(/must NOT have additional properties/));
		const { data, error } = await stack.lenientClient(jwt).PUT("/api/users/me", { body });
		assert.equal(data, undefined);
		assertError(error, 400, "ValidationError", "this field has unspecified keys: email");
		const me = await api.GET("/api/users/me");
		assert.equal(me.data?.email, "olga@example.com");
	});

	test("without a token it is refused", async () => {
		await assertAnonymousRefused(stack, { username: "nobody" });
	});
});

describe("custom user fields (riders), Prism validating the served spec", () => {
	let stack: Stack<paths>;
	/** A client holding an API token that may list and count users, and nothing else. */
	let operator: ApiClient<paths>;
	let anaJwt = "";

	before(async () => {
		stack = await startStack<paths>({
			name: "riders",
			env: { USER_FIELDS_FILE: ridersFields },
			servedSpec: true,
			lenientProxy: true,
		});
		const { stdout } = await stack.cli("tokens", "create", "--name", "e2e-riders", "--type", "custom", "--actions", "user.find,user.count");
		operator = stack.client(stdout.trim());
	});
	after(async () => {
		await stack?.stop();
	});

	test("the README's riders declaration is e2e/riders.json", () => {
		const readme = readFileSync(join(root, "README.md"), "utf8");
		const section = readme.slice(readme.indexOf("## Custom user fields"));
		const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
		assert.ok(block, "no ```json block in the README's Custom user fields");
		assert.deepEqual(JSON.parse(block), JSON.parse(readFileSync(ridersFields, "utf8")));
	});

	test("Prism validates against the spec the binary serves, which has the fields", () => {
		const served = readFileSync(stack.spec, "utf8");
		for (const field of ["fullName", "rut", "phone", "birthDate", "club", "emergencyContact"]) {
			assert.match(served, new RegExp(`\\b${field}:`), field);
		}
	});

	test("register with the allowed fields", async () => {
		const riders = [
			{ username: "ana", rut: "12345678-9", club: "Trek Chile", birthDate: "1990-05-01", emergencyContact: "+56 9 1111 2222" },
			{ username: "ben", rut: "7654321-K", club: "Specialized", birthDate: "1985-12-24" },
			{ username: "cat", rut: "11222333-4", club: "Trek Chile", birthDate: "2001-01-15" },
		];
		for (const { username, ...fields } of riders) {
			const { data, error } = await stack.client().POST("/api/auth/local/register", {
				body: { username, email: `${username}@example.com`, password: `Secure-${username}-1!`, fullName: `${username} Rider`, ...fields },
			});
			assert.equal(error, undefined, error?.error.message);
			assert.ok(data?.jwt);
			const user: components["schemas"]["User"] = data.user;
			assert.equal(user.fullName, `${username} Rider`);
			assert.equal(user.club, fields.club);
			assert.equal(user.birthDate, fields.birthDate);
			assert.equal(user.phone, null);
			assert.ok(!("emergencyContact" in user), "the private field is never shown");
			if (username === "ana") anaJwt = data.jwt;
		}
	});

	test("register refuses a required field missing, and a malformed one", async () => {
		const account = { username: "dan", email: "dan@example.com", password: "Secure-dan-1!" };
		const missing = await stack.client().POST("/api/auth/local/register", { body: account });
		assertError(missing.error, 400, "ValidationError", "fullName must be defined.");
		// The served spec has the RUT's pattern: Prism refuses a malformed one, as the server does.
		const body = { ...account, fullName: "Dan", rut: "12.345.678-9" };
		await assert.rejects(stack.client().POST("/api/auth/local/register", { body }), refusedByContract(/rut/));
		const { error } = await stack.lenientClient().POST("/api/auth/local/register", { body });
		assertError(error, 400, "ValidationError", 'rut must match the following: "/^[0-9]{7,8}-[0-9kK]$/"');
	});

	test("a rider edits their profile", async () => {
		assert.ok(anaJwt, "ana registered");
		const api = stack.client(anaJwt);
		const { data, error } = await api.PUT("/api/users/me", {
			body: { username: "ana.r", club: "Scott Racing", phone: "+56 9 8765 4321" },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.username, "ana.r");
		assert.equal(data.club, "Scott Racing");
		assert.equal(data.phone, "+56 9 8765 4321");
		assert.equal(data.rut, "12345678-9", "the fields not sent are kept");
		const me = await api.GET("/api/users/me", { params: { query: { fields: ["club", "phone"] } } });
		assert.deepEqual({ club: me.data?.club, phone: me.data?.phone }, { club: "Scott Racing", phone: "+56 9 8765 4321" });
		// null clears a field that is not required.
		const cleared = await api.PUT("/api/users/me", { body: { phone: null } });
		assert.equal(cleared.data?.phone, null, cleared.error?.error.message);
	});

	test("a rider cannot edit a field that is not editable, nor their email", async () => {
		const api = stack.client(anaJwt);
		for (const body of [{ rut: "9999999-9" }, { emergencyContact: "x" }, { email: "ana.new@example.com" }]) {
			const key = Object.keys(body)[0]!;
			const sent = body as components["schemas"]["UpdateMeRequest"];
			await assert.rejects(api.PUT("/api/users/me", { body: sent }), refusedByContract(/must NOT have additional properties/));
			const { error } = await stack.lenientClient(anaJwt).PUT("/api/users/me", { body: sent });
			assertError(error, 400, "ValidationError", `this field has unspecified keys: ${key}`);
		}
		const me = await api.GET("/api/users/me");
		assert.deepEqual({ rut: me.data?.rut, email: me.data?.email }, { rut: "12345678-9", email: "ana@example.com" });
	});

	test("without a token the profile edit is refused", async () => {
		await assertAnonymousRefused(stack, { club: "x" });
	});

	test("an operator filters users by club and sorts them by birth date", async () => {
		const trek = await operator.GET("/api/users", {
			params: { query: { filters: { club: { $eq: "Trek Chile" } }, sort: ["birthDate:desc"], fields: ["username", "club"] } },
		});
		assert.equal(trek.error, undefined, trek.error?.error.message);
		assert.deepEqual(
			trek.data?.map((u) => [u.username, u.club]),
			[["cat", "Trek Chile"]],
		);
		const byBirth = await operator.GET("/api/users", { params: { query: { sort: "birthDate:asc", fields: ["username"] } } });
		assert.deepEqual(
			byBirth.data?.map((u) => u.username),
			["ben", "ana.r", "cat"],
		);
		const before1995 = await operator.GET("/api/users/count", {
			params: { query: { filters: { birthDate: { $lt: "1995-01-01" }, club: { $containsi: "scott" } } } },
		});
		assert.equal(before1995.data, 1, before1995.error?.error.message);
	});

	test("a private field cannot be filtered on", async () => {
		const { error } = await operator.GET("/api/users", { params: { query: { filters: { emergencyContact: { $eq: "x" } } } } });
		assertError(error, 400, "ValidationError", "Invalid key emergencyContact");
	});
});
