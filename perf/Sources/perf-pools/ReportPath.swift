import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--json` path, checked before anything is measured.
enum ReportPath {
    /// Fails early, before a minute of measuring, when the report could not be written there.
    /// - Throws: `UsageError` naming the path and the reason.
    static func checkWritable(_ path: String) throws(UsageError) {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw UsageError("--json \(path): it is a directory; give a file path such as perf/results/pools.json")
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let checked = directory.isEmpty ? "/" : directory
        guard access(checked, W_OK) == 0 else {
            throw UsageError("--json \(path): cannot write in \(checked): \(SystemError.capture("access").text)")
        }
    }
}
