import FuzzTargets

/// `fuzz-json`: see FuzzTarget.json; libFuzzer's driver in fuzzing builds, a corpus replayer otherwise.
@main enum FuzzJSON {
    static func main() {
        FuzzDriver.main(.json)
    }
}
