import LoadGen
import Testing

/// The totals shard arithmetic is checked against: every value up to 2000, then samples to 10⁶ (every 61st
/// value, a prime stride so every remainder mod N comes round, and the neighbourhoods of multiples of every N).
private let totals: [Int] = {
    var values = Array(1...2000)
    values += stride(from: 2001, through: 1_000_000, by: 61)
    for n in 1...64 { values += [999_936 / n * n - 1, 999_936 / n * n, 999_936 / n * n + 1] }
    values.append(1_000_000)
    return values
}()

@Suite struct ShardTests {
    @Test func integerTotalsSplitExactlyWithNoEmptyShardWhenTheTotalAllows() throws {
        var failures: [String] = []
        for count in 1...64 {
            let shards = try (0..<count).map { try Shard(index: $0, count: count) }
            for total in totals {
                var sum = 0
                var smallest = Int.max
                var largest = 0
                var nonZero = 0
                for shard in shards {
                    let share = shard.share(of: total)
                    sum += share
                    smallest = min(smallest, share)
                    largest = max(largest, share)
                    if share > 0 { nonZero += 1 }
                }
                // Exact, even, and zero only when there are fewer units than shards (then one unit each).
                if sum != total || largest - smallest > 1 || nonZero != min(total, count) {
                    failures.append(
                        "N \(count), total \(total): sum \(sum), \(smallest)...\(largest), \(nonZero) non-zero")
                }
            }
        }
        let failed = failures.count
        #expect(failed == 0, "\(failures.prefix(5))")
    }

    @Test func ratesSplitExactlyAndTheFractionGoesToOneShard() throws {
        var failures: [String] = []
        for count in 1...64 {
            let shards = try (0..<count).map { try Shard(index: $0, count: count) }
            for total in totals where total % 17 == 0 || total <= 200 {
                for rate in [Double(total), Double(total) + 0.5, Double(total) + 0.125] {
                    let shares = shards.map { $0.share(ofRate: rate) }
                    let sum = shares.reduce(0, +)
                    let whole = rate == rate.rounded()
                    let exact = whole ? sum == rate : abs(sum - rate) <= rate * 1e-12
                    let fractional = shares.filter { $0 != $0.rounded() }.count
                    if !exact || fractional != (whole ? 0 : 1) || shares.max()! - shares.min()! > 1
                        || (rate >= Double(count) && shares.min()! <= 0)
                    {
                        failures.append("N \(count), rate \(rate): \(shares)")
                    }
                }
            }
        }
        let failed = failures.count
        #expect(failed == 0, "\(failures.prefix(5))")
    }

    @Test func everyStageAndTheConnectionsAndCountSplitAndAddUp() throws {
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:1/"))
        configuration.duration = nil
        configuration.connections = 10
        configuration.count = 1001
        configuration.stages = [
            .rate(1000, for: .seconds(2), ramp: true), .rate(7, for: .seconds(1)), .rate(0, for: .seconds(1)),
            .rate(20_000.5, for: .seconds(3)),
        ]
        let parts = try (0..<4).map { try Shard(index: $0, count: 4).apply(to: configuration) }
        #expect(parts.map(\.connections) == [3, 3, 2, 2])
        #expect(parts.map { $0.count! } == [251, 250, 250, 250])
        #expect(parts.map { $0.stages[1].rate! } == [2, 2, 2, 1])
        #expect(parts.map { $0.stages[3].rate! } == [5000.5, 5000, 5000, 5000])
        for (index, stage) in configuration.stages.enumerated() {
            #expect(parts.map { $0.stages[index].rate! }.reduce(0, +) == stage.rate!)
            #expect(
                parts.allSatisfy { $0.stages[index].duration == stage.duration && $0.stages[index].ramp == stage.ramp })
        }
        for part in parts { try part.validate() }
        // Closed-model connection stages split too.
        configuration.stages = [.connections(9, for: .seconds(1)), .connections(2, for: .seconds(1), ramp: true)]
        configuration.count = nil
        let closed = try (0..<2).map { try Shard(index: $0, count: 2).apply(to: configuration) }
        #expect(closed.map { $0.stages.map { $0.connections! } } == [[5, 1], [4, 1]])
        #expect(closed.map(\.connectionPool) == [5, 4])
    }

    @Test func aShareThatLeavesAShardWithoutLoadIsRefusedNamingTheField() throws {
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:1/"))
        configuration.connections = 3
        #expect(throws: LoadGenError.self) { try Shard(index: 3, count: 4).apply(to: configuration) }
        do {
            _ = try Shard(index: 3, count: 4).apply(to: configuration)
        } catch {
            #expect(
                error.description.contains("field \"connections\": 3 split into 4 shards leaves shard 3 without load"))
        }
        configuration.connections = 8
        configuration.rate = 2
        do {
            _ = try Shard(index: 2, count: 4).apply(to: configuration)
            Issue.record("a rate of 2 over 4 shards should be refused")
        } catch {
            #expect(error.description.contains("field \"rate\""))
        }
        #expect(try Shard(index: 1, count: 4).apply(to: configuration).rate == 1)
    }

    @Test func shardTextIsIndexSlashCount() throws {
        #expect(try Shard(parsing: "0/1") == Shard(index: 0, count: 1))
        #expect(try Shard(parsing: "3/4").description == "3/4")
        for bad in ["x", "3/2", "4/4", "-1/4", "1/0", "1/", "/4", "1/4/2", "1.5/4", " 1/4", "1/5000"] {
            #expect(throws: LoadGenError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func startTimesAreRFC3339() {
        #expect(StartTime.parse("1970-01-01T00:00:00Z") == 0)
        #expect(StartTime.parse("2026-12-07T23:30:00Z") == 1_796_686_200_000_000_000)
        #expect(StartTime.parse("2026-12-07T23:30:00.25Z") == 1_796_686_200_250_000_000)
        #expect(StartTime.parse("2026-12-08T00:30:00.000000001+01:00") == 1_796_686_200_000_000_001)
        #expect(StartTime.parse("2026-12-07 22:30:00-01:00") == 1_796_686_200_000_000_000)
        for bad in [
            "", "2026-12-07", "2026-12-07T23:30:00", "2026-02-30T00:00:00Z", "2026-12-07T24:00:00Z",
            "2026-12-07T23:30:00.Z", "2026-12-07T23:30:00.1234567890Z", "2026-12-07T23:30:00Zjunk", "tomorrow",
        ] {
            #expect(StartTime.parse(bad) == nil, "\(bad)")
        }
    }
}
