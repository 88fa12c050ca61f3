import MemProbe
import SuiteTestSupport
import Testing

/// The perf tests' sanitizer check (SuiteTestSupport, the dynamic linker) and MemProbe's (the compiler) agree:
/// a normal build that skipped the counting tests would fail here.
@Suite struct SanitizerBuildAgreementTests {
    @Test func theRuntimeCheckAgreesWithMemProbesCompiledOutCounter() {
        #expect(SanitizerBuild.isActive == AllocationCounter.isCompiledOutForSanitizer)
    }
}
