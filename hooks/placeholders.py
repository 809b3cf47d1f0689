"""Replace '{{ group.key }}' references in a chapter with text from data, safely escaped.

Text from data must never become markup: it is escaped for HTML and Markdown before it reaches the page.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote
from typing import Callable

from sitedata import Placeholder, SiteData

REFERENCE = re.compile(r"\{\{\s*(mail\s+)?([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?)\s*\}\}")
_IN_LINK_TARGET = re.compile(r"\]\([^)\s]*$")
BRACES = re.compile(r"\{\{|\}\}")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")


class PageProblems(Exception):
    """Problems found in one Markdown page; str() lists them with file and line."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders literally: no HTML, no emphasis, no links."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_value(value, placeholder_word: str) -> str:
    if isinstance(value, Placeholder):
        text = html.escape(f"[{placeholder_word}: {value.text}]", quote=False)
        return f'<mark class="placeholder">{text}</mark>'
    return escape_text(str(value))


def substitute(markdown: str, lang: str, data: SiteData, blocks: dict[str, Callable[[], str]],
               source: str, first_line: int = 1) -> str:
    """Resolve every reference in a page; unknown names are reported with file and line.

    '{{ mail contact.email }}' writes a mail link (or the marked placeholder while the address is unknown).

    first_line is the line of the file on which markdown starts (after the front matter).
    """
    problems = []
    placeholder_word = data.ui["placeholder"][lang] if "placeholder" in data.ui else "?"
    out_lines = []
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        def replace(match: re.Match) -> str:
            mail, name = match.group(1), match.group(2)
            if _IN_LINK_TARGET.search(line[: match.start()]):
                problems.append(f"{source}:{number}: '{{{{ {name} }}}}' cannot stand inside a link target; "
                                f"write an e-mail link as {{{{ mail {name} }}}}")
                return match.group(0)
            if name in blocks and not mail:
                if line.strip() != match.group(0):
                    problems.append(f"{source}:{number}: '{{{{ {name} }}}}' must stand alone on its line")
                    return ""
                return blocks[name]()
            value = data.lookup(name, lang)
            if value is None:
                problems.append(f"{source}:{number}: unknown reference '{{{{ {name} }}}}'; expected "
                                f"one of steps.*, benefits.*, success_factors.*, risk_factors.*, "
                                f"contact.*, legal.*, ui.* or {', '.join(sorted(blocks)) or 'no block'}")
                return match.group(0)
            if mail and not isinstance(value, Placeholder):
                address = str(value)
                return f"[{escape_text(address)}](mailto:{quote(address, safe='@.+-_')})"
            return render_value(value, placeholder_word)

        resolved = REFERENCE.sub(replace, line)
        if BRACES.search(REFERENCE.sub("", line)):
            problems.append(f"{source}:{number}: '{{{{' or '}}}}' without a valid reference "
                            f"(write references as {{{{ group.key }}}})")
        out_lines.append(resolved)
    if problems:
        raise PageProblems(problems)
    return "\n".join(out_lines)
