import PerfSupport

/// The exact data of a result (counts, histograms, per-second series) as JSON, so that `loadgen merge`
/// can combine runs bit for bit. It rides in the report file beside the PerfResult fields.
extension LoadResult {
    var sidecar: JSONValue {
        func histogram(_ histogram: LatencyHistogram) -> JSONValue { histogram.json }
        func series(_ values: [UInt64?]) -> JSONValue {
            .array(values.map { $0.map(JSONValue.number) ?? .null })
        }
        let counts: [(String, UInt64)] = [
            ("sent", sent), ("warmupSent", warmupSent), ("warmupSkipped", warmupSkipped), ("completed", completed),
            ("completedInWindow", completedInWindow), ("drained", drained), ("abandoned", abandoned),
            ("late", late), ("dropped", dropped), ("censored", censored), ("bytesInWindow", bytesInWindow),
            ("httpErrors", httpErrors),
            ("outOfRange", outOfRange), ("clientCpuNs", clientCPUNs),
        ]
        var members: [JSONValue.Member] = [
            .init(key: "target", value: .string(target)),
            .init(key: "model", value: .string(model.rawValue)),
            .init(key: "connections", value: .number(connections)),
            .init(key: "threads", value: .number(threads)),
            .init(key: "pipelining", value: .number(pipelining)),
            .init(key: "targetRate", value: targetRate.map(JSONValue.number) ?? .null),
            .init(key: "startedAtEpochNs", value: .number(startedAtEpochNs)),
            .init(key: "windowNs", value: .number(windowNs)),
            .init(key: "counts", value: .object(counts.map { .init(key: $0.0, value: .number($0.1)) })),
            .init(
                key: "errors",
                value: .object(ErrorClass.allCases.map { .init(key: $0.rawValue, value: .number(errors[$0])) })),
            .init(
                key: "statusCodes",
                value: .object(
                    statusCounts.sorted { $0.key < $1.key }.map { .init(key: String($0.key), value: .number($0.value)) }
                )),
            .init(key: "latency", value: histogram(latency)),
            .init(key: "uncorrectedLatency", value: histogram(uncorrectedLatency)),
            .init(
                key: "perSecond",
                value: .object(
                    [
                        .init(key: "second", value: .array(perSecond.map { .number($0.second) })),
                        .init(key: "requests", value: series(perSecond.map(\.requests))),
                        .init(key: "errors", value: series(perSecond.map(\.errors))),
                        .init(key: "bytes", value: series(perSecond.map(\.bytes))),
                        .init(key: "latencyP50Ns", value: series(perSecond.map(\.latencyP50Ns))),
                        .init(key: "latencyP99Ns", value: series(perSecond.map(\.latencyP99Ns))),
                    ] + servicePerSecondSidecar)),
        ]
        // Written only for a run that kept its last seconds: a sidecar without it holds every second.
        if secondsDropped > 0 { members.append(.init(key: "secondsDropped", value: .number(secondsDropped))) }
        if let service = serviceSidecar { members.append(.init(key: "service", value: service)) }
        if let shard {
            members.append(
                .init(
                    key: "shard",
                    value: .object([
                        .init(key: "index", value: .number(shard.index)),
                        .init(key: "count", value: .number(shard.count)),
                    ])))
        }
        if let actualStartEpochNs {
            members.append(.init(key: "actualStartEpochNs", value: .number(actualStartEpochNs)))
        }
        if let tls {
            let tlsMembers: [JSONValue.Member] = [
                .init(key: "verification", value: .string(tls.verification)),
                .init(key: "resumption", value: .bool(tls.resumption)),
                .init(key: "protocol", value: tls.protocolVersion.map(JSONValue.string) ?? .null),
                .init(key: "fullHandshakes", value: .number(tls.fullHandshakes)),
                .init(key: "resumedHandshakes", value: .number(tls.resumedHandshakes)),
                .init(key: "connectTime", value: histogram(tls.connectTime)),
                .init(key: "handshakeTime", value: histogram(tls.handshakeTime)),
                .init(
                    key: "failureReasons",
                    value: .object(
                        tls.failureReasons.sorted { $0.key < $1.key }.map {
                            .init(key: $0.key, value: .number($0.value))
                        })),
            ]
            members.append(.init(key: "tls", value: .object(tlsMembers)))
        }
        return .object(members)
    }

    /// Reads a result back from its sidecar; `path` and `field` name the place in error messages.
    init(sidecar json: JSONValue, path: String, field: String) throws(LoadGenError) {
        func bad(_ key: String, _ reason: String) -> LoadGenError {
            .unreadableFile(path: path, reason: "at \(field).\(key): \(reason)")
        }
        func count(_ object: JSONValue?, _ key: String, in parent: String) throws(LoadGenError) -> UInt64 {
            guard let value = object?[key]?.uint64Value else { throw bad("\(parent).\(key)", "expected a count") }
            return value
        }
        func histogram(_ key: String, in parent: JSONValue? = nil) throws(LoadGenError) -> LatencyHistogram {
            do {
                return try LatencyHistogram(json: (parent ?? json)[key])
            } catch {
                throw bad(error.member.map { "\(key).\($0)" } ?? key, error.reason)
            }
        }
        func series(_ key: String) throws(LoadGenError) -> [UInt64?] {
            guard case let .array(values)? = json["perSecond"]?[key] else {
                throw bad("perSecond.\(key)", "expected an array")
            }
            var result: [UInt64?] = []
            for value in values {
                if case .null = value {
                    result.append(nil)
                } else if let number = value.uint64Value {
                    result.append(number)
                } else {
                    throw bad("perSecond.\(key)", "expected counts or null")
                }
            }
            return result
        }
        guard let target = json["target"]?.stringValue else { throw bad("target", "expected a string") }
        guard let modelText = json["model"]?.stringValue, let model = LoadModel(rawValue: modelText) else {
            throw bad("model", "expected \"closed\" or \"open\"")
        }
        let counts = json["counts"]
        var errors = ErrorCounts()
        for errorClass in ErrorClass.allCases {
            // Reports written before https was supported have no tls class: none failed that way.
            if errorClass == .tls, json["errors"]?[errorClass.rawValue] == nil { continue }
            errors[errorClass] = try count(json["errors"], errorClass.rawValue, in: "errors")
        }
        var statusCounts: [Int: UInt64] = [:]
        if case let .object(members)? = json["statusCodes"] {
            for member in members {
                guard let status = Int(member.key), let value = member.value.uint64Value else {
                    throw bad("statusCodes", "expected status codes with counts")
                }
                statusCounts[status] = value
            }
        }
        let seconds = try series("second")
        let requests = try series("requests")
        let errorSeries = try series("errors")
        let bytes = try series("bytes")
        let p50 = try series("latencyP50Ns")
        let p99 = try series("latencyP99Ns")
        guard
            [requests.count, errorSeries.count, bytes.count, p50.count, p99.count].allSatisfy({ $0 == seconds.count })
        else { throw bad("perSecond", "the series have different lengths") }
        var perSecond: [SecondSample] = []
        for index in seconds.indices {
            perSecond.append(
                SecondSample(
                    second: Int(seconds[index] ?? 0), requests: requests[index] ?? 0, errors: errorSeries[index] ?? 0,
                    bytes: bytes[index] ?? 0, latencyP50Ns: p50[index], latencyP99Ns: p99[index]))
        }
        guard let connections = json["connections"]?.intValue, let threads = json["threads"]?.intValue,
            let pipelining = json["pipelining"]?.intValue, let started = json["startedAtEpochNs"]?.intValue
        else { throw bad("connections", "expected connections, threads, pipelining and startedAtEpochNs") }
        self.init(
            target: target, model: model, connections: connections, threads: threads, pipelining: pipelining,
            targetRate: json["targetRate"]?.doubleValue, startedAtEpochNs: Int64(started),
            windowNs: try count(json, "windowNs", in: "result"), sent: try count(counts, "sent", in: "counts"),
            warmupSent: try count(counts, "warmupSent", in: "counts"),
            warmupSkipped: try count(counts, "warmupSkipped", in: "counts"),
            completed: try count(counts, "completed", in: "counts"),
            completedInWindow: try count(counts, "completedInWindow", in: "counts"),
            drained: try count(counts, "drained", in: "counts"),
            abandoned: try count(counts, "abandoned", in: "counts"),
            late: try count(counts, "late", in: "counts"), dropped: try count(counts, "dropped", in: "counts"),
            // Reports written before unsent requests were censored have no count: none of theirs is in `latency`.
            censored: counts?["censored"] == nil ? 0 : try count(counts, "censored", in: "counts"),
            bytesInWindow: try count(counts, "bytesInWindow", in: "counts"),
            httpErrors: try count(counts, "httpErrors", in: "counts"),
            outOfRange: try count(counts, "outOfRange", in: "counts"), errors: errors, statusCounts: statusCounts,
            latency: try histogram("latency"), uncorrectedLatency: try histogram("uncorrectedLatency"),
            perSecond: perSecond, clientCPUNs: try count(counts, "clientCpuNs", in: "counts"),
            // Reports written before services were sampled (or of a run without one) have none.
            service: try LoadResult.service(sidecar: json["service"], bad: bad),
            tls: try tlsStatistics())
        // Reports of whole runs (and those written before shards) have neither.
        if let shard = json["shard"] {
            guard let index = shard["index"]?.intValue, let count = shard["count"]?.intValue,
                let value = try? Shard(index: index, count: count)
            else { throw bad("shard", "expected {index, count} with 0 ≤ index < count") }
            self.shard = value
        }
        if let dropped = json["secondsDropped"] {
            guard let value = dropped.intValue, value >= 0 else { throw bad("secondsDropped", "expected a count") }
            secondsDropped = value
        }
        if let start = json["actualStartEpochNs"] {
            guard let value = start.intValue else { throw bad("actualStartEpochNs", "expected an integer") }
            actualStartEpochNs = Int64(value)
        }

        /// The `tls` member: written for https runs only.
        func tlsStatistics() throws(LoadGenError) -> TLSStatistics? {
            guard let object = json["tls"] else { return nil }
            guard let verification = object["verification"]?.stringValue,
                case let .bool(resumption)? = object["resumption"]
            else { throw bad("tls", "expected verification and resumption") }
            var tls = TLSStatistics(verification: verification, resumption: resumption)
            tls.protocolVersion = object["protocol"]?.stringValue
            tls.connectTime = try histogram("connectTime", in: object)
            tls.handshakeTime = try histogram("handshakeTime", in: object)
            tls.fullHandshakes = try count(object, "fullHandshakes", in: "tls")
            tls.resumedHandshakes = try count(object, "resumedHandshakes", in: "tls")
            if case let .object(members)? = object["failureReasons"] {
                for member in members {
                    guard let value = member.value.uint64Value else {
                        throw bad("tls.failureReasons", "expected counts")
                    }
                    tls.failureReasons[member.key] = value
                }
            }
            return tls
        }
    }
}
