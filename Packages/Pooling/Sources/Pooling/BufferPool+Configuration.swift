#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension BufferPool {
    /// A buffer pool's size classes and retention.
    ///
    /// Classes are the powers of two from `initialSize` to `maximumSize`. Both may come from the
    /// environment: `POOL_BUFFER_INITIAL` and `POOL_BUFFER_MAX`, in bytes.
    public struct Configuration: Sendable, Hashable {
        /// The variable that sets `initialSize`.
        public static let initialSizeVariable = "POOL_BUFFER_INITIAL"
        /// The variable that sets `maximumSize`.
        public static let maximumSizeVariable = "POOL_BUFFER_MAX"
        /// The default smallest class: 4 KiB.
        public static let defaultInitialSize = 4096
        /// The default largest class: 64 KiB.
        public static let defaultMaximumSize = 65536
        /// The smallest allowed class size (smaller fixed-size byte arrays belong in a `BytePool`).
        public static let smallestSize = 64
        /// The largest allowed class size: 1 GiB.
        public static let largestSize = 1 << 30

        /// The smallest class in bytes, a power of two.
        public var initialSize: Int
        /// The largest class in bytes, a power of two, at least `initialSize`.
        public var maximumSize: Int
        /// The most idle buffers each class retains.
        public var buffersPerClass: Int
        /// Each class's per-thread cache size (`nil`: the `Pool` default for `buffersPerClass`).
        public var threadCacheSize: Int?

        /// Creates a configuration; sizes must be powers of two from `smallestSize` to `largestSize`
        /// with `initialSize ≤ maximumSize` (a precondition: validate input with `fromEnvironment`).
        public init(
            initialSize: Int = defaultInitialSize, maximumSize: Int = defaultMaximumSize, buffersPerClass: Int = 32,
            threadCacheSize: Int? = nil
        ) {
            if let reason = Self.problem(with: initialSize) {
                preconditionFailure("BufferPool.Configuration: initialSize \(initialSize): \(reason)")
            }
            if let reason = Self.problem(with: maximumSize) {
                preconditionFailure("BufferPool.Configuration: maximumSize \(maximumSize): \(reason)")
            }
            precondition(
                initialSize <= maximumSize,
                "BufferPool.Configuration: initialSize \(initialSize) is larger than maximumSize \(maximumSize)")
            precondition(buffersPerClass >= 0, "BufferPool.Configuration: buffersPerClass must be at least 0")
            self.initialSize = initialSize
            self.maximumSize = maximumSize
            self.buffersPerClass = buffersPerClass
            self.threadCacheSize = threadCacheSize
        }

        /// The class sizes, smallest first.
        public var sizeClasses: [Int] {
            Array(sequence(first: initialSize) { $0 < maximumSize ? $0 * 2 : nil })
        }

        /// Reads `POOL_BUFFER_INITIAL` and `POOL_BUFFER_MAX` from `environment`; a variable that is not
        /// set keeps the value of `defaults`.
        ///
        /// - Throws: `PoolingError.invalidEnvironmentVariable`, naming the variable, when a value is not
        ///   a whole number of bytes, not a power of two, out of range, or the initial size is larger
        ///   than the maximum.
        public static func fromEnvironment(
            _ environment: [String: String], defaults: Configuration = Configuration()
        ) throws(PoolingError) -> Configuration {
            var configuration = defaults
            let initial = environment[initialSizeVariable]
            let maximum = environment[maximumSizeVariable]
            if let initial { configuration.initialSize = try parse(initial, variable: initialSizeVariable) }
            if let maximum { configuration.maximumSize = try parse(maximum, variable: maximumSizeVariable) }
            guard configuration.initialSize <= configuration.maximumSize else {
                if let initial {
                    let bound =
                        maximum.map { "\(maximumSizeVariable)=\($0)" }
                        ?? "the maximum size \(configuration.maximumSize) (\(maximumSizeVariable) is not set)"
                    throw .invalidEnvironmentVariable(
                        name: initialSizeVariable, value: initial, reason: "it is larger than \(bound)")
                }
                throw .invalidEnvironmentVariable(
                    name: maximumSizeVariable, value: maximum ?? "",
                    reason: "it is smaller than the initial size \(configuration.initialSize) "
                        + "(\(initialSizeVariable) is not set)")
            }
            return configuration
        }

        /// Reads `POOL_BUFFER_INITIAL` and `POOL_BUFFER_MAX` from the process environment.
        /// - Throws: As `fromEnvironment(_:defaults:)`.
        public static func fromProcessEnvironment(defaults: Configuration = Configuration())
            throws(PoolingError) -> Configuration
        {
            var environment: [String: String] = [:]
            for name in [initialSizeVariable, maximumSizeVariable] {
                if let value = getenv(name) { environment[name] = String(cString: value) }
            }
            return try fromEnvironment(environment, defaults: defaults)
        }

        private static func parse(_ value: String, variable: String) throws(PoolingError) -> Int {
            guard !value.isEmpty else {
                throw .invalidEnvironmentVariable(name: variable, value: value, reason: "it is empty")
            }
            guard value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                throw .invalidEnvironmentVariable(
                    name: variable, value: value, reason: "it is not a whole number of bytes (digits only)")
            }
            guard let bytes = Int(value) else {
                throw .invalidEnvironmentVariable(name: variable, value: value, reason: "it is too large")
            }
            if let reason = problem(with: bytes) {
                throw .invalidEnvironmentVariable(name: variable, value: value, reason: reason)
            }
            return bytes
        }

        private static func problem(with size: Int) -> String? {
            guard size >= smallestSize, size <= largestSize else {
                return "it is outside \(smallestSize)...\(largestSize)"
            }
            guard size.nonzeroBitCount == 1 else { return "it is not a power of two" }
            return nil
        }
    }
}
