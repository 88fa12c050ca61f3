import Synchronization

/// Where `/metrics` takes its figures from: nothing yet, a running test or coordinator, then the exact final
/// figures. Safe from any thread: the metrics server reads it while the run's own thread switches it.
///
/// ```swift
/// let feed = LiveFeed()
/// feed.follow { test.liveFigures() }      // while it runs
/// feed.finish(LiveFigures(result: result)) // once it has ended
/// ```
public final class LiveFeed: Sendable {
    private enum Source {
        case waiting
        case following(@Sendable () -> LiveFigures)
        case finished(LiveFigures)
    }

    private let source = Mutex<Source>(.waiting)

    /// A feed with empty figures until `follow` or `finish`.
    public init() {}

    /// From now on the figures are what `provider` returns when asked (on the metrics server's thread).
    public func follow(_ provider: @escaping @Sendable () -> LiveFigures) {
        source.withLock { $0 = .following(provider) }
    }

    /// The run has ended: these figures stay (marked finished) until the server stops.
    public func finish(_ figures: LiveFigures) {
        var final = figures
        final.finished = true
        source.withLock { $0 = .finished(final) }
    }

    /// The current figures (the provider is called outside the lock).
    public func current() -> LiveFigures {
        let now = source.withLock { source -> Source in source }
        switch now {
        case .waiting: return LiveFigures()
        case let .following(provider): return provider()
        case let .finished(figures): return figures
        }
    }
}
