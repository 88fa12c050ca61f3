#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: the operation, its `errno` and the C library's text for it.
///
/// Its description reads `open(perf/x.json): No such file or directory (errno 2)`. Capture it right after
/// the failing call, before anything else can change `errno`: `throw SystemError.capture("open(\(path))")`.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, with what it was applied to: `open(perf/x.json)`, `posix_spawn(/bin/sh)`.
    public var operation: String
    /// The error number (`ENOENT` is 2 on Linux).
    public var code: Int32

    /// The error `code` of `operation`, for functions that return the number rather than set `errno`
    /// (`posix_spawn`, `pthread_create`).
    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The error of `operation` from the calling thread's `errno`, read now.
    public static func capture(_ operation: String) -> SystemError {
        SystemError(operation, code: errno)
    }

    /// The C library's text for `code`: `No such file or directory`.
    public var text: String { SystemError.text(for: code) }

    public var description: String { "\(operation): \(text) (errno \(code))" }

    /// The C library's text for an error number (`strerror_r`, safe from any thread), or `errno N` for a
    /// number it does not know.
    public static func text(for code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let status = buffer.withUnsafeMutableBufferPointer { strerror_r(code, $0.baseAddress!, $0.count) }
        guard status == 0 else { return "errno \(code)" }
        let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // glibc answers "Unknown error N" for numbers it does not know, with status 0.
        return text.isEmpty ? "errno \(code)" : text
    }
}
