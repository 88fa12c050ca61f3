extension ValueKind where Value == String {
    /// Any text, shown as `TEXT`; use `.placeholder("NAME")` for another word.
    public static var string: ValueKind { ValueKind(placeholder: "TEXT", expectation: "text") { $0 } }

    /// A file or directory path, shown as `PATH`; any non-empty text.
    public static var path: ValueKind {
        ValueKind(placeholder: "PATH", expectation: "a path") { $0.isEmpty ? nil : $0 }
    }

    /// One of `choices`, spelled exactly; shown as `a|b|c`.
    public static func choice(_ choices: [String]) -> ValueKind {
        ValueKind(
            placeholder: choices.joined(separator: "|"), expectation: ChoiceText.expectation(choices)
        ) { choices.contains($0) ? $0 : nil }
    }
}

extension ValueKind where Value == Int {
    /// A whole number (`-3`, `42`, `1_000` is refused), shown as `N`.
    public static var integer: ValueKind {
        ValueKind(placeholder: "N", expectation: "a whole number") { Int($0) }
    }
}

extension ValueKind where Value == Double {
    /// A finite decimal number (`0.5`, `-2`, `1e3`), shown as `X`.
    public static var number: ValueKind {
        ValueKind(placeholder: "X", expectation: "a number", describe: NumberText.plain) { text in
            guard let value = Double(text), value.isFinite else { return nil }
            return value
        }
    }
}

extension ValueKind where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of the enum's cases by raw value, shown as `a|b`.
    public static func choice(_ type: Value.Type = Value.self) -> ValueKind {
        let names = Value.allCases.map(\.rawValue)
        return ValueKind(
            placeholder: names.joined(separator: "|"), expectation: ChoiceText.expectation(names),
            describe: \.rawValue
        ) { Value(rawValue: $0) }
    }
}

/// How a list of choices reads in a message: `quick or full`, `on, off or auto`.
enum ChoiceText {
    static func expectation(_ choices: [String]) -> String {
        guard choices.count > 1 else { return choices.first ?? "nothing" }
        return choices.dropLast().joined(separator: ", ") + " or " + choices[choices.count - 1]
    }
}
