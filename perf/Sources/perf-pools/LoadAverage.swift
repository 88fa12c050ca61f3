import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's load averages: the threads bar needs two quiet cores, so every run prints them.
struct LoadAverage: Sendable, Equatable {
    /// Over 1, 5 and 15 minutes.
    var oneMinute: Double
    var fiveMinutes: Double
    var fifteenMinutes: Double

    /// The current load averages, or `nil` where the system does not report them.
    static func current() -> LoadAverage? {
        var loads = [0.0, 0.0, 0.0]
        guard getloadavg(&loads, 3) == 3 else { return nil }
        return LoadAverage(oneMinute: loads[0], fiveMinutes: loads[1], fifteenMinutes: loads[2])
    }

    /// `0.80, 1.99, 2.62`.
    var text: String {
        [oneMinute, fiveMinutes, fifteenMinutes].map { NumberText.fixed($0, decimals: 2) }.joined(separator: ", ")
    }
}
