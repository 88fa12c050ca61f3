@testable import LoadGen

/// A deterministic random number generator (SplitMix64), so that random fixtures repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A configuration aimed at a local `TargetServer`.
func configuration(for server: TargetServer, path: String = "/") throws -> LoadConfiguration {
    LoadConfiguration(target: try Target(url: "http://127.0.0.1:\(server.port)\(path)"))
}

/// A path for a temporary file, unique per call.
func temporaryPath(_ name: String) -> String {
    "/tmp/loadgen-tests-\(UInt64.random(in: 0...UInt64.max))-\(name)"
}
