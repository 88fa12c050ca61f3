import CDemoServiceSystem
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The server half of the demo service: epoll, eventfd and SO_REUSEPORT balancing, so Linux only. Elsewhere
// demo-service says so and exits 2; the service's logic (routes, JSON, sessions) builds everywhere.
#if os(Linux)

/// Reading requests, answering them, and writing responses.
extension EventLoop {
    func onReadable(_ connection: Connection) {
        if connection.lingerDeadline != 0 {
            discardLingeringInput(connection)
            return
        }
        guard connection.output == nil, !connection.closeAfterFlush else { return }
        let count = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
        if count == 0 {
            closeConnection(connection, .client)
            return
        }
        if count < 0 {
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { return }
            closeConnection(connection, code == ECONNRESET ? .reset : .ioError)
            return
        }
        counters.count(.bytesReceived, UInt64(count))
        connection.lastActivity = now
        let bytes = UnsafeBufferPointer(start: readBuffer.baseAddress, count: count)
        if var input = connection.takeInput() {
            input.append(contentsOf: bytes)
            connection.input = input
            drive(connection)
            return
        }
        let consumed = process(connection, bytes)
        if consumed < count && !connection.closeAfterFlush {
            var input = allocator.takeBytes(.requestBuffer, minimumCapacity: max(count - consumed, 1024))
            input.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[consumed...]))
            connection.input = input
        }
        flush(connection)
        if stoppedAtHighWater { drive(connection) }
    }

    /// Answers what `input` holds, flushing between batches, until it holds only a partial request, the
    /// socket stops taking output, or the connection closes.
    func drive(_ connection: Connection) {
        while connection.isOpen, connection.output == nil, !connection.closeAfterFlush,
            var input = connection.takeInput()
        {
            let consumed = input.withUnsafeBufferPointer { process(connection, $0) }
            if consumed >= input.count || connection.closeAfterFlush {
                allocator.giveBack(consume input, to: .requestBuffer)
            } else {
                if consumed > 0 { input.removeFirst(consumed) }
                connection.input = input
            }
            flush(connection)
            if !stoppedAtHighWater { return }
        }
    }

    /// Answers every complete request at the start of `bytes` into `output`; returns the bytes consumed.
    ///
    /// Stops at a partial request, at the output high-water mark, or after a response that closes.
    func process(_ connection: Connection, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        stoppedAtHighWater = false
        while offset < bytes.count {
            guard output.count < EventLoop.outputHighWater else {
                stoppedAtHighWater = true
                return offset
            }
            let view = UnsafeBufferPointer(rebasing: bytes[offset...])
            let head: HTTPRequestHead
            if let pending = connection.pendingHead {
                head = pending
            } else {
                switch connection.parser.parse(view) {
                case .incomplete:
                    if connection.headerDeadline == 0 { connection.headerDeadline = now + headerTimeout }
                    return offset
                case .failed(let error):
                    reject(connection, error)
                    return bytes.count
                case .complete(let parsed):
                    head = parsed
                    connection.parser.reset()
                    connection.headerDeadline = 0
                }
            }
            let length = head.headLength + head.contentLength
            guard view.count >= length else {
                if connection.pendingHead == nil { connection.bodyDeadline = now + headerTimeout }
                connection.pendingHead = head
                if head.expectsContinue, head.isHTTP11, !connection.sentContinue, view.count == head.headLength {
                    output.append(contentsOf: ResponseHead.continueLine)
                    connection.sentContinue = true
                }
                return offset
            }
            connection.pendingHead = nil
            connection.bodyDeadline = 0
            connection.sentContinue = false
            serve(connection, head, body: UnsafeBufferPointer(rebasing: view[head.headLength..<length]))
            offset += length
            if connection.closeAfterFlush { return bytes.count }
        }
        return offset
    }

    /// Answers one complete request and records it.
    private func serve(_ connection: Connection, _ head: HTTPRequestHead, body: UnsafeBufferPointer<UInt8>) {
        let start = MonotonicClock.now()
        var encoded = allocator.takeBytes(.jsonEncode, minimumCapacity: 512)
        let response = service.respond(
            route: head.route, method: head.method, body: body, into: &encoded, counters: counters)
        let closing = !head.keepAlive || draining
        ResponseHead.append(
            response, length: encoded.count, close: closing, announceKeepAlive: !head.isHTTP11 && !closing,
            to: &output)
        output.append(contentsOf: encoded)
        allocator.giveBack(consume encoded, to: .jsonEncode)
        counters.recordRequest(route: head.route, status: response.status, nanoseconds: MonotonicClock.now() &- start)
        if closing {
            connection.closeAfterFlush = true
            connection.closeReason = .server
        }
    }

    /// Answers a head the parser rejected, then closes: the stream cannot be resynchronized.
    private func reject(_ connection: Connection, _ error: HTTPParseError) {
        counters.countError(ErrorKind(error))
        ResponseHead.appendError(error.status, message: error.description, to: &output)
        counters.recordRequest(route: .unknown, status: error.status, nanoseconds: 0)
        connection.closeAfterFlush = true
        connection.closeReason = .server
    }

    /// Sends the loop's output to `connection`; keeps what the socket does not take, then waits for EPOLLOUT.
    func flush(_ connection: Connection) {
        defer {
            output.removeAll(keepingCapacity: true)
            if output.capacity > 4 * EventLoop.outputHighWater {
                output = []
                output.reserveCapacity(EventLoop.readBufferBytes)
            }
        }
        guard connection.isOpen else { return }
        if !output.isEmpty {
            let (sent, code) = output.withUnsafeBytes { send(connection.fd, $0) }
            counters.count(.bytesSent, UInt64(sent))
            if sent < output.count {
                guard code == EAGAIN || code == EWOULDBLOCK else {
                    closeConnection(connection, code == ECONNRESET || code == EPIPE ? .reset : .ioError)
                    return
                }
                var pending = allocator.takeBytes(.responseBuffer, minimumCapacity: output.count - sent)
                pending.append(contentsOf: output[sent...])
                connection.output = pending
                connection.outputSent = 0
                setInterest(connection, EPOLLOUT.rawValue)
                return
            }
        }
        if connection.closeAfterFlush && connection.lingerDeadline == 0 { beginLinger(connection) }
    }

    func onWritable(_ connection: Connection) {
        guard let pending = connection.takeOutput() else {
            if connection.lingerDeadline == 0 { setInterest(connection, EPOLLIN.rawValue) }
            return
        }
        let (sent, code) = pending.withUnsafeBytes {
            send(connection.fd, UnsafeRawBufferPointer(rebasing: $0[connection.outputSent...]))
        }
        counters.count(.bytesSent, UInt64(sent))
        connection.outputSent += sent
        if sent > 0 { connection.lastActivity = now }
        guard connection.outputSent == pending.count else {
            guard code == EAGAIN || code == EWOULDBLOCK else {
                allocator.giveBack(pending, to: .responseBuffer)
                closeConnection(connection, code == ECONNRESET || code == EPIPE ? .reset : .ioError)
                return
            }
            connection.output = pending
            return
        }
        allocator.giveBack(pending, to: .responseBuffer)
        connection.outputSent = 0
        if connection.closeAfterFlush {
            beginLinger(connection)
            return
        }
        setInterest(connection, EPOLLIN.rawValue)
        drive(connection)
    }

    /// A lingering connection: read and drop until the client's FIN (or an error).
    private func discardLingeringInput(_ connection: Connection) {
        for _ in 0..<16 {
            let count = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
            if count > 0 { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return }
            closeConnection(connection, connection.closeReason)
            return
        }
    }

    /// Sends as much as the socket takes; returns the bytes sent and the errno that stopped it (0 if none).
    private func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> (Int, Int32) {
        var sent = 0
        while sent < bytes.count {
            let result = Glibc.send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            if result > 0 {
                sent += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                return (sent, result < 0 ? errno : EPIPE)
            }
        }
        return (sent, 0)
    }
}

#endif
