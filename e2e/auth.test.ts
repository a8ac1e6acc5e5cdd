// The authentication flows a frontend writes, with the generated client (@mtb/api-client),
// against bin/mtb-api behind Prism: every request and answer is checked against openapi.yaml.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApiClient, type ApiClient, type ApiError, type AuthResponse } from "@mtb/api-client";
import { ContractViolation, resetPasswordUrl, signJwt, startStack, type Stack } from "./harness.js";

let stack: Stack;
before(async () => {
	stack = await startStack({ name: "auth", lenientProxy: true });
});
after(async () => {
	await stack?.stop();
});

let seq = 0;
/** A fresh account's credentials. */
function newAccount(prefix: string) {
	seq++;
	return { username: `${prefix}${seq}`, email: `${prefix}${seq}@example.com`, password: `Secure-${prefix}-${seq}!` };
}

/** Registers an account through the API and answers its credentials and {jwt, user}. */
async function register(api: ApiClient, prefix: string): Promise<ReturnType<typeof newAccount> & AuthResponse> {
	const account = newAccount(prefix);
	const { data, error } = await api.POST("/api/auth/local/register", { body: account });
	assert.equal(error, undefined, `register ${account.username}: ${error?.error.message}`);
	assert.ok(data?.jwt, "register answered no jwt (is email confirmation on?)");
	return { ...account, jwt: data.jwt, user: data.user };
}

/** Asserts the typed error envelope. */
function assertError(error: ApiError | undefined, status: number, name: ApiError["error"]["name"], message: string) {
	assert.ok(error, `expected a ${status} ${name} error, got a success`);
	assert.equal(error.data, null);
	assert.deepEqual(
		{ status: error.error.status, name: error.error.name, message: error.error.message },
		{ status, name, message },
	);
}

test("register, log in, read the user, recover the password", async (t) => {
	const api = stack.client();
	const account = newAccount("rider");
	let firstJwt = "";
	let userId = 0;
	let code = "";
	const newPassword = "NewSecurePass123!";
	// The steps build on each other: after a failure, skip the rest rather than pile up errors.
	let failed = "";
	const step = (name: string, fn: () => Promise<void>) =>
		t.test(name, async (s) => {
			if (failed) return s.skip(`"${failed}" failed`);
			await fn().catch((err: unknown) => {
				failed = name;
				throw err;
			});
		});

	await step("register", async () => {
		const { data, error, response } = await api.POST("/api/auth/local/register", {
			body: { ...account, email: account.email.toUpperCase() },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(response.status, 200);
		assert.ok(data?.jwt, "no jwt: email confirmation is off in this stack, so register logs in");
		assert.match(data.jwt, /^[\w-]+\.[\w-]+\.[\w-]+$/);
		const { id, documentId, createdAt, updatedAt, publishedAt, ...rest } = data.user;
		assert.ok(id > 0 && documentId.length === 24 && createdAt && updatedAt && publishedAt);
		assert.deepEqual(rest, {
			username: account.username,
			email: account.email, // stored lower-cased
			provider: "local",
			confirmed: true,
			blocked: false,
		});
		userId = id;
	});

	await step("log in with the email, then with the username", async () => {
		for (const identifier of [account.email, account.username]) {
			const { data, error } = await api.POST("/api/auth/local", { body: { identifier, password: account.password } });
			assert.equal(error, undefined, error?.error.message);
			assert.ok(data);
			assert.equal(data.user.id, userId);
			firstJwt = data.jwt;
		}
	});

	await step("GET /api/users/me with the token", async () => {
		api.setToken(firstJwt);
		const { data, error } = await api.GET("/api/users/me");
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.id, userId);
		assert.equal(data?.username, account.username);
	});

	await step("the client keeps the token away from the public routes", async () => {
		// The server answers a user token on login & co. with 403: the wrapper must not send it.
		const { data, error } = await api.POST("/api/auth/local", {
			body: { identifier: account.username, password: account.password },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.user.id, userId);
		// The same call with the token forced on it is refused, which is why.
		const forced = await api.POST("/api/auth/local", {
			body: { identifier: account.username, password: account.password },
			headers: { Authorization: `Bearer ${firstJwt}` },
		});
		assertError(forced.error, 403, "ForbiddenError", "Forbidden");
	});

	await step("forgot-password mails a reset link", async () => {
		const { data, error } = await api.POST("/api/auth/forgot-password", { body: { email: account.email } });
		assert.equal(error, undefined, error?.error.message);
		assert.deepEqual(data, { ok: true });
		const mail = await stack.waitForMail(account.email);
		assert.equal(mail.subject, "Reset password");
		const escaped = resetPasswordUrl.replace(/[.?/]/g, "\\$&");
		const link = new RegExp(`${escaped}\\?code=([0-9a-f]{128})(?![0-9a-f])`).exec(mail.text ?? "");
		assert.ok(link, `no reset link in the mail:\n${mail.text}`);
		code = link[1]!;
		assert.ok(String(mail.html).includes(`${resetPasswordUrl}?code=${code}`), "the HTML part has the same link");
	});

	await step("reset-password with the code from the mail", async () => {
		api.clearToken();
		const { data, error } = await api.POST("/api/auth/reset-password", {
			body: { code, password: newPassword, passwordConfirmation: newPassword },
		});
		assert.equal(error, undefined, error?.error.message);
		assert.equal(data?.user.id, userId);
		assert.ok(data?.jwt);
		const me = await stack.client(data.jwt).GET("/api/users/me");
		assert.equal(me.data?.id, userId, "the token answered by reset-password works");
		const again = await api.POST("/api/auth/reset-password", {
			body: { code, password: newPassword, passwordConfirmation: newPassword },
		});
		assertError(again.error, 400, "ValidationError", "Incorrect code provided");
	});

	await step("the new password logs in, the old one no longer does", async () => {
		const ok = await api.POST("/api/auth/local", { body: { identifier: account.email, password: newPassword } });
		assert.equal(ok.error, undefined, ok.error?.error.message);
		assert.equal(ok.data?.user.id, userId);
		const old = await api.POST("/api/auth/local", { body: { identifier: account.email, password: account.password } });
		assertError(old.error, 400, "ValidationError", "Invalid identifier or password");
	});

	await step("the token from before the reset is refused", async () => {
		const { data, error } = await stack.client(firstJwt).GET("/api/users/me");
		assert.equal(data, undefined);
		assertError(error, 401, "UnauthorizedError", "Missing or invalid credentials");
	});
});

test("change the email: a link to the new address, notices to the old one", async () => {
	const api = stack.client();
	const account = await register(api, "mover");
	api.setToken(account.jwt);
	const newEmail = `moved-${account.email}`;
	const asked = await api.POST("/api/auth/change-email", { body: { email: newEmail, currentPassword: account.password } });
	assert.equal(asked.error, undefined, asked.error?.error.message);
	assert.deepEqual(asked.data, { email: newEmail, sent: true });

	const requested = await stack.waitForMail(account.email);
	assert.equal(requested.subject, "A change of your email address was requested");
	assert.ok(!String(requested.text).includes(newEmail), "the notice shows the new address");
	const mail = await stack.waitForMail(newEmail);
	const link = /\/api\/auth\/email-change-confirmation\?confirmation=([0-9a-f]{40})(?![0-9a-f])/.exec(mail.text ?? "");
	assert.ok(link, `no link in the mail:\n${mail.text}`);

	// Until the link is used, the current email still logs in.
	const before = await api.POST("/api/auth/local", { body: { identifier: account.email, password: account.password } });
	assert.equal(before.error, undefined, before.error?.error.message);

	// A frontend posts the code: a public route, where the client sends no token though it holds one.
	const done = await api.POST("/api/auth/email-change-confirmation", { body: { confirmation: link[1]! } });
	assert.equal(done.error, undefined, done.error?.error.message);
	assert.deepEqual(done.data, { email: newEmail, changed: true });
	const again = await api.POST("/api/auth/email-change-confirmation", { body: { confirmation: link[1]! } });
	assertError(again.error, 400, "ValidationError", "Invalid token");

	const ok = await api.POST("/api/auth/local", { body: { identifier: newEmail, password: account.password } });
	assert.equal(ok.data?.user.email, newEmail, ok.error?.error.message);
	const old = await api.POST("/api/auth/local", { body: { identifier: account.email, password: account.password } });
	assertError(old.error, 400, "ValidationError", "Invalid identifier or password");
	const me = await api.GET("/api/users/me");
	assert.equal(me.data?.email, newEmail, "the token from before the change still works");
	const changed = await stack.waitForMail(account.email, 2);
	assert.equal(changed.subject, "The email address of your account was changed");
	assert.ok(!String(changed.text).includes(newEmail), "the notice shows the new address");
});

describe("errors a UI must handle", () => {
	test("an email already taken", async () => {
		const api = stack.client();
		const taken = await register(api, "taken");
		const { data, error } = await api.POST("/api/auth/local/register", {
			body: { username: `${taken.username}-other`, email: taken.email, password: "AnotherPass123!" },
		});
		assert.equal(data, undefined);
		assertError(error, 400, "ApplicationError", "Email or Username are already taken");
	});

	test("a wrong password", async () => {
		const api = stack.client();
		const user = await register(api, "wrong");
		const { error } = await api.POST("/api/auth/local", {
			body: { identifier: user.email, password: "not-the-password" },
		});
		assertError(error, 400, "ValidationError", "Invalid identifier or password");
	});

	test("a blocked account", async () => {
		const api = stack.client();
		const user = await register(api, "blocked");
		const { stdout } = await stack.cli("users", "block", user.email);
		assert.match(stdout, /blocked/);
		const login = await api.POST("/api/auth/local", { body: { identifier: user.username, password: user.password } });
		assertError(login.error, 403, "ForbiddenError", "Your account has been blocked by an administrator");
		// The token the user had is refused at once.
		const me = await stack.client(user.jwt).GET("/api/users/me");
		assertError(me.error, 401, "UnauthorizedError", "Invalid credentials");
	});

	test("an expired token", async () => {
		const user = await register(stack.client(), "expired");
		const now = Math.floor(Date.now() / 1000);
		const jwt = signJwt({ id: user.user.id, iat: now - 7200, exp: now - 3600 });
		const { data, error } = await stack.client(jwt).GET("/api/users/me");
		assert.equal(data, undefined);
		assertError(error, 401, "UnauthorizedError", "Invalid token: Token expired");
		// The same claims, still valid, pass: only the expiry is wrong above.
		const valid = await stack.client(signJwt({ id: user.user.id, iat: now, exp: now + 3600 })).GET("/api/users/me");
		assert.equal(valid.data?.id, user.user.id);
	});

	test("a validation error lists the invalid fields", async () => {
		// openapi.yaml requires the password, so the types forbid leaving it out and the
		// validating proxy would refuse the request: this goes through the lenient proxy, which
		// still checks the answer against openapi.yaml.
		const body = { identifier: "someone@example.com" } as { identifier: string; password: string };
		const { error } = await stack.lenientClient().POST("/api/auth/local", { body });
		assertError(error, 400, "ValidationError", "password is a required field");
		const first = error?.error.details?.errors?.[0];
		assert.deepEqual(first?.path, ["password"]);
		assert.equal(first?.name, "ValidationError");
		assert.equal(first?.message, "password is a required field");
	});
});

describe("the contract check itself", () => {
	test("Prism refuses a request that departs from openapi.yaml, and the harness says why", async () => {
		const body = { identifier: "someone@example.com" } as { identifier: string; password: string };
		await assert.rejects(stack.client().POST("/api/auth/local", { body }), (err: unknown) => {
			assert.ok(err instanceof ContractViolation, String(err));
			assert.equal(err.status, 422);
			assert.match(err.message, /POST \/api\/auth\/local: the request does not match openapi.yaml/);
			assert.match(err.message, /must have required property 'password'/);
			return true;
		});
	});

	test("the client works with the platform's own fetch", async () => {
		const api = createApiClient({ baseUrl: stack.proxyUrl });
		const { response } = await api.GET("/_health");
		assert.equal(response.status, 204);
	});
});
