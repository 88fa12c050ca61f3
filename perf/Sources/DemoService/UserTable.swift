/// The seeded, read-only user table behind `POST /login`.
///
/// Credentials scheme: user `user<i>` has password `password<i>`, for `i` in `0..<count` (so `user0` /
/// `password0` always works). Salts are derived from the index, so every start builds the same table.
/// Every authentication hashes once with the table's fixed number of rounds, for unknown users too, so a
/// login costs the same whether or not the user exists.
public final class UserTable: Sendable {
    /// The number of users.
    public let count: Int
    /// The rounds of `SaltedHash` per password check.
    public let rounds: Int
    private let names: ByteKeyTable
    private let salts: [SaltedHash.Salt]
    private let digests: [PasswordDigest]

    /// Builds `count` users, hashing each password once.
    ///
    /// - Complexity: O(`count` × `rounds`): about 1 s for a million users at 100 rounds.
    public init(count: Int, rounds: Int) {
        precondition(count >= 1, "a user table needs at least one user")
        precondition(rounds >= 1, "a salted hash needs at least one round")
        self.count = count
        self.rounds = rounds
        var names = ByteKeyTable(capacity: count)
        var salts: [SaltedHash.Salt] = []
        var digests: [PasswordDigest] = []
        salts.reserveCapacity(count)
        digests.reserveCapacity(count)
        for index in 0..<count {
            var name = UserTable.userName(index)
            name.withUTF8 { bytes in _ = names.insert(bytes, hash: ByteKeyTable.hash(bytes)) }
            let salt = UserTable.salt(for: UInt64(index))
            salts.append(salt)
            digests.append(SaltedHash.digest(password: UserTable.password(index), salt: salt, rounds: rounds))
        }
        self.names = names
        self.salts = salts
        self.digests = digests
    }

    /// The name of user `index`: `user<index>`.
    public static func userName(_ index: Int) -> String { "user\(index)" }

    /// The password of user `index`: `password<index>`.
    public static func password(_ index: Int) -> String { "password\(index)" }

    /// The index of the user if `password` is theirs, else `nil`; costs one salted hash either way.
    ///
    /// - Complexity: O(`rounds`); no allocation.
    public func authenticate(user: UnsafeBufferPointer<UInt8>, password: UnsafeBufferPointer<UInt8>) -> Int? {
        let index = names.find(user, hash: ByteKeyTable.hash(user))
        let salt = index.map { salts[$0] } ?? UserTable.unknownUserSalt
        let digest = SaltedHash.digest(password: password, salt: salt, rounds: rounds)
        guard let index, digest.matches(digests[index]) else { return nil }
        return index
    }

    /// The salt hashed for unknown users, so that their attempts cost the same.
    private static let unknownUserSalt = SaltedHash.Salt(k0: 0x5555_AAAA_5555_AAAA, k1: 0x0F0F_F0F0_0F0F_F0F0)

    /// SplitMix64 of the index: a deterministic, well-spread salt per user.
    private static func salt(for index: UInt64) -> SaltedHash.Salt {
        SaltedHash.Salt(k0: splitMix(index &* 2 &+ 1), k1: splitMix(index &* 2 &+ 2))
    }

    private static func splitMix(_ seed: UInt64) -> UInt64 {
        var value = seed &* 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
