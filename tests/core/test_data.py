"""The data files as editors write them: every mistake named with file, line, record and field –
all at once, never a traceback – and nothing hostile accepted. In-process and fast: no builds."""
from __future__ import annotations

import shutil
import time

import pytest
from conftest import ROOT, replace_once

from wegweiser.data import load_data
from wegweiser.models import Placeholder
from wegweiser.problems import DataError
from wegweiser.references import lookup

FIXTURE = ROOT / "tests" / "fixtures" / "two-pilots.yaml"


@pytest.fixture
def project(tmp_path):
    """data/ and docs/ of the project, with the two-pilot fixture as data/pilots.yaml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(FIXTURE, tmp_path / "data" / "pilots.yaml")
    return tmp_path


def edit(project, name: str, old: str, new: str) -> int:
    """Replace text in data/<name>.yaml once; return the line number of the change."""
    return replace_once(project / "data" / f"{name}.yaml", old, new)


def problems(project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data(project)
    return [str(p) for p in caught.value.problems]


def test_real_data_and_fixture_are_valid(project):
    assert [p.id for p in load_data(project).pilots.pilots] == ["metallbau-twente", "holz-achterhoek"]
    data = load_data(ROOT)
    assert len(data.pilots.pilots) >= 10 and len(data.glossary.terms) >= 30
    assert [s.number for s in data.labels.steps] == list(range(1, len(data.labels.steps) + 1))
    assert lookup(data, "success_factors.trust", "nl") == "Vertrouwen"
    assert isinstance(lookup(data, "legal.postcode", "de"), Placeholder)


@pytest.mark.parametrize("name,old,new,expected", [
    ("pilots", "      nl: Metaalconstructie ontmoet machinebouw\n", "",
     "record 'metallbau-twente', field 'pilots[0].title': the Dutch text ('nl') is missing"),
    ("pilots", "      nl: Ze delen opdrachten en machines.", "      nl: '   '",
     "record 'holz-achterhoek', field 'pilots[1].story.nl': the text is blank"),
    ("pilots", "  - id: holz-achterhoek", "  - id: metallbau-twente",
     "field 'pilots[1].id': the id 'metallbau-twente' is already used by entry 1"),
    ("pilots", "    sector: wood", "    sector: forestry",
     "record 'holz-achterhoek', field 'pilots[1].sector': unknown key 'forestry'; expected one of the "
     "sectors in data/labels.yaml: metalworking,"),
    ("pilots", "    step_reached: trial", "    step_reached: trail",
     "field 'pilots[0].step_reached': unknown key 'trail'; expected one of the steps in data/labels.yaml"),
    ("pilots", "    risk_factors: [language]", "    risk_factors: [language]\n    colour: blue",
     "record 'metallbau-twente', field 'pilots[0].colour': unknown field 'colour'; expected one of: id,"),
    ("pilots", "        region: twente", "        region: emsland",
     "field 'pilots[0].partners[1].region': the region 'emsland' lies in DE, but the partner's country is NL"),
    ("pilots", "      nl: [Neem de tijd.]", "      nl: [Neem de tijd., Praat veel.]",
     "record 'holz-achterhoek', field 'pilots[1].lessons': the German list has 1 lessons, the Dutch list 2"),
    ("pilots", "  - id: holz-achterhoek", "  - id: Holz_Achterhoek",
     "field 'pilots[1].id': expected lower-case letters, digits and hyphens"),
    ("labels", "    nl: Vertrouwen\n", "",
     "field 'success_factors.trust': the Dutch text ('nl') is missing"),
    ("labels", "    de: Sprachbarrieren\n", "    de: '  '\n",
     "field 'risk_factors.language.de': the text is blank"),
    ("labels", "  edit_page:\n    de: Seite bearbeiten\n    nl: Pagina bewerken\n", "",
     "field 'ui': the field 'edit_page' is missing"),
    ("site", "  person: Thomas Melchert", "  person: [Thomas, Melchert]",
     "field 'contact.person': expected a text for both languages, a pair de/nl, or a placeholder"),
    ("glossary", "    flag: no_equivalent", "    flag: maybe",
     "record 'handwerkskammer', field 'terms[0].flag': expected one of equivalent, approximate"),
    ("glossary", "  - id: handwerksrolle\n", "  - id: handwerkskammer\n",
     "field 'terms[1].id': the id 'handwerkskammer' is already used by entry 1"),
    ("selfcheck", "factor: clear_goals", "factor: luck",
     "record 'goals-written', field 'questions[0].factor': unknown factor 'luck'; expected a key of "
     "success_factors or risk_factors"),
    ("pages", "slug: {de: praxis, nl: praktijk}", "slug: {de: praxis, nl: praxis}",
     "record 'practice', field 'pages[6].slug.nl': the Dutch address repeats the German 'praxis'"),
    ("pages", "slug: {de: praxis, nl: praktijk}", "slug: {de: praxis, nl: project}",
     "field 'pages[8].slug.nl': the address '/nl/project' is already used by the page 'practice'"),
    ("pages", "step: trial,", "step: triall,",
     "record 'trial', field 'pages[1].pages[3].step': unknown key 'triall'"),
    ("pages", "slug: {de: praxis, nl: praktijk}", "slug: {de: Praxis!, nl: praktijk}",
     "field 'pages[6].slug.de': expected lower-case letters, digits and hyphens, e.g. 'succesfactoren', "
     "found 'Praxis!'"),
])
def test_each_mistake_is_named_with_file_line_record_and_field(project, name, old, new, expected):
    line = edit(project, name, old, new)
    found = problems(project)
    assert any(expected in problem for problem in found), found
    problem = next(p for p in found if expected in p)
    assert problem.startswith(f"data/{name}.yaml:"), problem
    if "is missing" not in expected:  # a missing field is named on the line of its parent
        assert abs(int(problem.split(":")[1]) - line) <= 3, (problem, line)


def test_all_problems_of_all_files_are_reported_at_once(project):
    edit(project, "pilots", "    sector: wood", "    sector: forestry")
    edit(project, "pilots", "      nl: Twee interieurbouwers werken samen\n", "")
    edit(project, "glossary", "    flag: no_equivalent", "    flag: maybe")
    edit(project, "labels", "    de: Sprachbarrieren\n", "    de: '  '\n")
    found = problems(project)
    assert len(found) == 4, found
    assert {p.split(":")[0] for p in found} == {"data/pilots.yaml", "data/glossary.yaml", "data/labels.yaml"}


def test_each_missing_field_is_named(project):
    edit(project, "pilots", "    sector: wood\n    form: project_cooperation\n", "")
    assert sorted(p.split(": ", 2)[-1] for p in problems(project)) == [
        "the field 'form' is missing", "the field 'sector' is missing"]


@pytest.mark.parametrize("text,expected", [
    ("Metallbau trifft <script>alert(1)</script>", "'<' and '>' are not allowed here"),
    ("Metallbau &lt;b&gt; trifft", "HTML entities such as '&amp;' are not allowed"),
    ("Metallbau \\u0007 trifft", "the text contains an invisible control character"),
    ("Metallbau\\u2028trifft", "the text contains an invisible control character"),
])
def test_markup_and_control_characters_in_text_are_refused(project, text, expected):
    edit(project, "pilots", "      de: Metallbau trifft Maschinenbau", f'      de: "{text}"')
    found = problems(project)
    assert len(found) == 1 and "field 'pilots[0].title.de'" in found[0] and expected in found[0], found


@pytest.mark.parametrize("story,expected", [
    ("<img src=x onerror=alert(1)>", "'<' and '>' are not allowed here"),
    ("[Klick](java&#115;cript:alert(1))", "HTML entities such as '&amp;' are not allowed"),
    ("Text {: onclick='alert(1)' }", "curly braces are not allowed in a story"),
    ("# Neue Überschrift", "headings are not allowed in a story"),
    ("![Zähler](https://tracker.example/p.gif)", "images are not allowed in a story"),
])
def test_markup_smuggled_through_a_story_is_refused(project, story, expected):
    edit(project, "pilots", "      de: Sie teilen Aufträge und Maschinen.", f'      de: "{story}"')
    found = problems(project)
    assert any(expected in p and "record 'holz-achterhoek'" in p for p in found), found


@pytest.mark.parametrize("content,expected", [
    ("pilots: [\n", "data/pilots.yaml:2:1: YAML syntax error"),
    ("", "data/pilots.yaml:1: the file is empty"),
    ("notice: {de: a, nl: b}\n", "data/pilots.yaml:1:1: the field 'pilots' is missing"),
    ("pilots: []\npilots: []\n", "data/pilots.yaml:2:1: YAML syntax error: the key 'pilots' appears twice"),
])
def test_broken_files(project, content, expected):
    (project / "data" / "pilots.yaml").write_text(content, encoding="utf-8")
    found = problems(project)
    assert found == [found[0]] and expected in found[0], found


def test_missing_and_undecodable_files(project):
    path = project / "data" / "pilots.yaml"
    path.write_bytes(FIXTURE.read_bytes().replace(b"Metallbau trifft", b"Metallbau tr\xfcfft"))
    assert "data/pilots.yaml:24: the file is not valid UTF-8 text" in problems(project)[0]
    path.unlink()
    assert problems(project) == ["data/pilots.yaml: the file is missing"]


def test_an_alias_bomb_is_refused_at_once_before_anything_is_expanded(project):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    for name in ("pilots", "glossary"):
        (project / "data" / f"{name}.yaml").write_text(bomb + "pilots: []\n", encoding="utf-8")
    start = time.perf_counter()
    found = problems(project)
    assert time.perf_counter() - start < 2
    assert "data/pilots.yaml:1:4: anchors and aliases ('&name', '*name') are not allowed" in found[0], found
    assert any(p.startswith("data/glossary.yaml:1:4: anchors and aliases") for p in found), found


def test_tags_are_refused(project):
    edit(project, "pilots", "    sector: wood", "    sector: !!python/name:os.system wood")
    assert any("the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed" in p for p in problems(project))
