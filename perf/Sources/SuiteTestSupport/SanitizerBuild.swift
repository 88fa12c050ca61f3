import PerfSupport

/// Whether this process runs under AddressSanitizer or ThreadSanitizer (`make test-asan`, `make test-tsan`),
/// asked of the dynamic linker. The executables the tests start come from the same build, so they are sanitized
/// too. In such a build MemProbe's allocation counter and glibc's heap numbers are compiled out of every
/// executable (Packages/MemProbe/Sources/CMemProbe/Sanitizer.h): a test whose verdict rests on allocation counts
/// skips itself there, and only there (`.disabled(if: SanitizerBuild.isActive, …)`).
public enum SanitizerBuild {
    /// The sanitizer runtime's entry point is in the process (`__asan_init` or `__tsan_init`): PerfSupport's
    /// `SanitizerRuntime.isLoaded`.
    public static var isActive: Bool { SanitizerRuntime.isLoaded }
}
