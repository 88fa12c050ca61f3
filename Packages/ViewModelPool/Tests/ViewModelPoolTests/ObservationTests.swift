import Observation
import Testing
import ViewModelPool

/// Whether `onChange` of `withObservationTracking` fires; the flag is local to each test.
@MainActor
final class ChangeFlag {
    var fired = false
}

@MainActor @Suite struct ObservationTests {
    @Test func configuringAKeptRowNotifiesItsObservers() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        list.update(messages([1, 2]))
        let row = try! #require(list.model(for: 2))
        let flag = ChangeFlag()
        withObservationTracking {
            _ = row.text
        } onChange: {
            MainActor.assumeIsolated { flag.fired = true }
        }
        list.update([Message(id: 1, text: "text 1"), Message(id: 2, text: "edited")])
        #expect(flag.fired)
        #expect(row.text == "edited")
    }

    @Test func anUnchangedKeptRowDoesNotNotify() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        list.update(messages([1]))
        let row = try! #require(list.model(for: 1))
        let flag = ChangeFlag()
        withObservationTracking {
            _ = row.text
        } onChange: {
            MainActor.assumeIsolated { flag.fired = true }
        }
        list.update(messages([1, 2]))
        #expect(!flag.fired)
    }

    @Test func rowsNotifyOnInsertRemoveAndMoveButNotOnTheSameItems() {
        let list = PooledList(pool: ViewModelPool<MessageRow>())
        func notifies(_ keys: [Int]) -> Bool {
            let flag = ChangeFlag()
            withObservationTracking {
                _ = list.rows
            } onChange: {
                MainActor.assumeIsolated { flag.fired = true }
            }
            list.update(messages(keys))
            return flag.fired
        }
        #expect(notifies([1, 2, 3]))
        #expect(!notifies([1, 2, 3]))
        #expect(notifies([3, 2, 1]))
        #expect(notifies([3, 2]))
        #expect(notifies([3, 2, 4]))
        list.update(messages([3, 2, 4]))
        let flag = ChangeFlag()
        withObservationTracking {
            _ = list.count
        } onChange: {
            MainActor.assumeIsolated { flag.fired = true }
        }
        list.releaseAll()
        #expect(flag.fired)
    }
}
