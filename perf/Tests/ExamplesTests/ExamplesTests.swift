import Foundation
import LoadGen
import SuiteTestSupport
import Testing

/// Runs the README examples that can run in a unit test, and checks the scenario file the README shows.
@Suite struct ExamplesTests {
    @Test func theLeakCheckExampleFindsNoLeakInABoundedCache() throws {
        let leaked = try ProcessWideAllocations.exclusively { try ReadmeExampleTests.leakCheck() }
        #expect(!leaked)
    }

    @Test func thePoolExampleHandlesEveryRequest() {
        #expect(ReadmeExampleTests.poolInAHotPath() == 1_000)
    }

    /// The ```json block after `<!-- readme-scenario -->` in README.md, loaded as `loadgen --scenario` loads it.
    @Test func theReadmeScenarioIsAValidScenarioFile() throws {
        let readme = URL(filePath: #filePath).deletingLastPathComponent()
            .appending(path: "../../../README.md").standardized
        let text = try String(contentsOf: readme, encoding: .utf8)
        let json = try #require(
            Self.scenarioBlock(in: text), "README.md has no ```json block after <!-- readme-scenario -->")
        let directory = try TemporaryDirectory(prefix: "readme-scenario")
        let path = directory.path + "/scenario.json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(path: path)
        #expect(scenario.service?.command == "loadgen-target")
        #expect(scenario.thresholds.map(\.metric).sorted() == ["errorRate", "latencyP95Ms", "requestsPerSec"])
        #expect(scenario.configuration.target.port == 18081)
    }

    static func scenarioBlock(in text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard
            let marker = lines.firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces) == "<!-- readme-scenario -->"
            }),
            marker + 1 < lines.count, lines[marker + 1].hasPrefix("```json"),
            let end = lines[(marker + 2)...].firstIndex(where: { $0.hasPrefix("```") })
        else { return nil }
        return lines[(marker + 2)..<end].joined(separator: "\n")
    }
}
