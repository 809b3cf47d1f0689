"""The mechanical rules of the editors' style sheet (CONTRIBUTING.md), for 'make check'.

- German text uses „…“, and ‚…‘ only for a quote inside a quote; never “…” as opening quotes, ”,
  » « or straight " quotes.
- Dutch text uses “…”, and ‘…’ only for a quote inside a quote; never „, ‚, » « or straight "
  quotes, and no straight ' as a quote mark (the straight ' stays the apostrophe: pagina's, zo'n,
  's avonds).
- Dutch text addresses the reader as "u" with "hebt u", never "heeft u".

Checked: every chapter in docs/de/ and docs/nl/ (front matter and text, not code, link targets,
HTML tags or data references) and every German or Dutch text in data/*.yaml, at the line of the
YAML value. Each problem is one line 'file:line: message'.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

from datafiles import DataError, load_yaml  # noqa: E402
from spelling import prose  # noqa: E402

LANGUAGES = ("de", "nl")
# Markdown syntax whose straight quotes are not text: the title of an admonition (!!! note "Title").
ADMONITION_TITLE = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*)\s+"([^"]*)"')
FRONT_MATTER_VALUE = re.compile(r"""^(\s*[\w-]+:\s*)(["'])(.*)\2\s*$""")
HEEFT_U = re.compile(r"\bheeft\s+u\b", re.I)

RULES = {
    "de": [
        (re.compile(r'"'), 'straight quotes "…": write German quotes „…“'),
        (re.compile(r"”"), "the quote mark ” is not German: write „…“"),
        (re.compile(r"[«»‹›]"), "guillemets are not used: write German quotes „…“"),
        (re.compile(r"(?:^|(?<=[\s(–—/]))“(?=\w)"), "“ opens a quote: German quotes open with „ and close with “"),
    ],
    "nl": [
        (re.compile(r'"'), 'straight quotes "…": write Dutch quotes “…”'),
        (re.compile(r"[„‚]"), "German low quote marks: write Dutch quotes “…” (or ‘…’ inside a quote)"),
        (re.compile(r"[«»‹›]"), "guillemets are not used: write Dutch quotes “…”"),
        (re.compile(r"(?:^|(?<=[\s(–—/]))'(?![st]\b)(?=\w)"),
         "straight ' used as a quote mark: write Dutch quotes “…” (the straight ' is the apostrophe)"),
    ],
}


# Single quotes only inside a quotation: (opening double, closing double, opening single) per language.
NESTING = {"de": ("„", "“", "‚"), "nl": ("“", "”", "‘")}


def _single_outside_double(text: str, lang: str) -> bool:
    opening, closing, single = NESTING[lang]
    depth = 0
    for char in text:
        if char == opening:
            depth += 1
        elif char == closing and depth:
            depth -= 1
        elif char == single and not depth:
            return True
    return False


def line_problems(text: str, lang: str) -> list[str]:
    """The style problems of one line of prose in one language."""
    found = [message for pattern, message in RULES[lang] if pattern.search(text)]
    if _single_outside_double(text, lang):
        double = "„…“" if lang == "de" else "“…”"
        single = "‚…‘" if lang == "de" else "‘…’"
        found.append(f"single quotes {single} are only for a quote inside a quote: write {double}")
    if lang == "nl" and HEEFT_U.search(text):
        found.append("'heeft u' addressing the reader: write 'hebt u'")
    return found


def markdown_lines(root: Path, lang: str):
    """(file, line number, text) of every chapter line, front matter values without their YAML quotes."""
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        front_end = 0
        if lines and lines[0].strip() == "---":
            front_end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        in_fence = False
        for number, line in enumerate(lines, start=1):
            if number - 1 <= front_end and front_end:
                match = FRONT_MATTER_VALUE.match(line)
                line = match.group(3) if match else line
            elif line.strip().startswith(("```", "~~~")):
                in_fence = not in_fence
                continue
            if in_fence or line.strip() == "---":
                continue
            line = ADMONITION_TITLE.sub(r"\1 \2", line)
            yield path.relative_to(root).as_posix(), number, prose(line)


def data_lines(root: Path, lang: str):
    """(file, line number, text) of every text of one language in data/*.yaml, at the value's line."""
    for path in sorted((root / "data").glob("*.yaml")):
        name = path.relative_to(root).as_posix()
        try:
            document = load_yaml(path, name)
        except DataError:
            continue  # the data check reports the broken file
        found: list = []

        def walk(value, field_path, in_language):
            if isinstance(value, dict):
                for key, child in value.items():
                    walk(child, field_path + (key,), in_language or key == lang)
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    walk(child, field_path + (index,), in_language)
            elif isinstance(value, str) and in_language:
                line = document.position(field_path)[0] or 1
                block = "\n" in value.strip()  # a block scalar starts on the line after its key
                for offset, text in enumerate(value.split("\n")):
                    found.append((name, line + offset + (1 if block else 0), prose(text)))

        walk(document.data, (), False)
        yield from found


def style_problems(root: Path = ROOT) -> list[str]:
    problems = []
    for lang in LANGUAGES:
        for name, number, text in list(markdown_lines(root, lang)) + list(data_lines(root, lang)):
            problems += [f"{name}:{number}: {message}" for message in line_problems(text, lang)]
    return problems


if __name__ == "__main__":
    found = style_problems()
    print("\n".join(found) or "No style problems found.")
    sys.exit(1 if found else 0)
