/// Strict pools: every operation goes through the shared store's lock, which keeps a ledger of the
/// objects handed out and of those idle, and traps on a double or foreign release.
extension Pool {
    @inlinable @inline(never)
    func _acquireChecked() -> sending Element {
        if let element = _store.acquireChecked() { return element }
        let element = _factory()
        _store.track(element)
        return element
    }
}

extension PoolStore {
    /// The address of a class object, read without a cast (`as AnyObject` costs a conformance lookup in
    /// unspecialized code); strict checks are only on when `Element` is a single class reference.
    @inlinable
    static func identity(_ element: borrowing Element) -> UInt {
        withUnsafeBytes(of: element) { $0.load(as: UInt.self) }
    }

    /// Pops an idle object and records it as handed out, or counts a miss and returns `nil`.
    @inlinable
    func acquireChecked() -> sending Element? {
        withLock { state in
            guard let element = state.shared.popLast() else {
                state.retired.misses += 1
                Self.noteInUse(&state)
                return nil
            }
            let id = Self.identity(element)
            state.pooled.remove(id)
            state.outstanding.insert(id)
            state.retired.hits += 1
            Self.noteInUse(&state)
            nonisolated(unsafe) let result = element
            return result
        }
    }

    /// Records a newly created object as handed out.
    @inlinable
    func track(_ element: borrowing Element) {
        let id = Self.identity(element)
        withLock { _ = $0.outstanding.insert(id) }
    }

    /// Checks that `element` is out from this pool and records its return; traps naming the pool if not.
    @inlinable
    func verifyRelease(_ element: borrowing Element) {
        let id = Self.identity(element)
        let doubleRelease: Bool? = withLock { state in
            if state.outstanding.remove(id) != nil { return nil }
            return state.pooled.contains(id)
        }
        if let doubleRelease { trapMisuse(doubleRelease: doubleRelease) }
    }

    @usableFromInline
    func trapMisuse(doubleRelease: Bool) -> Never {
        let type = String(reflecting: Element.self)
        if doubleRelease {
            fatalError(
                "Pool \"\(name)\": double release of a \(type) that is already back in the pool; release "
                    + "each acquired object exactly once (a Pool.Lease makes a second release a compile error)")
        }
        fatalError(
            "Pool \"\(name)\": release of a \(type) that was not acquired from this pool (or was released "
                + "before and dropped); release objects only to the pool they came from")
    }

    /// Keeps a verified, reset object, or counts a drop and returns it for the caller to destroy.
    @inlinable
    func putChecked(_ element: consuming Element) -> Element? {
        let id = Self.identity(element)
        var element: Element? = element
        withLock { state in
            state.retired.released += 1
            guard !state.closed, state.shared.count < maxSize else {
                state.retired.dropped += 1
                return
            }
            state.pooled.insert(id)
            state.shared.append(element.take()!)
        }
        return element
    }
}
