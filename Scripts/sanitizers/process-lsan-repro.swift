// LeakSanitizer reports a leak in Foundation's Process.run() that is not one (asan.supp):
//   $ swiftc -sanitize=address process-lsan-repro.swift -o repro && ./repro
//   Direct leak of 32 byte(s) in 1 object(s) allocated from:
//     #2 in swift::RefCounts<...>::formWeakReference()
//     #3 in swift_weakAssign
//     #4 in $s10Foundation7ProcessC3runyyKF
// run() keeps a weak reference to the thread's RunLoop, which creates the RunLoop's weak-reference side table.
// The Process goes, the RunLoop lives on with its side table, pointed to only from its refcount field (shifted,
// with flag bits), which LeakSanitizer's scan does not take for a pointer (llvm/llvm-project#56751).
import Foundation

let process = Process()
process.executableURL = URL(fileURLWithPath: "/bin/true")
try process.run()
process.waitUntilExit()
print(process.terminationStatus)
