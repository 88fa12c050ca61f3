#if FUZZING
import CFuzzDriver
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `main` of every `fuzz-<target>` executable.
///
/// Built for fuzzing (`-sanitize=fuzzer,address -DFUZZING`, `make fuzz`), it hands the arguments to libFuzzer
/// and checks every input libFuzzer makes; a property failure traps, so libFuzzer saves the input as a crash.
/// Built plainly, it replays the files given (directories: every file in them) through the same check and exits
/// 1 naming each file whose property failed, so that corpora and crashes replay without libFuzzer.
public enum FuzzDriver {
    public static func main(_ target: FuzzTarget) -> Never {
        #if FUZZING
        Active.target = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(
            LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
                if let failure = Active.target?.check(input) { fatalError("property failed: \(failure)") }
                return 0
            })
        #else
        exit(replay(target, arguments: Array(CommandLine.arguments.dropFirst())))
        #endif
    }

    /// Replays files and directories through `target`; returns the exit status (0 all held, 1 a failure, 2 usage).
    public static func replay(_ target: FuzzTarget, arguments: [String]) -> Int32 {
        guard !arguments.isEmpty, !arguments.contains(where: { $0.hasPrefix("-") }) else {
            print("usage: fuzz-\(target.name) FILE|DIRECTORY...")
            print("Replays each input through the \(target.name) target: \(target.summary).")
            print("Built with -sanitize=fuzzer,address -DFUZZING (make fuzz) it is a libFuzzer binary instead.")
            return arguments.contains { $0 == "-h" || $0 == "--help" } ? 0 : 2
        }
        var failed = 0
        var count = 0
        for path in arguments.flatMap(CorpusFiles.list) {
            guard let bytes = CorpusFiles.read(path) else {
                print("fuzz-\(target.name): \(path): cannot read")
                failed += 1
                continue
            }
            count += 1
            if let failure = target.check(bytes) {
                print("fuzz-\(target.name): \(path): \(failure)")
                failed += 1
            }
        }
        print("fuzz-\(target.name): \(count) inputs replayed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }
}

#if FUZZING
/// The target the libFuzzer callback checks (a C callback captures nothing); set once before libFuzzer starts.
private enum Active {
    nonisolated(unsafe) static var target: FuzzTarget?
}
#endif
