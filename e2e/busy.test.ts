// A burst of registrations beyond what the password hash pool clears within
// PASSWORD_HASH_MAX_WAIT, against bin/mtb-api behind Prism: the refused ones get Strapi's 503
// envelope with Retry-After (Prism checks both against openapi.yaml), and the client
// (@mtb/api-client) retries such a 503 once, after the wait, and succeeds.
//
// One hash worker at bcrypt cost 12 (a quarter of a second or more per hash) and a wait limit
// of 100 ms: a registration that finds another one hashing is refused.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApiClient } from "@mtb/api-client";
import { startStack, type Stack } from "./harness.js";

let stack: Stack;
before(async () => {
	stack = await startStack({
		name: "busy",
		env: { PASSWORD_HASH_CONCURRENCY: "1", PASSWORD_BCRYPT_COST: "12", PASSWORD_HASH_MAX_WAIT: "100ms" },
	});
	// A first registration, so that the pool's estimate of a hash's time is a measured one.
	const { error } = await stack.client().POST("/api/auth/local/register", { body: account("seed") });
	assert.equal(error, undefined);
});
after(async () => {
	await stack?.stop();
});

const account = (name: string) => ({ username: name, email: `${name}@example.com`, password: `Secure-${name}!` });

/** A registration sent straight to fetch (no retry), through Prism. */
const rawRegister = (name: string) =>
	fetch(`${stack.proxyUrl}/api/auth/local/register`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(account(name)),
	});

describe("a busy hash pool", () => {
	test("a burst gets 503s with Retry-After and Strapi's envelope, beside the registrations served", async () => {
		const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => rawRegister(`burst${i}`)));
		const statuses = answers.map((r) => r.status);
		assert.ok(statuses.includes(200), `statuses ${statuses}: none served`);
		assert.ok(statuses.includes(503), `statuses ${statuses}: none refused`);
		for (const r of answers.filter((r) => r.status === 503)) {
			const retryAfter = Number(r.headers.get("Retry-After"));
			assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${r.headers.get("Retry-After")}`);
			assert.deepEqual(await r.json(), {
				data: null,
				error: { status: 503, name: "ServiceUnavailableError", message: "Service Unavailable", details: {} },
			});
		}
	});

	test("the client retries a 503 with Retry-After once, and the registration succeeds", async () => {
		let sent = 0;
		const client = createApiClient({
			baseUrl: stack.proxyUrl,
			fetch: (request: Request) => {
				sent++;
				return fetch(request);
			},
		});
		// Occupy the one worker, then register while it hashes: refused, retried after Retry-After.
		const occupying = rawRegister("occupier");
		await new Promise((resolve) => setTimeout(resolve, 100));
		const { data, error, response } = await client.POST("/api/auth/local/register", { body: account("patient") });
		assert.equal(error, undefined, `${response.status} ${JSON.stringify(error)}`);
		assert.equal(data?.user.username, "patient");
		assert.equal(sent, 2, "want the refused request and its retry");
		assert.equal((await occupying).status, 200);
		// The account exists once: the retry logged in with the same body.
		const login = await stack.client().POST("/api/auth/local", { body: { identifier: "patient", password: "Secure-patient!" } });
		assert.equal(login.response.status, 200);
	});
});
