/// A property a fuzz target checks did not hold; `description` says which and with what values.
public struct PropertyFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// One fuzz target: a parser of the toolkit and the properties it must keep for any input.
///
/// `check` runs the parser over one input and returns the first property that failed, or `nil`. A trap in the
/// parser is a failure too: libFuzzer reports it as a crash, the replay run (and the tests) crash with it.
public struct FuzzTarget: Sendable {
    /// The name `make fuzz TARGET=<name>` takes; the executable is `fuzz-<name>`.
    public let name: String
    /// What the target feeds and what it checks, one line for `--help` and the docs.
    public let summary: String
    /// Checks one input.
    public let check: @Sendable ([UInt8]) -> PropertyFailure?

    public init(name: String, summary: String, check: @escaping @Sendable ([UInt8]) -> PropertyFailure?) {
        self.name = name
        self.summary = summary
        self.check = check
    }

    /// Every target, in the order `make fuzz` runs them.
    public static let all: [FuzzTarget] = [httpResponse, scenario, httpRequest, json, report]

    /// The target called `name`, or `nil`.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
