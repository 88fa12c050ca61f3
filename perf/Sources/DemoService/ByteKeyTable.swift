/// A fixed-capacity hash table from byte strings to dense indices, looked up without allocating.
///
/// The topic store and the user table look names up straight from request bytes; a `Dictionary<String, _>`
/// would allocate a `String` per lookup. Keys live back to back in one arena; open addressing with linear
/// probing over at least twice as many slots as entries keeps probes short. Entries are never removed.
struct ByteKeyTable {
    /// The most entries the table accepts.
    let capacity: Int
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyEnds: [Int] = []
    private var arena: [UInt8] = []

    /// Creates an empty table for up to `capacity` keys.
    init(capacity: Int) {
        precondition(capacity >= 1 && capacity <= Int(Int32.max) / 2, "ByteKeyTable capacity out of range")
        self.capacity = capacity
        var slotCount = 8
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slots = Array(repeating: -1, count: slotCount)
    }

    /// The number of keys.
    var count: Int { hashes.count }

    /// FNV-1a over the bytes, then a SplitMix finalizer so that both low and high bits are well mixed.
    ///
    /// - Complexity: O(*n*).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 30
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27
        hash &*= 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    /// The index of `key`, or `nil`; `hash` must be `ByteKeyTable.hash(key)`.
    ///
    /// - Complexity: O(*n*) expected for a key of *n* bytes.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, keyEquals(entry, key) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a key that is not in the table and returns its index, or `nil` when the table is full.
    ///
    /// - Complexity: O(*n*) expected; the arena grows amortized.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard count < capacity else { return nil }
        let entry = count
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
        hashes.append(hash)
        arena.append(contentsOf: key)
        keyEnds.append(arena.count)
        return entry
    }

    /// The bytes of the key at `index`.
    func key(at index: Int) -> ArraySlice<UInt8> {
        arena[keyStart(index)..<keyEnds[index]]
    }

    private func keyStart(_ index: Int) -> Int {
        index == 0 ? 0 : keyEnds[index - 1]
    }

    private func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStart(index)
        guard keyEnds[index] - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }
}
