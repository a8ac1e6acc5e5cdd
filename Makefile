# MTB Backend API. `make help` lists the targets.
#
# Go tools (sqlc, oapi-codegen, oasdiff, staticcheck, govulncheck) are pinned in tools.mod and run
# with `go tool`; Node tools (spec lint) are pinned in package.json / package-lock.json.

# The Go toolchain: go.mod needs 1.27.3 (the standard library of the 1.26.8 our machines ship has
# vulnerabilities that govulncheck reports). The go command fetches it from the Go module proxy
# once (76 MB); a machine's own Go, and a GOTOOLCHAIN=local in its go.env, ignore go.mod's line,
# so every script that runs go exports this (.ci/run too).
export GOTOOLCHAIN := go1.27.3
GOTOOL := go tool -modfile=tools.mod
BIN    := bin/mtb-api
# Swagger UI served at /docs/ (internal/httpapi/docs.go): these files of the pinned
# swagger-ui-dist are copied next to our index.html and init.js by `make generate`.
SWAGGER_UI_DIST  := node_modules/swagger-ui-dist
SWAGGER_UI_FILES := swagger-ui-bundle.js swagger-ui-bundle.js.LICENSE.txt swagger-ui.css index.css \
	favicon-32x32.png favicon-16x16.png LICENSE NOTICE
DOCS_DIR := internal/httpapi/docs
# The packages make test runs: make test PKGS=./internal/config/ runs one.
PKGS     := ./...
TS_CLIENT := gen/ts
# The custom user fields of the riders' example (README) and the types generated from the spec an
# instance with them serves (make generate).
RIDERS_FIELDS := e2e/riders.json
RIDERS_TYPES  := gen/riders/api-schema.d.ts
# Where `make ts-client-pack` puts the client's tarball (git-ignored).
TS_CLIENT_PACK_DIR := dist

# The Node the tools need: package.json's engines.node (Prism 5.16's minimum); .nvmrc names the
# version .ci/run installs when the machine's is older.
NODE_MIN := $(shell sed -n 's/^ *"node": *">=\([0-9.]*\)".*/\1/p' package.json)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_.-]+:.*## / {printf "  %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The first build on a machine compiles every dependency, the pure-Go SQLite
# (modernc.org/sqlite) above all. Measured with an empty GOCACHE on a 2-core machine shared
# with other builds: 3 min 36 s and 7 min 16 s, about 3.8 minutes of CPU time each. Go's
# build cache makes the next builds take seconds. -v names each package as it is compiled
# (only the changed ones once the cache is warm).
BUILD_NOTE := Building $(BIN): the first build on a machine compiles SQLite and every dependency, \
	about 4 minutes on 2 cores (up to 7 when the machine is busy); later builds take seconds...

.PHONY: run
run: build ## Build bin/mtb-api and start it on all interfaces (HOST=0.0.0.0), port 1337, with SQLite in .tmp/data.db
	@echo "Starting $(BIN) on $${HOST:-0.0.0.0}:$${PORT:-1337} (HOST=127.0.0.1: this machine only): http://localhost:$${PORT:-1337}"
	./$(BIN)

.PHONY: build
build: ## Build the binary into bin/mtb-api (the first build takes minutes: it compiles SQLite and every dependency)
	@echo "$(BUILD_NOTE)"
	go build -v -trimpath -o $(BIN) ./cmd/mtb-api

# The fake OAuth2 / OpenID Connect provider (internal/oauth/oauthtest/fakeidp) the end-to-end and
# browser tests sign in with (e2e/harness.ts, StackOptions.fakeIdp).
.PHONY: fakeidp
fakeidp: ## Build the fake OAuth provider of the end-to-end tests into bin/fakeidp
	go build -trimpath -o bin/fakeidp ./internal/oauth/oauthtest/fakeidp

.PHONY: test
test: ## Run the tests, with -race when a C compiler is there (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)
	@race=$$($(MAKE) -s --no-print-directory race-flag) || exit 1; \
	echo go test $$race -count=1 $(PKGS); \
	go test $$race -count=1 $(PKGS)

# The race detector needs cgo, hence a C compiler (gcc or clang). Without one, make test runs
# the tests without it and says so; with REQUIRE_RACE=1 (CI) that is an error instead.
.PHONY: race-flag
race-flag: ## Print -race when the race detector can run (cgo and a C compiler), else say why not
	@cc=$$(go env CC | cut -d' ' -f1); cgo=$$(go env CGO_ENABLED); \
	if command -v "$$cc" >/dev/null 2>&1; then found=found; fix="set CGO_ENABLED=1"; \
	else found="not found"; fix="install a C compiler (apt-get install gcc)"; fi; \
	if [ "$$cgo" = 1 ] && [ "$$found" = found ]; then echo -race; exit 0; fi; \
	why="the race detector needs cgo and a C compiler: CGO_ENABLED=$$cgo, CC=$$cc $$found"; \
	if [ "$(REQUIRE_RACE)" = 1 ]; then echo "make: REQUIRE_RACE=1 but $$why; $$fix" >&2; exit 1; fi; \
	echo "make: running the tests WITHOUT -race: $$why; $$fix to get it" >&2

.PHONY: generate
generate: node_modules swagger-ui ## Regenerate gen/ from openapi.yaml, sqlc.yaml, queries/, schema/ and e2e/riders.json, and the Swagger UI files
	$(GOTOOL) sqlc generate
	go run ./internal/tools/dbadapter
	$(GOTOOL) oapi-codegen -config oapi-codegen.server.yaml openapi.yaml
	$(GOTOOL) oapi-codegen -config oapi-codegen.client.yaml openapi.yaml
	@# The TypeScript client package gen/ts (npm name @mtb/api-client, sources in clients/typescript):
	@# types by openapi-typescript, the wrapper and package.json by generate.mjs, dist/ (ES modules)
	@# and dist/cjs/ (CommonJS) by tsc.
	@mkdir -p .tmp
	@npx --no-install redocly bundle openapi.yaml --ext json --output .tmp/openapi.json > .tmp/redocly-bundle.txt 2>&1 \
		|| { cat .tmp/redocly-bundle.txt; exit 1; }
	rm -rf $(TS_CLIENT)
	npx --no-install openapi-typescript openapi.yaml --output $(TS_CLIENT)/src/schema.d.ts
	node clients/typescript/generate.mjs .tmp/openapi.json $(TS_CLIENT)
	npx --no-install tsc -p $(TS_CLIENT)/tsconfig.json
	npx --no-install tsc -p $(TS_CLIENT)/tsconfig.cjs.json
	cp $(TS_CLIENT)/src/schema.d.ts $(TS_CLIENT)/dist/schema.d.ts
	cp $(TS_CLIENT)/src/schema.d.ts $(TS_CLIENT)/dist/cjs/schema.d.ts
	@# The types of an instance with custom user fields, generated as its frontend generates them
	@# (README, "Custom user fields"): the spec the binary serves with the riders' USER_FIELDS_FILE
	@# (e2e/riders.json, the README's example), through openapi-typescript. The end-to-end tests and
	@# the READMEs' examples of createApiClient<paths>() are typed with them.
	NODE_ENV=development USER_FIELDS_FILE=$(RIDERS_FIELDS) go run ./cmd/mtb-api openapi > .tmp/openapi.riders.yaml
	npx --no-install openapi-typescript .tmp/openapi.riders.yaml --output $(RIDERS_TYPES)

.PHONY: swagger-ui
swagger-ui: node_modules ## Copy Swagger UI's files from the pinned swagger-ui-dist into internal/httpapi/docs/
	@for f in $(SWAGGER_UI_FILES); do cp $(SWAGGER_UI_DIST)/$$f $(DOCS_DIR)/$$f || exit 1; done
	@# Its package.json (renamed: not a manifest of ours) says which version the files are.
	cp $(SWAGGER_UI_DIST)/package.json $(DOCS_DIR)/swagger-ui-dist.package.json

.PHONY: ts-client-pack
ts-client-pack: ## Pack the TypeScript client gen/ts into dist/mtb-api-client-<version>.tgz, the file frontends install
	@mkdir -p $(TS_CLIENT_PACK_DIR)
	@# ./ in front: npm takes "gen/ts" for a GitHub repository.
	@f=$$(npm pack --silent ./$(TS_CLIENT) --pack-destination $(TS_CLIENT_PACK_DIR)) && \
		echo "$(TS_CLIENT_PACK_DIR)/$$f: install it in a frontend with npm install <path to this repository>/$(TS_CLIENT_PACK_DIR)/$$f"

.PHONY: check-generated
check-generated: generate ## Fail when gen/ or the Swagger UI files differ from what `make generate` produces
	@# git status sees changed, deleted and untracked files alike, and leaves the index alone.
	@status=$$(git status --porcelain --untracked-files=all -- gen $(DOCS_DIR)) || exit 1; \
	if [ -n "$$status" ]; then \
		git diff --stat -- gen $(DOCS_DIR); echo "$$status"; \
		echo "gen/ or $(DOCS_DIR)/ is out of date: run make generate and commit the result"; exit 1; fi

.PHONY: check-ts
check-ts: node_modules ## Type-check the TypeScript client (gen/ts), the READMEs' examples and the end-to-end tests (e2e/)
	npx --no-install tsc --noEmit -p $(TS_CLIENT)/tsconfig.json
	npx --no-install tsc --noEmit -p $(TS_CLIENT)/tsconfig.cjs.json
	@# The examples as a frontend copies them, under the strict options of a new project (tsc --init).
	node clients/typescript/readme-examples.mjs .tmp/readme-examples README.md clients/typescript/README.md
	npx --no-install tsc -p .tmp/readme-examples/tsconfig.json
	npx --no-install tsc --noEmit -p e2e/tsconfig.json

.PHONY: e2e
e2e: node-version build fakeidp node_modules ts-client-pack ## End-to-end tests: bin/mtb-api behind Prism validating openapi.yaml, with the TypeScript client (and its tarball)
	rm -rf e2e/dist test-results/e2e
	npx --no-install tsc -p e2e/tsconfig.json
	@mkdir -p test-results/e2e
	@# Every e2e/*.test.ts but the browser tests (make browser-test), which need Chromium.
	node --test --test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=junit --test-reporter-destination=test-results/e2e/junit.xml \
		$$(ls e2e/dist/*.test.js | grep -v '\.browser\.test\.js$$')

.PHONY: browser-test
browser-test: node-version build fakeidp node_modules ## Browser tests with Debian's Chromium: /docs (Swagger UI, a profile edit included) and sign-in with a provider; screenshots in test-results/docs*.png, providers*.png
	npx --no-install tsc -p e2e/tsconfig.json
	@mkdir -p test-results/browser
	node --test --test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=junit --test-reporter-destination=test-results/browser/junit.xml e2e/dist/*.browser.test.js

.PHONY: check-breaking
check-breaking: ## Fail when a commit changed openapi.yaml in a way that breaks clients, unless its message has an API-Breaking: line
	internal/tools/check-breaking.sh

.PHONY: lint
lint: lint-go lint-staticcheck lint-vuln lint-spec ## Run all linters

.PHONY: lint-go
lint-go: ## gofmt, go vet, go mod tidy check, sqlc vet
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^gen/')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet ./...
	go mod tidy -diff
	$(GOTOOL) sqlc vet

# The checks staticcheck runs: inherit takes them from staticcheck.conf (all of them) and the
# packages' own staticcheck.conf (their exceptions, each with its reason); all ignores the
# exceptions: make lint-staticcheck STATICCHECK_CHECKS=all.
STATICCHECK_CHECKS := inherit

.PHONY: lint-staticcheck
lint-staticcheck: ## staticcheck, every check (staticcheck.conf); STATICCHECK_CHECKS=all ignores the packages' exceptions too
	$(GOTOOL) staticcheck -checks '$(STATICCHECK_CHECKS)' ./...

# govulncheck's vulnerability database. Its default, vuln.go.dev, is not reachable from this
# project's machines (nor CI's); the Go team publishes the same advisories in the module
# golang.org/x/vulndb (data/osv: one OSV file each), which the Go module proxy serves and
# checks against the checksum database, and govulncheck reads such a folder as its database.
# Advisories committed after VULNDB_VERSION (its date is in the version) are NOT checked:
# `go list -m golang.org/x/vulndb@master` names the newest, to put here. Where vuln.go.dev is
# reachable, make lint-vuln GOVULNDB=https://vuln.go.dev checks against the live database.
VULNDB_VERSION := v0.0.0-20261105234957-e22db6528018
GOVULNDB :=
.PHONY: lint-vuln
lint-vuln: ## govulncheck: known vulnerabilities the code reaches, in its modules and Go's standard library
	@mkdir -p .tmp
	@db="$(GOVULNDB)"; \
	if [ -z "$$db" ]; then \
		dir=$$(go mod download -json golang.org/x/vulndb@$(VULNDB_VERSION) | sed -n 's/^\t"Dir": "\(.*\)",$$/\1/p'); \
		if [ -z "$$dir" ] || [ ! -d "$$dir/data/osv" ]; then echo "lint-vuln: cannot get golang.org/x/vulndb@$(VULNDB_VERSION) from the Go module proxy" >&2; exit 1; fi; \
		db="file://$$dir/data/osv"; \
		date=$$(echo "$(VULNDB_VERSION)" | sed -n 's/^v0\.0\.0-\([0-9]\{4\}\)\([0-9]\{2\}\)\([0-9]\{2\}\).*/\1-\2-\3/p'); \
		echo "govulncheck: advisories of golang.org/x/vulndb@$(VULNDB_VERSION), committed up to $$date; later ones are NOT checked (Makefile: VULNDB_VERSION, GOVULNDB)"; \
	else echo "govulncheck: database $$db"; fi; \
	$(GOTOOL) govulncheck -db "$$db" ./... > .tmp/govulncheck.txt 2>&1; rc=$$?; \
	cat .tmp/govulncheck.txt; \
	if [ $$rc -eq 3 ]; then echo "lint-vuln: the code reaches the known vulnerabilities above ($$(go env GOVERSION))" >&2; exit 1; fi; \
	if [ $$rc -ne 0 ]; then echo "lint-vuln: govulncheck failed (exit $$rc)" >&2; exit 1; fi

.PHONY: lint-spec
lint-spec: node_modules ## Lint openapi.yaml with Redocly's recommended rules (warnings fail)
	@mkdir -p .tmp
	@npx --no-install redocly lint openapi.yaml > .tmp/redocly.txt 2>&1; status=$$?; cat .tmp/redocly.txt; \
		if [ $$status -ne 0 ] || grep -Eq "You have [0-9]+ warnings?" .tmp/redocly.txt; then exit 1; fi

.PHONY: node-version
node-version: ## Warn when node is older than package.json's engines.node (make e2e and browser-test check it)
	@v=$$(node --version) && v=$${v#v} && \
	if [ "$$(printf '%s\n%s\n' "$$v" "$(NODE_MIN)" | sort -V | head -n 1)" != "$(NODE_MIN)" ]; then \
		echo "WARNING: node $$v is older than the $(NODE_MIN) Prism needs (package.json engines): its runs are unsupported;" \
			"use Node $$(cat .nvmrc) (.nvmrc: nvm install), as .ci/run does" >&2; \
	fi

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

.PHONY: migrate
migrate: ## Apply the database migrations and exit (DATABASE_URL or DATABASE_FILENAME)
	go run ./cmd/mtb-api migrate

# The import of a Strapi database of 100 000 users (strapidb.BenchmarkImport): from each source
# engine into each target engine, PostgreSQL ones when TEST_DATABASE_URL is set. Not part of
# make test: it takes minutes. BENCH_IMPORT=10k for a quick run; the output is benchstat's input.
BENCH_IMPORT := 100k
.PHONY: bench-import
bench-import: ## Benchmark strapidb.Import of 100 000 users, every source and target engine (PostgreSQL with TEST_DATABASE_URL)
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg), $$(nproc) cores"
	go test -run '^$$' -bench 'BenchmarkImport/$(BENCH_IMPORT)/' -benchtime 3x -count 3 ./internal/strapidb/

.PHONY: bench
bench: build ## Load the binary over loopback on SQLite and PostgreSQL: bench-report.md and its chart bench-report.svg (about 15 minutes)
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg), $$(nproc) cores"
	go run ./internal/tools/bench -bin $(BIN) -out bench-report.md

# CI runs the whole bench briefly, to prove that it runs and to keep its report and chart with
# the test results; its figures, on a machine busy with CI, are not the ones to quote.
.PHONY: bench-smoke
bench-smoke: build ## The bench with short runs (about 2 minutes): test-results/bench/bench-report.md and .svg
	@mkdir -p test-results/bench
	go run ./internal/tools/bench -bin $(BIN) -duration 2s -warmup 500ms -bcrypt 1s -pause 0 -out test-results/bench/bench-report.md > /dev/null
	@test -s test-results/bench/bench-report.svg || { echo "bench-smoke: no chart written" >&2; exit 1; }

# How the service grows with its users (issue 13): seeds GROWTH_SIZES users on each of
# GROWTH_ENGINES (PostgreSQL on TEST_DATABASE_URL, a database per run), starts bin/mtb-api on
# them, and measures login, /users/me, a filter, _q and a sorted page with one client, and _q
# with 4 and 16; prints a Markdown table (README, "How it grows").
GROWTH_SIZES   := 1000,100000,1000000
GROWTH_ENGINES := sqlite,postgres
.PHONY: bench-growth
bench-growth: build ## Measure login, /users/me, a filter, _q and a sort at GROWTH_SIZES users on GROWTH_ENGINES
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg), $$(nproc) cores"
	go run ./internal/tools/growth -bin $(BIN) -sizes $(GROWTH_SIZES) -engines $(GROWTH_ENGINES)
