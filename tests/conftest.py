"""Build the site once per test session and share it between tests."""
from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from wegweiser.build import read_guide
from wegweiser.languages import LANGUAGES, url_prefix

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = MKDOCS["site_url"]
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "docs", "data", "hooks", "overrides", "tools", "fonts", "webeditor")
# The real project's data, chapters and page table: what the built site must show.
DATA, CHAPTERS, TABLE = read_guide(ROOT)


def page_path(page_id: str, lang: str) -> str:
    """A page's address below its language's root ('' for the start page), from the page table."""
    return TABLE.get(page_id).path[lang].removeprefix(url_prefix(lang))


# The editors' translation status: linked from CONTRIBUTING.md only, and kept out of search.
EDITOR_PAGES = {lang: page_path("translation-status", lang) for lang in LANGUAGES}
ADMIN = "admin"  # the web editor's folder in the built site (wegweiser/cms.py)


def twin(page: str, from_lang: str, to_lang: str) -> str:
    """The address of a page's twin in the other language (addresses below the language root)."""
    entry = next(p for p in TABLE if p.path[from_lang] == url_prefix(from_lang) + page)
    return entry.path[to_lang].removeprefix(url_prefix(to_lang))


# A fixed time for what a build stamps, as the publish workflow sets it (tests/test_reproducible.py).
SOURCE_DATE_EPOCH = "1795000000"


def mkdocs_env(pdf: bool) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_PDF": "1" if pdf else "0",
            "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}


def run_mkdocs(*args: str, cwd: Path, pdf: bool = False) -> subprocess.CompletedProcess:
    """mkdocs in a subprocess; the PDFs (slow) only where a test looks at them."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=mkdocs_env(pdf),
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of data/ and docs/ for in-process tests that break them on purpose."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace text in a file once; return the line number of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project for tests that break it on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


class Site:
    def __init__(self, root: Path, log: str):
        self.root = root
        self.log = log
        self._soups: dict[Path, BeautifulSoup] = {}

    def soup(self, relative: str | Path) -> BeautifulSoup:
        path = self.root / relative
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._soups[path]

    @cached_property
    def pages(self) -> dict[str, list[str]]:
        """Content pages per language, as paths below the language root ('' for the start page)."""
        found = {lang: [] for lang in LANGUAGES}
        for html in sorted(self.root.rglob("index.html")):
            relative = html.relative_to(self.root).parent.as_posix()
            relative = "" if relative == "." else relative + "/"
            if relative.startswith(f"{ADMIN}/"):
                continue  # the web editor (test_cms.py, test_cms_browser.py), not a page for readers
            if relative.startswith("nl/"):
                found["nl"].append(relative[3:])
            else:
                found["de"].append(relative)
        return found

    @staticmethod
    def file_of(lang: str, page: str) -> str:
        return ("" if lang == "de" else "nl/") + page + "index.html"

    @staticmethod
    def url_of(lang: str, page: str) -> str:
        return urljoin(SITE_URL, ("" if lang == "de" else "nl/") + page)

    def resolve(self, from_file: str, href: str) -> str:
        """Site path (below the root, with any #anchor) an href on the page at from_file points to."""
        parts = urlsplit(urljoin("https://site.invalid/" + from_file, href))
        return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """The site, built once per test run: with 'pytest -n 2' the first worker builds it under a lock
    and the other reads the same folder (pytest-xdist's documented pattern, with fcntl for the lock)."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    target, log_file = shared / "site", shared / "site.log"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log_file.exists():
            result = run_mkdocs("build", "--strict", "--site-dir", str(target), cwd=ROOT, pdf=True)
            log = result.stdout + result.stderr
            assert result.returncode == 0, f"mkdocs build failed:\n{log}"
            log_file.write_text(log, encoding="utf-8")
    return Site(target, log_file.read_text(encoding="utf-8"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker throttles every host to a few requests a second unless the server opts out.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser or checker that hangs up early is no test failure


@pytest.fixture(scope="session")
def served_site(site) -> str:
    """The built site on a local HTTP server, like a static host; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (never a browser downloaded by Playwright), shared by the browser tests."""
    assert Path(CHROMIUM).exists(), "Debian's Chromium is missing (make test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()
