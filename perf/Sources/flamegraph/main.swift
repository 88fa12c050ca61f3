// flamegraph: read perf script output or folded stacks, demangle, write folded stacks or an SVG.
// Exit 0 when written, 2 for bad usage or input. See `flamegraph --help`.
import FlameGraph
import Foundation
import PerfResult

/// Where human output goes: stdout, unless stdout carries the document itself.
struct Reporter {
    let toStandardError: Bool

    func callAsFunction(_ line: String) {
        if toStandardError {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("flamegraph: \(message)\n".utf8))
    exit(2)
}

func readInput(_ path: String) -> String {
    if path == "-" {
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
    do {
        return String(decoding: try AtomicFile.read(path), as: UTF8.self)
    } catch {
        fail("\(error)")
    }
}

func write(_ text: String, to path: String) {
    if path == "-" {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
        fail("\(error)")
    }
}

/// Reads one input as folded stacks, collapsing and demangling `perf script` text; reports what it read.
func loadStacks(_ path: String, options: Options, report: Reporter) -> FoldedStacks {
    let text = readInput(path)
    let source = path == "-" ? "standard input" : path
    let folded = options.inputFormat.map { $0 == .folded } ?? FoldedStacks.looksFolded(text[...])
    var stacks: FoldedStacks
    if folded {
        do {
            stacks = try FoldedStacks(parsing: text)
        } catch {
            fail("\(source): \(error)")
        }
        report("Input      \(source): folded stacks, \(stacks.totalCount) counts in \(stacks.counts.count) stacks")
    } else {
        let (collapsed, statistics) = PerfScriptCollapser.collapse(text, options: options.collapse)
        stacks = collapsed
        let truncated = statistics.samples > 0 ? Double(statistics.truncatedSamples) / Double(statistics.samples) : 0
        report(
            "Input      \(source): perf script, \(statistics.samples) samples in \(stacks.counts.count) stacks; "
                + "frames: \(statistics.kernelFrames) kernel, \(statistics.inlinedFrames) inlined, "
                + "\(statistics.unknownFrames) without symbol")
        if statistics.skippedSamples > 0 {
            report("           \(statistics.skippedSamples) samples of other events left out (--event)")
        }
        if truncated >= 0.2 {
            let share = Int((truncated * 100).rounded())
            report(
                "note       \(share) % of stacks stop before a thread entry point: code without frame pointers "
                    + "(libc, vDSO) cut them; record with --call-graph dwarf (make perf-flame CALL_GRAPH=dwarf) for whole stacks"
            )
        }
    }
    guard !stacks.isEmpty else {
        fail(FlameGraphError.emptyProfile(source: source).description)
    }
    guard options.demangle else { return stacks }
    do {
        let demangler = try SwiftDemangler(simplified: options.simplifiedNames)
        let (demangled, count) = try stacks.demangled(with: demangler)
        if count > 0 { report("Demangled  \(count) Swift symbols with \(demangler.commandLine) (one process)") }
        return demangled
    } catch {
        fail("\(error)")
    }
}

if CommandLine.arguments.dropFirst().first == "heap-summary" {
    exit(HeapSummaryCommand.run(Array(CommandLine.arguments.dropFirst(2))))
}

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error)")
}
if options.help {
    print(Options.usage)
    exit(0)
}
let report = Reporter(toStandardError: options.output == "-" || (options.command == .collapse && options.output == nil))

switch options.command {
case .collapse:
    let stacks = loadStacks(options.inputs.first ?? "-", options: options, report: report)
    write(stacks.foldedText, to: options.output ?? "-")
    if let output = options.output, output != "-" { report("Wrote      \(output)") }
case .render:
    let stacks = loadStacks(options.inputs.first ?? "-", options: options, report: report)
    if let path = options.foldedOutput {
        write(stacks.foldedText, to: path)
        report("Wrote      \(path) (folded stacks)")
    }
    do {
        let rendering = try FlameGraphSVG.render(FlameTree(stacks), options: options.render)
        write(rendering.svg, to: options.output!)
        report(
            "Wrote      \(options.output!): \(rendering.drawnFrames) frames drawn, \(rendering.omittedFrames) "
                + "narrower than \(options.render.minimumFrameWidth) px left out")
    } catch {
        fail("\(error)")
    }
case .diff:
    let before = loadStacks(options.inputs[0], options: options, report: report)
    let after = loadStacks(options.inputs[1], options: options, report: report)
    do {
        let difference = FlameDifference(before: before, after: after, normalize: options.normalize)
        let rendering = try FlameGraphSVG.render(difference, options: options.render)
        write(rendering.svg, to: options.output!)
        report(
            "Wrote      \(options.output!): \(rendering.drawnFrames) frames drawn (after's shape), "
                + "before scaled by \(String(format: "%.3f", difference.scale))")
    } catch {
        fail("\(error)")
    }
}
