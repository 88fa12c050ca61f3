/// The digest of a password: 128 bits.
public struct PasswordDigest: Equatable, Sendable {
    /// The first 64 bits.
    public var high: UInt64
    /// The last 64 bits.
    public var low: UInt64

    /// Compares without an early exit, so the time does not depend on where two digests differ.
    func matches(_ other: PasswordDigest) -> Bool {
        (high ^ other.high) | (low ^ other.low) == 0
    }
}

/// A salted, iterated password hash of fixed cost, built from SipHash rounds.
///
/// **NOT cryptographic.** It exists to give `POST /login` a realistic, deterministic CPU cost per attempt
/// (`rounds` iterations, the same for every user and for unknown users) without third-party crypto. Never use
/// it to protect real passwords: use a vetted memory-hard KDF (Argon2, scrypt) for that.
public enum SaltedHash {
    /// A 128-bit salt.
    public struct Salt: Equatable, Sendable {
        /// The first key word.
        public var k0: UInt64
        /// The second key word.
        public var k1: UInt64

        /// Creates a salt from two words.
        public init(k0: UInt64, k1: UInt64) {
            self.k0 = k0
            self.k1 = k1
        }
    }

    /// Hashes `password` with `salt`, then stretches the state over `rounds` iterations.
    ///
    /// - Complexity: O(*n* + `rounds`) for a password of *n* bytes; no allocation.
    public static func digest(password: UnsafeBufferPointer<UInt8>, salt: Salt, rounds: Int) -> PasswordDigest {
        precondition(rounds >= 1, "a salted hash needs at least one round")
        var state = State(salt)
        var index = 0
        while index + 8 <= password.count {
            var word: UInt64 = 0
            for shift in 0..<8 { word |= UInt64(password[index + shift]) << (8 * UInt64(shift)) }
            state.absorb(word)
            index += 8
        }
        var last = UInt64(truncatingIfNeeded: password.count) << 56
        for shift in 0..<(password.count - index) { last |= UInt64(password[index + shift]) << (8 * UInt64(shift)) }
        state.absorb(last)
        for round in 0..<rounds { state.absorb(UInt64(truncatingIfNeeded: round) ^ 0x9E37_79B9_7F4A_7C15) }
        return state.finish()
    }

    /// Hashes a Swift string's UTF-8 bytes.
    public static func digest(password: String, salt: Salt, rounds: Int) -> PasswordDigest {
        var copy = password
        return copy.withUTF8 { digest(password: $0, salt: salt, rounds: rounds) }
    }

    /// The four-word SipHash state.
    private struct State {
        var v0: UInt64
        var v1: UInt64
        var v2: UInt64
        var v3: UInt64

        init(_ salt: Salt) {
            v0 = salt.k0 ^ 0x736f_6d65_7073_6575
            v1 = salt.k1 ^ 0x646f_7261_6e64_6f6d ^ 0xEE
            v2 = salt.k0 ^ 0x6c79_6765_6e65_7261
            v3 = salt.k1 ^ 0x7465_6462_7974_6573
        }

        @inline(__always)
        mutating func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13) ^ v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16) ^ v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21) ^ v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17) ^ v2
            v2 = v2.rotatedLeft(32)
        }

        @inline(__always)
        mutating func absorb(_ word: UInt64) {
            v3 ^= word
            round()
            round()
            v0 ^= word
        }

        mutating func finish() -> PasswordDigest {
            v2 ^= 0xEE
            for _ in 0..<4 { round() }
            let high = v0 ^ v1 ^ v2 ^ v3
            v1 ^= 0xDD
            for _ in 0..<4 { round() }
            return PasswordDigest(high: high, low: v0 ^ v1 ^ v2 ^ v3)
        }
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
