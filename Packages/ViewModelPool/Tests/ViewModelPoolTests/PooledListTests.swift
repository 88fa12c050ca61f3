import PerfSupport
import Testing
import ViewModelPool

@MainActor @Suite struct PooledListTests {
    @Test func theFirstUpdateInsertsARowPerItemInOrder() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        let changes = list.update(messages([3, 1, 2]))
        #expect(changes == ChangeSummary(inserted: 3, removed: 0, kept: 0, duplicates: 0, rowsChanged: true))
        #expect(list.rows.map(\.id) == [3, 1, 2])
        #expect(list.rows.map(\.model.text) == ["text 3", "text 1", "text 2"])
        #expect(list.count == 3)
    }

    @Test func keptKeysKeepTheirViewModelAndAreConfiguredAgain() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        list.update(messages([1, 2, 3]))
        let second = list.model(for: 2)
        let changes = list.update([
            Message(id: 4, text: "new"), Message(id: 2, text: "edited"), Message(id: 1, text: "x"),
        ])
        #expect(changes == ChangeSummary(inserted: 1, removed: 1, kept: 2, duplicates: 0, rowsChanged: true))
        #expect(list.rows.map(\.id) == [4, 2, 1])
        #expect(list.model(for: 2) === second)
        #expect(second?.text == "edited")
        #expect(second?.configureCount == 2)
        #expect(list.model(for: 3) == nil)
    }

    @Test func liveViewModelsEqualTheRowCountAfterEveryTick() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 4)
        let list = PooledList(pool: pool)
        var keys = Array(0..<50)
        var next = 50
        var random = SplitMix64(seed: 42)
        for _ in 0..<200 {
            for _ in 0..<random.next(below: 8) where !keys.isEmpty { keys.remove(at: random.next(below: keys.count)) }
            for _ in 0..<random.next(below: 8) {
                keys.insert(next, at: random.next(below: keys.count + 1))
                next += 1
            }
            list.update(messages(keys))
            #expect(pool.stats.live == list.count)
            #expect(list.count == keys.count)
            #expect(pool.stats.isConsistent)
        }
    }

    @Test func aPurePermutationAcquiresAndReleasesNothingAndKeepsEveryObject() {
        let pool = ViewModelPool<MessageRow>()
        let list = PooledList(pool: pool)
        let keys = Array(0..<100)
        list.update(messages(keys))
        let before = pool.stats
        let objects = Dictionary(uniqueKeysWithValues: list.rows.map { ($0.id, ObjectIdentifier($0.model)) })
        var random = SplitMix64(seed: 7)
        var shuffled = keys
        shuffled.shuffle(using: &random)
        let changes = list.update(messages(shuffled))
        #expect(changes == ChangeSummary(inserted: 0, removed: 0, kept: 100, duplicates: 0, rowsChanged: true))
        #expect(pool.stats == before)
        #expect(list.rows.map(\.id) == shuffled)
        #expect(list.rows.allSatisfy { objects[$0.id] == ObjectIdentifier($0.model) })
    }

    @Test func updatingWithTheSameItemsTwiceChangesNothing() {
        let pool = ViewModelPool<MessageRow>()
        let list = PooledList(pool: pool)
        let items = messages([5, 3, 9])
        list.update(items)
        let rows = list.rows.map { ObjectIdentifier($0.model) }
        let stats = pool.stats
        let changes = list.update(items)
        #expect(changes == ChangeSummary(inserted: 0, removed: 0, kept: 3, duplicates: 0, rowsChanged: false))
        #expect(list.rows.map { ObjectIdentifier($0.model) } == rows)
        #expect(list.rows.map(\.model.text) == ["text 5", "text 3", "text 9"])
        #expect(pool.stats == stats)
    }

    @Test func churnBeyondMaxIdleReusesRemovedViewModelsWithinTheUpdate() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 2)
        let list = PooledList(pool: pool)
        list.update(messages(Array(0..<100)))
        let created = pool.stats.created
        list.update(messages(Array(50..<150)))
        #expect(pool.stats.created == created)
        #expect(pool.stats.discarded == 0)
        #expect(pool.stats.reused == 50)
        #expect(list.rows.map(\.id) == Array(50..<150))
        #expect(list.rows.map(\.model.text) == (50..<150).map { "text \($0)" })
    }

    @Test func removedRowsBeyondNewOnesGoBackToThePool() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 3)
        let list = PooledList(pool: pool)
        list.update(messages(Array(0..<10)))
        let changes = list.update(messages([0, 1]))
        #expect(changes.removed == 8)
        #expect(pool.idleCount == 3)
        #expect(pool.stats.discarded == 5)
        #expect(pool.stats.live == 2)
    }

    @Test func anySequenceOfItemsWorks() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        list.update((1...4).lazy.filter { $0 != 2 }.map { Message(id: $0, text: "\($0)") })
        #expect(list.rows.map(\.id) == [1, 3, 4])
        list.update(messages([4, 3, 1])[...])
        #expect(list.rows.map(\.id) == [4, 3, 1])
    }

    @Test func releaseAllReturnsEveryViewModelAndIsHarmlessTwice() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 8)
        let list = PooledList(pool: pool)
        list.update(messages(Array(0..<5)))
        list.releaseAll()
        #expect(list.rows.isEmpty)
        #expect(
            pool.stats == ViewModelPoolStats(created: 5, reused: 0, released: 5, discarded: 0, idle: 5, peakLive: 5))
        list.releaseAll()
        #expect(pool.stats.released == 5)
        list.update(messages([1, 2]))
        #expect(list.rows.map(\.id) == [1, 2])
        #expect(pool.stats.reused == 2)
    }

    @Test func unmountWithMaxIdleZeroFreesEveryViewModel() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 0)
        var watched: [() -> MessageRow?] = []
        let list = PooledList(pool: pool)
        withExtendedLifetime(list) {
            list.update(messages(Array(0..<20)))
            for row in list.rows { watched.append { [weak model = row.model] in model } }
            #expect(watched.allSatisfy { $0() != nil })
            list.releaseAll()
            #expect(watched.allSatisfy { $0() == nil })
        }
        #expect(pool.stats.live == 0 && pool.stats.discarded == 20)
    }

    @Test func releaseDropsCapturedClosuresAndCancelsTasks() async {
        let pool = ViewModelPool<MessageRow>(maxIdle: 4)
        let list = PooledList(pool: pool)
        weak var closureToken: Token?
        weak var taskToken: Token?
        var handle: Task<Void, Never>?
        do {
            list.update(messages([1]))
            let row = try! #require(list.model(for: 1))
            let first = Token()
            let second = Token()
            closureToken = first
            taskToken = second
            row.onTap = { withExtendedLifetime(first) {} }
            let work = Task {
                while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(1)) }
                withExtendedLifetime(second) {}
            }
            row.work = work
            handle = work
        }
        #expect(closureToken != nil && taskToken != nil)
        list.releaseAll()
        #expect(closureToken == nil)
        await handle?.value
        handle = nil
        #expect(taskToken == nil)
        #expect(pool.idleCount == 1)
    }

    @Test func keepFirstIgnoresLaterDuplicatesAndCountsThem() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        let changes = list.update([
            Message(id: 1, text: "first"), Message(id: 2, text: "b"), Message(id: 1, text: "second"),
        ])
        #expect(changes == ChangeSummary(inserted: 2, removed: 0, kept: 0, duplicates: 1, rowsChanged: true))
        #expect(list.rows.map(\.id) == [1, 2])
        #expect(list.model(for: 1)?.text == "first")
        #expect(list.model(for: 1)?.configureCount == 1)
        list.update([Message(id: 2, text: "b"), Message(id: 2, text: "c")])
        #expect(list.duplicateCount == 2)
        #expect(list.duplicatePolicy == .keepFirst)
    }

    @Test func keepLastKeepsTheFirstPositionWithTheLastItem() {
        let list = PooledList(pool: ViewModelPool<MessageRow>(), duplicatePolicy: .keepLast)
        list.update(messages([1, 2]))
        let changes = list.update([
            Message(id: 2, text: "early"), Message(id: 1, text: "a"), Message(id: 2, text: "late"),
        ])
        #expect(changes == ChangeSummary(inserted: 0, removed: 0, kept: 2, duplicates: 1, rowsChanged: true))
        #expect(list.rows.map(\.id) == [2, 1])
        #expect(list.model(for: 2)?.text == "late")
        #expect(list.model(for: 2)?.configureCount == 2)
    }

    @Test func trapStopsOnADuplicateKeyNamingIt() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await MainActor.run {
                let list = PooledList(pool: ViewModelPool<MessageRow>(), duplicatePolicy: .trap)
                list.update(messages([4, 5, 4]))
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "PooledList<MessageRow>: duplicate key 4 at item 2 of update(_:), with duplicatePolicy .trap; "
                    + "give every item a unique key, or use .keepFirst or .keepLast"), "\(message)")
    }

    @Test func updatingFromConfigureTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await MainActor.run {
                let pool = ViewModelPool<ReentrantRow>()
                let list = PooledList(pool: pool)
                let row = pool.acquire()
                row.list = list
                pool.release(row)
                list.update([Message(id: 1, text: "")])
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("PooledList.update(_:) was called during another update"), "\(message)")
    }
}

/// A view model that updates its own list from `configure(with:)`: a misuse that must trap. Its reset
/// keeps `list` on purpose, so that the pool hands it back ready to misbehave.
@MainActor
final class ReentrantRow: PoolableViewModel {
    var list: PooledList<ReentrantRow>?
    init() {}
    static func id(of message: Message) -> Int { message.id }
    func configure(with message: Message) { list?.update([message]) }
    func prepareForReuse() {}
}
