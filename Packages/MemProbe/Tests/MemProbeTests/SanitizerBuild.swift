import MemProbe
import PerfSupport
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs the test except in an AddressSanitizer or ThreadSanitizer build (`make test-asan`, `make test-tsan`):
    /// there MemProbe's malloc interposer, and with it allocation counting, allocation sites and glibc's heap
    /// numbers, is compiled out, since the sanitizer's allocator must own `malloc` (Sources/CMemProbe/Sanitizer.h).
    /// Every other build runs the test; `SanitizerBuildTests` checks that the skip happens exactly when a
    /// sanitizer runtime is in the process.
    static var needsAllocationCounter: Self {
        .enabled(
            if: !AllocationCounter.isCompiledOutForSanitizer,
            "sanitizer build: MemProbe's malloc interposer is compiled out (the sanitizer's allocator owns malloc)")
    }
}

/// Whether the AddressSanitizer or ThreadSanitizer runtime is linked into this process, asked of the dynamic
/// linker: independent of the compile-time check that compiles the interposer out.
func sanitizerRuntimeIsLoaded() -> Bool {
    SanitizerRuntime.isLoaded
}
