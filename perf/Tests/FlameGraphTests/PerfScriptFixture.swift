/// `perf script` output for the collapser's tests, cut from real recordings of the demo service under
/// load (`perf record -F 999 -g` and `--call-graph dwarf`), plus the header forms perf prints with other
/// `-F` choices. Paths are shortened; tabs and alignment are perf's.
enum PerfScriptFixture {
    static let binary = "(/work/perf/.build-profile/release/demo-service)"

    /// Frame-pointer call chain of a login: Swift frames down to `start_thread`. Printed twice.
    static let login = """
        demo-service 32030  2395.439348:    1001001 cpu-clock:ppp:
        \t           2564a $s11DemoService10SaltedHashO6digest8password4salt6roundsAA14PasswordDigestVSRys5UInt8VG_AC4SaltVSitFZTf4nnnd_n+0x25a \(binary)
        \t           30ec4 $s11DemoService9UserTableC12authenticate4user8passwordSiSgSRys5UInt8VG_AJtF+0xb4 \(binary)
        \t           1abbd $s11DemoService9EventLoopC3runAA15ShutdownSummaryVyF+0x7fd \(binary)
        \t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

        """

    /// Kernel frames over a libc leaf without frame pointers: the chain stops at `__libc_recv`.
    static let kernelRecv = """
        demo-service 32029  2395.441097:    1001001 cpu-clock:ppp:
        \tffffffff81e40760 skb_release_data+0x50 ([kernel.kallsyms])
        \tffffffff8200ff6f tcp_recvmsg_locked+0x48f ([kernel.kallsyms])
        \tffffffff81000130 entry_SYSCALL_64_after_hwframe+0x76 ([kernel.kallsyms])
        \t          10a974 __libc_recv+0x64 (/usr/lib/x86_64-linux-gnu/libc.so.6)

        """

    /// DWARF call chain with inlined frames and a C++ runtime symbol with spaces and templates.
    static let dwarfRelease = """
        demo-service 32309  2413.148468:    1001001 cpu-clock:ppp:
        \t           965ce tcache_put+0x4ae (inlined)
        \t           965ce _int_free+0x4ae (/usr/lib/x86_64-linux-gnu/libc.so.6)
        \t          4721e5 swift::RefCounts<swift::RefCountBitsT<(swift::RefCountInlinedness)1> >::doDecrementSlow<(swift::PerformDeinit)1>+0x165 (/opt/swift/usr/lib/swift/linux/libswiftCore.so)
        \t           1abbc $s11DemoService9EventLoopC8dispatch33_80FF551457DEF1A61686E37873FB8D81LLyySo11epoll_eventVF+0x7fc (inlined)
        \t           1abbc $s11DemoService9EventLoopC3runAA15ShutdownSummaryVyF+0x7fc \(binary)
        \t           891f4 start_thread+0x304 (/usr/lib/x86_64-linux-gnu/libc.so.6)
        \t          1098eb clone3+0x2b (/usr/lib/x86_64-linux-gnu/libc.so.6)

        """

    /// Frames without symbols: one in a known library, one nowhere, one in the vDSO.
    static let unknown = """
        demo-service 32029  2395.500001:    1001001 cpu-clock:ppp:
        \t    7f3c2a1b2c3d [unknown] (/usr/lib/x86_64-linux-gnu/libc.so.6)
        \t               0 [unknown] ([unknown])
        \t    7ffd1a2b3000 [unknown] ([vdso])
        \t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

        """

    /// A command with a space, pid/tid, a CPU field and the cycles event; `operator+` and a deleted file.
    static let workerThread = """
        V8 WorkerThread 24636/25607 [000] 94564.109216:     100 cycles:
        \t            5a10 operator+=+0x12 (/tmp/a.out)
        \t            5b20 (anonymous namespace)::run()+0x30 (/tmp/a.out (deleted))
        \t            5c30 _start+0x20 (/tmp/a.out)

        """

    /// `perf record` without `-g`: the only frame is on the header line.
    static let noCallChain = """
        t 29755  2293.768528:    1001001 cpu-clock:ppp:            125c outer+0x1c (/tmp/fg-fixture/t)

        """

    static let all = login + login + kernelRecv + dwarfRelease + unknown + workerThread + noCallChain

    static let swiftDigest =
        "$s11DemoService10SaltedHashO6digest8password4salt6roundsAA14PasswordDigestVSRys5UInt8VG_AC4SaltVSitFZTf4nnnd_n"
    static let swiftAuthenticate = "$s11DemoService9UserTableC12authenticate4user8passwordSiSgSRys5UInt8VG_AJtF"
    static let swiftRun = "$s11DemoService9EventLoopC3runAA15ShutdownSummaryVyF"
    static let swiftDispatch =
        "$s11DemoService9EventLoopC8dispatch33_80FF551457DEF1A61686E37873FB8D81LLyySo11epoll_eventVF"
}
