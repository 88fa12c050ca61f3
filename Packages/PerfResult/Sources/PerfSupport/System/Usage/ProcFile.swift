#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small `/proc` file opened once and re-read from offset 0 into a buffer it owns, so that a reading makes one
/// `pread` system call and allocates nothing.
///
/// The kernel generates the text when it is read, so every `read()` sees the counters of that moment.
public final class ProcFile {
    /// The path opened, e.g. `/proc/self/io`.
    public let path: String
    private var descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    /// The `errno` of the failed `open`, when it failed.
    public private(set) var openError: Int32?

    /// Opens `path` for reading, with a buffer of `capacity` bytes (the file's text is cut there).
    public init(path: String, capacity: Int = 1024) {
        self.path = path
        buffer = .allocate(byteCount: max(1, capacity), alignment: 8)
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { openError = errno }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
    }

    /// Whether the file is open.
    public var isOpen: Bool { descriptor >= 0 }

    /// Closes the file and opens `path` again: for `/proc/thread-self/…`, which names the thread that opened it.
    /// Does not allocate.
    public func reopen() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        openError = descriptor < 0 ? errno : nil
    }

    /// The file's text now, as bytes in the owned buffer (valid until the next `read()`), or `nil` when the file
    /// is not open or cannot be read. Does not allocate.
    public func read() -> UnsafeRawBufferPointer? {
        guard descriptor >= 0 else { return nil }
        var count: Int
        repeat {
            count = pread(descriptor, buffer.baseAddress, buffer.count, 0)
        } while count < 0 && errno == EINTR
        guard count > 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    }
}
