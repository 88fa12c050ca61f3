#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The spawn objects as `posix_spawn` takes them: Glibc and Musl declare structs, Darwin declares pointers
// (`void *`), which Swift imports as optionals that `posix_spawn_file_actions_init` fills in.

#if canImport(Darwin)
/// `posix_spawn_file_actions_t` as the spawn functions take it (an optional pointer on Darwin).
typealias SpawnFileActions = posix_spawn_file_actions_t?
/// `posix_spawnattr_t` as the spawn functions take it (an optional pointer on Darwin).
typealias SpawnAttributes = posix_spawnattr_t?

extension Optional where Wrapped == posix_spawn_file_actions_t {
    /// Storage for `posix_spawn_file_actions_init` to fill in.
    static var empty: Self { nil }
}
#else
/// `posix_spawn_file_actions_t` as the spawn functions take it (a struct on Glibc and Musl).
typealias SpawnFileActions = posix_spawn_file_actions_t
/// `posix_spawnattr_t` as the spawn functions take it (a struct on Glibc and Musl).
typealias SpawnAttributes = posix_spawnattr_t

extension posix_spawn_file_actions_t {
    /// Storage for `posix_spawn_file_actions_init` to fill in.
    static var empty: Self { Self() }
}

extension posix_spawnattr_t {
    /// Storage for `posix_spawnattr_init` to fill in.
    static var empty: Self { Self() }
}
#endif
