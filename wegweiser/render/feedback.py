"""The accessibility statement's feedback form ('{{ feedback_form }}'), for a static host.

Nothing is sent by the site: the script (docs/assets/javascripts/feedback.js) turns the answers into an
e-mail in the reader's own mail program (a mailto: link), so no data passes to the host or a third
party. Without scripts the form stays hidden (wegweiser.css) and a plain mail link remains.
Every value from data is escaped for the HTML attribute or text it lands in.
"""
from __future__ import annotations

from urllib.parse import quote

from ..models import GuideData, Placeholder
from ..references import render_value
from ..text import escape_html as _e

# (field name, label key in data/labels.yaml ui, element, extra attributes)
FIELDS = (
    ("page", "feedback_page", "input", 'type="text" autocomplete="off"'),
    ("problem", "feedback_problem", "textarea", 'rows="6" required'),
    ("tools", "feedback_tools", "input", 'type="text" autocomplete="off"'),
    ("name", "feedback_name", "input", 'type="text" autocomplete="name"'),
)


def mailto(address: str, subject: str) -> str:
    """A mailto: URL with the subject filled in (RFC 6068: percent-encoded)."""
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"


def feedback_form_html(data: GuideData, lang: str) -> str:
    """The form and its mail-link fallback as HTML, with all labels in the page's language."""
    ui = data.labels.ui_strings(lang)
    address = data.site.value("contact", "email", lang)
    if not isinstance(address, str):
        return "\n\n<p>" + render_value(address or Placeholder("?"), ui["placeholder"]) + "</p>\n\n"
    link = f'<a href="{_e(mailto(address, ui["feedback_subject"]))}">{_e(address)}</a>'
    rows = []
    for name, label, element, attributes in FIELDS:
        field_id = f"feedback-{name}"
        described = ""
        if name == "problem":  # the one required field: its error message is tied to it
            described = f' aria-describedby="{field_id}-error"'
        control = (f'<textarea id="{field_id}" name="{name}" {attributes}{described}></textarea>'
                   if element == "textarea" else
                   f'<input id="{field_id}" name="{name}" {attributes}{described}>')
        error = (f'<span id="{field_id}-error" class="feedback-form__error" hidden>{_e(ui["feedback_missing"])}</span>'
                 if name == "problem" else "")
        rows.append(f'<p><label for="{field_id}">{_e(ui[label])}</label>{control}{error}</p>')
    how = _e(ui["feedback_how"]).replace("{address}", link)
    opened = ui["feedback_opened"]
    return "\n\n" + "".join([
        f'<form class="feedback-form" novalidate data-address="{_e(address)}" '
        f'data-subject="{_e(ui["feedback_subject"])}" data-opened="{_e(opened)}">',
        f'<fieldset><legend>{_e(ui["feedback_legend"])}</legend>',
        f'<p class="feedback-form__how">{how}</p>',
        *rows,
        f'<p><button type="submit">{_e(ui["feedback_submit"])}</button></p>',
        '<p class="feedback-form__status" role="status" aria-live="polite"></p>',
        "</fieldset></form>",
        f'<p class="feedback-fallback">{_e(ui["feedback_fallback"])} {link}</p>',
    ]) + "\n\n"
