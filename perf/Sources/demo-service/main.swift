// demo-service: parse flags, start the server, wait for SIGTERM or SIGINT, drain, exit 0.
// Exit 2 for a bad flag or an address that cannot be used. See `demo-service --help`.
import DemoService
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let configuration = ServiceConfiguration(ServiceConfiguration.command.parseOrExit())
#if os(Linux)
exit(ServiceLifecycle.run(configuration))
#else
printError("demo-service: \(DemoServiceError.requiresLinux(feature: "the demo service's event loop"))")
exit(UsageError.exitStatus)
#endif
