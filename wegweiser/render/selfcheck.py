"""The Partnerschafts-Check: the questions of data/selfcheck.yaml as a form that is scored in the
reader's browser only (docs/assets/javascripts/selfcheck.js). Without scripts the questions read as
a checklist; nothing is sent and nothing is stored beyond the open tab."""
from __future__ import annotations

from ..models import FACTOR_GROUPS, GuideData
from ..pages import Page, PageTable
from ..text import escape_html as e


def selfcheck_html(data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    labels, ui = data.labels, data.labels.ui_strings(lang)
    # method="dialog": a form outside a dialog then submits nowhere, even without scripts.
    parts = ['<div class="selfcheck-tool">',
             '<form class="selfcheck" method="dialog" data-selfcheck aria-describedby="selfcheck-privacy">',
             f'<p id="selfcheck-privacy" class="selfcheck__privacy">{e(ui["check_privacy"])}</p>', "<ol>"]
    for question in data.selfcheck.questions:
        name = f"q-{question.id}"
        parts.append(f'<li><fieldset data-factor="{e(question.factor)}"><legend>{e(question.text[lang])}</legend>')
        for answer in data.selfcheck.scale:
            option = f"{name}-{answer.value}"
            parts.append(f'<label for="{e(option)}"><input type="radio" id="{e(option)}" name="{e(name)}" '
                         f'value="{answer.value}"> {e(answer.label[lang])}</label>')
        parts.append("</fieldset></li>")
    parts += ["</ol>",
              f'<p class="selfcheck__actions"><button type="submit">{e(ui["check_submit"])}</button> '
              f'<button type="reset">{e(ui["check_reset"])}</button></p></form>',
              '<section class="selfcheck-result" aria-labelledby="selfcheck-result-title" hidden>',
              f'<h2 id="selfcheck-result-title" tabindex="-1">{e(ui["check_result"])}</h2>',
              f'<p class="selfcheck-result__summary" role="status" data-template="{e(ui["check_summary"])}" '
              f'data-incomplete="{e(ui["check_incomplete"])}"></p>',
              f'<h3>{e(ui["check_strongest"])}</h3><ul class="selfcheck-result__strongest"></ul>',
              f'<h3>{e(ui["check_weakest"])}</h3><ul class="selfcheck-result__weakest"></ul>',
              f'<p><button type="button" data-print>{e(ui["check_print"])}</button></p></section>',
              '<template class="selfcheck-factors">']
    for group in FACTOR_GROUPS:
        section = table.for_sections(group)
        for key in labels.groups[group]:
            shown = [p for p in data.pilots.pilots if key in p.factors(group)][:3]
            links = "".join(f'<li><a href="{e(table.href(page, table.pilot(p.id), lang))}">{e(p.title[lang])}</a></li>'
                            for p in shown)
            parts.append(f'<li data-factor="{e(key)}"><a href="{e(table.href(page, section, lang, key))}">'
                         f'{e(labels.label(group, key, lang))}</a> <span class="selfcheck-result__score"></span>'
                         + (f'<br><span class="selfcheck-result__pilots">{e(ui["check_pilots"])}</span><ul>{links}</ul>'
                            if links else "") + "</li>")
    parts += ["</template>", "</div>"]
    return "\n\n" + "\n".join(parts) + "\n\n"
