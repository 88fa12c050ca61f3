/// A point of a `BoundedSeries`: what two neighbouring points become when the series runs out of room.
public protocol Downsamplable: Sendable {
    /// `self` and the point right after it as one point that stands for the samples of both (means weighted by
    /// how many samples each stands for, the smaller minimum, the larger maximum, the later counter).
    func merged(with later: Self) -> Self
}

/// A series that keeps at most `capacity` points however many samples are appended, so that its memory does
/// not grow with the length of a run (a soak of hours samples into one).
///
/// Every kept point stands for the same number of appended samples, `stride`, except the last, which is still
/// filling. When `capacity` points are kept, each pair of neighbours is merged into one (`Downsamplable`) and
/// `stride` doubles: the series always covers the whole run, from the first sample to the latest, at one
/// resolution. Equal weights keep an analysis that works by sample count valid on the kept points: dropping
/// the first 20 % of them as warmup drops the first 20 % of the run, and their thirds are thirds of the run
/// (MemProbe's leak check does both). The first and the latest sample are kept as they were, too.
///
///     var series = BoundedSeries<Moments>(capacity: 2048)
///     for value in readings { series.append(Moments([value])) }   // 345,600 readings: at most 2,048 points
///
/// - Complexity: `append(_:)` is O(1) amortized (a merge of all points every `capacity / 2` strides).
public struct BoundedSeries<Point: Downsamplable>: Sendable {
    /// One kept point and the number of appended samples it stands for.
    public struct Bucket: Sendable {
        /// The merged point.
        public let point: Point
        /// The appended samples merged into it.
        public let weight: Int
    }

    /// The most points kept (even, at least 2).
    public let capacity: Int
    /// The appended samples each complete point stands for: 1 until the first merge, then 2, 4, 8, …
    public private(set) var stride = 1
    /// The samples appended so far.
    public private(set) var appended = 0
    /// The first sample appended, as it was appended.
    public private(set) var first: Point?
    /// The latest sample appended, as it was appended.
    public private(set) var latest: Point?
    private var complete: [Bucket] = []
    private var filling: Bucket?

    /// An empty series that keeps at most `capacity` points.
    /// - Precondition: `capacity` is even and at least 2.
    public init(capacity: Int) {
        precondition(capacity >= 2 && capacity.isMultiple(of: 2), "a BoundedSeries needs an even capacity ≥ 2")
        self.capacity = capacity
        complete.reserveCapacity(capacity)
    }

    /// Appends one sample: it joins the point still filling, and a point that is full is kept.
    /// - Complexity: O(1) amortized; O(`capacity`) when the kept points are merged pairwise.
    public mutating func append(_ sample: Point) {
        appended += 1
        if first == nil { first = sample }
        latest = sample
        let bucket =
            filling.map { Bucket(point: $0.point.merged(with: sample), weight: $0.weight + 1) }
            ?? Bucket(point: sample, weight: 1)
        guard bucket.weight == stride else {
            filling = bucket
            return
        }
        filling = nil
        complete.append(bucket)
        if complete.count == capacity { halve() }
    }

    /// Merges each pair of neighbouring kept points into one and doubles the stride, in place.
    private mutating func halve() {
        for index in 0..<(capacity / 2) {
            let earlier = complete[2 * index]
            let later = complete[2 * index + 1]
            complete[index] = Bucket(
                point: earlier.point.merged(with: later.point), weight: earlier.weight + later.weight)
        }
        complete.removeLast(capacity / 2)
        stride *= 2
    }

    /// The kept points with their weights, oldest first; the last may stand for fewer than `stride` samples.
    public var buckets: [Bucket] { filling.map { complete + [$0] } ?? complete }
    /// The kept points, oldest first.
    public var points: [Point] { buckets.map(\.point) }
    /// The number of kept points, at most `capacity`.
    public var count: Int { complete.count + (filling == nil ? 0 : 1) }
    /// Whether nothing was appended.
    public var isEmpty: Bool { appended == 0 }
    /// The points the storage holds without growing; it is reserved once and never grows.
    public var storageCapacity: Int { complete.capacity }
}

extension BoundedSeries.Bucket: Equatable where Point: Equatable {}
