import Pooling
import Testing

/// The example at the top of README.md, so that it keeps compiling and doing what it says.
@Suite struct ReadmeExampleTests {
    final class Scratch { var items: [Int] = [] }

    @Test func theReadmeExampleWorks() throws {
        let scratch = Pool(name: "scratch", maxSize: 64) {
            Scratch()
        } reset: {
            $0.items.removeAll(keepingCapacity: true)
        }

        let object = scratch.acquire()
        object.items.append(42)
        scratch.release(object)

        scratch.withPooled { $0.items.append(7) }

        let buffers = BufferPool(name: "json", configuration: try .fromEnvironment([:]))
        var out = buffers.acquire(minimumCapacity: 6000)
        #expect(out.capacity >= 8192)
        out.append(contentsOf: [0x7B, 0x7D])
        buffers.release(consume out)

        let text = try PoolStats.prometheusText([scratch.stats, buffers.stats])
        #expect(text.contains("pool_hits_total{pool=\"scratch\"} 1\n"))
        #expect(text.contains("pool_idle{pool=\"json\"} 1\n"))
    }
}
