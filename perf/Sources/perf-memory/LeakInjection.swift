/// A leak `--inject-leak` adds to every iteration of a workload, to show that the check catches it.
enum LeakInjection: String, CaseIterable, Sendable {
    /// A request object that stores a completion closure capturing the object itself: ARC never frees it.
    case retainCycle = "retain-cycle"
    /// 64 bytes allocated and kept in a registry that is never emptied.
    case bytes64 = "64-bytes"

    /// One line for `--list` and `--help`.
    var summary: String {
        switch self {
        case .retainCycle:
            return "a request object whose completion closure captures it: a cycle ARC never frees "
                + "(one 48-byte block per iteration; the closure's context is the object itself)"
        case .bytes64:
            return "64 bytes allocated and kept in a registry that is never emptied (one block per iteration)"
        }
    }
}
