import Pooling
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// README: test-only imports: Glibc, Darwin (setenv)

/// The Swift examples of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
@Suite struct ReadmeExampleTests {
    @Test func theQuickStartReusesTheReleasedObjectAndReportsBothPools() throws {
        // README: begin pooling-quick-start
        final class Scratch { var items: [Int] = [] }

        let scratch = Pool(name: "scratch", maxSize: 64) {
            Scratch() // factory: runs on a miss, outside any lock
        } reset: {
            $0.items.removeAll(keepingCapacity: true) // runs on every release
        }

        let object = scratch.acquire() // idle object or a new one
        object.items.append(42)
        scratch.release(object) // reset, kept (or dropped when full)

        scratch.withPooled { $0.items.append(7) } // released even if the body throws

        let buffers = BufferPool(name: "json", configuration: try .fromProcessEnvironment())
        var out = buffers.acquire(minimumCapacity: 6000) // empty, capacity ≥ 8 KiB
        out.append(contentsOf: [0x7B, 0x7D])
        buffers.release(consume out)

        let metrics = try PoolStats.prometheusText([scratch.stats, buffers.stats]) // for a /metrics endpoint
        // README: end pooling-quick-start

        #expect(scratch.stats.hits == 1)
        #expect(scratch.stats.misses == 1)
        #expect(metrics.contains("pool_hits_total{pool=\"scratch\"} 1\n"))
        #expect(metrics.contains("pool_idle{pool=\"scratch\"} 1\n"))
        #expect(metrics.contains("pool_idle{pool=\"json\"} 1\n"))
    }

    @Test func aBadSizeInTheEnvironmentIsRejectedWithTheReadmesMessage() async {
        // The example reads the process environment, so it runs in a child process that sets the variable.
        await #expect(processExitsWith: .success) {
            setenv("POOL_BUFFER_INITIAL", "4k", 1)
            let error = #expect(throws: PoolingError.self) {
                // README: begin pooling-environment
                let buffers = BufferPool(name: "json", configuration: try .fromProcessEnvironment())
                // POOL_BUFFER_INITIAL=4k →
                // POOL_BUFFER_INITIAL="4k" is invalid: it is not a whole number of bytes (digits only); set it to a
                // power of two from 64 to 1073741824 bytes, e.g. POOL_BUFFER_INITIAL=4096, or unset it to use the default
                // README: end pooling-environment
                buffers.release(buffers.acquire(minimumCapacity: 64))
            }
            #expect(
                error?.description
                    == "POOL_BUFFER_INITIAL=\"4k\" is invalid: it is not a whole number of bytes (digits only); "
                    + "set it to a power of two from 64 to 1073741824 bytes, e.g. POOL_BUFFER_INITIAL=4096, "
                    + "or unset it to use the default")
        }
    }
}
