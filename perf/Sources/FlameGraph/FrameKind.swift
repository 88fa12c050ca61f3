/// What kind of code a frame runs, read from its name; it picks the frame's colour.
///
/// The collapser marks kernel frames with the suffix `_[k]` and inlined frames with `_[i]` (the
/// convention of folded stacks), and names a frame without a symbol `[dso]` or `[unknown]`. Other
/// frames are told apart by their demangled names: `::` is C++, a bare identifier is C, anything else
/// (`Type.method(label:)`, `closure #1 in ...`, a raw `$s...` symbol) is Swift. The ` (file.c)` that
/// `heaptrack_print -F` appends is ignored.
public enum FrameKind: Sendable, Equatable, CaseIterable {
    /// The synthetic root frame that spans the whole profile.
    case root
    /// A kernel function (`_[k]`).
    case kernel
    /// A function inlined into its caller (`_[i]`); it has no frame of its own at run time.
    case inlined
    /// A frame without a symbol: `[unknown]`, or `[libfoo.so]` when only the library is known.
    case unknown
    /// Swift code.
    case swift
    /// C++ code.
    case cxx
    /// C code, or any bare identifier.
    case c

    /// The suffix that marks a kernel frame in folded stacks.
    public static let kernelSuffix = "_[k]"
    /// The suffix that marks an inlined frame in folded stacks.
    public static let inlinedSuffix = "_[i]"

    /// The kind of the frame named `frame` (a folded-stack frame, annotations included).
    ///
    /// - Complexity: O(length of `frame`).
    public init(frame: some StringProtocol) {
        if frame.hasSuffix(Self.kernelSuffix) {
            self = .kernel
        } else if frame.hasSuffix(Self.inlinedSuffix) {
            self = .inlined
        } else if frame.hasPrefix("["), frame.hasSuffix("]") {
            self = .unknown
        } else {
            let name = Self.droppingSourceFile(frame)
            if name.contains("::") {
                self = .cxx
            } else if Self.isBareIdentifier(name) {
                self = .c
            } else {
                self = .swift
            }
        }
    }

    /// `name` without the ` (file.ext)` heaptrack appends to frames it has a source file for.
    private static func droppingSourceFile<S: StringProtocol>(_ frame: S) -> S.SubSequence {
        guard frame.hasSuffix(")"), let open = frame.lastIndex(of: "("), open > frame.startIndex else {
            return frame[...]
        }
        let file = frame[frame.index(after: open)..<frame.index(before: frame.endIndex)]
        let before = frame.index(before: open)
        guard frame[before] == " ", file.contains("."), !file.contains(" "), !file.contains(":") else {
            return frame[...]
        }
        return frame[..<before]
    }

    /// `frame` without its `_[k]` or `_[i]` annotation: the name a reader sees.
    public static func displayName<S: StringProtocol>(_ frame: S) -> S.SubSequence {
        for suffix in [kernelSuffix, inlinedSuffix] where frame.hasSuffix(suffix) && frame.count > suffix.count {
            return frame.dropLast(suffix.count)
        }
        return frame[...]
    }

    /// A word a reader understands, shown in tooltips.
    public var label: String {
        switch self {
        case .root: return "all samples"
        case .kernel: return "kernel"
        case .inlined: return "inlined"
        case .unknown: return "no symbol"
        case .swift: return "Swift"
        case .cxx: return "C++"
        case .c: return "C"
        }
    }

    /// Suffixes compilers append to C symbols (`foo.cold`, `bar.part.0`, `baz.isra.0`).
    private static let compilerSuffixes = ["cold", "part", "isra", "constprop", "lto_priv", "llvm", "localalias"]

    /// True for `malloc`, `__libc_recv`, `do_softirq.part.0` or `demo-service`; false for `Type.method`.
    private static func isBareIdentifier(_ frame: some StringProtocol) -> Bool {
        let base = frame.prefix { $0 != "." }
        guard let first = base.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            base.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0 == "_" || $0 == "-" || $0.properties.isAlphabetic
                        || ("0"..."9").contains($0))
            })
        else { return false }
        if base.count == frame.count { return true }
        let rest = frame.dropFirst(base.count + 1)
        return compilerSuffixes.contains { rest.hasPrefix($0) }
    }
}
