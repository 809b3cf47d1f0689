"""Footnotes (the sources of the chapters) in the page's language.

Python-Markdown's footnotes extension writes one English title for every back-link ("Jump back to
footnote 1 in the text"); the site is German and Dutch, so each page gets the title from
data/labels.yaml (ui.footnote_back) instead.
"""
from __future__ import annotations

import html
import re

# The extension's default BACKLINK_TITLE, as written into the page.
BACKLINK_TITLE = re.compile(r'(<a class="footnote-backref" href="[^"]*") title="Jump back to footnote (\d+) in the text"')


def localise_backlinks(page_html: str, template: str) -> str:
    """Give every footnote back-link a title (and accessible name) in the page's language;
    template contains '{n}', the footnote's number."""
    def title(match: re.Match) -> str:
        text = html.escape(template.replace("{n}", match.group(2)), quote=True)
        return f'{match.group(1)} title="{text}" aria-label="{text}"'
    return BACKLINK_TITLE.sub(title, page_html)
