"""The Erfolgsweg: the overview list of all steps and the 'step N of M' navigation of each step page."""
from __future__ import annotations

import posixpath

from pilot_pages import link as relative_link
from placeholders import escape_text
from sitedata import SiteData


def overview_markdown(data: SiteData, lang: str, page: str) -> str:
    """All steps as numbered headings with their summary; complete without JavaScript."""
    parts = ['<div class="step-by-step" markdown>', ""]
    for step in data.steps:
        title = escape_text(step.title[lang])
        parts += [f"### {step.number}. [{title}]({relative_link(page, step.page)}) {{#step-{step.key}}}",
                  "", escape_text(step.summary[lang]), ""]
    parts.append("</div>")
    return "\n".join(parts)


def step_navigation(data: SiteData, lang: str, page: str, url_of) -> dict | None:
    """What the template needs to show 'Schritt N von M' and the previous and next step.

    url_of maps a page path (below docs/<lang>/) to its site URL in this language.
    """
    step = data.step_for_page(page)
    if step is None:
        return None
    ui = data.ui_strings(lang)
    total = len(data.steps)

    def link(other, label_key):
        if other is None:
            return None
        return {"url": url_of(other.page), "title": other.title[lang], "label": ui[label_key],
                "number": other.number}

    previous = data.steps[step.number - 2] if step.number > 1 else None
    following = data.steps[step.number] if step.number < total else None
    return {
        "caption": ui["step_of"].format(n=step.number, total=total),
        "nav_label": ui["step_navigation"],
        "previous": link(previous, "step_previous"),
        "next": link(following, "step_next"),
        "overview": {"url": url_of(posixpath.join(posixpath.dirname(step.page), "index.md")),
                     "title": ui["step_overview"]},
    }
