import Testing

@testable import DemoService

@Suite struct StateTests {
    static func token(_ seed: UInt8) -> SessionToken {
        let bytes = (0..<32).map { UInt8($0) &* 7 &+ seed }
        return bytes.withUnsafeBufferPointer { SessionToken(bytes: $0) }
    }

    @Test func theLeastRecentlyUsedSessionIsEvictedFirst() {
        let cache = SessionCache(capacity: 2)
        #expect(!cache.insert(Self.token(1), user: 1))
        #expect(!cache.insert(Self.token(2), user: 2))
        #expect(cache.user(for: Self.token(1)) == 1)
        #expect(cache.insert(Self.token(3), user: 3))
        #expect(cache.user(for: Self.token(2)) == nil)
        #expect(cache.user(for: Self.token(1)) == 1)
        #expect(cache.user(for: Self.token(3)) == 3)
        #expect(cache.count == 2 && cache.evictions == 1)
    }

    @Test func reinsertingATokenRefreshesItWithoutEviction() {
        let cache = SessionCache(capacity: 2)
        cache.insert(Self.token(1), user: 1)
        cache.insert(Self.token(2), user: 2)
        #expect(!cache.insert(Self.token(1), user: 5))
        cache.insert(Self.token(3), user: 3)
        #expect(cache.user(for: Self.token(1)) == 5)
        #expect(cache.user(for: Self.token(2)) == nil)
    }

    @Test func aShardedCacheStaysWithinItsCapacity() {
        let cache = SessionCache(capacity: 2048)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = bytes.withUnsafeBufferPointer { cache.insert(SessionToken(bytes: $0), user: 0) }
        }
        #expect(cache.count == 2048)
        #expect(cache.evictions == 5000 - 2048)
    }

    @Test func tokensRoundTripThroughHex() throws {
        var hex: [UInt8] = []
        Self.token(9).appendHex(to: &hex)
        let text = String(decoding: hex, as: UTF8.self)
        #expect(text.hasPrefix("0910171e"))
        #expect(try #require(SessionToken(hex: text)) == Self.token(9))
        #expect(try #require(SessionToken(hex: text.uppercased())) == Self.token(9))
        #expect(SessionToken(hex: "xyz") == nil)
        #expect(SessionToken(hex: String(repeating: "g", count: 64)) == nil)
    }

    @Test func theSaltedHashIsDeterministicAndDependsOnEveryInput() {
        let salt = SaltedHash.Salt(k0: 1, k1: 2)
        let digest = SaltedHash.digest(password: "password0", salt: salt, rounds: 100)
        #expect(digest == SaltedHash.digest(password: "password0", salt: salt, rounds: 100))
        #expect(digest != SaltedHash.digest(password: "password1", salt: salt, rounds: 100))
        #expect(digest != SaltedHash.digest(password: "password0", salt: SaltedHash.Salt(k0: 1, k1: 3), rounds: 100))
        #expect(digest != SaltedHash.digest(password: "password0", salt: salt, rounds: 101))
        #expect(
            SaltedHash.digest(password: "", salt: salt, rounds: 1)
                != SaltedHash.digest(password: "\u{0}", salt: salt, rounds: 1))
        #expect(
            SaltedHash.digest(password: "exactly8", salt: salt, rounds: 1)
                != SaltedHash.digest(password: "exactly8\u{0}", salt: salt, rounds: 1))
    }

    @Test func theSeededUsersFollowTheCredentialsScheme() {
        let users = UserTable(count: 3, rounds: 4)
        func authenticate(_ user: String, _ password: String) -> Int? {
            var name = user
            var secret = password
            return name.withUTF8 { userBytes in
                secret.withUTF8 { users.authenticate(user: userBytes, password: $0) }
            }
        }
        #expect(authenticate("user0", "password0") == 0)
        #expect(authenticate("user2", "password2") == 2)
        #expect(authenticate("user2", "password1") == nil)
        #expect(authenticate("user3", "password3") == nil)
        #expect(authenticate("", "") == nil)
        #expect(UserTable.userName(7) == "user7" && UserTable.password(7) == "password7")
    }

    @Test func theByteKeyTableFindsWhatItStoredUntilFull() {
        var table = ByteKeyTable(capacity: 3)
        func insert(_ key: String) -> Int? {
            var text = key
            return text.withUTF8 { table.insert($0, hash: ByteKeyTable.hash($0)) }
        }
        func find(_ key: String) -> Int? {
            var text = key
            return text.withUTF8 { table.find($0, hash: ByteKeyTable.hash($0)) }
        }
        #expect(insert("alpha") == 0)
        #expect(insert("") == 1)
        #expect(insert("beta") == 2)
        #expect(insert("gamma") == nil)
        #expect(find("alpha") == 0 && find("") == 1 && find("beta") == 2 && find("gamma") == nil)
        #expect(Array(table.key(at: 2)) == Array("beta".utf8))
    }

    @Test func theTopicStoreKeepsTopicsApartAcrossShards() {
        let store = TopicStore(maxTopics: 100, ringCapacity: 4)
        for index in 0..<100 {
            var topic = "topic-\(index)"
            let outcome = topic.withUTF8 { store.append(topic: $0, message: StoredMessage(payload: [UInt8(index)])) }
            guard case .stored(nil) = outcome else {
                Issue.record("topic \(index) was not stored")
                return
            }
        }
        #expect(store.count == 100)
        #expect(store.messages(topic: "topic-42").map(\.payload) == [[42]])
        #expect(store.messages(topic: "missing").isEmpty)
    }

    @Test func plainAllocationHandsOutEmptyBuffersWithCapacity() {
        let allocator = PlainAllocator()
        let bytes = allocator.takeBytes(.jsonEncode, minimumCapacity: 100)
        #expect(bytes.isEmpty && bytes.capacity >= 100)
        let message = Array("hi".utf8).withUnsafeBufferPointer { allocator.makeMessage(payload: $0) }
        #expect(message.payload == Array("hi".utf8))
        #expect(allocator.poolCounters().isEmpty && allocator.name == "plain")
        message.replacePayload(with: UnsafeBufferPointer(start: nil, count: 0))
        #expect(message.payload.isEmpty)
    }
}
