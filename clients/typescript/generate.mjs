// Assembles the TypeScript client package gen/ts from openapi.yaml (make generate).
//
//   node clients/typescript/generate.mjs <bundled spec .json> <out dir>
//
// Before it, `make generate` writes <out>/src/schema.d.ts with openapi-typescript; after it,
// tsc compiles <out> into <out>/dist (ES modules) and <out>/dist/cjs (CommonJS). This script
// adds what openapi-typescript does not give: the package.json (version from info.version),
// the hand-written wrapper from clients/typescript/src, src/security.ts, the operations that
// take a Bearer token, and dist/cjs/package.json, which marks dist/cjs as CommonJS.
// Its output depends only on its inputs (no dates, no absolute paths): CI regenerates gen/
// and fails on any difference.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [specFile, out] = process.argv.slice(2);
if (!specFile || !out) {
	console.error("usage: node clients/typescript/generate.mjs <openapi.json> <out dir>");
	process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const spec = JSON.parse(readFileSync(specFile, "utf8"));
// The client depends on the openapi-fetch the repository pins (and compiles it against).
const fetchVersion = JSON.parse(readFileSync(join(here, "..", "..", "package.json"), "utf8")).devDependencies["openapi-fetch"];
if (!/^\d+\.\d+\.\d+$/.test(fetchVersion ?? "")) {
	console.error(`package.json must pin openapi-fetch to an exact version, not ${fetchVersion}`);
	process.exit(1);
}
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// An operation takes the token when one of its security alternatives names a scheme; `security: []`
// (or only `{}`, anonymous) means a public operation, where the server answers a user token with 403.
const tokenOperations = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
	for (const method of methods) {
		const op = item[method];
		if (!op) continue;
		const security = op.security ?? spec.security ?? [];
		if (security.some((requirement) => Object.keys(requirement).length > 0)) {
			tokenOperations.push(`${method.toUpperCase()} ${path}`);
		}
	}
}

const pkg = {
	name: "@mtb/api-client",
	version: spec.info.version,
	description: `Typed client of the ${spec.info.title}, generated from its openapi.yaml.`,
	license: "UNLICENSED",
	private: true,
	type: "module",
	sideEffects: false,
	// Both ES modules (dist/) and CommonJS (dist/cjs/, for require() and tools that cannot load
	// ES modules), each with its declarations: openapi-fetch ships both too.
	main: "./dist/cjs/index.js",
	types: "./dist/cjs/index.d.ts",
	exports: {
		".": {
			import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
			require: { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" },
		},
		"./package.json": "./package.json",
	},
	files: ["dist"],
	dependencies: { "openapi-fetch": fetchVersion },
};

const security = `// Generated from openapi.yaml by clients/typescript/generate.mjs: do not edit.

/**
 * The operations that take a Bearer token, as \`METHOD /path\`. Every other operation is public:
 * the server refuses a user token there (403), so the client sends none.
 */
export const tokenOperations: ReadonlySet<string> = new Set([
${tokenOperations.map((op) => `\t${JSON.stringify(op)},\n`).join("")}]);
`;

mkdirSync(join(out, "src"), { recursive: true });
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
writeFileSync(join(out, "src", "security.ts"), security);
for (const f of readdirSync(join(here, "src")).sort()) {
	copyFileSync(join(here, "src", f), join(out, "src", f));
}
copyFileSync(join(here, "tsconfig.json"), join(out, "tsconfig.json"));
copyFileSync(join(here, "tsconfig.cjs.json"), join(out, "tsconfig.cjs.json"));
// What tsc -p tsconfig.cjs.json writes into dist/cjs are CommonJS modules, in a package of ES modules.
mkdirSync(join(out, "dist", "cjs"), { recursive: true });
writeFileSync(join(out, "dist", "cjs", "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
copyFileSync(join(here, "README.md"), join(out, "README.md"));
