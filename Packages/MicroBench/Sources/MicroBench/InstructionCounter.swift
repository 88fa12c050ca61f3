import PerfResult

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
        guard let valgrind = find("valgrind", in: searchPath) else {
            throw .toolMissing(
                tool: "valgrind", package: "valgrind", purpose: "it runs each task under valgrind --tool=callgrind")
        }
        guard let setarch = find("setarch", in: searchPath) else {
            throw .toolMissing(
                tool: "setarch", package: "util-linux", purpose: "it turns address-space randomization off")
        }
        guard let objcopy = find("objcopy", in: searchPath) ?? find("llvm-objcopy", in: searchPath) else {
            throw .toolMissing(
                tool: "objcopy", package: "binutils",
                purpose: "it copies the executable without the debug sections valgrind cannot read")
        }
        let tools = Tools(valgrind: valgrind, setarch: setarch, objcopy: objcopy)
        let original = try selfExecutable()
        let workDirectory = try makeWorkDirectory(in: variables["TMPDIR"] ?? "/tmp")
        let name = String(original.split(separator: "/").last ?? "bench")
        let copy = workDirectory + "/" + name
        try runTool(
            objcopy, ["--strip-debug", original, copy], log: workDirectory + "/objcopy.log",
            what: "copying \(original) without its debug sections")
        try runTool(valgrind, ["--version"], log: workDirectory + "/valgrind-version.txt", what: "valgrind --version")
        let randomizationDisabled = succeeds(
            setarch, [machine, "-R", "/bin/true"], log: workDirectory + "/setarch.log")
        let version =
            (try? AtomicFile.read(workDirectory + "/valgrind-version.txt"))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" } ?? ""
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
        var running: [(index: Int, child: ChildProcess)] = []
        var finished: [Int: InstructionCount] = [:]
        var next = 0
        var reported = 0
        defer {
            for entry in running { entry.child.terminate() }
        }
        while reported < names.count {
            while running.count < jobs && next < names.count {
                let invocation = invocation(task: names[next], index: next)
                switch ChildProcess.start(
                    program: invocation.program, arguments: invocation.arguments,
                    environment: invocation.environment, outputPath: workDirectory + "/task-\(next).log",
                    limitSeconds: limitSeconds)
                {
                case let .success(child):
                    running.append((next, child))
                case let .failure(failure):
                    throw .countingFailed(
                        task: names[next], reason: "cannot start \(invocation.program): \(failure.reason)")
                }
                next += 1
            }
            var progressed = false
            for (position, entry) in running.enumerated().reversed() {
                guard let outcome = entry.child.poll() else { continue }
                running.remove(at: position)
                finished[entry.index] = try read(names[entry.index], index: entry.index, outcome: outcome)
                progressed = true
            }
            while let count = finished.removeValue(forKey: reported) {
                report(reported, count)
                reported += 1
            }
            if !progressed && reported < names.count { sleepMilliseconds(20) }
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
    /// The counts of a finished child, or why there are none.
    private func read(_ name: String, index: Int, outcome: ChildProcess.Outcome) throws(MicroBenchError)
        -> InstructionCount
    {
        let invocation = invocation(task: name, index: index)
        let childLog = workDirectory + "/task-\(index).log"
        guard outcome == .exited(0) else {
            let how: String
            switch outcome {
            case let .exited(status): how = "exited with status \(status)"
            case let .signalled(signal): how = "was ended by signal \(signal)"
            case let .timedOut(seconds): how = "ran longer than \(seconds) s and was killed"
            case let .lost(error): how = "could not be waited for (\(String(cString: strerror(error))))"
            }
            throw .countingFailed(
                task: name,
                reason: "the callgrind child \(how)\n"
                    + Self.tail(of: childLog, label: "its output")
                    + Self.tail(of: invocation.logFile, label: "valgrind's log")
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
    private static func tail(of path: String, label: String, lines: Int = 12) -> String {
        guard let bytes = try? AtomicFile.read(path), !bytes.isEmpty else { return "" }
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n").suffix(lines)
        return "  \(label) (\(path)) ends with:\n" + text.map { "    \($0)\n" }.joined()
    }

    /// `uname -m`.
    private static func currentMachine() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        return withUnsafeBytes(of: names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The first executable regular file named `name` in the directories of `searchPath`.
    static func find(_ name: String, in searchPath: String) -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let path = "\(directory)/\(name)"
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// The path of the running executable.
    private static func selfExecutable() throws(MicroBenchError) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else {
            throw .instructionsUnavailable(reason: "/proc/self/exe cannot be read: \(String(cString: strerror(errno)))")
        }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func makeWorkDirectory(in parent: String) throws(MicroBenchError) -> String {
        var template = Array((parent + "/microbench-callgrind.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .instructionsSetupFailed(
                reason: "cannot create a directory in \(parent): \(String(cString: strerror(errno))); set TMPDIR")
        }
        return String(cString: made)
    }

    /// Runs a helper tool to its end (bounded), or throws with its output.
    private static func runTool(_ program: String, _ arguments: [String], log: String, what: String)
        throws(MicroBenchError)
    {
        switch finish(program, arguments, log: log) {
        case .success(.exited(0)):
            return
        case let .failure(failure):
            throw .instructionsSetupFailed(reason: "\(what): cannot start \(program): \(failure.reason)")
        case .success:
            throw .instructionsSetupFailed(reason: "\(what) failed\n" + tail(of: log, label: "its output"))
        }
    }

    /// Whether a helper tool runs to its end with status 0.
    private static func succeeds(_ program: String, _ arguments: [String], log: String) -> Bool {
        (try? finish(program, arguments, log: log).get()) == .exited(0)
    }

    /// Runs a helper tool to its end, at most two minutes, with a minimal environment.
    private static func finish(_ program: String, _ arguments: [String], log: String)
        -> Swift.Result<ChildProcess.Outcome, SpawnFailure>
    {
        ChildProcess.start(
            program: program, arguments: [program] + arguments, environment: ["PATH=/usr/bin:/bin", "LC_ALL=C"],
            outputPath: log, limitSeconds: 120
        ).map { child in
            var outcome = child.poll()
            while outcome == nil {
                sleepMilliseconds(5)
                outcome = child.poll()
            }
            return outcome!
        }
    }
    #endif
}
