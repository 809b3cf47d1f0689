"""The guide as a service for busy firm owners: the contact block, the start page's front door, the
pilot map's layout, the self-check's result pieces and the publisher's colours – in-process, from
the project's data."""
from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from conftest import DATA, ROOT, TABLE

from wegweiser.checks import release_problems
from wegweiser.languages import LANGUAGES
from wegweiser.models import CONTACT_GROUPS, Placeholder
from wegweiser.render import contact, front, pilot_map, selfcheck
from wegweiser.render.brand import brand_css, contrast

OUTLINE = pilot_map.load_outline(ROOT)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def resolve(page_id: str, lang: str, href: str) -> str:
    """The site path an href on a page points to (without its anchor)."""
    base = TABLE.get(page_id).path[lang]
    return posixpath.normpath(posixpath.join(base, href.split("#")[0])).removeprefix(".") + "/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contact_block_names_both_sides_the_readers_own_first(lang):
    block = soup(contact.contact_html(DATA, lang))
    organisations = [h.get_text() for h in block.select(".contact-card__organisation")]
    expected = [str(DATA.site.value(group, "organisation", lang)) for group in CONTACT_GROUPS]
    assert organisations == (expected if lang == "de" else expected[::-1])
    # What is not known yet shows marked, never invented; a known address is a link.
    marks = [mark.get_text() for mark in block.select("mark.placeholder")]
    assert any("KVK" in mark for mark in marks)
    email = DATA.site.value("contact", "email", lang)
    assert block.select_one(f'a[href="mailto:{email}"]') is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_contact_list_leaves_placeholders_out(lang):
    short = soup(contact.contact_list_html(DATA, lang))
    assert len(short.select("li")) == len(CONTACT_GROUPS)
    assert not short.select("mark") and "[" not in short.get_text()
    assert {a["href"] for a in short.select("a")} >= {"https://www.kvk.nl/", "https://hwk-muenster.de/"}


def test_contact_values_are_escaped():
    groups = {**DATA.site.groups, "contact": {**DATA.site.groups["contact"], "organisation": "<b>A & B</b>",
                                              "web": 'https://example.org/"onmouseover="x'}}
    data = replace(DATA, site=replace(DATA.site, groups=groups))
    for html in (contact.contact_html(data, "de"), contact.contact_list_html(data, "de")):
        assert "<b>" not in html and "&lt;b&gt;A &amp; B&lt;/b&gt;" in html and '"onmouseover' not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_step_pages_help_box_leads_to_the_contact_page(lang):
    page = TABLE.for_step(DATA.labels.steps[2].key)
    box = soup(contact.step_help_html(DATA, TABLE, page, lang))
    assert box.h2.get_text() == DATA.labels.ui["contact_step_heading"][lang]
    assert resolve(page.id, lang, box.select("a")[-1]["href"]) == TABLE.get("contact").path[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_front_door_has_four_entries_the_steps_and_who_publishes_it(lang):
    start = TABLE.get("start")
    door = soup(front.front_door_html(DATA, TABLE, start, lang, "Stand: 1. Dezember 2026"))
    entries = door.select("nav.front-door__entries a")
    targets = [resolve("start", lang, a["href"]) for a in entries]
    assert targets == [TABLE.for_step(DATA.labels.steps[0].key).path[lang], TABLE.get("self-check").path[lang],
                       TABLE.get("pilots").path[lang], TABLE.get("contact").path[lang]]
    assert door.select_one("nav.front-door__entries")["aria-label"] == DATA.labels.ui["front_entries"][lang]
    strip = door.select("ol.step-strip a")
    assert [resolve("start", lang, a["href"]) for a in strip] == \
        [TABLE.for_step(step.key).path[lang] for step in DATA.labels.steps]
    assert [a.select_one(".step-strip__title").get_text() for a in strip] == \
        [step.title[lang] for step in DATA.labels.steps]
    meta = door.select_one(".front-door__meta").get_text()
    assert "Handwerkskammer Münster" in meta and "Stand: 1. Dezember 2026" in meta


# --- The pilot map ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_names_never_cover_a_marker_or_another_name(lang):
    for placement in pilot_map.placements(OUTLINE, DATA, lang):
        project = pilot_map.Projection(OUTLINE["bbox"])
        names = [(f"region {key}", label.box) for key, label in placement.labels.items()]
        names += [(f"town {town.key}", label.box) for town, _, _, label in placement.towns]
        names += [(f"country {label.lines[0]}", label.box) for label in placement.countries]
        for (name_a, a), (name_b, b) in itertools.combinations(names, 2):
            assert not pilot_map.overlaps(a, b), (placement.layout.name, name_a, name_b)
        for name, box in names:
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= pilot_map.WIDTH and box[3] <= project.height, name
            covered = [m.key for m in placement.markers if pilot_map.hits_circle(box, m.x, m.y, m.r)]
            assert not covered, (placement.layout.name, name, covered)
        for a, b in itertools.combinations(placement.markers, 2):
            assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 > (a.r + b.r) ** 2, (a.key, b.key)


def test_map_layouts_keep_text_and_targets_readable_on_their_smallest_screen():
    for layout in pilot_map.LAYOUTS:
        assert layout.font * layout.scale >= 12, layout.name
        assert 2 * layout.radius * layout.scale >= 24, layout.name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_has_one_marker_per_region_sized_by_its_pilots_and_a_hub_for_three_regions(lang):
    html = soup(pilot_map.map_html(OUTLINE, DATA, lang))
    counts = {key: sum(key in p.regions for p in DATA.pilots.pilots) for key in DATA.labels.regions}
    counts = {key: n for key, n in counts.items() if n}
    for layout in pilot_map.LAYOUTS:
        markers = html.select(f".pilot-map__layout--{layout.name} .pilot-map__marker")
        assert [m["data-region"] for m in markers] == list(counts)
        radius = {m["data-region"]: float(m.circle["r"]) for m in markers}
        shown = {m["data-region"]: int(m.select_one(".pilot-map__count").get_text()) for m in markers}
        assert shown == counts
        for a, b in itertools.combinations(counts, 2):
            assert (counts[a] > counts[b]) == (radius[a] > radius[b]) or counts[a] == counts[b]
    hubs = [p for p in DATA.pilots.pilots if len(p.regions) >= 3]
    assert hubs, "the data has a pilot of three regions"
    for pilot in hubs:
        group = next(g for g in html.select("g.pilot-map__link") if pilot.id in g["data-pilots"].split())
        assert len(group.select("line")) == len(pilot.regions)
    # Every pilot is on the map, each once.
    drawn = [pid for link in html.select("[data-pilots].pilot-map__link") for pid in link["data-pilots"].split()]
    assert sorted(drawn) == sorted(p.id for p in DATA.pilots.pilots)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_text_alternative_says_per_region_how_many_pilots_and_with_whom(lang):
    html = soup(pilot_map.map_html(OUTLINE, DATA, lang))
    assert html.svg["aria-describedby"] == "pilot-map-text"
    lines = {li["data-region"]: li.get_text() for li in html.select("#pilot-map-text li")}
    for key, text in lines.items():
        region = DATA.labels.regions[key]
        count = sum(key in p.regions for p in DATA.pilots.pilots)
        assert text.startswith(region.label[lang]) and f": {count} " in text
        for pilot in DATA.pilots.pilots:
            for other in pilot.regions:
                if key in pilot.regions and other != key:
                    assert DATA.labels.regions[other].label[lang] in text, (key, other)
    assert not html.select("svg a"), "the cards link the pilots; the map selects regions"


def test_map_towns_are_real_towns_of_the_region_and_none_is_invented():
    for town in DATA.labels.towns.values():
        west, south, east, north = OUTLINE["bbox"]
        assert south < town.latitude < north and west < town.longitude < east, town.key
    shown = {town.key for placement in pilot_map.placements(OUTLINE, DATA, "de") for town, *_ in placement.towns}
    assert shown and shown <= set(DATA.labels.towns)


# --- The self-check ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_selfcheck_groups_questions_by_step_with_a_not_yet_relevant_answer(lang):
    page = TABLE.get("self-check")
    html = soup(selfcheck.selfcheck_html(DATA, TABLE, page, lang))
    sections = html.select("section.selfcheck__step")
    keys = [step.key for step in DATA.labels.steps if any(q.step == step.key for q in DATA.selfcheck.questions)]
    assert [s["data-step"] for s in sections] == keys
    for section in sections:
        for fieldset in section.select("fieldset"):
            assert fieldset["data-step"] == section["data-step"]
            values = [i["value"] for i in fieldset.select("input[type=radio]")]
            assert values[-1] == selfcheck.NOT_RELEVANT and len(values) == len(DATA.selfcheck.scale) + 1
            label = fieldset.select("label")[-1].get_text(strip=True)
            assert label == DATA.selfcheck.not_relevant[lang]
    assert html.select_one(".selfcheck__progress progress")["max"] == str(len(DATA.selfcheck.questions))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_selfcheck_result_pieces_have_plain_labels_and_working_links(lang):
    page = TABLE.get("self-check")
    html = soup(selfcheck.selfcheck_html(DATA, TABLE, page, lang))
    template = soup(html.select_one("template.selfcheck-templates").decode_contents())
    actions = {li["data-action"]: li for li in template.select("li[data-action]")}
    assert set(actions) == {q.id for q in DATA.selfcheck.questions}
    for question in DATA.selfcheck.questions:
        link = actions[question.id].a
        assert link.get_text() == question.action[lang]
        assert resolve(page.id, lang, link["href"]) == TABLE.for_step(question.step).path[lang]
    levels = {span["data-level"]: span.get_text() for span in template.select("span[data-level]")}
    kinds = {f"{kind}-{level}" for kind in ("success", "risk") for level in selfcheck.LEVELS}
    assert set(levels) == kinds | {"unrated"}
    assert len(set(levels.values())) == len(levels), "every level reads differently"
    for key, text in levels.items():
        assert "%" not in text and not re.search(r"\d", text), key
        if key.startswith("risk"):
            assert text in {DATA.labels.ui[f"check_risk_{level}"][lang] for level in selfcheck.LEVELS}
    # The result offers the contact block to take the printed result to an adviser.
    assert html.select_one(".selfcheck-result .contact-block") is not None
    assert html.select_one(".selfcheck-result button[data-print]") is not None


# --- The publisher's look -------------------------------------------------------------------------

def test_brand_colours_keep_wcag_aa_contrast_and_reach_the_stylesheet():
    colours = DATA.site.brand.colours
    for foreground, background in (("#ffffff", colours["primary"]), ("#ffffff", colours["primary_dark"]),
                                   (colours["primary"], "#ffffff"), (colours["accent"], "#ffffff")):
        assert contrast(foreground, background) >= 4.5, (foreground, background)
    css = brand_css(DATA.site.brand)
    assert f"--md-primary-fg-color: {colours['primary']};" in css and "url(" not in css


def test_logo_is_a_placeholder_until_released_and_a_release_build_says_so():
    assert isinstance(DATA.site.brand.logo, Placeholder) and DATA.site.brand.mark
    names = [problem.message for problem in release_problems(DATA, "")]
    assert any("'brand.logo' is still a placeholder" in name for name in names)
    assert any("'contact_nl.person' is still a placeholder" in name for name in names)


def test_short_title_is_short():
    for lang in LANGUAGES:
        assert len(DATA.site.short_name[lang].split()) <= 3 < len(DATA.site.name[lang].split())
