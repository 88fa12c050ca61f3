public import PerfSupport

/// The top allocation sites of a heap profile: each backtrace charged to the first frame that is the program's
/// own code, backtraces with the same site added up, the largest first.
///
/// ```swift
/// let profile = HeapProfile(heaptrackPrint: text)
/// let summary = try HeapSummary(profile, top: 8, demangler: SwiftDemangler())
/// print(summary.text)
/// ```
public struct HeapSummary: Sendable, Equatable {
    /// Where allocations were made, and how much and how often under one ranking.
    public struct Site: Sendable, Equatable {
        /// The function, demangled when a demangler was given and knew it.
        public var function: String
        /// `File.swift:line` (the file name without its directories), or empty when heaptrack knew none.
        public var location: String
        /// The memory the site's backtraces held at the peak, in bytes.
        public var peakBytes: Double
        /// The allocation calls of the site's backtraces.
        public var calls: Int

        /// A site.
        public init(function: String, location: String, peakBytes: Double, calls: Int) {
            self.function = function
            self.location = location
            self.peakBytes = peakBytes
            self.calls = calls
        }
    }

    /// The profile's totals.
    public var totals: HeapProfile.Totals
    /// The sites of `PEAK MEMORY CONSUMERS`, by peak bytes, largest first.
    public var byPeakMemory: [Site]
    /// The sites of `MOST CALLS TO ALLOCATION FUNCTIONS`, by calls, most first.
    public var byCalls: [Site]

    /// Allocators and the Swift runtime's allocation entry points: never a site. Other `swift_` functions
    /// are skipped too.
    public static let allocators: Set<String> = [
        "malloc", "calloc", "realloc", "free", "posix_memalign", "aligned_alloc", "memalign", "valloc",
        "swift_slowAlloc", "swift_allocObject", "swift_allocBox", "swift_allocEmptyBox", "operator new(unsigned long)",
        "operator new[](unsigned long)", "__libc_malloc", "__libc_calloc", "__libc_realloc",
    ]

    /// Summarizes `profile`: at most `top` sites per ranking (ties keep the order heaptrack printed them in),
    /// with Swift names demangled by `demangler`, all in one batch. Without a demangler, or when it fails,
    /// the names stay mangled.
    /// - Complexity: O(*n* log *n*) in the number of entries, plus one call to `demangler`.
    public init(_ profile: HeapProfile, top: Int, demangler: (any SymbolDemangler)? = nil) {
        var sites: [HeapProfile.Ranking: [Site]] = [:]
        var indices: [HeapProfile.Ranking: [SiteKey: Int]] = [:]
        for entry in profile.entries {
            let frame = Self.site(of: entry.frames)
            let key = SiteKey(function: frame.function, location: Self.shortLocation(frame.location))
            if let index = indices[entry.ranking]?[key] {
                sites[entry.ranking]![index].peakBytes += entry.peakBytes
                sites[entry.ranking]![index].calls += entry.calls
            } else {
                indices[entry.ranking, default: [:]][key] = sites[entry.ranking, default: []].count
                sites[entry.ranking, default: []].append(
                    Site(function: key.function, location: key.location, peakBytes: entry.peakBytes, calls: entry.calls)
                )
            }
        }
        let readable = Self.readableNames(sites.values.flatMap { $0.map(\.function) }, demangler: demangler)
        func ranked(_ ranking: HeapProfile.Ranking, by measure: (Site) -> Double) -> [Site] {
            let all = sites[ranking] ?? []
            let order = all.indices.sorted { left, right in
                let (first, second) = (measure(all[left]), measure(all[right]))
                return first != second ? first > second : left < right
            }
            return order.prefix(max(0, top)).map { index in
                var site = all[index]
                site.function = readable[site.function] ?? site.function
                return site
            }
        }
        totals = profile.totals
        byPeakMemory = ranked(.peakMemory) { $0.peakBytes }
        byCalls = ranked(.calls) { Double($0.calls) }
    }

    /// The frame a backtrace is charged to: the first that is neither an allocator nor the runtime nor the
    /// standard library (`$ss`, `$sS`) and has a source location that is not `<compiler-generated>`; when
    /// there is none, the first frame that is not an allocator or the runtime; `[unknown]` for none at all.
    public static func site(of frames: [HeapProfile.Frame]) -> HeapProfile.Frame {
        let candidates = frames.filter { !allocators.contains($0.function) && !$0.function.hasPrefix("swift_") }
        let own = candidates.first { frame in
            !frame.function.hasPrefix("$ss") && !frame.function.hasPrefix("$sS")
                && !frame.location.contains("<compiler-generated>") && !frame.location.isEmpty
        }
        return own ?? candidates.first ?? HeapProfile.Frame(function: "[unknown]", location: "")
    }

    /// `/work/perf/Sources/DemoService/StoredMessage.swift:19` → `StoredMessage.swift:19`.
    static func shortLocation(_ location: String) -> String {
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        let file = parts[0].split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return parts.count > 1 ? file + ":" + parts[1] : file
    }

    private static func readableNames(_ names: [String], demangler: (any SymbolDemangler)?) -> [String: String] {
        guard let demangler else { return [:] }
        let mangled = Array(Set(names.filter { SwiftDemangler.isSwiftMangled($0) })).sorted()
        guard !mangled.isEmpty, let readable = try? demangler.demangle(mangled), readable.count == mangled.count
        else { return [:] }
        return Dictionary(zip(mangled, readable), uniquingKeysWith: { first, _ in first })
    }

    private struct SiteKey: Hashable {
        var function: String
        var location: String
    }
}
