import MemProbe

/// Leaks once per call, in the way its `LeakInjection` says.
///
/// The leaked memory is never given back, not even when the injector goes away: the retain cycles are
/// unreachable, and the 64-byte blocks stay allocated after the registry that listed them is gone.
final class LeakInjector {
    let kind: LeakInjection
    private var kept: [UnsafeMutableRawPointer] = []

    init(_ kind: LeakInjection) {
        self.kind = kind
    }

    /// Leaks one more object graph or block.
    func leakOnce() {
        switch kind {
        case .retainCycle:
            let request = PendingRequest()
            request.onComplete = { request.completed += 1 }
        case .bytes64:
            kept.append(UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16))
        }
    }
}

/// A request waiting for its response; the retain-cycle leak stores a closure in it that captures it.
final class PendingRequest {
    /// How many `PendingRequest`s are alive: leak snapshots list it.
    static let census = InstanceCensus.shared.counter(for: PendingRequest.self)

    var onComplete: (() -> Void)?
    var completed = 0

    init() {
        Self.census.increment()
    }

    deinit {
        Self.census.decrement()
    }
}
