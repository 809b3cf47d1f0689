"""The start page's front door ('{{ front_door }}' under its title): who publishes the guide and when
it last changed, four entry points that fit above the fold of a phone, and the steps of the
Erfolgsweg as a strip of links. Addresses come from the page table, text from data, escaped here."""
from __future__ import annotations

from ..models import GuideData
from ..pages import Page, PageTable
from ..text import escape_html as e


def front_door_html(data: GuideData, table: PageTable, page: Page, lang: str, updated: str) -> str:
    """updated: the 'Stand: …' line of the guide's newest change ('' if unknown)."""
    ui, steps = data.labels.ui_strings(lang), data.labels.steps
    publisher = str(data.site.value("legal", "publisher", lang))
    organisations = " · ".join(str(data.site.value(group, "organisation", lang)) for group in ("contact", "contact_nl"))

    def href(page_id: str, anchor: str = "") -> str:
        return e(table.href(page, table.get(page_id), lang, anchor))

    first = table.for_step(steps[0].key)
    entries = [
        ("start", e(table.href(page, first, lang)), ui["front_start"], steps[0].title[lang]),
        ("check", href("self-check"), ui["front_check"],
         ui["front_check_hint"].format(count=len(data.selfcheck.questions))),
        ("pilots", href("pilots"), ui["front_pilots"], ui["front_pilots_hint"]),
        ("contact", href("contact"), ui["front_contact"], organisations),
    ]
    meta = [ui["front_publisher"].format(publisher=publisher)] + ([updated] if updated else [])
    parts = ['<div class="front-door">',
             f'<nav class="front-door__entries" aria-label="{e(ui["front_entries"])}"><ul>']
    parts += [f'<li><a class="front-door__entry front-door__entry--{name}" href="{target}">'
              f'<span class="front-door__label">{e(label)}</span>'
              f'<span class="front-door__hint">{e(hint)}</span></a></li>'
              for name, target, label, hint in entries]
    parts += ["</ul></nav>", f'<p class="front-door__meta">{" · ".join(e(text) for text in meta)}</p>',
              '<section class="front-door__steps" aria-labelledby="front-door-steps">',
              f'<h2 id="front-door-steps">{e(ui["front_steps"].format(total=len(steps)))}</h2>',
              '<ol class="step-strip">']
    parts += [f'<li><a href="{e(table.href(page, table.for_step(step.key), lang))}">'
              f'<span class="step-strip__number" aria-hidden="true">{step.number}</span>'
              f'<span class="step-strip__title">{e(step.title[lang])}</span></a></li>' for step in steps]
    parts += ["</ol></section>", "</div>"]
    return "\n\n" + "".join(parts) + "\n\n"
