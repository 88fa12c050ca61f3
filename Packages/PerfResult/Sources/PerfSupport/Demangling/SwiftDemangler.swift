#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Demangles Swift symbols with the toolchain's `swift-demangle`, all of them through one process.
///
/// The symbols go to the process's standard input one a line, from a temporary file, and the names come
/// back one a line; a few thousand symbols take tens of milliseconds. It runs `swift-demangle` when that
/// is on `PATH`, `swift demangle` otherwise, with this process's environment, for ten minutes at most.
/// The one demangler of the toolkit: flame graphs and heap summaries (`perf/Sources/FlameGraph`) and
/// MemProbe's allocation sites use it.
///
/// ```swift
/// let names = try SwiftDemangler().demangle(["$s4main3fooyyF", "malloc"])   // ["foo()", "malloc"]
/// ```
public struct SwiftDemangler: SymbolDemangler, Sendable {
    /// The executable run: a path to `swift-demangle` or `swift`.
    public let executable: String
    /// The arguments given before the options (`["demangle"]` for `swift`).
    public let arguments: [String]
    /// Drop module names and implicit `self` types (`--simplified`): `EventLoop.run()` rather than
    /// `DemoService.EventLoop.run() -> DemoService.ShutdownSummary`.
    public let simplified: Bool

    /// A demangler that finds `swift-demangle` or `swift` on `path` (the `PATH` variable by default).
    ///
    /// - Throws: ``DemanglerFailure`` when neither is found.
    public init(simplified: Bool = true, path: String? = nil) throws(DemanglerFailure) {
        let searchPath = path ?? ProcessEnvironment.current()["PATH"] ?? "/usr/bin:/bin"
        self.simplified = simplified
        if let tool = ExecutablePath.find("swift-demangle", inSearchPath: searchPath) {
            executable = tool
            arguments = []
        } else if let swift = ExecutablePath.find("swift", inSearchPath: searchPath) {
            executable = swift
            arguments = ["demangle"]
        } else {
            throw DemanglerFailure(command: "swift demangle", reason: "neither swift-demangle nor swift is on PATH")
        }
    }

    /// The command line, for messages.
    public var commandLine: String {
        ([executable] + arguments + (simplified ? ["--simplified"] : [])).joined(separator: " ")
    }

    /// The readable name of each of `symbols`, in order, from one run of the demangler.
    ///
    /// - Throws: ``DemanglerFailure`` when the process cannot start, exits with a failure, runs past ten
    ///   minutes, or answers a different number of lines.
    /// - Complexity: O(total length of the symbols), one process.
    public func demangle(_ symbols: [String]) throws(DemanglerFailure) -> [String] {
        guard !symbols.isEmpty else { return [] }
        for symbol in symbols {
            precondition(!symbol.contains("\n"), "a symbol is one line")
        }
        let environment = ProcessEnvironment.current()
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let input = "\(directory)/swift-demangle-symbols-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(input) }
        let outcome: ChildProcess.Outcome
        do {
            try Self.writeNew(symbols.joined(separator: "\n") + "\n", to: input)
            let child = ChildProcess(
                executable, arguments + (simplified ? ["--simplified"] : []), environment: environment,
                standardInput: input)
            outcome = try child.run(timeout: .seconds(600))
        } catch {
            throw DemanglerFailure(command: commandLine, reason: "\(error)")
        }
        switch outcome.termination {
        case .exited(0): break
        case .signalled: throw DemanglerFailure(command: commandLine, reason: "it was \(outcome.termination)")
        default: throw DemanglerFailure(command: commandLine, reason: "it \(outcome.termination)")
        }
        var lines = outcome.standardOutputText.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count == symbols.count else {
            throw DemanglerFailure(
                command: commandLine, reason: "it answered \(lines.count) lines for \(symbols.count) symbols")
        }
        return lines.map(String.init)
    }

    /// True for a Swift symbol: `$s...` (Swift 5 and later), `$S...` (4.2), `_T0...` (4), with or without
    /// the leading underscore Darwin adds, and `$e...` (Embedded Swift).
    public static func isSwiftMangled(_ symbol: some StringProtocol) -> Bool {
        let name = symbol.hasPrefix("_$") ? symbol.dropFirst() : symbol[...]
        return name.hasPrefix("$s") || name.hasPrefix("$S") || name.hasPrefix("$e") || name.hasPrefix("_T0")
    }

    /// Writes `text` to a new file at `path` (mode 0600; fails if the file exists: the name is random).
    private static func writeNew(_ text: String, to path: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .capture("open(\(path))") }
        defer { close(descriptor) }
        var text = text
        let failure = text.withUTF8 { bytes in
            DescriptorWriter.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) { write($0, $1, $2) }
        }
        if let failure { throw failure }
    }
}
