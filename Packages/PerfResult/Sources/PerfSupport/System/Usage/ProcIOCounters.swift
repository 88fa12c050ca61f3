/// The I/O counters of `/proc/PID/io` (Linux): logical bytes and calls of `read` and `write`, and bytes that
/// reached or came from the storage layer.
///
/// `rchar`/`wchar` count every byte passed through the read and write family (`read`, `pread`, `readv`,
/// `sendfile`…, on files, pipes, sockets and terminals alike, page cache hits included); `syscr`/`syscw` count
/// those calls; `read_bytes`/`write_bytes` count bytes the process caused to be fetched from or sent to storage
/// (0 on file systems without block-I/O accounting, such as tmpfs and overlay mounts in many containers).
public struct ProcIOCounters: Sendable, Hashable {
    /// `rchar`: bytes returned by read calls.
    public var bytesRead: UInt64
    /// `wchar`: bytes passed to write calls.
    public var bytesWritten: UInt64
    /// `syscr`: read calls.
    public var readCalls: UInt64
    /// `syscw`: write calls.
    public var writeCalls: UInt64
    /// `read_bytes`: bytes fetched from storage on this process's behalf.
    public var storageBytesRead: UInt64
    /// `write_bytes`: bytes this process caused to be sent to storage.
    public var storageBytesWritten: UInt64

    /// Counters from their fields.
    public init(
        bytesRead: UInt64 = 0, bytesWritten: UInt64 = 0, readCalls: UInt64 = 0, writeCalls: UInt64 = 0,
        storageBytesRead: UInt64 = 0, storageBytesWritten: UInt64 = 0
    ) {
        self.bytesRead = bytesRead
        self.bytesWritten = bytesWritten
        self.readCalls = readCalls
        self.writeCalls = writeCalls
        self.storageBytesRead = storageBytesRead
        self.storageBytesWritten = storageBytesWritten
    }

    /// The counters in the text of `/proc/PID/io`, or `nil` when one of the six is missing or malformed.
    /// - Complexity: O(*n*) in the length of `text`.
    public init?(text: String) {
        guard let counters = Array(text.utf8).withUnsafeBytes({ ProcIOCounters(bytes: $0) }) else { return nil }
        self = counters
    }

    /// The counters in the bytes of `/proc/PID/io`, or `nil` when one of the six is missing or malformed. Does not
    /// allocate, so it may parse a `ProcFile`'s buffer at the edge of a measured window.
    /// - Complexity: O(*n*) in the number of bytes.
    public init?(bytes: UnsafeRawBufferPointer) {
        self.init()
        let end = bytes.count
        var found = 0
        var lineStart = 0
        while lineStart < end {
            let lineEnd = ProcText.index(of: UInt8(ascii: "\n"), in: bytes, from: lineStart, to: end)
            let colon = ProcText.index(of: UInt8(ascii: ":"), in: bytes, from: lineStart, to: lineEnd)
            if colon < lineEnd {
                var raw = 0
                while let field = Field(rawValue: raw) {
                    if ProcText.equals(bytes, from: lineStart, to: colon, field.name) {
                        guard let value = ProcText.unsigned(bytes, from: colon + 1, to: lineEnd) else { return nil }
                        set(field, value)
                        found |= 1 << raw
                    }
                    raw += 1
                }
            }
            lineStart = lineEnd + 1
        }
        guard found == (1 << Field.count) - 1 else { return nil }
    }

    /// The counts of the window between `start` and `end`, each clamped at zero.
    public static func - (end: ProcIOCounters, start: ProcIOCounters) -> ProcIOCounters {
        ProcIOCounters(
            bytesRead: end.bytesRead.subtractingClamped(start.bytesRead),
            bytesWritten: end.bytesWritten.subtractingClamped(start.bytesWritten),
            readCalls: end.readCalls.subtractingClamped(start.readCalls),
            writeCalls: end.writeCalls.subtractingClamped(start.writeCalls),
            storageBytesRead: end.storageBytesRead.subtractingClamped(start.storageBytesRead),
            storageBytesWritten: end.storageBytesWritten.subtractingClamped(start.storageBytesWritten))
    }

    private enum Field: Int {
        case rchar, wchar, syscr, syscw, readBytes, writeBytes

        static let count = 6

        var name: StaticString {
            switch self {
            case .rchar: return "rchar"
            case .wchar: return "wchar"
            case .syscr: return "syscr"
            case .syscw: return "syscw"
            case .readBytes: return "read_bytes"
            case .writeBytes: return "write_bytes"
            }
        }
    }

    private mutating func set(_ field: Field, _ value: UInt64) {
        switch field {
        case .rchar: bytesRead = value
        case .wchar: bytesWritten = value
        case .syscr: readCalls = value
        case .syscw: writeCalls = value
        case .readBytes: storageBytesRead = value
        case .writeBytes: storageBytesWritten = value
        }
    }
}
