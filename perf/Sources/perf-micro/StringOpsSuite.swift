import MicroBench

/// String work a request handler does, at sizes 16 to 4096 bytes: concatenation, interpolation, splitting on a
/// separator (as `Character`s, and as UTF-8 bytes for contrast) and decoding UTF-8 to Unicode scalars. A result's
/// size is the UTF-8 size of the string produced or read, and its throughput column counts those bytes.
let stringOps = Suite("stringOps") { suite in
    let sizes = [16, 256, 4096]
    suite.bench("concat", sweeping: "size", over: sizes, throughput: { .bytes($0) }) { size in
        (StringInputs.ascii(size / 2), StringInputs.ascii(size - size / 2))
    } body: { halves in
        blackHole(halves.0 + halves.1)
    }
    // "id=<value>;<4 digits>": 8 bytes of template and number around a value that fills the rest.
    suite.bench("interpolation", sweeping: "size", over: sizes, throughput: { .bytes($0) }) { size in
        (StringInputs.ascii(size - 8), opaque(1234))
    } body: { input in
        blackHole("id=\(input.0);\(input.1)")
    }
    suite.bench("split", sweeping: "size", over: sizes, throughput: { .bytes($0) }) { size in
        StringInputs.words(size)
    } body: { text in
        blackHole(text.split(separator: " "))
    }
    // The same split over the UTF-8 bytes: no grapheme breaking, for contrast.
    suite.bench("splitUTF8", sweeping: "size", over: sizes, throughput: { .bytes($0) }) { size in
        StringInputs.words(size)
    } body: { text in
        blackHole(text.utf8.split(separator: UInt8(ascii: " ")))
    }
    suite.bench("utf8Scan", sweeping: "size", over: sizes, throughput: { .bytes($0) }) { size in
        StringInputs.mixedScript(size)
    } body: { text in
        blackHole(text.unicodeScalars.count)
    }
}

/// Inputs of an exact UTF-8 size, the same on every run.
enum StringInputs {
    /// `count` ASCII letters.
    static func ascii(_ count: Int) -> String {
        opaque(String(decoding: (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }, as: UTF8.self))
    }

    /// Words of 3 to 8 letters separated by single spaces, `count` bytes in all.
    static func words(_ count: Int) -> String {
        var bytes: [UInt8] = []
        var word = 0
        while bytes.count < count {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            for letter in 0..<(3 + word % 6) where bytes.count < count {
                bytes.append(UInt8(ascii: "a") + UInt8((word + letter) % 26))
            }
            word += 1
        }
        return opaque(String(decoding: bytes.prefix(count), as: UTF8.self))
    }

    /// Text mixing 1-, 2-, 3- and 4-byte scalars (Latin, accented Latin, CJK, emoji), `count` bytes in all.
    static func mixedScript(_ count: Int) -> String {
        let pieces = ["hello ", "héllo wörld ", "日本語 ", "😀 ", "ça va? "]
        var text = ""
        var index = 0
        while true {
            let piece = pieces[index % pieces.count]
            guard text.utf8.count + piece.utf8.count <= count else { break }
            text += piece
            index += 1
        }
        text += String(repeating: "x", count: count - text.utf8.count)
        return opaque(text)
    }
}
