#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a line to standard error (unbuffered, so it never interleaves late with standard output).
///
/// For the suites' executables: the library itself never calls it (libraries never print).
public func printError(_ line: String) {
    writeError(line + "\n")
}

/// Writes `text` to standard error as it is (progress lines end in a carriage return, not a newline).
///
/// Retries short writes until all of `text` is written; stops silently when a write fails.
public func writeError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var rest = UnsafeRawBufferPointer(bytes)
        while !rest.isEmpty {
            let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
            guard written > 0 else { return }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
    }
}
