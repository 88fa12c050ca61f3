import PerfSupport
import Testing

@testable import DemoService

@Suite struct ServiceConfigurationTests {
    func parse(_ arguments: String...) throws(UsageError) -> ServiceConfiguration {
        ServiceConfiguration(try ServiceConfiguration.command.parse(arguments))
    }

    var help: String { ServiceConfiguration.command.helpText() }

    @Test func noFlagsGiveTheDefaults() throws {
        #expect(try parse() == ServiceConfiguration())
    }

    @Test func flagsTakeSeparateOrInlineValues() throws {
        var expected = ServiceConfiguration()
        expected.port = 0
        expected.host = "0.0.0.0"
        expected.threads = 3
        expected.headerTimeout = .milliseconds(250)
        expected.idleTimeout = .seconds(120)
        expected.drainTimeout = .zero
        expected.users = 5
        #expect(
            try parse(
                "--port=0", "--host", "0.0.0.0", "--threads", "3", "--header-timeout", "0.25", "--idle-timeout", "2m",
                "--drain-timeout=0", "--users", "5") == expected)
    }

    @Test func everySettingHasItsFlag() throws {
        var expected = ServiceConfiguration()
        expected.maxConnections = 10
        expected.maxHeaderBytes = 512
        expected.maxBodyBytes = 0
        expected.hashRounds = 2
        expected.sessionCapacity = 3
        expected.maxTopics = 4
        expected.ringCapacity = 5
        expected.maxPayloadBytes = 6
        expected.maxBatchMessages = 7
        #expect(
            try parse(
                "--max-connections", "10", "--max-header", "512", "--max-body", "0", "--hash-rounds", "2",
                "--sessions", "3", "--topics", "4", "--ring", "5", "--max-payload", "6", "--max-batch", "7")
                == expected)
    }

    @Test func poolTakesOnOrOffAndIsOnByDefault() throws {
        #expect(ServiceConfiguration().pool)
        var plain = ServiceConfiguration()
        plain.pool = false
        #expect(try parse("--pool", "off") == plain)
        #expect(try parse("--pool=on") == ServiceConfiguration())
        #expect(help.contains("\n      --pool on|off "))
        #expect(help.contains("off: plain allocation (default on)\n"))
    }

    @Test func theServiceBuildsTheAllocatorItsConfigurationNames() throws {
        #expect(try makeService().allocator.name == "pooled")
        #expect(try makeService { $0.pool = false }.allocator.name == "plain")
        #expect(
            try DemoService(configuration: testConfiguration(), allocator: PlainAllocator()).allocator.name == "plain")
    }

    @Test func helpWinsAndListsEveryFlag() throws {
        #expect(try ServiceConfiguration.command.parse(["--port", "1", "--help"]).helpRequested)
        #expect(try ServiceConfiguration.command.parse(["-h"]).helpRequested)
        for flag in [
            "--host", "--port", "--threads", "--max-connections", "--max-header", "--max-body", "--header-timeout",
            "--idle-timeout", "--drain-timeout", "--users", "--hash-rounds", "--sessions", "--topics", "--ring",
            "--max-payload", "--max-batch",
        ] {
            #expect(help.contains("\n      \(flag) "), "\(flag) missing from --help")
        }
        #expect(help.hasPrefix("Usage: demo-service [options]\n"))
        #expect(help.contains("user<i> / password<i>"))
        #expect(help.contains("the online cores"))
        #expect(help.contains("Exit status: 0 after a clean stop, 2 for a bad flag"))
    }

    static let errors: [([String], String)] = [
        (["--prt", "1"], "unknown option --prt (did you mean --port?); see demo-service --help"),
        (["--port"], "--port needs a value (--port N); see demo-service --help"),
        (["--port", "--threads", "2"], "--port needs a value (--port N); see demo-service --help"),
        (["--port", "http"], "--port: \"http\" is not a whole number"),
        (["--port=70000"], "--port: 70000 is out of range: it must be between 0 and 65535"),
        (["--threads", "0"], "--threads: 0 is out of range: it must be between 1 and 256"),
        (["--pool", "yes"], "--pool: \"yes\" is not on or off"),
        (["--header-timeout", "2h"], "--header-timeout: 2h is out of range: it must be between 1ms and 1h"),
        (
            ["--idle-timeout", "-1"],
            "--idle-timeout: \"-1\" is not a number of seconds or a duration such as 500ms"
        ),
        (["--host", "localhost"], "--host: \"localhost\" is not a numeric IPv4 address such as 127.0.0.1"),
        (["--port", "1", "--port", "2"], "--port is given twice (1 and 2); give it once"),
        (["8080"], "unexpected argument \"8080\"; see demo-service --help"),
    ]

    @Test(arguments: 0..<errors.count)
    func badFlagsAreRejectedNamingTheFlag(_ index: Int) {
        let (arguments, message) = Self.errors[index]
        #expect(throws: UsageError(message)) { try ServiceConfiguration.command.parse(arguments) }
    }

    @Test func anInvalidConfigurationIsRefusedByTheService() {
        var configuration = ServiceConfiguration()
        configuration.maxConnections = 0
        #expect(
            throws: DemoServiceError.invalidValue(
                flag: "--max-connections", value: "0", expected: "an integer from 1 to 1000000")
        ) {
            try DemoService(configuration: configuration)
        }
        configuration = ServiceConfiguration()
        configuration.idleTimeout = .zero
        #expect(
            throws: DemoServiceError.invalidValue(
                flag: "--idle-timeout", value: "0.0 seconds", expected: "a duration from 1ms to 24h")
        ) {
            try DemoService(configuration: configuration)
        }
        configuration = ServiceConfiguration()
        configuration.host = "localhost"
        #expect(throws: DemoServiceError.self) { try DemoService(configuration: configuration) }
    }

    @Test func startupErrorsSayWhatToDo() {
        #expect(
            DemoServiceError.cannotListen(address: "127.0.0.1:80", reason: "Permission denied").description
                == "cannot listen on 127.0.0.1:80: Permission denied; choose another --port or --host")
        #expect(
            DemoServiceError.systemCallFailed(call: "epoll_create1", reason: "Too many open files").description
                == "epoll_create1 failed: Too many open files")
    }
}
