"""Links and markup of the served site, checked by LinkChecker and the Nu HTML checker."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import EDITOR_PAGES, ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors the Nu checker reports for stock mkdocs-material markup, which we do not change:
# - its drawer/search/palette toggles are <input type="checkbox" autocomplete="off">;
# - the table-of-contents title is a <label for="__toc"> whose checkbox is only rendered with a TOC
#   in the sidebar, not on every page.
STOCK_MATERIAL_ERRORS = (
    "Attribute “autocomplete” is only allowed when the input type is",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
)


def test_no_broken_internal_links(site, served_site, tmp_path):
    # The test server opts out of LinkChecker's politeness delay; the rate limit goes up to match.
    # Anchors are checked below: LinkChecker's AnchorCheck takes minutes on this site, the check
    # of the built files a second.
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\nmaxrequestspersecond=1000\n", encoding="utf-8")
    config.chmod(0o644)  # LinkChecker drops root privileges before it reads the file
    tmp_path.chmod(0o755)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "linkchecker"), "--config", str(config), "--no-status",
         "--verbose", "--output", "csv", served_site], capture_output=True, text=True, timeout=900)
    rows = list(csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")),
                               delimiter=";"))
    problems = [f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}"
                for row in rows if row["valid"] != "True" or row["warningstring"]]
    assert result.returncode == 0 and not problems, "\n".join(problems) or result.stdout[-3000:] + result.stderr
    visited = {row["url"] for row in rows}
    unvisited = [page for lang in site.pages for page in site.pages[lang] if page != EDITOR_PAGES[lang]
                 and served_site + ("" if lang == "de" else "nl/") + page not in visited]
    assert not unvisited, f"LinkChecker did not reach these pages: {unvisited}"


def test_every_link_into_a_page_finds_its_anchor(site):
    """Every #anchor of a link inside the site names an element of the page it leads to."""
    ids: dict[str, set[str]] = {}
    problems = []
    for path in sorted(site.root.rglob("*.html")):
        file = path.relative_to(site.root).as_posix()
        if not file.startswith("admin/"):
            ids[file] = {tag["id"] for tag in site.soup(file).find_all(id=True)}
    for file in ids:
        for link in site.soup(file).select("a[href*='#']"):
            target = site.resolve(file, link["href"])
            if urlsplit(link["href"]).scheme or "#" not in target:
                continue
            page, _, anchor = target.partition("#")
            page_file = page + "index.html" if not page or page.endswith("/") else page
            if page_file in ids and unquote(anchor) not in ids[page_file]:
                problems.append(f"{file}: {link['href']} – no element with the id '{anchor}' on {page or '/'}")
    assert len(ids) > 60
    assert not problems, "\n".join(problems[:30])


def test_html_is_valid_apart_from_stock_material_markup(site):
    assert shutil.which("java"), "Java is needed for the Nu HTML checker (make test installs it)"
    # A one-shot run: the quick compiler and one garbage collector thread take less than half the
    # CPU of the JVM's defaults (the suite shares two cores); the checker needs a 512k stack or more.
    result = subprocess.run(["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                             "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only",
                             "--format", "json", str(site.root)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    unexpected = [f"{m.get('url', '').split('/site')[-1]}:{m.get('lastLine')}: {m['message']}"
                  for m in messages if not m["message"].startswith(STOCK_MATERIAL_ERRORS)]
    assert not unexpected, "\n".join(unexpected)
    assert messages, "the stock-markup allow-list is stale: the checker found nothing at all"


def test_a_page_loads_the_script_and_styles_of_a_form_only_where_the_form_is(site):
    """The self-check, the pilot filter and the feedback form each bring a script and a stylesheet,
    the start page's front door a stylesheet; the other pages do not download them (a reader's first
    view stays small)."""
    forms = {"selfcheck.js": "form[data-selfcheck]", "selfcheck.css": "form[data-selfcheck]",
             "pilot-filter.js": "div.pilot-filter", "pilots.css": "div.pilot-filter",
             "feedback.js": "form.feedback-form", "feedback.css": "form.feedback-form",
             "front-door.css": "nav.front-door__entries"}
    for lang, pages in site.pages.items():
        for page in pages:
            soup = site.soup(site.file_of(lang, page))
            assets = {element.get("src", element.get("href", "")).rsplit("/", 1)[-1]
                      for element in soup.select("script[src], link[rel=stylesheet]")}
            for asset, form in forms.items():
                assert (asset in assets) == bool(soup.select(form)), f"{asset} on /{lang}/{page}"
    assert sum(bool(site.soup(site.file_of(lang, page)).select("form[data-selfcheck]"))
               for lang, pages in site.pages.items() for page in pages) == 2
