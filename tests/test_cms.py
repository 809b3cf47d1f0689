"""The web editor at /admin/: its configuration, its file formats (run in Node) and the built files."""
from __future__ import annotations

import difflib
import json
import re
import subprocess

import pytest
import yaml
from conftest import LANGUAGES, MKDOCS, ROOT, SITE_URL, TABLE

from wegweiser.cms import admin_settings, chapters_of, cms_config, entry_address, inline_common, load_words

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
COMMON = json.loads((ROOT / "data" / "common.schema.json").read_text(encoding="utf-8"))
SCHEMAS = {name: inline_common(json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8")), COMMON)
           for name in ("pilots", "glossary")}
CHAPTERS = chapters_of(TABLE)


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def config() -> dict:
    return cms_config(SCHEMAS, LABELS, CHAPTERS, words=load_words(ROOT),
                      site=yaml.safe_load(read("data/site.yaml")),
                      settings={**MKDOCS["extra"]["cms"], "site_url": SITE_URL})


def run_formats(cases: list[dict]) -> list[dict]:
    """The files webeditor/formats.js writes after the given edits of each entry's data."""
    result = subprocess.run(["node", str(ROOT / "tests" / "formats_check.mjs")], cwd=ROOT, text=True,
                            input=json.dumps({"cases": cases, "settings": admin_settings(LABELS, CHAPTERS, SCHEMAS)}),
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def chapter_files() -> list[str]:
    return sorted(path.relative_to(ROOT).as_posix() for lang in LANGUAGES
                  for path in (ROOT / "docs" / lang).rglob("*.md"))


def test_every_file_the_editor_opens_is_saved_back_unchanged():
    cases = [{"format": "markdown", "content": read(file)} for file in chapter_files()]
    cases += [{"format": "yaml", "content": read("data/pilots.yaml")},
              {"format": "yaml", "content": read("data/glossary.yaml")},
              {"format": "site", "content": read("data/site.yaml")}]
    files = chapter_files() + ["data/pilots.yaml", "data/glossary.yaml", "data/site.yaml"]
    for file, case, result in zip(files, cases, run_formats(cases), strict=True):
        assert result["file"] == case["content"], f"{file} changed on a save without edits"


def test_an_edit_changes_only_its_own_lines():
    pilots, site, chapter = read("data/pilots.yaml"), read("data/site.yaml"), read("docs/nl/erfolgsfaktoren.md")
    new_pilot = {"sector": "wood", "id": "tischlerei-emsland-salland", "form": "sales_partnership",
                 "year_started": 2020, "step_reached": "trial",
                 "partners": [{"country": "DE", "trade": "joinery", "size": "micro", "region": "emsland"},
                              {"country": "NL", "trade": "joinery", "size": "small", "region": "salland"}],
                 "benefits": ["market_entry"], "success_factors": ["trust", "communication"], "risk_factors": [],
                 "title": {"de": "Zwei Tischlereien", "nl": "Twee meubelmakerijen"},
                 "summary": {"de": "Kurz: zwei Betriebe.", "nl": "Kort: twee bedrijven."},
                 "story": {"de": "Erster Absatz.\n\nZweiter Absatz.", "nl": "Eerste alinea.\n\nTweede alinea."},
                 "lessons": {"de": ["Eine Lehre."], "nl": ["Een les."]}}
    body = chapter.split("\n---\n", 1)[1]
    paragraph = next(p for p in body.split("\n\n") if p.startswith("Of een samenwerking"))
    edited_title, added, phone, description, paragraph_edit = run_formats([
        {"format": "yaml", "content": pilots, "set": [[["pilots", 1, "title", "nl"], "Nieuwe titel"]]},
        {"format": "yaml", "content": pilots, "push": [[["pilots"], new_pilot]]},
        {"format": "site", "content": site, "set": [[["contact", "phone"], {"de": "+49 251 5203-0",
                                                                         "nl": "+49 251 5203-0"}]]},
        {"format": "markdown", "content": chapter, "set": [[["description"], "Nieuwe beschrijving: kort."]]},
        {"format": "markdown", "content": chapter, "set": [[["body"], body.replace(paragraph, "Een nieuwe alinea.")]]},
    ])
    assert changed_lines(pilots, edited_title["file"]) == (
        ["      nl: Ingenieursbureau en kunststofverwerker ontwikkelen samen"], ["      nl: Nieuwe titel"])
    removed, lines = changed_lines(pilots, added["file"])
    assert removed == [] and added["file"].startswith(pilots) and lines[0] == ""
    assert lines[1:3] == ["  - id: tischlerei-emsland-salland", "    sector: wood"]  # the schema's order
    assert "    benefits: [market_entry]" in lines
    assert "      de: |-" in lines and "    risk_factors: []" in lines
    assert yaml.safe_load(added["file"])["pilots"][-1] == new_pilot
    assert changed_lines(site, phone["file"]) == (
        ["  phone:", "    placeholder:", "      de: Telefonnummer der Kontaktperson",
         "      nl: telefoonnummer van de contactpersoon"], ["  phone: +49 251 5203-0"])
    assert changed_lines(chapter, description["file"]) == (
        [chapter.split("\n")[1]], ['description: "Nieuwe beschrijving: kort."'])
    assert changed_lines(chapter, paragraph_edit["file"]) == ([paragraph], ["Een nieuwe alinea."])


def test_chapters_are_listed_under_their_titles_in_both_languages():
    labels = run_formats([{"format": "markdown", "content": read(f"docs/{lang}/{page}")}
                          for lang in LANGUAGES for page in ("erfolgsweg/ziele.md", "erfolgsfaktoren.md")])
    assert [r["label"] for r in labels] == ["Ziele klären · Doelen bepalen", "Erfolgsfaktoren · Succesfactoren"] * 2


def test_the_pilot_form_comes_from_the_schema_with_labelled_choices():
    cms = config()
    assert "_missing_words" not in cms, f"data/cms.yaml lacks words for: {cms['_missing_words']}"
    assert cms["publish_mode"] == "editorial_workflow"
    assert cms["i18n"] == {"structure": "multiple_folders", "locales": ["de", "nl"], "default_locale": "de"}
    # Decap reads `format` of a collection only; the project's formats keep unedited YAML as it is.
    assert [(c["name"], c["format"]) for c in cms["collections"]] == [
        ("chapters", "wegweiser-markdown"), ("data", "wegweiser-yaml"), ("site", "wegweiser-site")]
    files = {f["name"]: f for f in cms["collections"][1]["files"]}
    pilot = {f["name"]: f for f in files["pilots"]["fields"][1]["fields"]}
    assert set(pilot) == set(SCHEMAS["pilots"]["$defs"]["pilot"]["properties"])
    assert pilot["story"]["fields"][0]["widget"] == "text" and pilot["title"]["fields"][1]["widget"] == "string"
    regions = {o["value"]: o["label"] for o in {f["name"]: f for f in pilot["partners"]["fields"]}["region"]["options"]}
    assert regions["grafschaft_bentheim"] == "Grafschaft Bentheim · Graafschap Bentheim"
    assert pilot["benefits"]["multiple"] and pilot["benefits"]["min"] == 1
    steps = {o["value"]: o["label"] for o in pilot["step_reached"]["options"]}
    assert steps["goals"] == "Ziele klären · Doelen bepalen"
    terms = {f["name"]: f for f in files["glossary"]["fields"]}["terms"]
    glossary_fields = {f["name"]: f for f in terms["fields"]}
    flags = {o["value"]: o["label"] for o in glossary_fields["flag"]["options"]}
    assert flags["equivalent"] == "entspricht sich · gelijkwaardig"

    def selects(fields):
        for field in fields:
            if field.get("widget") == "select":
                yield field
            yield from selects(field.get("fields", []))
    for field in selects(cms["collections"][1]["files"][0]["fields"] + cms["collections"][1]["files"][1]["fields"]):
        for option in field["options"]:
            assert option["label"] != option["value"], (field["name"], option)  # a label, never the raw key


def test_edit_links_address_the_editors_entries():
    assert entry_address("docs/nl/erfolgsweg/ziele.md") == "#/collections/chapters/entries/erfolgsweg/ziele"
    assert entry_address("data/pilots.yaml") == "#/collections/data/entries/pilots"
    assert entry_address("data/site.yaml") == "#/collections/site/entries/site"
    with pytest.raises(ValueError):
        entry_address("mkdocs.yml")


def test_the_built_admin_loads_only_its_own_files_and_readers_pages_carry_none_of_it(site):
    admin = site.root / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not re.match(r"[a-z]+:", s) and not s.startswith("//") for s in sources), sources
    for source in sources:
        assert (admin / source).resolve().is_file(), source
    assert "connect-src 'self' https://api.github.com" in page
    built = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert built["collections"][0]["name"] == "chapters" and built["backend"]["name"] == "github"
    for html in site.root.rglob("*.html"):
        if admin in html.parents:
            continue
        text = html.read_text(encoding="utf-8")
        assert "decap" not in text.lower() and "admin/decap" not in text, html
        assert not re.search(r'<script[^>]+src="[^"]*admin/', text), html
    assert "admin/" not in (site.root / "sitemap.xml").read_text(encoding="utf-8")
