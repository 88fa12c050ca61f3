#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of a service's log, for the message when it dies: its standard output and error go to the log
/// file, and only its last few KiB are ever read back, so a chatty service costs nothing in memory.
extension ServiceProcess {
    /// The last `count` lines of the log (standard output and error), read from at most its last
    /// `maximumBytes`; empty when the log is empty or cannot be read. A line cut by the byte bound is left out.
    public func lastLogLines(_ count: Int = 10, maximumBytes: Int = 4096) -> [String] {
        ServiceProcess.lastLines(ofFile: logPath, count: count, maximumBytes: maximumBytes)
    }

    static func lastLines(ofFile path: String, count: Int, maximumBytes: Int) -> [String] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0, count > 0 else { return [] }
        let length = min(size, max(1, maximumBytes))
        var bytes = [UInt8](repeating: 0, count: length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(size - length)) }
        guard read > 0 else { return [] }
        var lines = bytes[0..<read].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if length < size { lines.removeFirst() }
        if lines.last == "" { lines.removeLast() }
        return Array(lines.suffix(count))
    }
}
