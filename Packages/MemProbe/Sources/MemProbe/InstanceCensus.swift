import Synchronization

/// A registry of live-instance counters for the types that opt in, read by leak snapshots.
///
/// A type opts in with one static counter and two calls:
///
/// ```swift
/// final class Session {
///     static let census = InstanceCensus.shared.counter(for: Session.self)
///     init() { Self.census.increment() }
///     deinit { Self.census.decrement() }
/// }
/// ```
///
/// A snapshot then lists how many `Session`s are alive, which points at what a leak retains.
/// Counting is one relaxed atomic add; registering takes a lock, once per type.
public final class InstanceCensus: Sendable {
    /// The registry leak snapshots read by default.
    public static let shared = InstanceCensus()

    private let counters = Mutex<[String: LiveInstanceCounter]>([:])

    /// Creates an empty registry (tests use their own; programs use `shared`).
    public init() {}

    /// The counter for the type named `typeName`, created on first use; the same name gives the same counter.
    /// - Complexity: O(1) on average, under a lock.
    public func counter(named typeName: String) -> LiveInstanceCounter {
        counters.withLock { counters in
            if let existing = counters[typeName] { return existing }
            let counter = LiveInstanceCounter(typeName: typeName)
            counters[typeName] = counter
            return counter
        }
    }

    /// The counter for `type`, named by its fully qualified name (e.g. `MyApp.Session`).
    public func counter<T>(for type: T.Type) -> LiveInstanceCounter {
        counter(named: String(reflecting: type))
    }

    /// The live instances of every registered type, by type name.
    /// - Complexity: O(*t*) for *t* registered types.
    public func liveInstances() -> [String: Int] {
        counters.withLock { counters in counters.mapValues(\.count) }
    }
}

/// The number of live instances of one type, kept by the type's initializer and deinitializer.
public final class LiveInstanceCounter: Sendable {
    /// The type's name.
    public let typeName: String
    private let live = Atomic<Int>(0)

    init(typeName: String) {
        self.typeName = typeName
    }

    /// Counts an instance created. Call it from `init`.
    public func increment() {
        live.add(1, ordering: .relaxed)
    }

    /// Counts an instance destroyed. Call it from `deinit`.
    public func decrement() {
        live.subtract(1, ordering: .relaxed)
    }

    /// The instances alive now.
    public var count: Int {
        live.load(ordering: .relaxed)
    }
}
