import Foundation
import PerfResult
import Regression
import Testing

@Suite struct ABConfigurationTests {
    private func read(_ text: String) throws(ABFailure) -> ABConfiguration {
        let path = NSTemporaryDirectory() + "ab-\(UUID().uuidString).json"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ABConfiguration.read(from: path)
    }

    private func failure(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.description.split(separator: ": ", maxSplits: 1).last.map(String.init)
        }
    }

    @Test func theRepositorysConfigurationCoversEverySuiteOfMakePerf() throws {
        let configuration = try ABConfiguration.read(from: repositoryRoot + "/perf/ab.json")
        let listed = try JSONDecoder().decode(
            [String].self, from: Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/perf/suites.json")))
        for suite in listed {
            #expect(try !configuration.selecting([suite]).isEmpty, "perf/ab.json has no suite or group \(suite)")
        }
        #expect(try configuration.selecting(["macro"]).count == 10)
        #expect(try configuration.selecting(["memory"]).first?.forks == 1)
        // The instructions suite leaves out the two tasks whose count depends on a random session token, as
        // Scripts/perf-instructions.sh does.
        let instructions = try #require(try configuration.selecting(["instructions"]).first)
        let filter = try Regex(try #require(instructions.run.last))
        #expect("pipeline/full[pool=off,request=login]".firstMatch(of: filter) == nil)
        #expect("pipeline/handle[pool=on,request=login]".firstMatch(of: filter) == nil)
        #expect("pipeline/parse[request=login]".firstMatch(of: filter) != nil)
        #expect("routing/trie[path=deep]".firstMatch(of: filter) != nil)
    }

    @Test func aMinimalConfigurationTakesTheDefaults() throws {
        let configuration = try read(#"{"schema": "perf-ab/1", "suites": [{"name": "a", "run": ["bin/a"]}]}"#)
        #expect(configuration.timeout == .seconds(900))
        #expect(configuration.suites == [ABConfiguration.Suite(name: "a", build: [], run: ["bin/a"])])
    }

    @Test(arguments: [
        (#"{"schema": "perf-ab/2", "suites": []}"#, #"at $.schema: expected "perf-ab/1""#),
        (#"{"schema": "perf-ab/1", "suites": []}"#, "at $.suites: expected a non-empty array of suites"),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a"}]}"#,
            "at $.suites[0].run: missing: the command that runs the suite"
        ),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a", "run": []}]}"#,
            "at $.suites[0].run: expected a command: a non-empty array of words"
        ),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a", "run": ["x"], "fork": 2}]}"#,
            "at $.suites[0].fork: unknown field; expected one of build, filter, forks, group, name, note, path, run"
        ),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a", "run": ["x"], "forks": 0}]}"#,
            "at $.suites[0].forks: expected a whole number from 1 to 100"
        ),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a b", "run": ["x"]}]}"#,
            "at $.suites[0].name: expected a suite name (letters, digits, '-', '_', '.')"
        ),
        (
            #"{"schema": "perf-ab/1", "timeout": "soon", "suites": [{"name": "a", "run": ["x"]}]}"#,
            #"at $.timeout: expected a duration such as "15m""#
        ),
        (
            #"{"schema": "perf-ab/1", "suites": [{"name": "a", "run": ["x"]}, {"name": "a", "run": ["y"]}]}"#,
            #"at $.suites[1].name: "a" appears twice"#
        ),
    ])
    func aBadConfigurationIsRefusedNamingTheField(_ text: String, _ expected: String) {
        #expect(failure(text) == expected)
    }
}
