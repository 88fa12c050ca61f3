/// Every way configuring or reporting pools can fail. Each message names what is wrong and says what to do.
public enum PoolingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An environment variable (`POOL_BUFFER_INITIAL`, `POOL_BUFFER_MAX`) holds an unusable value.
    case invalidEnvironmentVariable(name: String, value: String, reason: String)
    /// Two pools passed to one Prometheus rendering share a name, which would make duplicate series.
    case duplicatePoolName(String)

    public var description: String {
        switch self {
        case let .invalidEnvironmentVariable(name, value, reason):
            let example =
                name == BufferPool.Configuration.maximumSizeVariable
                ? BufferPool.Configuration.defaultMaximumSize : BufferPool.Configuration.defaultInitialSize
            return "\(name)=\"\(value)\" is invalid: \(reason); set it to a power of two from "
                + "\(BufferPool.Configuration.smallestSize) to \(BufferPool.Configuration.largestSize) bytes, "
                + "e.g. \(name)=\(example), or unset it to use the default"
        case let .duplicatePoolName(name):
            return "two pools are named \"\(name)\": give every pool a unique name so that its metrics "
                + "form their own series"
        }
    }
}
