# The one entry point of the toolkit. `make` or `make help` lists every target.
SHELL := bash
.DEFAULT_GOAL := help

# Every package is found by wildcard; perf/ joins once it has a Package.swift.
PACKAGES := $(patsubst %/Package.swift,%,$(wildcard Packages/*/Package.swift) $(wildcard perf/Package.swift))

.PHONY: help build test lint format clean

help: ## List the targets with one line each
	@echo "Swift performance toolkit. Usage: make <target>"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Environment: PERF_PROFILE=quick|full (run length), PERF_ENV=local|ci (label in results),"
	@echo "             STRICT_PERF=1 (regressions fail instead of warn), NO_COLOR (plain output)."

build: ## Build every package (debug)
	@set -e; for package in $(PACKAGES); do echo "==> swift build in $$package"; (cd $$package && swift build); done

test: ## Run every package's tests; the last line sums them: "N passed, N failed"
	@Scripts/test-all.sh

lint: ## Check formatting of every Swift file (swift format --strict) and validate the CI workflows
	@Scripts/lint.sh lint
	@Scripts/check-workflows.sh

format: ## Rewrite every Swift file with swift format
	@Scripts/lint.sh format

clean: ## Remove build folders and results (perf/results/)
	@for package in $(PACKAGES); do rm -rf $$package/.build $$package/.build-*; done
	@rm -rf perf/results .build-tools
