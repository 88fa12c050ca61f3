import PerfResult
import Regression

// perf-check: compares perf/results with baselines/ and writes reports (see --help).
// A thin shell: parse, call Regression, print, exit with its status.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `text` to a file descriptor (1 or 2), unbuffered, so the two streams keep their order.
func emit(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        bytes = bytes.dropFirst(written)
    }
}

var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
}

let output: CheckRun.Output
do {
    let options = try CheckOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: environment)
    if !options.help && !options.listRegressions { emit("perf-check · \(Environment.capture())\n", to: 1) }
    output = CheckRun.run(options)
} catch {
    output = CheckRun.Output(standardOutput: "", standardError: "perf-check: \(error)\n", exitCode: 2)
}
emit(output.standardOutput, to: 1)
emit(output.standardError, to: 2)
exit(output.exitCode)
