/// Turns the text of `perf script` into folded stacks, one line at a time.
///
/// `perf script` prints each sample as a header line (`comm pid/tid [cpu] time: period event:`) followed by
/// its call chain, leaf first, one frame a line (`address symbol+offset (dso)`), and a blank line. The
/// collapser reverses each chain to root-first order, puts the command name at the root, and merges equal
/// stacks. Frames are named as folded stacks expect:
///
/// - `symbol+0x1c` loses its offset; C++ names perf demangled keep their spaces and templates;
///   Swift symbols stay mangled (`$s11DemoService...`) for ``FoldedStacks/demangled(with:)``.
/// - Kernel frames (`[kernel.kallsyms]`) get the suffix `_[k]`, inlined frames (`(inlined)`, printed by
///   perf for DWARF call graphs) get `_[i]`.
/// - A frame without a symbol is named after its library, `[libc.so.6]`, or `[unknown]` when that is
///   unknown too.
///
/// ```swift
/// var collapser = PerfScriptCollapser()
/// for line in text.split(separator: "\n", omittingEmptySubsequences: false) { collapser.consume(line) }
/// let stacks = collapser.finish()
/// ```
public struct PerfScriptCollapser: Sendable {
    /// What the root frame of each stack names.
    public enum ProcessRoot: Sendable, Equatable {
        /// No process frame: stacks start at the outermost function.
        case none
        /// The command name (`demo-service`).
        case command
        /// The command name and the process id (`demo-service-4242`).
        case commandAndProcess
        /// The command name and the thread id (`demo-service/4243`), one tower per thread.
        case commandAndThread
    }

    /// Choices that change the frames.
    public struct Options: Sendable, Equatable {
        /// What the root frame names; `.command` by default.
        public var processRoot: ProcessRoot = .command
        /// Keep kernel frames (marked `_[k]`); when false, they are dropped.
        public var includeKernel = true
        /// Keep inlined frames (marked `_[i]`); when false, only real frames remain.
        public var includeInlined = true
        /// Keep only samples of this event (`cpu-clock`, `cycles`); all samples when nil.
        public var event: String?

        /// The defaults: command root, kernel and inlined frames kept, every event.
        public init() {}
    }

    /// Counts about the input, for a reader to judge the profile.
    public struct Statistics: Sendable, Equatable {
        /// Samples turned into stacks.
        public var samples = 0
        /// Samples of other events, left out by ``Options/event``.
        public var skippedSamples = 0
        /// Samples whose outermost frame is not a thread's entry point (`_start`, `start_thread`, `clone`):
        /// the unwinder stopped early, usually in code built without frame pointers.
        public var truncatedSamples = 0
        /// Frames marked `_[k]`.
        public var kernelFrames = 0
        /// Frames marked `_[i]`.
        public var inlinedFrames = 0
        /// Frames without a symbol.
        public var unknownFrames = 0
        /// Lines that were neither a header, a frame nor blank, and were ignored.
        public var ignoredLines = 0
    }

    /// The options this collapser applies.
    public let options: Options
    /// What has been read so far.
    public private(set) var statistics = Statistics()

    private var stacks = FoldedStacks()
    private var header: SampleHeader?
    /// The current sample's frames, leaf first, as perf prints them.
    private var frames: [String] = []
    private var outermostSymbol: Substring = ""

    /// A collapser with `options`.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Collapses the whole output of `perf script` at once.
    ///
    /// - Complexity: O(length of `text`).
    public static func collapse(_ text: String, options: Options = Options()) -> (FoldedStacks, Statistics) {
        var collapser = PerfScriptCollapser(options: options)
        // Lines are cut on bytes: no grapheme breaking over the whole text.
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            collapser.consume(Substring(line))
        }
        let stacks = collapser.finish()
        return (stacks, collapser.statistics)
    }

    /// Reads one line of `perf script` output, without its line break.
    ///
    /// - Complexity: O(length of `line`).
    public mutating func consume(_ line: Substring) {
        let line = line.hasSuffix("\r") ? line.dropLast() : line
        guard let first = line.first else {
            flush()
            return
        }
        if first == " " || first == "\t" {
            guard header != nil, let frame = PerfFrameLine(line) else {
                if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { statistics.ignoredLines += 1 }
                return
            }
            append(frame)
        } else if first == "#" {
            return
        } else {
            flush()
            guard let parsed = SampleHeader(line) else {
                statistics.ignoredLines += 1
                return
            }
            header = parsed
            if let frame = parsed.inlineFrame { append(frame) }
        }
    }

    /// Ends the input and returns the stacks read.
    ///
    /// - Complexity: O(1) beyond the last sample.
    public mutating func finish() -> FoldedStacks {
        flush()
        return stacks
    }

    private mutating func append(_ frame: PerfFrameLine) {
        if frame.isKernel && !options.includeKernel { return }
        if frame.isInlined && !options.includeInlined { return }
        outermostSymbol = frame.symbol
        frames.append(frame.foldedName)
        if frame.isKernel { statistics.kernelFrames += 1 }
        if frame.isInlined { statistics.inlinedFrames += 1 }
        if frame.isUnknown { statistics.unknownFrames += 1 }
    }

    /// Ends the current sample: its stack is added, root first.
    private mutating func flush() {
        defer {
            header = nil
            frames.removeAll(keepingCapacity: true)
            outermostSymbol = ""
        }
        guard let header else { return }
        if let event = options.event, header.event != event {
            statistics.skippedSamples += 1
            return
        }
        var stack: [String] = []
        stack.reserveCapacity(frames.count + 1)
        switch options.processRoot {
        case .none: break
        case .command: stack.append(header.command)
        case .commandAndProcess: stack.append("\(header.command)-\(header.process ?? "?")")
        case .commandAndThread: stack.append("\(header.command)/\(header.thread)")
        }
        stack.append(contentsOf: frames.reversed())
        if stack.isEmpty { stack = ["[unknown]"] }
        statistics.samples += 1
        if !Self.threadEntryPoints.contains(outermostSymbol) { statistics.truncatedSamples += 1 }
        stacks.add(stack)
    }

    /// Where every complete user-space call chain ends: process and thread entry points, and the
    /// kernel's own thread start.
    static let threadEntryPoints: Set<Substring> = [
        "_start", "__libc_start_main", "__libc_start_call_main", "start_thread", "clone", "clone3", "__clone",
        "__clone3", "thread_start", "ret_from_fork", "ret_from_fork_asm", "kthread",
    ]
}
