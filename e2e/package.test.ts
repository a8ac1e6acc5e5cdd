// The client package as a frontend installs it: the tarball of `make ts-client-pack` (which
// `make e2e` makes first), installed with npm into a new project in a temporary directory. The
// install must survive what a frontend does next (npm install, npm ci, installing another
// package: a folder installed with --install-links turns into a symlink without openapi-fetch),
// and the package must load as an ES module and as CommonJS, with types for both, typed with the
// paths of an instance with custom user fields too (the riders' gen/riders/api-schema.d.ts).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { root } from "./harness.js";

const run = promisify(execFile);
const { version } = JSON.parse(readFileSync(join(root, "gen", "ts", "package.json"), "utf8")) as { version: string };
const tarball = join(root, "dist", `mtb-api-client-${version}.tgz`);
const tsc = join(root, "node_modules", ".bin", "tsc");

/** A frontend's code, compiled as an ES module and as CommonJS. */
const appSource = `import { createApiClient, strapiQuerySerializer } from "@mtb/api-client";
const stored: string | undefined = undefined;
export const api = createApiClient({ baseUrl: "http://localhost:1337", refreshToken: stored, token: undefined });
export const users = () =>
	api.GET("/api/users", { params: { query: { filters: { username: { $startsWith: "a" } }, sort: ["username:asc"] } } });
export const query: string = strapiQuerySerializer({ populate: { role: { fields: ["name"] } } });
// An instance with custom user fields: the client typed with the paths generated from its spec
// (as api-schema.d.cts, which both module kinds may import).
import type { paths as RiderPaths } from "./api-schema.cjs";
export const riders = createApiClient<RiderPaths>({ baseUrl: "http://localhost:1337", token: "jwt" });
export const editClub = async (club: string): Promise<string | null | undefined> =>
	(await riders.PUT("/api/users/me", { body: { club } })).data?.club;
export const logOut = () => riders.logout();
`;

let dir = "";
before(() => {
	if (!existsSync(tarball)) throw new Error(`${tarball} is missing: run make ts-client-pack (make e2e does)`);
	dir = realpathSync(mkdtempSync(join(tmpdir(), "mtb-e2e-frontend-")));
	const files: Record<string, string> = {
		"package.json": JSON.stringify({ name: "frontend", private: true, type: "module" }),
		// An ES module and a CommonJS script, each telling which file of the package it loaded.
		"esm.mjs": `import { createApiClient } from "@mtb/api-client";
console.log(typeof createApiClient, import.meta.resolve("@mtb/api-client"));`,
		"cjs.cjs": `const { createApiClient } = require("@mtb/api-client");
console.log(typeof createApiClient, require.resolve("@mtb/api-client"));`,
		// The same code as an ES module and as CommonJS, under tsc --init's strict options.
		"app.mts": appSource,
		"app.cts": appSource,
		"tsconfig.json": JSON.stringify({
			compilerOptions: {
				module: "node16",
				target: "es2022",
				lib: ["es2022", "dom"],
				types: [],
				strict: true,
				exactOptionalPropertyTypes: true,
				noUncheckedIndexedAccess: true,
				skipLibCheck: true,
				noEmit: true,
			},
			files: ["app.mts", "app.cts"],
		}),
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	copyFileSync(join(root, "gen", "riders", "api-schema.d.ts"), join(dir, "api-schema.d.cts"));
});
after(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});


/** Runs npm in the frontend's directory, from the npm cache when it can. */
async function npm(...args: string[]): Promise<void> {
	await run("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir });
}

/** Checks that the package is installed whole and loads both ways. */
async function assertInstalled(after: string): Promise<void> {
	const pkg = join(dir, "node_modules", "@mtb", "api-client");
	assert.ok(lstatSync(pkg).isDirectory(), `${after}: node_modules/@mtb/api-client is a directory, not a link`);
	assert.ok(existsSync(join(dir, "node_modules", "openapi-fetch", "package.json")), `${after}: openapi-fetch is installed`);
	const esm = await run(process.execPath, ["esm.mjs"], { cwd: dir });
	assert.equal(esm.stdout.trim(), `function file://${pkg}/dist/index.js`, `${after}: import`);
	// Without require(esm) (Node before 20.19, bundlers, test runners in CommonJS mode), a package
	// of ES modules only cannot be required.
	const cjs = await run(process.execPath, ["--no-experimental-require-module", "cjs.cjs"], { cwd: dir });
	assert.equal(cjs.stdout.trim(), `function ${pkg}/dist/cjs/index.js`, `${after}: require`);
}

/** Type-checks the frontend's code as an ES module and as CommonJS. */
async function assertTypes(after: string): Promise<void> {
	await run(tsc, ["-p", "tsconfig.json"], { cwd: dir }).catch((err: { stdout?: string }) => {
		assert.fail(`${after}: tsc:\n${err.stdout ?? String(err)}`);
	});
}

test("the packed client survives npm install, npm ci and installing another package", async () => {
	await npm("install", tarball);
	await assertInstalled(`npm install ${tarball}`);
	await assertTypes(`npm install ${tarball}`);
	await npm("install");
	await assertInstalled("npm install");
	rmSync(join(dir, "node_modules"), { recursive: true });
	await npm("ci");
	await assertInstalled("npm ci");
	await npm("install", "is-number@7.0.0");
	await assertInstalled("npm install is-number");
	// "Property 'POST' does not exist on type 'ApiClient'" when openapi-fetch went missing.
	await assertTypes("npm install is-number");
});
