import PerfSupport

/// The command that counts one task's instructions: the executable re-run as a child of callgrind,
/// with everything that could change the count pinned.
///
/// ```
/// setarch x86_64 -R valgrind --tool=callgrind --collect-atstart=no --cache-sim=yes
///     --I1=32768,8,64 --D1=32768,8,64 --LL=8388608,16,64 ... EXECUTABLE --callgrind-child NAME --iterations N
/// ```
///
/// - `setarch -R` turns address-space randomization off, so the heap, the stack and every library
///   land at the same addresses each run, and address-dependent paths (hashing of pointers,
///   alignment in `memcpy`) take the same branches. Where a container's seccomp profile refuses it
///   (Docker's default does), `setarch` is `nil` and valgrind starts directly: valgrind places the
///   program itself, and the counts repeated without it too in our runs.
/// - The environment is replaced by a fixed minimal set (`env -i`): its size moves the stack.
///   `SWIFT_DETERMINISTIC_HASHING=1` seeds `Hasher` with a constant, so `Set` and `Dictionary`
///   iterate and probe the same way each run.
/// - The cache geometry is given, not read from the host CPU, so miss counts do not depend on the
///   machine.
/// - Collection starts off; the child switches it on only around each measured window (client
///   requests), so process start, registration, setup, warmup and teardown are not counted.
struct CallgrindInvocation: Equatable {
    /// Measured windows per task; five, so that the regression gate's significance test has its
    /// minimum of samples.
    static let windows = 5
    /// Operations per window when `--iterations` is not given.
    static let defaultIterations = 100
    /// The simulated caches: 32 KiB 8-way L1 instruction and data caches and an 8 MiB 16-way last
    /// level, 64-byte lines (a common x86-64 and AArch64 server core), as `size,associativity,line`.
    static let cacheGeometry = (l1Instructions: "32768,8,64", l1Data: "32768,8,64", lastLevel: "8388608,16,64")
    /// The trigger label of the warmup window's dump, which is not read.
    static let warmupLabel = "microbench warmup"
    /// The trigger label of window `index`'s dump.
    static func windowLabel(_ index: Int) -> String {
        "microbench window \(index)"
    }

    /// `valgrind`'s path.
    var valgrind: String
    /// `setarch`'s path, or `nil` when `setarch -R` is not permitted here.
    var setarch: String?
    /// The machine name `setarch` needs (`uname -m`), e.g. `x86_64`.
    var machine: String
    /// The executable to run: the suite executable's copy without debug sections.
    var executable: String
    /// The directory of the original executable, searched first for shared libraries (`$ORIGIN` of the
    /// original).
    var libraryDirectory: String
    /// The task's full name.
    var task: String
    /// Operations per window.
    var iterations: Int
    /// Where callgrind writes its output (every window's dump in one file).
    var outputFile: String
    /// Where valgrind writes its own messages.
    var logFile: String

    /// The program to start: `setarch`, or `valgrind` without it.
    var program: String { setarch ?? valgrind }

    /// The arguments, starting with the program's name.
    var arguments: [String] {
        let caches = Self.cacheGeometry
        let prefix = setarch.map { [$0, machine, "-R"] } ?? []
        return prefix + [
            valgrind, "--tool=callgrind", "--collect-atstart=no", "--cache-sim=yes",
            "--I1=\(caches.l1Instructions)", "--D1=\(caches.l1Data)", "--LL=\(caches.lastLevel)",
            "--combine-dumps=yes", "--dump-line=no", "--callgrind-out-file=\(outputFile)", "--log-file=\(logFile)",
            executable, "--callgrind-child", task, "--iterations", String(iterations),
        ]
    }

    /// The same run as one shell command line, to reproduce a failure by hand: the directory, the
    /// environment and every argument, quoted where the shell would read them otherwise.
    var shellCommand: String {
        let words = ["cd", "/", "&&", "env", "-i"] + (environment + arguments).map(ShellText.quoted)
        return words.joined(separator: " ")
    }

    /// The whole environment of the child, as `NAME=value` strings in the order `shellCommand` writes them.
    var environment: [String] {
        variables.map { "\($0)=\($1)" }
    }

    /// The whole environment of the child, as `ChildProcess` takes it.
    var environmentVariables: [String: String] {
        Dictionary(uniqueKeysWithValues: variables)
    }

    private var variables: [(String, String)] {
        [
            ("PATH", "/usr/bin:/bin"), ("LC_ALL", "C"), ("SWIFT_DETERMINISTIC_HASHING", "1"),
            ("LD_LIBRARY_PATH", libraryDirectory),
        ]
    }
}
