/// One point of the scaling sweep: the service with `instances` event loops, under one request mix.
struct ScaleConfiguration: Equatable, Sendable {
    /// Event loops of the one service process (`demo-service --threads`), each with its own `SO_REUSEPORT`
    /// listening socket on the shared port: the kernel spreads connections over them as over processes.
    var instances: Int
    var mix: ScaleMix

    /// Every instance count under every mix, mix by mix (the instance counts of one mix run back to back, so
    /// that drift on a shared machine moves a mix's whole curve rather than one of its points).
    static func all(instances: [Int], mixes: [ScaleMix]) -> [ScaleConfiguration] {
        mixes.flatMap { mix in instances.map { ScaleConfiguration(instances: $0, mix: mix) } }
    }

    /// The result's parameters in the report: `instances=2,mix=login`.
    var parameters: [String: String] { ["instances": String(instances), "mix": mix.rawValue] }

    /// `instances=2 mix=login`, for progress lines.
    var label: String { "instances=\(instances) mix=\(mix.rawValue)" }

    /// `arguments` with `--threads` set to `threads`: an existing `--threads N` or `--threads=N` is replaced
    /// (the service refuses a flag given twice), else the flag is appended.
    static func serviceArguments(_ arguments: [String], threads: Int) -> [String] {
        var result: [String] = []
        var index = 0
        var replaced = false
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--threads", index + 1 < arguments.count {
                result += ["--threads", String(threads)]
                index += 2
                replaced = true
                continue
            }
            if argument.hasPrefix("--threads=") {
                result.append("--threads=\(threads)")
                replaced = true
            } else {
                result.append(argument)
            }
            index += 1
        }
        return replaced ? result : result + ["--threads", String(threads)]
    }
}
