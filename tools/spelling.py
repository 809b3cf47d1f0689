"""Spelling of the German and the Dutch text (chapters and data) with hunspell and Debian's
dictionaries, plus the project's own word lists in data/spelling/."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from datafiles import load_yaml  # noqa: E402

DICTIONARIES = {"de": "de_DE", "nl": "nl_NL"}
LANGUAGE_NAMES = {"de": "German", "nl": "Dutch"}
WORD_LISTS = ROOT / "data" / "spelling"
DATA_FILES = ("data/labels.yaml", "data/site.yaml", "data/pilots.yaml", "data/selfcheck.yaml",
              "data/glossary.yaml")

# What is not prose: code, link targets, references to data, anchors, HTML, addresses.
NOT_PROSE = [
    re.compile(r"`[^`]*`"),
    re.compile(r"\[\^[^\]]*\]:?"),  # a footnote's label: [^source-key]
    re.compile(r"\*[^*]+\*\{:\s*lang=\w+\s*\}"),  # words in another language, marked *…*{: lang=en }
    re.compile(r"\b(?:[\w-]+\.)+(?:de|nl|org|eu|com|at|ch|net|info|nrw|blog|haus|life)\b"),  # a host name: kvk.nl
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{\{.*?\}\}"),
    re.compile(r"\{[a-z_]+\}"),  # fields filled in by the build, e.g. {date}
    re.compile(r"^\S*/\S*$"),  # a path such as redaktion/uebersetzungsstand
    re.compile(r"\S+\.(?:pdf|md|yaml|json|html)\b"),  # a file name
    re.compile(r"\{[:#.][^}]*\}"),
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+|\S+@\S+\.\w+"),
    re.compile(r"^\s*!!!\s+\w+"),
    re.compile(r"^\s*(description|title):", re.I),
]
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


def prose(line: str) -> str:
    for pattern in NOT_PROSE:
        line = pattern.sub(" ", line)
    return line


def markdown_lines(root: Path, lang: str):
    """(file, line number, prose) of every chapter line in one language."""
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        in_fence = False
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if line.strip().startswith(("```", "~~~")):
                in_fence = not in_fence
                continue
            if not in_fence and line.strip() != "---":
                yield path.relative_to(root).as_posix(), number, prose(line)


def data_lines(root: Path, lang: str):
    """(file, line number, text) of every text of one language in the data files."""
    for name in DATA_FILES:
        document = load_yaml(root / name, name)

        def walk(value, path, in_language):
            if isinstance(value, dict):
                for key, child in value.items():
                    walk(child, path + (key,), in_language or key == lang)
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    walk(child, path + (index,), in_language)
            elif isinstance(value, str) and in_language:
                first = document.position(path)[0] or 1
                for offset, text in enumerate(value.split("\n")):
                    yield_lines.append((name, first + offset + (1 if "\n" in value.strip() else 0), prose(text)))

        yield_lines: list = []
        walk(document.data, (), False)
        yield from yield_lines


def unknown_words(words: set[str], lang: str) -> set[str]:
    if not shutil.which("hunspell"):
        raise RuntimeError("hunspell is not installed (make check installs it with Debian's dictionaries)")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic", delete=False) as personal:
        for name in ("names.txt", f"{lang}.txt"):
            path = WORD_LISTS / name
            if path.exists():
                personal.write(path.read_text(encoding="utf-8"))
                personal.write("\n")
    result = subprocess.run(["hunspell", "-l", "-i", "utf-8", "-d", DICTIONARIES[lang], "-p", personal.name],
                            input="\n".join(sorted(words)), capture_output=True, text=True, check=True)
    Path(personal.name).unlink()
    return set(result.stdout.split())


def spelling_problems(root: Path = ROOT) -> list[str]:
    problems = []
    for lang in DICTIONARIES:
        lines = list(markdown_lines(root, lang)) + list(data_lines(root, lang))
        words = {word for _, _, text in lines for word in WORD.findall(text)}
        unknown = unknown_words(words, lang)
        for name, number, text in lines:
            for word in dict.fromkeys(WORD.findall(text)):
                if word in unknown:
                    problems.append(f"{name}:{number}: unknown {LANGUAGE_NAMES[lang]} word '{word}' "
                                    f"(if it is right, add it to data/spelling/{lang}.txt)")
    return problems
