import MemProbe
import Testing

private final class Tracked {
    let counter: LiveInstanceCounter
    init(_ counter: LiveInstanceCounter) {
        self.counter = counter
        counter.increment()
    }
    deinit { counter.decrement() }
}

@Suite struct InstanceCensusTests {
    @Test func liveInstancesFollowInitAndDeinit() {
        let census = InstanceCensus()
        let counter = census.counter(for: Tracked.self)
        var kept = (0..<10).map { _ in Tracked(counter) }
        #expect(counter.count == 10)
        kept.removeLast(4)
        #expect(census.liveInstances() == [counter.typeName: 6])
        #expect(counter.typeName.hasSuffix("Tracked"))
        kept.removeAll()
        #expect(counter.count == 0)
    }

    @Test func sameNameGivesTheSameCounter() {
        let census = InstanceCensus()
        let first = census.counter(named: "Session")
        let second = census.counter(named: "Session")
        first.increment()
        #expect(second.count == 1)
        #expect(first === second)
        #expect(census.liveInstances() == ["Session": 1])
        #expect(InstanceCensus().liveInstances().isEmpty)
    }
}
