// The control for mutex-tsan.c: the reproduction's loop with one real race added, `unprotected` incremented
// outside the lock. With the annotations TSan must still report it (and only it); test-sanitizers.sh checks.
import Foundation
import Synchronization

final class Box: @unchecked Sendable {
    let lock = Mutex(0)
    var unprotected = 0
}

let box = Box()
let done = DispatchGroup()
for _ in 0..<2 {
    done.enter()
    Thread.detachNewThread {
        for _ in 0..<100_000 {
            box.lock.withLock { $0 += 1 }
            box.unprotected += 1 // the race
        }
        done.leave()
    }
}
done.wait()
print(box.lock.withLock { $0 })
