import CMemProbe
import PerfResult
import PerfSupport

/// Names return addresses: the object from the dynamic loader, the function from the object's ELF symbol
/// table (local functions included: a Swift executable's own functions are mostly local), Swift names
/// demangled in one batch.
enum FrameSymbols {
    /// Each of `addresses` resolved, and notes for a reader (the demangler failed or is missing).
    /// - Complexity: one pass over each involved object's symbol table per call, and one demangler process.
    static func resolve(_ addresses: [UInt], demangler: (any SymbolDemangler)?) -> (
        [UInt: AllocationSite.Frame], [String]
    ) {
        guard !addresses.isEmpty else { return ([:], []) }
        var symbols = [memprobe_frame_symbol](repeating: memprobe_frame_symbol(), count: addresses.count)
        let status = addresses.withUnsafeBufferPointer { input in
            symbols.withUnsafeMutableBufferPointer { output in
                memprobe_symbolize(input.baseAddress, input.count, output.baseAddress)
            }
        }
        defer { memprobe_frame_symbols_free(&symbols, symbols.count) }
        var notes: [String] = []
        if status == 0 { notes.append("frames are not named: out of memory while reading symbol tables") }
        if status < 0 { notes.append("frames are not named: symbol tables are read only on Linux (ELF)") }
        var frames: [UInt: AllocationSite.Frame] = [:]
        for (address, symbol) in zip(addresses, symbols) {
            frames[address] = AllocationSite.Frame(
                address: address, function: symbol.name.map { String(cString: $0) }, offset: symbol.offset,
                file: symbol.file.map { String(cString: $0) }, fileAddress: symbol.file_address)
        }
        let mangled = Set(frames.values.compactMap(\.function).filter { SwiftDemangler.isSwiftMangled($0) }).sorted()
        guard !mangled.isEmpty else { return (frames, notes) }
        guard let demangler else {
            notes.append("Swift names stay mangled: no demangler (put the Swift toolchain's bin directory on PATH)")
            return (frames, notes)
        }
        do {
            let names = try demangler.demangle(mangled)
            let readable = Dictionary(zip(mangled, names), uniquingKeysWith: { first, _ in first })
            for (address, frame) in frames {
                if let function = frame.function, let name = readable[function] { frames[address]!.function = name }
            }
        } catch {
            notes.append("Swift names stay mangled: \(error)")
        }
        return (frames, notes)
    }

    /// A frame nothing could resolve (it was not in the batch).
    static func unnamed(_ address: UInt) -> AllocationSite.Frame {
        AllocationSite.Frame(address: address, function: nil, offset: 0, file: nil, fileAddress: address)
    }
}
