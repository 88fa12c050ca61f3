#!/usr/bin/env python3
"""Reference p-values for Regression's Mann-Whitney U test, computed once with SciPy.

The output is pasted into Packages/Regression/Tests/RegressionTests/MannWhitneyReferenceTests.swift.
Re-run only to add cases: python3 perf/regression/mann-whitney-reference.py

- No ties, both sides <= 20: scipy.stats.mannwhitneyu(method="exact").
- Ties, both sides <= 20: the exact permutation distribution of U
  (scipy.stats.permutation_test with every partition enumerated).
- Larger: mannwhitneyu(method="asymptotic"), i.e. the tie-corrected normal approximation
  with continuity correction.
"""
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261122)


def u_statistic(x, y, axis=-1):
    return stats.mannwhitneyu(x, y, axis=axis, method="asymptotic").statistic


cases = {
    "separatedFiveAndFive": ([1.1, 2.3, 3.5, 4.2, 5.9], [6.1, 7.4, 8.8, 9.0, 10.5]),
    "interleavedTenAndTen": (
        [10.2, 11.5, 9.8, 10.9, 12.1, 10.0, 11.1, 9.5, 10.7, 11.9],
        [10.4, 11.8, 12.3, 10.8, 12.9, 11.3, 12.6, 10.1, 11.6, 13.0],
    ),
    "unequalSixAndNine": ([3.1, 4.7, 2.2, 5.5, 3.9, 4.1], [4.4, 5.8, 6.2, 3.3, 5.1, 6.9, 7.3, 4.9, 5.6]),
    "identicalSamples": ([5.0] * 7, [5.0] * 7),
    "smallWithTies": ([1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 5, 5, 6]),
    "twentyAndTwentyNoTies": (
        list(np.round(rng.normal(100, 5, 20), 3)),
        list(np.round(rng.normal(104, 5, 20), 3)),
    ),
    "twentyOneAndTwentyOneNoTies": (
        list(np.round(rng.normal(100, 5, 21), 3)),
        list(np.round(rng.normal(103, 5, 21), 3)),
    ),
    "thirtyAndThirtyNoTies": (
        list(np.round(rng.normal(50, 2.5, 30), 4)),
        list(np.round(rng.normal(51, 2.5, 30), 4)),
    ),
    "largeWithTies": (
        list(rng.integers(0, 8, 25).astype(float)),
        list(rng.integers(1, 9, 35).astype(float)),
    ),
}

for name, (x, y) in cases.items():
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    ties = len(set(x + y)) < len(x + y)
    if len(x) <= 20 and len(y) <= 20:
        if not ties:
            result = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact")
            p = result.pvalue
            method = "exact"
        else:
            result = stats.permutation_test(
                (x, y), u_statistic, permutation_type="independent", alternative="two-sided",
                n_resamples=np.inf, vectorized=True)
            p = result.pvalue
            method = "exact"
    else:
        result = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
        p = result.pvalue
        method = "normal"
    u = stats.mannwhitneyu(x, y, method="asymptotic").statistic
    print(f"// {name}: U = {u:g}, method {method}")
    print("ReferenceCase(")
    print(f"    name: \"{name}\", method: .{method}, u: {float(u)!r}, p: {float(p)!r},")
    print(f"    baseline: {x!r},")
    print(f"    current: {y!r}),")
