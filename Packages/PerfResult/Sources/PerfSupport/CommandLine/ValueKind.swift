/// How the text of an option's value becomes a typed value: the placeholder in `--help`, what a valid value
/// looks like (for error messages), the conversion, and checks such as ranges.
///
/// The standard kinds (`.string`, `.integer`, `.number`, `.duration`, `.count`, `.bytes`, `.rate`, `.choice`)
/// are in `ValueKind+Standard.swift` and `ValueKind+Units.swift`; a tool may build its own with
/// `init(placeholder:expectation:describe:parse:)`.
public struct ValueKind<Value: Sendable>: Sendable {
    /// The word for the value in `--help`, e.g. `N`, `PATH`, `DURATION`.
    public let placeholder: String
    /// What a valid value is, completing "is not …" in an error: `a whole number`, `quick or full`.
    public let expectation: String
    let parseText: @Sendable (String) -> Value?
    let describeValue: @Sendable (Value) -> String
    let checks: [@Sendable (Value) -> String?]

    /// A kind converting text with `parse`, which returns `nil` for text that is not `expectation`.
    ///
    /// - Parameters:
    ///   - placeholder: the word for the value in `--help`.
    ///   - expectation: completes "is not …" in an error message.
    ///   - describe: how a value (a default, a range bound) is written in `--help` and messages.
    ///   - parse: the conversion.
    public init(
        placeholder: String, expectation: String, describe: @escaping @Sendable (Value) -> String = { "\($0)" },
        parse: @escaping @Sendable (String) -> Value?
    ) {
        self.init(placeholder: placeholder, expectation: expectation, parse: parse, describe: describe, checks: [])
    }

    private init(
        placeholder: String, expectation: String, parse: @escaping @Sendable (String) -> Value?,
        describe: @escaping @Sendable (Value) -> String, checks: [@Sendable (Value) -> String?]
    ) {
        self.placeholder = placeholder
        self.expectation = expectation
        self.parseText = parse
        self.describeValue = describe
        self.checks = checks
    }

    /// The same kind with another placeholder in `--help` (e.g. `SECONDS` instead of `DURATION`).
    public func placeholder(_ placeholder: String) -> ValueKind {
        ValueKind(
            placeholder: placeholder, expectation: expectation, parse: parseText, describe: describeValue,
            checks: checks)
    }

    /// The same kind with one more check: `predicate` must hold, else the value is refused with `requirement`
    /// (completing "must …", e.g. `be a power of two`).
    public func requiring(_ requirement: String, _ predicate: @escaping @Sendable (Value) -> Bool) -> ValueKind {
        ValueKind(
            placeholder: placeholder, expectation: expectation, parse: parseText, describe: describeValue,
            checks: checks + [{ predicate($0) ? nil : requirement }])
    }

    /// `value` as `--help` and messages write it.
    public func describe(_ value: Value) -> String {
        describeValue(value)
    }

    /// Converts `text`, naming `source` (`--connections`, `PERF_PROFILE`) in the error.
    /// - Throws: `UsageError` when `text` is not of this kind or fails a check.
    /// - Complexity: O(*n*) in the length of `text`, plus the checks.
    public func convert(_ text: String, source: String) throws(UsageError) -> Value {
        guard let value = parseText(text) else {
            throw UsageError("\(source): \"\(text)\" is not \(expectation)")
        }
        for check in checks {
            if let requirement = check(value) {
                throw UsageError("\(source): \(text) is out of range: it must \(requirement)")
            }
        }
        return value
    }
}

extension ValueKind where Value: Comparable {
    /// The same kind, refusing values outside `range`.
    public func within(_ range: ClosedRange<Value>) -> ValueKind {
        let lower = describe(range.lowerBound)
        let upper = describe(range.upperBound)
        return requiring("be between \(lower) and \(upper)") { range.contains($0) }
    }

    /// The same kind, refusing values below `minimum`.
    public func atLeast(_ minimum: Value) -> ValueKind {
        requiring("be at least \(describe(minimum))") { $0 >= minimum }
    }
}
