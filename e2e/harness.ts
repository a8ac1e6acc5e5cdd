// End-to-end harness: one stack per test file, made of
//
//   - an SMTP server (smtp-server, in this process) that keeps the mails it receives,
//   - bin/mtb-api (built by `make build`) on a free port with a fresh SQLite file,
//   - Prism in front of it as a validating proxy of openapi.yaml (--errors), so that a request
//     or an answer that departs from the contract fails the test; with servedSpec, of the spec
//     the binary serves instead (openapi.yaml with the custom user fields of USER_FIELDS_FILE),
//
// and the generated client, imported as a frontend would, pointed at Prism. Usage:
//
//   let stack: Stack;
//   before(async () => { stack = await startStack({ name: "auth" }); });
//   after(() => stack?.stop());
//
// An instance with custom user fields, its client typed with the paths generated from its spec:
//
//   import type { paths } from "../gen/riders/api-schema.js";
//   const riders = await startStack<paths>({ name: "riders", env: { USER_FIELDS_FILE: ridersFields }, servedSpec: true });
//
// With a fake OAuth2 / OpenID Connect provider (bin/fakeidp, built by `make fakeidp`) and
// providers pointed at it, configured with `mtb-api providers set/enable` before the server starts:
//
//   const stack = await startStack({ name: "providers", fakeIdp: { accounts: ["rider@example.com:rider"], providers: { oidc: {} } } });
//   stack.idp!.url; // the provider's URL; stack.configureProvider() changes a provider later
//
// The processes' output goes to test-results/e2e/<name>.*.log. stop() ends them with SIGTERM
// (SIGKILL after 10 s); they are also killed if the test process exits or is interrupted first.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createApiClient, type ApiClient, type paths } from "@mtb/api-client";

/** Debian's Chromium for the browser tests (CHROMIUM overrides it); Playwright never downloads a browser here. */
export const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium opens connections of its own (component
// updates, ...), which a closed network refuses.
export const chromiumArgs = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];
/** The repository root (this file runs from e2e/dist/). */
export const root = fileURLToPath(new URL("../../", import.meta.url));
/** Where the processes' logs go. */
export const resultsDir = join(root, "test-results", "e2e");
/** The JWT_SECRET of the service under test. */
export const jwtSecret = "e2e-test-secret-not-for-production-0123456789";
/** The reset page of the imaginary frontend (UP_EMAIL_RESET_PASSWORD). */
export const resetPasswordUrl = "http://localhost:5173/reset-password";

const binary = join(root, "bin", "mtb-api");
const fakeIdpBinary = join(root, "bin", "fakeidp");
const prismBin = join(root, "node_modules", ".bin", "prism");
const spec = join(root, "openapi.yaml");
/** The riders' custom user fields (README, "Custom user fields"), for USER_FIELDS_FILE. */
export const ridersFields = join(root, "e2e", "riders.json");

export interface StackOptions {
	/** Names the log files: test-results/e2e/<name>.{mtb-api,prism,smtp}.log. */
	name: string;
	/** Start Prism (default true). A test that needs only the binary (such as a browser test of /docs) may skip it. */
	prism?: boolean;
	/**
	 * Also start a second Prism that lets invalid requests through (--validate-request=false) but
	 * still validates the answers: for tests of the server's own validation errors.
	 */
	lenientProxy?: boolean;
	/** Extra environment of the binary. */
	env?: Record<string, string>;
	/** The OpenAPI document Prism validates against (default openapi.yaml). */
	spec?: string;
	/**
	 * Prism validates against the spec the binary serves at /openapi.yaml (openapi.yaml with the
	 * custom user fields of USER_FIELDS_FILE, as `mtb-api openapi` prints it), fetched once the
	 * binary is up, instead of openapi.yaml.
	 */
	servedSpec?: boolean;
	/**
	 * Start the fake OAuth2 / OpenID Connect provider (bin/fakeidp) with the stack, stopped with
	 * it, and point the providers named here at it (`mtb-api providers set` and `enable`, on the
	 * stack's database, before the server starts).
	 */
	fakeIdp?: FakeIdpOptions;
}

/** The fake provider of a stack: internal/oauth/oauthtest/fakeidp. */
export interface FakeIdpOptions {
	/** Its accounts, `email[:username][!unverified]` (fakeidp's -account); default rider@example.com. */
	accounts?: string[];
	/** The client credentials it accepts (default e2e-client and e2e-client-secret). */
	clientId?: string;
	clientSecret?: string;
	/** The providers to configure and enable, each pointed at the fake provider. */
	providers?: Record<string, ProviderSetup>;
}

/** How a provider pointed at the fake provider is set up. */
export interface ProviderSetup {
	/** The frontend callback (`--callback`); default the server's own, Strapi's. */
	callback?: string;
	/** `--scope`. */
	scope?: string;
}

/** A running fake provider. */
export interface FakeIdp {
	/** Its URL: the issuer of the OpenID Connect providers. */
	url: string;
	clientId: string;
	clientSecret: string;
}

/**
 * The `mtb-api providers set` flags that point provider `name` at the fake provider at url, as
 * oauthtest's Provider.Settings does: GitHub, Discord and Facebook by their endpoints, the
 * OpenID Connect providers (oidc, google, keycloak, ...) by the issuer.
 */
export function fakeIdpFlags(name: string, url: string): string[] {
	switch (name) {
		case "github":
			return ["--authorize-url", `${url}/authorize`, "--access-url", `${url}/token`, "--profile-url", `${url}/github/user`];
		case "discord":
			return ["--authorize-url", `${url}/authorize`, "--access-url", `${url}/token`, "--profile-url", `${url}/discord/users/@me`];
		case "facebook":
			return ["--authorize-url", `${url}/authorize`, "--access-url", `${url}/token`, "--profile-url", `${url}/facebook/me?fields=name,email`];
		default:
			return ["--issuer", url];
	}
}

/**
 * The stack of an instance; `Paths` types its clients: the bundled `paths` by default, or those
 * generated from the spec of an instance with custom user fields (gen/riders/api-schema.d.ts).
 */
export interface Stack<Paths extends {} = paths> {
	/** The binary itself, bypassing Prism. */
	serverUrl: string;
	/** Prism, validating requests and answers (empty without Prism). */
	proxyUrl: string;
	/** Prism validating the answers only (empty without lenientProxy). */
	lenientProxyUrl: string;
	/** The OpenAPI document Prism validates against. */
	spec: string;
	/** The environment the binary runs with (DATABASE_FILENAME, JWT_SECRET, ...). */
	env: Record<string, string>;
	/** Every mail received so far, in order. */
	mails: ParsedMail[];
	/** A client of the API through Prism, as a frontend creates it. */
	client(token?: string): ApiClient<Paths>;
	/** A client through the lenient Prism, for requests the contract forbids on purpose. */
	lenientClient(token?: string): ApiClient<Paths>;
	/** Waits for the n-th (1-based) mail to `to`. */
	waitForMail(to: string, n?: number, timeoutMs?: number): Promise<ParsedMail>;
	/** Runs `bin/mtb-api <args>` with the service's environment (same database). */
	cli(...args: string[]): Promise<{ stdout: string; stderr: string }>;
	/** The fake provider (StackOptions.fakeIdp), or undefined. */
	idp: FakeIdp | undefined;
	/**
	 * Points provider `name` at the fake provider and enables it (`mtb-api providers set` with a
	 * secret file, and `enable`), then waits for the server's settings cache (1 s) to see it.
	 */
	configureProvider(name: string, setup?: ProviderSetup): Promise<void>;
	/** Stops Prism, the binary and the SMTP server, and removes the database. */
	stop(): Promise<void>;
}

/** Prism refused a request or an answer: the body of one of its own errors. */
interface PrismProblem {
	type: string;
	title?: string;
	status?: number;
	detail?: string;
	validation?: { location?: string[]; severity?: string; code?: string | number; message?: string }[];
}

/** Thrown by the clients when Prism answers with its own error instead of the server's answer. */
export class ContractViolation extends Error {
	constructor(
		readonly request: string,
		readonly status: number,
		readonly problem: PrismProblem,
	) {
		const kind = problem.type.replace(/^.*#/, "");
		const lines = (problem.validation ?? []).map(
			(v) => `  - ${(v.location ?? []).join(".")}: ${v.message ?? ""} (${v.severity ?? "?"}, ${v.code ?? "?"})`,
		);
		const what =
			kind === "VIOLATIONS"
				? "the server's answer does not match openapi.yaml"
				: "the request does not match openapi.yaml, Prism did not forward it";
		super(
			[`${request}: ${what} (Prism ${status} ${kind}: ${problem.title ?? ""})`, problem.detail ?? "", ...lines]
				.filter(Boolean)
				.join("\n"),
		);
		this.name = "ContractViolation";
	}
}

/**
 * fetch for the clients: turns Prism's verdicts into a thrown ContractViolation:
 *   - its own error bodies (application/problem+json with a stoplight.io type; the server never
 *     answers problem+json): a refused request (422, 401) or an invalid answer (500 VIOLATIONS);
 *   - the sl-violations header it adds to an answer it lets through with warnings, such as an
 *     error status that openapi.yaml does not declare (Prism passes those even with --errors).
 * Exported for tests that wrap it (to record requests, or to keep cookies).
 */
export async function contractFetch(request: Request): Promise<Response> {
	const label = `${request.method} ${new URL(request.url).pathname}`;
	const response = await fetch(request);
	if ((response.headers.get("content-type") ?? "").startsWith("application/problem+json")) {
		const problem = (await response
			.clone()
			.json()
			.catch(() => null)) as PrismProblem | null;
		if (problem && typeof problem.type === "string" && problem.type.startsWith("https://stoplight.io/prism/errors#")) {
			throw new ContractViolation(label, response.status, problem);
		}
	}
	const violations = response.headers.get("sl-violations");
	if (violations) {
		let validation: PrismProblem["validation"];
		try {
			validation = JSON.parse(violations) as PrismProblem["validation"];
		} catch {
			validation = [{ message: violations }];
		}
		throw new ContractViolation(label, response.status, {
			type: "https://stoplight.io/prism/errors#VIOLATIONS",
			title: "answer passed with the sl-violations header",
			validation,
		});
	}
	return response;
}

// Children still running and temporary directories, removed when this process goes away
// before stop() (a crash, a timeout of the test runner, ^C).
const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHooks = false;
function installExitHooks() {
	if (exitHooks) return;
	exitHooks = true;
	process.on("exit", () => {
		for (const c of live) c.kill("SIGKILL");
		for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
	});
	for (const [signal, code] of [
		["SIGINT", 130],
		["SIGTERM", 143],
	] as const) {
		process.once(signal, () => process.exit(code));
	}
}

async function freePort(): Promise<number> {
	const srv = createServer();
	await new Promise<void>((resolve, reject) => {
		srv.once("error", reject);
		srv.listen(0, "127.0.0.1", resolve);
	});
	const { port } = srv.address() as AddressInfo;
	await new Promise((resolve) => srv.close(resolve));
	return port;
}

/** The recipients' addresses of a parsed mail. */
function addresses(mail: ParsedMail): string[] {
	return [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ""));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines = 30): string {
	try {
		return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
	} catch {
		return "(no log)";
	}
}

interface Proc {
	child: ChildProcess;
	log: string;
	exited: Promise<number | string>;
	exit?: number | string;
}

/** Starts a process with its stdout and stderr in log. */
function startProcess(cmd: string, args: string[], env: Record<string, string>, log: string): Proc {
	const fd = openSync(log, "w");
	const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", fd, fd] });
	closeSync(fd);
	live.add(child);
	const proc: Proc = {
		child,
		log,
		exited: new Promise((resolve) => {
			child.once("exit", (code, signal) => {
				live.delete(child);
				proc.exit = code ?? signal ?? "?";
				resolve(proc.exit);
			});
			child.once("error", (err) => {
				live.delete(child);
				proc.exit = err.message;
				resolve(proc.exit);
			});
		}),
	};
	return proc;
}

/** Waits until GET url answers 204, failing early if the process exits. */
async function waitHealthy(proc: Proc, url: string, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = "no answer";
	while (Date.now() < deadline) {
		if (proc.exit !== undefined) {
			throw new Error(`${what} exited (${proc.exit}) before answering ${url}; ${proc.log}:\n${tail(proc.log)}`);
		}
		try {
			const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			await r.arrayBuffer();
			if (r.status === 204) return;
			last = `status ${r.status}`;
		} catch (err) {
			last = String(err);
		}
		await sleep(50);
	}
	throw new Error(`${what} did not answer ${url} with 204 in ${timeoutMs} ms (${last}); ${proc.log}:\n${tail(proc.log)}`);
}

/** Waits for the first line of a process's log that is a URL (fakeidp prints its URL first). */
async function waitForUrl(proc: Proc, what: string, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (proc.exit !== undefined) throw new Error(`${what} exited (${proc.exit}); ${proc.log}:\n${tail(proc.log)}`);
		const url = readFileSync(proc.log, "utf8")
			.split("\n")
			.find((l) => /^http:\/\/\S+$/.test(l));
		if (url) return url;
		await sleep(20);
	}
	throw new Error(`${what} printed no URL in ${timeoutMs} ms; ${proc.log}:\n${tail(proc.log)}`);
}

/** Stops a process with SIGTERM, then SIGKILL after graceMs. */
async function stopProcess(proc: Proc, graceMs = 10_000): Promise<void> {
	if (proc.exit !== undefined) return;
	proc.child.kill("SIGTERM");
	const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
	await proc.exited;
	clearTimeout(timer);
}

/** Starts the stack; on failure, stops whatever it had started. */
export async function startStack<Paths extends {} = paths>(opts: StackOptions): Promise<Stack<Paths>> {
	installExitHooks();
	if (!existsSync(binary)) throw new Error(`${binary} is missing: run make build (make e2e does)`);
	mkdirSync(resultsDir, { recursive: true });
	const logs = {
		api: join(resultsDir, `${opts.name}.mtb-api.log`),
		prism: join(resultsDir, `${opts.name}.prism.log`),
		lenient: join(resultsDir, `${opts.name}.prism-lenient.log`),
		smtp: join(resultsDir, `${opts.name}.smtp.log`),
		idp: join(resultsDir, `${opts.name}.fakeidp.log`),
	};
	const dir = mkdtempSync(join(tmpdir(), `mtb-e2e-${opts.name}-`));
	tempDirs.add(dir);
	let smtp: SMTPServer | undefined;
	let api: Proc | undefined;
	let idpProc: Proc | undefined;
	const prisms: Proc[] = [];

	const mails: ParsedMail[] = [];
	appendFileSync(logs.smtp, "", { flag: "w" });

	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		const crashed = api?.exit;
		// Prism first (it forwards to the binary), then the binary (it sends mails), then SMTP.
		await Promise.all(prisms.map((p) => stopProcess(p)));
		if (api) await stopProcess(api);
		if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
		if (idpProc) await stopProcess(idpProc);
		rmSync(dir, { recursive: true, force: true });
		tempDirs.delete(dir);
		if (api && (crashed !== undefined || api.exit !== 0)) {
			const when = crashed !== undefined ? "during the tests" : "on SIGTERM";
			throw new Error(`bin/mtb-api exited ${when} with ${api.exit}; ${api.log}:\n${tail(api.log)}`);
		}
	};

	try {
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ["AUTH", "STARTTLS"],
			logger: false,
			closeTimeout: 1_000,
			onData(stream, session, callback) {
				simpleParser(stream).then(
					(mail) => {
						mails.push(mail);
						const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
						appendFileSync(
							logs.smtp,
							`--- mail ${mails.length} from ${session.envelope.mailFrom ? session.envelope.mailFrom.address : "?"} to ${to}: ${mail.subject ?? ""}\n${mail.text ?? ""}\n`,
						);
						callback();
					},
					(err: Error) => callback(err),
				);
			},
		});
		await new Promise<void>((resolve, reject) => {
			smtp!.once("error", reject);
			smtp!.listen(0, "127.0.0.1", () => resolve());
		});
		const smtpPort = (smtp.server.address() as AddressInfo).port;

		const port = await freePort();
		const serverUrl = `http://127.0.0.1:${port}`;
		const env: Record<string, string> = {
			PATH: process.env.PATH ?? "/usr/bin:/bin",
			NODE_ENV: "test",
			HOST: "127.0.0.1",
			PORT: String(port),
			PUBLIC_URL: serverUrl,
			DATABASE_FILENAME: join(dir, "data.db"),
			JWT_SECRET: jwtSecret,
			PASSWORD_BCRYPT_COST: "4",
			RATE_LIMIT_ENABLED: "false",
			SMTP_HOST: "127.0.0.1",
			SMTP_PORT: String(smtpPort),
			SMTP_TLS: "none",
			UP_EMAIL_RESET_PASSWORD: resetPasswordUrl,
			MAIL_POLL_INTERVAL: "50ms",
			SHUTDOWN_TIMEOUT: "5s",
			...opts.env,
		};
		const cli = (...args: string[]) => promisify(execFile)(binary, args, { cwd: root, env, timeout: 30_000 });

		let idp: FakeIdp | undefined;
		if (opts.fakeIdp) {
			if (!existsSync(fakeIdpBinary)) throw new Error(`${fakeIdpBinary} is missing: run make fakeidp (make e2e does)`);
			const clientId = opts.fakeIdp.clientId ?? "e2e-client";
			const clientSecret = opts.fakeIdp.clientSecret ?? "e2e-client-secret";
			const args = ["-addr", "127.0.0.1:0", "-client-id", clientId, "-client-secret", clientSecret];
			for (const a of opts.fakeIdp.accounts ?? []) args.push("-account", a);
			idpProc = startProcess(fakeIdpBinary, args, { PATH: env.PATH! }, logs.idp);
			idp = { url: await waitForUrl(idpProc, "bin/fakeidp"), clientId, clientSecret };
		}
		const setProvider = async (name: string, setup: ProviderSetup = {}) => {
			if (!idp) throw new Error(`startStack({ name: "${opts.name}" }) started no fake provider (fakeIdp)`);
			const secretFile = join(dir, `${name}.secret`);
			writeFileSync(secretFile, `${idp.clientSecret}\n`, { mode: 0o600 });
			const flags = ["--key", idp.clientId, "--secret-file", secretFile, ...fakeIdpFlags(name, idp.url)];
			if (setup.callback !== undefined) flags.push("--callback", setup.callback);
			if (setup.scope !== undefined) flags.push("--scope", setup.scope);
			await cli("providers", "set", name, ...flags);
			await cli("providers", "enable", name);
			rmSync(secretFile, { force: true });
		};
		// Before the server starts: it reads them at its first sign-in.
		for (const [name, setup] of Object.entries(opts.fakeIdp?.providers ?? {})) await setProvider(name, setup);

		api = startProcess(binary, [], env, logs.api);
		await waitHealthy(api, `${serverUrl}/_health`, "bin/mtb-api");
		let prismSpec = opts.spec ?? spec;
		if (opts.servedSpec) {
			const r = await fetch(`${serverUrl}/openapi.yaml`);
			const text = await r.text();
			if (r.status !== 200) throw new Error(`GET /openapi.yaml of bin/mtb-api: ${r.status} ${text}`);
			prismSpec = join(dir, "openapi.served.yaml");
			writeFileSync(prismSpec, text);
		}

		const startPrism = async (log: string, extra: string[]) => {
			const prismPort = await freePort();
			const url = `http://127.0.0.1:${prismPort}`;
			const args = ["proxy", prismSpec, serverUrl, "--errors", "--port", String(prismPort), "--host", "127.0.0.1", ...extra];
			const proc = startProcess(prismBin, args, { PATH: env.PATH!, NO_COLOR: "1", FORCE_COLOR: "0" }, log);
			prisms.push(proc);
			await waitHealthy(proc, `${url}/_health`, "prism");
			return url;
		};
		const [proxyUrl, lenientProxyUrl] = await Promise.all([
			opts.prism === false ? "" : startPrism(logs.prism, []),
			opts.lenientProxy ? startPrism(logs.lenient, ["--validate-request=false"]) : "",
		]);

		const clientFor = (baseUrl: string, what: string) => (token?: string) => {
			if (!baseUrl) throw new Error(`startStack({ name: "${opts.name}" }) started no ${what}`);
			return createApiClient<Paths>({ baseUrl, token, fetch: contractFetch });
		};

		return {
			serverUrl,
			proxyUrl,
			lenientProxyUrl,
			spec: prismSpec,
			env,
			mails,
			client: clientFor(proxyUrl, "Prism"),
			lenientClient: clientFor(lenientProxyUrl, "lenient Prism (lenientProxy: true)"),
			async waitForMail(to, n = 1, timeoutMs = 10_000) {
				const deadline = Date.now() + timeoutMs;
				for (;;) {
					const found = mails.filter((m) => addresses(m).includes(to))[n - 1];
					if (found) return found;
					if (Date.now() > deadline) {
						throw new Error(`no mail ${n} to ${to} after ${timeoutMs} ms (${mails.length} received, see ${logs.smtp})`);
					}
					await sleep(20);
				}
			},
			cli,
			idp,
			async configureProvider(name, setup) {
				await setProvider(name, setup);
				await sleep(1_100); // the server reads the settings through a 1-second cache
			},
			stop,
		};
	} catch (err) {
		await stop().catch(() => {}); // the first error is the one to report
		throw err;
	}
}

/** An HS256 JWT of `payload` signed with the test secret, as the server signs its tokens. */
export function signJwt(payload: Record<string, unknown>, secret = jwtSecret): string {
	const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
	const unsigned = `${enc({ alg: "HS256", typ: "JWT" })}.${enc(payload)}`;
	return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}
