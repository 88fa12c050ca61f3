import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM (Ctrl-C, `timeout`): the load stops early, the service started for the run is stopped
/// (it lives in its own process group, so a signal to ours does not reach it), and the tool exits 2.
enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Whether a stop was requested.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Installs the handlers.
    static func install() {
        _ = flag.load(ordering: .relaxed)
        signal(SIGINT) { _ in Interruption.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Interruption.flag.store(true, ordering: .relaxed) }
    }
}
