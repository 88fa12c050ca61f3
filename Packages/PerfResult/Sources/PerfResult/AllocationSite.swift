/// One call site of a window's allocations: how many allocations and bytes came from it, and the call
/// stack that leads to it, innermost frame first.
///
/// MemProbe records sites (`AllocationSites.record`); MicroBench prints them under a task's row
/// (`--allocation-sites N`) through an `AllocationSiteRecorder`. Two allocations share a site when their
/// recorded frames (return addresses) are the same, so two calls in one function are two sites.
public struct AllocationSite: Sendable, Hashable {
    /// One frame of a site: a return address and what it was resolved to.
    public struct Frame: Sendable, Hashable {
        /// The return address, as captured in this process.
        public var address: UInt
        /// The function, demangled when it is a Swift symbol and the demangler answered (`split(_:)`);
        /// `nil` when no symbol table names the address.
        public var function: String?
        /// The address minus the function's start.
        public var offset: UInt
        /// The executable or shared library holding the address; `nil` when no loaded object does.
        public var file: String?
        /// The address inside `file` (minus its load bias): what `addr2line -e FILE` takes.
        public var fileAddress: UInt

        public init(address: UInt, function: String?, offset: UInt, file: String?, fileAddress: UInt) {
            self.address = address
            self.function = function
            self.offset = offset
            self.file = file
            self.fileAddress = fileAddress
        }

        /// The function's name, else `libfoo.so+0x1a2b` (the file's last component and the file address),
        /// else the address in hexadecimal.
        public var displayName: String {
            if let function { return function }
            if let file {
                let name = file.split(separator: "/").last.map(String.init) ?? file
                return name + "+0x" + String(fileAddress, radix: 16)
            }
            return "0x" + String(address, radix: 16)
        }
    }

    /// The allocations made from this site in the window.
    public var allocations: UInt64
    /// The bytes those allocations requested.
    public var bytes: UInt64
    /// The call stack, innermost first: the code that asked for memory, then its callers. Allocator frames
    /// (malloc, the Swift runtime's swift_allocObject) are left out. Empty when none was left.
    public var frames: [Frame]

    public init(allocations: UInt64, bytes: UInt64, frames: [Frame]) {
        self.allocations = allocations
        self.bytes = bytes
        self.frames = frames
    }
}

/// The sites of one recorded window, or why none were recorded.
public struct AllocationSiteRecording: Sendable, Hashable {
    /// The sites, most allocations first (then most bytes).
    public var sites: [AllocationSite]
    /// Allocations (and their bytes) recorded in no site because the recorder's table was full.
    public var unattributedAllocations: UInt64
    public var unattributedBytes: UInt64
    /// Why nothing was recorded (the recorder is unavailable, or a window was already recording on this
    /// thread); `nil` when the window was recorded.
    public var failure: String?
    /// What a reader should know about the names, e.g. that the demangler failed and they stay mangled.
    public var notes: [String]

    public init(
        sites: [AllocationSite], unattributedAllocations: UInt64 = 0, unattributedBytes: UInt64 = 0,
        failure: String? = nil, notes: [String] = []
    ) {
        self.sites = sites
        self.unattributedAllocations = unattributedAllocations
        self.unattributedBytes = unattributedBytes
        self.failure = failure
        self.notes = notes
    }

    /// No sites, and why.
    public static func failed(_ reason: String) -> AllocationSiteRecording {
        AllocationSiteRecording(sites: [], failure: reason)
    }
}
