/// Something that turns mangled symbols into names a reader understands, many at once.
///
/// `SwiftDemangler` runs the toolchain's demangler; flame graphs (`perf/Sources/FlameGraph`) and MemProbe's
/// allocation sites both demangle through this protocol, one batch per call.
public protocol SymbolDemangler {
    /// The readable name of each of `symbols`, in the same order; a symbol it does not know comes back unchanged.
    func demangle(_ symbols: [String]) throws(DemanglerFailure) -> [String]
}
