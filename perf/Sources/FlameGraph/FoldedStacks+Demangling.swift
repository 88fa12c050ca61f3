public import PerfSupport

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
            if SwiftDemangler.isSwiftMangled(symbol) { mangled.append(symbol) }
        }
        guard !mangled.isEmpty else { return (self, 0) }
        let names: [String]
        do {
            names = try demangler.demangle(mangled)
        } catch {
            throw FlameGraphError(error)
        }
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
}
