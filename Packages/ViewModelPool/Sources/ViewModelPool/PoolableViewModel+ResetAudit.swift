extension PoolableViewModel {
    /// The stored properties whose values differ from those of a freshly created instance: call it in a
    /// test after `prepareForReuse()` to catch a reset that forgot a field.
    ///
    /// ```swift
    /// let row = MessageRow()
    /// row.configure(with: message)
    /// row.prepareForReuse()
    /// #expect(row.resetDifferences() == [])        // e.g. ["unreadCount: 3 (fresh: 0)"] when forgotten
    /// ```
    ///
    /// Each stored property (found with `Mirror`, superclasses included) is compared by its `dump`
    /// text, so nested structs, arrays and optionals are compared field by field; an object stored in a
    /// property is compared by its own fields, not by identity, and a closure only by being present or
    /// `nil`. Observation's registrar (`_$observationRegistrar`) is skipped: it is not the model's
    /// state. Each difference reads `name: value (fresh: value)`, one line per property.
    /// - Complexity: O(*s*) for *s* the size of both objects' `dump` output; it allocates freely (test use).
    public func resetDifferences() -> [String] {
        let fresh = Self()
        var differences: [String] = []
        let current = Self.storedProperties(of: self)
        let expected = Self.storedProperties(of: fresh)
        for (label, value) in current {
            guard let freshValue = expected.first(where: { $0.label == label })?.value else {
                differences.append("\(label): \(value) (fresh: missing)")
                continue
            }
            if value != freshValue { differences.append("\(label): \(value) (fresh: \(freshValue))") }
        }
        return differences
    }

    /// Every stored property of `object` with its `dump` text, in declaration order, superclasses last.
    private static func storedProperties(of object: Self) -> [(label: String, value: String)] {
        var properties: [(label: String, value: String)] = []
        var mirror: Mirror? = Mirror(reflecting: object)
        while let current = mirror {
            for child in current.children {
                let label = child.label ?? "?"
                guard !label.hasPrefix("_$") else { continue }
                var text = ""
                dump(child.value, to: &text, name: nil, indent: 0, maxDepth: 16, maxItems: 1000)
                properties.append((Self.displayLabel(label), Self.oneLine(text)))
            }
            mirror = current.superclassMirror
        }
        return properties
    }

    /// `_text` (Observation's backing storage for `text`) reads as `text`.
    private static func displayLabel(_ label: String) -> String {
        label.hasPrefix("_") ? String(label.dropFirst()) : label
    }

    /// `dump` output joined on one line, without its tree drawing.
    private static func oneLine(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.drop { $0 == " " || $0 == "▿" || $0 == "-" || $0 == "▹" }
        }.joined(separator: "; ")
    }
}
