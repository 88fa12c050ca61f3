#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the runner writes: standard output for results, standard error for progress and errors.
///
/// Injected so that tests capture both streams and choose whether they are terminals. Progress is
/// written only when standard error is a terminal; colour only when the stream is a terminal and
/// `NO_COLOR` is unset or empty.
struct Console {
    var write: (String) -> Void
    var writeError: (String) -> Void
    var outputIsTerminal: Bool
    var errorIsTerminal: Bool

    /// The process's standard output and error, written unbuffered so that each row appears as soon
    /// as it is measured.
    static var standard: Console {
        Console(
            write: { writeAll($0, to: STDOUT_FILENO) },
            writeError: { writeAll($0, to: STDERR_FILENO) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = writeBytes(descriptor, base + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return } // a closed pipe: nothing more can be shown
                offset += written
            }
        }
    }
}

/// `write(2)`, whose name `Console.write` shadows inside the type.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// ANSI styles, or nothing when colour is off.
struct Style {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func loud(_ text: String) -> String { wrap(text, "1;31") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
