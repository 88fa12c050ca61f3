import CDemoServiceSystem

/// `POST /login`.
extension DemoService {
    /// Checks `{"user", "password"}` against the user table, creates a session with a random 32-byte token
    /// and answers `{"token":"<64 hex digits>","user":"<name>"}`; 401 for bad credentials.
    ///
    /// - Complexity: O(`hashRounds` + body length).
    func login(body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], counters: CounterBlock) -> Response {
        let scratch = allocator.takeDecodeScratch()
        defer { allocator.giveBack(scratch) }
        let fields: (user: Range<Int>, password: Range<Int>)
        switch RequestDecoding.login(body, into: scratch) {
        case .failure(let failure): return fail(failure, into: &output, counters: counters)
        case .success(let decoded): fields = decoded
        }
        let user = scratch.bytes.withUnsafeBufferPointer { bytes in
            users.authenticate(
                user: UnsafeBufferPointer(rebasing: bytes[fields.user]),
                password: UnsafeBufferPointer(rebasing: bytes[fields.password]))
        }
        guard let user else {
            counters.countError(.unauthorized)
            JSONWriter.appendError("invalid user or password", to: &output)
            return Response(status: .unauthorized)
        }
        let token = newToken()
        if sessions.insert(token, user: user) { counters.count(.sessionsEvicted) }
        counters.count(.sessionsCreated)
        JSONWriter.appendRaw("{\"token\":\"", to: &output)
        token.appendHex(to: &output)
        JSONWriter.appendRaw("\",\"user\":", to: &output)
        scratch.bytes.withUnsafeBufferPointer {
            JSONWriter.appendString(UnsafeBufferPointer(rebasing: $0[fields.user]), to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return Response(status: .ok)
    }

    /// 32 bytes from the kernel's random source (`getrandom`), in a buffer from the allocator.
    private func newToken() -> SessionToken {
        var bytes = allocator.takeBytes(.tokenBytes, minimumCapacity: 32)
        bytes.append(contentsOf: repeatElement(0, count: 32))
        bytes.withUnsafeMutableBytes { buffer in
            if cds_fill_random(buffer.baseAddress, buffer.count) != 0 {
                var generator = SystemRandomNumberGenerator()
                for index in buffer.indices { buffer[index] = generator.next() }
            }
        }
        let token = bytes.withUnsafeBufferPointer { SessionToken(bytes: $0) }
        allocator.giveBack(consume bytes, to: .tokenBytes)
        return token
    }
}
