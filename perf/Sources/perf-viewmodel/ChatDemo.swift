import PerfResult
import PerfSupport
import ViewModelPool

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `perf-viewmodel demo`: a chat/log list under heavy churn, drawn live with the pool's statistics.
///
/// Every frame, 1 to 8 messages arrive, 0 to 2 are deleted, a few are read, and the list keeps the
/// newest `rows`. On a terminal the newest rows are redrawn in place (ANSI, colours unless `NO_COLOR`);
/// otherwise each frame prints its new messages and a stats line. It stops after `duration`.
@MainActor
struct ChatDemo {
    let options: Options
    let output: TerminalOutput

    /// Frames per second.
    static let framesPerSecond = 10

    /// The demo `options` ask for, coloured as `colors` says.
    init(options: Options, colors: TerminalColors) {
        self.options = options
        output = TerminalOutput(colors: colors)
    }

    func run(environment: Environment) {
        // Everything goes through `output` (unbuffered), so lines keep their order when piped.
        output.write(environment.description + "\n")
        if let warning = environment.buildWarning { output.write(warning + "\n") }
        let pool = ViewModelPool<ChatRowModel>(name: "chat", maxIdle: 16)
        let list = PooledList(pool: pool)
        var feed = ChatFeed(rows: options.rows, churn: 0, editedPerTick: 0, seed: options.seed)
        var random = SplitMix64(seed: options.seed &+ 1)
        let frames = max(1, Int(options.duration.secondsDouble * Double(Self.framesPerSecond)))
        let size = output.size
        list.update(feed.messages)
        output.begin()
        var totals = ChangeSummary()
        for frame in 1...frames {
            let arriving = 1 + random.next(below: 8)
            feed.append(arriving, limit: options.rows)
            feed.removeRandom(random.next(below: 3))
            for _ in 0..<(1 + random.next(below: 3)) { feed.markOneRead() }
            let changes = list.update(feed.messages)
            totals.inserted += changes.inserted
            totals.removed += changes.removed
            let statsLine = Self.statsLine(frame: frame, frames: frames, changes: changes, stats: pool.stats)
            if output.isTerminal {
                let visible = max(1, size.rows - 3)
                let rows = list.rows.suffix(visible).map { output.line(for: $0.model, width: size.columns) }
                output.redraw(
                    title: "perf-viewmodel demo: a pooled chat list (\(options.rows) rows)", rows: rows,
                    status: statsLine)
            } else {
                for row in list.rows.suffix(changes.inserted) {
                    output.write(output.line(for: row.model, width: 200) + "\n")
                }
                output.write(statsLine + "\n")
            }
            sleepFrame()
        }
        output.end()
        list.releaseAll()
        let stats = pool.stats
        output.write(
            "demo: \(frames) frames, \(totals.inserted) rows inserted and \(totals.removed) removed; "
                + "view models created \(stats.created), reused \(stats.reused) "
                + "(hit rate \(NumberText.fixed(stats.hitRate * 100, decimals: 1)) %), "
                + "released \(stats.released), discarded \(stats.discarded), idle \(stats.idle), live \(stats.live)\n")
    }

    /// The status line of one frame: the update's changes and the pool's counters.
    static func statsLine(frame: Int, frames: Int, changes: ChangeSummary, stats: ViewModelPoolStats) -> String {
        "frame \(frame)/\(frames)  +\(changes.inserted) −\(changes.removed) kept \(changes.kept)  |  pool: created "
            + "\(stats.created) reused \(stats.reused) released \(stats.released) discarded \(stats.discarded) "
            + "idle \(stats.idle) live \(stats.live)"
    }

    private func sleepFrame() {
        var request = timespec(tv_sec: 0, tv_nsec: 1_000_000_000 / Self.framesPerSecond)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
