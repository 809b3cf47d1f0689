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
from pathlib import Path

from .languages import LANGUAGES
from .problems import Problem
from .prose import chapter_lines, data_lines

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


def style_problems(root: Path) -> list[Problem]:
    problems = []
    for lang in LANGUAGES:
        for name, number, text in [*chapter_lines(root, lang), *data_lines(root, lang)]:
            problems += [Problem(name, number, message) for message in line_problems(text, lang)]
    return problems
