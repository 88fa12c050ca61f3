import CRuntimeCalls
import MemProbe
import PerfResult
import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A class whose instances are one malloc each.
private final class Leaf {
    var value: Int
    init(_ value: Int) { self.value = value }
}

/// Makes `count` leaves into `storage`, one allocation each, all at one call site.
@inline(never)
private func makeLeaves(_ count: Int, into storage: UnsafeMutablePointer<Leaf?>) {
    for index in 0..<count { storage[index] = Leaf(index) }
}

/// Allocates `count` raw buffers of 48 bytes at one call site.
@inline(never)
private func allocateBuffers(_ count: Int, into storage: UnsafeMutablePointer<UnsafeMutableRawPointer?>) {
    for index in 0..<count { storage[index] = malloc(48) }
}

/// An address inside this function (a local symbol of the test executable: `private`).
@inline(never)
private func addressInsideALocalFunction() -> UInt {
    UInt(runtime_calls_return_address())
}

#if os(Linux)
/// What a thread started by `onAnotherThread` runs, and its answer.
private final class ThreadWork: @unchecked Sendable {
    let body: () -> AllocationCounts
    var result: AllocationCounts?
    init(_ body: @escaping () -> AllocationCounts) { self.body = body }
}

/// Runs `body` on a new thread and waits for it; `nil` when the thread could not start.
private func onAnotherThread(_ body: @escaping () -> AllocationCounts) -> AllocationCounts? {
    let work = Unmanaged.passRetained(ThreadWork(body))
    var thread = pthread_t()
    let started = pthread_create(
        &thread, nil,
        { context in
            let work = Unmanaged<ThreadWork>.fromOpaque(context!).takeUnretainedValue()
            work.result = work.body()
            return nil
        }, work.toOpaque())
    guard started == 0 else {
        work.release()
        return nil
    }
    pthread_join(thread, nil)
    return work.takeRetainedValue().result
}
#endif

/// The first site whose frames name a function containing `name`.
private func site(naming name: String, in recording: AllocationSiteRecording) -> AllocationSite? {
    recording.sites.first { $0.frames.contains { $0.function?.contains(name) == true } }
}

@Suite struct AllocationSitesTests {
    #if os(Linux)
    @Test(.needsAllocationCounter) func kObjectsAllocatedAtOneCallSiteAreOneSiteWithCountK() {
        let storage = UnsafeMutablePointer<Leaf?>.allocate(capacity: 700)
        storage.initialize(repeating: nil, count: 700)
        defer { storage.deinitialize(count: 700).deallocate() }
        makeLeaves(1, into: storage) // instantiates Leaf's metadata before the window
        let recording = AllocationSites.record(frames: 4) { makeLeaves(700, into: storage) }
        #expect(recording.failure == nil)
        let leaves = site(naming: "makeLeaves", in: recording)
        #expect(leaves?.allocations == 700)
        #expect(recording.sites.first == leaves)
    }

    @Test(.needsAllocationCounter) func twoCallSitesAreToldApartAndRankedByCount() {
        let leaves = UnsafeMutablePointer<Leaf?>.allocate(capacity: 300)
        leaves.initialize(repeating: nil, count: 300)
        let buffers = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 500)
        defer {
            leaves.deinitialize(count: 300).deallocate()
            for index in 0..<500 { free(buffers[index]) }
            buffers.deallocate()
        }
        makeLeaves(1, into: leaves)
        let recording = AllocationSites.record(frames: 4) {
            makeLeaves(300, into: leaves)
            allocateBuffers(500, into: buffers)
        }
        let first = recording.sites.first
        let second = recording.sites.dropFirst().first
        #expect(first?.frames.first?.function?.contains("allocateBuffers") == true)
        #expect(first?.allocations == 500)
        #expect(first?.bytes == 500 * 48)
        #expect(second.map { $0.frames.contains { $0.function?.contains("makeLeaves") == true } } == true)
        #expect(second?.allocations == 300)
    }

    @Test(.needsAllocationCounter) func withRecordingOffNothingIsRecordedAndTheCounterStillCounts() {
        let storage = UnsafeMutablePointer<Leaf?>.allocate(capacity: 300)
        storage.initialize(repeating: nil, count: 300)
        defer { storage.deinitialize(count: 300).deallocate() }
        makeLeaves(1, into: storage)
        let before = AllocationCounter.currentThread()!
        makeLeaves(100, into: storage) // before the window
        var otherThread: AllocationCounts?
        let recording = AllocationSites.record(frames: 4) {
            // Recording is per thread: another thread's allocations during the window are not recorded.
            otherThread = onAnotherThread {
                let start = AllocationCounter.currentThread()!
                makeLeaves(100, into: storage + 100)
                return AllocationCounter.currentThread()! - start
            }
        }
        makeLeaves(100, into: storage + 200) // after the window
        let window = AllocationCounter.currentThread()! - before
        #expect(recording.failure == nil)
        #expect(site(naming: "makeLeaves", in: recording) == nil)
        #expect(window.allocations >= 200)
        #expect(otherThread?.allocations == 100)
    }

    @Test(.needsAllocationCounter) func theCounterCountsTheSameAllocationsTheSitesRecord() {
        let storage = UnsafeMutablePointer<Leaf?>.allocate(capacity: 400)
        storage.initialize(repeating: nil, count: 400)
        defer { storage.deinitialize(count: 400).deallocate() }
        makeLeaves(1, into: storage)
        var counted = AllocationCounts()
        let recording = AllocationSites.record(frames: 4) {
            let before = AllocationCounter.currentThread()!
            makeLeaves(400, into: storage)
            counted = AllocationCounter.currentThread()! - before
        }
        #expect(counted.allocations == 400)
        #expect(site(naming: "makeLeaves", in: recording)?.allocations == 400)
    }

    @Test(.needsAllocationCounter) func anOpenARCWindowDoesNotSplitACallSite() {
        // While an ARC window is open, swift_allocObject runs through MemProbe's own hook: a frame to skip.
        guard ARCCounter.availability == .available else { return }
        let storage = UnsafeMutablePointer<Leaf?>.allocate(capacity: 300)
        storage.initialize(repeating: nil, count: 300)
        defer { storage.deinitialize(count: 300).deallocate() }
        makeLeaves(1, into: storage)
        let recording = AllocationSites.record(frames: 4) {
            for round in 0..<2 { // one call site, the second time with the hooks in place
                if round == 1 { _ = ARCCounter.begin() }
                makeLeaves(150, into: storage + round * 150)
            }
            ARCCounter.end()
        }
        let sites = recording.sites.filter { $0.frames.contains { $0.function?.contains("makeLeaves") == true } }
        #expect(sites.map(\.allocations) == [300])
    }

    @Test(.needsAllocationCounter) func windowsDoNotNestOnOneThread() {
        var inner: AllocationSiteRecording?
        _ = AllocationSites.record(frames: 2) { inner = AllocationSites.record(frames: 2) {} }
        #expect(inner?.failure?.contains("already recording") == true)
    }

    @Test func aLocalFunctionOfTheTestExecutableIsNamedFromItsSymbolTable() {
        let address = addressInsideALocalFunction()
        // dladdr sees only exported symbols: it cannot name a private function.
        let dynamicName = runtime_calls_dladdr_name(address - 1)
        #expect(dynamicName.map { String(cString: $0).contains("addressInsideALocalFunction") } != true)
        let frame = AllocationSites.frame(at: address)
        #expect(frame.function == "addressInsideALocalFunction()")
        #expect(frame.offset > 0)
        #expect(frame.file == (try? ExecutablePath.current()))
    }
    #else
    @Test func elsewhereRecordingSaysWhyItIsUnavailable() {
        let recording = AllocationSites.record {}
        #expect(recording.failure != nil)
        #expect(AllocationSites.availability != .available)
    }
    #endif
}

#if os(Linux)
extension ProcessMemoryTests {
    /// Eight threads each with a live set of 500 objects: run with the other tests that read or build
    /// process-wide live sets, one at a time (the leak checks' slopes see every thread's allocations).
    @Suite(.needsAllocationCounter) struct AllocationSitesThreadTests {
        @Test func manyThreadsRecordingAndAllocatingAtOnceEachGetTheirOwnExactCounts() async {
            let counts = await withTaskGroup(of: UInt64?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let storage = UnsafeMutablePointer<Leaf?>.allocate(capacity: 2_000)
                        storage.initialize(repeating: nil, count: 2_000)
                        defer { storage.deinitialize(count: 2_000).deallocate() }
                        makeLeaves(1, into: storage)
                        let recording = AllocationSites.record(frames: 8, demangler: nil) {
                            for _ in 0..<4 {
                                storage.update(repeating: nil, count: 2_000)
                                makeLeaves(500, into: storage)
                            }
                        }
                        return recording.sites.first { site in
                            site.frames.contains {
                                $0.function.map(SwiftDemangler.isSwiftMangled) == true
                                    && $0.function!.contains("makeLeaves")
                            }
                        }?.allocations
                    }
                }
                var all: [UInt64?] = []
                for await count in group { all.append(count) }
                return all
            }
            #expect(counts == Array(repeating: 2_000, count: 8))
        }
    }
}
#endif
