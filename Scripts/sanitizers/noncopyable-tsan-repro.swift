// swift-frontend 6.3.1 aborts compiling this with -sanitize=thread (swiftlang/swift#86265):
//   $ swiftc -sanitize=thread -parse-as-library -c noncopyable-tsan-repro.swift
//   Invalid bitcast
//     %.. = bitcast i64 %.. to ptr
//   <unknown>:0: note: Broken module found, compilation aborted!
// The inout access `pointer[0] += 1` is instrumented with the struct's first field (`count`, an Int) as the
// address. Any of these compiles: no `~Copyable`, `var` instead of `let`, a non-mutating method, or
// `let pointer = self.pointer` first (the workaround LoadGen's WorkerLoop uses).
struct Counter: ~Copyable {
    let count: Int
    let pointer: UnsafeMutablePointer<Int>

    mutating func bump() { pointer[0] += 1 }
}
