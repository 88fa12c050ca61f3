/// A view model that a `ViewModelPool` can reuse: cheap to create empty, configured from a domain item,
/// and restored to its fresh state before reuse.
///
/// ```swift
/// @MainActor @Observable
/// final class MessageRow: PoolableViewModel {
///     var author = ""
///     var text = ""
///     @ObservationIgnored var typing: Task<Void, Never>?
///
///     init() {}                                             // cheap, no UI references
///     static func id(of message: Message) -> Message.ID { message.id }
///     func configure(with message: Message) {
///         if author != message.author { author = message.author }  // write only what changed
///         if text != message.text { text = message.text }
///     }
///     func prepareForReuse() {
///         author = ""
///         text = ""
///         typing?.cancel()
///         typing = nil
///     }
/// }
/// ```
///
/// The contract, which the pool cannot check for you (test it with `resetDifferences()`):
/// - `init()` is cheap and holds no UI references (no views, no view controllers, no window state): a
///   pooled object outlives the screen that used it.
/// - `configure(with:)` runs when a row is created or reused for an item, and again on every update
///   that keeps the row's key, with the item's latest value. Write a property only when its value
///   changes, so that observers of unchanged rows are not invalidated.
/// - `prepareForReuse()` runs on every release, whether the pool keeps the object or discards it. It
///   restores every stored property to its value after `init()`, cancels tasks and subscriptions, and
///   drops captured closures. Keep buffers' capacity (`removeAll(keepingCapacity: true)`): that is
///   what the pool saves.
@MainActor
public protocol PoolableViewModel: AnyObject {
    /// The domain value a row shows, e.g. a chat message.
    associatedtype Item
    /// What identifies an item across updates, e.g. the message's id. Rows are identified by it, never
    /// by the view model's identity.
    associatedtype Key: Hashable

    /// Creates an empty view model. Called by the pool only when no idle one is at hand.
    init()

    /// The key of `item`: two items with equal keys are the same row.
    /// - Complexity: Should be O(1); it runs for every item of every update.
    static func id(of item: Item) -> Key

    /// Shows `item`: called on acquire and on every update that keeps this row's key.
    func configure(with item: Item)

    /// Restores every stored property to its value after `init()` and cancels work in flight.
    func prepareForReuse()
}
