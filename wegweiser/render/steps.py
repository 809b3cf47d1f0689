"""The Erfolgsweg: the list of all steps, and the 'step N of M' navigation of each step page."""
from __future__ import annotations

from ..models import GuideData
from ..pages import Page, PageTable
from ..text import escape_markdown


def overview_markdown(data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    """All steps as numbered headings with their summary; complete without JavaScript."""
    parts = ['<div class="step-by-step" markdown>', ""]
    for step in data.labels.steps:
        link = table.md_link(page, table.for_step(step.key))
        parts += [f"### {step.number}. [{escape_markdown(step.title[lang])}]({link}) {{#step-{step.key}}}",
                  "", escape_markdown(step.summary[lang]), ""]
    parts.append("</div>")
    return "\n".join(parts)


def step_navigation(data: GuideData, table: PageTable, page: Page, lang: str) -> dict | None:
    """What the template needs for 'Schritt N von M' and the previous and next step (plain text;
    the template escapes it)."""
    step = data.labels.step(page.step) if page.step else None
    if step is None:
        return None
    ui, steps = data.labels.ui_strings(lang), data.labels.steps

    def link(other, label_key):
        if other is None:
            return None
        return {"url": table.href(page, table.for_step(other.key), lang), "title": other.title[lang],
                "label": ui[label_key], "number": other.number}

    overview = table.section_of(page)
    return {
        "caption": ui["step_of"].format(n=step.number, total=len(steps)),
        "nav_label": ui["step_navigation"],
        "previous": link(steps[step.number - 2] if step.number > 1 else None, "step_previous"),
        "next": link(steps[step.number] if step.number < len(steps) else None, "step_next"),
        "overview": {"url": table.href(page, overview, lang), "title": ui["step_overview"]} if overview else None,
    }
