/// `/proc` files captured on Linux 6.18 (Debian 12), trimmed where marked.
enum ProcFixtures {
    static let statm = "765 447 418 5 0 123 0\n"

    static let status = """
        Name:\tcat
        Umask:\t0022
        State:\tR (running)
        Tgid:\t20076
        Pid:\t20076
        PPid:\t20073
        VmPeak:\t    3060 kB
        VmSize:\t    3060 kB
        VmLck:\t       0 kB
        VmPin:\t       0 kB
        VmHWM:\t    1696 kB
        VmRSS:\t    1696 kB
        RssAnon:\t     112 kB
        RssFile:\t    1584 kB
        RssShmem:\t       0 kB
        VmData:\t     360 kB
        Threads:\t1
        voluntary_ctxt_switches:\t3
        nonvoluntary_ctxt_switches:\t17

        """

    /// `/proc/PID/stat` of a sleeping process with 7 threads, 1234 user and 56 system ticks (fields 14, 15, 20).
    static let stat =
        "4242 (demo-service) S 1 4242 4242 0 -1 4194560 1500 0 0 0 1234 56 0 0 20 0 7 0 1051146 "
        + "3133440 358 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"

    /// A kernel thread's status has no Vm* or Rss* lines.
    static let kernelThreadStatus = """
        Name:\tkthreadd
        Umask:\t0000
        State:\tS (sleeping)
        Tgid:\t2
        Threads:\t1

        """
}
