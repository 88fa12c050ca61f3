import LoadGen
import PerfResult

/// `loadgen merge`: combines the results of runs made at the same time by several processes or hosts.
enum Merge {
    static func run(files: [String], json: String?) -> Int32 {
        guard files.count >= 2 else {
            standardError("loadgen: merge needs at least two report files")
            return 2
        }
        var merged: [LoadReport.Entry] = []
        var first: Report?
        do {
            for file in files {
                let (report, entries) = try LoadReport.read(from: file)
                if first == nil { first = report }
                for entry in entries {
                    if let index = merged.firstIndex(where: { $0.name == entry.name }) {
                        merged[index].result = merged[index].result.merged(with: entry.result)
                    } else {
                        merged.append(entry)
                    }
                }
            }
        } catch {
            standardError("loadgen: \(error)")
            return 2
        }
        for entry in merged {
            print("")
            print("Result        \(entry.name) (merged from \(files.count) files)")
            print(entry.result.summaryTable())
        }
        if let json, let first {
            do {
                try LoadReport.write(merged, suite: first.suite, environment: first.environment, to: json)
                print("Report        \(json)")
            } catch {
                standardError("loadgen: \(error)")
                return 2
            }
        }
        return 0
    }
}
