/// Finds the git commit of the code under test without running git.
///
/// `GIT_COMMIT` wins when set (CI knows it best); otherwise the nearest `.git` above the working
/// directory is read: `HEAD`, then the loose ref or `packed-refs` it names. Worktrees and submodules,
/// whose `.git` is a file holding `gitdir: …`, are followed.
enum GitCommit {
    static func resolve(
        variables: [String: String], workingDirectory: String?, readFile: (String) -> String?
    ) -> String? {
        if let fromVariable = variables["GIT_COMMIT"]?.trimmingSpaces(), isObjectID(fromVariable) {
            return fromVariable.lowercased()
        }
        guard let workingDirectory, let gitDirectory = findGitDirectory(from: workingDirectory, readFile: readFile)
        else { return nil }
        guard let head = readFile(gitDirectory + "/HEAD")?.trimmingSpaces().trimmingNewlines() else { return nil }
        if isObjectID(head) { return head.lowercased() }
        guard head.hasPrefix("ref:") else { return nil }
        let ref = String(head.dropFirst(4)).trimmingSpaces()
        // Linked worktrees keep shared refs in the common directory.
        var directories = [gitDirectory]
        if let common = readFile(gitDirectory + "/commondir")?.trimmingSpaces().trimmingNewlines(), !common.isEmpty {
            directories.append(common.hasPrefix("/") ? common : gitDirectory + "/" + common)
        }
        for directory in directories {
            if let loose = readFile(directory + "/" + ref)?.trimmingSpaces().trimmingNewlines(), isObjectID(loose) {
                return loose.lowercased()
            }
            if let packed = readFile(directory + "/packed-refs") {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    let id = String(line.prefix { $0 != " " })
                    if isObjectID(id) { return id.lowercased() }
                }
            }
        }
        return nil
    }

    /// The git directory for `start` or its nearest ancestor holding `.git` (a directory or a `gitdir:` file).
    private static func findGitDirectory(from start: String, readFile: (String) -> String?) -> String? {
        var directory = start
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/.git"
            if readFile(candidate + "/HEAD") != nil { return candidate }
            if let pointer = readFile(candidate)?.trimmingSpaces().trimmingNewlines(), pointer.hasPrefix("gitdir:") {
                let target = String(pointer.dropFirst(7)).trimmingSpaces()
                return target.hasPrefix("/") ? target : (directory == "/" ? "" : directory) + "/" + target
            }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    /// A SHA-1 (40) or SHA-256 (64) object id in hex.
    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
    }
}

extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        while text.first == "\n" || text.first == "\r" { text = text.dropFirst() }
        return String(text)
    }
}
