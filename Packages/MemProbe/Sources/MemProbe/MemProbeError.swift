/// Every way MemProbe can fail; each message says what to do about it.
public enum MemProbeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A leak-check setting is out of range: `setting` names it, `reason` gives the valid range.
    case invalidConfiguration(setting: String, value: String, reason: String)
    /// No process has the given id (or its `/proc` entry is not readable).
    case processNotFound(pid: Int32)
    /// A `/proc` file or other source could not be opened or read.
    case unreadableSource(path: String, reason: String)
    /// A snapshot spec name is empty or has characters other than letters, digits, `-`, `_` and `.`.
    case invalidSpecName(String)
    /// Writing a snapshot failed; `path` is the file or directory at fault.
    case snapshotFailed(path: String, reason: String)
    /// `feature` reads what only Linux provides (`/proc`); this build runs elsewhere (macOS).
    case requiresLinux(feature: String)

    public var description: String {
        switch self {
        case let .invalidConfiguration(setting, value, reason):
            return "invalid leak-check setting \(setting) = \(value): \(reason)"
        case let .processNotFound(pid):
            return "no process with id \(pid) (or /proc/\(pid)/status is not readable): "
                + "check that the process is running and owned by this user"
        case let .unreadableSource(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .invalidSpecName(name):
            return "invalid spec name \"\(name)\": use letters, digits, '-', '_' or '.', e.g. \"lru-cache\""
        case let .snapshotFailed(path, reason):
            return "\(path): cannot write the snapshot: \(reason); check that the directory is writable"
        case let .requiresLinux(feature):
            return "\(feature) needs Linux (it reads /proc), which this system is not"
        }
    }
}
