/// The JSON shape of a report. Validation runs while decoding so that every error carries its path.
///
/// ```json
/// { "schema": "perfresult/1", "suite": "micro", "environment": { ... },
///   "results": [ { "name": "stringOps/concat[size=16]", "parameters": { "size": "16" },
///                  "metrics": { "nsPerOp": { "value": 41.5, "unit": "ns", "better": "lower",
///                                            "samples": [41.2, 41.9] } },
///                  "limits": { "allocsPerOp": { "exactly": 0 } } } ] }
/// ```
///
/// `partial` (optional, added within `perfresult/1`; written only as `true`) marks a run stopped before its
/// planned end.
///
/// `limits` (optional, added within `perfresult/1`: older readers ignore it) holds the bounds the benchmark
/// declared (`Limit`): one member per metric key, each with exactly one of `exactly`, `atMost`, `atLeast`,
/// `relativePercent`.
struct ReportCoding: Codable {
    enum Keys: String, CodingKey {
        case schema, suite, environment, results, partial
    }

    var report: Report

    init(_ report: Report) { self.report = report }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let suite = try container.decode(String.self, forKey: .suite)
        guard Report.isValidSuiteName(suite) else {
            throw DecodingError.dataCorruptedError(
                forKey: .suite, in: container, debugDescription: PerfResultError.invalidSuiteName(suite).description)
        }
        let environment = try container.decode(Environment.self, forKey: .environment)
        var results = try container.nestedUnkeyedContainer(forKey: .results)
        // The suite name is valid and the list is empty, so creating the report cannot fail.
        var report = try Report(suite: suite, environment: environment)
        while !results.isAtEnd {
            let result = try results.decode(ResultCoding.self).result
            do {
                try report.append(result)
            } catch {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: results.codingPath + [IndexKey(results.currentIndex - 1), ResultCoding.Keys.name],
                        debugDescription: error.description))
            }
        }
        report.partial = try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false
        self.report = report
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.schema, forKey: .schema)
        try container.encode(report.suite, forKey: .suite)
        try container.encode(report.environment, forKey: .environment)
        try container.encode(report.results.map(ResultCoding.init), forKey: .results)
        if report.partial { try container.encode(true, forKey: .partial) }
    }
}

struct ResultCoding: Codable {
    enum Keys: String, CodingKey {
        case name, parameters, metrics, limits
    }

    var result: Result

    init(_ result: Result) { self.result = result }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let name = try container.decode(String.self, forKey: .name)
        let parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        var result: Result
        do {
            result = try Result(name: name, parameters: parameters)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: error.description)
        }
        let metrics = try container.nestedContainer(keyedBy: MetricKey.self, forKey: .metrics)
        for key in metrics.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard Metric.isValidKey(key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: metrics,
                    debugDescription: PerfResultError.invalidMetricKey(key.stringValue).description)
            }
            let body = try metrics.decode(MetricBody.self, forKey: key)
            // Keys of a JSON object are unique, so adding cannot find a duplicate.
            try? result.add(
                Metric(
                    validKey: key.stringValue, value: body.value, unit: body.unit, better: body.better,
                    samples: body.samples))
        }
        if container.contains(.limits) {
            let limits = try container.nestedContainer(keyedBy: MetricKey.self, forKey: .limits)
            for key in limits.allKeys {
                guard Metric.isValidKey(key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: limits,
                        debugDescription: PerfResultError.invalidMetricKey(key.stringValue).description)
                }
                result.limits[key.stringValue] = try limits.decode(LimitCoding.self, forKey: key).limit
            }
        }
        self.result = result
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.name, forKey: .name)
        if !result.parameters.isEmpty { try container.encode(result.parameters, forKey: .parameters) }
        var metrics = container.nestedContainer(keyedBy: MetricKey.self, forKey: .metrics)
        for metric in result.metrics {
            try metrics.encode(
                MetricBody(value: metric.value, unit: metric.unit, better: metric.better, samples: metric.samples),
                forKey: MetricKey(metric.key))
        }
        if !result.limits.isEmpty {
            var limits = container.nestedContainer(keyedBy: MetricKey.self, forKey: .limits)
            for (key, limit) in result.limits.sorted(by: { $0.key < $1.key }) {
                try limits.encode(LimitCoding(limit), forKey: MetricKey(key))
            }
        }
    }
}

/// A declared limit as JSON: an object with exactly one member, `exactly`, `atMost`, `atLeast` (the bound) or
/// `relativePercent` (the allowed worsening in percent).
struct LimitCoding: Codable {
    enum Keys: String, CodingKey, CaseIterable {
        case exactly, atMost, atLeast, relativePercent
    }

    var limit: Limit

    init(_ limit: Limit) { self.limit = limit }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let present = Keys.allCases.filter(container.contains)
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "a limit needs exactly one of exactly, atMost, atLeast, relativePercent"))
        }
        let value = try container.decode(Double.self, forKey: key)
        switch key {
        case .exactly: limit = .exactly(value)
        case .atMost: limit = .atMost(value)
        case .atLeast: limit = .atLeast(value)
        case .relativePercent: limit = .relative(percent: value)
        }
        if let problem = limit.problem {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: problem)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch limit {
        case let .exactly(bound): try container.encode(bound, forKey: .exactly)
        case let .atMost(bound): try container.encode(bound, forKey: .atMost)
        case let .atLeast(bound): try container.encode(bound, forKey: .atLeast)
        case let .relative(percent): try container.encode(percent, forKey: .relativePercent)
        }
    }
}

/// A metric without its key: the key is the name of its member in `metrics`.
struct MetricBody: Codable {
    enum Keys: String, CodingKey {
        case value, unit, better, samples
    }

    var value: Double
    var unit: Metric.Unit
    var better: Metric.Direction
    var samples: [Double]?

    init(value: Double, unit: Metric.Unit, better: Metric.Direction, samples: [Double]?) {
        self.value = value
        self.unit = unit
        self.better = better
        self.samples = samples
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        value = try container.decode(Double.self, forKey: .value)
        guard value.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: container, debugDescription: "expected a finite number")
        }
        let unitText = try container.decode(String.self, forKey: .unit)
        guard let unit = Metric.Unit(rawValue: unitText) else {
            let known = Metric.Unit.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .unit, in: container, debugDescription: "unknown unit \"\(unitText)\"; expected one of \(known)"
            )
        }
        self.unit = unit
        let betterText = try container.decode(String.self, forKey: .better)
        guard let better = Metric.Direction(rawValue: betterText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .better, in: container,
                debugDescription: "unknown direction \"\(betterText)\"; expected \"higher\" or \"lower\"")
        }
        self.better = better
        samples = try container.decodeIfPresent([Double].self, forKey: .samples)
        if let index = samples?.firstIndex(where: { !$0.isFinite }) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [Keys.samples, IndexKey(index)],
                    debugDescription: "expected a finite number"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(better, forKey: .better)
        try container.encodeIfPresent(samples, forKey: .samples)
    }
}

/// A coding key whose name is a metric key.
struct MetricKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A coding key for an array index, used to report paths such as `results[3]`.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
