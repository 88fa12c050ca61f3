extension ValueKind where Value == Duration {
    /// A duration with a unit (`250ms`, `10s`, `1.5s`, `2m`, `1h`, `500us`), shown as `DURATION`.
    public static var duration: ValueKind {
        ValueKind(
            placeholder: "DURATION", expectation: "a duration; use e.g. 10s, 500ms, 2m", describe: UnitText.format,
            parse: UnitText.duration)
    }

    /// Seconds as a plain number (`0.5`) or a duration with a unit (`500ms`), shown as `SECONDS`.
    public static var seconds: ValueKind {
        ValueKind(
            placeholder: "SECONDS", expectation: "a number of seconds or a duration such as 500ms",
            describe: UnitText.format, parse: UnitText.seconds)
    }
}

extension ValueKind where Value == Int {
    /// A whole count with an optional SI suffix (`250`, `20k`, `1.5M`), shown as `N`.
    public static var count: ValueKind {
        ValueKind(placeholder: "N", expectation: "a whole number such as 250, 20k or 1.5M") { text in
            guard let value = UnitText.count(text), value == value.rounded(), value < 9.2e18 else { return nil }
            return Int(value)
        }
    }

    /// A byte size (`4096`, `64KiB`, `512KB`, `1GiB`), shown as `SIZE`.
    public static var bytes: ValueKind {
        ValueKind(placeholder: "SIZE", expectation: "a size such as 4096, 64KiB or 1MB", parse: UnitText.bytes)
    }
}

extension ValueKind where Value == Double {
    /// A non-negative rate with an optional SI suffix (`500`, `20k`, `1.5M`, `0.5`), shown as `RATE`.
    public static var rate: ValueKind {
        ValueKind(
            placeholder: "RATE", expectation: "a rate such as 500, 20k or 1.5M", describe: NumberText.plain,
            parse: UnitText.count)
    }
}
