import CMemProbe
public import PerfResult
public import PerfSupport

/// MemProbe's allocation-site recording as a PerfResult `AllocationSiteRecorder`, for harnesses that cannot
/// import MemProbe (MicroBench's `--allocation-sites N`).
///
/// ```swift
/// MicroBench.main([suite], probes: [AllocationProbe(scope: .currentThread)], allocationSites: AllocationSiteProbe())
/// ```
///
/// It records the thread that calls `start(frames:)` and `stop()`, exactly (see `AllocationSites`).
public final class AllocationSiteProbe: AllocationSiteRecorder {
    /// Whether sites can be recorded here; fixed when the probe is created.
    public let availability: ProbeAvailability
    private let demangler: (any SymbolDemangler)?
    private var table: OpaquePointer?
    private var refusal: String?

    /// - Parameter demangler: Names Swift symbols, one batch per window; `nil` keeps them mangled. The
    ///   default runs the toolchain's `swift-demangle`, when it is on `PATH`.
    public init(demangler: (any SymbolDemangler)? = AllocationSites.defaultDemangler()) {
        availability = AllocationSites.availability
        self.demangler = demangler
    }

    deinit {
        memprobe_sites_release(table)
    }

    /// Begins recording the calling thread's allocations: maps the table and warms up the unwinder.
    /// - Precondition: `frames` is in 1...16.
    public func start(frames: Int) {
        precondition(
            (1...AllocationSites.maximumFrames).contains(frames),
            "AllocationSiteProbe.start(frames:) takes 1...\(AllocationSites.maximumFrames) frames")
        memprobe_sites_release(table)
        table = nil
        let status = memprobe_sites_begin(Int32(frames))
        refusal = status == MEMPROBE_SITES_RECORDING ? nil : AllocationSites.refusal(status)
    }

    /// Ends recording. Does not allocate.
    public func stop() {
        guard refusal == nil, table == nil else { return }
        table = memprobe_sites_end()
    }

    /// The sites of the last window, most allocations first, named and demangled.
    public func lastWindow() -> AllocationSiteRecording {
        if let refusal { return .failed(refusal) }
        guard let table else { return .failed("no window was recorded: call start(frames:) and stop() first") }
        return AllocationSites.read(table, demangler: demangler)
    }
}
