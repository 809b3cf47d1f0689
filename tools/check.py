"""make check: the editors' quick check, without a full build.

Data files (schema and cross-references), chapters (every page in both languages, the same section
structure, links and anchors, references to data), placeholders, the style sheet's quote and
register rules, and spelling. Prints one line per problem with file and line; exits 1 if there is
any. --release also refuses placeholders.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

from checks import chapter_problems, release_problems  # noqa: E402
from datafiles import DataError  # noqa: E402
from pilots import load_pilots  # noqa: E402
from sitedata import load_site_data  # noqa: E402
from spelling import spelling_problems  # noqa: E402
from style import style_problems  # noqa: E402


def run(release: bool, spelling: bool) -> list[str]:
    try:
        site = load_site_data(ROOT)
        pilots = load_pilots(ROOT, site)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    problems = chapter_problems(ROOT / "docs", site, [pilot.id for pilot in pilots.pilots])
    if release:
        problems += release_problems(ROOT, site)
    problems += style_problems(ROOT)  # quote marks per language, 'hebt u' (CONTRIBUTING.md style sheet)
    if spelling:
        problems += spelling_problems(ROOT)
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
