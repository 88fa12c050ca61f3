#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// ISO 8601 timestamps in UTC, to the second, without Foundation's formatters.
///
/// Reports carry `2026-11-22T13:57:47Z`; file names carry the basic form `20261122T135747Z`, which has no
/// character a file system or a shell treats specially.
public enum Timestamp {
    /// Now, as `2026-11-22T13:57:47Z`.
    public static func utcNow() -> String {
        format(epochSeconds: Int(time(nil)))
    }

    /// `epochSeconds` since the Unix epoch as `2026-11-22T13:57:47Z`, or as `20261122T135747Z` when `compact`.
    ///
    /// A time the C library cannot break down (years beyond its range) reads as the epoch itself.
    public static func format(epochSeconds: Int, compact: Bool = false) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        if gmtime_r(&seconds, &parts) == nil {
            parts = tm()
            parts.tm_year = 70
            parts.tm_mday = 1
        }
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = [pad(parts.tm_year + 1900, 4), pad(parts.tm_mon + 1, 2), pad(parts.tm_mday, 2)]
        let clock = [pad(parts.tm_hour, 2), pad(parts.tm_min, 2), pad(parts.tm_sec, 2)]
        return compact
            ? date.joined() + "T" + clock.joined() + "Z"
            : date.joined(separator: "-") + "T" + clock.joined(separator: ":") + "Z"
    }
}
