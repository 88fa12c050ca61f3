import Glibc

/// The text of an `errno` value, e.g. "Address already in use".
func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
}
