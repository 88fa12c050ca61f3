import PerfSupport

/// Where `flamegraph`'s own lines go: standard output, unless standard output carries the document itself.
struct Reporter {
    let toStandardError: Bool

    func callAsFunction(_ line: String) {
        StandardStream.write(line + "\n", to: toStandardError ? .error : .output)
    }
}
