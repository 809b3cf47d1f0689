"""The prose of the guide, line by line with file and line number, for the spelling and style
checks: chapters without code, link targets, references and markup; data texts at their YAML line."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .chapters import split_front_matter
from .problems import DataError
from .yamlfile import YamlDocument, load_yaml

DATA_FILES = ("labels", "site", "pilots", "selfcheck", "glossary")  # data/pages.yaml holds addresses
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


def prose(line: str) -> str:
    for pattern in NOT_PROSE:
        line = pattern.sub(" ", line)
    return line


# Markdown syntax whose straight quotes are not text: the title of an admonition (!!! note "Title").
ADMONITION_TITLE = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*)\s+"([^"]*)"')
FRONT_MATTER_VALUE = re.compile(r"""^(\s*[\w-]+:\s*)(["'])(.*)\2\s*$""")

Line = tuple[str, int, str]  # file, line number, prose


def chapter_lines(root: Path, lang: str) -> Iterator[Line]:
    """Every chapter line of one language; front matter values without their YAML quotes."""
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        front, body, body_start = split_front_matter(text)
        for number, line in enumerate(front or [], start=2):
            match = FRONT_MATTER_VALUE.match(line)
            yield name, number, prose(match.group(3) if match else line)
        in_fence = False
        for number, line in enumerate(body.split("\n"), start=body_start):
            if line.strip().startswith(("```", "~~~")):
                in_fence = not in_fence
            elif not in_fence:
                yield name, number, prose(ADMONITION_TITLE.sub(r"\1 \2", line))


def data_lines(root: Path, lang: str) -> Iterator[Line]:
    """Every text of one language in the data files, at the line of its YAML value."""
    for name in DATA_FILES:
        try:
            document = load_yaml(root / "data" / f"{name}.yaml", f"data/{name}.yaml")
        except DataError:
            continue  # the data check reports the broken file
        yield from _texts(document, document.data, (), lang, False)


def _texts(document: YamlDocument, value, path: tuple, lang: str, in_language: bool) -> Iterator[Line]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(document, child, path + (key,), lang, in_language or key == lang)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(document, child, path + (index,), lang, in_language)
    elif isinstance(value, str) and in_language:
        first = document.position(path)[0] or 1
        for offset, text in enumerate(value.split("\n")):
            yield document.name, first + offset + (1 if "\n" in value.strip() else 0), prose(text)


