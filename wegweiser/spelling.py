"""Spelling of the German and the Dutch text (chapters and data) with hunspell and Debian's
dictionaries, plus the project's own word lists in data/spelling/."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .languages import LANGUAGE_NAMES
from .problems import Problem
from .prose import chapter_lines, data_lines

DICTIONARIES = {"de": "de_DE", "nl": "nl_NL"}
WORD_LISTS = Path("data") / "spelling"
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")

def unknown_words(root: Path, words: set[str], lang: str) -> set[str]:
    if not shutil.which("hunspell"):
        raise RuntimeError("hunspell is not installed (make check installs it with Debian's dictionaries)")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic", delete=False) as personal:
        for name in ("names.txt", f"{lang}.txt"):
            path = root / WORD_LISTS / name
            if path.exists():
                personal.write(path.read_text(encoding="utf-8"))
                personal.write("\n")
    result = subprocess.run(["hunspell", "-l", "-i", "utf-8", "-d", DICTIONARIES[lang], "-p", personal.name],
                            input="\n".join(sorted(words)), capture_output=True, text=True, check=True)
    Path(personal.name).unlink()
    return set(result.stdout.split())


def spelling_problems(root: Path) -> list[Problem]:
    problems = []
    for lang in DICTIONARIES:
        lines = list(chapter_lines(root, lang)) + list(data_lines(root, lang))
        words = {word for _, _, text in lines for word in WORD.findall(text)}
        unknown = unknown_words(root, words, lang)
        for name, number, text in lines:
            for word in dict.fromkeys(WORD.findall(text)):
                if word in unknown:
                    problems.append(Problem(name, number, f"unknown {LANGUAGE_NAMES[lang]} word '{word}' "
                                            f"(if it is right, add it to data/spelling/{lang}.txt)"))
    return problems
