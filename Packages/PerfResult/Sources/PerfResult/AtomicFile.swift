import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes with POSIX calls, so that no reader ever sees half a file.
///
/// Public so that other tools (baselines, snapshots, reports) write the same way.
public enum AtomicFile {
    /// Whether a file (not a directory) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
    }

    /// Reads the whole file at `path`.
    /// - Throws: `PerfResultError.unreadableFile` with the OS's reason.
    public static func read(_ path: String) throws(PerfResultError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadableFile(path: path, reason: lastErrorText()) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadableFile(path: path, reason: "it is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glue.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: path, reason: lastErrorText())
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed to disk,
    /// then renamed over `path`. On failure the temporary file is removed and `path` is unchanged.
    /// - Throws: `PerfResultError.writeFailed` with the OS's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws(PerfResultError) {
        try write(bytes, to: path, beforeRename: {})
    }

    /// `write(_:to:)` with a hook that runs after the temporary file is complete and before the rename;
    /// tests use it to simulate an interruption.
    static func write(_ bytes: [UInt8], to path: String, beforeRename: () throws -> Void) throws(PerfResultError) {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: lastErrorText()) }
        var finished = false
        defer { if !finished { unlink(temporary) } }
        do throws(PerfResultError) {
            try writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw .writeFailed(path: path, reason: lastErrorText()) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw .writeFailed(path: path, reason: lastErrorText()) }
        do {
            try beforeRename()
        } catch {
            throw .writeFailed(path: path, reason: "interrupted before rename: \(error)")
        }
        guard rename(temporary, path) == 0 else { throw .writeFailed(path: path, reason: lastErrorText()) }
        finished = true
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(PerfResultError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glue.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: lastErrorText())
            }
            offset += written
        }
    }

    /// `dir/.name.tmp-<pid>-<n>`: hidden, in the same directory (so rename stays atomic), unique per call.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    private static func lastErrorText() -> String {
        SystemError.text(for: errno)
    }
}

/// The C calls whose names clash with members above.
private enum Glue {
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.read(fd, buffer, count)
        #elseif canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Musl.read(fd, buffer, count)
        #endif
    }

    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, buffer, count)
        #elseif canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Musl.write(fd, buffer, count)
        #endif
    }
}
