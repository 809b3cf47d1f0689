"""'{{ group.key }}' in a chapter: replaced by text from data, escaped for Markdown; '{{ mail x.y }}'
writes an e-mail link; '{{ block }}' on a line of its own inserts a generated block."""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from functools import partial
from urllib.parse import quote

from .models import LABEL_GROUPS, GuideData, Placeholder
from .problems import Problem
from .text import escape_markdown

REFERENCE = re.compile(r"\{\{\s*(mail\s+)?([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?)\s*\}\}")
BRACES = re.compile(r"\{\{|\}\}")
_IN_LINK_TARGET = re.compile(r"\]\([^)\s]*$")


class PageProblems(Exception):
    """Problems found in one chapter."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def lookup(data: GuideData, dotted: str, lang: str) -> str | Placeholder | None:
    """The text (or Placeholder) a '{{ group.key }}' reference stands for, or None."""
    group, _, key = dotted.partition(".")
    if not key:
        return None
    labels = data.labels
    if group == "steps":
        step = labels.step(key)
        return step.title[lang] if step else None
    if group == "ui":
        return labels.ui[key][lang] if key in labels.ui else None
    if group == "regions":
        return labels.regions[key].label[lang] if key in labels.regions else None
    if group in LABEL_GROUPS:
        entry = labels.groups[group].get(key)
        return entry[lang] if entry else None
    return data.site.value(group, key, lang)


def render_value(value: str | Placeholder, placeholder_word: str) -> str:
    if isinstance(value, Placeholder):
        text = html.escape(f"[{placeholder_word}: {value.text}]", quote=False)
        return f'<mark class="placeholder">{text}</mark>'
    return escape_markdown(value)


def plain_value(value: str | Placeholder, placeholder_word: str) -> str:
    """The same value as plain text (for titles)."""
    return f"[{placeholder_word}: {value.text}]" if isinstance(value, Placeholder) else value


def blocks_used(markdown: str) -> set[str]:
    """The names of the blocks a chapter inserts ('{{ name }}' alone on its line)."""
    return {match.group(2) for line in markdown.split("\n")
            if (match := REFERENCE.fullmatch(line.strip())) and not match.group(1)}


def substitute(markdown: str, lang: str, data: GuideData, blocks: Mapping[str, Callable[[], str]],
               source: str, first_line: int = 1) -> str:
    """Resolve every reference in a chapter; every unknown name is reported with file and line.

    first_line is the line of the file on which markdown starts (after the front matter).
    """
    problems: list[Problem] = []
    placeholder_word = data.labels.ui["placeholder"][lang]

    def replace(match: re.Match, line: str, number: int) -> str:
        mail, name = match.group(1), match.group(2)
        if _IN_LINK_TARGET.search(line[: match.start()]):
            problems.append(Problem(source, number, f"'{{{{ {name} }}}}' cannot stand inside a link target; "
                                                    f"write an e-mail link as {{{{ mail {name} }}}}"))
            return match.group(0)
        if name in blocks and not mail:
            if line.strip() != match.group(0):
                problems.append(Problem(source, number, f"'{{{{ {name} }}}}' must stand alone on its line"))
                return ""
            return blocks[name]()
        value = lookup(data, name, lang)
        if value is None:
            problems.append(Problem(source, number, f"unknown reference '{{{{ {name} }}}}'; expected one of "
                                    f"steps.*, benefits.*, success_factors.*, risk_factors.*, contact.*, "
                                    f"legal.*, ui.* or {', '.join(sorted(blocks)) or 'no block'}"))
            return match.group(0)
        if mail and not isinstance(value, Placeholder):
            return f"[{escape_markdown(value)}](mailto:{quote(value, safe='@.+-_')})"
        return render_value(value, placeholder_word)

    out_lines = []
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        out_lines.append(REFERENCE.sub(partial(replace, line=line, number=number), line))
        if BRACES.search(REFERENCE.sub("", line)):
            problems.append(Problem(source, number, "'{{' or '}}' without a valid reference "
                                                    "(write references as {{ group.key }})"))
    if problems:
        raise PageProblems(problems)
    return "\n".join(out_lines)


def substitute_plain(text: str, lang: str, data: GuideData) -> str:
    """References in a heading as plain text (titles in the page table); unknown ones stay as written."""
    word = data.labels.ui["placeholder"][lang]

    def replace(match: re.Match) -> str:
        value = lookup(data, match.group(2), lang)
        return match.group(0) if value is None else plain_value(value, word)
    return REFERENCE.sub(replace, text)
