import Foundation
import PerfResult
import Regression
import Testing

/// Bad input: exit 2, a message naming the file, the JSON path and the reason, and nothing written.
@Suite struct BadInputTests {
    enum Case: String, CaseIterable, Sendable {
        case malformedJSON, truncatedJSON, wrongSchema, nanLiteral, nanString, duplicateNamesInAFile,
            duplicateNamesAcrossFiles, missingResultsDirectory, emptyResultsDirectory, unknownSuite,
            missingThresholdsFile, badThresholds, baselineOfAnotherSuite, malformedBaseline, debugMixedWithRelease,
            debugAgainstRelease, negativeTime
    }

    /// Sets the case up in `workspace`; returns the extra arguments and the expected standard error, where
    /// `…` at the end means "this prefix".
    func setUp(_ badCase: Case, in workspace: Workspace) throws -> (arguments: [String], message: String) {
        let results = workspace.results
        let baselines = workspace.baselines
        let good = try microReport([("a/one", 100)])
        try write(good, to: baselines)
        let goodText = String(decoding: try good.jsonBytes(), as: UTF8.self)
        switch badCase {
        case .malformedJSON:
            try writeText("{ not json", to: results + "/micro.json")
            return ([], "perf-check: \(results)/micro.json: at $: not valid JSON…")
        case .truncatedJSON:
            try writeText(String(goodText.prefix(goodText.count / 2)), to: results + "/micro.json")
            return ([], "perf-check: \(results)/micro.json: at $: not valid JSON…")
        case .wrongSchema:
            try writeText(
                goodText.replacingOccurrences(of: "perfresult/1", with: "perfresult/9"), to: results + "/micro.json")
            return (
                [],
                "perf-check: \(results)/micro.json: schema \"perfresult/9\" is not supported; this build reads "
                    + "\"perfresult/1\" (re-run the suite with this version of the tools to regenerate the file)\n"
            )
        case .nanLiteral:
            try writeText(
                goodText.replacingOccurrences(of: "\"value\" : 100", with: "\"value\" : NaN"),
                to: results + "/micro.json")
            return ([], "perf-check: \(results)/micro.json: at $: not valid JSON…")
        case .negativeTime:
            try writeText(
                goodText.replacingOccurrences(of: "\"value\" : 100", with: "\"value\" : -100"),
                to: results + "/micro.json")
            return (
                [],
                "perf-check: \(results)/micro.json: at results[0].metrics.nsPerOp.value: -100.0 ns is impossible: "
                    + "nsPerOp cannot be negative (only a key naming a Slope, Delta, Growth or Change may be); the tool "
                    + "that wrote this file is at fault, so measure again with a fixed tool\n"
            )
        case .nanString:
            try writeText(
                goodText.replacingOccurrences(of: "\"value\" : 100", with: "\"value\" : \"NaN\""),
                to: results + "/micro.json")
            return ([], "perf-check: \(results)/micro.json: at results[0].metrics.nsPerOp.value: expected a number\n")
        case .duplicateNamesInAFile:
            let two = try microReport([("a/one", 100), ("a/two", 100)])
            let text = String(decoding: try two.jsonBytes(), as: UTF8.self)
            try writeText(text.replacingOccurrences(of: "a/two", with: "a/one"), to: results + "/micro.json")
            return (
                [],
                "perf-check: \(results)/micro.json: at results[1].name: duplicate result name \"a/one\" in suite "
                    + "\"micro\": give every result a unique name (a parameter sweep adds e.g. [size=16])\n"
            )
        case .duplicateNamesAcrossFiles:
            try write(try microReport([("a/one", 100)]), to: results, as: "micro-a.json")
            try write(try microReport([("a/two", 100), ("a/one", 100)]), to: results, as: "micro-b.json")
            return (
                [],
                "perf-check: \(results)/micro-b.json: result \"a/one\" of suite \"micro\" is also in "
                    + "\(results)/micro-a.json; give each result of a suite a unique name across its files\n"
            )
        case .missingResultsDirectory:
            try FileManager.default.removeItem(atPath: results)
            return (
                [],
                "perf-check: \(results): no such directory; run `make perf` (or one suite's `make perf-<suite>`) "
                    + "first, or pass --results DIR\n"
            )
        case .emptyResultsDirectory:
            return (
                [],
                "perf-check: \(results): no result files (*.json); run `make perf` (or one suite's "
                    + "`make perf-<suite>`) first\n"
            )
        case .unknownSuite:
            try write(good, to: results)
            return (
                ["--suite", "pools"],
                "perf-check: \(results): no results for suite \"pools\"; run `make perf-pools` first, or check the "
                    + "name passed to --suite\n"
            )
        case .missingThresholdsFile:
            try write(good, to: results)
            return (
                ["--thresholds", workspace.root + "/nope.json"],
                "perf-check: \(workspace.root)/nope.json: no such file (the thresholds file); check the path\n"
            )
        case .badThresholds:
            try write(good, to: results)
            try writeText("{\"schema\": \"perf-thresholds/1\", \"alpha\": \"low\"}", to: workspace.root + "/t.json")
            return (
                ["--thresholds", workspace.root + "/t.json"],
                "perf-check: \(workspace.root)/t.json: at alpha: expected a number, found a string\n"
            )
        case .baselineOfAnotherSuite:
            try write(good, to: results)
            try write(
                try report("pools", [Result(name: "a/one", metrics: [.nsPerOp(1)])]), to: baselines, as: "micro.json")
            return (
                [],
                "perf-check: \(baselines)/micro.json: at suite: the file holds suite \"pools\" but its name says "
                    + "\"micro\"; regenerate it with `perf-check --update-baseline --suite pools`\n"
            )
        case .malformedBaseline:
            try write(good, to: results)
            try writeText("[]", to: baselines + "/micro.json")
            return ([], "perf-check: \(baselines)/micro.json: at $: …")
        case .debugMixedWithRelease:
            try write(try microReport([("a/one", 100)]), to: results, as: "micro-a.json")
            try write(
                try microReport([("a/two", 100)], environment: environment(build: .debug)), to: results,
                as: "micro-b.json")
            return (
                [],
                "perf-check: suite \"micro\": \(results)/micro-a.json is a release build but \(results)/micro-b.json "
                    + "is a debug build; debug and release numbers are never compared. Re-run the suite with -c "
                    + "release (the Makefile's perf targets do)\n"
            )
        case .debugAgainstRelease:
            try write(try microReport([("a/one", 100)], environment: environment(build: .debug)), to: results)
            return (
                [],
                "perf-check: suite \"micro\": \(baselines)/micro.json is a release build but \(results)/micro.json "
                    + "is a debug build; debug and release numbers are never compared. Re-run the suite with -c "
                    + "release (the Makefile's perf targets do)\n"
            )
        }
    }

    @Test(arguments: Case.allCases) func badInputExitsTwoWithTheExactMessageAndWritesNothing(_ badCase: Case) throws {
        let workspace = try Workspace()
        let (arguments, message) = try setUp(badCase, in: workspace)
        let markdown = workspace.root + "/report.md"
        let html = workspace.root + "/report.html"
        let github = workspace.root + "/github"
        try writeText("old markdown", to: markdown)
        try writeText("old html", to: html)
        let baselineBefore = try? readText(workspace.baselines + "/micro.json")
        var options = try workspace.options(
            arguments + ["--markdown", markdown, "--html", html, "--github-benchmark", github])
        options.stepSummaryPath = workspace.root + "/summary.md"

        let output = CheckRun.run(options)

        #expect(output.exitCode == 2)
        #expect(output.standardOutput.isEmpty)
        if message.hasSuffix("…") {
            #expect(output.standardError.hasPrefix(String(message.dropLast())), "\(output.standardError)")
        } else {
            #expect(output.standardError == message)
        }
        #expect(try readText(markdown) == "old markdown")
        #expect(try readText(html) == "old html")
        #expect(!FileManager.default.fileExists(atPath: github))
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/summary.md"))
        #expect((try? readText(workspace.baselines + "/micro.json")) == baselineBefore)
    }

    @Test(arguments: [
        Case.malformedJSON, .wrongSchema, .duplicateNamesAcrossFiles, .debugMixedWithRelease, .negativeTime,
    ])
    func badInputNeverTouchesTheBaselinesOnUpdate(_ badCase: Case) throws {
        let workspace = try Workspace()
        let (arguments, _) = try setUp(badCase, in: workspace)
        let before = try readText(workspace.baselines + "/micro.json")
        let output = CheckRun.run(try workspace.options(arguments + ["--update-baseline"]))
        #expect(output.exitCode == 2)
        #expect(try readText(workspace.baselines + "/micro.json") == before)
    }
}
