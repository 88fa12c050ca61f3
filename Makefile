# The one entry point of the toolkit. `make` or `make help` lists every target.
SHELL := bash
.DEFAULT_GOAL := help

# Every package is found by wildcard; perf/ joins once it has a Package.swift.
PACKAGES := $(patsubst %/Package.swift,%,$(wildcard Packages/*/Package.swift) $(wildcard perf/Package.swift))

.PHONY: help build test lint format clean perf-check perf-baseline perf-report

PERF_CHECK := Packages/Regression/.build/release/perf-check

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

perf-check: ## Compare perf/results with baselines/ (SUITE=x for one suite; STRICT_PERF=1 fails on regressions)
	@cd Packages/Regression && swift build -c release --product perf-check >/dev/null
	@$(PERF_CHECK) $(if $(SUITE),--suite $(SUITE)) $(PERF_CHECK_FLAGS)

perf-baseline: ## Write baselines/<suite>.json from perf/results (SUITE=x for one suite); commit them apart
	@cd Packages/Regression && swift build -c release --product perf-check >/dev/null
	@$(PERF_CHECK) --update-baseline $(if $(SUITE),--suite $(SUITE))

perf-report: ## Check, then write perf/results/report.md and report.html (and github-benchmark/)
	@cd Packages/Regression && swift build -c release --product perf-check >/dev/null
	@status=0; $(PERF_CHECK) --markdown perf/results/report.md --html perf/results/report.html \
	  --github-benchmark perf/results/github-benchmark $(PERF_CHECK_FLAGS) || status=$$?; \
	  echo "Report: perf/results/report.html (Markdown: perf/results/report.md)"; exit $$status

clean: ## Remove build folders and results (perf/results/)
	@for package in $(PACKAGES); do rm -rf $$package/.build $$package/.build-*; done
	@rm -rf perf/results .build-tools
