import FuzzTargets

/// `fuzz-scenario`: see FuzzTarget.scenario; libFuzzer's driver in fuzzing builds, a corpus replayer otherwise.
@main enum FuzzScenario {
    static func main() {
        FuzzDriver.main(.scenario)
    }
}
