/// Callgrind output texts for the tests, in the layout callgrind 3.19 writes with `--combine-dumps=yes`.
enum CallgrindFixtures {
    /// An excerpt of a real `--callgrind-child counting/increment` run (names and costs shortened): the
    /// warmup part, window 0, and the part written at program termination.
    ///
    /// Part 1's self costs sum to `36 80 8 1 1` (the lines after `calls=` are inclusive costs of calls,
    /// not summed); its `summary:` differs on purpose, since the `totals:` line is what counts. Part 2's
    /// sum to `3500 700 1400`.
    static let excerpt = """
        # callgrind format
        version: 1
        creator: callgrind-3.19.0
        pid: 5643
        cmd:  ./microbench-testbed --callgrind-child counting/increment --iterations 100
        part: 1


        desc: I1 cache: 32768 B, 64 B, 8-way associative
        desc: D1 cache: 32768 B, 64 B, 8-way associative
        desc: LL cache: 8388608 B, 64 B, 16-way associative

        desc: Timerange: Basic block 0 - 27327710
        desc: Trigger: Client Request: microbench warmup

        positions: line
        events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
        summary: 46 84 14 1 1


        ob=(9) /opt/swift/usr/lib/swift/linux/libswiftCore.so
        fl=(164) ???
        fn=(1788) swift_retain
        0 20 6 2

        fn=(3304) swift::runtime::SwiftTLSContext::get()
        0 8 0 4
        cob=(1) /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
        cfi=(165) ./elf/../sysdeps/x86_64/tls_get_addr.S
        cfn=(1110) __tls_get_addr
        calls=56 30
        0 22 14

        ob=(1)
        fl=(143) ./elf/../sysdeps/x86_64/dl-trampoline.h
        fn=(536) _dl_runtime_resolve_xsave
        76 2 0 2 1
        +3 2
        +10 2 2 0 0 1
        cfi=(144) ./elf/./elf/dl-runtime.c
        cfn=(538) _dl_fixup
        calls=154 -84
        * 1889 454 136 45 49 10 0 7
        +1 2 72

        totals: 36 80 8 1 1

        part: 2

        desc: Timerange: Basic block 27327710 - 27330607
        desc: Trigger: Client Request: microbench window 0

        positions: line
        events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
        summary: 3515 704 1409


        ob=(19) /tmp/microbench-callgrind.a1b2c3/microbench-testbed
        fl=(236) ???
        fn=(3950) $s18microbench_testbedy10MicroBench12SuiteBuilderCYbcfU_ySizcfU0_
        0 1100 200 500
        cfn=(3952) $s10MicroBench9blackHoleyyxlF
        calls=100 0
        0 8100 2200 3100
        0 300 200

        fn=(3952)
        0 2100 300 900

        totals: 3500 700 1400

        part: 3

        desc: Timerange: Basic block 27330607 - 27336000
        desc: Trigger: Program termination

        positions: line
        events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
        summary: 0


        totals: 0

        """

    /// The nine events of a cache-simulating run, in callgrind's order.
    static let events = ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"]

    /// A whole output of a child: a warmup part, one part per element of `windows` (each the nine
    /// totals in `events` order), and the termination part.
    static func output(windows: [[UInt64]], events: [String] = events) -> String {
        var text = "# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\n"
        func part(_ number: Int, _ trigger: String, _ totals: [UInt64]) {
            text += "part: \(number)\n\ndesc: Trigger: \(trigger)\n\npositions: line\n"
            text += "events: \(events.joined(separator: " "))\n\nfn=(1) body\n"
            text += "0 " + totals.map(String.init).joined(separator: " ") + "\n\n"
            text += "totals: " + totals.map(String.init).joined(separator: " ") + "\n\n"
        }
        part(1, "Client Request: microbench warmup", Array(repeating: 999_999, count: events.count))
        for (index, totals) in windows.enumerated() {
            part(index + 2, "Client Request: microbench window \(index)", totals)
        }
        part(windows.count + 2, "Program termination", [0])
        return text
    }
}
