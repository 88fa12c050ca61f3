import Testing

@testable import PerfResult

@Suite struct GitCommitTests {
    let commit = "0123456789abcdef0123456789abcdef01234567"
    let other = "fedcba9876543210fedcba9876543210fedcba98"

    func resolve(
        _ files: [String: String], in directory: String = "/repo/Packages/PerfResult", variables: [String: String] = [:]
    )
        -> String?
    {
        GitCommit.resolve(variables: variables, workingDirectory: directory, readFile: { files[$0] })
    }

    @Test func aBranchRefIsFollowedFromASubdirectory() {
        let files = ["/repo/.git/HEAD": "ref: refs/heads/main\n", "/repo/.git/refs/heads/main": commit + "\n"]
        #expect(resolve(files) == commit)
    }

    @Test func packedRefsAreReadWhenTheLooseRefIsMissing() {
        let files = [
            "/repo/.git/HEAD": "ref: refs/heads/main\n",
            "/repo/.git/packed-refs":
                "# pack-refs with: peeled fully-peeled sorted\n\(other) refs/heads/dev\n\(commit) refs/heads/main\n",
        ]
        #expect(resolve(files) == commit)
    }

    @Test func aDetachedHeadIsTheCommitItself() {
        #expect(resolve(["/repo/.git/HEAD": commit.uppercased() + "\n"]) == commit)
    }

    @Test func aWorktreeGitFileIsFollowedToItsCommonDirectory() {
        let files = [
            "/work/tree/.git": "gitdir: /repo/.git/worktrees/tree\n",
            "/repo/.git/worktrees/tree/HEAD": "ref: refs/heads/feature\n",
            "/repo/.git/worktrees/tree/commondir": "../..\n",
            "/repo/.git/worktrees/tree/../../refs/heads/feature": commit,
        ]
        #expect(resolve(files, in: "/work/tree") == commit)
    }

    @Test func gitCommitVariableWinsOverTheCheckout() {
        let files = ["/repo/.git/HEAD": commit]
        #expect(resolve(files, variables: ["GIT_COMMIT": other]) == other)
    }

    @Test func anInvalidGitCommitVariableIsIgnored() {
        let files = ["/repo/.git/HEAD": commit]
        #expect(resolve(files, variables: ["GIT_COMMIT": "not-a-sha"]) == commit)
    }

    @Test func noCheckoutMeansNoCommit() {
        #expect(resolve([:]) == nil)
        #expect(resolve(["/repo/.git/HEAD": "ref: refs/heads/unborn\n"]) == nil)
    }
}
