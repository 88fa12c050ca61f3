@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A configuration aimed at a local `TargetServer`.
func configuration(for server: TargetServer, path: String = "/") throws -> LoadConfiguration {
    LoadConfiguration(target: try Target(url: "http://127.0.0.1:\(server.port)\(path)"))
}

/// A path for a temporary file, unique per call.
func temporaryPath(_ name: String) -> String {
    "/tmp/loadgen-tests-\(UInt64.random(in: 0...UInt64.max))-\(name)"
}

/// Removes the file at `path`, if there is one.
func removeFile(_ path: String) {
    unlink(path)
}
