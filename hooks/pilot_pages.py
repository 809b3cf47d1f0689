"""Markdown of the generated pages: the pilot overview with filters, one page per pilot, and the
lists of pilots that the Erfolgsweg steps and the factor sections show.

Paths are page paths below docs/<lang>/ (the pilots' pages are virtual: see hooks/generated.py).
Every text from data passes through escape_text; a story is Markdown validated in hooks/pilots.py.
"""
from __future__ import annotations

import html
import json
import posixpath

from pilots import Pilot, PilotData
from placeholders import escape_text
from sitedata import SiteData

OVERVIEW = "pilots/index.md"
FILTERS = (("sector", "sectors"), ("region", "regions"), ("benefit", "benefits"), ("step", "steps"))


def pilot_path(pilot: Pilot) -> str:
    return f"pilots/{pilot.id}.md"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one page to another (paths below docs/<lang>/)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _front_matter(description: str) -> str:
    # JSON strings are valid YAML; the description is HTML-escaped because the theme prints it raw.
    return f"---\ndescription: {json.dumps(html.escape(description), ensure_ascii=False)}\n---\n"


def _notice(pilots: PilotData, lang: str, ui: dict) -> list[str]:
    if not pilots.notice:
        return []
    return [f'!!! note "{escape_text(ui["pilots_notice_title"])}"', "",
            f"    {escape_text(pilots.notice[lang])}", ""]


def _regions(pilot: Pilot) -> list[str]:
    return list(dict.fromkeys(partner["region"] for partner in pilot["partners"]))


def overview_markdown(site: SiteData, pilots: PilotData, lang: str, url_of, map_block: str) -> str:
    """The map, then all pilots as cards; the filter form shows only where scripts run (see wegweiser.css)."""
    ui = site.ui_strings(lang)
    lines = [_front_matter(ui["pilots_description"]), f"# {escape_text(ui['pilots_title'])}", "",
             *_notice(pilots, lang, ui), escape_text(ui["pilots_intro"]), "",
             f"## {escape_text(ui['map_heading'])} {{#map}}", "", map_block, "",
             f"## {escape_text(ui['pilots_list_heading'])} {{#list}}", ""]
    total = len(pilots.pilots)
    lines += [f'<form class="pilot-filter" data-result-template="{_attr(ui["filter_result"])}">',
              f'<fieldset><legend>{html.escape(ui["filter_legend"])}</legend>']
    for name, group in FILTERS:
        used = _used_keys(pilots, name)
        options = "".join(f'<option value="{_attr(key)}">{html.escape(site.label(group, key, lang))}</option>'
                          for key in _ordered(site, group, used))
        lines.append(f'<p><label for="filter-{name}">{html.escape(ui["filter_" + name])}</label> '
                     f'<select id="filter-{name}" name="{name}"><option value="">'
                     f'{html.escape(ui["filter_all"])}</option>{options}</select></p>')
    lines += [f'<p><button type="reset">{html.escape(ui["filter_reset"])}</button></p>',
              "</fieldset>",
              f'<p class="pilot-filter__result" role="status" aria-live="polite">'
              f'{html.escape(ui["filter_result"].format(shown=total, total=total))}</p>',
              "</form>", "", '<ul class="pilot-cards">']
    for pilot in pilots.pilots:
        data = {
            "sector": pilot["sector"], "region": " ".join(_regions(pilot)),
            "benefit": " ".join(pilot["benefits"]), "step": pilot["step_reached"],
        }
        attributes = " ".join(f'data-{k}="{_attr(v)}"' for k, v in data.items())
        step = site.step(pilot["step_reached"])
        regions = ", ".join(site.label("regions", key, lang) for key in _regions(pilot))
        href = url_of(pilot_path(pilot))
        lines += [
            f'<li class="pilot-card" {attributes}>',
            f'<h3 class="pilot-card__title"><a href="{_attr(href)}">{html.escape(pilot["title"][lang])}</a></h3>',
            f'<p>{html.escape(pilot["summary"][lang])}</p>',
            '<dl class="pilot-card__facts">',
            f'<dt>{html.escape(ui["pilot_sector"])}</dt><dd>{html.escape(site.label("sectors", pilot["sector"], lang))}</dd>',
            f'<dt>{html.escape(ui["pilot_regions"])}</dt><dd>{html.escape(regions)}</dd>',
            f'<dt>{html.escape(ui["pilot_step"])}</dt><dd>{step.number}. {html.escape(step.title[lang])}</dd>',
            "</dl>", "</li>"]
    lines += ["</ul>", ""]
    return "\n".join(lines)


def _used_keys(pilots: PilotData, name: str) -> set:
    used = set()
    for pilot in pilots.pilots:
        if name == "sector":
            used.add(pilot["sector"])
        elif name == "region":
            used.update(_regions(pilot))
        elif name == "benefit":
            used.update(pilot["benefits"])
        else:
            used.add(pilot["step_reached"])
    return used


def _ordered(site: SiteData, group: str, used: set) -> list[str]:
    """Keys in the order of data/labels.yaml, so filters read like the guide."""
    order = ([s.key for s in site.steps] if group == "steps" else list(site.regions)
             if group == "regions" else list(site.labels[group]))
    return [key for key in order if key in used]


def pilot_markdown(site: SiteData, pilots: PilotData, pilot: Pilot, lang: str) -> str:
    ui = site.ui_strings(lang)
    page = pilot_path(pilot)
    step = site.step(pilot["step_reached"])
    partners = "<br>".join(
        escape_text(", ".join([site.label("countries", p["country"], lang), site.label("trades", p["trade"], lang),
                               site.label("size_bands", p["size"], lang), site.label("regions", p["region"], lang)]))
        for p in pilot["partners"])
    lines = [_front_matter(pilot["summary"][lang]), f"# {escape_text(pilot['title'][lang])}", "",
             *_notice(pilots, lang, ui), f"**{escape_text(pilot['summary'][lang])}**", "",
             f"## {escape_text(ui['pilot_facts'])} {{#facts}}", "",
             f"| {escape_text(ui['pilot_fact'])} | {escape_text(ui['pilot_value'])} |", "|---|---|",
             f"| {escape_text(ui['pilot_sector'])} | {escape_text(site.label('sectors', pilot['sector'], lang))} |",
             f"| {escape_text(ui['pilot_form'])} | {escape_text(site.label('forms', pilot['form'], lang))} |",
             f"| {escape_text(ui['pilot_year'])} | {pilot['year_started']} |",
             f"| {escape_text(ui['pilot_step'])} | [{step.number}. {escape_text(step.title[lang])}]"
             f"({link(page, step.page)}) |",
             f"| {escape_text(ui['pilot_partners'])} | {partners} |", "",
             f"## {escape_text(ui['pilot_story'])} {{#story}}", "", pilot["story"][lang].strip(), "",
             f"## {escape_text(ui['pilot_lessons'])} {{#lessons}}", ""]
    lines += [f"- {escape_text(lesson)}" for lesson in pilot["lessons"][lang]]
    lines += ["", f"## {escape_text(ui['pilot_benefits'])} {{#benefits}}", ""]
    lines += [f"- {escape_text(site.label('benefits', key, lang))}" for key in pilot["benefits"]]
    for group, anchor, page_of_group in (("success_factors", "success-factors", "erfolgsfaktoren.md"),
                                         ("risk_factors", "risk-factors", "risikofaktoren.md")):
        if not pilot[group]:
            continue
        lines += ["", f"## {escape_text(ui['pilot_' + group])} {{#{anchor}}}", ""]
        lines += [f"- [{escape_text(site.label(group, key, lang))}]({link(page, page_of_group, key)})"
                  for key in pilot[group]]
    lines += ["", f"[{escape_text(ui['pilots_back'])}]({link(page, OVERVIEW)})", ""]
    return "\n".join(lines)


def pilot_list_markdown(site: SiteData, selected: list[Pilot], lang: str, page: str) -> list[str]:
    ui = site.ui_strings(lang)
    if not selected:
        return [escape_text(ui["pilots_none"])]
    return [f"- [{escape_text(p['title'][lang])}]({link(page, pilot_path(p))}) – {escape_text(p['summary'][lang])}"
            for p in selected]


def step_pilots_markdown(site: SiteData, pilots: PilotData, step_key: str, lang: str, page: str) -> str:
    ui = site.ui_strings(lang)
    selected = [p for p in pilots.pilots if p["step_reached"] == step_key]
    return "\n".join(["", f"## {escape_text(ui['pilots_at_step'])} {{#pilots}}", "",
                      *pilot_list_markdown(site, selected, lang, page), ""])


def add_factor_pilots(markdown: str, site: SiteData, pilots: PilotData, group: str, lang: str,
                      page: str) -> str:
    """Close each factor section ('## … {#key}') with the pilots that show the factor."""
    ui = site.ui_strings(lang)
    out, current = [], None

    def close_section():
        if current is not None:
            selected = [p for p in pilots.pilots if current in p[group]]
            out.extend(["", f"### {escape_text(ui['pilots_showing'])}", "",
                        *pilot_list_markdown(site, selected, lang, page), ""])

    for line in markdown.split("\n"):
        if line.startswith("## "):
            close_section()
            key = line.rstrip()[line.rfind("{#") + 2:-1] if line.rstrip().endswith("}") and "{#" in line else None
            current = key if key in site.labels[group] else None
        out.append(line)
    close_section()
    return "\n".join(out)
