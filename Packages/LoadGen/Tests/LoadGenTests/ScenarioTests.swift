import PerfSupport
import Testing

@testable import LoadGen

private func parse(_ text: String, profile: String? = nil) throws(LoadGenError) -> Scenario {
    try Scenario.parse(Array(text.utf8), path: "perf/macro/sample.json", profile: profile)
}

/// The message of the error that parsing `text` throws.
private func message(_ text: String) -> String {
    do {
        _ = try parse(text)
        return "no error"
    } catch {
        return error.description
    }
}

@Suite struct ScenarioTests {
    @Test func completeScenarioIsRead() throws {
        let scenario = try parse(
            """
            {
              "description": "demo",
              "target": "http://127.0.0.1:18080/api",
              "requests": [
                { "method": "POST", "path": "/items", "headers": { "Content-Type": "application/json" },
                  "body": "{}" },
                { "method": "GET" }
              ],
              "connections": 20, "threads": 2, "pipelining": 4,
              "stages": [ { "duration": "2s", "rate": 100 }, { "duration": "3s", "rate": 400, "ramp": true } ],
              "timeout": "750ms", "warmup": "1s", "grace": "250ms", "secondsKept": 3600,
              "thresholds": { "latencyP95Ms": { "target": 100, "warning": 200, "critical": 500 },
                              "requestsPerSec": { "critical": 10 } },
              "service": { "command": "loadgen-target", "arguments": ["--port", "18080"],
                           "environment": { "MODE": "x" }, "readiness": "http://127.0.0.1:18080/",
                           "timeout": "5s", "stopGrace": "2s" }
            }
            """)
        #expect(scenario.name == "sample")
        #expect(scenario.description == "demo")
        let configuration = scenario.configuration
        #expect(configuration.target.path == "/api")
        #expect(configuration.requests.count == 2)
        #expect(configuration.requests[0].headers == [.init(name: "Content-Type", value: "application/json")])
        #expect(configuration.requests[0].body == Array("{}".utf8))
        #expect(configuration.model == .open)
        #expect(configuration.duration == nil)
        #expect(configuration.stages == [.rate(100, for: .seconds(2)), .rate(400, for: .seconds(3), ramp: true)])
        #expect(configuration.measuredDuration == .seconds(5))
        #expect(configuration.timeout == .milliseconds(750))
        #expect(configuration.secondsKept == 3600)
        #expect(scenario.thresholds.count == 2)
        #expect(scenario.thresholds[1] == Threshold(metric: "requestsPerSec", critical: 10))
        #expect(scenario.service?.arguments == ["--port", "18080"])
        #expect(scenario.service?.environment == ["MODE": "x"])
        #expect(scenario.service?.stopGrace == .seconds(2))
    }

    @Test func unknownFieldIsNamedWithTheFieldsAllowed() {
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "conections": 5}"#)
                == "perf/macro/sample.json: field \"conections\": unknown field; expected one of "
                + Scenario.fields.joined(separator: ", "))
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "stages": [{"duration": "1s", "rate": 1, "rmp": true}]}"#)
                == "perf/macro/sample.json: field \"stages[0].rmp\": unknown field; expected one of "
                + "duration, rate, connections, ramp")
    }

    @Test func badDurationIsNamed() {
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "duration": "10x"}"#)
                == "perf/macro/sample.json: field \"duration\": \"10x\" is not a duration; "
                + "use e.g. \"10s\", \"500ms\", \"250us\", \"2m\"")
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "warmup": 5}"#)
                == "perf/macro/sample.json: field \"warmup\": expected a duration such as \"10s\", \"500ms\" "
                + "or \"2m\", got 5")
    }

    @Test func missingOrBadTargetIsNamed() {
        #expect(
            message(#"{"duration": "1s"}"#) == "perf/macro/sample.json: field \"target\": missing; give the URL to load"
        )
        #expect(
            message(#"{"target": "ftp://example.com/"}"#)
                == "perf/macro/sample.json: field \"target\": invalid URL \"ftp://example.com/\": it does not start "
                + "with http:// or https://; use http[s]://host[:port][/path], e.g. http://127.0.0.1:8080/")
    }

    @Test func conflictingAndOutOfRangeSettingsAreNamed() {
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "rate": 5, "stages": [{"duration": "1s", "rate": 1}]}"#)
                == "perf/macro/sample.json: field \"stages\": give either rate or stages, not both")
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "connections": 0}"#)
                == "perf/macro/sample.json: field \"connections\": expected an integer of at least 1, got 0")
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "pipelining": 2000}"#)
                == "perf/macro/sample.json: field \"pipelining\": must be in 1...1024, got 2000")
        #expect(
            message(
                #"{"target": "http://127.0.0.1:1/", "stages": [{"duration": "1s", "rate": 1}, {"duration": "1s", "connections": 3}]}"#
            )
                == "perf/macro/sample.json: field \"stages[1]\": every stage must set the same one of rate or "
                + "connections as stages[0]")
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "requests": [{"method": "get"}]}"#)
                == "perf/macro/sample.json: field \"requests[0].method\": \"get\" is not a method; use e.g. GET, POST, HEAD"
        )
    }

    @Test func thresholdsAreChecked() {
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "thresholds": {"p95": {"target": 1}}}"#)
                == "perf/macro/sample.json: field \"thresholds.p95\": unknown metric; use one of "
                + LoadResult.thresholdKeys.joined(separator: ", "))
        #expect(
            message(
                #"{"target": "http://127.0.0.1:1/", "thresholds": {"latencyP99Ms": {"target": 300, "critical": 100}}}"#)
                == "perf/macro/sample.json: field \"thresholds.latencyP99Ms\": levels must go up: "
                + "target <= warning <= critical")
    }

    @Test func serviceNeedsACommand() {
        #expect(
            message(#"{"target": "http://127.0.0.1:1/", "service": {"arguments": []}}"#)
                == "perf/macro/sample.json: field \"service.command\": missing")
    }

    @Test func malformedJSONNamesTheByte() {
        #expect(message("{\"target\": }") == "perf/macro/sample.json: invalid JSON at byte 11: expected a value")
        #expect(
            message(#"{"target": "a", "target": "b"}"#)
                == "perf/macro/sample.json: invalid JSON at byte 16: the member \"target\" appears twice")
    }

    @Test func quickProfileOverridesOnlyWhenAsked() throws {
        let text =
            #"{"target": "http://127.0.0.1:1/", "duration": "8s", "quick": {"duration": "2s", "warmup": "100ms"}}"#
        #expect(try parse(text).configuration.duration == .seconds(8))
        let quick = try parse(text, profile: "quick").configuration
        #expect(quick.duration == .seconds(2))
        #expect(quick.warmup == .milliseconds(100))
    }

    @Test func thresholdLevelsFollowTheMetricDirection() throws {
        let result = try PerfResultFixtures.result(p95: 250, rate: 40)
        let latency = Threshold(metric: "latencyP95Ms", target: 100, warning: 200, critical: 500)
        #expect(latency.evaluate(result).level == .warning)
        let throughput = Threshold(metric: "requestsPerSec", target: 100, warning: 50, critical: 10)
        #expect(throughput.evaluate(result).level == .warning)
        #expect(Threshold(metric: "requestsPerSec", critical: 50).evaluate(result).level == .critical)
        #expect(Threshold(metric: "latencyP95Ms", target: 300).evaluate(result).level == .met)
        #expect(Threshold(metric: "latencyP95Ms", target: 200).evaluate(result).level == .missedTarget)
        #expect(Threshold(metric: "latencyP50Ms", target: 1).evaluate(result).value == nil)
    }

    @Test func durationsParseAndFormat() {
        #expect(UnitText.duration("250us") == .microseconds(250))
        #expect(UnitText.duration("1.5s") == .milliseconds(1500))
        #expect(UnitText.duration("2m") == .seconds(120))
        #expect(UnitText.duration("10") == nil)
        #expect(UnitText.duration("-1s") == nil)
        #expect(UnitText.duration(".5s") == nil)
        #expect(UnitText.format(.milliseconds(1500)) == "1.5s")
        #expect(UnitText.format(.seconds(120)) == "2m")
    }

    @Test func urlsAreSplitIntoHostPortAndPath() throws {
        let target = try Target(url: "http://localhost:8080/a?b=1")
        #expect(target.host == "localhost")
        #expect(target.port == 8080)
        #expect(target.path == "/a?b=1")
        #expect(target.isLoopback)
        #expect(try Target(url: "http://127.0.0.1").path == "/")
        #expect(throws: LoadGenError.invalidURL("http://h:0/", reason: "the port is not a number in 1...65535")) {
            try Target(url: "http://h:0/")
        }
    }
}
