#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
import MachO // _NSGetExecutablePath
#endif

/// Where the running executable is, and where a program is found on a search path.
///
/// Tools find their sibling products through it (`loadgen` starts `loadgen-target`, `demo-load` starts
/// `demo-service`, tests run the executables SwiftPM built next to them), and a suite re-runs itself for
/// `--forks`. It asks the system rather than trusting `CommandLine.arguments[0]`, which is whatever the
/// caller typed: a name looked up in `PATH` or a path relative to another directory.
public enum ExecutablePath {
    /// The path of the running executable: the target of `/proc/self/exe` on Linux, `_NSGetExecutablePath`
    /// on macOS.
    /// - Throws: `SystemError` when the system cannot tell (Linux without `/proc` mounted, or another system).
    public static func current() throws(SystemError) -> String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw .capture("readlink(/proc/self/exe)") }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #elseif canImport(Darwin)
        var size: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &size)
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        guard _NSGetExecutablePath(&buffer, &size) == 0 else {
            throw SystemError("_NSGetExecutablePath", code: ENAMETOOLONG)
        }
        return String(cString: buffer)
        #else
        throw SystemError("executable path", code: ENOSYS)
        #endif
    }

    /// The directory that holds the running executable, without a trailing slash (`/` for the root): where
    /// SwiftPM builds the other products of its package.
    /// - Throws: `SystemError` when `current()` does.
    public static func directory() throws(SystemError) -> String {
        let path = try current()
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The first regular, executable file named `name` in `directories`, in order, as `directory/name`;
    /// empty directories are skipped.
    /// - Complexity: O(*d*) file-system lookups for *d* directories.
    public static func find(_ name: String, in directories: [String]) -> String? {
        for directory in directories where !directory.isEmpty {
            let candidate = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// The first regular, executable file named `name` in the directories of `searchPath`, a `PATH` value
    /// (directories separated by `:`).
    /// - Complexity: O(*d*) file-system lookups for *d* directories.
    public static func find(_ name: String, inSearchPath searchPath: String) -> String? {
        find(name, in: searchPath.split(separator: ":").map(String.init))
    }

    /// Whether `path` is a regular file this process may execute (a directory is not, whatever its mode).
    public static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
