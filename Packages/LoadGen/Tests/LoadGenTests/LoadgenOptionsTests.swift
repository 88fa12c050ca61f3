import LoadGen
import PerfResult
import PerfSupport
import Testing

@testable import loadgen

private let url = "http://127.0.0.1:18080/"

/// `arguments` parsed by `loadgen`'s command, in `environment`.
private func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> ParsedArguments {
    try Options.command.parse(arguments, environment: environment)
}

/// The scenario `loadgen` would run for `arguments`: the flags applied to the scenario file or the URL.
private func scenario(_ arguments: [String], environment: [String: String] = [:]) throws -> Scenario {
    try Run.scenario(from: parse(arguments, environment: environment))
}

/// The message of the usage error that `arguments` make, or `nil` when they parse.
private func usageMessage(_ arguments: [String], environment: [String: String] = [:]) -> String? {
    do {
        _ = try scenario(arguments, environment: environment)
        return nil
    } catch let error as UsageError {
        return error.message
    } catch {
        return "not a usage error: \(error)"
    }
}

private let twoRequests = #"[ { "method": "GET", "headers": { "Accept": "text/plain" } }, { "method": "HEAD" } ]"#

/// A scenario file with `requests`, its own settings and a quick profile; removed by the caller.
private func scenarioFile(requests: String = twoRequests) throws -> String {
    let path = temporaryPath("scenario.json")
    let text = """
        {
          "name": "sample", "target": "http://127.0.0.1:18090/api", "requests": \(requests),
          "connections": 10, "threads": 3, "pipelining": 2, "duration": "8s", "timeout": "750ms",
          "quick": { "duration": "3s" }
        }
        """
    try AtomicFile.write(Array(text.utf8), to: path)
    return path
}

@Suite struct LoadgenOptionsTests {
    @Test func everyLoadFlagSetsItsSetting() throws {
        let configuration = try scenario([
            "--connections", "8", "--threads", "2", "--duration", "3s", "--count", "100", "--rate", "20k",
            "--pipelining", "4", "--timeout", "500ms", "--warmup", "1s", "--grace", "250ms", "--seconds-kept", "600",
            url,
        ]).configuration
        #expect(configuration.connections == 8)
        #expect(configuration.threads == 2)
        #expect(configuration.duration == .seconds(3))
        #expect(configuration.count == 100)
        #expect(configuration.rate == 20_000)
        #expect(configuration.pipelining == 4)
        #expect(configuration.timeout == .milliseconds(500))
        #expect(configuration.warmup == .seconds(1))
        #expect(configuration.grace == .milliseconds(250))
        #expect(configuration.secondsKept == 600)
        #expect(configuration.target.port == 18080)
    }

    @Test func shortFlagsTakeTheirValueAttachedAsInWrk() throws {
        let attached = try scenario([
            "-c50", "-t2", "-d10s", "-n100", "-R500", "-p16", "-mPOST", "-HX-A: 1", "-bhi", url,
        ])
        let separate = try scenario([
            "-c", "50", "-t", "2", "-d", "10s", "-n", "100", "-R", "500", "-p", "16", "-m", "POST", "-H", "X-A: 1",
            "-b", "hi", url,
        ])
        #expect(attached.configuration == separate.configuration)
        #expect(attached.configuration.connections == 50)
        #expect(attached.configuration.duration == .seconds(10))
        #expect(attached.configuration.pipelining == 16)
        #expect(
            attached.configuration.requests == [
                RequestTemplate(method: "POST", headers: [.init(name: "X-A", value: "1")], body: Array("hi".utf8))
            ])
    }

    @Test func longFlagsTakeTheirValueAfterAnEqualsSign() throws {
        let configuration = try scenario([
            "--connections=8", "--duration=3s", "--rate=1.5k", "--header=X-A: a=b", "--body=k=v", url,
        ]).configuration
        #expect(configuration.connections == 8)
        #expect(configuration.duration == .seconds(3))
        #expect(configuration.rate == 1500)
        #expect(configuration.requests[0].headers == [.init(name: "X-A", value: "a=b")])
        #expect(configuration.requests[0].body == Array("k=v".utf8))
    }

    @Test func headersRepeatInTheOrderGivenAndDropTheSpacesAfterTheColon() throws {
        let request = try scenario(["-H", "Accept:  text/plain", "--header", "X-Empty:", "-HX-C:c", url])
            .configuration.requests[0]
        #expect(
            request.headers == [
                .init(name: "Accept", value: "text/plain"), .init(name: "X-Empty", value: ""),
                .init(name: "X-C", value: "c"),
            ])
    }

    @Test func aCountAloneRunsWithoutADurationAndRequestsIsItsOtherName() throws {
        #expect(try scenario(["-n", "100", url]).configuration.duration == nil)
        #expect(try scenario(["--requests", "100", url]).configuration.count == 100)
        #expect(try scenario(["-n", "100", "-d", "5s", url]).configuration.duration == .seconds(5))
    }

    @Test func flagsOverrideTheScenarioFileAndTheURLReplacesItsTarget() throws {
        let path = try scenarioFile()
        defer { removeFile(path) }
        let fromFile = try scenario(["--scenario", path])
        #expect(fromFile.name == "sample")
        #expect(fromFile.configuration.connections == 10)
        #expect(fromFile.configuration.requests.count == 2)
        let overridden = try scenario(["--scenario", path, "-c", "3", "--name", "renamed", "-n", "50", url])
        #expect(overridden.name == "renamed")
        #expect(overridden.configuration.connections == 3)
        #expect(overridden.configuration.threads == 3)
        #expect(overridden.configuration.pipelining == 2)
        #expect(overridden.configuration.count == 50)
        #expect(overridden.configuration.duration == .seconds(8))
        #expect(overridden.configuration.target.port == 18080)
    }

    @Test func aRequestFlagReplacesSeveralRequestsAndAddsToASingleOne() throws {
        let path = try scenarioFile()
        defer { removeFile(path) }
        let replaced = try scenario(["--scenario", path, "-m", "POST"]).configuration.requests
        #expect(replaced == [RequestTemplate(method: "POST")])
        let one = try scenarioFile(requests: #"[ { "method": "PUT", "headers": { "Accept": "text/plain" } } ]"#)
        defer { removeFile(one) }
        let added = try scenario(["--scenario", one, "-H", "X-B: b"]).configuration.requests
        let headers: [RequestTemplate.Header] = [
            .init(name: "Accept", value: "text/plain"), .init(name: "X-B", value: "b"),
        ]
        #expect(added == [RequestTemplate(method: "PUT", headers: headers)])
        #expect(try scenario(["-b", "x", url]).configuration.requests == [RequestTemplate(body: Array("x".utf8))])
    }

    @Test func theBodyFileIsReadAndAMissingOneIsAUsageError() throws {
        let path = temporaryPath("body.txt")
        try AtomicFile.write(Array("payload".utf8), to: path)
        defer { removeFile(path) }
        #expect(try scenario(["--body-file", path, url]).configuration.requests[0].body == Array("payload".utf8))
        let message = try #require(usageMessage(["--body-file", path + ".missing", url]))
        #expect(message.hasPrefix("--body-file: \(path).missing"))
    }

    @Test func theQuickProfileComesFromTheEnvironmentOrTheFlag() throws {
        let path = try scenarioFile()
        defer { removeFile(path) }
        let quick = ["PERF_PROFILE": "quick"]
        #expect(try scenario(["--scenario", path], environment: quick).configuration.duration == .seconds(3))
        #expect(try scenario(["--scenario", path, "--profile", "quick"]).configuration.duration == .seconds(3))
        #expect(
            try scenario(["--scenario", path, "--profile=full"], environment: quick).configuration.duration
                == .seconds(8))
        #expect(
            usageMessage(["--scenario", path], environment: ["PERF_PROFILE": "slow"])
                == "PERF_PROFILE: \"slow\" is not quick or full")
    }

    @Test func strictComesFromTheFlagOrATruthyStrictPerf() throws {
        #expect(try parse(["--strict", url])[Options.strict])
        for truthy in ["1", "true", "yes", "ON"] {
            #expect(try parse([url], environment: ["STRICT_PERF": truthy])[Options.strict])
        }
        for falsy in ["", "0", "false", "no", "off"] {
            #expect(try !parse([url], environment: ["STRICT_PERF": falsy])[Options.strict])
        }
        #expect(throws: UsageError.self) { try parse([url], environment: ["STRICT_PERF": "maybe"]) }
    }

    @Test func outputFlagsAreRead() throws {
        let parsed = try parse(["--json", "out.json", "--no-progress", "--allow-remote", url])
        #expect(parsed.given(Options.json) == "out.json")
        #expect(parsed[Options.noProgress])
        #expect(parsed[Options.allowRemote])
        let bare = try parse([url])
        #expect(bare.given(Options.json) == nil)
        #expect(!bare[Options.noProgress])
        #expect(!bare[Options.allowRemote])
    }

    @Test func badDurationsAndRatesNameTheFlagAndWhatIsExpected() {
        #expect(usageMessage(["-d10", url]) == "-d: \"10\" is not a duration; use e.g. 10s, 500ms, 2m")
        #expect(
            usageMessage(["--timeout", "fast", url]) == "--timeout: \"fast\" is not a duration; use e.g. 10s, 500ms, 2m"
        )
        #expect(usageMessage(["--warmup=-1s", url]) == "--warmup: \"-1s\" is not a duration; use e.g. 10s, 500ms, 2m")
        #expect(usageMessage(["-R", "-5", url]) == "-R: \"-5\" is not a rate such as 500, 20k or 1.5M")
        #expect(usageMessage(["--rate=many", url]) == "--rate: \"many\" is not a rate such as 500, 20k or 1.5M")
        #expect(usageMessage(["-cx", url]) == "-c: \"x\" is not a whole number")
        #expect(usageMessage(["-H", "no colon", url]) == "-H: \"no colon\" is not of the form 'Name: value'")
    }

    @Test func settingsOutOfRangeNameTheFieldAsTheScenarioCheckDoes() {
        #expect(
            throws: LoadGenError.invalidField(field: "connections", reason: "must be in 1...10000, got 0", file: nil)
        ) {
            try scenario(["-c0", url])
        }
        #expect(
            throws: LoadGenError.invalidField(
                field: "rate", reason: "must be more than 0 and at most 10000000 requests/s, got 0.0", file: nil)
        ) {
            try scenario(["-R0", url])
        }
    }

    @Test func unknownRepeatedOrMissingArgumentsAreUsageErrors() {
        #expect(usageMessage(["--bogus", url]) == "unknown option --bogus; see loadgen --help")
        #expect(usageMessage(["-x", url]) == "unknown option -x; see loadgen --help")
        #expect(
            usageMessage(["--conections", "5", url])
                == "unknown option --conections (did you mean --connections?); see loadgen --help")
        #expect(usageMessage(["-c", "5", "-c", "6", url]) == "-c is given twice (5 and 6); give it once")
        #expect(usageMessage(["-c", url]) == "-c: \"\(url)\" is not a whole number")
        #expect(usageMessage(["--json"]) == "--json needs a value (--json PATH); see loadgen --help")
        #expect(usageMessage([]) == "give a URL or --scenario FILE; see loadgen --help")
        #expect(usageMessage([url, url]) == "unexpected extra argument \"\(url)\"; see loadgen --help")
        #expect(usageMessage(["--no-progress=yes", url]) == "--no-progress takes no value; remove \"=yes\"")
    }

    @Test func helpIsAskedForAnywhereAndKeepsTheFormerHelpsInformation() throws {
        #expect(try parse(["-c", "5", "--help"]).helpRequested)
        #expect(try parse(["--bogus", "-h"]).helpRequested)
        let help = Options.command.helpText()
        for text in [
            "loadgen merge A.json B.json", "loadgen plan NAME|FILE", "closed model (connections × pipelining)",
            "-c, --connections N", "(default 50)", "(default cores)", "-H, --header 'NAME: VALUE'", "(repeatable)",
            "--body-file PATH", "--scenario FILE", "--allow-remote", "-c50 -t2 -d10s", "STRICT_PERF", "PERF_PROFILE",
            "Exit status: 0 success, 1 a threshold is critical",
        ] {
            #expect(help.contains(text), "\(text)")
        }
    }

    @Test func mergeTakesReportFilesAndJSONButNotTheRunFlags() throws {
        let parsed = try parse(["merge", "a.json", "b.json", "c.json", "--json", "merged.json"])
        #expect(parsed.subcommand == "merge")
        #expect(parsed.positionals == ["a.json", "b.json", "c.json"])
        #expect(parsed[Merge.json] == "merged.json")
        #expect(throws: UsageError("missing FILE; see loadgen merge --help")) { try parse(["merge"]) }
        #expect(throws: UsageError("unknown option -c; see loadgen merge --help")) {
            try parse(["merge", "a.json", "b.json", "-c", "5"])
        }
    }

    @Test func planTakesOneScenarioItsDirectoryAndTheLoadScenarioPath() throws {
        let parsed = try parse(["plan", "http-login", "--directory=scenarios", "--load-scenario", "out.json"])
        #expect(parsed.subcommand == "plan")
        #expect(parsed.positionals == ["http-login"])
        #expect(parsed[Plan.directory] == "scenarios")
        #expect(parsed[Plan.loadScenario] == "out.json")
        #expect(try parse(["plan", "x"])[Plan.directory] == "perf/macro")
        #expect(try parse(["plan", "x"], environment: ["PERF_PROFILE": "quick"])[CommonOptions.profile] == .quick)
        #expect(throws: UsageError("missing NAME|FILE; see loadgen plan --help")) { try parse(["plan"]) }
        #expect(throws: UsageError("unexpected extra argument \"y\"; see loadgen plan --help")) {
            try parse(["plan", "x", "y"])
        }
        #expect(throws: UsageError("unknown option --json; see loadgen plan --help")) {
            try parse(["plan", "x", "--json", "out.json"])
        }
    }
}
