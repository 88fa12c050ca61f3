import Pooling
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct BufferPoolConfigurationTests {
    typealias Configuration = BufferPool.Configuration

    @Test func defaultsAreFourToSixtyFourKibibytes() throws {
        let configuration = try Configuration.fromEnvironment([:])
        #expect(configuration.initialSize == 4096)
        #expect(configuration.maximumSize == 65536)
        #expect(configuration == Configuration())
    }

    @Test func bothVariablesAreRead() throws {
        let configuration = try Configuration.fromEnvironment([
            "POOL_BUFFER_INITIAL": "1024", "POOL_BUFFER_MAX": "1048576",
        ])
        #expect(configuration.initialSize == 1024)
        #expect(configuration.maximumSize == 1_048_576)
        #expect(configuration.sizeClasses.count == 11)
    }

    @Test(arguments: [
        ("POOL_BUFFER_INITIAL", "4k", "it is not a whole number of bytes (digits only)"),
        ("POOL_BUFFER_INITIAL", "-4096", "it is not a whole number of bytes (digits only)"),
        ("POOL_BUFFER_MAX", " 65536", "it is not a whole number of bytes (digits only)"),
        ("POOL_BUFFER_MAX", "", "it is empty"),
        ("POOL_BUFFER_INITIAL", "5000", "it is not a power of two"),
        ("POOL_BUFFER_INITIAL", "32", "it is outside 64...1073741824"),
        ("POOL_BUFFER_MAX", "2147483648", "it is outside 64...1073741824"),
        ("POOL_BUFFER_MAX", "99999999999999999999", "it is too large"),
    ])
    func anInvalidValueIsRejectedNamingTheVariable(name: String, value: String, reason: String) {
        #expect(throws: PoolingError.invalidEnvironmentVariable(name: name, value: value, reason: reason)) {
            try Configuration.fromEnvironment([name: value])
        }
    }

    @Test func theErrorMessageSaysWhatToSet() {
        let error = PoolingError.invalidEnvironmentVariable(
            name: "POOL_BUFFER_INITIAL", value: "4k", reason: "it is not a whole number of bytes (digits only)")
        #expect(
            error.description
                == "POOL_BUFFER_INITIAL=\"4k\" is invalid: it is not a whole number of bytes (digits only); set it "
                + "to a power of two from 64 to 1073741824 bytes, e.g. POOL_BUFFER_INITIAL=4096, or unset it to use "
                + "the default")
        let maximum = PoolingError.invalidEnvironmentVariable(
            name: "POOL_BUFFER_MAX", value: "1000", reason: "it is not a power of two")
        #expect(
            maximum.description
                == "POOL_BUFFER_MAX=\"1000\" is invalid: it is not a power of two; set it to a power of two from 64 "
                + "to 1073741824 bytes, e.g. POOL_BUFFER_MAX=65536, or unset it to use the default")
    }

    @Test func anInitialSizeAboveTheMaximumIsRejected() {
        #expect(
            throws: PoolingError.invalidEnvironmentVariable(
                name: "POOL_BUFFER_INITIAL", value: "131072", reason: "it is larger than POOL_BUFFER_MAX=65536")
        ) {
            try Configuration.fromEnvironment(["POOL_BUFFER_INITIAL": "131072", "POOL_BUFFER_MAX": "65536"])
        }
        #expect(
            throws: PoolingError.invalidEnvironmentVariable(
                name: "POOL_BUFFER_INITIAL", value: "131072",
                reason: "it is larger than the maximum size 65536 (POOL_BUFFER_MAX is not set)")
        ) {
            try Configuration.fromEnvironment(["POOL_BUFFER_INITIAL": "131072"])
        }
        #expect(
            throws: PoolingError.invalidEnvironmentVariable(
                name: "POOL_BUFFER_MAX", value: "2048",
                reason: "it is smaller than the initial size 4096 (POOL_BUFFER_INITIAL is not set)")
        ) {
            try Configuration.fromEnvironment(["POOL_BUFFER_MAX": "2048"])
        }
    }

    @Test func unsetVariablesKeepTheGivenDefaults() throws {
        let defaults = Configuration(initialSize: 256, maximumSize: 1024, buffersPerClass: 4)
        let configuration = try Configuration.fromEnvironment(["POOL_BUFFER_MAX": "2048"], defaults: defaults)
        #expect(configuration.initialSize == 256)
        #expect(configuration.maximumSize == 2048)
        #expect(configuration.buffersPerClass == 4)
    }

    // Runs in a child process, which may change its own environment without affecting parallel tests.
    @Test func theProcessEnvironmentIsRead() async {
        await #expect(processExitsWith: .success) {
            setenv("POOL_BUFFER_INITIAL", "8192", 1)
            setenv("POOL_BUFFER_MAX", "16384", 1)
            let configuration = try? Configuration.fromProcessEnvironment()
            exit(configuration?.sizeClasses == [8192, 16384] ? EXIT_SUCCESS : EXIT_FAILURE)
        }
    }

    @Test func anInvalidProcessEnvironmentIsReported() async {
        await #expect(processExitsWith: .success) {
            setenv("POOL_BUFFER_MAX", "lots", 1)
            do throws(PoolingError) {
                _ = try Configuration.fromProcessEnvironment()
                exit(EXIT_FAILURE)
            } catch {
                exit(error.description.hasPrefix("POOL_BUFFER_MAX=\"lots\" is invalid") ? EXIT_SUCCESS : EXIT_FAILURE)
            }
        }
    }
}
