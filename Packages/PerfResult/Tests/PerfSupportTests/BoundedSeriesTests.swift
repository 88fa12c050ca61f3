import PerfSupport
import Testing

@Suite struct BoundedSeriesTests {
    /// A series of `count` samples whose value is their index, each as a point of one value.
    static func indexSeries(_ count: Int, capacity: Int) -> BoundedSeries<Moments> {
        var series = BoundedSeries<Moments>(capacity: capacity)
        for index in 0..<count { series.append(Moments([Double(index)])) }
        return series
    }

    @Test func keepsAtMostCapacityPointsHoweverManySamplesAreAppended() {
        for count in [1, 63, 64, 65, 1000, 10_007] {
            let series = Self.indexSeries(count, capacity: 64)
            #expect(series.count <= 64)
            #expect(series.appended == count)
        }
        #expect(Self.indexSeries(10_007, capacity: 64).count > 32)
    }

    @Test func everySampleIsCountedOnceInTheWeights() {
        let series = Self.indexSeries(10_007, capacity: 64)
        #expect(series.buckets.reduce(0) { $0 + $1.weight } == 10_007)
        #expect(series.points.reduce(0) { $0 + $1.count } == 10_007)
    }

    @Test func completePointsStandForStrideSamplesEachAndOnlyTheLastIsFilling() {
        let series = Self.indexSeries(10_007, capacity: 64)
        #expect(series.stride == 256)
        #expect(series.buckets.dropLast().allSatisfy { $0.weight == series.stride })
        #expect(series.buckets.last.map { $0.weight <= series.stride } == true)
    }

    @Test func thePointsCoverTheWholeRunInOrder() {
        let series = Self.indexSeries(10_007, capacity: 64)
        #expect(series.points.first?.minimum == 0)
        #expect(series.points.last?.maximum == 10_006)
        #expect(zip(series.points, series.points.dropFirst()).allSatisfy { $0.maximum < $1.minimum })
        #expect(series.first == Moments([0]) && series.latest == Moments([10_006]))
    }

    @Test func aLinearSeriesKeepsItsMeanAndEachPointSitsOnTheLine() {
        let series = Self.indexSeries(10_007, capacity: 64)
        let weighted = series.buckets.reduce(0.0) { $0 + $1.point.mean * Double($1.weight) } / 10_007
        #expect(weighted == 5003)
        for point in series.points {
            #expect(point.mean == (point.minimum + point.maximum) / 2)
        }
    }

    @Test func aFlatSeriesStaysFlat() {
        var series = BoundedSeries<Moments>(capacity: 8)
        for _ in 0..<1000 { series.append(Moments([42])) }
        #expect(series.points.allSatisfy { $0.mean == 42 && $0.minimum == 42 && $0.maximum == 42 })
        #expect(series.points.allSatisfy { $0.variance == 0 })
    }

    @Test func fewerSamplesThanCapacityAreKeptAsTheyCame() {
        let series = Self.indexSeries(10, capacity: 64)
        #expect(series.points == (0..<10).map { Moments([Double($0)]) })
        #expect(series.stride == 1)
    }

    @Test func aDaysSamplesEveryQuarterSecondKeepTheStorageAtCapacity() {
        // 24 h of 250 ms samples: 345,600 appends.
        var series = BoundedSeries<Moments>(capacity: 2048)
        let reserved = series.storageCapacity
        for index in 0..<345_600 {
            series.append(Moments([Double(index)]))
            if index.isMultiple(of: 4096) { #expect(series.storageCapacity == reserved) }
        }
        #expect(reserved >= 2048 && reserved < 4096)
        #expect(series.storageCapacity == reserved)
        #expect(series.count <= 2048 && series.count > 1024)
        #expect(series.appended == 345_600)
    }

    @Test func mergedMomentsEqualMomentsOfEveryValue() {
        let values = [3.1, 0.4, 15.9, 2.6, 5.3, 5.8, 9.7, 9.3, 2.3, 8.4]
        let merged = Moments(values[..<3]).merged(with: Moments(values[3...]))
        let whole = Moments(values)
        #expect(merged.count == whole.count && merged.minimum == whole.minimum && merged.maximum == whole.maximum)
        #expect(abs(merged.mean - whole.mean) < 1e-12)
        #expect(abs(merged.variance - whole.variance) < 1e-12)
        #expect(Moments().merged(with: whole) == whole && whole.merged(with: Moments()) == whole)
    }
}
