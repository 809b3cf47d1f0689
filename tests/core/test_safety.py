"""Nothing from data becomes markup: the whole site built in-process with hostile text in every
text field of every data file and chapter description, then searched for anything that came alive."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from conftest import copy_project

import wegweiser.build
from wegweiser.data import load_data
from wegweiser.languages import LANGUAGES

HOSTILE = ' "\'><script>alert(1)</script><b data-hostile="1">x</b>&amp;&lt;i&gt;'
KEY_FIELDS = {"id", "key", "sector", "form", "step_reached", "country", "trade", "size", "region", "flag",
              "source", "factor", "step", "file", "generated", "sections", "page", "mail", "slug", "pilot_id"}


KEY_LISTS = {"benefits", "success_factors", "risk_factors"}


def hostile(value, field: str = ""):
    """The same data with HOSTILE appended to every text (keys, ids, addresses and forms kept)."""
    if field in KEY_FIELDS or field in ("forms", "names", "pdf_file", "og_locale", "email") \
            or (field in KEY_LISTS and isinstance(value, tuple)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: hostile(getattr(value, f.name), f.name)
                                             for f in dataclasses.fields(value) if f.init})
    if isinstance(value, str):
        return value + HOSTILE
    if isinstance(value, Mapping):
        return {key: hostile(item, key if key not in LANGUAGES else field) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(hostile(item, field) for item in value)
    return value


class LiveMarkup(HTMLParser):
    """Elements and attributes that only the hostile text could have brought."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if any(name == "data-hostile" for name, _ in attrs):
            self.found.append(f"<{tag} data-hostile>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(1)" in data:
            self.found.append("a script with the hostile text")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import pytest as _pytest
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for path in (project / "docs").rglob("*.md"):  # editors' descriptions reach every page's head
        lines = path.read_text(encoding="utf-8").split("\n")
        lines = [f"description: {json.dumps(HOSTILE)}" if line.startswith("description:") else line
                 for line in lines]
        path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch = _pytest.MonkeyPatch()
    monkeypatch.setenv("WEGWEISER_PDF", "0")
    monkeypatch.setattr(wegweiser.build, "load_data", lambda root: hostile(load_data(root)))
    site = project / "site"
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    finally:
        monkeypatch.undo()
    return site


def test_hostile_text_in_every_field_stays_text_on_every_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 60
    problems = []
    shown = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
        scanner = LiveMarkup()
        scanner.feed(html)
        problems += [f"{path.relative_to(hostile_site)}: {found}" for found in scanner.found]
    assert not problems, "\n".join(problems[:20])
    assert shown > 500, "the hostile text must actually reach the pages, as text"
    ElementTree.parse(hostile_site / "sitemap.xml")  # still well-formed XML
