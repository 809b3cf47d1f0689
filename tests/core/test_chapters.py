"""The chapters as editors write them: references to data, twins, sections, links, and what they
may render to. In-process and fast; 'make check' and the build run the same checks."""
from __future__ import annotations

import pytest
import yaml
from conftest import DATA, ROOT

from wegweiser.build import read_guide
from wegweiser.checks import chapter_problems, content_checker, rendered_problems
from wegweiser.references import PageProblems, substitute
from wegweiser.text import escape_markdown

RENDER = content_checker(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"])


def append(project, file: str, text: str) -> int:
    """Add text at the end of a chapter; return the line it starts on."""
    path = project / file
    old = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(old + "\n\n" + text + "\n", encoding="utf-8")
    return old.count("\n") + 3


def problems(project, rendered: bool = False, only: str | None = None) -> list[str]:
    """What the checks find; with `only` ('de/praxis.md') the rendered check looks at that chapter
    alone (and the stories), not at all 76."""
    data, chapters, table = read_guide(project)
    found = chapter_problems(data, table, chapters, project / "docs")
    if rendered:
        if only:
            lang, file = only.split("/", 1)
            chapters = {code: ({file: chapters[lang][file]} if code == lang else {}) for code in chapters}
        found += rendered_problems(chapters, data, RENDER)
    return [str(p) for p in found]


def test_the_real_chapters_pass_every_check():
    assert problems(ROOT, rendered=True) == []


def test_references_are_replaced_and_escaped():
    out = substitute("# {{ steps.goals }}\n\nMail: {{ contact.email }}, Tel. {{ contact.phone }}",
                     "nl", DATA, {}, "docs/nl/x.md")
    assert out.startswith("# Doelen bepalen\n")
    assert '<mark class="placeholder">[Nog in te vullen: telefoonnummer van de contactpersoon]</mark>' in out
    assert escape_markdown("<script>x</script> *y* [z](javascript:1) {: #a }") == \
        "&lt;script&gt;x&lt;/script&gt; \\*y\\* \\[z\\](javascript:1) \\{: \\#a \\}"


def test_unknown_references_are_named_with_file_and_line():
    with pytest.raises(PageProblems) as caught:
        substitute("Text\n\n{{ success_factors.luck }} and {{ broken", "de", DATA, {}, "docs/de/x.md", 5)
    lines = [str(p) for p in caught.value.problems]
    assert lines[0].startswith("docs/de/x.md:7: unknown reference '{{ success_factors.luck }}'")
    assert lines[1].startswith("docs/de/x.md:7: '{{' or '}}' without a valid reference")


def test_mail_links_and_placeholders_in_link_targets():
    out = substitute("Mail: {{ mail contact.email }} / {{ mail legal.email }}", "de", DATA, {}, "docs/de/x.md")
    address = DATA.site.value("contact", "email", "de")
    assert f"[{escape_markdown(str(address))}](mailto:{address})" in out
    assert '<mark class="placeholder">[Platzhalter: ' in out
    with pytest.raises(PageProblems) as caught:
        substitute("[Schreiben](mailto:{{ legal.email }})", "de", DATA, {}, "docs/de/x.md")
    assert [str(p) for p in caught.value.problems] == [
        "docs/de/x.md:1: '{{ legal.email }}' cannot stand inside a link target; write an e-mail link as "
        "{{ mail legal.email }}"]


@pytest.mark.parametrize("breakage,expected", [
    (lambda p: (p / "docs" / "nl" / "praxis.md").unlink(),
     "docs/nl/praxis.md: missing – docs/de/praxis.md needs its Dutch twin at the same path"),
    (lambda p: (p / "docs" / "de" / "neu.md").write_text("---\ndescription: Neu.\n---\n# Neu\n", encoding="utf-8"),
     "docs/de/neu.md: the page is not in data/pages.yaml"),
    (lambda p: append(p, "docs/nl/praxis.md", "Zie [hier](erfolgsfaktoren.md#geluk)."),
     "docs/nl/praxis.md:{line}: the link 'erfolgsfaktoren.md#geluk' points to a section that does not exist"),
    (lambda p: append(p, "docs/de/praxis.md", "Siehe [Pilot](pilots/gibt-es-nicht.md)."),
     "docs/de/praxis.md:{line}: the link 'pilots/gibt-es-nicht.md' leads nowhere"),
    (lambda p: append(p, "docs/de/praxis.md", "## Neuer Abschnitt {#new}"),
     "is missing in Dutch but '{#new}' in German"),
    (lambda p: (p / "docs" / "de" / "erfolgsfaktoren.md").write_text(
        (p / "docs" / "de" / "erfolgsfaktoren.md").read_text(encoding="utf-8").replace("{#trust}", "{#vertrauen}"),
        encoding="utf-8"), "docs/de/erfolgsfaktoren.md: no section '## … {#trust}' for the success factor 'trust'"),
])
def test_chapter_mistakes_are_named_with_file_and_line(project, breakage, expected):
    line = breakage(project)
    found = problems(project)
    assert any(expected.replace("{line}", str(line)) in problem for problem in found), found


@pytest.mark.parametrize("text,expected", [
    ("![Zähler](https://tracker.example/p.gif)", "'https://tracker.example/p.gif' would be loaded from another host"),
    ('<img src="//tracker.example/p.gif" alt="">', "would be loaded from another host"),
    ('<iframe src="https://video.example/x"></iframe>', "the element <iframe> is not allowed"),
    ('<script src="https://cdn.example/x.js"></script>', "the element <script> is not allowed"),
    ('<p style="background:url(https://t.example/b.png)">x</p>', "a style that loads a file"),
    ("[Klick](javascript:alert(1))", "the link 'javascript:alert(1)' is not allowed"),
    ('<a href="&#1;javascript:alert(1)">x</a>', "is not allowed; links must start with https://"),
    ('<a href=" \tjava\nscript:alert(1)">x</a>', "is not allowed; links must start with https://"),
    ('<p onclick="alert(1)">x</p>', "the attribute 'onclick' (a script) is not allowed"),
    ("Bild\n{: .mermaid }", "diagrams (class 'mermaid')"),
])
def test_scripts_and_other_hosts_in_a_chapter_are_refused_with_the_line(project, text, expected):
    line = append(project, "docs/de/praxis.md", text)
    found = problems(project, rendered=True, only="de/praxis.md")
    assert any(p.startswith((f"docs/de/praxis.md:{line}: ", f"docs/de/praxis.md:{line + 1}: ")) and expected in p
               for p in found), found


@pytest.mark.parametrize("story,expected", [
    ("[Klick](javascript:alert(1))", "the link 'javascript:alert(1)' is not allowed"),
    ("[Klick](\\u0001javascript:alert(1))", "is not allowed; links must start with https://"),
    ("[Klick][x]\\n\\n[x]: vbscript:msgbox", "the link 'vbscript:msgbox' is not allowed"),
])
def test_script_links_in_a_story_are_refused(project, story, expected):
    path = project / "data" / "pilots.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    story:\n      de: |\n")
    end = text.index("      nl: |\n", start)
    # Double quotes: YAML's escapes are how a control character would reach the story.
    path.write_text(text[:start] + f'    story:\n      de: "{story}"\n' + text[end:], encoding="utf-8")
    data, chapters, _ = read_guide(project)
    no_chapters = {lang: {} for lang in chapters}  # the stories are what this test changes
    found = [str(p) for p in rendered_problems(no_chapters, data, RENDER)]
    assert any(expected in p and "field 'story.de'" in p for p in found), found
