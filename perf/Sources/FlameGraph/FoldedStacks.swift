/// Call stacks with a count each, in the "folded" form every flame graph tool reads.
///
/// A folded line is the frames from the root to the leaf joined by `;`, a space and the count:
/// `demo-service;start_thread;EventLoop.run();SaltedHash.digest() 812`. Equal stacks are merged; the
/// count is samples for a CPU profile and bytes or allocations for a heap profile.
///
/// ```swift
/// var stacks = FoldedStacks()
/// stacks.add(["main", "parse", "scan"], count: 3)
/// stacks.add(["main", "render"])
/// print(stacks.foldedText)     // "main;parse;scan 3\nmain;render 1\n"
/// ```
public struct FoldedStacks: Equatable, Sendable {
    /// The count of each distinct stack, keyed by its folded frames (`root;...;leaf`, no count).
    public private(set) var counts: [String: Int] = [:]
    /// The sum of every stack's count: the width of the whole graph.
    public private(set) var totalCount = 0

    /// An empty profile.
    public init() {}

    /// True when no stack was added.
    public var isEmpty: Bool { counts.isEmpty }

    /// Adds `count` to the stack of `frames`, listed from the root to the leaf.
    ///
    /// Frame names are cleaned with ``frameName(_:)``, so a `;` inside a name cannot split it.
    /// - Precondition: `frames` is not empty and `count` is positive.
    /// - Complexity: O(total length of the frame names).
    public mutating func add(_ frames: [String], count: Int = 1) {
        precondition(!frames.isEmpty, "a stack has at least one frame")
        add(folded: frames.map(Self.frameName).joined(separator: ";"), count: count)
    }

    /// Adds `count` to a stack already in folded form (`root;...;leaf`, names already clean).
    mutating func add(folded: String, count: Int) {
        precondition(count > 0, "a stack's count is positive")
        counts[folded, default: 0] += count
        totalCount += count
    }

    /// Every stack as folded lines sorted by their frames, each ending with a newline: the file format.
    ///
    /// - Complexity: O(n log n) in the number of distinct stacks.
    public var foldedText: String {
        var text = ""
        for key in counts.keys.sorted() {
            text += key
            text += " "
            text += String(counts[key]!)
            text += "\n"
        }
        return text
    }

    /// The same profile with every frame renamed by `transform`; stacks that become equal are merged.
    ///
    /// - Complexity: O(total length of the folded stacks) plus the calls to `transform`, one per distinct frame.
    public func renamingFrames(_ transform: (String) -> String) -> FoldedStacks {
        var renamed: [Substring: String] = [:]
        var result = FoldedStacks()
        for (key, count) in counts {
            let frames = key.split(separator: ";", omittingEmptySubsequences: false).map { frame in
                if let known = renamed[frame] { return known }
                let name = Self.frameName(transform(String(frame)))
                renamed[frame] = name
                return name
            }
            result.add(folded: frames.joined(separator: ";"), count: count)
        }
        return result
    }

    /// The distinct frame names of every stack.
    ///
    /// - Complexity: O(total length of the folded stacks).
    public var frameNames: Set<String> {
        var names = Set<String>()
        for key in counts.keys {
            for frame in key.split(separator: ";", omittingEmptySubsequences: false) { names.insert(String(frame)) }
        }
        return names
    }

    /// `raw` made safe for a folded line: `;` becomes `:`, line breaks and tabs become spaces, and an
    /// empty name becomes `[unknown]`.
    public static func frameName(_ raw: some StringProtocol) -> String {
        // Almost every name is clean: check the bytes before rebuilding it character by character.
        if !raw.utf8.isEmpty, !raw.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 < 0x20 }) {
            return String(raw)
        }
        var name = ""
        name.reserveCapacity(raw.utf8.count)
        for character in raw {
            switch character {
            case ";": name.append(":")
            case "\n", "\r", "\r\n", "\t": name.append(" ")
            default: name.append(character)
            }
        }
        return name.isEmpty ? "[unknown]" : name
    }
}
