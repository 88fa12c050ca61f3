import LoadGen
import PerfSupport
import Testing

@testable import loadgen_target

/// The server options and lifetime `loadgen-target` would run with for `arguments`.
private func settings(_ arguments: [String]) throws(UsageError) -> (options: TargetOptions, lifetime: Duration) {
    try TargetCommand.settings(TargetCommand.command.parse(arguments))
}

/// The message of the usage error that `arguments` make, or `nil` when they parse.
private func usageMessage(_ arguments: [String]) -> String? {
    do {
        _ = try settings(arguments)
        return nil
    } catch {
        return error.message
    }
}

@Suite struct TargetOptionsTests {
    @Test func withoutFlagsTheServerAnswersHelloOnPort8080ForHalfAnHour() throws {
        let (options, lifetime) = try settings([])
        var expected = TargetOptions()
        expected.port = 8080
        #expect(options == expected)
        #expect(lifetime == .seconds(1800))
    }

    @Test func everyFlagSetsItsOption() throws {
        let (options, lifetime) = try settings([
            "--host", "127.0.0.2", "--port", "0", "--threads", "3", "--status", "503", "--body", "busy",
            "--mode", "chunked", "--delay", "5ms", "--stall-every", "10s", "--stall-for", "1s", "--fault", "reset",
            "--fault-every", "7", "--lifetime", "2m",
        ])
        #expect(options.host == "127.0.0.2")
        #expect(options.port == 0)
        #expect(options.threads == 3)
        #expect(options.status == 503)
        #expect(options.body == Array("busy".utf8))
        #expect(options.mode == .chunked)
        #expect(options.delay == .milliseconds(5))
        #expect(options.stallEvery == .seconds(10))
        #expect(options.stallFor == .seconds(1))
        #expect(options.fault == TargetOptions.Fault(.reset, every: 7))
        #expect(lifetime == .seconds(120))
    }

    @Test func valuesMayFollowAnEqualsSignAndAFaultAloneHitsEveryRequest() throws {
        let (options, _) = try settings(["--mode=close", "--fault=hang", "--port=9"])
        #expect(options.mode == .closeDelimited)
        #expect(options.fault == TargetOptions.Fault(.hang, every: 1))
        #expect(options.port == 9)
    }

    @Test func badValuesNameTheFlagAndTheChoices() {
        #expect(usageMessage(["--mode", "fast"]) == "--mode: \"fast\" is not length, chunked or close")
        #expect(usageMessage(["--fault", "crash"]) == "--fault: \"crash\" is not close, reset, malformed or hang")
        #expect(usageMessage(["--delay", "5"]) == "--delay: \"5\" is not a duration; use e.g. 10s, 500ms, 2m")
        #expect(usageMessage(["--lifetime=soon"]) == "--lifetime: \"soon\" is not a duration; use e.g. 10s, 500ms, 2m")
        #expect(usageMessage(["--port", "http"]) == "--port: \"http\" is not a whole number")
    }

    @Test func settingsThatOnlyApplyWithAnotherNeedIt() {
        #expect(usageMessage(["--fault-every", "3"]) == "--fault-every only applies with --fault")
        #expect(usageMessage(["--stall-for", "1s"]) == "--stall-for only applies with --stall-every")
    }

    @Test func unknownRepeatedAndPositionalArgumentsAreUsageErrors() {
        #expect(usageMessage(["--bogus"]) == "unknown option --bogus; see loadgen-target --help")
        #expect(usageMessage(["-c", "5"]) == "unknown option -c; see loadgen-target --help")
        #expect(usageMessage(["--port", "1", "--port", "2"]) == "--port is given twice (1 and 2); give it once")
        #expect(usageMessage(["8080"]) == "unexpected argument \"8080\"; see loadgen-target --help")
    }

    @Test func helpKeepsTheFormerHelpsInformation() throws {
        #expect(try TargetCommand.command.parse(["--port", "1", "-h"]).helpRequested)
        let help = TargetCommand.command.helpText()
        for text in [
            "Usage: loadgen-target [options]", "Every request gets the", "--port N", "0 picks a free one",
            "(default 8080)", "(default \"hello\\n\")", "--mode length|chunked|close", "--stall-every PERIOD",
            "--fault close|reset|malformed|hang", "(default 30m)",
        ] {
            #expect(help.contains(text), "\(text)")
        }
    }
}
