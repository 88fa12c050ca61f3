import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The parent side of `--instructions`: finds the tools, makes a copy of this executable that
/// valgrind can read, runs one callgrind child per task (a few at a time) and reads their counts.
///
/// One child per task keeps each task's count independent of which other tasks were selected: a
/// task runs alone in a fresh process, from the same start, every time. The copy has no debug
/// sections, because valgrind before 3.20 cannot read the DWARF 5 that Swift 6 emits and stops with
/// "possibly corrupted debuginfo"; callgrind needs only the symbol table.
struct InstructionCounter {
    /// The paths of the programs the counter runs.
    struct Tools: Equatable {
        var valgrind: String
        var setarch: String
        var objcopy: String
    }

    let tools: Tools
    /// `uname -m`.
    let machine: String
    /// Whether `setarch -R` works here; a container's seccomp profile may refuse it.
    let randomizationDisabled: Bool
    /// valgrind's version line, e.g. `valgrind-3.19.0`.
    let valgrindVersion: String
    /// The directory that holds the copy, the outputs and the logs; removed after a successful run.
    let workDirectory: String
    /// The executable every child runs: this executable without debug sections.
    let executable: String
    /// The directory of this executable.
    let libraryDirectory: String
    /// Operations per window.
    let iterations: Int
    /// Children running at once.
    let jobs: Int
    /// Seconds a child may run before it is killed.
    let limitSeconds: Int

    /// Checks the platform and the tools, and prepares the work directory and the copy.
    ///
    /// - Parameters:
    ///   - variables: The environment variables the runner read: `PATH` to find the tools, `TMPDIR`.
    ///   - iterations: Operations per window.
    /// - Throws: `MicroBenchError.instructionsUnavailable` off Linux, `.toolMissing` naming the
    ///   package to install, `.instructionsSetupFailed` when the copy cannot be made.
    static func prepare(
        variables: [String: String], iterations: Int, limitSeconds: Int = 600
    ) throws(MicroBenchError) -> InstructionCounter {
        #if os(Linux)
        let machine = currentMachine()
        guard machine == "x86_64" || machine == "aarch64" else {
            throw .instructionsUnavailable(
                reason: "MicroBench issues callgrind's client requests on x86_64 and aarch64 only (this is \(machine))")
        }
        let searchPath = variables["PATH"] ?? "/usr/bin:/bin"
        guard let valgrind = ExecutablePath.find("valgrind", inSearchPath: searchPath) else {
            throw .toolMissing(
                tool: "valgrind", package: "valgrind", purpose: "it runs each task under valgrind --tool=callgrind")
        }
        guard let setarch = ExecutablePath.find("setarch", inSearchPath: searchPath) else {
            throw .toolMissing(
                tool: "setarch", package: "util-linux", purpose: "it turns address-space randomization off")
        }
        guard
            let objcopy = ExecutablePath.find("objcopy", inSearchPath: searchPath)
                ?? ExecutablePath.find("llvm-objcopy", inSearchPath: searchPath)
        else {
            throw .toolMissing(
                tool: "objcopy", package: "binutils",
                purpose: "it copies the executable without the debug sections valgrind cannot read")
        }
        let tools = Tools(valgrind: valgrind, setarch: setarch, objcopy: objcopy)
        let original = try selfExecutable()
        let workDirectory = try makeWorkDirectory(in: variables["TMPDIR"] ?? "/tmp")
        let name = String(original.split(separator: "/").last ?? "bench")
        let copy = workDirectory + "/" + name
        try runTool(objcopy, ["--strip-debug", original, copy], what: "copying \(original) without its debug sections")
        let versionOutput = try runTool(valgrind, ["--version"], what: "valgrind --version").standardOutputText
        let version = versionOutput.split(separator: "\n").first.map(String.init) ?? ""
        let randomizationDisabled =
            (try? tool(setarch, [machine, "-R", "/bin/true"]).run(timeout: .seconds(120)))?
            .termination == .exited(0)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return InstructionCounter(
            tools: tools, machine: machine, randomizationDisabled: randomizationDisabled, valgrindVersion: version,
            workDirectory: workDirectory,
            executable: copy, libraryDirectory: String(original[..<(original.lastIndex(of: "/") ?? original.endIndex)]),
            iterations: iterations, jobs: min(max(cores, 1), 4), limitSeconds: limitSeconds)
        #else
        throw .instructionsUnavailable(reason: "they need valgrind's callgrind, which MicroBench runs on Linux only")
        #endif
    }

    /// The invocation that counts task number `index`, named `name`.
    func invocation(task name: String, index: Int) -> CallgrindInvocation {
        let base = workDirectory + "/task-\(index)"
        return CallgrindInvocation(
            valgrind: tools.valgrind, setarch: randomizationDisabled ? tools.setarch : nil, machine: machine,
            executable: executable,
            libraryDirectory: libraryDirectory, task: name, iterations: iterations, outputFile: base + ".callgrind",
            logFile: base + ".valgrind.log")
    }

    /// Counts every task, at most `jobs` at a time; calls `report` with each count in the order of
    /// `names`, as soon as it and every count before it are known.
    ///
    /// - Throws: `MicroBenchError.countingFailed` for the first task whose child fails (the other
    ///   children are killed), with the end of its logs; the work directory is kept for a look.
    func count(_ names: [String], report: (Int, InstructionCount) -> Void) throws(MicroBenchError) {
        #if os(Linux)
        var running: [(index: Int, process: SpawnedProcess, deadline: UInt64)] = []
        var finished: [Int: InstructionCount] = [:]
        var next = 0
        var reported = 0
        defer {
            for entry in running { _ = try? entry.process.terminate(grace: .zero) }
        }
        while reported < names.count {
            while running.count < jobs && next < names.count {
                let invocation = invocation(task: names[next], index: next)
                let child = ChildProcess(
                    invocation.program, Array(invocation.arguments.dropFirst()),
                    environment: invocation.environmentVariables, workingDirectory: "/")
                do {
                    let process = try child.spawn(
                        standardOutput: .file(path: workDirectory + "/task-\(next).log", append: true),
                        standardError: .standardOutput)
                    running.append(
                        (next, process, MonotonicClock.now() &+ Duration.seconds(limitSeconds).nanosecondsClamped))
                } catch {
                    throw .countingFailed(
                        task: names[next], reason: "cannot start \(invocation.program): \(error.text)")
                }
                next += 1
            }
            var progressed = false
            for (position, entry) in running.enumerated().reversed() {
                guard
                    let ending = try Self.ending(of: entry.process, deadline: entry.deadline, task: names[entry.index])
                else { continue }
                running.remove(at: position)
                finished[entry.index] = try read(names[entry.index], index: entry.index, ending: ending)
                progressed = true
            }
            while let count = finished.removeValue(forKey: reported) {
                report(reported, count)
                reported += 1
            }
            // The pace of the polling: up to 20 ms on the oldest child; another's ending is seen on the next round.
            if !progressed, let oldest = running.first { _ = try? oldest.process.wait(timeout: .milliseconds(20)) }
        }
        #endif
    }

    /// Removes the work directory and what it holds.
    func removeWorkDirectory() {
        guard let directory = opendir(workDirectory) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink(workDirectory + "/" + name) }
        }
        closedir(directory)
        rmdir(workDirectory)
    }

    #if os(Linux)
    /// How a child ended, stopping it once past its deadline (`.timedOut`); `nil` while it runs in time.
    private static func ending(of process: SpawnedProcess, deadline: UInt64, task: String) throws(MicroBenchError)
        -> ChildProcess.Termination?
    {
        do {
            if let ending = try process.poll() { return ending }
            guard MonotonicClock.now() >= deadline else { return nil }
            try process.terminate(grace: .zero)
            return .timedOut
        } catch {
            throw .countingFailed(task: task, reason: "the callgrind child could not be waited for (\(error.text))")
        }
    }

    /// The counts of a finished child, or why there are none.
    private func read(_ name: String, index: Int, ending: ChildProcess.Termination) throws(MicroBenchError)
        -> InstructionCount
    {
        let invocation = invocation(task: name, index: index)
        let childLog = workDirectory + "/task-\(index).log"
        guard ending == .exited(0) else {
            let how: String
            switch ending {
            case .exited: how = "\(ending)"
            case .signalled: how = "was \(ending)"
            case .timedOut: how = "ran longer than \(limitSeconds) s and was killed"
            }
            throw .countingFailed(
                task: name,
                reason: "the callgrind child \(how)\n"
                    + Self.tail(ofFile: childLog, label: "its output")
                    + Self.tail(ofFile: invocation.logFile, label: "valgrind's log")
                    + "  (the files are in \(workDirectory); to reproduce, run:\n    " + invocation.shellCommand + ")")
        }
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(invocation.outputFile)
        } catch {
            throw .countingFailed(task: name, reason: "callgrind wrote no output: \(error)")
        }
        let output = try CallgrindOutput.parse(String(decoding: bytes, as: UTF8.self), path: invocation.outputFile)
        return InstructionCount(
            name: name, iterations: iterations, windows: try InstructionCount.windows(in: output, task: name))
    }

    /// The last lines of the file at `path`, indented, or nothing when it is empty or absent.
    private static func tail(ofFile path: String, label: String) -> String {
        guard let bytes = try? AtomicFile.read(path) else { return "" }
        return tail(String(decoding: bytes, as: UTF8.self), label: "\(label) (\(path))")
    }

    /// The last lines of `text`, indented, or nothing when it is empty.
    private static func tail(_ text: String, label: String, lines: Int = 12) -> String {
        let last = text.split(separator: "\n").suffix(lines)
        guard !last.isEmpty else { return "" }
        return "  \(label) ends with:\n" + last.map { "    \($0)\n" }.joined()
    }

    /// `uname -m`.
    private static func currentMachine() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        return withUnsafeBytes(of: names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The path of the running executable.
    private static func selfExecutable() throws(MicroBenchError) -> String {
        do {
            return try ExecutablePath.current()
        } catch {
            throw .instructionsUnavailable(reason: "the running executable's path cannot be read: \(error)")
        }
    }

    private static func makeWorkDirectory(in parent: String) throws(MicroBenchError) -> String {
        var template = Array((parent + "/microbench-callgrind.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            let reason = SystemError.capture("mkdtemp").text
            throw .instructionsSetupFailed(reason: "cannot create a directory in \(parent): \(reason); set TMPDIR")
        }
        return String(cString: made)
    }

    /// A helper tool with a minimal environment, started in `/`.
    private static func tool(_ program: String, _ arguments: [String]) -> ChildProcess {
        ChildProcess(program, arguments, environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], workingDirectory: "/")
    }

    /// Runs a helper tool to its end, at most two minutes, or throws with its output.
    @discardableResult
    private static func runTool(_ program: String, _ arguments: [String], what: String) throws(MicroBenchError)
        -> ChildProcess.Outcome
    {
        let outcome: ChildProcess.Outcome
        do {
            outcome = try tool(program, arguments).run(timeout: .seconds(120))
        } catch {
            throw .instructionsSetupFailed(reason: "\(what): cannot start \(program): \(error.text)")
        }
        guard outcome.termination == .exited(0) else {
            let output = outcome.standardOutputText + outcome.standardErrorText
            throw .instructionsSetupFailed(
                reason: "\(what) failed: it \(outcome.termination)\n" + tail(output, label: "its output"))
        }
        return outcome
    }
    #endif
}
