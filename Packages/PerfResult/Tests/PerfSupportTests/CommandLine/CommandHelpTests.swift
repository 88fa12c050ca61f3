import PerfSupport
import Testing

@Suite struct CommandHelpTests {
    @Test func theHelpTextListsGroupsDefaultsEnvironmentAndCommands() {
        let command = Command(
            "loadgen", summary: "An HTTP/1.1 load generator.",
            groups: [
                .init("Load", [Sample.connections, Sample.duration, Sample.count]),
                .init("Output", [Sample.json, Sample.header, Sample.strict, Sample.profile]),
                .init("Internal", [Flag("fork-child", hidden: true, help: "internal")]),
            ],
            positionals: [Positional("URL", .optional, help: "the target, e.g. http://127.0.0.1:8080/")],
            subcommands: [
                Command(
                    "merge", summary: "Merges result files. Histograms add exactly.", options: [Sample.json],
                    positionals: [Positional("FILE", .oneOrMore, help: "files")])
            ],
            footer: "Exit status: 0 success, 1 a threshold failed, 2 bad usage.")
        let expected = """
            Usage: loadgen [options] [URL]
                   loadgen merge [options] FILE...

            An HTTP/1.1 load generator.

            Arguments:
              URL                       the target, e.g. http://127.0.0.1:8080/

            Load:
              -c, --connections N       connections (default 50)
              -d, --duration DURATION   measured time (default 10s)
              -n, --count N             stop after N requests

            Output:
                  --json PATH           write a PerfResult report to PATH
              -H, --header 'K: V'       a header (repeatable)
                  --strict              fail (exit 1) on regressions instead of warning (env STRICT_PERF)
                  --profile quick|full  run length: quick (make perf, CI) or full (figures to quote) (env PERF_PROFILE)
              -h, --help                show this help and exit

            Commands (loadgen COMMAND --help for each):
              merge  Merges result files.

            Environment:
              STRICT_PERF   --strict when 1, true, yes or on
              PERF_PROFILE  --profile when not given

            Exit status: 0 success, 1 a threshold failed, 2 bad usage.

            """
        #expect(command.helpText() == expected)
    }

    @Test func aLongHelpLineWrapsUnderItsColumn() {
        let long = Option(
            "thresholds", .path,
            help: "the thresholds file that decides, per suite, result and metric, how much worse a figure may get "
                + "before the gate calls it a regression")
        let expected = """
            Usage: check [options]

            Options:
                  --thresholds PATH  the thresholds file that decides, per suite, result and metric, how much worse a
                                     figure may get before the gate calls it a regression
              -h, --help             show this help and exit

            """
        #expect(Command("check", summary: "", options: [long]).helpText() == expected)
    }

    @Test func aCommandWithoutOptionsStillOffersHelp() {
        let command = Command("tiny", summary: "", options: [])
        #expect(command.helpText() == "Usage: tiny\n\nOptions:\n  -h, --help  show this help and exit\n")
    }

    @Test func customUsageLinesReplaceTheGeneratedOne() {
        let command = Command(
            "perf-micro", summary: "", options: [Sample.json], usage: ["[--json PATH]", "hand-loop [options]"])
        #expect(
            command.helpText().hasPrefix("Usage: perf-micro [--json PATH]\n       perf-micro hand-loop [options]\n"))
    }
}
