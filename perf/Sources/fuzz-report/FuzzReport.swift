import FuzzTargets

/// `fuzz-report`: see FuzzTarget.report; libFuzzer's driver in fuzzing builds, a corpus replayer otherwise.
@main enum FuzzReport {
    static func main() {
        FuzzDriver.main(.report)
    }
}
