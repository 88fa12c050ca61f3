import Observation
import Testing
import ViewModelPool

#if canImport(SwiftUI)
import SwiftUI
#endif

/// The Swift examples of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
/// The example's types are nested here so that they do not clash with the tests' own `Message` and
/// `MessageRow`.
@Suite struct ReadmeExampleTests {
    // README: begin viewmodelpool-row
    struct Message: Identifiable, Equatable {
        let id: Int
        var author: String
        var text: String
    }

    @MainActor @Observable
    final class MessageRow: PoolableViewModel {
        var author = ""
        var text = ""
        @ObservationIgnored private var shown: Message? // what configure last showed
        @ObservationIgnored var typing: Task<Void, Never>?

        init() {} // cheap, no UI references
        static func id(of message: Message) -> Message.ID { message.id }
        func configure(with message: Message) { // on acquire and on every update that keeps the key
            if shown?.author != message.author { author = message.author } // write only what changed
            if shown?.text != message.text { text = message.text }
            shown = message
        }
        func prepareForReuse() { // restore everything, cancel work
            (author, text, shown) = ("", "", nil)
            typing?.cancel()
            typing = nil
        }
    }
    // README: end viewmodelpool-row

    @Test @MainActor func theListKeepsRowsByKeyAndReusesTheViewModelOfARemovedRow() throws {
        // README: begin viewmodelpool-list
        let pool = ViewModelPool<MessageRow>(maxIdle: 16) // one per view-model type, shared by lists
        let list = PooledList(pool: pool) // @Observable
        let hello = Message(id: 1, author: "ann", text: "hello")
        list.update([hello, Message(id: 2, author: "bob", text: "hi")]) // two rows, two new view models
        let changes = list.update([Message(id: 3, author: "cy", text: "hey"), hello]) // 2's model shows 3
        // ChangeSummary(inserted: 1, removed: 1, kept: 1, duplicates: 0, rowsChanged: true)
        for row in list.rows { print(row.id, row.model.text) } // rows in the items' order: 3 hey, 1 hello
        list.releaseAll() // unmount: everything back to the pool
        // README: end viewmodelpool-list

        #expect(changes == ChangeSummary(inserted: 1, removed: 1, kept: 1, duplicates: 0, rowsChanged: true))
        #expect(pool.stats.created == 2)
        #expect(pool.stats.reused == 1)
        #expect(pool.idleCount == 2)
        #expect(list.rows.isEmpty)
    }

    @Test @MainActor func theViewModelResetsEveryField() {
        let row = MessageRow()
        row.configure(with: Message(id: 1, author: "ann", text: "hello"))
        row.prepareForReuse()
        #expect(row.resetDifferences() == [])
    }

    // The SwiftUI example is compiled where SwiftUI exists (Apple platforms); Linux has no SwiftUI.
    #if canImport(SwiftUI)
    // README: begin viewmodelpool-swiftui
    @MainActor
    final class ChatScreenModel {
        // Built here, in an object the parent owns, not as a `@State` default: SwiftUI evaluates a
        // `@State` default every time it re-creates the view value, and would build (and drop) lists.
        let list: PooledList<MessageRow>
        init(pool: ViewModelPool<MessageRow>) { list = PooledList(pool: pool) }
    }

    struct ChatView: View {
        let screen: ChatScreenModel
        let messages: [Message]

        var body: some View {
            List {
                ForEach(screen.list.rows) { row in // identity: the message's key, not the object
                    MessageRowView(model: row.model)
                }
            }
            .onAppear { screen.list.update(messages) }
            .onChange(of: messages) { _, latest in screen.list.update(latest) }
            .onDisappear { screen.list.releaseAll() } // unmount, as Solid's onCleanup
        }
    }

    struct MessageRowView: View {
        let model: MessageRow // @Observable: the row redraws when configure writes
        var body: some View { Text("\(model.author): \(model.text)") }
    }
    // README: end viewmodelpool-swiftui
    #endif
}
