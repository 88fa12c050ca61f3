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

        """

    /// A kernel thread's status has no Vm* or Rss* lines.
    static let kernelThreadStatus = """
        Name:\tkthreadd
        Umask:\t0000
        State:\tS (sleeping)
        Tgid:\t2
        Threads:\t1

        """
}
