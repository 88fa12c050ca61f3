import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM (Ctrl-C, `timeout`): the load stops early and the service started for the run is stopped
/// (it lives in its own process group, so a signal to ours does not reach it). `ab` and `scale` then exit 2; a
/// soak that has samples writes its partial report and exits 128 + the signal's number (130, 143).
enum Interruption {
    private static let received = Atomic<Int32>(0)

    /// Whether a stop was requested.
    static var requested: Bool { receivedSignal != nil }

    /// The signal that requested the stop (the first one), or `nil`.
    static var receivedSignal: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Installs the handlers.
    static func install() {
        _ = received.load(ordering: .relaxed)
        signal(SIGINT) { number in Interruption.record(number) }
        signal(SIGTERM) { number in Interruption.record(number) }
    }

    /// The exit status of a run stopped by `signal`: 128 + its number, as a shell reports it.
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// `SIGINT`, `SIGTERM`, or `signal N`.
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "signal \(signal)"
        }
    }

    private static func record(_ number: Int32) {
        _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }
}
