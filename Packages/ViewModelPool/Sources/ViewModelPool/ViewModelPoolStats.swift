import Pooling

/// A snapshot of one view-model pool's counters.
///
/// Definitions (all counts since the pool was created):
/// - `created`: view models made with `init()` because no idle one was at hand.
/// - `reused`: acquisitions served with an idle view model.
/// - `released`: view models handed back (each was reset with `prepareForReuse()`), kept or not.
/// - `discarded`: view models the pool let go of instead of keeping them: releases that found `maxIdle`
///   idle already, and idle ones dropped by `drain()`.
/// - `idle`: view models the pool holds now, at most `maxIdle`.
/// - `live` = `created + reused − released`: view models out with callers (rows) now.
///
/// Every view model the pool created is live, idle or was discarded: `created == live + idle + discarded`.
public struct ViewModelPoolStats: Sendable, Hashable {
    /// View models made with `init()`.
    public var created: Int
    /// Acquisitions served with an idle view model.
    public var reused: Int
    /// View models handed back, kept or not.
    public var released: Int
    /// View models let go of instead of being kept.
    public var discarded: Int
    /// View models held idle now.
    public var idle: Int
    /// The largest `live` count so far.
    public var peakLive: Int

    /// Creates a snapshot from its counters.
    public init(created: Int, reused: Int, released: Int, discarded: Int, idle: Int, peakLive: Int) {
        self.created = created
        self.reused = reused
        self.released = released
        self.discarded = discarded
        self.idle = idle
        self.peakLive = peakLive
    }

    // The derived counts are Pooling's, read through the mapping of `poolStats(name:)`, so that both
    // kinds of pool define them alike.

    /// Every acquisition: `created + reused`.
    public var acquired: Int { counters.acquired }
    /// View models out with callers now: `acquired − released`.
    public var live: Int { counters.inUse }
    /// `reused / acquired`, or 0 before the first acquisition.
    public var hitRate: Double { counters.hitRate }

    private var counters: PoolStats { poolStats(name: "") }
}
