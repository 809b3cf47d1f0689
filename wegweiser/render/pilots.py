"""The pilot overview with filters, one page per pilot, and the lists of pilots that the step pages
and the factor sections show. Stories are Markdown validated in wegweiser.data; every other value
is escaped where it lands."""
from __future__ import annotations

import html

from ..models import GuideData, Pilot
from ..pages import Page, PageTable
from ..text import escape_html as e
from ..text import escape_markdown as md
from . import front_matter

# The filters over the cards: (name, labels group). "country" and "size" match one partner that has
# both ("a firm like yours"), the others any value of the pilot.
FILTERS = (("country", "countries"), ("size", "size_bands"), ("region", "regions"), ("sector", "sectors"),
           ("benefit", "benefits"), ("step", "steps"))


def _notice(data: GuideData, lang: str) -> list[str]:
    notice = data.pilots.notice
    if not notice:
        return []
    return [f'!!! note "{md(data.labels.ui["pilots_notice_title"][lang])}"', "", f"    {md(notice[lang])}", ""]


def _filter_values(pilot: Pilot) -> dict[str, list[str]]:
    return {"country": pilot.countries, "size": list(dict.fromkeys(p.size for p in pilot.partners)),
            "region": pilot.regions, "sector": [pilot.sector], "benefit": list(pilot.benefits),
            "step": [pilot.step_reached]}


def _options(data: GuideData, name: str, group: str, used: set[str], lang: str) -> str:
    labels = data.labels
    def option(key: str) -> str:
        return f'<option value="{e(key)}">{e(labels.label(group, key, lang))}</option>'
    if name != "region":
        return "".join(option(key) for key in labels.keys(group) if key in used)
    # Regions grouped by country.
    return "".join(f'<optgroup label="{e(labels.label("countries", country, lang))}">'
                   + "".join(option(key) for key, region in labels.regions.items()
                             if region.country == country and key in used) + "</optgroup>"
                   for country in labels.keys("countries"))


def filter_form_html(data: GuideData, lang: str) -> str:
    """The filters (shown only where scripts run) with the count and the message for no match."""
    ui, pilots = data.labels.ui_strings(lang), data.pilots.pilots
    # No <form>: the cards follow every change, there is nothing to submit.
    parts = [f'<div class="pilot-filter" data-result-template="{e(ui["filter_result"])}">',
             f'<fieldset><legend>{e(ui["filter_legend"])}</legend><div class="pilot-filter__fields">']
    for name, group in FILTERS:
        used = {value for pilot in pilots for value in _filter_values(pilot)[name]}
        parts.append(f'<p><label for="filter-{name}">{e(ui["filter_" + name])}</label>'
                     f'<select id="filter-{name}" name="{name}"><option value="">{e(ui["filter_all"])}</option>'
                     f'{_options(data, name, group, used, lang)}</select></p>')
    total = len(pilots)
    parts += ["</div>", '<p class="pilot-filter__actions"><button type="button" data-filter-reset>'
              f'{e(ui["filter_reset"])}</button></p>',
              "</fieldset>",
              f'<p class="pilot-filter__result" role="status" aria-live="polite">'
              f'<span class="pilot-filter__count">{e(ui["filter_result"].format(shown=total, total=total))}</span>'
              f' <span class="pilot-filter__none" hidden>{e(ui["filter_none"])}</span></p>', "</div>"]
    return "".join(parts)


def overview_markdown(data: GuideData, table: PageTable, page: Page, lang: str, map_block: str) -> str:
    """The filters first (near the top on phones), the map, then all pilots as cards."""
    labels, ui = data.labels, data.labels.ui_strings(lang)
    pilots = data.pilots.pilots
    lines = [front_matter(ui["pilots_description"]), f"# {md(ui['pilots_title'])}", "",
             *_notice(data, lang), md(ui["pilots_intro"]), "", filter_form_html(data, lang), "",
             f"## {md(ui['map_heading'])} {{#map}}", "", map_block, "",
             f"## {md(ui['pilots_list_heading'])} {{#list}}", "",
             '<ul class="pilot-cards">']
    for pilot in pilots:
        attributes = " ".join(f'data-{name}="{e(" ".join(values))}"' for name, values in _filter_values(pilot).items())
        partners = " ".join(f"{p.country}:{p.size}" for p in pilot.partners)
        step = labels.step(pilot.step_reached)
        assert step is not None  # validated
        regions = ", ".join(labels.label("regions", key, lang) for key in pilot.regions)
        sizes = ", ".join(labels.label("size_bands", p.size, lang).split(" (")[0] for p in pilot.partners)
        lines += [
            f'<li class="pilot-card" data-id="{e(pilot.id)}" data-partners="{e(partners)}" {attributes}>',
            f'<h3 class="pilot-card__title"><a href="{e(table.href(page, table.pilot(pilot.id), lang))}">'
            f'{e(pilot.title[lang])}</a></h3>',
            f'<p>{e(pilot.summary[lang])}</p>',
            '<dl class="pilot-card__facts">',
            f'<dt>{e(ui["pilot_sector"])}</dt><dd>{e(labels.label("sectors", pilot.sector, lang))}</dd>',
            f'<dt>{e(ui["pilot_regions"])}</dt><dd>{e(regions)}</dd>',
            f'<dt>{e(ui["filter_size"])}</dt><dd>{e(sizes)}</dd>',
            f'<dt>{e(ui["pilot_step"])}</dt><dd>{step.number}. {e(step.title[lang])}</dd>',
            "</dl>", "</li>"]
    lines += ["</ul>", ""]
    return "\n".join(lines)


def pilot_markdown(data: GuideData, table: PageTable, pilot: Pilot, lang: str) -> str:
    labels, ui = data.labels, data.labels.ui_strings(lang)
    page = table.pilot(pilot.id)
    step = labels.step(pilot.step_reached)
    assert step is not None  # validated
    partners = "<br>".join(
        md(", ".join([labels.label("countries", p.country, lang), labels.label("trades", p.trade, lang),
                      labels.label("size_bands", p.size, lang), labels.label("regions", p.region, lang)]))
        for p in pilot.partners)
    lines = [front_matter(pilot.summary[lang]), f"# {md(pilot.title[lang])}", "",
             *_notice(data, lang), f"**{md(pilot.summary[lang])}**", "",
             f"## {md(ui['pilot_facts'])} {{#facts}}", "",
             f"| {md(ui['pilot_fact'])} | {md(ui['pilot_value'])} |", "|---|---|",
             f"| {md(ui['pilot_sector'])} | {md(labels.label('sectors', pilot.sector, lang))} |",
             f"| {md(ui['pilot_form'])} | {md(labels.label('forms', pilot.form, lang))} |",
             f"| {md(ui['pilot_step'])} | [{step.number}. {md(step.title[lang])}]"
             f"({table.md_link(page, table.for_step(step.key))}) |",
             f"| {md(ui['pilot_partners'])} | {partners} |", "",
             f"## {md(ui['pilot_story'])} {{#story}}", "", _story(pilot.story[lang]), "",
             f"## {md(ui['pilot_lessons'])} {{#lessons}}", ""]
    lines += [f"- {md(lesson)}" for lesson in pilot.lessons[lang]]
    lines += ["", f"## {md(ui['pilot_benefits'])} {{#benefits}}", ""]
    lines += [f"- {md(labels.label('benefits', key, lang))}" for key in pilot.benefits]
    for group, anchor in (("success_factors", "success-factors"), ("risk_factors", "risk-factors")):
        if pilot.factors(group):
            section = table.for_sections(group)
            lines += ["", f"## {md(ui['pilot_' + group])} {{#{anchor}}}", ""]
            lines += [f"- [{md(labels.label(group, key, lang))}]({table.md_link(page, section, key)})"
                      for key in pilot.factors(group)]
    lines += ["", f"[{md(ui['pilots_back'])}]({table.md_link(page, table.generated('pilots'))})", ""]
    return "\n".join(lines)


def _story(markdown: str) -> str:
    """A story keeps its Markdown (emphasis, lists, links), but HTML in it stays text."""
    return html.escape(markdown.strip(), quote=False)


def pilot_list_markdown(data: GuideData, table: PageTable, selected: list[Pilot], page: Page,
                        lang: str) -> list[str]:
    if not selected:
        return [md(data.labels.ui["pilots_none"][lang])]
    return [f"- [{md(p.title[lang])}]({table.md_link(page, table.pilot(p.id))}) – {md(p.summary[lang])}"
            for p in selected]


def step_pilots_markdown(data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    selected = [p for p in data.pilots.pilots if p.step_reached == page.step]
    return "\n".join(["", f"## {md(data.labels.ui['pilots_at_step'][lang])} {{#pilots}}", "",
                      *pilot_list_markdown(data, table, selected, page, lang), ""])


def add_factor_pilots(markdown: str, data: GuideData, table: PageTable, page: Page, lang: str) -> str:
    """Close each factor section ('## … {#key}') with the pilots that show the factor."""
    group = page.spec.sections if page.spec else None
    if not group:
        return markdown
    keys = data.labels.groups[group]
    out: list[str] = []
    current = None

    def close_section():
        if current is not None:
            selected = [p for p in data.pilots.pilots if current in p.factors(group)]
            out.extend(["", f"### {md(data.labels.ui['pilots_showing'][lang])}", "",
                        *pilot_list_markdown(data, table, selected, page, lang), ""])

    for line in markdown.split("\n"):
        if line.startswith("## "):
            close_section()
            stripped = line.rstrip()
            key = stripped[stripped.rfind("{#") + 2:-1] if stripped.endswith("}") and "{#" in stripped else None
            current = key if key in keys else None
        out.append(line)
    close_section()
    return "\n".join(out)
