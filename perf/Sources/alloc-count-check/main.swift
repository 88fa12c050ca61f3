// alloc-count-check: a deterministic program whose whole-process heap totals MemProbe's counter prints at exit,
// in valgrind's words, so that `perf-verify` can set them beside `valgrind --tool=memcheck`'s "total heap usage"
// from a second run of the same binary (under valgrind the counter is bypassed: valgrind replaces `malloc`).
//
// Swift grows buffers with `malloc_usable_size`, which valgrind's allocator answers differently from glibc's, so
// every container here gets its capacity up front: the program then allocates the same under both allocators.
// The totals are printed from an `atexit` handler that does not allocate, so the print is not in the count.
import MemProbe

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A class instance: one allocation each.
final class Node {
    var value: Int
    var next: Node?
    init(value: Int, next: Node?) {
        self.value = value
        self.next = next
    }
}

/// The work: a linked list, arrays of known capacity, strings too long for the inline form, raw buffers.
@inline(never)
func work() -> Int {
    var head: Node?
    for value in 0..<1_000 { head = Node(value: value, next: head) }
    var checksum = 0
    while let node = head {
        checksum &+= node.value
        head = node.next
    }
    for size in [16, 256, 4_096, 65_536] {
        var numbers = [Int]()
        numbers.reserveCapacity(size)
        for value in 0..<size { numbers.append(value) }
        checksum &+= numbers[size / 2]
    }
    for length in stride(from: 16, to: 512, by: 16) {
        var text = String()
        text.reserveCapacity(length)
        for _ in 0..<length { text.unicodeScalars.append("x") }
        checksum &+= text.utf8.count
    }
    for size in [1, 100, 10_000, 1_000_000] {
        let buffer = malloc(size)
        checksum &+= buffer == nil ? 0 : size
        free(buffer)
    }
    // Kept to the end, so that frees and allocations differ.
    leftOver = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
    return checksum
}

/// An allocation the program never frees.
nonisolated(unsafe) var leftOver: UnsafeMutableRawPointer?

/// Writes `text` and the decimal digits of `number` to standard output without allocating.
func put(_ text: StaticString, _ number: UInt64? = nil) {
    _ = write(1, text.utf8Start, text.utf8CodeUnitCount)
    guard var rest = number else { return }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for 20 digits
    withUnsafeMutableBytes(of: &digits) { bytes in
        var index = bytes.count
        repeat {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        _ = write(1, bytes.baseAddress! + index, bytes.count - index)
    }
}

atexit {
    guard let totals = AllocationCounter.allThreads() else {
        put("memprobe: the allocation counter is not counting in this process\n")
        return
    }
    put("memprobe: total heap usage: ", totals.allocations)
    put(" allocs, ", totals.frees)
    put(" frees, ", totals.bytesAllocated)
    put(" bytes allocated\n")
}
print("checksum \(work())")
