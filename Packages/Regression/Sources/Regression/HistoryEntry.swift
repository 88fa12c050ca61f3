public import PerfResult

/// The result sets of one commit in a history.
public struct HistoryEntry: Sendable {
    /// The position in commit order.
    public var sequence: Int
    /// The git commit, as the directory names it (short or full, lower case).
    public var commit: String
    /// One report per suite, in suite-name order.
    public var reports: [Report]

    /// Creates an entry; `reports` are put in suite-name order.
    public init(sequence: Int, commit: String, reports: [Report]) {
        self.sequence = sequence
        self.commit = commit
        self.reports = reports.sorted { $0.suite < $1.suite }
    }

    /// The commit shortened to 7 digits, as git shows it.
    public var shortCommit: String { String(commit.prefix(7)) }

    /// The sequence number and commit of a `<seq>-<commit>` name, or `nil` when it is not one.
    static func parse(name: String) -> (sequence: Int, commit: String)? {
        guard let hyphen = name.firstIndex(of: "-") else { return nil }
        let digits = name[..<hyphen]
        let commit = name[name.index(after: hyphen)...]
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let sequence = Int(digits), (4...64).contains(commit.count),
            commit.allSatisfy({ $0.isASCII && $0.isHexDigit })
        else { return nil }
        return (sequence, commit.lowercased())
    }
}

/// One commit of a history.
public struct HistoryCommit: Sendable, Hashable {
    /// The position in commit order.
    public var sequence: Int
    /// The commit, short or full.
    public var commit: String
}
