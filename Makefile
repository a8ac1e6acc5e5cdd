# MTB Backend API. `make help` lists the targets.
#
# Go tools (sqlc, oapi-codegen) are pinned in tools.mod and run with `go tool`; Node tools
# (spec lint) are pinned in package.json / package-lock.json.

export GOTOOLCHAIN := local
GOTOOL := go tool -modfile=tools.mod
BIN    := bin/mtb-api

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: run
run: ## Start the service on 127.0.0.1:1337 with the embedded SQLite database (.tmp/data.db)
	go run ./cmd/mtb-api

.PHONY: build
build: ## Build the binary into bin/mtb-api
	go build -trimpath -o $(BIN) ./cmd/mtb-api

.PHONY: test
test: ## Run the tests (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)
	go test -race -count=1 ./...

.PHONY: generate
generate: ## Regenerate gen/ from openapi.yaml, sqlc.yaml, queries/ and schema/
	$(GOTOOL) sqlc generate
	go run ./internal/tools/dbadapter
	$(GOTOOL) oapi-codegen -config oapi-codegen.server.yaml openapi.yaml
	$(GOTOOL) oapi-codegen -config oapi-codegen.client.yaml openapi.yaml

.PHONY: check-generated
check-generated: generate ## Fail when gen/ differs from what `make generate` produces
	@git add -N gen >/dev/null 2>&1 || true
	@if ! git diff --exit-code --stat -- gen; then \
		echo "gen/ is out of date: run make generate and commit the result"; exit 1; fi

.PHONY: check-breaking
check-breaking: ## Fail when a commit changed openapi.yaml in a way that breaks clients, unless it says API-Breaking:
	internal/tools/check-breaking.sh

.PHONY: lint
lint: lint-go lint-spec ## Run all linters

.PHONY: lint-go
lint-go: ## gofmt, go vet, go mod tidy check, sqlc vet
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^gen/')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet ./...
	go mod tidy -diff
	$(GOTOOL) sqlc vet

.PHONY: lint-spec
lint-spec: node_modules ## Lint openapi.yaml with Redocly's recommended rules (warnings fail)
	@mkdir -p .tmp
	@npx --no-install redocly lint openapi.yaml > .tmp/redocly.txt 2>&1; status=$$?; cat .tmp/redocly.txt; \
		if [ $$status -ne 0 ] || grep -Eq "You have [0-9]+ warnings?" .tmp/redocly.txt; then exit 1; fi

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

.PHONY: migrate
migrate: ## Apply the database migrations and exit (DATABASE_URL or DATABASE_FILENAME)
	go run ./cmd/mtb-api migrate

.PHONY: bench
bench: build ## Load the running binary and report throughput, latency, memory and start time
	go run ./internal/tools/bench -bin $(BIN) -out bench-report.md
