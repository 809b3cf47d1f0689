"""What editors rely on: the quick check, the translation status, "Stand" and "Seite bearbeiten"."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from urllib.parse import urljoin

import check as check_tool  # tools/check.py (pytest's pythonpath)
import pytest
from conftest import EDITOR_PAGES, LANGUAGES, MKDOCS, ROOT, SITE_URL, TABLE, Site, copy_project, page_path, run_mkdocs

from wegweiser.cms import entry_address

# "Seite bearbeiten" opens the page's entry in the web editor at /admin/.
EDIT_BASE = urljoin(SITE_URL, MKDOCS["extra"]["edit_base"])
DATE = {"de": re.compile(r"^Stand: \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}$"),
        "nl": re.compile(r"^Bijgewerkt op \d{1,2} [a-z]+ \d{4}$")}


def source_of(lang: str, page: str) -> str | None:
    """The file an editor changes to change a page (from the page table)."""
    entry = next(p for p in TABLE if p.path[lang] == ("" if lang == "de" else "nl/") + page)
    return entry.source(lang)


def test_every_page_says_when_it_changed_and_links_to_its_own_source(site):
    for lang in LANGUAGES:
        for page in site.pages[lang]:
            info = site.soup(site.file_of(lang, page)).select_one("article .page-info")
            if page == EDITOR_PAGES[lang]:
                assert info is None or not info.select("a")
                continue
            assert info is not None, (lang, page)
            assert DATE[lang].match(info.span.get_text(strip=True)), (lang, page, info.span)
            assert info.a["href"] == EDIT_BASE + entry_address(source_of(lang, page)), (lang, page)


def commit(repo, message, when):
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, env=env, check=True)


@pytest.fixture
def repo(tmp_path):
    project = copy_project(tmp_path / "repo")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit(project, "start", "2026-01-01T10:00:00Z")
    return project


def status(repo) -> str:
    result = subprocess.run([sys.executable, "tools/translation_status.py"], cwd=repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_change_in_one_language_shows_until_its_twin_changes(repo):
    assert "in step" in status(repo)
    praxis = repo / "docs" / "de" / "praxis.md"
    praxis.write_text(praxis.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    commit(repo, "German only", "2026-02-01T10:00:00Z")
    pilots = repo / "data" / "pilots.yaml"
    data = pilots.read_text(encoding="utf-8")
    first_nl_title = data.split("    title:\n", 1)[1].split("\n")[1]
    pilots.write_text(data.replace(first_nl_title, first_nl_title + " (herzien)", 1), encoding="utf-8")
    commit(repo, "Dutch title of a pilot", "2026-03-01T10:00:00Z")
    lines = status(repo).splitlines()
    assert lines[0].startswith("2026-03-01  data/pilots.yaml, pilot '") and "(nl) changed after" in lines[0]
    assert lines[1] == "2026-02-01  docs/de/praxis.md changed after docs/nl/praxis.md (2026-01-01)"

    dutch = repo / "docs" / "nl" / "praxis.md"
    dutch.write_text(dutch.read_text(encoding="utf-8").replace("---\n", "---\ntranslation: pending\n", 1),
                     encoding="utf-8")
    commit(repo, "mark pending", "2026-01-01T10:00:00Z")
    assert "docs/de/praxis.md" not in status(repo) or "[marked: translation pending]" in status(repo)

    result = run_mkdocs("build", "--strict", "--site-dir", str(repo / "site"), cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    built = Site(repo / "site", "")
    report = built.soup(built.file_of("de", EDITOR_PAGES["de"])).select_one("article table")
    practice = TABLE.get("practice").title["de"]
    assert report is not None and practice in report.get_text() and "herzien" not in report.get_text()
    notice = built.soup(built.file_of("nl", page_path("practice", "nl"))).select_one(".translation-pending")
    assert notice is not None and "Duitse versie is actueler" in notice.get_text()


def test_status_page_is_for_editors_not_in_navigation_or_sitemap(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        page = EDITOR_PAGES[lang]
        assert page in site.pages[lang]
        nav = site.soup(site.file_of(lang, "")).select_one("nav.md-nav--primary").get_text()
        title = site.soup(site.file_of(lang, page)).select_one("article h1").get_text(strip=True)
        assert title.rstrip("¶") not in nav
        assert site.url_of(lang, page) not in sitemap
        # Search indexes the text inside data-pagefind-body only (see also tests/test_search.py).
        assert not site.soup(site.file_of(lang, page)).select("[data-pagefind-body]")


def check(project, *args):
    return subprocess.run([sys.executable, "tools/check.py", *args], cwd=project,
                          capture_output=True, text=True, timeout=60)


def test_make_check_is_clean_and_fast():
    import time
    start = time.perf_counter()
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("breakage,expected", [
    (lambda p: p.joinpath("docs/nl/praxis.md").write_text(
        p.joinpath("docs/nl/praxis.md").read_text(encoding="utf-8") + "\nZie [hier](erfolgsfaktoren.md#geluk).\n",
        encoding="utf-8"), "docs/nl/praxis.md:{last}: the link 'erfolgsfaktoren.md#geluk' points to a section"),
    (lambda p: p.joinpath("docs/de/praxis.md").write_text(
        p.joinpath("docs/de/praxis.md").read_text(encoding="utf-8") + "\nSiehe [dort](fehlt.md).\n",
        encoding="utf-8"), "docs/de/praxis.md:{last}: the link 'fehlt.md' leads nowhere"),
    (lambda p: p.joinpath("docs/nl/projekt.md").unlink(),
     "docs/nl/projekt.md: missing – docs/de/projekt.md needs its Dutch twin"),
    (lambda p: p.joinpath("data/pilots.yaml").write_text(
        p.joinpath("data/pilots.yaml").read_text(encoding="utf-8").replace("sector: ", "sector: x", 1),
        encoding="utf-8"), "data/pilots.yaml:"),
    (lambda p: p.joinpath("docs/de/projekt.md").write_text(
        p.joinpath("docs/de/projekt.md").read_text(encoding="utf-8") + "\nDas ist ein Fehlerr.\n",
        encoding="utf-8"), "docs/de/projekt.md:{last}: unknown German word 'Fehlerr'"),
])
def test_make_check_names_file_and_line(project, breakage, expected):
    # tools/check.py's checks, called in-process (the command itself: the test above).
    breakage(project)
    found = "\n".join(str(problem) for problem in check_tool.run(release=False, spelling=True, root=project))
    target = expected.split(":")[0]
    last = len((project / target).read_text(encoding="utf-8").rstrip("\n").split("\n")) \
        if (project / target).exists() and target.startswith("docs") else 0
    assert expected.format(last=last) in found, found
