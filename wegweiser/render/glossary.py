"""The glossary page: German and Dutch terms side by side with explanation, note and source."""
from __future__ import annotations

from ..models import GuideData
from ..text import escape_html as e
from ..text import escape_markdown as md
from . import front_matter


def glossary_markdown(data: GuideData, lang: str) -> str:
    ui = data.labels.ui_strings(lang)
    rows = [f'<tr id="{e(term.id)}"><td lang="de">{e(term.de)}</td><td lang="nl">{e(term.nl)}</td>'
            f'<td>{e(term.explanation[lang])} <a href="{e(term.source)}">{e(ui["glossary_source"])}</a></td>'
            f'<td>{e(ui["glossary_flag_" + term.flag])}</td></tr>' for term in data.glossary.terms]
    return "\n".join([
        front_matter(ui["glossary_description"]).rstrip("\n"), f"# {md(ui['glossary_title'])}", "",
        md(ui["glossary_intro"]), "",
        # Wider than a phone: the table scrolls on its own (navigation.js names it as a region then).
        '<div class="table-scroll"><table class="glossary"><thead><tr>'
        f'<th scope="col">{e(ui["language_de"])}</th><th scope="col">{e(ui["language_nl"])}</th>'
        f'<th scope="col">{e(ui["glossary_meaning"])}</th><th scope="col">{e(ui["glossary_note"])}</th>'
        '</tr></thead><tbody>', *rows, "</tbody></table></div>", ""])
