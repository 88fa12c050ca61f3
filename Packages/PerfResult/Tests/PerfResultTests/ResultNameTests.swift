import PerfResult
import Testing

@Suite struct ResultNameTests {
    @Test func groupSlashCaseIsAccepted() throws {
        let result = try Result(name: "stringOps/concat")
        #expect(result.name == "stringOps/concat")
        #expect(result.group == "stringOps")
        #expect(result.baseName == "stringOps/concat")
    }

    @Test func nameWithoutSlashIsRejectedWithAnExample() {
        #expect(
            throws: PerfResultError.invalidResultName(
                "concat", reason: "it needs at least one '/' between a group and a case")
        ) {
            try Result(name: "concat")
        }
        let message = PerfResultError.invalidResultName(
            "concat", reason: "it needs at least one '/' between a group and a case"
        ).description
        #expect(
            message
                == "invalid result name \"concat\": it needs at least one '/' between a group and a case; use group/case, e.g. \"stringOps/concat\" or \"stringOps/concat[size=4096]\""
        )
    }

    @Test(arguments: ["/concat", "stringOps/", "a//b"])
    func emptySegmentsAreRejected(name: String) {
        #expect(
            throws: PerfResultError.invalidResultName(
                name, reason: "it has an empty segment (leading, trailing or double '/')")
        ) {
            try Result(name: name)
        }
    }

    @Test func whitespaceInASegmentIsRejected() {
        #expect(
            throws: PerfResultError.invalidResultName(
                "string ops/concat", reason: "segment \"string ops\" contains whitespace")
        ) {
            try Result(name: "string ops/concat")
        }
    }

    @Test func parametersBecomeASortedSuffix() throws {
        let result = try Result(name: "buffer/pool", parameters: ["threads": "2", "size": "4096"])
        #expect(result.name == "buffer/pool[size=4096,threads=2]")
        #expect(result.baseName == "buffer/pool")
        #expect(result.parameters == ["size": "4096", "threads": "2"])
    }

    @Test func aSuffixInTheNameIsReadAsParameters() throws {
        let result = try Result(name: "stringOps/split[size=256]")
        #expect(result.parameters == ["size": "256"])
    }

    @Test func aSuffixThatContradictsTheParametersIsRejected() {
        #expect(throws: PerfResultError.self) {
            try Result(name: "stringOps/split[size=256]", parameters: ["size": "16"])
        }
    }

    @Test(arguments: ["a/b[size]", "a/b[size=1,size=2]", "a/b[size=1", "a/b[=1]"])
    func malformedSuffixesAreRejected(name: String) {
        #expect(throws: PerfResultError.self) { try Result(name: name) }
    }

    @Test func metricKeysMustBeCamelCase() {
        #expect(throws: PerfResultError.invalidMetricKey("NsPerOp")) {
            try Metric(key: "NsPerOp", value: 1, unit: .nanoseconds, better: .lower)
        }
        #expect(throws: PerfResultError.invalidMetricKey("ns-per-op")) {
            try Metric(key: "ns-per-op", value: 1, unit: .nanoseconds, better: .lower)
        }
        #expect(
            PerfResultError.invalidMetricKey("NsPerOp").description
                == "invalid metric key \"NsPerOp\": use camelCase letters and digits starting with a lowercase letter, e.g. \"nsPerOp\""
        )
    }

    @Test func aSuiteMayDeclareItsOwnMetricWithUnitAndDirection() throws {
        let metric = try Metric(key: "messagesPerSec", value: 1200, unit: .perSecond, better: .higher)
        #expect(metric.key == "messagesPerSec")
        #expect(metric.better == .higher)
    }

    @Test func typedConstructorsSpellTheSharedKeysWithTheirDirection() {
        #expect(Metric.nsPerOp(1).key == "nsPerOp")
        #expect(Metric.nsPerOp(1).better == .lower)
        #expect(Metric.opsPerSec(1).better == .higher)
        #expect(Metric.latencyP999Ms(1).key == "latencyP99_9Ms")
        #expect(Metric.hitRate(1).better == .higher)
        #expect(Metric.allocsPerOp(1).unit == .count)
        #expect(Metric.requestsPerSec(1).unit == .requestsPerSecond)
        for metric in [Metric.nsPerOp(1), .latencyP9999Ms(1), .clientCpuUsPerRequest(1), .heapSlopeBytesPerIter(1)] {
            #expect(Metric.isValidKey(metric.key))
        }
    }

    @Test func aResultHoldsEachMetricOnce() throws {
        #expect(throws: PerfResultError.duplicateMetric("nsPerOp", result: "a/b")) {
            try Result(name: "a/b", metrics: [.nsPerOp(1), .nsPerOp(2)])
        }
    }

    @Test func reportsRejectDuplicateResultNames() throws {
        var report = try Report(suite: "micro", environment: fixedEnvironment())
        try report.append(Result(name: "a/b"))
        #expect(throws: PerfResultError.duplicateResult("a/b", suite: "micro")) {
            try report.append(Result(name: "a/b"))
        }
        #expect(
            PerfResultError.duplicateResult("a/b", suite: "micro").description
                == "duplicate result name \"a/b\" in suite \"micro\": give every result a unique name (a parameter sweep adds e.g. [size=16])"
        )
    }

    @Test func suiteNamesAreRestrictedToFileNameSafeCharacters() {
        #expect(throws: PerfResultError.invalidSuiteName("micro bench")) {
            try Report(suite: "micro bench", environment: fixedEnvironment())
        }
        #expect(throws: PerfResultError.invalidSuiteName("")) {
            try Report(suite: "", environment: fixedEnvironment())
        }
    }
}
