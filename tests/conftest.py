"""Build the site once per test session and share it between tests."""
from __future__ import annotations

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

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = MKDOCS["site_url"]
LANGUAGES = ("de", "nl")
CHROMIUM = "/usr/bin/chromium"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "tools", "fonts")
# Generated pages live in folders named in each language; every other page keeps its path.
UI = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
LOCALISED_FOLDERS = [UI["pilots_folder"], UI["status_path"], UI["glossary_path"]]
# The editors' translation status: linked from CONTRIBUTING.md only, and kept out of search.
EDITOR_PAGES = {lang: UI["status_path"][lang] + "/" for lang in LANGUAGES}


def twin(page: str, from_lang: str, to_lang: str) -> str:
    """The path of a page's twin in the other language (paths below the language root)."""
    for folder in LOCALISED_FOLDERS:
        source, target = folder[from_lang] + "/", folder[to_lang] + "/"
        if page.startswith(source):
            return target + page[len(source):]
    return page


def run_mkdocs(*args: str, cwd: Path, pdf: bool = False) -> subprocess.CompletedProcess:
    """mkdocs in a subprocess; the PDFs (slow) only where a test looks at them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_PDF": "1" if pdf else "0"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


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
def site(tmp_path_factory) -> Site:
    target = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(target), cwd=ROOT, pdf=True)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build failed:\n{log}"
    return Site(target, log)


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
