/// One command measured in forks: an executable that runs a suite (or a part of it) once and writes one
/// PerfResult report to the path given after `--json`, which the fork runner appends.
public struct ForkCommand: Sendable, Hashable {
    /// What messages call it: `micro`, `base`, `head`.
    public var label: String
    /// The executable's path.
    public var executable: String
    /// Its arguments, without `--json`.
    public var arguments: [String]
    /// Its whole environment (the runner adds `PERF_FORK` and `PERF_FORK_PADDING`).
    public var environment: [String: String]
    /// The directory it runs in, or `nil` for the runner's.
    public var workingDirectory: String?

    /// A command labelled `label`.
    public init(
        label: String, executable: String, arguments: [String], environment: [String: String],
        workingDirectory: String? = nil
    ) {
        self.label = label
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
    }
}

/// Which fork of how many this process is, from `PERF_FORK=i/N` (1-based), which the fork runner sets; suites
/// rotate the order of their cases by it, so that no case always runs first or last.
public struct ForkPosition: Sendable, Hashable {
    /// This fork, 1-based.
    public let index: Int
    /// The number of forks.
    public let count: Int

    /// The position `PERF_FORK` describes in `environment`, or `nil` when it is absent or malformed.
    public init?(environment: [String: String]) {
        guard let text = environment["PERF_FORK"], let slash = text.firstIndex(of: "/"),
            let index = Int(text[..<slash]), let count = Int(text[text.index(after: slash)...]),
            count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// `items` rotated so that fork *i* of *n* starts at about the *i*-th *n*-th of them.
    /// - Complexity: O(*n*) in the number of items.
    public func rotated<Item>(_ items: [Item]) -> [Item] {
        guard !items.isEmpty else { return items }
        let offset = ((index - 1) * items.count / count) % items.count
        return Array(items[offset...] + items[..<offset])
    }
}
