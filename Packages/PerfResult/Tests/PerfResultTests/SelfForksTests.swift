import PerfResult
import PerfSupport
import Testing

@Suite struct SelfForksTests {
    @Test func eachForkGetsTheArgumentsWithoutForksAndJSONThenOneFork() {
        #expect(
            SelfForks.childArguments(["--filter", "stringOps/", "--forks", "5", "--json", "out.json", "--quick"])
                == ["--filter", "stringOps/", "--quick", "--forks", "1"])
        #expect(SelfForks.childArguments(["--forks=5", "--json=x.json"]) == ["--forks", "1"])
    }

    @Test func theForkTableShowsTheMedianTheRepeatIntervalAndTheRange() throws {
        let fork = { (nanoseconds: Double) throws -> Report in
            try Report(
                suite: "micro", environment: fixedEnvironment(),
                results: [Result(name: "stringOps/concat", metrics: [.nsPerOp(nanoseconds), .allocsPerOp(2)])])
        }
        let merged = try Report.mergingForks([fork(100), fork(104), fork(98), fork(102), fork(101)])
        let text = merged.forkTable(keys: ["nsPerOp", "allocsPerOp", "bytesPerOp"])
        let interval = try #require(RepeatInterval([100, 104, 98, 102, 101]))
        let expected = """
            micro: 5 forks; ±95 % is where another run of as many forks is expected to land
              result            metric       median   ±95 %  forks' range
              stringOps/concat  nsPerOp      101 ns  ±\(NumberText.fixed(interval.relativeHalfWidthPercent, decimals: 1)) %        98–104
              stringOps/concat  allocsPerOp       2   exact
            """
        #expect(text == expected)
    }
}
