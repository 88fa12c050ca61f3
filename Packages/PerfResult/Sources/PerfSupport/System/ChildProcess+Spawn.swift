import CPerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ChildProcess {
    /// Starts the child with its output sent to `standardOutput` and `standardError`, and returns at once.
    ///
    /// Wait for the returned process or terminate it: a child never waited for stays a zombie until this
    /// process exits.
    /// - Throws: `SystemError` when the program cannot be started (`posix_spawn(path): No such file or
    ///   directory (errno 2)`) or a destination file or `standardInput` cannot be opened; nothing was started
    ///   then.
    public func spawn(
        standardOutput: Destination = .inherit, standardError: Destination = .inherit
    ) throws(SystemError) -> SpawnedProcess {
        precondition(standardOutput != .standardOutput, "standard output cannot be sent to itself")
        return try spawn { actions, parentCopies throws(SystemError) in
            try Self.redirect(STDOUT_FILENO, to: standardOutput, in: &actions, parentCopies: &parentCopies)
            try Self.redirect(STDERR_FILENO, to: standardError, in: &actions, parentCopies: &parentCopies)
        }
    }

    /// Starts the child after `fileActions` added their redirections; the one place that calls `posix_spawn`.
    ///
    /// `fileActions` lists in its second argument the descriptors it opened for the child only: they are
    /// closed in the parent once the child has started, or has failed to.
    func spawn(
        fileActions: (inout SpawnFileActions, inout [Int32]) throws(SystemError) -> Void
    ) throws(SystemError) -> SpawnedProcess {
        var actions = SpawnFileActions.empty
        var attributes = SpawnAttributes.empty
        var parentCopies: [Int32] = []
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
            for descriptor in parentCopies { close(descriptor) }
        }
        if let workingDirectory {
            let status = perfsupport_spawn_file_actions_addchdir(&actions, workingDirectory)
            guard status == 0 else { throw SystemError("chdir(\(workingDirectory))", code: status) }
        }
        if let standardInput {
            // Opened here rather than in the child, so that a bad path fails before anything starts.
            let file = open(standardInput, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { throw .capture("open(\(standardInput))") }
            parentCopies.append(file)
            posix_spawn_file_actions_adddup2(&actions, file, STDIN_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        try fileActions(&actions, &parentCopies)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([programName ?? executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // ETXTBSY: a program written a moment ago is still open for writing in a child that another thread
        // forked and that has not exec'd yet (it inherited the descriptor); it lets go within milliseconds.
        var retries = 0
        while status == ETXTBSY && retries < 40 {
            var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
            nanosleep(&pause, nil)
            status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            retries += 1
        }
        guard status == 0 else { throw SystemError("posix_spawn(\(executable))", code: status) }
        return SpawnedProcess(pid: pid, leadsProcessGroup: newProcessGroup)
    }

    private static func redirect(
        _ descriptor: Int32, to destination: Destination, in actions: inout SpawnFileActions,
        parentCopies: inout [Int32]
    ) throws(SystemError) {
        switch destination {
        case .inherit:
            return
        case .discard:
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
        case let .file(path, append):
            // Opened here rather than in the child, so that a bad path fails before anything starts.
            let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
            let file = open(path, flags, 0o644)
            guard file >= 0 else { throw .capture("open(\(path))") }
            parentCopies.append(file)
            posix_spawn_file_actions_adddup2(&actions, file, descriptor)
        case .standardOutput:
            posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, descriptor)
        }
    }
}
