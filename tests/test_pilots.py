"""Pilot records: every editor mistake gets its exact message; text from YAML never becomes markup."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from datafiles import DataError
from pilots import load_pilots
from sitedata import load_site_data

FIXTURE = ROOT / "tests" / "fixtures" / "two-pilots.yaml"


@pytest.fixture(scope="module")
def site_data():
    return load_site_data(ROOT)


@pytest.fixture
def project(tmp_path):
    """data/ with the two-pilot fixture as data/pilots.yaml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(FIXTURE, tmp_path / "data" / "pilots.yaml")
    return tmp_path


def edit(project, old: str, new: str, count: int = 1) -> int:
    """Replace text in data/pilots.yaml; return the line number of the first change."""
    path = project / "data" / "pilots.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(project, site_data) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_pilots(project, site_data)
    return [str(p) for p in caught.value.problems]


def test_fixture_and_real_data_are_valid(project, site_data):
    assert [p.id for p in load_pilots(project, site_data).pilots] == ["metallbau-twente", "holz-achterhoek"]
    real = load_pilots(ROOT, site_data)
    assert len(real.pilots) >= 10


@pytest.mark.parametrize("old,new,expected", [
    ("      nl: Metaalconstructie ontmoet machinebouw\n", "",
     "record 'metallbau-twente', field 'pilots[0].title': the field 'nl' is missing"),
    ("      nl: Ze delen opdrachten en machines.", "      nl: '   '",
     "record 'holz-achterhoek', field 'pilots[1].story.nl': the text is blank"),
    ("  - id: holz-achterhoek", "  - id: metallbau-twente",
     "record 'metallbau-twente', field 'pilots[1].id': the id 'metallbau-twente' is already used by pilot 1"),
    ("    sector: wood", "    sector: forestry",
     "record 'holz-achterhoek', field 'pilots[1].sector': unknown key 'forestry'; expected one of the "
     "sectors in data/labels.yaml: metalworking,"),
    ("    benefits: [pool_resources, market_entry]", "    benefits: pool_resources",
     "record 'metallbau-twente', field 'pilots[0].benefits': expected a list, found a text"),
    ("    step_reached: trial", "    step_reached: trail",
     "field 'pilots[0].step_reached': unknown key 'trail'; expected one of the steps in data/labels.yaml"),
    ("    risk_factors: [language]", "    risk_factors: [language]\n    colour: blue",
     "record 'metallbau-twente', field 'pilots[0].colour': unknown field 'colour'; expected one of: id,"),
    ("        region: twente", "        region: emsland",
     "field 'pilots[0].partners[1].region': the region 'emsland' lies in DE, but the partner's country is NL"),
    ("      nl: [Neem de tijd.]", "      nl: [Neem de tijd., Praat veel.]",
     "record 'holz-achterhoek', field 'pilots[1].lessons': the German list has 1 lessons, the Dutch list 2"),
])
def test_each_mistake_is_named_with_file_line_record_and_field(project, site_data, old, new, expected):
    line = edit(project, old, new)
    found = problems(project, site_data)
    assert len(found) == 1, found
    assert found[0].startswith("data/pilots.yaml:"), found[0]
    assert expected in found[0]
    reported_line = int(found[0].split(":")[1])
    assert abs(reported_line - line) <= 3, (found[0], line)


def test_all_problems_are_reported_at_once(project, site_data):
    edit(project, "    sector: wood", "    sector: forestry")
    edit(project, "    benefits: [pool_resources, market_entry]", "    benefits: soon")
    edit(project, "      nl: Twee interieurbouwers werken samen\n", "")
    found = problems(project, site_data)
    assert len(found) == 3, found


@pytest.mark.parametrize("field_text,expected", [
    ("      de: Metallbau trifft <script>alert(1)</script>",
     "field 'pilots[0].title.de': '<' and '>' are not allowed here"),
    ("      de: Metallbau &lt;b&gt; trifft",
     "field 'pilots[0].title.de': HTML entities such as '&amp;' are not allowed"),
])
def test_markup_in_one_line_fields_is_refused(project, site_data, field_text, expected):
    edit(project, "      de: Metallbau trifft Maschinenbau", field_text)
    found = problems(project, site_data)
    assert len(found) == 1 and expected in found[0], found


@pytest.mark.parametrize("story,expected", [
    ("<img src=x onerror=alert(1)>", "raw HTML is not allowed in a story"),
    ("[Klick](javascript:alert(1))", "links starting with 'javascript:' are not allowed"),
    ("[Klick](java&#115;cript:alert(1))", "HTML entities such as '&lt;' are not allowed"),
    ("[Klick][x]\\n\\n[x]: vbscript:msgbox", "links starting with 'vbscript:' are not allowed"),
    ("Text {: onclick='alert(1)' }", "curly braces are not allowed in a story"),
    ("# Neue Überschrift", "headings are not allowed in a story"),
])
def test_script_smuggled_through_markdown_is_refused(project, site_data, story, expected):
    edit(project, "      de: Sie teilen Aufträge und Maschinen.", f'      de: "{story}"')
    found = problems(project, site_data)
    assert any(expected in p and "record 'holz-achterhoek'" in p for p in found), found


@pytest.mark.parametrize("content,expected", [
    ("pilots: [\n", "data/pilots.yaml:2:1: YAML syntax error"),
    ("", "data/pilots.yaml:1: the file is empty"),
    ("notice: {de: a, nl: b}\n", "data/pilots.yaml:1:1: the field 'pilots' is missing"),
])
def test_broken_files(project, site_data, content, expected):
    (project / "data" / "pilots.yaml").write_text(content, encoding="utf-8")
    found = problems(project, site_data)
    assert found == [found[0]] and expected in found[0], found


def test_missing_and_undecodable_files(project, site_data):
    path = project / "data" / "pilots.yaml"
    source = FIXTURE.read_bytes()
    line = source[: source.index(b"Metallbau trifft")].count(b"\n") + 1
    path.write_bytes(source.replace(b"Metallbau trifft", b"Metallbau tr\xfcfft"))
    assert f"data/pilots.yaml:{line}: the file is not valid UTF-8 text" in problems(project, site_data)[0]
    path.unlink()
    assert problems(project, site_data) == ["data/pilots.yaml: the file is missing"]


def test_allowed_text_with_markdown_characters_stays_literal(tmp_path, site_data):
    """Characters that mean something in Markdown or attr_list appear as typed, in the page and <title>."""
    from conftest import copy_project, run_mkdocs

    project = copy_project(tmp_path / "project")
    hostile = "Metall | Maschinen {: #x onclick=y } *kursiv* [link](https://x.example) # Ende"
    path = project / "data" / "pilots.yaml"
    text = path.read_text(encoding="utf-8")
    first_title = text.split("    title:\n      de: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"      de: {first_title}", f"      de: '{hostile}'", 1), encoding="utf-8")
    result = run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    pilot_id = yaml_first_id(path)
    from bs4 import BeautifulSoup
    folder = site_data.ui["pilots_folder"]["de"]
    soup = BeautifulSoup((tmp_path / "site" / folder / pilot_id / "index.html").read_text("utf-8"), "html.parser")
    h1 = soup.select_one("article h1")
    assert h1.find(string=True, recursive=False).strip() == hostile
    assert not h1.find("em") and not h1.find("a", class_=lambda c: c != "headerlink")
    assert not soup.find(attrs={"onclick": True})
    assert soup.title.string.startswith(hostile)


def yaml_first_id(path) -> str:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))["pilots"][0]["id"]


def test_last_line_of_defence_finds_markup_in_rendered_pages():
    from generated import unsafe_markup

    assert unsafe_markup('<p>onclick=y &lt;script&gt;</p><a href="https://x.example">x</a>') == []
    assert unsafe_markup('<a href=" JavaScript:alert(1)">x</a><img src=x onerror=alert(1)><script>') == [
        "href=JavaScript:", "onerror=", "<script>"]


def test_each_missing_field_is_named(project, site_data):
    edit(project, "    sector: wood\n    form: project_cooperation\n", "")
    found = problems(project, site_data)
    assert sorted(p.split(": ", 2)[-1] for p in found) == ["the field 'form' is missing",
                                                          "the field 'sector' is missing"]
