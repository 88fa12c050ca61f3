import Foundation

/// A fresh directory under the system's temporary directory, removed with everything in it when the
/// value goes away.
public final class TemporaryDirectory {
    /// The directory's absolute path, without a trailing slash.
    public let path: String

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    /// - Throws: What `FileManager` throws when the directory cannot be created.
    public init(prefix: String) throws {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
