"""What rendered content may contain, checked with an HTML parser after rendering: no scripts,
frames, objects, styles or event handlers; links only to https:, http:, mailto: or the site itself;
nothing loaded from another host (images, media, fonts, styles). Editors' Markdown and data both
pass through here, so the privacy promise holds by construction."""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .text import is_external, is_safe_link

FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link",
                      "meta", "base", "portal"}
LINK_ATTRIBUTES = {"href", "action", "formaction", "xlink:href"}
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "imagesrcset"}


@dataclass(frozen=True)
class Finding:
    value: str  # what to look for in the source to find the line
    message: str


def element_findings(tag: str, attributes: list[tuple[str, str | None]]) -> list[Finding]:
    """What is not allowed about one element (of the Markdown tree or of raw HTML)."""
    found = []
    if tag in FORBIDDEN_ELEMENTS:
        found.append(Finding(f"<{tag}", f"the element <{tag}> is not allowed in the guide's content"))
    for name, value in attributes:
        value = value or ""
        if name.startswith("on"):
            found.append(Finding(name, f"the attribute '{name}' (a script) is not allowed"))
        elif name in LINK_ATTRIBUTES and not is_safe_link(value):
            found.append(Finding(value, f"the link '{value.strip()[:60]}' is not allowed; links must start with "
                                        "https://, http:// or mailto: or lead to a page of the guide"))
        elif name in RESOURCE_ATTRIBUTES and _loads_from_elsewhere(name, value):
            found.append(Finding(value, f"'{value.strip()[:60]}' would be loaded from another host; the guide "
                                        "loads nothing from other websites – put the file into docs/assets/ instead"))
        elif name == "style" and "url(" in value.replace(" ", "").lower():
            found.append(Finding(value, "a style that loads a file (url(…)) is not allowed"))
        elif name in ("class", "id") and "mermaid" in value.split():
            found.append(Finding(value, "diagrams (class 'mermaid') would load a script from another host and "
                                        "are not allowed"))
    return found


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.findings += element_findings(tag, attrs)

    handle_startendtag = handle_starttag


def _loads_from_elsewhere(name: str, value: str) -> bool:
    candidates = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
    return any(is_external(candidate) for candidate in candidates if candidate)


def html_findings(html: str) -> list[Finding]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def source_line(source: str, value: str, first_line: int = 1) -> int | None:
    """The line of the source on which a finding's value first appears (None if it does not)."""
    needle = next((part.strip()[:40] for part in value.split("\n") if part.strip()), "")
    for number, line in enumerate(source.split("\n"), start=first_line):
        if needle and needle in line:
            return number
    return None
