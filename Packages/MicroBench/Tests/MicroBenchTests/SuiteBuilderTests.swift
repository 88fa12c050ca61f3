import PerfResult
import Testing

@testable import MicroBench

@Suite struct SuiteBuilderTests {
    @Test func taskNamesAreSuiteSlashTaskInRegistrationOrder() {
        let suite = Suite("stringOps") { suite in
            suite.bench("concat") {}
            suite.benchBatch("sort") { batch in batch.measure {} }
            suite.bench("lookup", setup: { [1, 2, 3] }) { blackHole($0.count) }
        }
        #expect(suite.tasks().map(\.name) == ["stringOps/concat", "stringOps/sort", "stringOps/lookup"])
        #expect(suite.tasks().map(\.form) == [.closure, .batch, .closure])
    }

    @Test func aSweepGivesOneTaskPerValueWithTheParameterInItsName() {
        let suite = Suite("stringOps") { suite in
            suite.bench("scan", sweeping: "size", over: [16, 256, 4096], throughput: { .bytes($0) }) { size in
                String(repeating: "a", count: size)
            } body: { text in
                blackHole(text.utf8.count)
            }
        }
        let tasks = suite.tasks()
        #expect(
            tasks.map(\.name) == ["stringOps/scan[size=16]", "stringOps/scan[size=256]", "stringOps/scan[size=4096]"])
        #expect(tasks.map(\.parameters) == [["size": "16"], ["size": "256"], ["size": "4096"]])
        #expect(tasks.map(\.throughput) == [.bytes(16), .bytes(256), .bytes(4096)])
    }

    @Test func explicitParametersBecomeASortedSuffix() {
        let suite = Suite("pool") { suite in
            suite.bench("acquire", parameters: ["threads": "4", "capacity": "64"], throughput: .elements(1)) {}
        }
        #expect(suite.tasks().map(\.name) == ["pool/acquire[capacity=64,threads=4]"])
    }

    @Test func setupDoesNotRunWhenTasksAreOnlyRegistered() {
        let suite = Suite("lazy") { suite in
            suite.bench("never", setup: { () -> Int in fatalError("setup ran during registration") }) { _ in }
        }
        #expect(suite.tasks().count == 1)
    }

    @Test func throughputRatesFollowTheMedian() {
        #expect(Throughput.bytes(1_000).perSecond(atNanosecondsPerOperation: 1_000) == 1e9)
        #expect(Throughput.elements(2).perSecond(atNanosecondsPerOperation: 4) == 5e8)
        #expect(Throughput.bytes(8).perSecond(atNanosecondsPerOperation: 0) == 0)
    }

    @Test func duplicateTaskNamesTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("twice") { suite in
                suite.bench("same") {}
                suite.bench("same") {}
            }.tasks()
        }
    }

    @Test func aTaskNameWithWhitespaceTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("names") { suite in suite.bench("has space") {} }.tasks()
        }
    }

    @Test func aSuiteNameWithASlashTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("a/b") { _ in }
        }
    }

    @Test func aSweepOverNoValuesTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("sweep") { suite in
                suite.bench("none", sweeping: "size", over: [Int](), setup: { $0 }) { _ in }
            }.tasks()
        }
    }

    @Test func aBatchBodyThatNeverCallsMeasureTraps() async {
        await #expect(processExitsWith: .failure) {
            let suite = Suite("batch") { suite in suite.benchBatch("forgot") { _ in } }
            _ = Sampler(policy: .quick).measure(suite)
        }
    }

    @Test func aBatchBodyThatCallsMeasureTwiceTraps() async {
        await #expect(processExitsWith: .failure) {
            let suite = Suite("batch") { suite in
                suite.benchBatch("twice") { batch in
                    batch.measure {}
                    batch.measure {}
                }
            }
            _ = Sampler(policy: .quick).measure(suite)
        }
    }
}
