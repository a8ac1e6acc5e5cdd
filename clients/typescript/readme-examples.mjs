// Writes the ```ts examples of the given Markdown files into <out dir>, one module each, with a
// tsconfig.json of the options `tsc --init` (TypeScript 5.9) gives a new project: strict,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess... `make check-ts` then type-checks them
// against the client (@mtb/api-client, gen/ts), as a frontend that copied them would.
//
//   node clients/typescript/readme-examples.mjs <out dir> <file.md>...
//
// An example that does not import the client gets `import { createApiClient } from "@mtb/api-client"`;
// the page's own functions and values it names (showLoginPage, identifier...) are declared in
// globals.d.ts. Each module is named after its file and line: README.md-L141.mts. An example of a
// client typed for an instance with custom user fields imports its types from "./api-schema.js",
// as the READMEs generate them: that is the riders' example (gen/riders/api-schema.d.ts, written
// by make generate from the spec an instance with e2e/riders.json serves).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
	console.error("usage: node clients/typescript/readme-examples.mjs <out dir> <file.md>...");
	process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "gen", "riders", "api-schema.d.ts"), join(out, "api-schema.d.ts"));

const names = [];
for (const file of files) {
	const lines = readFileSync(file, "utf8").split("\n");
	let start = -1;
	for (let i = 0; i < lines.length; i++) {
		if (start < 0 && lines[i].trim() === "```ts") {
			start = i + 1;
		} else if (start >= 0 && lines[i].trim() === "```") {
			let code = lines.slice(start, i).join("\n") + "\n";
			if (!code.includes(`from "@mtb/api-client"`)) code = `import { createApiClient } from "@mtb/api-client";\n${code}`;
			const name = `${file.replaceAll("/", "_")}-L${start + 1}.mts`;
			writeFileSync(join(out, name), `// ${file} line ${start + 1}\n${code}`);
			names.push(name);
			start = -1;
		}
	}
}
if (names.length === 0) {
	console.error(`no \`\`\`ts example in ${files.map((f) => basename(f)).join(", ")}`);
	process.exit(1);
}

writeFileSync(
	join(out, "globals.d.ts"),
	`// What the examples take from the page around them.
declare function showMessage(message: string): void;
declare function showError(message: string): void;
declare function showLoginPage(): void;
declare const identifier: string;
declare const password: string;
declare const baseUrl: string;
declare const jwt: string;
`,
);
writeFileSync(
	join(out, "tsconfig.json"),
	JSON.stringify(
		{
			compilerOptions: {
				// tsc --init (TypeScript 5.9), without its emit options.
				module: "nodenext",
				target: "esnext",
				types: [],
				noUncheckedIndexedAccess: true,
				exactOptionalPropertyTypes: true,
				strict: true,
				verbatimModuleSyntax: true,
				isolatedModules: true,
				noUncheckedSideEffectImports: true,
				moduleDetection: "force",
				skipLibCheck: true,
				// Browser code.
				lib: ["esnext", "dom", "dom.iterable"],
				noEmit: true,
			},
			files: ["globals.d.ts", ...names],
		},
		null,
		2,
	) + "\n",
);
console.log(`${names.length} examples in ${out}: ${names.join(" ")}`);
