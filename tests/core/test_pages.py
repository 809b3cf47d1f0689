"""The page table: the one answer to where a page lives, in German and in Dutch."""
from __future__ import annotations

import posixpath

from conftest import DATA, TABLE

from wegweiser.languages import LANGUAGES

# Words spelt the same in both languages; pilot ids are names.
SAME_IN_BOTH = {"bestellen"} | {pilot.id for pilot in DATA.pilots.pilots}


def test_every_page_has_an_address_in_each_language_and_dutch_ones_are_dutch():
    addresses = {lang: [page.path[lang] for page in TABLE] for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert len(set(addresses[lang])) == len(addresses[lang]), "no two pages share an address"
    for page in TABLE:
        assert page.path["nl"].startswith("nl/") and not page.path["de"].startswith("nl/")
        german = set(page.path["de"].strip("/").split("/")) - {""}
        dutch = set(page.path["nl"].removeprefix("nl/").strip("/").split("/")) - {""}
        assert not (german & dutch) - SAME_IN_BOTH, (page.id, page.path)


def test_navigation_follows_data_pages_yaml_in_each_language():
    nav = TABLE.nav("nl")
    assert nav[0] == {"Startpagina": "nl/index.md"}
    section = nav[1]["De succesroute"]
    assert section[0] == "nl/erfolgsweg/index.md" and len(section) == 1 + len(DATA.labels.steps)
    listed = [item if isinstance(item, str) else next(iter(item.values())) for item in nav]
    assert "nl/impressum.md" not in listed and "nl/pilots/index.md" in listed
    assert not any(str(item).startswith("nl/pilots/") and item != "nl/pilots/index.md" for item in listed)


def test_links_between_pages_are_relative_and_lead_to_the_right_address():
    for page in TABLE:
        for target in (TABLE.get("start"), TABLE.get("glossary"), TABLE.for_step("trial")):
            for lang in LANGUAGES:
                href = TABLE.href(page, target, lang, "x")
                resolved = posixpath.normpath(posixpath.join("/" + page.path[lang], href.split("#")[0]))
                assert resolved.rstrip("/") + "/" == ("/" + target.path[lang]).rstrip("/") + "/" or \
                    (target.path[lang] in ("", "nl/") and resolved in ("/", "/nl")), (page.id, target.id, href)
                assert href.endswith("#x") and not href.startswith("/")


def test_each_step_and_factor_group_has_its_page_and_pilots_sit_below_the_overview():
    assert [TABLE.for_step(step.key).step for step in DATA.labels.steps] == [s.key for s in DATA.labels.steps]
    assert TABLE.for_sections("success_factors").id == "success-factors"
    overview = TABLE.generated("pilots")
    for pilot in DATA.pilots.pilots:
        page = TABLE.pilot(pilot.id)
        assert all(page.path[lang] == f"{overview.path[lang]}{pilot.id}/" for lang in LANGUAGES)
        assert not page.in_nav and page.source("nl") == "data/pilots.yaml"


def test_the_sitemap_pairs_every_public_page_with_its_twin():
    entries = TABLE.sitemap("https://example.org/", lambda page, lang: None)
    public = [page for page in TABLE if page.search]
    assert len(entries) == 2 * len(public)
    for entry in entries:
        languages = {alternate["lang"]: alternate["href"] for alternate in entry["alternates"]}
        assert set(languages) == {"de", "nl", "x-default"} and entry["loc"] in languages.values()
