import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system questions the check asks, answered with POSIX calls.
enum FileSystem {
    /// Whether anything exists at `path` (following symbolic links).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names (not paths) of the entries of `directory` that end in `.json` and are not directories
    /// or hidden (atomic writes leave `.name.tmp-…` files only while they run), sorted; `nil` when the
    /// directory cannot be opened.
    /// - Complexity: O(*n* log *n*) for *n* entries.
    static func jsonFiles(in directory: String) -> [String]? {
        visibleEntries(in: directory)?.filter { $0.hasSuffix(".json") && !isDirectory(join(directory, $0)) }
    }

    /// The names of every entry of `directory` except `.`, `..` and hidden ones (starting with `.`), sorted;
    /// `nil` when the directory cannot be opened.
    /// - Complexity: O(*n* log *n*) for *n* entries.
    static func visibleEntries(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` and any missing parents, like `mkdir -p`.
    /// - Returns: the OS's reason on failure, `nil` on success or when the directory exists.
    static func makeDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if !isDirectory(prefix), mkdir(prefix, 0o755) != 0 {
                let error = SystemError.capture("mkdir(\(prefix))")
                if error.code != EEXIST { return error.text }
            }
            prefix += "/"
        }
        return nil
    }

    /// Removes the file at `path`; a missing file is not an error.
    static func remove(_ path: String) {
        unlink(path)
    }

    /// `path` made absolute with symbolic links resolved (`realpath`), or `path` itself when it does not exist.
    static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Appends `bytes` to the file at `path`, creating it when missing (for `GITHUB_STEP_SUMMARY`,
    /// which other steps append to as well, so it is never replaced).
    /// - Returns: the OS's reason on failure, `nil` on success.
    static func append(_ bytes: [UInt8], to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return SystemError.capture("open(\(path))").text }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                let error = SystemError.capture("write(\(path))")
                if error.code == EINTR { continue }
                return error.text
            }
            offset += written
        }
        return nil
    }
}
