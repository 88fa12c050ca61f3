#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Command {
    /// Parses this process's arguments and environment the toolkit's way: on `--help`, prints the help to
    /// standard output and exits 0; on a mistake, prints `program: message` to standard error and exits 2.
    ///
    /// Executables call it first thing in `main.swift`, so that usage handling is the same in every tool.
    public func parseOrExit(
        _ arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessEnvironment.current()
    ) -> ParsedArguments {
        do {
            let parsed = try parse(arguments, environment: environment)
            if parsed.helpRequested {
                StandardStream.write(parsed.helpText, to: .output)
                exit(0)
            }
            return parsed
        } catch {
            StandardStream.write("\(name): \(error)\n", to: .error)
            exit(UsageError.exitStatus)
        }
    }
}
