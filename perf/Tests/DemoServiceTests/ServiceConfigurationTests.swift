import Testing

@testable import DemoService

@Suite struct ServiceConfigurationTests {
    func parse(_ arguments: String...) throws(DemoServiceError) -> ServiceConfiguration.Invocation {
        try ServiceConfiguration.parse(arguments: arguments)
    }

    @Test func noFlagsGiveTheDefaults() throws {
        #expect(try parse() == .run(ServiceConfiguration()))
    }

    @Test func flagsTakeSeparateOrInlineValues() throws {
        var expected = ServiceConfiguration()
        expected.port = 0
        expected.host = "0.0.0.0"
        expected.threads = 3
        expected.headerTimeout = .milliseconds(250)
        expected.drainTimeout = .zero
        expected.users = 5
        #expect(
            try parse(
                "--port=0", "--host", "0.0.0.0", "--threads", "3", "--header-timeout", "0.25",
                "--drain-timeout=0", "--users", "5") == .run(expected))
    }

    @Test func poolTakesOnOrOffAndIsOnByDefault() throws {
        #expect(ServiceConfiguration().pool)
        var plain = ServiceConfiguration()
        plain.pool = false
        #expect(try parse("--pool", "off") == .run(plain))
        #expect(try parse("--pool=on") == .run(ServiceConfiguration()))
        #expect(ServiceConfiguration.usage.contains("\n  --pool "))
        #expect(ServiceConfiguration.usage.contains("(default: on)"))
    }

    @Test func theServiceBuildsTheAllocatorItsConfigurationNames() throws {
        #expect(try makeService().allocator.name == "pooled")
        #expect(try makeService { $0.pool = false }.allocator.name == "plain")
        #expect(
            try DemoService(configuration: testConfiguration(), allocator: PlainAllocator()).allocator.name == "plain")
    }

    @Test func helpWinsAndListsEveryFlag() throws {
        #expect(try parse("--port", "1", "--help") == .help)
        #expect(try parse("-h") == .help)
        for flag in [
            "--host", "--port", "--threads", "--max-connections", "--max-body", "--header-timeout",
            "--users", "--hash-rounds", "--drain-timeout", "--max-batch",
        ] {
            #expect(ServiceConfiguration.usage.contains("\n  \(flag) "), "\(flag) missing from --help")
        }
        #expect(ServiceConfiguration.usage.contains("user<i> / password<i>"))
    }

    static let errors: [([String], String)] = [
        (["--prot", "1"], "unknown flag '--prot'; run demo-service --help for the list"),
        (["--port"], "--port needs a value, e.g. --port 8 or --port=8"),
        (["--port", "--threads", "2"], "--port needs a value, e.g. --port 8 or --port=8"),
        (["--port", "http"], "--port: expected an integer from 0 to 65535, got 'http'"),
        (["--port=70000"], "--port: expected an integer from 0 to 65535, got '70000'"),
        (["--threads", "0"], "--threads: expected an integer from 1 to 256, got '0'"),
        (["--pool", "yes"], "--pool: expected on or off, got 'yes'"),
        (
            ["--header-timeout", "1.2345"],
            "--header-timeout: expected seconds from 0.001 to 3600, e.g. 5 or 0.25, got '1.2345'"
        ),
        (["--idle-timeout", "-1"], "--idle-timeout: expected seconds from 0.001 to 86400, e.g. 5 or 0.25, got '-1'"),
        (["--host", "localhost"], "--host: expected a numeric IPv4 address such as 127.0.0.1, got 'localhost'"),
        (["8080"], "unexpected argument '8080'; every option is a --flag with a value (see --help)"),
    ]

    @Test(arguments: 0..<errors.count)
    func badFlagsAreRejectedNamingTheFlag(_ index: Int) {
        let (arguments, message) = Self.errors[index]
        do {
            _ = try ServiceConfiguration.parse(arguments: arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(error.description == message)
        }
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
