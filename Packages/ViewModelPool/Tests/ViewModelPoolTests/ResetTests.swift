import Testing
import ViewModelPool

@MainActor @Suite struct ResetTests {
    @Test func aReacquiredViewModelEqualsAFreshOneFieldByField() {
        let pool = ViewModelPool<MessageRow>()
        let row = pool.acquire()
        row.configure(with: Message(id: 9, text: "nine"))
        row.tags = ["pinned", "unread"]
        row.onTap = {}
        row.work = Task {}
        pool.release(row)
        let reused = pool.acquire()
        #expect(reused === row)
        #expect(reused.resetDifferences() == [])
        // The same comparison by hand, with Mirror: every stored property, Observation's included.
        let fresh = MessageRow()
        let reusedFields = Mirror(reflecting: reused).children.map { ($0.label ?? "", String(reflecting: $0.value)) }
        let freshFields = Mirror(reflecting: fresh).children.map { ($0.label ?? "", String(reflecting: $0.value)) }
        #expect(reusedFields.map(\.0) == freshFields.map(\.0))
        for ((label, value), (_, freshValue)) in zip(reusedFields, freshFields) where label != "_$observationRegistrar"
        {
            #expect(value == freshValue, "\(label)")
        }
    }

    @Test func aForgottenFieldIsReportedByName() {
        let row = ForgetfulRow()
        row.configure(with: Message(id: 1, text: "one"))
        row.configure(with: Message(id: 1, text: "one"))
        row.prepareForReuse()
        #expect(row.resetDifferences() == ["unread: 2 (fresh: 0)"])
    }

    @Test func aLeftoverClosureOrTaskIsReported() {
        let row = MessageRow()
        row.onTap = {}
        #expect(row.resetDifferences().count == 1)
        #expect(row.resetDifferences().first?.hasPrefix("onTap: ") == true)
    }
}
