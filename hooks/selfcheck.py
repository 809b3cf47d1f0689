"""The Partnerschafts-Check: questions from data/selfcheck.yaml, rendered as a form that is scored
in the reader's browser only (docs/assets/javascripts/selfcheck.js). Without scripts the questions
read as a checklist; nothing is sent and nothing is stored beyond the open tab."""
from __future__ import annotations

import html
from pathlib import Path

from datafiles import LANGUAGES, DataError, check_bilingual, load_yaml
from sitedata import FACTOR_PAGES, SiteData

SELFCHECK_FILE = "data/selfcheck.yaml"


def load_selfcheck(root: Path, site: SiteData) -> dict:
    document = load_yaml(root / SELFCHECK_FILE, SELFCHECK_FILE)
    problems, data = [], document.data if isinstance(document.data, dict) else {}
    scale = data.get("scale")
    if not isinstance(scale, list) or len(scale) < 2:
        problems.append(document.problem(("scale",), "expected a list of at least two answers"))
        scale = []
    for index, answer in enumerate(scale):
        if not isinstance(answer, dict) or not isinstance(answer.get("value"), int):
            problems.append(document.problem(("scale", index), "expected 'value' (a whole number), 'de' and 'nl'"))
            continue
        check_bilingual(document, {lang: answer.get(lang) for lang in LANGUAGES}, ("scale", index), problems)
    factors = {key: group for group in FACTOR_PAGES for key in site.labels[group]}
    seen = set()
    questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    if not questions:
        problems.append(document.problem(("questions",), "expected a list of questions"))
    for index, question in enumerate(questions):
        where = ("questions", index)
        if not isinstance(question, dict):
            problems.append(document.problem(where, "expected id, factor, step, de and nl"))
            continue
        qid = question.get("id")
        if not isinstance(qid, str) or qid in seen:
            problems.append(document.problem(where + ("id",), "expected a unique id", str(qid)))
        seen.add(qid)
        if question.get("factor") not in factors:
            problems.append(document.problem(where + ("factor",), f"unknown factor '{question.get('factor')}'; "
                                             f"expected a key of success_factors or risk_factors", str(qid)))
        if site.step(question.get("step")) is None:
            problems.append(document.problem(where + ("step",), f"unknown step '{question.get('step')}'",
                                             str(qid)))
        check_bilingual(document, {lang: question.get(lang) for lang in LANGUAGES}, where, problems, str(qid))
    if problems:
        raise DataError(problems)
    return {"scale": scale, "questions": questions, "factors": factors}


def selfcheck_html(site: SiteData, check: dict, pilots, lang: str, page: str, url_of) -> str:
    """The form; url_of(path) gives the site URL of a page below docs/<lang>/ relative to this page."""
    ui = site.ui_strings(lang)
    e = html.escape
    # method="dialog": a form outside a dialog then submits nowhere, even without scripts.
    parts = ['<div class="selfcheck-tool">',
             '<form class="selfcheck" method="dialog" data-selfcheck aria-describedby="selfcheck-privacy">',
             f'<p id="selfcheck-privacy" class="selfcheck__privacy">{e(ui["check_privacy"])}</p>', "<ol>"]
    for number, question in enumerate(check["questions"], start=1):
        name = f"q-{question['id']}"
        parts.append(f'<li><fieldset data-factor="{e(question["factor"])}"><legend>{e(question[lang])}</legend>')
        for answer in check["scale"]:
            option = f"{name}-{answer['value']}"
            parts.append(f'<label for="{option}"><input type="radio" id="{option}" name="{name}" '
                         f'value="{answer["value"]}"> {e(answer[lang])}</label>')
        parts.append("</fieldset></li>")
    parts += ["</ol>",
              f'<p class="selfcheck__actions"><button type="submit">{e(ui["check_submit"])}</button> '
              f'<button type="reset">{e(ui["check_reset"])}</button></p></form>',
              '<section class="selfcheck-result" aria-labelledby="selfcheck-result-title" hidden>',
              f'<h2 id="selfcheck-result-title" tabindex="-1">{e(ui["check_result"])}</h2>',
              f'<p class="selfcheck-result__summary" role="status" data-template="{e(ui["check_summary"], quote=True)}" '
              f'data-incomplete="{e(ui["check_incomplete"], quote=True)}"></p>',
              f'<h3>{e(ui["check_strongest"])}</h3><ul class="selfcheck-result__strongest"></ul>',
              f'<h3>{e(ui["check_weakest"])}</h3><ul class="selfcheck-result__weakest"></ul>',
              f'<p><button type="button" data-print>{e(ui["check_print"])}</button></p></section>',
              '<template class="selfcheck-factors">']
    for key, group in check["factors"].items():
        section = url_of(FACTOR_PAGES[group]) + f"#{key}"
        shown = [p for p in pilots.pilots if key in p[group]][:3]
        links = "".join(f'<li><a href="{e(url_of(f"pilots/{p.id}.md"), quote=True)}">{e(p["title"][lang])}</a></li>'
                        for p in shown)
        parts.append(f'<li data-factor="{e(key)}"><a href="{e(section, quote=True)}">{e(site.label(group, key, lang))}</a>'
                     f' <span class="selfcheck-result__score"></span>'
                     + (f'<br><span class="selfcheck-result__pilots">{e(ui["check_pilots"])}</span><ul>{links}</ul>' if links else "")
                     + "</li>")
    parts += ["</template>", "</div>"]
    return "\n\n" + "\n".join(parts) + "\n\n"
