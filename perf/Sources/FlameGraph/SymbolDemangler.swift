/// Something that turns mangled symbols into names a reader understands, many at once.
public protocol SymbolDemangler {
    /// The readable name of each of `symbols`, in the same order; a symbol it does not know comes back unchanged.
    func demangle(_ symbols: [String]) throws(FlameGraphError) -> [String]
}

extension FoldedStacks {
    /// The same profile with every Swift symbol demangled by `demangler`, all in one batch.
    ///
    /// Annotations (`_[k]`, `_[i]`) stay; stacks that become equal are merged.
    /// - Returns: the renamed profile and how many distinct symbols were sent to the demangler.
    /// - Complexity: O(total length of the folded stacks) plus one call to `demangler`.
    public func demangled(with demangler: some SymbolDemangler) throws(FlameGraphError) -> (FoldedStacks, Int) {
        var mangled: [String] = []
        for frame in frameNames {
            let symbol = String(FrameKind.displayName(frame))
            if Self.isSwiftMangled(symbol) { mangled.append(symbol) }
        }
        guard !mangled.isEmpty else { return (self, 0) }
        let names = try demangler.demangle(mangled)
        guard names.count == mangled.count else {
            throw .demanglerFailed(
                command: String(describing: type(of: demangler)),
                reason: "asked for \(mangled.count) names, got \(names.count)")
        }
        let readable = Dictionary(zip(mangled, names), uniquingKeysWith: { first, _ in first })
        let renamed = renamingFrames { frame in
            let symbol = FrameKind.displayName(frame)
            guard let name = readable[String(symbol)] else { return frame }
            return name + frame.dropFirst(symbol.count)
        }
        return (renamed, mangled.count)
    }

    /// True for a Swift symbol: `$s...` (Swift 5 and later), `$S...` (4.2), `_T0...` (4), with or without
    /// the leading underscore Darwin adds, and `$e...` (Embedded Swift).
    public static func isSwiftMangled(_ symbol: some StringProtocol) -> Bool {
        let name = symbol.hasPrefix("_$") ? symbol.dropFirst() : symbol[...]
        return name.hasPrefix("$s") || name.hasPrefix("$S") || name.hasPrefix("$e") || name.hasPrefix("_T0")
    }
}
