#!/usr/bin/env python3
"""Validates the CI workflows: both parse as YAML, have the structure GitHub expects, and agree with the repo.

Checks:
- .github/workflows/ci.yml and perf.yml parse, and every job has runs-on and a non-empty list of steps;
- ci.yml runs .ci/run, and has a job on a macOS runner that runs `swift build` and `swift test` in every package
  (a loop over Packages/*/ and perf/) and `swift build` of the root package (README.md, "Platforms");
- ci.yml has a job `sanitizers` that runs `make test-${{ matrix.sanitizer }}` for tsan and asan when main is
  pushed, and the Makefile has both targets;
- perf.yml takes its matrix from perf/suites.json, which is a JSON list of distinct suite names,
  each with a `perf-<suite>` target in the Makefile and a committed baseline (baselines/<suite>.json, or
  baselines/<suite>-*.json for a suite of several reports such as macro), so the gate always has something to
  compare with;
- fuzz.yml runs on a schedule, runs `make fuzz` for 600 seconds over a matrix that lists every fuzz target (the
  directories of perf/fuzz/corpus), and uploads perf/results/fuzz/ when a job fails.
Exit 0 when all hold, 1 with one line per problem otherwise.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

try:
    import yaml
except ImportError:
    print("check-workflows: PyYAML is missing; Scripts/check-workflows.sh installs it", file=sys.stderr)
    sys.exit(2)


def load(name, problems):
    path = ROOT / ".github" / "workflows" / name
    try:
        document = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as error:
        problems.append(f"{path.relative_to(ROOT)}: {error}")
        return None
    if not isinstance(document, dict):
        problems.append(f"{path.relative_to(ROOT)}: expected a mapping at the top level")
        return None
    # YAML 1.1 reads the key `on` as the boolean true.
    if "on" not in document and True not in document:
        problems.append(f"{path.relative_to(ROOT)}: missing 'on' (the events that trigger it)")
    jobs = document.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        problems.append(f"{path.relative_to(ROOT)}: missing 'jobs'")
        return document
    for job_name, job in jobs.items():
        where = f"{path.relative_to(ROOT)}: jobs.{job_name}"
        if not isinstance(job, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        if "runs-on" not in job:
            problems.append(f"{where}: missing runs-on")
        steps = job.get("steps")
        if not isinstance(steps, list) or not steps:
            problems.append(f"{where}: missing steps")
            continue
        for index, step in enumerate(steps):
            if not isinstance(step, dict) or not ({"run", "uses"} & step.keys()):
                problems.append(f"{where}.steps[{index}]: a step needs 'run' or 'uses'")
    return document


def macos_problems(ci):
    """What the macOS job of ci.yml lacks: the one check that every package still builds on macOS."""
    jobs = [job for job in (ci.get("jobs") or {}).values()
            if isinstance(job, dict) and str(job.get("runs-on", "")).startswith("macos")]
    if not jobs:
        return [".github/workflows/ci.yml: no job runs on macOS (runs-on: macos-latest); see README.md, \"Platforms\""]
    script = "\n".join(step.get("run", "") for job in jobs for step in job.get("steps", []) if isinstance(step, dict))
    problems = []
    for needed, what in [("Packages/*/", "loop over Packages/*/"), ("perf/", "include perf/"),
                         ("swift build", "run swift build"), ("swift test", "run swift test"),
                         ("xcode-select", "select a Swift 6.2 toolchain (Xcode 26) with xcode-select")]:
        if needed not in script:
            problems.append(f".github/workflows/ci.yml: the macOS job must {what}")
    return problems


def sanitizer_problems(ci, makefile):
    """What the sanitizer job of ci.yml lacks: make test-tsan and make test-asan on pushes to main."""
    where = ".github/workflows/ci.yml: jobs.sanitizers"
    job = (ci.get("jobs") or {}).get("sanitizers")
    if not isinstance(job, dict):
        return [f"{where} is missing (make test-tsan and make test-asan on pushes to main)"]
    problems = []
    matrix = ((job.get("strategy") or {}).get("matrix") or {}).get("sanitizer")
    if sorted(matrix or []) != ["asan", "tsan"]:
        problems.append(f"{where}: strategy.matrix.sanitizer must be [tsan, asan]")
    runs = "\n".join(step.get("run", "") for step in job.get("steps", []) if isinstance(step, dict))
    if "make test-${{ matrix.sanitizer }}" not in runs:
        problems.append(f"{where}: no step runs make test-${{{{ matrix.sanitizer }}}}")
    if "push" not in str(job.get("if", "")):
        problems.append(f"{where}: its 'if' must let pushes (to main) run it")
    for target in ("test-tsan", "test-asan"):
        if not re.search(rf"^{target}:", makefile, re.MULTILINE):
            problems.append(f"{where} runs make {target}, which the Makefile lacks")
    return problems


def fuzz_problems(fuzz):
    """What the nightly fuzz workflow lacks: every target, ten minutes each, the crash kept."""
    where = ".github/workflows/fuzz.yml"
    triggers = fuzz.get("on", fuzz.get(True)) or {}
    problems = [] if isinstance(triggers, dict) and "schedule" in triggers else [f"{where}: no schedule (nightly)"]
    corpus = ROOT / "perf" / "fuzz" / "corpus"
    targets = sorted(path.name for path in corpus.iterdir() if path.is_dir()) if corpus.is_dir() else []
    if not targets:
        problems.append("perf/fuzz/corpus: no fuzz target has a seed corpus")
    jobs = [job for job in (fuzz.get("jobs") or {}).values() if isinstance(job, dict)]
    matrix = [target for job in jobs for target in ((job.get("strategy") or {}).get("matrix") or {}).get("target", [])]
    if sorted(matrix) != targets:
        problems.append(f"{where}: the matrix lists {sorted(matrix)}, perf/fuzz/corpus has {targets}")
    text = (ROOT / ".github" / "workflows" / "fuzz.yml").read_text()
    for needed, what in [("make fuzz", "run make fuzz"), ("'600'", "run each target for 600 seconds"),
                         ("perf/results/fuzz/", "upload perf/results/fuzz/"), ("failure()", "upload on failure")]:
        if needed not in text:
            problems.append(f"{where}: must {what}")
    return problems


def main():
    problems = []
    ci = load("ci.yml", problems)
    perf = load("perf.yml", problems)
    fuzz = load("fuzz.yml", problems)
    if fuzz is not None:
        problems.extend(fuzz_problems(fuzz))

    if ci is not None:
        runs = [step.get("run", "") for job in (ci.get("jobs") or {}).values() if isinstance(job, dict)
                for step in job.get("steps", []) if isinstance(step, dict)]
        if not any(".ci/run" in run for run in runs):
            problems.append(".github/workflows/ci.yml: no step runs .ci/run")
        problems.extend(macos_problems(ci))
        problems.extend(sanitizer_problems(ci, (ROOT / "Makefile").read_text()))

    suites_path = ROOT / "perf" / "suites.json"
    try:
        suites = json.loads(suites_path.read_text())
    except (OSError, ValueError) as error:
        problems.append(f"perf/suites.json: {error}")
        suites = []
    if not isinstance(suites, list) or not all(isinstance(s, str) and re.fullmatch(r"[a-z0-9-]+", s) for s in suites):
        problems.append('perf/suites.json: expected a JSON list of suite names, e.g. ["micro", "pools"]')
        suites = []
    if len(set(suites)) != len(suites):
        problems.append("perf/suites.json: a suite is listed twice")

    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([A-Za-z0-9_.-]+):", makefile, re.MULTILINE))
    for suite in suites:
        if f"perf-{suite}" not in targets:
            problems.append(f"perf/suites.json: suite '{suite}' has no 'perf-{suite}' target in the Makefile")

    for suite in suites:
        baselines = ROOT / "baselines"
        if not (baselines / f"{suite}.json").is_file() and not list(baselines.glob(f"{suite}-*.json")):
            problems.append(f"perf/suites.json: suite '{suite}' has no baseline (baselines/{suite}.json); "
                            f"run its suite and `make perf-baseline SUITE={suite}`, then commit the file")

    if perf is not None and "perf/suites.json" not in (ROOT / ".github/workflows/perf.yml").read_text():
        problems.append(".github/workflows/perf.yml: its matrix must come from perf/suites.json")

    for problem in problems:
        print(f"check-workflows: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check-workflows: ci.yml (with its macOS and sanitizer jobs), perf.yml and fuzz.yml valid; "
          f"perf matrix: {suites or 'empty (no suites yet)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
