# The one entry point of the toolkit. `make` or `make help` lists every target.
SHELL := bash
.DEFAULT_GOAL := help

# Every package is found by wildcard; perf/ joins once it has a Package.swift.
PACKAGES := $(patsubst %/Package.swift,%,$(wildcard Packages/*/Package.swift) $(wildcard perf/Package.swift))

.PHONY: help build test test-tsan test-asan lint format clean perf perf-tools perf-micro perf-macro perf-memory perf-soak perf-scale perf-pool-ab perf-pools perf-service perf-instructions perf-viewmodel perf-check perf-baseline perf-report perf-flame perf-heap perf-ab perf-trend perf-verify perf-distributed fuzz

# Every tool the perf targets run is built in release in the perf package, which depends on all the others, so
# PerfResult, LoadGen and Regression compile once for all of them: `make perf-tools` builds them together, and
# `make perf` does that first and tells each suite (PERF_BUILT=1) to skip its own build.
PERF_BIN := perf/.build/release
PERF_CHECK := $(PERF_BIN)/perf-check
perf_build = Scripts/perf-tools.sh $(1)
# The suites `make perf` runs and CI's perf matrix lists: perf/suites.json, e.g. ["memory", "micro"].
PERF_SUITES := $(shell tr -d '[]",' < perf/suites.json)
# `make perf` runs the quick profile unless told otherwise; single suites default to their full profile.
PERF_PROFILE ?=
export PERF_PROFILE

help: ## List the targets with one line each
	@echo "Swift performance toolkit. Usage: make <target>"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Environment: PERF_PROFILE=quick|full (run length), PERF_ENV=local|ci (label in results),"
	@echo "             STRICT_PERF=1 (regressions fail instead of warn), NO_COLOR (plain output)."

build: ## Build every package (debug)
	@set -e; for package in $(PACKAGES); do echo "==> swift build in $$package"; (cd $$package && swift build); done

test: ## Run every package's tests and the scripts' Python tests; the last line sums them: "N passed, N failed"
	@Scripts/test-all.sh

test-tsan: ## Every package's tests under ThreadSanitizer (.build-tsan); fails on any report (Scripts/sanitizers)
	@Scripts/test-sanitizers.sh thread

test-asan: ## Every package's tests under AddressSanitizer and LeakSanitizer (.build-asan); fails on any report
	@Scripts/test-sanitizers.sh address

lint: ## swift format --strict, shellcheck, flake8; the CI workflows and baselines; README examples; the power-check patch applies
	@Scripts/lint.sh lint
	@Scripts/check-workflows.sh
	@python3 Scripts/check-readme-examples.py
	@git apply --check perf/regression/power-check.patch || { echo "lint: perf/regression/power-check.patch no longer applies; redo it on the current sources (perf/README.md, section regression)" >&2; exit 1; }

format: ## Rewrite every Swift file with swift format
	@Scripts/lint.sh format

perf: ## The main job: every suite (quick profile), the check and the report (flagged results re-run only with STRICT_PERF)
	@Scripts/perf-tools.sh || exit 2; \
	status=0; \
	for suite in $(PERF_SUITES); do \
	  PERF_BUILT=1 PERF_SKIP_UNAVAILABLE=1 $(MAKE) --no-print-directory perf-$$suite PERF_PROFILE=$${PERF_PROFILE:-quick} || status=1; \
	done; \
	confirm=$${PERF_CONFIRM:-$$( [ -n "$${STRICT_PERF:-}" ] && echo 2 || echo 0 )}; \
	PERF_BUILT=1 PERF_CONFIRM=$$confirm PERF_PROFILE=$${PERF_PROFILE:-quick} Scripts/perf-report.sh $(PERF_CHECK_FLAGS) || { code=$$?; [ $$code -gt $$status ] && status=$$code; }; \
	exit $$status

perf-tools: ## Build every tool the perf targets run (suites, demo service, loadgen, perf-check) in release, once, in perf/.build/release
	@Scripts/perf-tools.sh

perf-micro: ## Micro suite: ns/op and allocs/op in release; writes perf/results/micro.json
	@$(call perf_build,perf-micro)
	@mkdir -p perf/results
	@perf/.build/release/perf-micro --json perf/results/micro.json $(PERF_MICRO_FLAGS)

perf-macro: ## Every load scenario in perf/macro with LoadGen (release), then the stress knee; writes perf/results/macro-*.json
	@$(call perf_build,loadgen loadgen-target demo-service demo-load)
	@mkdir -p perf/results
	@status=0; for scenario in perf/macro/*.json; do \
	  name=$$(basename "$$scenario" .json); echo "==> loadgen --scenario $$scenario"; \
	  rm -f "perf/results/macro-$$name.json"; \
	  PATH="$(CURDIR)/$(PERF_BIN):$$PATH" $(PERF_BIN)/loadgen --no-progress --skip-without-tls \
	    --scenario "$$scenario" --json "perf/results/macro-$$name.json" $(PERF_MACRO_FLAGS) \
	    || { code=$$?; [ $$code -gt $$status ] && status=$$code; }; \
	done; \
	if [ -f perf/results/macro-http-stress.json ]; then \
	  perf/.build/release/demo-load knee perf/results/macro-http-stress.json --json perf/results/macro-knee.json \
	    || status=1; \
	fi; \
	exit $$status

perf-soak: ## Demo-service soak under load (60 s; quick 15 s; PERF_SOAK_FLAGS="--duration 24h"): leak verdict; writes perf/results/soak.json
	@$(call perf_build,demo-service demo-load)
	@mkdir -p perf/results
	@perf/.build/release/demo-load soak --json perf/results/soak.json $(PERF_SOAK_FLAGS)

perf-scale: ## Scaling curves: the stress knee against 1..N service event loops per request mix (a few minutes; quick < 30 s); writes perf/results/scale.json
	@$(call perf_build,demo-service demo-load)
	@mkdir -p perf/results
	@perf/.build/release/demo-load scale --json perf/results/scale.json $(PERF_SCALE_FLAGS)

perf-pool-ab: ## Demo service pooled vs plain in interleaved rounds (about 2.5 min); writes perf/results/pool-ab.json
	@Scripts/demo-pool-ab.sh $(PERF_AB_FLAGS)

perf-memory: ## Memory suite: leak checks in release; writes perf/results/memory.json, exits 1 on a leak
	@$(call perf_build,perf-memory)
	@mkdir -p perf/results
	@perf/.build/release/perf-memory --json perf/results/memory.json $(PERF_MEMORY_FLAGS)

perf-pools: ## Pools suite: Pool/BufferPool vs allocation, 1 vs 2 threads (release); writes perf/results/pools.json
	@$(call perf_build,perf-pools)
	@mkdir -p perf/results
	@perf/.build/release/perf-pools --json perf/results/pools.json $(PERF_POOLS_FLAGS)

perf-service: ## The strategy's concurrency targets in process: 100 clients p95 < 50 ms, queue > 10k msg/s; writes perf/results/service.json
	@$(call perf_build,perf-service)
	@mkdir -p perf/results
	@perf/.build/release/perf-service --json perf/results/service.json $(PERF_SERVICE_FLAGS)

perf-viewmodel: ## View-model churn suite in release: plain keyed list vs PooledList; writes perf/results/viewmodel.json
	@$(call perf_build,perf-viewmodel)
	@mkdir -p perf/results
	@perf/.build/release/perf-viewmodel --json perf/results/viewmodel.json $(PERF_VIEWMODEL_FLAGS)

perf-instructions: ## Instruction counts under callgrind (deterministic micro tasks); writes perf/results/instructions.json
	@Scripts/perf-instructions.sh $(PERF_INSTRUCTIONS_FLAGS)

perf-verify: ## Each meter against an independent reference (valgrind, callgrind, clock loop, wrk, HdrHistogram, SciPy); writes perf/results/verify.json
	@Scripts/perf-verify.sh $(PERF_VERIFY_FLAGS)

perf-distributed: ## loadgen over 4 workers in network namespaces (root; skips otherwise): exact merge, ±1 % rate, ≤ 5 ms skew, clean abort
	@Scripts/perf-distributed.sh

perf-check: ## Compare perf/results with baselines/, flagged results re-run to confirm (SUITE=x; STRICT_PERF=1 fails)
	@$(call perf_build,perf-check)
	@Scripts/perf-confirm.sh $(if $(SUITE),--suite $(SUITE)) $(PERF_CHECK_FLAGS); \
	confirm=(); [[ -d perf/results/confirm ]] && confirm=(--confirm perf/results/confirm); \
	$(PERF_CHECK) $(if $(SUITE),--suite $(SUITE)) "$${confirm[@]}" $(PERF_CHECK_FLAGS)

perf-ab: ## Base against head in this job: BASE=<rev> [SUITES=a,b] [FORKS=n], alternating forks; STRICT_PERF=1 fails
	@Scripts/perf-ab.sh $(PERF_CHECK_FLAGS)

perf-trend: ## Change points over the perf-history branch (HISTORY=DIR: a checkout); writes perf/results/trend.*
	@$(call perf_build,perf-check)
	@history="$${HISTORY:-.build-history}"; \
	if [ -z "$${HISTORY:-}" ]; then rm -rf "$$history"; git worktree prune; Scripts/perf-history.sh checkout "$$history" || exit 2; fi; \
	mkdir -p perf/results; \
	$(PERF_CHECK) trend --history "$$history" --markdown perf/results/trend.md --html perf/results/trend.html $(PERF_CHECK_FLAGS)

perf-baseline: ## Write baselines/<suite>.json from perf/results (SUITE=x for one suite); commit them apart
	@$(call perf_build,perf-check)
	@$(PERF_CHECK) --update-baseline $(if $(SUITE),--suite $(SUITE))

perf-report: ## Check, then write perf/results/report.md and report.html (and github-benchmark/)
	@Scripts/perf-report.sh $(PERF_CHECK_FLAGS)

perf-flame: ## CPU flame graph of SCENARIO=<perf/macro name> (service under load) or CMD="<command>"
	@Scripts/perf-flame.sh

perf-heap: ## Heap profile (heaptrack) of SCENARIO=<name>, SPEC=<perf-memory spec> or CMD="<program>"
	@Scripts/perf-heap.sh

fuzz: ## Fuzz the parsers with libFuzzer+ASan, SECONDS each (default 60) [TARGET=name]; crashes in perf/results/fuzz/
	@Scripts/fuzz.sh --seconds $(or $(SECONDS),60) $(TARGET)

clean: ## Remove build folders and results (perf/results/)
	@for package in $(PACKAGES); do rm -rf $$package/.build $$package/.build-*; done
	@rm -rf perf/.build-profile
	@rm -rf perf/results .build-tools .build-ab .build-history .build-sanitizers
	@git worktree prune
