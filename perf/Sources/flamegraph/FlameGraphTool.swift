import FlameGraph
import PerfResult
import PerfSupport

/// What `flamegraph` does once its command line is read: collapse, render, diff or summarize, reporting on
/// the way. Every failure is a `FlameGraphTool.Failure`, exit status 2.
enum FlameGraphTool {
    /// Input or output that cannot be used; the message says what to fix.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `options`.
    /// - Throws: `Failure` for an unreadable or empty input, a demangler that fails, or an unwritable output.
    static func run(_ options: Options) throws(Failure) {
        let report = Reporter(
            toStandardError: options.output == "-" || (options.action == .collapse && options.output == nil))
        switch options.action {
        case .collapse:
            let stacks = try loadStacks(options.inputs.first ?? "-", options: options, report: report)
            try write(stacks.foldedText, to: options.output ?? "-")
            if let output = options.output, output != "-" { report("Wrote      \(output)") }
        case .render:
            let output = options.output ?? "-"
            let stacks = try loadStacks(options.inputs.first ?? "-", options: options, report: report)
            if let path = options.foldedOutput {
                try write(stacks.foldedText, to: path)
                report("Wrote      \(path) (folded stacks)")
            }
            let rendering = try attempt { () throws(FlameGraphError) in
                try FlameGraphSVG.render(FlameTree(stacks), options: options.render)
            }
            try write(rendering.svg, to: output)
            report(
                "Wrote      \(output): \(rendering.drawnFrames) frames drawn, \(rendering.omittedFrames) "
                    + "narrower than \(NumberText.plain(options.render.minimumFrameWidth)) px left out")
        case .diff:
            let output = options.output ?? "-"
            let before = try loadStacks(options.inputs[0], options: options, report: report)
            let after = try loadStacks(options.inputs[1], options: options, report: report)
            let difference = FlameDifference(before: before, after: after, normalize: options.normalize)
            let rendering = try attempt { () throws(FlameGraphError) in
                try FlameGraphSVG.render(difference, options: options.render)
            }
            try write(rendering.svg, to: output)
            report(
                "Wrote      \(output): \(rendering.drawnFrames) frames drawn (after's shape), "
                    + "before scaled by \(NumberText.fixed(difference.scale, decimals: 3))")
        case .heapSummary:
            let text = String(decoding: try read(options.inputs[0]), as: UTF8.self)
            let demangler = options.demangle ? try? SwiftDemangler(simplified: options.simplifiedNames) : nil
            let summary = HeapSummary(HeapProfile(heaptrackPrint: text), top: options.top, demangler: demangler)
            StandardStream.write(summary.text, to: .output)
        }
    }

    /// Reads one input as folded stacks, collapsing and demangling `perf script` text; reports what it read.
    private static func loadStacks(_ path: String, options: Options, report: Reporter) throws(Failure)
        -> FoldedStacks
    {
        let text = String(decoding: try read(path), as: UTF8.self)
        let source = path == "-" ? "standard input" : path
        let folded = options.inputFormat.map { $0 == .folded } ?? FoldedStacks.looksFolded(text[...])
        var stacks: FoldedStacks
        if folded {
            stacks = try attempt(prefix: "\(source): ") { () throws(FlameGraphError) in
                try FoldedStacks(parsing: text)
            }
            report("Input      \(source): folded stacks, \(stacks.totalCount) counts in \(stacks.counts.count) stacks")
        } else {
            let (collapsed, statistics) = PerfScriptCollapser.collapse(text, options: options.collapse)
            stacks = collapsed
            report(
                "Input      \(source): perf script, \(statistics.samples) samples in \(stacks.counts.count) stacks; "
                    + "frames: \(statistics.kernelFrames) kernel, \(statistics.inlinedFrames) inlined, "
                    + "\(statistics.unknownFrames) without symbol")
            if statistics.skippedSamples > 0 {
                report("           \(statistics.skippedSamples) samples of other events left out (--event)")
            }
            let truncated =
                statistics.samples > 0 ? Double(statistics.truncatedSamples) / Double(statistics.samples) : 0
            if truncated >= 0.2 {
                report(
                    "note       \(Int((truncated * 100).rounded())) % of stacks stop before a thread entry point: "
                        + "code without frame pointers (libc, vDSO) cut them; record with --call-graph dwarf "
                        + "(make perf-flame CALL_GRAPH=dwarf) for whole stacks")
            }
        }
        guard !stacks.isEmpty else { throw Failure(description: "\(FlameGraphError.emptyProfile(source: source))") }
        guard options.demangle else { return stacks }
        return try attempt { () throws(FlameGraphError) in
            let demangler: SwiftDemangler
            do throws(DemanglerFailure) {
                demangler = try SwiftDemangler(simplified: options.simplifiedNames)
            } catch {
                throw FlameGraphError(error)
            }
            let (demangled, count) = try stacks.demangled(with: demangler)
            if count > 0 { report("Demangled  \(count) Swift symbols with \(demangler.commandLine) (one process)") }
            return demangled
        }
    }

    /// The bytes of `path`, or of standard input for `-`.
    private static func read(_ path: String) throws(Failure) -> [UInt8] {
        do {
            return try AtomicFile.read(path == "-" ? "/dev/stdin" : path)
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    /// Writes `text` to `path`, or to standard output for `-`.
    private static func write(_ text: String, to path: String) throws(Failure) {
        if path == "-" {
            if let error = StandardStream.write(text, to: .output) { throw Failure(description: "\(error)") }
            return
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    /// `body`'s result, its `FlameGraphError` turned into a `Failure` whose message starts with `prefix`.
    private static func attempt<Value>(prefix: String = "", _ body: () throws(FlameGraphError) -> Value)
        throws(Failure) -> Value
    {
        do {
            return try body()
        } catch {
            throw Failure(description: prefix + error.description)
        }
    }
}
