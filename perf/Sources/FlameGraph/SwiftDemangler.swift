import Foundation

/// Demangles Swift symbols with the toolchain's `swift-demangle`, all of them through one process.
///
/// The symbols go to the process's standard input one a line, from a temporary file, and the names come
/// back one a line; a few thousand symbols take tens of milliseconds. It runs `swift-demangle` when that
/// is on `PATH`, `swift demangle` otherwise.
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
    /// - Throws: ``FlameGraphError/demanglerFailed(command:reason:)`` when neither is found.
    public init(simplified: Bool = true, path: String? = nil) throws(FlameGraphError) {
        let searchPath = path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = searchPath.split(separator: ":").map(String.init)
        self.simplified = simplified
        if let tool = Self.find("swift-demangle", in: directories) {
            executable = tool
            arguments = []
        } else if let swift = Self.find("swift", in: directories) {
            executable = swift
            arguments = ["demangle"]
        } else {
            throw .demanglerFailed(command: "swift demangle", reason: "neither swift-demangle nor swift is on PATH")
        }
    }

    /// The command line, for messages.
    public var commandLine: String {
        ([executable] + arguments + (simplified ? ["--simplified"] : [])).joined(separator: " ")
    }

    /// The readable name of each of `symbols`, in order, from one run of the demangler.
    ///
    /// - Throws: ``FlameGraphError/demanglerFailed(command:reason:)`` when the process cannot start, exits
    ///   with a failure, or answers a different number of lines.
    /// - Complexity: O(total length of the symbols), one process.
    public func demangle(_ symbols: [String]) throws(FlameGraphError) -> [String] {
        guard !symbols.isEmpty else { return [] }
        for symbol in symbols {
            precondition(!symbol.contains("\n"), "a symbol is one line")
        }
        let input = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "flamegraph-symbols-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        let output: Data
        let process = Process()
        do {
            try Data((symbols.joined(separator: "\n") + "\n").utf8).write(to: input)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments + (simplified ? ["--simplified"] : [])
            process.standardInput = try FileHandle(forReadingFrom: input)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        } catch {
            throw .demanglerFailed(command: commandLine, reason: "\(error)")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .demanglerFailed(command: commandLine, reason: "it exited with status \(process.terminationStatus)")
        }
        var lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count == symbols.count else {
            throw .demanglerFailed(
                command: commandLine, reason: "it answered \(lines.count) lines for \(symbols.count) symbols")
        }
        return lines.map(String.init)
    }

    private static func find(_ name: String, in directories: [String]) -> String? {
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
