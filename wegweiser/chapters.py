"""The chapters as editors write them (docs/<lang>/*.md): front matter, title, section anchors and
links, read without building the site. The one place that knows where a chapter's body starts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from .languages import LANGUAGES
from .problems import DataError, Problem
from .yamlfile import parse_yaml

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
_REFERENCE = re.compile(r"\{\{.*?\}\}")


@dataclass
class Chapter:
    lang: str
    file: str  # below docs/<lang>/
    body: str = ""  # the Markdown after the front matter, as MkDocs hands it to the hooks
    body_start: int = 1  # the file line on which the body starts
    meta: dict = field(default_factory=dict)
    title: str = ""  # the H1 as written (references unresolved)
    anchors: set[str] = field(default_factory=set)
    sections: list[tuple[int, str | None]] = field(default_factory=list)  # (line, explicit id) of each H2
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, target)
    problems: list[Problem] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"docs/{self.lang}/{self.file}"


def split_front_matter(text: str) -> tuple[list[str] | None, str, int]:
    """(front matter lines or None, body, line of the body) – as MkDocs splits a page: the front
    matter between '---' lines, then blank lines dropped."""
    lines = text.split("\n")
    start = 0
    front = None
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
        if end:
            front, start = lines[1:end], end + 1
    while front is not None and start < len(lines) and not lines[start].strip():
        start += 1
    return front, "\n".join(lines[start:]), start + 1


def read_front_matter(source: str, front: list[str] | None) -> tuple[dict, list[Problem]]:
    """MkDocs silently shows broken front matter as page text, so an editor must hear of it. Read
    like the data files: no aliases, no tags."""
    try:
        meta = parse_yaml("\n".join(front), source).data if front and any(line.strip() for line in front) else {}
    except DataError as error:
        problem = error.problems[0]
        line = problem.line + 1 if problem.line else 1  # the front matter starts on the file's line 2
        hint = " (put a text containing ': ' in double quotes)" if "syntax" in problem.message else ""
        return {}, [Problem(source, line, f"the front matter between the '---' lines: {problem.message}{hint}")]
    if not isinstance(meta, dict) or not str(meta.get("description") or "").strip():
        return {}, [Problem(source, 1, "the front matter needs a 'description:' (one sentence for search "
                            "engines and link previews)")]
    if meta.get("translation", "pending") != "pending":
        return meta, [Problem(source, 1, "'translation:' accepts only 'pending' (or remove the line)")]
    return meta, []


def _unique(anchor: str, seen: dict) -> str:
    """Python-Markdown's toc: a repeated heading gets '_1', '_2', … appended."""
    if anchor in seen:
        seen[anchor] += 1
        return f"{anchor}_{seen[anchor]}"
    seen[anchor] = 0
    return anchor


def parse_chapter(lang: str, file: str, text: str) -> Chapter:
    chapter = Chapter(lang, file)
    front, chapter.body, chapter.body_start = split_front_matter(text)
    chapter.meta, chapter.problems = read_front_matter(chapter.source, front)
    seen: dict[str, int] = {}
    in_fence = False
    for number, line in enumerate(chapter.body.split("\n"), start=chapter.body_start):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            level, text_ = len(heading.group(1)), heading.group(2)
            explicit = None
            attrs = ATTR_LIST.search(text_)
            if attrs and "{{" not in text_[attrs.start():attrs.start() + 3]:
                explicit = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
                text_ = text_[:attrs.start()]
            chapter.anchors.add(explicit or _unique(slugify(_REFERENCE.sub("", text_).strip(), "-"), seen))
            if level == 1 and not chapter.title:
                chapter.title = text_.strip()
            if level == 2:
                chapter.sections.append((number, explicit))
        for match in LINK.finditer(line):
            chapter.links.append((number, match.group(1)))
    return chapter


def read_chapters(docs_dir: Path) -> dict[str, dict[str, Chapter]]:
    """Every chapter of both languages: language -> file below docs/<lang>/ -> Chapter."""
    return {lang: {path.relative_to(docs_dir / lang).as_posix(): parse_chapter(
        lang, path.relative_to(docs_dir / lang).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted((docs_dir / lang).rglob("*.md"))} for lang in LANGUAGES}
