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
    /// Whether to colour (a terminal, and `NO_COLOR` unset).
    let color: Bool

    init(color: Bool) {
        isTerminal = isatty(STDOUT_FILENO) != 0
        self.color = color && isTerminal
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
        var screen = "\u{1B}[H" + bold(title) + "\u{1B}[K\n"
        for row in rows { screen += row + "\u{1B}[K\n" }
        screen += "\u{1B}[K\n" + dim(status) + "\u{1B}[K\u{1B}[J"
        write(screen)
    }

    /// One message as a line: time, unread mark, author (coloured), text, cut to `width` characters.
    func line(for model: ChatRowModel, width: Int) -> String {
        let mark = model.isUnread ? "●" : " "
        let plain = "\(model.timeString) \(mark) \(model.author): \(model.text)"
        let cut = plain.count > width ? String(plain.prefix(max(0, width - 1))) + "…" : plain
        guard color else { return cut }
        let palette = [31, 32, 33, 34, 35, 36]
        let hue = palette[model.author.unicodeScalars.reduce(0) { $0 + Int($1.value) } % palette.count]
        let prefix = "\(model.timeString) \(mark) "
        guard cut.hasPrefix(prefix + model.author) else { return cut }
        return prefix + "\u{1B}[\(hue)m" + model.author + "\u{1B}[0m" + cut.dropFirst(prefix.count + model.author.count)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                let written = systemWrite(STDOUT_FILENO, rest.baseAddress, rest.count)
                guard written > 0 else { return }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// The C library's `write`, out of reach of `TerminalOutput.write` (and callable from a signal handler).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
