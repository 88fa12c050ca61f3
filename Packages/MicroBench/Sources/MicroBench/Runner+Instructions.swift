import CMicroBench
import PerfResult
import PerfSupport

extension Runner {
    /// `--instructions`: counts every task under callgrind (see `InstructionCounter`), prints a row per
    /// task in order, and writes the report of suite `instructionsReportName`.
    func countInstructions(
        _ tasks: [BenchTask], iterations: Int, environment: Environment, jsonPath: String?
    ) throws(MicroBenchError) -> Int32 {
        let counter = try InstructionCounter.prepare(variables: variables, iterations: iterations)
        let colors = console.outputColors(variables)
        writeEnvironment(environment, colors: colors)
        let caches = "I1 32 KiB 8-way, D1 32 KiB 8-way, LL 8 MiB 16-way, 64 B lines"
        var settings = "MicroBench · instruction counts · \(counter.valgrindVersion) --tool=callgrind · "
        settings += "\(CallgrindInvocation.windows) windows × \(iterations) operations per task after one warmup window"
        settings += counter.randomizationDisabled ? " · ASLR off" : " · ASLR on"
        settings += ", fixed environment, SWIFT_DETERMINISTIC_HASHING=1 · simulated caches \(caches)"
        console.write(colors.paint(settings, .dim) + "\n")
        if !counter.randomizationDisabled {
            let note =
                "note: setarch -R is not permitted here (a container's seccomp profile refuses "
                + "personality(ADDR_NO_RANDOMIZE); docker run --security-opt seccomp=unconfined allows it): "
                + "running valgrind without it, which places the program the same way each run on its own"
            console.write(colors.paint(note, .yellow) + "\n")
        }
        console.write("\n")

        let table = InstructionTable(names: tasks.map(\.name))
        console.write(colors.paint(table.header(), .bold) + "\n")
        var counts: [InstructionCount] = []
        if console.errorIsTerminal { console.writeError("[0/\(tasks.count)] counting under callgrind") }
        do {
            try counter.count(tasks.map(\.name)) { index, count in
                if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
                let row = table.row(count)
                console.write(colors.paint(row, count.instructionSpread == 0 ? nil : .yellow) + "\n")
                counts.append(count)
                if console.errorIsTerminal && index + 1 < tasks.count {
                    console.writeError("[\(index + 1)/\(tasks.count)] counting under callgrind")
                }
            }
        } catch {
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
            throw error
        }
        counter.removeWorkDirectory()
        if counts.contains(where: { $0.instructionSpread > 0 }) {
            console.write(
                "\nnotes:\n  \(colors.paint("spread", .yellow)): the windows of a task counted different instructions "
                    + "(state that changes from one window to the next, e.g. a cache or a pool filling): "
                    + "the median is reported, every window is in the samples\n")
        }
        if let jsonPath {
            try writeReport(
                suite: instructionsReportName, counts.map { $0.result() }, environment: environment, to: jsonPath)
        }
        return 0
    }

    /// `--callgrind-child NAME`: the child side. Runs task `NAME`'s setup, then one warmup window and
    /// `CallgrindInvocation.windows` windows of `iterations` operations, each with collection switched
    /// on around exactly the operations and dumped under its own label, then the teardown. Prints
    /// nothing.
    static func runCallgrindChild(_ name: String, in tasks: [BenchTask], iterations: Int) throws(MicroBenchError)
        -> Int32
    {
        guard let task = tasks.first(where: { $0.name == name }) else { throw .unknownChildTask(name) }
        guard microbench_running_on_valgrind() != 0 else { throw .childOutsideValgrind }
        let prepared = task.prepare()
        defer { prepared.finish() }
        let meter = Meter(clocks: .system)
        meter.countsInstructions = true
        // The warmup window runs the same path as the counted ones, collection switched on and off
        // included: lazy initialization, symbol binding and the simulated caches are settled before
        // window 0, so every window starts from the same state. Its dump is not read.
        prepared.runBatch(iterations, meter)
        CallgrindInvocation.warmupLabel.withCString { microbench_callgrind_dump_stats_at($0) }
        for window in 0..<CallgrindInvocation.windows {
            prepared.runBatch(iterations, meter)
            CallgrindInvocation.windowLabel(window).withCString { microbench_callgrind_dump_stats_at($0) }
        }
        return 0
    }
}
