#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output or standard error, written without buffering and without losing text to signals.
///
/// A write is retried after `EINTR` (a signal arrived before anything was written) and continued after a
/// short write (a signal, or a pipe with less room than the text), until all of the text is out. It stops at
/// any other error, such as `EPIPE` once the reader has gone, and reports it: there is nowhere left to say
/// it. For executables: libraries never print.
///
/// Writing to `.output` first flushes the C library's buffers, so text printed with `print` before comes out
/// before it.
public enum StandardStream: Sendable, Hashable {
    /// Standard output, descriptor 1: results.
    case output
    /// Standard error, descriptor 2: progress, warnings and errors.
    case error

    /// The file descriptor of the stream.
    public var descriptor: Int32 {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// Writes `text` as it is (no newline added) to `stream`.
    /// - Returns: `nil` when all of it was written, else the error that stopped it.
    /// - Complexity: O(*n*) in the length of `text`.
    @discardableResult
    public static func write(_ text: String, to stream: StandardStream) -> SystemError? {
        if stream == .output { fflush(nil) }
        var text = text
        return text.withUTF8 { bytes in
            DescriptorWriter.writeAll(UnsafeRawBufferPointer(bytes), to: stream.descriptor, using: systemWrite)
        }
    }
}

/// Writes `line` and a newline to standard error, for an executable's messages (`perf-check: …`).
/// - Returns: `nil` when the line was written, else the error that stopped it.
@discardableResult
public func printError(_ line: String) -> SystemError? {
    StandardStream.write(line + "\n", to: .error)
}

/// The loop behind `StandardStream.write`, with the `write` function injectable so that tests can make it
/// fail with `EINTR` or write short.
enum DescriptorWriter {
    /// `write(2)`'s shape: descriptor, bytes, count; returns the count written or -1 with `errno` set.
    typealias WriteFunction = (Int32, UnsafeRawPointer, Int) -> Int

    /// Writes every byte of `bytes` to `descriptor`, retrying after `EINTR` and continuing after short writes.
    /// - Returns: `nil` when all bytes were written, else the error that stopped the loop.
    static func writeAll(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, using write: WriteFunction
    ) -> SystemError? {
        guard var next = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                return SystemError("write(\(descriptor))", code: code)
            }
            // write(2) never returns 0 for a non-empty buffer on a pipe, file or terminal; stop rather than spin.
            guard written > 0 else { return SystemError("write(\(descriptor))", code: EIO) }
            next += written
            remaining -= written
        }
        return nil
    }
}

/// The C library's `write`, which `StandardStream.write` shadows inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
