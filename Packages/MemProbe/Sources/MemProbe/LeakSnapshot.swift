import PerfResult
import PerfSupport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes what a failed leak check knows to a JSON file, for a person to dig into.
///
/// The file `<directory>/<spec>-<UTC timestamp>.json` holds the verdict and its numbers, every sample,
/// glibc's `malloc_info` XML (arenas, free lists, mmapped bytes), `/proc/self/smaps_rollup`, and the
/// live instances of the types registered in an `InstanceCensus`. The returned location carries the
/// heaptrack command that records call stacks of the same run; the executable prints both:
///
/// ```swift
/// if report.isLeak {
///     let snapshot = try LeakSnapshot.write(report, spec: "lru-cache")
///     print("snapshot: \(snapshot.path)\ncall stacks: \(snapshot.heaptrackCommand)")
/// }
/// ```
public enum LeakSnapshot {
    /// Where a snapshot went and how to get call stacks for the same workload.
    public struct Location: Sendable, Hashable {
        /// The snapshot file.
        public let path: String
        /// A shell command that reruns this executable with the same arguments under heaptrack.
        public let heaptrackCommand: String
    }

    /// `perf/results/snapshots`, relative to the working directory (docs/ARCHITECTURE.md, "Where files live").
    public static let defaultDirectory = "perf/results/snapshots"

    /// Writes a snapshot of `report` and of the process's heap now, creating `directory` if needed.
    ///
    /// - Parameters:
    ///   - spec: The workload's name, part of the file name: letters, digits, `-`, `_`, `.`.
    ///   - census: The registry whose live-instance counts are recorded.
    ///   - arguments: The command line to repeat under heaptrack (`CommandLine.arguments` by default).
    /// - Throws: `MemProbeError.invalidSpecName` or `.snapshotFailed`.
    public static func write(
        _ report: LeakReport, spec: String, directory: String = defaultDirectory, census: InstanceCensus = .shared,
        arguments: [String] = CommandLine.arguments
    ) throws(MemProbeError) -> Location {
        guard isValidSpec(spec) else { throw .invalidSpecName(spec) }
        try makeDirectories(directory)
        let now = Int(time(nil))
        let command = heaptrackCommand(arguments: arguments)
        let contents = SnapshotFile(
            report: report, spec: spec, createdAt: Timestamp.format(epochSeconds: now), census: census,
            heaptrackCommand: command)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(contents)) + [UInt8(ascii: "\n")]
        } catch {
            throw .snapshotFailed(path: directory, reason: "encoding failed: \(error)")
        }
        let stamp = Timestamp.format(epochSeconds: now, compact: true)
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + "\(spec)-\(stamp)"
        var path = base + ".json"
        var suffix = 1
        while access(path, F_OK) == 0 {
            suffix += 1
            path = base + "-\(suffix).json"
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .snapshotFailed(path: path, reason: "\(error)")
        }
        return Location(path: path, heaptrackCommand: command)
    }

    /// `heaptrack` followed by this executable and `arguments` (minus the first), quoted for a POSIX shell.
    public static func heaptrackCommand(arguments: [String] = CommandLine.arguments) -> String {
        let executable = (try? ExecutablePath.current()) ?? arguments.first ?? "<executable>"
        return (["heaptrack", executable] + arguments.dropFirst()).map(ShellText.quoted).joined(separator: " ")
    }

    static func isValidSpec(_ spec: String) -> Bool {
        !spec.isEmpty && spec.count <= 128
            && spec.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            } && spec != "." && spec != ".."
    }

    /// `mkdir -p`.
    private static func makeDirectories(_ directory: String) throws(MemProbeError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .snapshotFailed(path: prefix, reason: SystemError.capture("mkdir").text)
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .snapshotFailed(path: directory, reason: "not a directory")
        }
    }
}
