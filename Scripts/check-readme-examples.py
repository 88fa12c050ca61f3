#!/usr/bin/env python3
"""Checks that every Swift example in the READMEs is the code a test compiles.

Every ```swift block of README.md, perf/README.md and Packages/*/README.md has a marker on the line
before it:

    <!-- readme-example: ID -->        the block is the region `// README: begin ID` … `// README: end ID`
                                       of a Tests/*/ReadmeExampleTests.swift in the README's package
                                       (perf/ for the root README.md, whose examples combine packages)
    <!-- readme-example: fragment -->  the block is deliberately not compilable code; it is not checked

A block and its region must be the same lines once both are dedented and trailing spaces are dropped,
except the block's `import` lines: the region sits inside the test, so those are checked against the
imports of the test file instead. The test file imports nothing else but Testing and the modules it names
on a line `// README: test-only imports: Foundation, Glibc`, so the README's imports are known to be
enough. Every region needs a block and every ID (lowercase letters, digits, `-`) is used once. The test file
must not `@testable import`: the examples are for readers, who see only public API.

Tests: python3 -m unittest discover -s Scripts/checks -p 'test_readme_examples.py' (`make lint` runs them).
Exit 0 when all hold, 1 with one line per problem (naming the file and line), 2 when a file cannot be read.
Python's standard library only.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
MARKER = re.compile(r"^\s*<!--\s*readme-example:\s*(?P<id>[^\s]*)\s*-->\s*$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FRAGMENT = "fragment"
REGION = re.compile(r"^\s*//\s*README:\s*(?P<kind>begin|end)\s+(?P<id>\S+)\s*$")
# `import M`, `@preconcurrency import M`, `import struct M.Type`: the module is M.
IMPORT = re.compile(
    r"^\s*(?P<attributes>(?:@\w+\s+)*)import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?"
    r"(?P<module>\w+)")
TEST_ONLY_IMPORTS = re.compile(r"^\s*//\s*README:\s*test-only imports:(?P<modules>.*)$")
TEST_FILE = "ReadmeExampleTests.swift"


class Block:
    """A ```swift block of a README: the line of its opening fence and its lines."""

    def __init__(self, readme, line, marker, lines):
        self.readme = readme
        self.line = line
        self.marker = marker
        self.lines = lines


class Region:
    """The lines between `// README: begin ID` and `// README: end ID` in a test file."""

    def __init__(self, path, line, identifier, lines):
        self.path = path
        self.line = line
        self.identifier = identifier
        self.lines = lines


def swift_blocks(text, readme, problems):
    """The ```swift blocks of a Markdown text, each with the marker on the line before it (or None)."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, info = opening.group("fence"), opening.group("info").strip()
        body = []
        end = index + 1
        while end < len(lines):
            closing = FENCE.match(lines[end])
            if closing and closing.group("fence").startswith(fence) and not closing.group("info").strip():
                break
            body.append(lines[end])
            end += 1
        if end == len(lines):
            problems.append(f"{readme}:{index + 1}: code block is not closed")
        language = info.split()[0].lower() if info else ""
        if language == "swift":
            marker = MARKER.match(lines[index - 1]) if index > 0 else None
            blocks.append(Block(readme, index + 1, marker.group("id") if marker else None, body))
        index = end + 1
    return blocks


def markers_without_blocks(text, readme):
    """Problems for readme-example markers that are not on the line before a ```swift block."""
    lines = text.splitlines()
    problems = []
    for index, line in enumerate(lines):
        if not MARKER.match(line):
            continue
        following = FENCE.match(lines[index + 1]) if index + 1 < len(lines) else None
        info = following.group("info").strip() if following else ""
        if not info or info.split()[0].lower() != "swift":
            problems.append(
                f"{readme}:{index + 1}: readme-example marker is not on the line before a ```swift block")
    return problems


def regions(text, path, problems):
    """The marked regions of a test file, in order."""
    found = []
    open_region = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = REGION.match(line)
        if not match:
            if open_region:
                open_region.lines.append(line)
            continue
        kind, identifier = match.group("kind"), match.group("id")
        if kind == "begin":
            if open_region:
                problems.append(
                    f"{path}:{number}: 'README: begin {identifier}' inside region '{open_region.identifier}'"
                    f" (begun on line {open_region.line}); end that one first")
            open_region = Region(path, number, identifier, [])
        elif open_region is None:
            problems.append(f"{path}:{number}: 'README: end {identifier}' without a matching begin")
        elif identifier != open_region.identifier:
            problems.append(
                f"{path}:{number}: 'README: end {identifier}' closes region '{open_region.identifier}'"
                f" (begun on line {open_region.line})")
            open_region = None
        else:
            found.append(open_region)
            open_region = None
    if open_region:
        problems.append(f"{path}:{open_region.line}: region '{open_region.identifier}' has no 'README: end' line")
    return found


def imported_modules(lines):
    """The modules named by the `import` lines among `lines`."""
    return {match.group("module") for match in map(IMPORT.match, lines) if match}


def test_only_modules(lines):
    """Testing, and the modules a test file names on its `// README: test-only imports:` lines."""
    modules = {"Testing"}
    for match in filter(None, map(TEST_ONLY_IMPORTS.match, lines)):
        # Names up to an optional parenthesized reason: `Foundation, Glibc (mkdtemp)`.
        names = match.group("modules").split("(")[0]
        modules.update(name for name in re.split(r"[\s,]+", names) if name)
    return modules


def normalized(numbered):
    """(number, line) pairs without trailing spaces, leading and trailing blank lines, and common indentation."""
    numbered = [(number, line.rstrip()) for number, line in numbered]
    while numbered and not numbered[0][1]:
        numbered.pop(0)
    while numbered and not numbered[-1][1]:
        numbered.pop()
    cut = min((len(line) - len(line.lstrip()) for _, line in numbered if line), default=0)
    return [(number, line[cut:]) for number, line in numbered]


def compare(block, region):
    """A problem when a block (without its imports) and its region differ, naming the first differing line."""
    code = [(block.line + 1 + i, line) for i, line in enumerate(block.lines) if not IMPORT.match(line)]
    expected = normalized(code)
    actual = normalized([(region.line + 1 + i, line) for i, line in enumerate(region.lines)])
    if [line for _, line in expected] == [line for _, line in actual]:
        return []
    for position in range(max(len(expected), len(actual))):
        left = expected[position] if position < len(expected) else None
        right = actual[position] if position < len(actual) else None
        if left is None or right is None or left[1] != right[1]:
            readme_line = left[0] if left else block.line + len(block.lines) + 1
            test_line = right[0] if right else region.line + len(region.lines) + 1
            return [
                f"{block.readme}:{readme_line}: example '{block.marker}' differs from {region.path}:{test_line}:"
                f" the README has {describe(left)}, the test has {describe(right)}"]
    return []


def describe(numbered):
    return "no line" if numbered is None else repr(numbered[1])


def check(readme_texts, test_texts):
    """Every problem, given {README path: text} and {test file path: text} (paths relative to the root)."""
    problems = []
    blocks = []
    for readme, text in sorted(readme_texts.items()):
        blocks.extend(swift_blocks(text, readme, problems))
        problems.extend(markers_without_blocks(text, readme))
    found = []
    imports = {}
    test_only = {}
    for path, text in sorted(test_texts.items()):
        lines = text.splitlines()
        found.extend(regions(text, path, problems))
        imports[path] = imported_modules(lines)
        test_only[path] = test_only_modules(lines)
        for number, line in enumerate(lines, start=1):
            match = IMPORT.match(line)
            if match and "@testable" in match.group("attributes"):
                problems.append(
                    f"{path}:{number}: '@testable import {match.group('module')}' lets the README examples use"
                    f" internal API a reader cannot; import it plainly")

    by_id = {}
    for region in found:
        if region.identifier in by_id:
            first = by_id[region.identifier]
            problems.append(
                f"{region.path}:{region.line}: region '{region.identifier}' is also in {first.path}:{first.line}")
        else:
            by_id[region.identifier] = region

    used = {}
    readme_imports = {}
    for block in blocks:
        if block.marker is None:
            problems.append(
                f"{block.readme}:{block.line}: ```swift block has no marker on the line before it: add"
                f" '<!-- readme-example: ID -->' and the region '// README: begin ID' … '// README: end ID' in"
                f" {package_of(block.readme) or '<package>/'}Tests/*/{TEST_FILE}, or"
                f" '<!-- readme-example: {FRAGMENT} -->' if it is deliberately not compilable")
            continue
        if block.marker == FRAGMENT:
            continue
        wanted = imported_modules(block.lines)
        readme_imports.setdefault(package_of(block.readme), set()).update(wanted)
        if not ID.match(block.marker):
            problems.append(
                f"{block.readme}:{block.line - 1}: example ID '{block.marker}' must be lowercase letters, digits"
                f" and '-'")
            continue
        if block.marker in used:
            problems.append(
                f"{block.readme}:{block.line - 1}: example ID '{block.marker}' is also used at {used[block.marker]}")
            continue
        used[block.marker] = f"{block.readme}:{block.line - 1}"
        region = by_id.get(block.marker)
        if region is None:
            problems.append(
                f"{block.readme}:{block.line}: example '{block.marker}' has no region"
                f" '// README: begin {block.marker}' in {package_of(block.readme)}Tests/*/{TEST_FILE}")
            continue
        package = package_of(block.readme)
        if not region.path.startswith(package + "Tests/"):
            problems.append(
                f"{block.readme}:{block.line}: example '{block.marker}' is tested in {region.path}, outside"
                f" {package or 'the repository'}Tests/; move the region to that package's {TEST_FILE}")
        problems.extend(compare(block, region))
        for module in sorted(wanted - imports[region.path]):
            problems.append(
                f"{block.readme}:{block.line}: example '{block.marker}' imports {module};"
                f" {region.path} does not")

    for region in found:
        if by_id.get(region.identifier) is region and region.identifier not in used:
            problems.append(
                f"{region.path}:{region.line}: region '{region.identifier}' has no README block marked"
                f" '<!-- readme-example: {region.identifier} -->'")
    for path, modules in sorted(imports.items()):
        package = path[:path.find("Tests/")]
        extra = modules - readme_imports.get(package, set()) - test_only[path]
        for module in sorted(extra):
            problems.append(
                f"{path}: imports {module}, which no README example it tests imports: add the import to the"
                f" example of {package}README.md that needs it (a reader copying it needs it too), or name it on a line"
                f" '// README: test-only imports: {module}' if only the test's own checks use it")
    return problems


def package_of(readme):
    """The package directory whose tests compile a README's examples, with a trailing slash (`Packages/Pooling/`).

    The root README's examples combine several packages, so `perf/` (which depends on all of them) tests them.
    """
    parent = pathlib.PurePosixPath(readme).parent
    return "perf/" if str(parent) == "." else f"{parent}/"


def repository_files(root):
    """({README path: text}, {test file path: text}) of the repository at `root`."""
    readmes = [root / "README.md", root / "perf" / "README.md", *sorted(root.glob("Packages/*/README.md"))]
    tests = [*sorted(root.glob(f"Packages/*/Tests/*/{TEST_FILE}")), *sorted(root.glob(f"perf/Tests/*/{TEST_FILE}"))]

    def read(paths):
        return {str(path.relative_to(root)): path.read_text(encoding="utf-8") for path in paths if path.exists()}

    return read(readmes), read(tests)


def main():
    try:
        readme_texts, test_texts = repository_files(ROOT)
    except (OSError, UnicodeDecodeError) as error:
        print(f"check-readme-examples: cannot read a README or a test file: {error}", file=sys.stderr)
        return 2
    problems = check(readme_texts, test_texts)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-readme-examples: {len(problems)} problem(s); a README example and the code its test compiles"
              f" must be the same (see the docstring of Scripts/check-readme-examples.py)", file=sys.stderr)
        return 1
    examples = [match.group("id") for text in readme_texts.values() for match in map(MARKER.match, text.splitlines())
                if match and match.group("id") != FRAGMENT]
    print(f"check-readme-examples: {len(examples)} README examples match their tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
