"""Text from data on its way into Markdown and HTML: escaped for where it lands, and the address
rules that apply to anything an editor writes."""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!<>])")
SAFE_SCHEMES = ("https", "http", "mailto")
# What a browser strips from an address before it reads the scheme (WHATWG URL: leading and
# trailing C0 controls and spaces; tabs and newlines anywhere).
_STRIPPED_EDGES = "".join(chr(code) for code in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders literally: no HTML, no emphasis, no links, no attributes."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def escape_html(text: str) -> str:
    """Plain text for HTML text and double-quoted attribute values."""
    return html.escape(text, quote=True)


def link_scheme(address: str) -> str | None:
    """The scheme a browser will use for an address ('javascript', 'https', …), or None if relative."""
    cleaned = _TAB_NEWLINE.sub("", address.strip(_STRIPPED_EDGES))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return scheme.group(1).lower() if scheme else None


def is_safe_link(address: str) -> bool:
    """Links may lead to https:, http:, mailto: or a relative address of the site, nothing else."""
    scheme = link_scheme(address)
    return scheme in SAFE_SCHEMES if scheme else not address.strip().startswith("//")


def is_external(address: str) -> bool:
    """An address that leaves the site's own host (protocol-relative ones included)."""
    cleaned = _TAB_NEWLINE.sub("", address.strip(_STRIPPED_EDGES)).replace("\\", "/")
    if link_scheme(cleaned) in ("data", "blob") or cleaned.startswith("#"):
        return False
    parts = urlsplit(cleaned)
    return bool(parts.scheme or parts.netloc) or cleaned.startswith("//")
