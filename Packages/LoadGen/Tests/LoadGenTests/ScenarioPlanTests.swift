import PerfResult
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory holding `files` (name → content); removed by the caller with `removeDirectory`.
private func directory(_ files: [String: String]) throws -> String {
    let path = temporaryPath("plan")
    #expect(mkdir(path, 0o755) == 0)
    for (name, content) in files {
        try AtomicFile.write(Array(content.utf8), to: path + "/" + name)
    }
    return path
}

private func removeDirectory(_ path: String) {
    for name in ScenarioPlan.scenarioNames(in: path) { unlink(path + "/" + name + ".json") }
    unlink(path + "/body.txt")
    rmdir(path)
}

private let webScenario = """
    {
      "target": "http://127.0.0.1:18123/login",
      "requests": [ { "method": "POST", "path": "/login", "bodyFile": "body.txt" } ],
      "duration": "10s", "warmup": "1s",
      "thresholds": { "latencyP95Ms": { "critical": 500 }, "serviceRssPeakBytes": { "critical": "1GiB" } },
      "service": { "command": "demo-service", "arguments": ["--port", "18123", "--threads", "1"],
                   "environment": { "ZED": "last", "ALPHA": "first" },
                   "readiness": "http://127.0.0.1:18123/health" },
      "quick": { "duration": "3s" }
    }
    """

@Suite struct ScenarioPlanTests {
    @Test func nameIsLookedUpInTheDirectoryAndTheServiceResolved() throws {
        let folder = try directory(["web.json": webScenario, "body.txt": "{}"])
        defer { removeDirectory(folder) }
        let plan = try ScenarioPlan.resolve("web", directory: folder, workingDirectory: "/work", profile: nil)
        #expect(plan.name == "web")
        #expect(plan.file == folder + "/web.json")
        #expect(plan.host == "127.0.0.1")
        #expect(plan.port == 18123)
        #expect(plan.duration == .seconds(10))
        #expect(plan.service?.command == "demo-service")
        #expect(plan.service?.arguments == ["--port", "18123", "--threads", "1"])
        #expect(plan.service?.readiness == "http://127.0.0.1:18123/health")
    }

    @Test func quickProfileTakesTheQuickDuration() throws {
        let folder = try directory(["web.json": webScenario, "body.txt": "{}"])
        defer { removeDirectory(folder) }
        let plan = try ScenarioPlan.resolve("web", directory: folder, workingDirectory: "/", profile: "quick")
        #expect(plan.duration == .seconds(3))
    }

    @Test func existingPathIsReadAsGivenAndNamesTheScenario() throws {
        let folder = try directory(["custom.json": #"{ "target": "http://localhost:9000/", "count": 5 }"#])
        defer { removeDirectory(folder) }
        let plan = try ScenarioPlan.resolve(
            folder + "/custom.json", directory: "/nonexistent", workingDirectory: "/", profile: nil)
        #expect(plan.name == "custom")
        #expect(plan.host == "localhost")
        #expect(plan.port == 9000)
        #expect(plan.duration == nil)
        #expect(plan.service == nil)
    }

    @Test func unknownNameListsTheAvailableScenarios() throws {
        let folder = try directory(["b.json": webScenario, "a.json": webScenario, "body.txt": "{}"])
        defer { removeDirectory(folder) }
        #expect(throws: LoadGenError.unknownScenario(name: "nope", directory: folder, available: ["a", "b"])) {
            try ScenarioPlan.resolve("nope", directory: folder, workingDirectory: "/", profile: nil)
        }
        let error = LoadGenError.unknownScenario(name: "nope", directory: "perf/macro", available: ["a", "b"])
        #expect(error.description == "no scenario 'nope': perf/macro/nope.json does not exist (available: a b)")
        let empty = LoadGenError.unknownScenario(name: "x", directory: "d", available: [])
        #expect(empty.description.hasSuffix("(available: none)"))
    }

    @Test func invalidScenarioFileIsAnErrorNamingTheFile() throws {
        let folder = try directory([
            "broken.json": #"{ "target": "#, "typo.json": #"{ "target": "http://127.0.0.1:1/", "conections": 5 }"#,
        ])
        defer { removeDirectory(folder) }
        for name in ["broken", "typo"] {
            do {
                _ = try ScenarioPlan.resolve(name, directory: folder, workingDirectory: "/", profile: nil)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description.hasPrefix(folder + "/\(name).json: "))
            }
        }
    }

    @Test func loadScenarioHasNoServiceNorItsThresholdsItsNameAndAbsoluteBodyFiles() throws {
        let folder = try directory(["web.json": webScenario, "body.txt": "{}"])
        defer { removeDirectory(folder) }
        let relative = String(folder.dropFirst("/tmp/".count))
        let plan = try ScenarioPlan.resolve(
            relative + "/web.json", directory: "/nonexistent", workingDirectory: "/tmp", profile: nil)
        #expect(!plan.loadScenario.contains("\"service\""))
        #expect(plan.loadScenario.contains("\"bodyFile\": \"\(folder)/body.txt\""))
        let elsewhere = temporaryPath("load.json")
        defer { unlink(elsewhere) }
        try AtomicFile.write(Array(plan.loadScenario.utf8), to: elsewhere)
        let scenario = try Scenario.load(path: elsewhere)
        #expect(scenario.name == "web")
        #expect(scenario.service == nil)
        #expect(scenario.configuration.requests.first?.body == Array("{}".utf8))
        #expect(scenario.configuration.duration == .seconds(10))
        // The service is started apart: its thresholds go with it, the client's stay.
        #expect(scenario.thresholds.map(\.metric) == ["latencyP95Ms"])
    }

    @Test func linesCarryEveryFieldOnePerLineInOrder() throws {
        let folder = try directory(["web.json": webScenario, "body.txt": "{}"])
        defer { removeDirectory(folder) }
        let plan = try ScenarioPlan.resolve("web", directory: folder, workingDirectory: "/", profile: "quick")
        let expected = """
            name\tweb
            file\t\(folder)/web.json
            host\t127.0.0.1
            port\t18123
            duration\t3s
            readiness\thttp://127.0.0.1:18123/health
            service-command\tdemo-service
            service-argument\t--port
            service-argument\t18123
            service-argument\t--threads
            service-argument\t1
            service-environment\tALPHA=first
            service-environment\tZED=last

            """
        #expect(try plan.lines() == expected)
    }

    @Test func linesWithoutServiceOrDurationLeaveThemOut() throws {
        let plan = ScenarioPlan(
            name: "n", file: "f.json", host: "h", port: 1, duration: nil, service: nil, loadScenario: "{}")
        #expect(try plan.lines() == "name\tn\nfile\tf.json\nhost\th\nport\t1\n")
    }

    @Test func valueThatALineCannotCarryIsRejectedNamingTheField() throws {
        var service = ServiceSpec(command: "svc")
        service.arguments = ["ok", "two\nlines"]
        let plan = ScenarioPlan(
            name: "n", file: "f.json", host: "h", port: 1, duration: nil, service: service, loadScenario: "{}")
        #expect(
            throws: LoadGenError.invalidField(
                field: "service.arguments[1]",
                reason: "holds a tab, a line break or a NUL, which a plan line cannot carry", file: "f.json")
        ) {
            try plan.lines()
        }
    }
}
