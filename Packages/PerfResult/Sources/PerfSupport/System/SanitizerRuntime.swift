#if canImport(Glibc)
import Glibc
#endif

/// Whether this process runs under AddressSanitizer or ThreadSanitizer (`make test-asan`, `make test-tsan`),
/// asked of the dynamic linker, independent of any compile-time check: tests use it to skip what a sanitizer
/// build compiles out (MemProbe's malloc interposer) and to check that the skip happens exactly there.
public enum SanitizerRuntime {
    /// The sanitizer runtime's entry point (`__asan_init` or `__tsan_init`) is in the process; `false` off Linux.
    public static let isLoaded: Bool = {
        #if canImport(Glibc)
        guard let process = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(process) }
        return dlsym(process, "__asan_init") != nil || dlsym(process, "__tsan_init") != nil
        #else
        return false
        #endif
    }()
}
