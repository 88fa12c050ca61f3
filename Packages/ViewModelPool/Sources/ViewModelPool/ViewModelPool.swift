public import Pooling

/// A bounded pool of idle view models of one type, on the main actor.
///
/// ```swift
/// let pool = ViewModelPool<MessageRow>(maxIdle: 16)
/// let row = pool.acquire()            // an idle view model, or a new one from init()
/// row.configure(with: message)
/// pool.release(row)                   // prepareForReuse(), then kept (or discarded when 16 are idle)
/// ```
///
/// Most code does not call the pool directly: a `PooledList` acquires, configures and releases rows
/// as its items change. Several lists may share one pool (pool by type, never by key: keyed pools
/// that kept objects per key leaked and were removed from Mithril and Inferno).
///
/// **Bounded.** At most `maxIdle` view models are kept idle (UIKit and Android keep a few per type);
/// a release that finds the pool full discards the view model, and `drain()` discards every idle
/// one (call it on a memory warning). Pooling saves allocations and `init()` work, not memory: Swift
/// frees an unpooled view model at once, so a pool only adds the idle ones to what is alive.
///
/// **Main actor.** View models are UI state, so the pool is used from the main actor only: its core is
/// a plain stack, with no lock and no atomic operation. (Pooling's thread-safe `Pool` was measured
/// slower on this path; see README.md.)
///
/// **Misuse checks.** With `strictChecks` (default: on in debug builds) the pool keeps a ledger of
/// the view models out and traps, naming the pool, on a double release or the release of a view model
/// it did not hand out. Without them such a release puts one object in two rows.
@MainActor
public final class ViewModelPool<VM: PoolableViewModel> {
    /// The pool's name, used in misuse traps and as the `pool` label of its metrics.
    public let name: String
    /// The most idle view models kept.
    public let maxIdle: Int
    /// Whether double and foreign releases trap (see the type's documentation).
    public let strictChecks: Bool

    // The counters (kept as the snapshot type itself, so that `stats` is a plain copy) and the idle stack
    // live in memory the pool allocates once: a class's stored `var`s would pay a dynamic exclusivity
    // check (two runtime calls) on every access, several per operation, more than the operation itself.
    // Safety: `nonisolated(unsafe)` only lets `deinit` (nonisolated, and the last user of the pool)
    // free this memory; every other access is from the pool's main-actor-isolated methods.
    @usableFromInline nonisolated(unsafe) let _counters: UnsafeMutablePointer<ViewModelPoolStats>
    @usableFromInline nonisolated(unsafe) let _idle: UnsafeMutablePointer<VM>
    @usableFromInline var _ledger: Set<ObjectIdentifier> = []

    /// Creates an empty pool.
    ///
    /// - Parameters:
    ///   - name: A short name for traps and metrics; `nil` uses the view model's type name.
    ///   - maxIdle: The most idle view models kept; 0 keeps none (every acquire creates one, every
    ///     release discards it, after `prepareForReuse()`).
    ///   - strictChecks: Trap on double and foreign releases; `nil` turns the checks on in debug builds
    ///     of this package only.
    public init(name: String? = nil, maxIdle: Int = 16, strictChecks: Bool? = nil) {
        precondition(maxIdle >= 0, "ViewModelPool: maxIdle must be at least 0, got \(maxIdle)")
        let name = name ?? String(describing: VM.self)
        precondition(!name.isEmpty, "ViewModelPool: name must not be empty")
        self.name = name
        self.maxIdle = maxIdle
        self.strictChecks = strictChecks ?? Self.debugBuild
        _counters = .allocate(capacity: 1)
        _counters.initialize(
            to: ViewModelPoolStats(created: 0, reused: 0, released: 0, discarded: 0, idle: 0, peakLive: 0))
        _idle = .allocate(capacity: max(1, maxIdle))
    }

    deinit {
        _idle.deinitialize(count: _counters.pointee.idle)
        _idle.deallocate()
        _counters.deinitialize(count: 1)
        _counters.deallocate()
    }

    private static var debugBuild: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }

    /// The number of idle view models held now; at most `maxIdle`.
    /// - Complexity: O(1).
    public var idleCount: Int { _counters.pointee.idle }

    /// A snapshot of the pool's counters (see `ViewModelPoolStats`).
    /// - Complexity: O(1).
    public var stats: ViewModelPoolStats { _counters.pointee }

    /// The counters as Pooling's `PoolStats`, labelled with `name`, for `PoolStats.prometheusText(_:)`
    /// and `PoolStats.metrics`.
    /// - Complexity: O(1).
    public var poolStats: PoolStats { stats.poolStats(name: name) }

    // MARK: Hot path

    /// Returns an idle view model (the one released last), or a new one from `init()` when none is idle.
    ///
    /// The view model is the caller's until it passes it to `release(_:)`. Configure it before use.
    /// - Complexity: O(1); allocates only when it creates.
    @inlinable
    public func acquire() -> VM {
        let model: VM
        let idle = _counters.pointee.idle
        if idle > 0 {
            _counters.pointee.idle = idle &- 1
            _counters.pointee.reused &+= 1
            model = (_idle + (idle &- 1)).move()
        } else {
            _counters.pointee.created &+= 1
            model = VM()
        }
        let live = _counters.pointee.created &+ _counters.pointee.reused &- _counters.pointee.released
        if live > _counters.pointee.peakLive { _counters.pointee.peakLive = live }
        if strictChecks { _checkOut(model) }
        return model
    }

    /// Resets `model` with `prepareForReuse()`, then keeps it for a later `acquire()`, or discards it
    /// when `maxIdle` view models are idle already.
    ///
    /// Release each acquired view model exactly once and stop using it.
    /// - Complexity: O(1) plus `prepareForReuse()`; never allocates.
    @inlinable
    public func release(_ model: VM) {
        if strictChecks { _checkIn(model) }
        model.prepareForReuse()
        _counters.pointee.released &+= 1
        let idle = _counters.pointee.idle
        if idle < maxIdle {
            (_idle + idle).initialize(to: model)
            _counters.pointee.idle = idle &+ 1
        } else {
            _counters.pointee.discarded &+= 1
        }
    }

    /// Releases `model` and acquires it again at once, for a reconciler that hands a removed row's view
    /// model straight to a new row: resets it with `prepareForReuse()` and counts one release and one
    /// reuse, without touching the idle view models (so a full pool discards nothing).
    /// - Returns: `model`, reset, to configure for its new row.
    /// - Complexity: O(1) plus `prepareForReuse()`.
    @inlinable
    public func recycle(_ model: VM) -> VM {
        if strictChecks { _checkLive(model) }
        model.prepareForReuse()
        _counters.pointee.released &+= 1
        _counters.pointee.reused &+= 1
        return model
    }

    /// Discards every idle view model (for example on a memory warning). Live ones are not affected.
    /// - Complexity: O(*i*) for *i* idle view models.
    public func drain() {
        let idle = _counters.pointee.idle
        _counters.pointee.idle = 0
        _counters.pointee.discarded += idle
        _idle.deinitialize(count: idle)
    }

    // MARK: Misuse checks

    @usableFromInline
    func _checkOut(_ model: VM) {
        _ledger.insert(ObjectIdentifier(model))
    }

    @usableFromInline
    func _checkIn(_ model: VM) {
        guard _ledger.remove(ObjectIdentifier(model)) != nil else { _misuse(model) }
    }

    @usableFromInline
    func _checkLive(_ model: VM) {
        guard _ledger.contains(ObjectIdentifier(model)) else { _misuse(model) }
    }

    private func _misuse(_ model: VM) -> Never {
        let idle = UnsafeBufferPointer(start: _idle, count: _counters.pointee.idle).contains { $0 === model }
        preconditionFailure(
            "ViewModelPool \"\(name)\": "
                + (idle
                    ? "double release of a \(VM.self) that is already idle in the pool"
                    : "release of a \(VM.self) that this pool did not hand out (or that was discarded)")
                + "; release each acquired view model exactly once, to the pool it came from")
    }
}
