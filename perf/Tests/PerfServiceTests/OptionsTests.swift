import PerfSupport
import Testing

@testable import perf_service

/// Command-line parsing: defaults, the profile, and bad values refused (exit 2) with the flag named.
@Suite struct OptionsTests {
    static func parse(_ arguments: [String], environment: [String: String] = [:]) throws -> Options {
        Options(try Options.command.parse(arguments, environment: environment))
    }

    @Test func defaultsAre100ClientsTwoPublishersFiveRoundsOfOneSecond() throws {
        let options = try Self.parse([])
        #expect(options.clients == 100 && options.publishers == 2)
        #expect(options.effectiveRounds == 5 && options.effectiveWindow == .seconds(1))
        #expect(options.profile == .full && options.jsonPath == nil)
    }

    @Test func theQuickProfileShortensTheWindowOnly() throws {
        let quick = try Self.parse(["--quick"])
        #expect(quick.effectiveWindow == .milliseconds(150) && quick.effectiveRounds == 5)
        #expect(try Self.parse([], environment: ["PERF_PROFILE": "quick"]).profile == .quick)
        let given = try Self.parse(["--window", "40ms", "--rounds", "3", "--clients", "8", "--json", "out.json"])
        #expect(given.effectiveWindow == .milliseconds(40) && given.effectiveRounds == 3 && given.clients == 8)
        #expect(given.jsonPath == "out.json")
    }

    @Test(arguments: [
        (["--clients", "0"], "--clients"), (["--clients", "many"], "--clients"),
        (["--publishers", "65"], "--publishers"),
        (["--window", "5ms"], "--window"), (["--rounds", "0"], "--rounds"), (["--clients"], "--clients"),
        (["--threads", "2"], "--threads"),
    ])
    func badValuesAreRefusedWithExitStatus2NamingTheFlag(arguments: [String], flag: String) {
        #expect(UsageError.exitStatus == 2)
        do {
            _ = try Self.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect("\(error)".contains(flag), "\(error)")
        }
    }
}
