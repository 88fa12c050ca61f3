extension Options {
    /// The text of `--help`.
    static var usage: String {
        """
        perf-viewmodel: the view-model churn suite (plain keyed list against PooledList), and a live demo.

        Usage:
          perf-viewmodel [options]            run the suite
          perf-viewmodel demo [options]       a high-churn chat list live in the terminal, with the pool's stats

        Suite options:
          --quick            the quick profile (\(RunProfile.quick.ticks) ticks and \(RunProfile.quick.cycles) \
        cycles per case; also PERF_PROFILE=quick)
          --ticks N          ticks per churn case (full: \(RunProfile.full.ticks); at least \(minimumOperations))
          --cycles N         mount/unmount cycles per mount case (full: \(RunProfile.full.cycles); at least \
        \(minimumOperations))
          --json PATH        write the PerfResult report (suite "viewmodel") to PATH
          --seed N           the seed of the message feeds (default 1)

        Demo options:
          --duration S       how long the demo runs, in seconds (default \(Int(defaultDuration)), at most \
        \(Int(maximumDuration)))
          --rows N           messages the list keeps (default \(defaultRows))
          --seed N           the seed of the feed (default 1)

          -h, --help         this text

        The suite runs each case in a release build: churn (1,000 rows, 10 % replaced and 10 edited per tick) and
        mount/unmount (a 50-row screen mounted, updated 3 times and unmounted per cycle), each with a plain class
        view model and an @Observable one, through a plain keyed list and a PooledList. It reports ns per tick
        or cycle, allocations (MemProbe's counter), view models created and alive, and a leak check's heap and
        allocation slopes. Bar: pooled churn with the class model ≤ 40 µs per tick (shown, not enforced).

        Environment: PERF_PROFILE=quick|full (default full), PERF_ENV (a label in the report), NO_COLOR.
        Exit status: 0 every check passed; 1 a check failed (a leak, a view model created per tick in steady
        state by the pooled churn, live view models ≠ rows); 2 bad usage (the message says what to fix).
        """
    }
}
