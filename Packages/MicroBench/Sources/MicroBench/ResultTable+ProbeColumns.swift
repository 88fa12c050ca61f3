import PerfResult
import PerfSupport

/// The headers and cells of the probes' columns: short names for the keys MicroBench knows, the key itself for
/// any other.
extension ResultTable {
    /// The column header of a probe metric.
    static func header(forProbeMetric key: String) -> String {
        switch key {
        case "allocsPerOp": return "allocs/op"
        case "bytesPerOp": return "bytes/op"
        case "retainsPerOp": return "retains/op"
        case "releasesPerOp": return "releases/op"
        case "objectAllocsPerOp": return "objects/op"
        case "cpuUserNsPerOp": return "user ns/op"
        case "cpuSystemNsPerOp": return "sys ns/op"
        case "contextSwitchesVoluntaryPerOp": return "vcsw/op"
        case "contextSwitchesInvoluntaryPerOp": return "ivcsw/op"
        case "pageFaultsMinorPerOp": return "minflt/op"
        case "pageFaultsMajorPerOp": return "majflt/op"
        case "bytesReadPerOp": return "rchar/op"
        case "bytesWrittenPerOp": return "wchar/op"
        case "storageBytesReadPerOp": return "disk rd/op"
        case "storageBytesWrittenPerOp": return "disk wr/op"
        case "readSyscallsPerOp": return "reads/op"
        case "writeSyscallsPerOp": return "writes/op"
        case "peakRssBytes": return "peak RSS"
        default: return key
        }
    }

    /// The cell of a probe metric: allocation and ARC counts as counts (exact, often whole), the peak resident size in
    /// binary units, and the system metrics, often far below one per operation, with four significant digits.
    static func cell(forProbeMetric metric: Metric) -> String {
        switch metric.key {
        case "allocsPerOp", "bytesPerOp", "retainsPerOp", "releasesPerOp", "objectAllocsPerOp", "threads":
            return NumberText.count(metric.value)
        case "peakRssBytes": return NumberText.bytes(metric.value)
        default: return NumberText.significant(metric.value)
        }
    }
}
