import PerfResult
import PerfSupport

extension Runner {
    /// Frames recorded per site; the chain printed stops earlier at the harness's own frames.
    static let siteFrames = 8

    /// What the sampler records sites with, or `nil` after printing why it cannot (no recorder given, or
    /// the recorder is unavailable in this process).
    func siteRecording(colors: TerminalColors) -> SiteRecording? {
        guard let siteRecorder else {
            let reason =
                "this executable gave MicroBench no site recorder; pass MemProbe's: "
                + "MicroBench.main(suites, allocationSites: AllocationSiteProbe())"
            console.write(colors.paint("allocation sites unavailable: \(reason)", .yellow) + "\n")
            return nil
        }
        if case let .unavailable(reason) = siteRecorder.availability {
            console.write(colors.paint("allocation sites unavailable: \(reason)", .yellow) + "\n")
            return nil
        }
        return SiteRecording(recorder: siteRecorder, frames: Runner.siteFrames)
    }

    /// Prints the top `top` sites of `window` under its task's row: allocations and bytes per operation, then
    /// the frames from the allocating function outwards (`split(_:) ← parse(_:) ← closure #1 in …`).
    func writeSites(_ window: AllocationSiteWindow, top: Int, colors: TerminalColors) {
        for line in Runner.siteLines(window, top: top) {
            console.write(colors.paint(line, .dim) + "\n")
        }
    }

    /// The lines `writeSites` prints, without colour.
    static func siteLines(_ window: AllocationSiteWindow, top: Int) -> [String] {
        let recording = window.recording
        if let failure = recording.failure { return ["    allocation sites unavailable: \(failure)"] }
        let operations = Double(window.operations)
        let shown = recording.sites.prefix(top)
        var lines: [String] = []
        if shown.isEmpty {
            lines.append("    no allocations in \(NumberText.grouped(window.operations)) operations")
        }
        let counts = shown.map { perOperation(Double($0.allocations) / operations) + "/op" }
        let bytes = shown.map { NumberText.bytes(Double($0.bytes) / operations) + "/op" }
        let countWidth = counts.map(\.count).max() ?? 0
        let bytesWidth = bytes.map(\.count).max() ?? 0
        for (index, site) in shown.enumerated() {
            let count = String(repeating: " ", count: countWidth - counts[index].count) + counts[index]
            let size = String(repeating: " ", count: bytesWidth - bytes[index].count) + bytes[index]
            lines.append("    \(count)  \(size)  \(chain(site.frames))")
        }
        if recording.sites.count > shown.count {
            let rest = recording.sites.dropFirst(shown.count)
            let allocations = rest.reduce(0) { $0 + $1.allocations }
            lines.append(
                "    … \(NumberText.grouped(rest.count)) more site\(rest.count == 1 ? "" : "s"), "
                    + perOperation(Double(allocations) / operations) + "/op")
        }
        if recording.unattributedAllocations > 0 {
            lines.append(
                "    " + perOperation(Double(recording.unattributedAllocations) / operations)
                    + "/op in no site (the recorder's table was full)")
        }
        lines += recording.notes.map { "    note: \($0)" }
        return lines
    }

    /// Allocations per operation: `3`, `2.50`, and two significant digits below 0.01 (`0.001`, a window's
    /// one-off allocation spread over its operations).
    private static func perOperation(_ value: Double) -> String {
        value == 0 || value >= 0.01 ? NumberText.count(value) : NumberText.significant(value, digits: 2)
    }

    /// The frames joined with ` ← `, up to the first frame of the harness itself (the measured loop or the
    /// meter), which every site shares; each name at most 80 characters.
    static func chain(_ frames: [AllocationSite.Frame]) -> String {
        guard !frames.isEmpty else { return "(no frame outside the allocator)" }
        var names: [String] = []
        for frame in frames {
            let name = frame.displayName
            if !names.isEmpty && isHarnessFrame(name) { break }
            names.append(name.count > 80 ? String(name.prefix(79)) + "…" : name)
        }
        return names.joined(separator: " ← ")
    }

    /// MicroBench's own frames between the benchmark's body and the runner.
    private static func isHarnessFrame(_ name: String) -> Bool {
        name.contains("MeasuredLoop.run") || name.contains("Meter.measure") || name.contains("Batch.measure")
    }
}
