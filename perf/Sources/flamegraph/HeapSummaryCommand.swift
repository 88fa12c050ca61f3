import FlameGraph
import Foundation
import PerfResult

/// `flamegraph heap-summary`: the peak heap and top allocation sites of `heaptrack_print` output.
enum HeapSummaryCommand {
    static let usage = """
        Usage: flamegraph heap-summary PRINT.txt [--top N] [--no-demangle] [--full-names]

        Reads the text of `heaptrack_print -f FILE` (PRINT.txt, or - for stdin) and prints the peak heap,
        the allocation calls, what was left at exit, and the top N allocation sites (8 by default) by peak
        memory and by number of calls. A site is the first frame of a backtrace that is the program's own
        code: not an allocator, the Swift runtime or the standard library; its file:line comes along. Swift
        names are demangled with `swift demangle --simplified` in one process (kept mangled when it is missing).

        Exit status: 0 printed; 2 bad usage or an unreadable file.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var input: String?
        var top = 8
        var demangle = true
        var simplified = true
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help":
                print(usage)
                return 0
            case "--top":
                guard let text = rest.popFirst(), let number = Int(text), number >= 0 else {
                    return failure("--top needs a number of sites, e.g. --top 8")
                }
                top = number
            case "--no-demangle": demangle = false
            case "--full-names": simplified = false
            default:
                if argument.hasPrefix("-"), argument != "-" {
                    return failure("unknown flag '\(argument)' (see --help)")
                }
                guard input == nil else { return failure("heap-summary reads one file, got a second: \(argument)") }
                input = argument
            }
        }
        guard let input else { return failure("heap-summary needs the text of heaptrack_print (see --help)") }
        let text: String
        if input == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            do {
                text = String(decoding: try AtomicFile.read(input), as: UTF8.self)
            } catch {
                return failure("\(error)")
            }
        }
        let demangler = demangle ? try? SwiftDemangler(simplified: simplified) : nil
        print(HeapSummary(HeapProfile(heaptrackPrint: text), top: top, demangler: demangler).text, terminator: "")
        return 0
    }

    private static func failure(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("flamegraph: \(message)\n".utf8))
        return 2
    }
}
