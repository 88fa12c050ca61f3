import LoadGen
import PerfSupport

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
            let process = try ServiceProcess.start(
                spec, searchDirectories: [(try? ExecutablePath.directory()) ?? "."])
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
}
