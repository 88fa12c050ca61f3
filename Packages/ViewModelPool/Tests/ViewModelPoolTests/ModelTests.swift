import PerfSupport
import Testing
import ViewModelPool

/// Seeded random updates checked against a dictionary oracle.
@MainActor @Suite struct ModelTests {
    @Test(arguments: [DuplicateKeyPolicy.keepFirst, .keepLast], [UInt64(1), 2, 3, 4])
    func randomUpdatesMatchADictionaryOracle(policy: DuplicateKeyPolicy, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pool = ViewModelPool<MessageRow>(maxIdle: 3)
        let list = PooledList(pool: pool, duplicatePolicy: policy)
        var previous: [Int: ObjectIdentifier] = [:]
        for step in 0..<300 {
            let count = random.next(below: 40)
            let items = (0..<count).map { _ in
                Message(id: random.next(below: 60), text: "v\(random.next(below: 3))")
            }
            list.update(items)

            // The oracle: the distinct keys in order of first appearance, each with its first or last item.
            var order: [Int] = []
            var expected: [Int: String] = [:]
            for item in items {
                if expected[item.id] == nil {
                    order.append(item.id)
                    expected[item.id] = item.text
                } else if policy == .keepLast {
                    expected[item.id] = item.text
                }
            }
            #expect(list.rows.map(\.id) == order, "step \(step)")
            #expect(list.rows.allSatisfy { $0.model.messageID == $0.id && $0.model.text == expected[$0.id] })
            // Kept keys keep their object; no object is in two rows.
            let objects = list.rows.map { ObjectIdentifier($0.model) }
            #expect(Set(objects).count == objects.count)
            for row in list.rows {
                if let old = previous[row.id] { #expect(old == ObjectIdentifier(row.model)) }
            }
            previous = Dictionary(uniqueKeysWithValues: list.rows.map { ($0.id, ObjectIdentifier($0.model)) })
            // None is both live and idle: acquiring every idle one gives objects not in a row.
            let idle = (0..<pool.idleCount).map { _ in pool.acquire() }
            #expect(idle.allSatisfy { previous.values.contains(ObjectIdentifier($0)) == false })
            for model in idle { pool.release(model) }
            let stats = pool.stats
            #expect(stats.isConsistent)
            #expect(stats.live == list.count)
            #expect(stats.idle <= pool.maxIdle)
        }
    }
}
