import FuzzTargets

/// `fuzz-http-response`: see FuzzTarget.httpResponse; libFuzzer's driver in fuzzing builds, a corpus replayer otherwise.
@main enum FuzzHTTPResponse {
    static func main() {
        FuzzDriver.main(.httpResponse)
    }
}
