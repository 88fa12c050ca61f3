import LoadGen
import PerfResult
import PerfSupport
import Testing

@testable import loadgen

private let url = "http://127.0.0.1:18080/"

/// The scenario `loadgen` would run for `arguments` in `environment`.
private func scenario(_ arguments: [String], environment: [String: String] = [:]) throws -> Scenario {
    try Run.scenario(from: Options.command.parse(arguments, environment: environment), environment: environment)
}

/// The usage error's message for `arguments`, or `nil` when they are fine.
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

/// `loadgen`'s shard, start and coordinator flags.
@Suite struct DistributedOptionsTests {
    @Test func aShardRunsItsShareAndRecordsWhichShardItIs() throws {
        let part = try scenario(["-c", "10", "--rate", "20001", "-n", "7", "--shard", "1/4", url])
        #expect(part.configuration.connections == 3)
        #expect(part.configuration.rate == 5000)
        #expect(part.configuration.count == 2)
        #expect(part.configuration.shard == (try Shard(index: 1, count: 4)))
        let indexed = try scenario(
            ["-c", "10", "--rate", "20001", "--shards", "4", url], environment: ["JOB_COMPLETION_INDEX": "0"])
        #expect(indexed.configuration.rate == 5001)
        #expect(indexed.configuration.shard == (try Shard(index: 0, count: 4)))
        let whole = try scenario(["-c", "10", url])
        #expect(whole.configuration.shard == nil && whole.configuration.connections == 10)
    }

    @Test func badShardFlagsAreUsageErrorsNamingTheFlag() {
        let cases: [([String], [String: String], String)] = [
            (["--shard", "3/2", url], [:], "--shard 3/2: the index must be in 0...1 (0-based), got 3"),
            (["--shard", "x", url], [:], "--shard x: expected I/N with 0 ≤ I < N (e.g. 0/4), got \"x\""),
            (
                ["--shards", "4", url], [:],
                "--shards 4: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets it); give --shard I/N"
            ),
            (
                ["--shards", "4", url], ["JOB_COMPLETION_INDEX": "4"],
                "--shards 4 with JOB_COMPLETION_INDEX=4: the index must be in 0...3 (0-based), got 4"
            ),
            (
                ["--shards", "4", url], ["JOB_COMPLETION_INDEX": "two"],
                "--shards 4: JOB_COMPLETION_INDEX=\"two\" is not an index"
            ),
            (
                ["-c", "3", "--shard", "3/4", url], [:],
                "--shard 3/4: field \"connections\": 3 split into 4 shards leaves shard 3 without load; use at most 3 shards or raise it"
            ),
            (
                ["--coordinator", "127.0.0.1:7000", url], [:],
                "--coordinator needs --shard I/N or --shards N: which shard is this worker?"
            ),
            (
                ["--shard", "0/2", "--coordinator", "nowhere", url], [:],
                "--coordinator nowhere: expected HOST:PORT, e.g. 10.77.0.2:7000"
            ),
            (
                ["--start-at", "soon", url], [:],
                "--start-at soon: expected an RFC 3339 time such as 2026-12-07T23:30:00Z"
            ),
        ]
        for (arguments, environment, message) in cases {
            #expect(usageMessage(arguments, environment: environment) == message, "\(arguments)")
        }
        #expect(
            usageMessage(["--shard", "0/2", "--shards", "2", url], environment: ["JOB_COMPLETION_INDEX": "0"]) != nil)
    }

    @Test func startAtSetsTheStartTime() throws {
        let part = try scenario(["--start-at", "2026-12-07T23:30:00.5Z", "--shard", "0/2", url])
        #expect(part.configuration.startAtEpochNs == 1_796_686_200_500_000_000)
    }

    @Test func theExecutableExitsTwoNamingTheShardFlag() throws {
        let directory = try ExecutablePath.directory()
        for (arguments, message) in [
            (["--shard", "3/2", url], "loadgen: --shard 3/2: the index must be in 0...1 (0-based), got 3\n"),
            (["--shard", "x", url], "loadgen: --shard x: expected I/N with 0 ≤ I < N (e.g. 0/4), got \"x\"\n"),
            (
                ["--shards", "2", url],
                "loadgen: --shards 2: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets it); give --shard I/N\n"
            ),
        ] {
            let outcome = try ChildProcess(directory + "/loadgen", arguments, environment: ["PATH": "/usr/bin:/bin"])
                .run(timeout: .seconds(60))
            #expect(outcome.termination == .exited(2), "\(arguments)")
            #expect(outcome.standardErrorText.hasSuffix(message), "\(outcome.standardErrorText)")
        }
    }
}
