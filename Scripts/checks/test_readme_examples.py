"""Tests of Scripts/check-readme-examples.py: its Markdown and test-file parsing and every problem it reports.

Run: python3 -m unittest discover -s Scripts/checks -p 'test_readme_examples.py'
"""
import importlib.util
import pathlib
import tempfile
import textwrap
import unittest

SCRIPT = pathlib.Path(__file__).resolve().parent.parent / "check-readme-examples.py"
_spec = importlib.util.spec_from_file_location("check_readme_examples", SCRIPT)
checker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checker)

README = "Packages/Pool/README.md"
TESTS = "Packages/Pool/Tests/PoolTests/ReadmeExampleTests.swift"


def text(source):
    return textwrap.dedent(source).lstrip("\n")


def readme(*blocks, before="# Pool\n\n"):
    """A README with each (marker, code) block, code fenced as Swift; marker None leaves the marker out."""
    parts = [before]
    for marker, code in blocks:
        if marker is not None:
            parts.append(f"<!-- readme-example: {marker} -->\n")
        parts.append("```swift\n" + text(code) + "```\n\nSome prose.\n\n")
    return "".join(parts)


def test_file(body, imports=("Pool", "Testing"), extra=""):
    return "".join(f"import {module}\n" for module in imports) + extra + "\n" + text(body)


EXAMPLE = """
    import Pool

    let pool = Pool(name: "scratch") // a comment
    pool.release(pool.acquire())
"""

REGION = """
    @Suite struct ReadmeExampleTests {
        @Test func works() {
            // README: begin quick-start
            let pool = Pool(name: "scratch") // a comment
            pool.release(pool.acquire())
            // README: end quick-start
            #expect(pool.stats.hits == 0)
        }
    }
"""


def problems(readme_text, test_text, readme_path=README, test_path=TESTS):
    return checker.check({readme_path: readme_text}, {test_path: test_text})


class SwiftBlocksTests(unittest.TestCase):
    def test_a_swift_block_is_found_with_its_marker_and_the_line_of_its_fence(self):
        found = checker.swift_blocks(readme(("quick-start", EXAMPLE)), README, [])
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].marker, "quick-start")
        self.assertEqual(found[0].line, 4)
        self.assertEqual(found[0].lines[0], "import Pool")

    def test_blocks_of_other_languages_and_without_a_language_are_ignored(self):
        markdown = "```sh\nmake lint\n```\n\n```\nplain\n```\n\n```json\n{}\n```\n"
        self.assertEqual(checker.swift_blocks(markdown, README, []), [])

    def test_a_block_without_a_marker_has_none(self):
        found = checker.swift_blocks(readme((None, EXAMPLE)), README, [])
        self.assertIsNone(found[0].marker)

    def test_a_longer_fence_holds_a_shorter_one_and_tilde_fences_count(self):
        markdown = "````swift\nlet a = 1\n```\nlet b = 2\n````\n~~~swift\nlet c = 3\n~~~\n"
        found = checker.swift_blocks(markdown, README, [])
        self.assertEqual([block.lines for block in found], [["let a = 1", "```", "let b = 2"], ["let c = 3"]])

    def test_an_indented_block_in_a_list_item_is_found(self):
        markdown = "- item\n\n  <!-- readme-example: nested -->\n  ```swift\n  let a = 1\n  ```\n"
        found = checker.swift_blocks(markdown, README, [])
        self.assertEqual((found[0].marker, found[0].lines), ("nested", ["  let a = 1"]))

    def test_an_unclosed_block_is_a_problem(self):
        reported = []
        checker.swift_blocks("text\n```swift\nlet a = 1\n", README, reported)
        self.assertEqual(reported, [f"{README}:2: code block is not closed"])


class MarkerTests(unittest.TestCase):
    def test_a_marker_before_a_block_of_another_language_is_a_problem(self):
        markdown = "<!-- readme-example: shell -->\n```sh\nmake\n```\n"
        self.assertEqual(
            checker.markers_without_blocks(markdown, README),
            [f"{README}:1: readme-example marker is not on the line before a ```swift block"])

    def test_a_marker_separated_from_its_block_or_at_the_end_is_a_problem(self):
        markdown = "<!-- readme-example: a -->\n\n```swift\nlet a = 1\n```\n<!-- readme-example: b -->\n"
        self.assertEqual(len(checker.markers_without_blocks(markdown, README)), 2)


class RegionTests(unittest.TestCase):
    def test_a_region_holds_the_lines_between_its_begin_and_end(self):
        found = checker.regions(text(REGION), TESTS, [])
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].identifier, "quick-start")
        self.assertEqual(found[0].line, 3)
        self.assertEqual(
            [line.strip() for line in found[0].lines],
            ['let pool = Pool(name: "scratch") // a comment', "pool.release(pool.acquire())"])

    def test_a_begin_inside_a_region_is_a_problem(self):
        reported = []
        checker.regions("// README: begin a\n// README: begin b\n// README: end b\n", TESTS, reported)
        self.assertEqual(
            reported, [f"{TESTS}:2: 'README: begin b' inside region 'a' (begun on line 1); end that one first"])

    def test_an_end_without_begin_and_an_end_of_another_region_are_problems(self):
        reported = []
        checker.regions("// README: end a\n// README: begin b\n// README: end c\n", TESTS, reported)
        self.assertEqual(
            reported,
            [f"{TESTS}:1: 'README: end a' without a matching begin",
             f"{TESTS}:3: 'README: end c' closes region 'b' (begun on line 2)"])

    def test_a_region_without_end_is_a_problem(self):
        reported = []
        checker.regions("// README: begin a\nlet a = 1\n", TESTS, reported)
        self.assertEqual(reported, [f"{TESTS}:1: region 'a' has no 'README: end' line"])


class NormalizedTests(unittest.TestCase):
    def test_common_indentation_trailing_spaces_and_blank_edges_are_dropped(self):
        numbered = list(enumerate(["", "        if a {  ", "            b()", "", "        }", "   "]))
        self.assertEqual(checker.normalized(numbered), [(1, "if a {"), (2, "    b()"), (3, ""), (4, "}")])


class CheckTests(unittest.TestCase):
    def test_a_block_identical_to_its_indented_region_passes(self):
        self.assertEqual(problems(readme(("quick-start", EXAMPLE)), test_file(REGION)), [])

    def test_a_changed_line_is_reported_with_both_files_and_lines(self):
        changed = EXAMPLE.replace("// a comment", "// another comment")
        self.assertEqual(
            problems(readme(("quick-start", changed)), test_file(REGION)),
            [f"{README}:7: example 'quick-start' differs from {TESTS}:7: the README has"
             " 'let pool = Pool(name: \"scratch\") // another comment', the test has"
             " 'let pool = Pool(name: \"scratch\") // a comment'"])

    def test_a_changed_indentation_inside_the_block_is_a_difference(self):
        changed = EXAMPLE.replace("    pool.release", "        pool.release")
        self.assertEqual(len(problems(readme(("quick-start", changed)), test_file(REGION))), 1)

    def test_a_missing_last_line_is_reported(self):
        shorter = EXAMPLE.replace("    pool.release(pool.acquire())\n", "")
        reported = problems(readme(("quick-start", shorter)), test_file(REGION))
        self.assertEqual(len(reported), 1)
        self.assertIn("the README has no line, the test has 'pool.release(pool.acquire())'", reported[0])

    def test_a_block_without_marker_is_reported_at_its_fence(self):
        reported = problems(readme((None, EXAMPLE)), test_file(""))
        self.assertEqual(len(reported), 2)
        self.assertTrue(reported[0].startswith(f"{README}:3: ```swift block has no marker on the line before it"))
        self.assertTrue(reported[1].startswith(f"{TESTS}: imports Pool, which no README example"))

    def test_a_fragment_is_not_checked(self):
        self.assertEqual(problems(readme(("fragment", "let x = undefined\n")), test_file("", imports=())), [])

    def test_a_block_without_a_region_is_reported(self):
        self.assertEqual(
            problems(readme(("quick-start", EXAMPLE)), test_file("")),
            [f"{README}:4: example 'quick-start' has no region '// README: begin quick-start' in"
             f" Packages/Pool/Tests/*/ReadmeExampleTests.swift"])

    def test_a_region_without_a_block_is_reported(self):
        spare = "// README: begin spare\n// README: end spare\n"
        self.assertEqual(
            problems(readme(("quick-start", EXAMPLE)), test_file(REGION + spare)),
            [f"{TESTS}:13: region 'spare' has no README block marked '<!-- readme-example: spare -->'"])

    def test_an_id_used_twice_is_reported(self):
        reported = problems(readme(("quick-start", EXAMPLE), ("quick-start", EXAMPLE)), test_file(REGION))
        self.assertEqual(len(reported), 1)
        self.assertIn("example ID 'quick-start' is also used at Packages/Pool/README.md:3", reported[0])

    def test_a_malformed_id_is_reported(self):
        reported = problems(readme(("Quick_Start", EXAMPLE)), test_file(REGION))
        self.assertIn(f"{README}:3: example ID 'Quick_Start' must be lowercase letters, digits and '-'", reported)

    def test_a_region_in_another_package_is_reported(self):
        other = "Packages/Other/Tests/OtherTests/ReadmeExampleTests.swift"
        reported = problems(readme(("quick-start", EXAMPLE)), test_file(REGION), test_path=other)
        self.assertTrue(reported[0].startswith(f"{README}:4: example 'quick-start' is tested in {other}, outside"
                                               " Packages/Pool/Tests/"))
        # Its imports are then the other package's, which its README does not import.
        self.assertTrue(reported[1].startswith(f"{other}: imports Pool, which no README example"))

    def test_the_root_readmes_examples_are_tested_in_perf_which_depends_on_every_package(self):
        in_perf = "perf/Tests/ExamplesTests/ReadmeExampleTests.swift"
        self.assertEqual(problems(readme(("quick-start", EXAMPLE)), test_file(REGION), "README.md", in_perf), [])
        reported = problems(readme(("quick-start", EXAMPLE)), test_file(REGION), "README.md", TESTS)
        self.assertTrue(reported[0].startswith(f"README.md:4: example 'quick-start' is tested in {TESTS}, outside"
                                               " perf/Tests/"))

    def test_an_import_of_the_block_missing_from_the_test_file_is_reported(self):
        reported = problems(readme(("quick-start", EXAMPLE)), test_file(REGION, imports=("Testing",)))
        self.assertEqual(reported, [f"{README}:4: example 'quick-start' imports Pool; {TESTS} does not"])

    def test_an_import_only_the_test_file_has_is_reported_unless_named_test_only(self):
        imports = ("Foundation", "Pool", "Testing")
        reported = problems(readme(("quick-start", EXAMPLE)), test_file(REGION, imports))
        self.assertEqual([problem.split(",")[0] for problem in reported], [f"{TESTS}: imports Foundation"])
        named = "// README: test-only imports: Foundation, Glibc (temporary directories)\n"
        self.assertEqual(problems(readme(("quick-start", EXAMPLE)), test_file(REGION, imports, extra=named)), [])

    def test_a_testable_import_is_reported(self):
        source = "@testable import Pool\nimport Testing\n\n" + text(REGION)
        self.assertEqual(
            problems(readme(("quick-start", EXAMPLE)), source),
            [f"{TESTS}:1: '@testable import Pool' lets the README examples use internal API a reader cannot;"
             " import it plainly"])

    def test_import_lines_are_left_out_of_the_comparison_wherever_they_are(self):
        with_comment = "// Apple platforms only.\nimport SwiftUI\n" + text(EXAMPLE)
        source = "import Pool\nimport Testing\n#if canImport(SwiftUI)\nimport SwiftUI\n#endif\n\n" + text(REGION)
        self.assertEqual(
            [problem.split(":")[0] for problem in problems(readme(("quick-start", with_comment)), source)], [README])


class RepositoryTests(unittest.TestCase):
    def test_the_readmes_and_test_files_of_a_repository_are_found_by_path(self):
        with tempfile.TemporaryDirectory() as directory:
            root = pathlib.Path(directory)
            (root / "Packages/Pool/Tests/PoolTests").mkdir(parents=True)
            (root / "perf").mkdir()
            (root / "README.md").write_text("# Root\n")
            (root / README).write_text(readme(("quick-start", EXAMPLE)))
            (root / TESTS).write_text(test_file(REGION))
            (root / "Packages/Pool/Tests/PoolTests/OtherTests.swift").write_text("// README: begin stray\n")
            readmes, tests = checker.repository_files(root)
            self.assertEqual(sorted(readmes), [README, "README.md"])
            self.assertEqual(sorted(tests), [TESTS])
            self.assertEqual(checker.check(readmes, tests), [])


if __name__ == "__main__":
    unittest.main()
