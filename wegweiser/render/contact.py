"""The contact block: the contacts of data/site.yaml (`contact` for firms from Germany, `contact_nl`
for firms from the Netherlands), the reader's side first. One renderer for every place it shows:
in full on the start page, the contact page and the self-check result, short in the step pages'
help box and in the footer. Every value is escaped here; placeholders show marked in the full
block and are left out of the short ones (a footer full of marks helps no reader)."""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from ..languages import LANGUAGES
from ..models import CONTACT_GROUPS, GuideData, Placeholder
from ..pages import Page, PageTable
from ..text import escape_html as e


def groups_for(lang: str) -> list[str]:
    """The contact groups in the order a reader of this language needs them: own side first."""
    own = CONTACT_GROUPS[LANGUAGES.index(lang)]
    return [own] + [group for group in CONTACT_GROUPS if group != own]


def _placeholder(value: Placeholder, word: str) -> str:
    return f'<mark class="placeholder">{e(f"[{word}: {value.text}]")}</mark>'


def _link(field: str, value: str) -> str:
    if field == "email":
        return f'<a href="mailto:{e(quote(value, safe="@"))}">{e(value)}</a>'
    if field == "phone":
        return f'<a href="tel:{e(re.sub(r"[^0-9+]", "", value))}">{e(value)}</a>'
    if field == "web":
        host = urlsplit(value).netloc.removeprefix("www.")
        return f'<a href="{e(value)}">{e(host)}</a>'
    return e(value)


def contact_html(data: GuideData, lang: str, heading_level: int = 3) -> str:
    """The full block: organisation as a heading, role, then person, phone, e-mail and website."""
    ui, word = data.labels.ui_strings(lang), data.labels.ui["placeholder"][lang]
    cards = []
    for group in groups_for(lang):
        def value(field: str, group: str = group) -> str:
            raw = data.site.value(group, field, lang)
            if isinstance(raw, Placeholder):
                return _placeholder(raw, word)
            return _link(field, raw or "")
        facts = "".join(f'<dt>{e(ui["contact_" + field])}</dt><dd>{value(field)}</dd>'
                        for field in ("person", "phone", "email", "web"))
        cards.append(f'<div class="contact-card"><h{heading_level} class="contact-card__organisation">'
                     f'{value("organisation")}</h{heading_level}><p class="contact-card__role">{value("role")}</p>'
                     f'<dl class="contact-card__facts">{facts}</dl></div>')
    return '<div class="contact-block">' + "".join(cards) + "</div>"


def contact_list_html(data: GuideData, lang: str) -> str:
    """The short form: one line per contact with what is known of e-mail, phone and website."""
    items = []
    for group in groups_for(lang):
        organisation = data.site.value(group, "organisation", lang)
        ways = [_link(field, raw) for field in ("email", "phone", "web")
                if isinstance(raw := data.site.value(group, field, lang), str)]
        name = e(str(organisation)) if isinstance(organisation, str) else ""
        items.append(f'<li><strong>{name}</strong>: {" · ".join(ways)}</li>')
    return '<ul class="contact-list">' + "".join(items) + "</ul>"


def step_help_html(data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    """The step pages' box: a heading, one sentence, the short contact list, the contact page."""
    ui = data.labels.ui_strings(lang)
    contact_page = table.get("contact")
    return ('<aside class="contact-help" aria-labelledby="contact-help-title">'
            f'<h2 id="contact-help-title">{e(ui["contact_step_heading"])}</h2>'
            f'<p>{e(ui["contact_step_text"])}</p>{contact_list_html(data, lang)}'
            f'<p><a href="{e(table.href(page, contact_page, lang))}">{e(ui["contact_all"])}</a></p></aside>')
