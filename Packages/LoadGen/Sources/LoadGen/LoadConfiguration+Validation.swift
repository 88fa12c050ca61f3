import PerfSupport

/// The checks that run before a load test starts; messages name the scenario field at fault.
extension LoadConfiguration {
    /// Checks every setting against its range.
    /// - Parameter file: the scenario file, named in messages when the settings came from one.
    /// - Throws: `LoadGenError.invalidField` naming the first field at fault.
    public func validate(file: String? = nil) throws(LoadGenError) {
        func invalid(_ field: String, _ reason: String) -> LoadGenError {
            .invalidField(field: field, reason: reason, file: file)
        }
        guard !requests.isEmpty else { throw invalid("requests", "give at least one request") }
        for (index, request) in requests.enumerated() {
            try request.validate(field: "requests[\(index)]", file: file)
        }
        guard (1...LoadConfiguration.maximumConnections).contains(connections) else {
            throw invalid("connections", "must be in 1...\(LoadConfiguration.maximumConnections), got \(connections)")
        }
        guard (1...256).contains(threads) else { throw invalid("threads", "must be in 1...256, got \(threads)") }
        guard (1...1024).contains(pipelining) else {
            throw invalid("pipelining", "must be in 1...1024, got \(pipelining)")
        }
        if let count, count < 1 { throw invalid("count", "must be at least 1, got \(count)") }
        if let rate, !(rate > 0 && rate <= 10_000_000) {
            throw invalid("rate", "must be more than 0 and at most 10000000 requests/s, got \(rate)")
        }
        if let secondsKept, !(1...86_400).contains(secondsKept) {
            throw invalid("secondsKept", "must be in 1...86400 (nil keeps every second), got \(secondsKept)")
        }
        if let duration, duration <= .zero || duration > .seconds(86_400) {
            throw invalid("duration", "must be more than 0 and at most 24h, got \(UnitText.format(duration))")
        }
        if !stages.isEmpty {
            if rate != nil { throw invalid("stages", "give either rate or stages, not both") }
            if duration != nil { throw invalid("stages", "give either duration or stages, not both") }
            try validateStages(invalid)
        } else if duration == nil, count == nil {
            throw invalid("duration", "give a duration, a count or stages, so that the run ends")
        }
        guard timeout > .zero, timeout <= .seconds(600) else {
            throw invalid("timeout", "must be more than 0 and at most 10m")
        }
        guard warmup >= .zero, warmup <= .seconds(3600) else { throw invalid("warmup", "must be in 0...1h") }
        guard grace >= .zero, grace <= .seconds(600) else { throw invalid("grace", "must be in 0...10m") }
        if let startAtEpochNs, startAtEpochNs - WallClock.nanosecondsSinceEpoch() > 86_400_000_000_000 {
            throw invalid("startAt", "is more than 24h ahead of this host's clock")
        }
        guard lateThreshold > .zero else { throw invalid("lateThreshold", "must be more than 0") }
        let pool = connectionPool
        guard (1...LoadConfiguration.maximumConnections).contains(pool) else {
            throw invalid(
                "stages", "the largest connection level must be in 1...\(LoadConfiguration.maximumConnections)")
        }
    }

    private func validateStages(_ invalid: (String, String) -> LoadGenError) throws(LoadGenError) {
        guard stages.count <= 1000 else { throw invalid("stages", "at most 1000 stages") }
        let open = stages[0].rate != nil
        var total = Duration.zero
        for (index, stage) in stages.enumerated() {
            let field = "stages[\(index)]"
            guard (stage.rate == nil) != (stage.connections == nil) else {
                throw invalid(field, "give either rate or connections")
            }
            guard (stage.rate != nil) == open else {
                throw invalid(field, "every stage must set the same one of rate or connections as stages[0]")
            }
            if let rate = stage.rate, !(rate >= 0 && rate <= 10_000_000) {
                throw invalid("\(field).rate", "must be in 0...10000000 requests/s, got \(rate)")
            }
            if let connections = stage.connections, !(0...LoadConfiguration.maximumConnections).contains(connections) {
                throw invalid(
                    "\(field).connections", "must be in 0...\(LoadConfiguration.maximumConnections), got \(connections)"
                )
            }
            guard stage.duration > .zero else { throw invalid("\(field).duration", "must be more than 0") }
            total += stage.duration
        }
        guard total <= .seconds(86_400) else { throw invalid("stages", "the stages last more than 24h") }
        guard stages.contains(where: { $0.level > 0 }) else {
            throw invalid("stages", "every stage has level 0, so no request would be sent")
        }
    }
}
