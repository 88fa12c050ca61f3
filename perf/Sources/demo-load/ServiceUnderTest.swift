import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A demo service started for one measured run: a scenario's `service` section with `--pool on|off` (and any
/// other flags) appended, found next to this executable, stopped with SIGTERM afterwards.
struct ServiceUnderTest {
    /// The process.
    let process: ServiceProcess
    /// The port `/metrics` is scraped on: the scenario's target port.
    let port: Int

    /// Starts the service and waits until its readiness URL answers.
    /// - Throws: `DemoLoadError.setup` when the scenario has no service or it does not start.
    static func start(_ scenario: Scenario, extraArguments: [String]) throws(DemoLoadError) -> ServiceUnderTest {
        guard var spec = scenario.service else {
            throw .setup("the scenario '\(scenario.name)' has no service section: demo-load starts the service itself")
        }
        spec.arguments += extraArguments
        spec.log = "/tmp/demo-load-service-\(getpid()).log"
        do {
            let process = try ServiceProcess.start(spec, searchDirectories: [executableDirectory()])
            do {
                try process.waitUntilReady { Interruption.requested }
            } catch {
                process.stop()
                throw error
            }
            return ServiceUnderTest(process: process, port: scenario.configuration.target.port)
        } catch {
            throw .setup("\(error)")
        }
    }

    /// Fetches `/metrics`.
    func scrape() throws(DemoLoadError) -> MetricsScrape {
        try MetricsClient.scrape(port: port)
    }

    /// SIGTERM (the service drains and exits 0), SIGKILL after the scenario's stop grace; how it ended.
    @discardableResult
    func stop() -> String {
        process.stop()
    }

    /// The directory of this executable, where `swift build` also puts `demo-service`.
    static func executableDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path =
            count > 0
            ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
