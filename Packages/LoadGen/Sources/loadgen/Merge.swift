import LoadGen
import PerfResult
import PerfSupport

/// `loadgen merge`: combines the results of runs made at the same time by several processes or hosts.
enum Merge {
    static let json = Option("json", .path, help: "write the merged report to PATH")

    static let command = Command(
        "merge",
        summary: """
            Combines the results of runs made at the same time by several processes or hosts. Counts and
            histograms add exactly; the window spans every run, so concurrent throughputs add; merged seconds
            keep their counts and drop their percentiles, which cannot be merged. Results of the same name
            merge; prints each merged table.
            """,
        options: [json], positionals: [Positional("FILE", .oneOrMore, help: "reports of loadgen --json, at least two")],
        footer: "Exit status: 0 merged; 2 bad usage, or a report that cannot be read, merged or written.")

    /// Reads the reports `parsed` names, prints the merged tables and writes the merged report.
    /// - Returns: the exit status.
    static func run(_ parsed: ParsedArguments) -> Int32 {
        let files = parsed.positionals
        guard files.count >= 2 else {
            return Run.fail("merge needs at least two report files; see loadgen merge --help")
        }
        let environment = Environment.capture()
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        var lists: [[LoadReport.Entry]] = []
        var first: Report?
        do {
            for file in files {
                let (report, entries) = try LoadReport.read(from: file)
                if first == nil { first = report }
                lists.append(entries)
            }
        } catch {
            return Run.fail("\(error)")
        }
        let merged = LoadReport.merged(lists)
        for entry in merged {
            print("")
            print("Result        \(entry.name) (merged from \(files.count) files)")
            print(entry.result.summaryTable())
        }
        if let path = parsed[json], let first {
            do {
                try LoadReport.write(merged, suite: first.suite, environment: first.environment, to: path)
                print("Report        \(path)")
            } catch {
                return Run.fail("\(error)")
            }
        }
        return 0
    }
}
