// Two threads increment a counter inside Synchronization.Mutex. The program is race-free (it prints 200000),
// yet built with `swiftc -sanitize=thread` on Linux ThreadSanitizer reports a "Swift access race" on the
// counter. See README.md next to this file for why, and mutex-tsan.c for the fix test-sanitizers.sh applies.
import Foundation
import Synchronization

let counter = Mutex(0)
let done = DispatchGroup()
for _ in 0..<2 {
    done.enter()
    Thread.detachNewThread {
        for _ in 0..<100_000 { counter.withLock { $0 += 1 } }
        done.leave()
    }
}
done.wait()
print(counter.withLock { $0 })
