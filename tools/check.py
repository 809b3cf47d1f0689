"""make check: the editors' quick check, without a full build.

Data files (schemas and the rules across files), chapters (every page in both languages, the same
section structure, links and anchors, references to data), what chapters and stories render to
(no scripts, no links with other schemes, nothing loaded from other hosts), the style sheet's
quote and register rules, placeholders and spelling. Prints one line per problem with file and
line; exits 1 if there is any. --release also refuses placeholders.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from wegweiser.build import read_guide
from wegweiser.checks import chapter_problems, content_checker, release_problems, rendered_problems
from wegweiser.problems import DataError, Problem
from wegweiser.spelling import spelling_problems
from wegweiser.style import style_problems

ROOT = Path(__file__).resolve().parents[1]


def run(release: bool, spelling: bool, root: Path = ROOT) -> list[Problem]:
    try:
        data, chapters, table = read_guide(root)
    except DataError as error:
        return error.problems
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # the site's configuration
    problems = chapter_problems(data, table, chapters, root / "docs")
    extensions = yaml.safe_load(mkdocs_yml)["markdown_extensions"]
    problems += rendered_problems(chapters, data, content_checker(extensions))
    problems += style_problems(root)
    if release:
        problems += release_problems(data, mkdocs_yml)
    if spelling:
        problems += spelling_problems(root)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--release", action="store_true", help="also refuse placeholders")
    parser.add_argument("--no-spelling", action="store_true", help="skip the spelling check")
    args = parser.parse_args()
    problems = run(args.release, not args.no_spelling)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
