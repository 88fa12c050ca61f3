import PerfSupport

/// The service samples in the sidecar: every sample as parallel arrays (`null` for a field a sample lacks),
/// so that a report read back has the same figures, plus the per-second series drawn from them.
extension LoadResult {
    /// The `service` member of the sidecar, or `nil` without a sampled service.
    var serviceSidecar: JSONValue? {
        guard let service else { return nil }
        let samples = service.samples
        func column(_ values: [Int?]) -> JSONValue { .array(values.map { $0.map(JSONValue.number) ?? .null }) }
        return .object([
            .init(key: "pid", value: .number(Int(service.pid))),
            .init(key: "processors", value: .number(service.processors)),
            .init(key: "intervalNs", value: .number(service.intervalNs)),
            .init(
                key: "samples",
                value: .object([
                    .init(key: "monotonicNs", value: .array(samples.map { .number($0.monotonicNs) })),
                    .init(key: "epochNs", value: .array(samples.map { .number($0.epochNs) })),
                    .init(key: "residentBytes", value: column(samples.map(\.residentBytes))),
                    .init(key: "cpuNs", value: .array(samples.map { $0.cpuNs.map(JSONValue.number) ?? .null })),
                    .init(key: "threads", value: column(samples.map(\.threads))),
                    .init(key: "openFiles", value: column(samples.map(\.openFiles))),
                    .init(key: "voluntaryContextSwitches", value: column(samples.map(\.voluntaryContextSwitches))),
                    .init(
                        key: "involuntaryContextSwitches", value: column(samples.map(\.involuntaryContextSwitches))),
                ])),
        ])
    }

    /// The per-second service series of the sidecar's `perSecond`: `serviceRssBytes` (the second's largest)
    /// and `serviceCpuPercent` (of one core); none without a sampled service.
    var servicePerSecondSidecar: [JSONValue.Member] {
        guard service != nil else { return [] }
        let seconds = servicePerSecond
        return [
            .init(
                key: "serviceRssBytes", value: .array(seconds.map { $0.residentBytes.map(JSONValue.number) ?? .null })),
            .init(
                key: "serviceCpuPercent", value: .array(seconds.map { $0.cpuPercent.map(JSONValue.number) ?? .null })),
        ]
    }

    /// Reads the `service` member back; `bad` names the place of a mistake.
    static func service(sidecar json: JSONValue?, bad: (String, String) -> LoadGenError) throws(LoadGenError)
        -> ServiceSamples?
    {
        guard let json, json != .null else { return nil }
        guard let pid = json["pid"]?.intValue, let processors = json["processors"]?.intValue,
            let interval = json["intervalNs"]?.uint64Value, let columns = json["samples"]
        else { throw bad("service", "expected pid, processors, intervalNs and samples") }
        func column<Value>(_ key: String, _ convert: (JSONValue) -> Value?) throws(LoadGenError) -> [Value?] {
            guard case let .array(values)? = columns[key] else {
                throw bad("service.samples.\(key)", "expected an array")
            }
            var result: [Value?] = []
            for value in values {
                if value == .null {
                    result.append(nil)
                } else if let converted = convert(value) {
                    result.append(converted)
                } else {
                    throw bad("service.samples.\(key)", "expected numbers or null")
                }
            }
            return result
        }
        let monotonic = try column("monotonicNs") { $0.uint64Value }
        let epoch = try column("epochNs") { $0.intValue }
        let resident = try column("residentBytes") { $0.intValue }
        let cpu = try column("cpuNs") { $0.uint64Value }
        let threads = try column("threads") { $0.intValue }
        let openFiles = try column("openFiles") { $0.intValue }
        let voluntary = try column("voluntaryContextSwitches") { $0.intValue }
        let involuntary = try column("involuntaryContextSwitches") { $0.intValue }
        let count = monotonic.count
        guard
            [
                epoch.count, resident.count, cpu.count, threads.count, openFiles.count, voluntary.count,
                involuntary.count,
            ].allSatisfy({ $0 == count })
        else { throw bad("service.samples", "the columns have different lengths") }
        var samples: [ProcessSample] = []
        for index in 0..<count {
            guard let time = monotonic[index], let wall = epoch[index] else {
                throw bad("service.samples", "every sample needs monotonicNs and epochNs")
            }
            samples.append(
                ProcessSample(
                    monotonicNs: time, epochNs: Int64(wall), residentBytes: resident[index], cpuNs: cpu[index],
                    threads: threads[index], openFiles: openFiles[index], voluntaryContextSwitches: voluntary[index],
                    involuntaryContextSwitches: involuntary[index]))
        }
        return ServiceSamples(pid: Int32(clamping: pid), processors: processors, intervalNs: interval, samples: samples)
    }
}
