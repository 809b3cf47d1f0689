"""The editors' style sheet, as far as it is mechanical: quote marks per language and 'hebt u'.

make check reports each breach with file and line (wegweiser/style.py)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, replace_once

from wegweiser import style
from wegweiser.style import line_problems


def style_problems(root) -> list[str]:
    return [str(problem) for problem in style.style_problems(root)]


replace = replace_once


def test_the_project_follows_its_style_sheet():
    assert style_problems(ROOT) == []


def test_heeft_u_in_a_dutch_chapter_is_named_with_file_and_line(project):
    page = project / "docs" / "nl" / "bestellen.md"
    line = replace(page, "Wilt u beide taalversies", "Heeft u beide taalversies nodig of wilt u")
    assert style_problems(project) == [f"docs/nl/bestellen.md:{line}: 'heeft u' addressing the reader: write 'hebt u'"]


def test_a_german_quote_in_dutch_data_is_named_at_the_line_of_the_value(project):
    labels = project / "data" / "labels.yaml"
    line = replace(labels, "    nl: Vorige stap\n", "    nl: „Vorige stap”\n")
    found = style_problems(project)
    assert len(found) == 1 and found[0].startswith(f"data/labels.yaml:{line}: German low quote marks"), found


def test_dutch_quotes_in_a_german_chapter_are_refused(project):
    page = project / "docs" / "de" / "bestellen.md"
    line = replace(page, "Den Leitfaden „Wegweiser", "Den Leitfaden “Wegweiser")
    found = style_problems(project)
    assert found == [f"docs/de/bestellen.md:{line}: “ opens a quote: German quotes open with „ and close with “"]


def test_a_quote_in_a_multi_line_story_is_found_on_its_own_line(project):
    pilots = project / "data" / "pilots.yaml"
    line = replace(pilots, "Het begon met een capaciteitsprobleem.", 'Het begon met "een capaciteitsprobleem".')
    found = style_problems(project)
    assert found == [f'data/pilots.yaml:{line}: straight quotes "…": write Dutch quotes “…”'], found


@pytest.mark.parametrize("text,lang", [
    ("Wilt u de pagina's met zo'n check 's avonds lezen?", "nl"),  # apostrophes, not quotes
    ("De “termijn” staat in het citaat “zoals ‘dit’ en ‘dat’”.", "nl"),
    ("Ein „Termin“ steht im Zitat „wie ‚hier‘ und ‚dort‘“.", "de"),
])
def test_apostrophes_and_nested_quotes_are_allowed(text, lang):
    assert line_problems(text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    ("Een 'vrijblijvende' afspraak.", "nl", "straight ' used as a quote mark"),
    ("Een ‘vrijblijvende’ afspraak.", "nl", "single quotes ‘…’ are only for a quote inside a quote"),
    ("Die »Zweckgemeinschaft«.", "de", "guillemets are not used"),
    ('Der "Erfolgsweg".', "de", 'straight quotes "…"'),
    ("Ein ‚Treffen‘ ohne Zitat.", "de", "single quotes ‚…‘ are only for a quote inside a quote"),
])
def test_wrong_quote_marks_are_named(text, lang, expected):
    found = line_problems(text, lang)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_make_check_reports_the_style_problem(project):
    """tools/check.py runs the style check; --no-spelling keeps this test independent of hunspell."""
    for part in ("tools", "mkdocs.yml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    line = replace(project / "docs" / "nl" / "bestellen.md", "Wilt u beide taalversies",
                   "Heeft u beide taalversies nodig of wilt u")
    result = subprocess.run([sys.executable, "tools/check.py", "--no-spelling"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"docs/nl/bestellen.md:{line}: 'heeft u' addressing the reader" in result.stdout
