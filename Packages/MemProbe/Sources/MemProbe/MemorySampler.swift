import CMemProbe
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes `MemorySample`s of this process or of another one, cheaply enough to sample often.
///
/// The sampler opens its `/proc` file once and re-reads it with `pread`, parsing into a buffer it owns,
/// so a sample allocates nothing and makes one system call for the resident size (plus `mallinfo2` and
/// `getrusage` for this process; leave fields out with `fields:` to save their cost). Take samples
/// between measured windows, never inside one.
///
/// ```swift
/// let sampler = MemorySampler()              // this process
/// let service = try MemorySampler(pid: pid)  // a server under load
/// print(sampler.sample().residentBytes ?? 0, service.sample().residentBytes ?? 0)
/// ```
public final class MemorySampler {
    /// The process sampled: `nil` for this one.
    public let pid: Int32?
    /// The fields this sampler reads (always `resident` and `peakResident` for another process).
    public let fields: MemorySample.Fields
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private let pageSize: Int

    /// A sampler of this process reading `fields`. Where `/proc/self/statm` does not exist (macOS),
    /// `residentBytes` is absent.
    public init(fields: MemorySample.Fields = .all) {
        pid = nil
        self.fields = fields
        descriptor = fields.contains(.resident) ? open("/proc/self/statm", O_RDONLY | O_CLOEXEC) : -1
        buffer = .allocate(byteCount: 256, alignment: 8)
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// A sampler of the process `pid`, reading `/proc/PID/status`.
    /// - Throws: `MemProbeError.processNotFound` when the file cannot be opened;
    ///   `MemProbeError.requiresLinux` on other systems (no `/proc`).
    public init(pid: Int32) throws(MemProbeError) {
        #if !os(Linux)
        throw .requiresLinux(feature: "sampling another process's memory (/proc/\(pid)/status)")
        #else
        self.pid = pid
        fields = [.resident, .peakResident]
        descriptor = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .processNotFound(pid: pid) }
        buffer = .allocate(byteCount: 8192, alignment: 8)
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
    }

    /// Reads the memory of the process now. Fields whose source is gone (the process exited) are absent.
    ///
    /// Does not allocate.
    public func sample() -> MemorySample {
        guard pid == nil else {
            let status = readFile().map { ProcText.status(buffer: $0) } ?? ProcText.Status()
            return MemorySample(residentBytes: status.residentBytes, peakResidentBytes: status.peakResidentBytes)
        }
        var sample = MemorySample()
        if fields.contains(.resident) {
            sample.residentBytes = readFile().flatMap {
                ProcText.residentBytes(statmBuffer: $0, pageSize: pageSize)
            }
        }
        if fields.contains(.heapInUse) {
            let heap = memprobe_heap_in_use()
            sample.heapInUseBytes = heap >= 0 ? Int(heap) : nil
        }
        if fields.contains(.peakResident) { sample.peakResidentBytes = Self.peakResidentBytes() }
        if fields.contains(.liveAllocations), AllocationCounter.isCounting {
            sample.liveAllocations = Int(AllocationCounter.readAllThreads().live)
        }
        return sample
    }

    /// The whole file, read from offset 0 into `buffer`; `nil` when it cannot be read.
    private func readFile() -> UnsafeRawBufferPointer? {
        guard descriptor >= 0 else { return nil }
        var count: Int
        repeat {
            count = pread(descriptor, buffer.baseAddress, buffer.count, 0)
        } while count < 0 && errno == EINTR
        guard count > 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    }

    /// This process's peak resident set size from `getrusage`, in bytes (PerfSupport's `ResourceUsage`).
    static func peakResidentBytes() -> Int? {
        ResourceUsage.read(.allThreads).map { Int(clamping: $0.peakResidentBytes) }
    }
}
