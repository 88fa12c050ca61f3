import Testing

/// Tests that read this process's memory as a whole (live allocations, heap in use, resident bytes), run one at a
/// time. Those figures are shared by every test in the process: a leak check that keeps 20,000 objects sees
/// another check's 20,000 appear and, when that test ends, vanish in the middle of its run, and a test that
/// retains 32 MB moves every other check's heap signal.
@Suite(.serialized) enum ProcessMemoryTests {}
