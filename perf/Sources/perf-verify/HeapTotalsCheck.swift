import PerfResult
import PerfSupport

/// MemProbe's allocation counter against valgrind's memcheck: the whole-process heap totals of
/// `alloc-count-check`, a deterministic program, must be identical (allocations, frees, bytes).
///
/// Two runs of the same binary: one plain, where MemProbe counts and prints its totals at exit, and one under
/// `valgrind --tool=memcheck` (which replaces `malloc`, so MemProbe is bypassed and valgrind counts). valgrind
/// 3.19 cannot read the DWARF 5 the Swift toolchain writes, so it runs a copy without debug sections (objcopy).
/// `--run-libc-freeres=no --run-cxx-freeres=no`: by default valgrind frees libc's and the C++ runtime's own
/// buffers after the program's `atexit` handlers ran, which MemProbe, printing from one, cannot see.
enum HeapTotalsCheck {
    static let bar = "identical"

    static func rows(_ context: VerifyContext) -> [VerifyRow] {
        let names = ["allocs", "frees", "bytes"].map { "memprobe/heapTotals[figure=\($0)]" }
        guard let program = context.product("alloc-count-check", in: context.perfProducts) else {
            return names.map { .failed($0, bar: bar, why: "alloc-count-check is not built in \(context.perfProducts)") }
        }
        guard let valgrind = context.tool("valgrind") else {
            return names.map {
                .skipped(
                    $0, bar: bar,
                    why: "valgrind is not installed (Debian's valgrind; make perf-verify installs it as root)")
            }
        }
        guard let objcopy = context.tool("objcopy") ?? context.tool("llvm-objcopy") else {
            return names.map { .skipped($0, bar: bar, why: "objcopy is not installed (Debian's binutils)") }
        }
        do {
            let plain = try context.run(program, [], timeout: .seconds(60))
            guard plain.termination == .exited(0), let ours = HeapUsageLine(in: plain.standardOutputText) else {
                return names.map {
                    .failed(
                        $0, bar: bar,
                        why: "alloc-count-check: \(lastLines(plain.standardOutputText + plain.standardErrorText))")
                }
            }
            let stripped = context.file("alloc-count-check.nodebug")
            let strip = try context.run(objcopy, ["--strip-debug", program, stripped], timeout: .seconds(60))
            guard strip.termination == .exited(0) else {
                return names.map { .failed($0, bar: bar, why: "objcopy: \(lastLines(strip.standardErrorText))") }
            }
            let checked = try context.run(
                valgrind, ["--tool=memcheck", "--run-libc-freeres=no", "--run-cxx-freeres=no", stripped],
                timeout: .seconds(300))
            guard let reference = HeapUsageLine(in: checked.standardErrorText) else {
                return names.map {
                    .failed(
                        $0, bar: bar, why: "valgrind printed no heap summary: \(lastLines(checked.standardErrorText))")
                }
            }
            let pairs = [
                (ours.allocations, reference.allocations), (ours.frees, reference.frees), (ours.bytes, reference.bytes),
            ]
            return zip(names, pairs).map { name, pair in
                .judged(
                    name, ours: pair.0, reference: pair.1, unit: name.hasSuffix("bytes]") ? .bytes : .count, bar: bar,
                    note: "valgrind memcheck's total heap usage", holds: pair.0 == pair.1)
            }
        } catch {
            return names.map { .failed($0, bar: bar, why: "\(error)") }
        }
    }
}
