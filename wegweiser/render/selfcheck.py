"""The Partnerschafts-Check: the questions of data/selfcheck.yaml, grouped by the steps of the
Erfolgsweg, as a form that is scored in the reader's browser only
(docs/assets/javascripts/selfcheck.js). Without scripts the questions read as a checklist; nothing
is sent and nothing is stored beyond the open tab.

All text of the result is rendered here, escaped, into a <template>; the script only chooses and
copies: where the firm stands on the Erfolgsweg, its next three actions, and a plain label for every
factor ("gut abgesichert" for a covered risk, never a percentage that reads like a risk's size)."""
from __future__ import annotations

from ..models import FACTOR_GROUPS, GuideData
from ..pages import Page, PageTable
from ..text import escape_html as e
from .contact import contact_html

NOT_RELEVANT = "na"  # the value of the 'not yet relevant' answer
LEVELS = ("high", "mid", "low")
KIND = {"success_factors": "success", "risk_factors": "risk"}


def selfcheck_html(data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    labels, ui, check = data.labels, data.labels.ui_strings(lang), data.selfcheck
    total = len(check.questions)
    maximum = max(answer.value for answer in check.scale)
    scoring = check.scoring
    # method="dialog": a form outside a dialog then submits nowhere, even without scripts.
    parts = ['<div class="selfcheck-tool">',
             f'<form class="selfcheck" method="dialog" data-selfcheck aria-describedby="selfcheck-privacy" '
             f'data-max="{maximum}" data-step-done="{scoring.step_done}" data-strong="{scoring.strong}" '
             f'data-weak="{scoring.weak}">',
             f'<p id="selfcheck-privacy" class="selfcheck__privacy">{e(ui["check_privacy"])}</p>',
             f'<p class="selfcheck__progress"><progress max="{total}" value="0" aria-labelledby="selfcheck-progress">'
             f'</progress> <span id="selfcheck-progress" data-template="{e(ui["check_progress"])}">'
             f'{e(ui["check_progress"].format(answered=0, total=total))}</span></p>']
    number = 0
    for step in labels.steps:
        questions = [q for q in check.questions if q.step == step.key]
        if not questions:
            continue
        parts.append(f'<section class="selfcheck__step" data-step="{e(step.key)}" '
                     f'aria-labelledby="selfcheck-step-{e(step.key)}">'
                     f'<h3 id="selfcheck-step-{e(step.key)}">'
                     f'{e(ui["check_group"].format(n=step.number, title=step.title[lang]))}</h3>'
                     f'<ol start="{number + 1}">')
        for question in questions:
            number += 1
            name = f"q-{question.id}"
            parts.append(f'<li><fieldset data-factor="{e(question.factor)}" data-step="{e(step.key)}" '
                         f'data-question="{e(question.id)}"><legend>{e(question.text[lang])}</legend>')
            choices = [(str(answer.value), answer.label[lang]) for answer in check.scale]
            choices.append((NOT_RELEVANT, check.not_relevant[lang]))
            for value, label in choices:
                option = f"{name}-{value}"
                extra = ' class="selfcheck__not-relevant"' if value == NOT_RELEVANT else ""
                parts.append(f'<label for="{e(option)}"{extra}><input type="radio" id="{e(option)}" '
                             f'name="{e(name)}" value="{value}"> {e(label)}</label>')
            parts.append("</fieldset></li>")
        parts.append("</ol></section>")
    parts += [f'<p class="selfcheck__actions"><button type="submit">{e(ui["check_submit"])}</button> '
              f'<button type="reset">{e(ui["check_reset"])}</button></p></form>',
              *_result(data, table, lang), *_templates(data, table, page, lang), "</div>"]
    return "\n\n" + "\n".join(parts) + "\n\n"


def _result(data: GuideData, table: PageTable, lang: str) -> list[str]:
    ui = data.labels.ui_strings(lang)
    parts = ['<section class="selfcheck-result" aria-labelledby="selfcheck-result-title" hidden>',
             f'<h2 id="selfcheck-result-title" tabindex="-1">{e(ui["check_result"])}</h2>',
             f'<p class="selfcheck-result__summary" role="status" data-template="{e(ui["check_summary"])}" '
             f'data-incomplete="{e(ui["check_incomplete"])}"></p>',
             '<div class="selfcheck-result__position"></div>',
             f'<h3>{e(ui["check_actions"])}</h3><ol class="selfcheck-result__actions"></ol>',
             f'<p class="selfcheck-result__no-actions" hidden>{e(ui["check_actions_none"])}</p>',
             f'<h3>{e(ui["check_factors"])}</h3>']
    for group in FACTOR_GROUPS:
        parts.append(f'<h4>{e(table.for_sections(group).title[lang])}</h4>')
        parts.append(f'<ul class="selfcheck-result__factors" data-kind="{KIND[group]}"></ul>')
    parts += [f'<h3>{e(ui["check_adviser"])}</h3>', f'<p>{e(ui["check_adviser_text"])}</p>',
              contact_html(data, lang, heading_level=4),
              f'<p><button type="button" data-print>{e(ui["check_print"])}</button></p></section>']
    return parts


def _templates(data: GuideData, table: PageTable, page: Page, lang: str) -> list[str]:
    """Every piece of text the result may show, for the script to copy."""
    labels, ui, steps = data.labels, data.labels.ui_strings(lang), data.labels.steps
    parts = ['<template class="selfcheck-templates">']
    for step in steps:
        target = table.for_step(step.key)
        href = e(table.href(page, target, lang))
        parts.append(f'<div data-position="{e(step.key)}"><p class="selfcheck-result__step"><strong>'
                     f'{e(ui["check_position"].format(n=step.number, total=len(steps), title="")).rstrip()} '
                     f'<a href="{href}">{e(step.title[lang])}</a></strong></p></div>')
    parts.append(f'<p data-note="next">{e(ui["check_position_note"])}</p>')
    parts.append(f'<p data-note="done">{e(ui["check_position_done"])}</p>')
    for question in data.selfcheck.questions:
        found = labels.step(question.step)
        assert found is not None  # validated
        target = table.for_step(found.key)
        anchor = "tasks" if "tasks" in target.anchors.get(lang, ()) else ""
        parts.append(f'<li data-action="{e(question.id)}"><a href="{e(table.href(page, target, lang, anchor))}">'
                     f'{e(question.action[lang])}</a> <span class="selfcheck-result__where">'
                     f'({e(ui["check_action_where"].format(n=found.number, title=found.title[lang]))})</span></li>')
    for group in FACTOR_GROUPS:
        section = table.for_sections(group)
        for key in labels.groups[group]:
            href = e(table.href(page, section, lang, key))
            parts.append(f'<li data-factor="{e(key)}" data-kind="{KIND[group]}"><a href="{href}">'
                         f'{e(labels.label(group, key, lang))}</a>: <strong class="selfcheck-result__level"></strong>'
                         "</li>")
    for kind in KIND.values():
        for level in LEVELS:
            parts.append(f'<span data-level="{kind}-{level}">{e(ui[f"check_{kind}_{level}"])}</span>')
    parts.append(f'<span data-level="unrated">{e(ui["check_unrated"])}</span>')
    parts.append("</template>")
    return parts
