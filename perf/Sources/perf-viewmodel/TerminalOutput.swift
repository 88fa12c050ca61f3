import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the demo draws: ANSI redraws on a terminal, plain lines otherwise.
@MainActor
struct TerminalOutput {
    /// Whether standard output is a terminal.
    let isTerminal: Bool
    /// Whether to colour: a terminal, and `NO_COLOR` unset or empty.
    let colors: TerminalColors

    /// Output to standard output, coloured as `colors` says.
    init(colors: TerminalColors, isTerminal: Bool = isatty(STDOUT_FILENO) != 0) {
        self.isTerminal = isTerminal
        self.colors = colors
    }

    /// The terminal's size, or 24 × 80.
    var size: (rows: Int, columns: Int) {
        var window = winsize()
        guard isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0 else {
            return (24, 80)
        }
        return (Int(window.ws_row), Int(window.ws_col))
    }

    /// Hides the cursor and makes Ctrl-C show it again before exiting.
    func begin() {
        guard isTerminal else { return }
        signal(SIGINT) { _ in
            // A signal handler may only make async-signal-safe calls: one raw write, then _exit.
            let show: StaticString = "\u{1B}[?25h\n"
            _ = systemWrite(STDOUT_FILENO, show.utf8Start, show.utf8CodeUnitCount)
            _exit(130)
        }
        write("\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    /// Shows the cursor again.
    func end() {
        guard isTerminal else { return }
        write("\u{1B}[?25h\n")
        signal(SIGINT, SIG_DFL)
    }

    /// Redraws the screen in place: a title, the rows, a status line.
    func redraw(title: String, rows: [String], status: String) {
        var screen = "\u{1B}[H" + colors.paint(title, .bold) + "\u{1B}[K\n"
        for row in rows { screen += row + "\u{1B}[K\n" }
        screen += "\u{1B}[K\n" + colors.paint(status, .dim) + "\u{1B}[K\u{1B}[J"
        write(screen)
    }

    /// One message as a line: time, unread mark, author (coloured), text, cut to `width` characters.
    func line(for model: ChatRowModel, width: Int) -> String {
        let mark = model.isUnread ? "●" : " "
        let plain = "\(model.timeString) \(mark) \(model.author): \(model.text)"
        let cut = plain.count > width ? String(plain.prefix(max(0, width - 1))) + "…" : plain
        let prefix = "\(model.timeString) \(mark) "
        guard colors.isEnabled, cut.hasPrefix(prefix + model.author) else { return cut }
        let palette: [ANSIStyle] = [.red, .green, .yellow, .blue, .magenta, .cyan]
        let hue = palette[model.author.unicodeScalars.reduce(0) { $0 + Int($1.value) } % palette.count]
        return prefix + colors.paint(model.author, hue) + cut.dropFirst(prefix.count + model.author.count)
    }

    /// Writes `text` to standard output as it is, unbuffered, so that lines keep their order when piped.
    func write(_ text: String) {
        StandardStream.write(text, to: .output)
    }
}

/// The C library's `write`, out of reach of `TerminalOutput.write` (and callable from a signal handler).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
