import Pooling

/// The pools the cases use: made once per run and shared by its rounds, so every round after the
/// first measures warm pools. Each case has a pool of its own, so each hit rate is the case's.
struct PoolFixtures: Sendable {
    /// `object/pool`.
    let objects = PooledObject.makePool(name: "object")
    /// `buffer4k/pool`: the default size classes, 4 KiB to 64 KiB.
    let buffers4k = BufferPool(name: "buffer4k")
    /// `buffer64k/pool`.
    let buffers64k = BufferPool(name: "buffer64k")
    /// `threads1/pool` and `threads2/pool`: one pool that one, then two threads use at once.
    let shared = PooledObject.makePool(name: "threads")
}
