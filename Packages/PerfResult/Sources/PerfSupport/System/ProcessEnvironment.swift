#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment variables of the running process, read without Foundation.
///
/// Executables read it once and hand the dictionary to what needs it (the command-line parser, the
/// environment capture), so tests can pass their own.
public enum ProcessEnvironment {
    /// Every variable of this process as `name: value`; an entry without `=` is skipped.
    /// - Complexity: O(*n*) in the size of the environment.
    public static func current() -> [String: String] {
        var variables: [String: String] = [:]
        #if canImport(Darwin)
        guard var pointer = _NSGetEnviron()?.pointee else { return variables }
        #else
        var pointer = environ
        #endif
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return variables
    }
}
