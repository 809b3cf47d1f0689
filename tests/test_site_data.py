"""What an editor sees when a data file or a chapter is wrong: file, line, field – never a traceback."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, copy_project, run_mkdocs
from datafiles import DataError, load_yaml
from checks import missing_twins
from placeholders import PageProblems, escape_text, substitute
from sitedata import Placeholder, load_site_data


@pytest.fixture
def project(tmp_path):
    """A copy of data/ and docs/ to break on purpose."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def problems_of(project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(project)
    return [str(p) for p in caught.value.problems]


def test_real_data_loads():
    data = load_site_data(ROOT)
    assert [s.number for s in data.steps] == list(range(1, len(data.steps) + 1))
    assert data.lookup("success_factors.trust", "nl") == "Vertrouwen"
    assert isinstance(data.lookup("legal.postcode", "de"), Placeholder)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb: [unclosed\nc: 3\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_yaml(path, "data/x.yaml")
    message = str(caught.value)
    assert "data/x.yaml:3:" in message and "YAML syntax error" in message


@pytest.mark.parametrize("content,expected", [
    (b"", "data/x.yaml:1: the file is empty"),
    (b"a: 1\nb: \xff\xfe\n", "data/x.yaml:2: the file is not valid UTF-8 text"),
    (b"a: 1\nb: 2\na: 3\n", "data/x.yaml:3:1: YAML syntax error:"),
])
def test_unreadable_files_are_explained(tmp_path, content, expected):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_yaml(path, "data/x.yaml")
    assert expected in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load_yaml(tmp_path / "none.yaml", "data/none.yaml")
    assert str(caught.value.problems[0]) == "data/none.yaml: the file is missing"


def test_all_label_problems_are_reported_at_once(project):
    labels = project / "data" / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    text = text.replace("    nl: Vertrouwen\n", "", 1)  # trust without Dutch
    text = text.replace("    de: Sprachbarrieren\n", "    de: '  '\n", 1)  # blank German
    text = text.replace("page: erfolgsweg/ziele.md", "page: erfolgsweg/fehlt.md", 1)
    labels.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    problems = problems_of(project)
    trust_line = lines.index("  trust:") + 1
    assert f"data/labels.yaml:{trust_line}:3: record 'trust', field 'success_factors.trust': " \
           "the Dutch text ('nl') is missing or blank" in problems
    assert any("record 'language', field 'risk_factors.language.de': the German text" in p for p in problems)
    assert any("field 'steps[0].page': the page docs/de/erfolgsweg/fehlt.md does not exist" in p
               for p in problems)
    assert len(problems) == 4  # the missing page is reported for both languages


def test_site_value_of_wrong_type(project):
    site = project / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "  person: Thomas Melchert", "  person: [Thomas, Melchert]"), encoding="utf-8")
    problems = problems_of(project)
    assert len(problems) == 1
    assert "record 'person', field 'contact.person': expected a text, a mapping with 'de' and 'nl'" \
        in problems[0]


def test_references_are_replaced_and_escaped():
    data = load_site_data(ROOT)
    out = substitute("# {{ steps.goals }}\n\nMail: {{ contact.email }}, Tel. {{ contact.phone }}",
                     "nl", data, {}, "docs/nl/x.md")
    assert out.startswith("# Doelen bepalen\n")
    assert '<mark class="placeholder">[Nog in te vullen: telefoonnummer van de contactpersoon]</mark>' in out
    assert escape_text("<script>x</script> *y* [z](javascript:1)") == \
        "&lt;script&gt;x&lt;/script&gt; \\*y\\* \\[z\\](javascript:1)"


def test_unknown_reference_names_file_and_line():
    data = load_site_data(ROOT)
    with pytest.raises(PageProblems) as caught:
        substitute("Text\n\n{{ success_factors.luck }} and {{ broken", "de", data, {}, "docs/de/x.md")
    lines = caught.value.lines
    assert lines[0].startswith("docs/de/x.md:3: unknown reference '{{ success_factors.luck }}'")
    assert lines[1].startswith("docs/de/x.md:3: '{{' or '}}' without a valid reference")


def test_missing_twin_is_named(project):
    (project / "docs" / "nl" / "praxis.md").unlink()
    assert missing_twins(project / "docs") == [
        "docs/nl/praxis.md is missing: docs/de/praxis.md needs its Dutch twin at the same path"]


@pytest.mark.parametrize("breakage,expected", [
    (lambda p: (p / "docs" / "de" / "bestellen.md").unlink(),
     "docs/de/bestellen.md is missing: docs/nl/bestellen.md needs its German twin"),
    (lambda p: (p / "data" / "labels.yaml").write_text("steps: [\n", encoding="utf-8"),
     "data/labels.yaml:2:1: YAML syntax error"),
    (lambda p: (p / "docs" / "nl" / "praxis.md").write_text("---\ndescription: x\n---\n# {{ legal.nobody }}\n", encoding="utf-8"),
     "docs/nl/praxis.md:4: unknown reference '{{ legal.nobody }}'"),
    (lambda p: (p / "data" / "pilots.yaml").write_text("pilots:\n  - id: Kaputt\n", encoding="utf-8"),
     "data/pilots.yaml:2:5: record 'Kaputt', field 'pilots[0].id': expected lower-case letters"),
    (lambda p: (p / "data" / "pilots.yaml").unlink(), "data/pilots.yaml: the file is missing"),
    (lambda p: (p / "docs" / "de" / "praxis.md").write_text(
        "---\ndescription: Recht: kurz\n---\n# Praxis\n", encoding="utf-8"),
     "docs/de/praxis.md:2: the front matter between the '---' lines is not valid YAML"),
])
def test_build_stops_with_a_clear_message(tmp_path, breakage, expected):
    project = copy_project(tmp_path)
    breakage(project)
    result = run_mkdocs("build", "--strict", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output
    assert "Traceback" not in output


def test_mail_links_and_placeholders_in_link_targets():
    data = load_site_data(ROOT)
    out = substitute("Mail: {{ mail contact.email }} / {{ mail legal.email }}", "de", data, {}, "docs/de/x.md")
    assert "[thomas.melchert@hwk-muenster.de](mailto:thomas.melchert@hwk-muenster.de)" in out
    assert '<mark class="placeholder">[Platzhalter: allgemeine E-Mail-Adresse' in out
    with pytest.raises(PageProblems) as caught:
        substitute("[Schreiben](mailto:{{ legal.email }})", "de", data, {}, "docs/de/x.md")
    assert caught.value.lines == ["docs/de/x.md:1: '{{ legal.email }}' cannot stand inside a link target; "
                                  "write an e-mail link as {{ mail legal.email }}"]


def test_every_interface_label_the_code_uses_is_required_of_the_data():
    import re
    from sitedata import REQUIRED_UI

    code = "".join(path.read_text(encoding="utf-8") for folder in ("hooks", "overrides")
                   for path in (ROOT / folder).rglob("*") if path.suffix in (".py", ".html"))
    used = set(re.findall(r"""ui(?:_strings\([^)]*\))?\[["']([a-z_]+)["']\]|ui\.([a-z_]+)""", code))
    used = {a or b for a, b in used} - {"de", "nl", "get", "items"}
    assert used <= set(REQUIRED_UI), used - set(REQUIRED_UI)


def test_a_missing_interface_label_is_named(project):
    labels = project / "data" / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text.replace("  edit_page:\n    de: Seite bearbeiten\n    nl: Pagina bewerken\n", ""),
                      encoding="utf-8")
    assert any("the label 'edit_page' is missing" in problem for problem in problems_of(project))
