import FuzzTargets

/// `fuzz-http-request`: see FuzzTarget.httpRequest; libFuzzer's driver in fuzzing builds, a corpus replayer otherwise.
@main enum FuzzHTTPRequest {
    static func main() {
        FuzzDriver.main(.httpRequest)
    }
}
