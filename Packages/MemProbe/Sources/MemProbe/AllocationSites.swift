import CMemProbe
public import PerfResult
public import PerfSupport

/// Where the calling thread's allocations come from: each call site with its allocations and bytes, its
/// frames named from the ELF symbol tables and demangled.
///
/// ```swift
/// let recording = AllocationSites.record(frames: 6) { parse(document) }
/// for site in recording.sites.prefix(5) {
///     print(site.allocations, site.bytes, site.frames.map(\.displayName).joined(separator: " ← "))
/// }
/// ```
///
/// How: MemProbe's malloc interposer (see `AllocationCounter`) checks a thread-local table pointer on every
/// allocation. While a window records, each allocation of *the recording thread* unwinds its stack with
/// glibc's `backtrace()`, drops the interposer's frames and the allocator frames of the Swift runtime, C++
/// and libc (`swift_slowAlloc`, `swift_allocObject`, `operator new`, `strdup`), and adds one allocation and
/// its bytes to the entry of the first `frames` return addresses, in a table mapped before the window
/// (nothing is allocated inside malloc). Every allocation is recorded: counts are exact, and equal the
/// allocation counter's for the same thread and window.
///
/// Cost: with no window open, one thread-local load and a branch per allocation. Inside a window a stack
/// unwind per allocation (microseconds), so never time work while it records. Allocations of other threads
/// are not recorded; a window holds up to 3,584 distinct sites (further ones are counted as unattributed).
/// Linux with glibc only; elsewhere, or when something else replaced malloc, `availability` says why.
public enum AllocationSites {
    /// The most frames a site keeps.
    public static let maximumFrames = Int(MEMPROBE_SITES_MAX_FRAMES)

    /// Whether sites can be recorded in this process, and why not: the allocation counter's availability.
    public static var availability: ProbeAvailability {
        switch AllocationCounter.availability {
        case .available: return .available
        case let .unavailable(reason):
            return .unavailable(reason: "allocation sites need the allocation counter: \(reason)")
        }
    }

    /// Records the sites of the calling thread's allocations while `work` runs.
    ///
    /// - Parameters:
    ///   - frames: The frames kept per site (1...16); allocations whose first `frames` frames agree share a site.
    ///   - demangler: Names Swift symbols, one batch per recording; `nil` keeps them mangled. The default
    ///     runs the toolchain's `swift-demangle` (`SwiftDemangler`), when it is on `PATH`.
    /// - Returns: The sites, most allocations first; `failure` says why there are none when recording was
    ///   refused (unavailable, or this thread already records).
    /// - Precondition: `frames` is in 1...16.
    public static func record(
        frames: Int = 6, demangler: (any SymbolDemangler)? = defaultDemangler(), _ work: () throws -> Void
    ) rethrows -> AllocationSiteRecording {
        precondition(
            (1...maximumFrames).contains(frames), "AllocationSites.record(frames:) takes 1...\(maximumFrames) frames")
        let status = memprobe_sites_begin(Int32(frames))
        guard status == MEMPROBE_SITES_RECORDING else { return .failed(refusal(status)) }
        var table: OpaquePointer?
        defer { memprobe_sites_release(table) }
        do {
            defer { table = memprobe_sites_end() }
            try work()
        }
        return read(table, demangler: demangler)
    }

    /// What the symbol tables say about `address` (a return address: the byte before it is looked up): the
    /// function containing it, local functions included, demangled by `demangler`, and its object file.
    public static func frame(
        at address: UInt, demangler: (any SymbolDemangler)? = defaultDemangler()
    ) -> AllocationSite.Frame {
        FrameSymbols.resolve([address], demangler: demangler).0[address] ?? FrameSymbols.unnamed(address)
    }

    /// The toolchain's demangler, or `nil` when neither `swift-demangle` nor `swift` is on `PATH`.
    public static func defaultDemangler() -> (any SymbolDemangler)? {
        try? SwiftDemangler()
    }

    /// Why memprobe_sites_begin refused, for a reader.
    static func refusal(_ status: Int32) -> String {
        switch status {
        case MEMPROBE_SITES_ALREADY_RECORDING:
            return "this thread is already recording allocation sites; windows do not nest"
        case MEMPROBE_SITES_NO_MEMORY:
            return "the site table could not be mapped: \(SystemError.capture("mmap").text)"
        case MEMPROBE_SITES_BAD_FRAMES:
            return "frames must be 1...\(maximumFrames)"
        default:
            if case let .unavailable(reason) = availability { return reason }
            return "allocation sites cannot be recorded here"
        }
    }

    /// The sites of `table`, sorted, named and demangled.
    static func read(_ table: OpaquePointer?, demangler: (any SymbolDemangler)?) -> AllocationSiteRecording {
        let count = memprobe_sites_count(table)
        var raw = [memprobe_site](repeating: memprobe_site(), count: count)
        let copied = raw.withUnsafeMutableBufferPointer { memprobe_sites_copy(table, $0.baseAddress, count) }
        raw.removeLast(count - copied)
        var unattributed: (allocations: UInt64, bytes: UInt64) = (0, 0)
        memprobe_sites_unattributed(table, &unattributed.allocations, &unattributed.bytes)
        let stacks = raw.map(Self.frames(of:))
        let (names, notes) = FrameSymbols.resolve(Array(Set(stacks.joined())), demangler: demangler)
        var sites = zip(raw, stacks).map { site, stack in
            AllocationSite(
                allocations: site.allocations, bytes: site.bytes,
                frames: stack.map { names[$0] ?? FrameSymbols.unnamed($0) })
        }
        sites.sort { left, right in
            if left.allocations != right.allocations { return left.allocations > right.allocations }
            if left.bytes != right.bytes { return left.bytes > right.bytes }
            return left.frames.map(\.address).lexicographicallyPrecedes(right.frames.map(\.address))
        }
        return AllocationSiteRecording(
            sites: sites, unattributedAllocations: unattributed.allocations, unattributedBytes: unattributed.bytes,
            notes: notes)
    }

    /// The return addresses of `site`, innermost first.
    private static func frames(of site: memprobe_site) -> [UInt] {
        withUnsafeBytes(of: site.frames) { bytes in
            Array(bytes.bindMemory(to: UInt.self).prefix(Int(site.depth)))
        }
    }
}
