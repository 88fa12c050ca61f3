/// Facts fixed when the binary was compiled.
enum SwiftVersion {
    /// The compiler version, resolved at compile time to a patch release where the chain below knows it.
    static let compiler: String = {
        #if compiler(>=6.5)
        return "6.5+"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3.2)
        return "6.3.2"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2.3)
        return "6.2.3"
        #elseif compiler(>=6.2.2)
        return "6.2.2"
        #elseif compiler(>=6.2.1)
        return "6.2.1"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "6.1 or older"
        #endif
    }()

    /// `debug` when compiled with `DEBUG` defined (SwiftPM's debug configuration), else `release`.
    static let buildConfiguration: Environment.BuildConfiguration = {
        #if DEBUG
        return .debug
        #else
        return .release
        #endif
    }()
}
