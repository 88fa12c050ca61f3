import Synchronization
import Testing

@testable import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The writer behind `StandardStream.write`, driven by a scripted `write` function.
@Suite struct StandardStreamTests {
    /// What a scripted `write` call does: fail with an errno, or write at most some bytes.
    enum Step {
        case fail(Int32)
        case write(atMost: Int)
    }

    /// Runs `DescriptorWriter.writeAll` on `text` with `write` following `steps` (then writing everything),
    /// and returns what reached the "descriptor", how many calls were made and the writer's answer.
    func writeScripted(_ text: String, _ steps: [Step]) -> (written: String, calls: Int, error: SystemError?) {
        let state = Mutex<(bytes: [UInt8], calls: Int)>(([], 0))
        let bytes = Array(text.utf8)
        let error = bytes.withUnsafeBytes { buffer in
            DescriptorWriter.writeAll(buffer, to: 9) { descriptor, pointer, count in
                #expect(descriptor == 9)
                return state.withLock { state -> Int in
                    let step = state.calls < steps.count ? steps[state.calls] : .write(atMost: .max)
                    state.calls += 1
                    switch step {
                    case let .fail(code):
                        errno = code
                        return -1
                    case let .write(atMost: limit):
                        let written = min(limit, count)
                        state.bytes += UnsafeRawBufferPointer(start: pointer, count: written)
                        return written
                    }
                }
            }
        }
        let (written, calls) = state.withLock { ($0.bytes, $0.calls) }
        return (String(decoding: written, as: UTF8.self), calls, error)
    }

    @Test func aWriteInterruptedBySignalsIsRetriedUntilEverythingIsOut() {
        let result = writeScripted("hello, world", [.fail(EINTR), .fail(EINTR), .write(atMost: 5)])
        #expect(result.error == nil)
        #expect(result.written == "hello, world")
        #expect(result.calls == 4)
    }

    @Test func shortWritesContinueWhereTheyStopped() {
        let text = String(repeating: "0123456789", count: 100)
        let result = writeScripted(text, (0..<400).map { $0 % 3 == 0 ? .fail(EINTR) : .write(atMost: 7) })
        #expect(result.error == nil)
        #expect(result.written == text)
    }

    @Test func anotherErrorStopsTheWriteAndIsReported() {
        let result = writeScripted("lost", [.write(atMost: 2), .fail(EPIPE)])
        #expect(result.written == "lo")
        #expect(result.calls == 2)
        #expect(result.error == SystemError("write(9)", code: EPIPE))
    }

    @Test func nothingToWriteMakesNoCall() {
        let result = writeScripted("", [.fail(EBADF)])
        #expect(result.error == nil)
        #expect(result.calls == 0)
    }

    @Test func printErrorWritesTheLineAndANewlineToStandardError() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            printError("perf-check: bad flag")
            StandardStream.write("no newline", to: .error)
        }
        #expect(
            result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) }
                == "perf-check: bad flag\nno newline")
    }

    @Test func standardOutputKeepsTheOrderOfEarlierPrints() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            print("first")
            StandardStream.write("second\n", to: .output)
        }
        #expect(result.map { String(decoding: $0.standardOutputContent, as: UTF8.self) } == "first\nsecond\n")
    }
}
