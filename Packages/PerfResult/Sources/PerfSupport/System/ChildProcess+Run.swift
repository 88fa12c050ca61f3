import CPerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ChildProcess {
    /// What a child did when run to completion.
    public struct Outcome: Sendable, Hashable {
        /// How it ended; `.timedOut` when it had to be stopped.
        public var termination: ChildProcess.Termination
        /// Every byte it wrote to standard output.
        public var standardOutput: [UInt8]
        /// Every byte it wrote to standard error.
        public var standardError: [UInt8]

        /// Standard output as text (invalid UTF-8 replaced by U+FFFD).
        public var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }
        /// Standard error as text (invalid UTF-8 replaced by U+FFFD).
        public var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// Runs the child to completion and captures its standard output and standard error.
    ///
    /// Both pipes are read as data arrives (`poll`), so a child that fills one while the other is unread
    /// never blocks. Past `timeout` the child gets SIGTERM, and SIGKILL `grace` later if it still runs; the
    /// outcome is then `.timedOut`, with what it wrote until then. Once the child has ended, whatever it
    /// wrote is collected, but a grandchild that keeps the pipes open is not waited for.
    /// - Throws: `SystemError` when the child cannot be started or waited for.
    public func run(timeout: Duration, grace: Duration = .seconds(1)) throws(SystemError) -> Outcome {
        let output = try OutputPipe()
        let errors: OutputPipe
        do { errors = try OutputPipe() } catch {
            output.closeBoth()
            throw error
        }
        let process: SpawnedProcess
        do {
            process = try spawn { actions, parentCopies in
                posix_spawn_file_actions_adddup2(&actions, output.writeEnd, STDOUT_FILENO)
                posix_spawn_file_actions_adddup2(&actions, errors.writeEnd, STDERR_FILENO)
                parentCopies += [output.writeEnd, errors.writeEnd]
            }
        } catch {
            output.closeBoth()
            errors.closeBoth()
            throw error
        }
        var capture = PipeCapture(output: output.readEnd, error: errors.readEnd)
        defer { capture.closeAll() }
        let deadline = MonotonicClock.now().addingClamped(timeout.nanosecondsClamped)
        var killAt: UInt64?
        var timedOut = false
        while true {
            // A failure to wait is thrown only after the child is stopped, so that none is left behind.
            let ending: ChildProcess.Termination?
            do { ending = try process.poll() } catch {
                _ = try? process.terminate(grace: .zero)
                throw error
            }
            if let ending {
                capture.drain()
                return Outcome(
                    termination: timedOut ? .timedOut : ending, standardOutput: capture.output,
                    standardError: capture.error)
            }
            let now = MonotonicClock.now()
            if !timedOut && now >= deadline {
                timedOut = true
                process.send(SIGTERM)
                killAt = now.addingClamped(grace.nanosecondsClamped)
            }
            if let due = killAt, now >= due {
                process.send(SIGKILL)
                killAt = nil
            }
            // Sleep in poll until data arrives, the next deadline, or 20 ms (the exit of a child that closed
            // its pipes early, or whose grandchildren hold them, shows only through waitpid).
            let next = min(timedOut ? (killAt ?? .max) : deadline, now.addingClamped(20_000_000))
            capture.readAvailable(waitingUpTo: Int32((next - min(next, now)) / 1_000_000) + 1)
        }
    }
}

/// A close-on-exec pipe whose write end goes to a child.
private struct OutputPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(SystemError) {
        var ends: [Int32] = [-1, -1]
        guard perfsupport_pipe_cloexec(&ends) == 0 else { throw .capture("pipe") }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    func closeBoth() {
        close(readEnd)
        close(writeEnd)
    }
}

/// The parent's read ends of a child's two output pipes, and what has been read from them.
private struct PipeCapture {
    private(set) var output: [UInt8] = []
    private(set) var error: [UInt8] = []
    /// The read ends still open: output first, then error; an end is closed at end of file.
    private var open: [(descriptor: Int32, isOutput: Bool)]
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(output: Int32, error: Int32) {
        open = [(output, true), (error, false)]
    }

    /// Waits up to `milliseconds` for data on the open pipes and reads what is there.
    mutating func readAvailable(waitingUpTo milliseconds: Int32) {
        guard !open.isEmpty else {
            SpawnedProcess.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
            return
        }
        var entries = open.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&entries, nfds_t(entries.count), milliseconds)
        guard ready > 0 else { return }
        var finished: Set<Int32> = []
        for (entry, end) in zip(entries, open) where entry.revents != 0 {
            if !readOnce(end.descriptor, isOutput: end.isOutput) { finished.insert(end.descriptor) }
        }
        closeEnds(finished)
    }

    /// Reads what the pipes hold now, without waiting: the child has ended, so nothing more is coming from it.
    mutating func drain() {
        while !open.isEmpty {
            var entries = open.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            guard poll(&entries, nfds_t(entries.count), 0) > 0 else { return }
            var finished: Set<Int32> = []
            for (entry, end) in zip(entries, open) where entry.revents != 0 {
                if !readOnce(end.descriptor, isOutput: end.isOutput) { finished.insert(end.descriptor) }
            }
            closeEnds(finished)
        }
    }

    mutating func closeAll() {
        closeEnds(Set(open.map(\.descriptor)))
    }

    /// One `read`; false at end of file or on an error other than EINTR (a pipe has no other to recover from).
    private mutating func readOnce(_ descriptor: Int32, isOutput: Bool) -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            if isOutput { output += buffer[0..<count] } else { error += buffer[0..<count] }
            return true
        }
        return count < 0 && errno == EINTR
    }

    private mutating func closeEnds(_ descriptors: Set<Int32>) {
        for descriptor in descriptors { close(descriptor) }
        open.removeAll { descriptors.contains($0.descriptor) }
    }
}
