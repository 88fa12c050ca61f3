public import CMicroBench

/// Consumes `value` so that the optimizer cannot delete the work that computed it.
///
/// Pass the result of each operation to `blackHole` inside a benchmark body. Without it, a release
/// build may see that a result is unused and remove the computation, and the benchmark then measures
/// an empty loop. The value is stored to memory and handed to an empty inline-assembly statement the
/// compiler cannot see through; no instruction is emitted for the statement itself.
///
/// ```swift
/// suite.bench("sum") { blackHole(numbers.reduce(0, +)) }
/// ```
///
/// - Complexity: O(1); it costs at most a store of `value`.
@inlinable
@inline(__always)
public func blackHole<T>(_ value: T) {
    // The unprotected variant: the pointer never outlives the call, and an ordinary
    // `withUnsafePointer` would add a stack-protector check to every function that inlines this.
    _withUnprotectedUnsafePointer(to: value) { microbench_escape($0) }
}

/// Returns `value` unchanged, hiding it from the optimizer so it cannot fold work on a known input.
///
/// Inputs a benchmark builds from literals (`opaque(16)`, `opaque("hello")`) could otherwise be
/// computed at compile time, making the measured operation vanish. `opaque` is the input-side
/// counterpart of `blackHole(_:)`.
///
/// - Complexity: O(1); it costs at most a store and a load of `value`.
@inlinable
@inline(__always)
public func opaque<T>(_ value: T) -> T {
    var copy = value
    _withUnprotectedUnsafeMutablePointer(to: &copy) { microbench_escape($0) }
    return copy
}
