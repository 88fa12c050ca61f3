import PerfSupport

extension Options {
    /// The text of `--list`: the specs, then the leak kinds, each with what it does.
    static var list: String {
        var specs = TextTable([.left("spec"), .left("workload")])
        for spec in MemorySpec.all { specs.append([spec.name, spec.summary]) }
        var kinds = TextTable([.left("kind"), .left("leak")])
        for kind in LeakInjection.allCases { kinds.append([kind.rawValue, kind.summary]) }
        return """
            Specs (result memory/<name>):
            \(specs.rendered(indent: "  "))
            Leak kinds (--inject-leak KIND):
            \(kinds.rendered(indent: "  "))
            """
    }
}
