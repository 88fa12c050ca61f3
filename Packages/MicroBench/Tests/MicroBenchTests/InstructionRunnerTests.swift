import Foundation
import PerfResult
import Testing

@testable import MicroBench

/// A directory of stand-ins for `setarch`, `objcopy` and `valgrind`: shell scripts that do what the runner
/// needs of them (the fake valgrind copies a fixture to callgrind's output file) and record how they were
/// called.
final class FakeTools {
    let directory: String

    /// - Parameters:
    ///   - valgrindFails: The fake valgrind writes a log and exits 1 instead of writing the output.
    ///   - valgrindHangs: The fake valgrind sleeps for a minute instead of writing the output.
    ///   - setarchRefuses: The fake setarch fails as in a container whose seccomp profile refuses it.
    init(
        fixture: String, valgrindFails: Bool = false, valgrindHangs: Bool = false, setarchRefuses: Bool = false,
        including tools: Set<String> = ["setarch", "objcopy", "valgrind"]
    ) throws {
        directory = temporaryPath("tools")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try fixture.write(toFile: directory + "/fixture.callgrind", atomically: true, encoding: .utf8)
        let scripts = [
            "setarch": setarchRefuses
                ? "echo \"setarch: failed to set personality to $1: Operation not permitted\" >&2\nexit 1\n"
                : "shift 2\nexec \"$@\"\n",
            "objcopy": ": > \"$3\"\n",
            "valgrind": """
            dir=$(dirname "$0")
            for argument in "$@"; do
              case "$argument" in
                --version) echo valgrind-3.99.0-fake; exit 0 ;;
                --callgrind-out-file=*) out="${argument#*=}" ;;
                --log-file=*) log="${argument#*=}" ;;
              esac
            done
            printf '%s\\n' "$@" > "$dir/arguments.txt"
            env | sort > "$dir/environment.txt"
            pwd > "$dir/directory.txt"
            echo "==1== Callgrind, a call-graph generating cache profiler" > "$log"

            """
                + (valgrindHangs ? "exec sleep 60\n" : "")
                + (valgrindFails
                    ? "echo \"==1== Valgrind: I can't recover.  Giving up.  Sorry.\" >> \"$log\"\necho child says hello\nexit 1\n"
                    : "cp \"$dir/fixture.callgrind\" \"$out\"\n")
                ,
        ]
        for (name, body) in scripts where tools.contains(name) {
            try Self.writeExecutable(directory + "/" + name, "#!/bin/sh\n" + body)
        }
    }

    /// Writes a script through a close-on-exec descriptor, so that no child another test spawns meanwhile
    /// keeps it open for writing (which would make executing it fail with ETXTBSY).
    static func writeExecutable(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    func recorded(_ name: String) throws -> [String] {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

@Suite struct InstructionOptionsTests {
    @Test func instructionsAndIterationsAreParsed() throws {
        let options = try RunOptions.parse(["--instructions", "--iterations", "250", "--filter", "routing/"])
        #expect(options.instructions && options.iterations == 250 && options.filters == ["routing/"])
        #expect(try RunOptions.parse(["--instructions", "--iterations=1000000"]).iterations == 1_000_000)
        #expect(
            try RunOptions.parse(["--callgrind-child", "a/b[x=1]", "--iterations", "3"]).callgrindChild == "a/b[x=1]")
    }

    @Test func aBadIterationCountIsRejectedWithTheValueGiven() {
        for bad in ["0", "-1", "abc", "1.5", "1000001"] {
            let message = RunOptions.mistake(["--instructions", "--iterations", bad])
            #expect(message?.hasPrefix("--iterations: ") == true && message?.contains(bad) == true)
        }
        #expect(
            RunOptions.mistake(["--instructions", "--iterations", "abc"])
                == "--iterations: \"abc\" is not a whole number")
        #expect(
            RunOptions.mistake(["--instructions", "--iterations", "0"])
                == "--iterations: 0 is out of range: it must be between 1 and 1000000")
    }

    @Test func iterationsNeedInstructionsAndTimeIsRefusedWithThem() {
        #expect(RunOptions.mistake(["--iterations", "10"]) == "--iterations only applies with --instructions")
        #expect(
            RunOptions.mistake(["--instructions", "--time", "1"])
                == "--time and --instructions cannot be used together; give one of them")
        #expect(RunOptions.mistake(["--instructions=yes"]) == "--instructions takes no value; remove \"=yes\"")
        #expect(
            RunOptions.mistake(["--instructions", "--iterations", "1", "--iterations", "2"])
                == "--iterations is given twice (1 and 2); give it once")
    }
}

@Suite struct InstructionRunnerTests {
    let windows: [[UInt64]] = Array(repeating: [12_649, 3_813, 4_291, 3, 0, 0, 1, 0, 0], count: 5)

    func fixture(tools: FakeTools, temporary: String) -> RunnerFixture {
        var fixture = RunnerFixture()
        fixture.variables = ["PATH": tools.directory, "TMPDIR": temporary]
        return fixture
    }

    func makeDirectory() throws -> String {
        let path = temporaryPath("tmp")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func helpDescribesTheInstructionMode() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--help"]) == 0)
        #expect(fixture.captured.output.contains("perf-micro --instructions [--iterations COUNT]"))
        #expect(fixture.captured.output.contains("--json writes suite \"instructions\"."))
        #expect(fixture.captured.output.contains("--iterations COUNT"))
    }

    @Test func eachTaskIsCountedInAChildWithAFixedEnvironmentAndTheReportIsWritten() throws {
        let tools = try FakeTools(fixture: CallgrindFixtures.output(windows: windows))
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let fixture = fixture(tools: tools, temporary: temporary)
        let path = temporaryPath("instructions.json")
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect(
            fixture.run(["--instructions", "--filter", "stringOps/concat", "--json", path]) == 0,
            "\(fixture.captured.error)")
        let lines = fixture.captured.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 6)
        #expect(lines[0].hasPrefix(fixture.environment.description))
        #expect(lines[2].isEmpty)
        #expect(
            lines[1] == "MicroBench · instruction counts · valgrind-3.99.0-fake --tool=callgrind · 5 windows × 100 "
                + "operations per task after one warmup window · ASLR off, fixed environment, "
                + "SWIFT_DETERMINISTIC_HASHING=1 · simulated caches I1 32 KiB 8-way, D1 32 KiB 8-way, LL 8 MiB 16-way, "
                + "64 B lines")
        #expect(lines[3] == "name                instructions/op  L1 misses/op  LL misses/op         windows")
        #expect(lines[4] == "stringOps/concat             126.49         0.030         0.010     5 identical")
        #expect(lines[5] == "wrote \(path) (1 result)")
        #expect(fixture.captured.error.isEmpty)

        let report = try Report.read(from: path)
        #expect(report.suite == "instructions")
        #expect(report.results.map(\.name) == ["stringOps/concat"])
        #expect(report.results[0]["instructions"] == .instructions(126.49, samples: Array(repeating: 126.49, count: 5)))

        let arguments = try tools.recorded("arguments.txt")
        #expect(arguments.first == "--tool=callgrind")
        #expect(arguments.suffix(4) == ["--callgrind-child", "stringOps/concat", "--iterations", "100"])
        let environment = try tools.recorded("environment.txt").filter { !$0.hasPrefix("PWD=") }
        #expect(environment.contains("SWIFT_DETERMINISTIC_HASHING=1"))
        #expect(environment.contains("PATH=/usr/bin:/bin"))
        #expect(environment.contains("LC_ALL=C"))
        #expect(environment.count == 4)
        #expect(try tools.recorded("directory.txt") == ["/"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    @Test func iterationsAreHandedToTheChildAndDivideTheCounts() throws {
        let tools = try FakeTools(fixture: CallgrindFixtures.output(windows: windows))
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let fixture = fixture(tools: tools, temporary: temporary)
        #expect(
            fixture.run(["--instructions", "--filter", "routing/trie", "--iterations", "1000"]) == 0,
            "\(fixture.captured.error)")
        #expect(try tools.recorded("arguments.txt").suffix(2) == ["--iterations", "1000"])
        #expect(
            fixture.captured.output.contains(
                "routing/trie              12.65         0.003         0.001     5 identical"))
    }

    @Test func severalTasksAreReportedInTheirOrder() throws {
        let tools = try FakeTools(fixture: CallgrindFixtures.output(windows: windows))
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let fixture = fixture(tools: tools, temporary: temporary)
        #expect(fixture.run(["--instructions"]) == 0, "\(fixture.captured.error)")
        let rows = fixture.captured.output.split(separator: "\n").filter { $0.contains("identical") }
        #expect(
            rows.map { String($0.prefix { $0 != " " }) } == [
                "stringOps/concat", "stringOps/scan[size=16]", "stringOps/scan[size=256]", "routing/trie",
            ])
    }

    @Test func whereSetarchIsRefusedValgrindStartsDirectlyAndTheOutputSaysSo() throws {
        let tools = try FakeTools(fixture: CallgrindFixtures.output(windows: windows), setarchRefuses: true)
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let fixture = fixture(tools: tools, temporary: temporary)
        #expect(fixture.run(["--instructions", "--filter", "stringOps/concat"]) == 0, "\(fixture.captured.error)")
        #expect(fixture.captured.output.contains(" · ASLR on, fixed environment, "))
        #expect(fixture.captured.output.contains("\nnote: setarch -R is not permitted here (a container's seccomp "))
        #expect(fixture.captured.output.contains("stringOps/concat             126.49"))
        #expect(try tools.recorded("arguments.txt").first == "--tool=callgrind")
    }

    @Test func aFailedChildStopsTheRunWithTheEndsOfItsLogs() throws {
        let tools = try FakeTools(fixture: "", valgrindFails: true)
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let fixture = fixture(tools: tools, temporary: temporary)
        #expect(fixture.run(["--instructions", "--filter", "stringOps/concat"]) == 2)
        let error = fixture.captured.error
        #expect(
            error.hasPrefix(
                "perf-micro: counting the instructions of stringOps/concat failed: the callgrind child exited with status 1\n"
                    + "  its output ("))
        #expect(error.contains("/task-0.log) ends with:\n    child says hello\n  valgrind's log ("))
        #expect(error.contains("    ==1== Valgrind: I can't recover.  Giving up.  Sorry.\n"))
        #expect(error.contains("to reproduce, run:\n    cd / && env -i PATH=/usr/bin:/bin LC_ALL=C "))
        #expect(error.contains(" \(tools.directory)/setarch "))
        // The files stay for a look.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).count == 1)
    }

    @Test func aChildPastItsTimeLimitIsKilledAndTheRunSaysSo() throws {
        let tools = try FakeTools(fixture: "", valgrindHangs: true)
        let temporary = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let counter = try InstructionCounter.prepare(
            variables: ["PATH": tools.directory, "TMPDIR": temporary], iterations: 100, limitSeconds: 1)
        let error = #expect(throws: MicroBenchError.self) { try counter.count(["stringOps/concat"]) { _, _ in } }
        #expect(
            error?.description.hasPrefix(
                "counting the instructions of stringOps/concat failed: the callgrind child ran longer than 1 s "
                    + "and was killed\n") == true, "\(String(describing: error))")
    }

    @Test func aMissingToolSaysWhatToInstall() throws {
        let empty = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var fixture = RunnerFixture()
        fixture.variables = ["PATH": empty]
        #expect(fixture.run(["--instructions"]) == 2)
        #expect(
            fixture.captured.error
                == "perf-micro: valgrind is not installed, and --instructions needs it: it runs each task under valgrind "
                + "--tool=callgrind. Install it as root with 'apt-get install valgrind' (Debian, Ubuntu; "
                + "'dnf install valgrind' on Fedora), or put it on PATH\n")
        #expect(fixture.captured.output.isEmpty)

        let onlyValgrind = try FakeTools(fixture: "", including: ["valgrind"])
        let second = self.fixture(tools: onlyValgrind, temporary: empty)
        #expect(second.run(["--instructions"]) == 2)
        #expect(second.captured.error.hasPrefix("perf-micro: setarch is not installed, and --instructions needs it: "))
        #expect(second.captured.error.contains("'apt-get install util-linux'"))
    }

    @Test func theChildFlagIsRefusedOutsideValgrindAndForAnUnknownTask() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--callgrind-child", "stringOps/concat"]) == 2)
        #expect(
            fixture.captured.error
                == "perf-micro: --callgrind-child is internal (MicroBench passes it to itself under callgrind); "
                + "to count instructions, run with --instructions\n")
        let unknown = RunnerFixture()
        #expect(unknown.run(["--callgrind-child", "stringOps/nope"]) == 2)
        #expect(
            unknown.captured.error
                == "perf-micro: --callgrind-child names no task: 'stringOps/nope'; run with --list to see the task names\n"
        )
    }
}
