import PerfSupport
import SuiteTestSupport
import Testing

@testable import regression_sim

@Suite struct SimulationOptionsTests {
    func parse(_ arguments: String...) throws(UsageError) -> SimulationOptions {
        SimulationOptions(try SimulationOptions.command.parse(arguments))
    }

    @Test func noFlagsGiveTheDefaults() throws {
        let options = try parse()
        #expect(options.seed == 20_261_122 && options.comparisons == 1_000 && options.keep == nil)
        #expect(options == SimulationOptions())
    }

    @Test func everyFlagIsReadWithSeparateOrInlineValues() throws {
        let options = try parse("--seed", "7", "--comparisons=50", "--keep", "/tmp/regression-sim-files")
        #expect(options.seed == 7 && options.comparisons == 50 && options.keep == "/tmp/regression-sim-files")
        #expect(try parse("--seed=18446744073709551615").seed == .max)
        #expect(try parse("--seed", "0").seed == 0)
    }

    @Test func helpListsEveryFlagTheBarsAndTheExitStatus() throws {
        #expect(try SimulationOptions.command.parse(["--seed", "x", "-h"]).helpRequested)
        let help = SimulationOptions.command.helpText()
        #expect(help.hasPrefix("Usage: regression-sim [options]\n"))
        for line in [
            "  --seed N ", "(default 20261122)", "  --comparisons N ", "(default 1000)", "  --keep DIR ",
            "bar: <= 1 % flagged", "bar: >= 95 % flagged", "bar: <= 1 s",
            "Exit status: 0 every bar met, 1 a bar missed, 2 bad usage.",
        ] {
            #expect(help.contains(line), "\(line) missing from --help")
        }
    }

    static let errors: [([String], String)] = [
        (["--seed", "abc"], "--seed: \"abc\" is not a whole number from 0 to 18446744073709551615"),
        (["--seed", "-1"], "--seed: \"-1\" is not a whole number from 0 to 18446744073709551615"),
        (
            ["--seed", "18446744073709551616"],
            "--seed: \"18446744073709551616\" is not a whole number from 0 to 18446744073709551615"
        ),
        (["--seed"], "--seed needs a value (--seed N); see regression-sim --help"),
        (["--seed", "1", "--seed", "2"], "--seed is given twice (1 and 2); give it once"),
        (["--comparisons", "0"], "--comparisons: 0 is out of range: it must be at least 1"),
        (["--comparisons", "many"], "--comparisons: \"many\" is not a whole number"),
        (["--keep"], "--keep needs a value (--keep DIR); see regression-sim --help"),
        (["--keep="], "--keep needs a value (--keep DIR); see regression-sim --help"),
        (["--seeds", "1"], "unknown option --seeds (did you mean --seed?); see regression-sim --help"),
        (["7"], "unexpected argument \"7\"; see regression-sim --help"),
    ]

    @Test(arguments: 0..<errors.count)
    func badCommandLinesAreRefusedSayingWhatToFix(_ index: Int) {
        let (arguments, message) = Self.errors[index]
        #expect(throws: UsageError(message)) { try SimulationOptions.command.parse(arguments) }
    }

    @Test func theExecutableExitsTwoOnABadSeedBeforeSimulatingAnything() throws {
        let path = BuiltExecutable("regression-sim").path
        let bad = try ChildProcess(path, ["--seed", "abc"]).run(timeout: .seconds(30))
        #expect(bad.termination == .exited(UsageError.exitStatus))
        #expect(bad.standardOutputText == "")
        #expect(
            bad.standardErrorText
                == "regression-sim: --seed: \"abc\" is not a whole number from 0 to 18446744073709551615\n")
        let help = try ChildProcess(path, ["--help"]).run(timeout: .seconds(30))
        #expect(help.termination == .exited(0))
        #expect(help.standardOutputText == SimulationOptions.command.helpText())
    }
}
