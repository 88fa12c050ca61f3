extension String {
    /// The string followed by spaces up to `width` characters; a longer string is returned as it is.
    /// - Complexity: O(*n*) in the length of the result.
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The string preceded by spaces up to `width` characters; a longer string is returned as it is.
    /// - Complexity: O(*n*) in the length of the result.
    public func padding(leftTo width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// The string without the spaces at its end.
    /// - Complexity: O(*n*) in the length of the string.
    public var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
