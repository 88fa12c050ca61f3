import MicroBench

// microbench-testbed: the suite MicroBench's tests run as a separate process. `--instructions` re-runs the
// executable under callgrind, which a test bundle cannot be; every body here is deterministic.
let counting = Suite("counting") { suite in
    // The setup costs a hundred thousand additions, the body one: a count that includes the setup shows it.
    suite.bench("increment", setup: { (0..<opaque(100_000)).reduce(0, &+) }) { value in
        value &+= 1
        blackHole(value)
    }
    suite.bench("sum", setup: { Array(1...1_000) }) { numbers in
        blackHole(numbers.reduce(0, +))
    }
    // Per-batch setup (an array of the batch's size) outside the measured loop.
    suite.benchBatch("fill") { batch in
        var values = [Int](repeating: 0, count: batch.iterations)
        batch.measure {
            for index in values.indices { values[index] = index &* 3 }
        }
        blackHole(values)
    }
}

MicroBench.main([counting], reportName: "testbed", instructionsReportName: "testbed-instructions")
