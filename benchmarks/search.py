"""The search in figures: how often the reader query set (tests/search_queries.yaml) finds a right
page among the first five results, per language; the bytes a reader's browser transfers (gzip, as a
static host serves them) for a first view of every page, and from a page load until the first
query's results are shown, at 10 and at 1,000 pilots; and the time Pagefind adds to the build.

Run: make benchmark   (or: .venv/bin/python benchmarks/search.py [--site site] [--sizes 10,1000])
Needs Debian's Chromium. Prints figures; timings depend on the machine, so nothing is asserted.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from build_time import make_variant  # beside this script (its folder is on the path when it runs)
from lighthouse import GzipHandler
from playwright.sync_api import sync_playwright
from search_eval import load_queries, report, run_queries

from wegweiser.search_index import index_site

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
HEAVY_PAGE = 78 * 1024  # the heaviest first view when issue 10 was filed
LANGUAGES = ("de", "nl")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a tab closed while a file was on its way


class Served:
    """A built site on a local server with gzip, like a static host."""

    def __init__(self, site: Path):
        handler = functools.partial(GzipHandler, directory=str(site))
        self.server = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Meter:
    """A fresh browser tab (empty cache, phone width) that adds up the bytes received, headers
    included, also those of Pagefind's web worker."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 412, "height": 823})
        self.page = self.context.new_page()
        self.bytes = 0
        self.document_bytes = 0  # the page's own HTML
        self.page.on("requestfinished", self._finished)

    def _finished(self, request):
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.resource_type == "document":
            self.document_bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    def close(self):
        self.context.close()


def lang_path(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def first_views(browser, base: str, site: Path) -> dict[str, tuple[int, int]]:
    """Per page address: bytes of its first view, and of its own HTML among them."""
    sizes = {}
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        if path.split("/")[0] == "admin":
            continue  # the editors' web editor, not a reader's page
        meter = Meter(browser)
        address = "" if path == "." else path + "/"
        meter.page.goto(base + address, wait_until="networkidle")
        sizes["/" + address] = (meter.bytes, meter.document_bytes)
        meter.close()
    return sizes


def until_first_results(browser, base: str, lang: str, query: str) -> tuple[int, int]:
    """Bytes of the start page's first view, and bytes from its load until the results show."""
    meter = Meter(browser)
    meter.page.goto(base + lang_path(lang), wait_until="networkidle")
    page_bytes = meter.bytes
    meter.page.keyboard.press("/")  # opens the field on phones, too
    meter.page.wait_for_function("document.activeElement.type === 'search'")
    meter.page.keyboard.type(query)
    meter.page.wait_for_selector("#ww-search .md-search-result__item")
    meter.page.wait_for_load_state("networkidle")
    total = meter.bytes
    meter.close()
    return page_bytes, total


def build(project: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_PDF": "0"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return project / "site"


def kb(count: float) -> str:
    return f"{count / 1024:.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site (make build)")
    parser.add_argument("--sizes", default="10,1000", help="numbers of pilots for the transfer figures")
    args = parser.parse_args()
    queries = load_queries()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])

        print("Query set: a right page among the first five results")
        served = Served(Path(args.site))
        page = browser.new_page()
        for lang in LANGUAGES:
            page.goto(served.base + lang_path(lang))
            print("  " + report(lang, run_queries(page, lang, queries[lang])).replace("\n", "\n  "))
        page.close()

        views = first_views(browser, served.base, Path(args.site))
        sizes = [total for total, _ in views.values()]
        print(f"\nFirst view of every page ({len(sizes)} pages, gzip, headers included): "
              f"min {kb(min(sizes))}, median {kb(statistics.median(sizes))}, max {kb(max(sizes))}")
        heavy = sorted(((total, html, address) for address, (total, html) in views.items()
                        if total > HEAVY_PAGE), reverse=True)
        print(f"  {len(heavy)} pages above {kb(HEAVY_PAGE)} (issue 10's ceiling); the page's own HTML, and the rest:")
        for total, html, address in heavy:
            print(f"    {kb(total):>9}  {address:<34} HTML {kb(html):>8}, rest {kb(total - html):>8}")
        served.close()

        print("\nFrom a page load until the first query's results show (start page, gzip):")
        print(f"  {'pilots':>7} {'lang':>4} {'query':<22} {'page':>9} {'+ search':>9} {'total':>9}"
              f"  {'Pagefind s':>10}")
        for count in (int(size) for size in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as temp:
                project = Path(temp)
                make_variant(project, count)
                site = build(project)
                start = time.perf_counter()
                index_site(site)  # the time the build spends on the search index
                seconds = time.perf_counter() - start
                served = Served(site)
                for lang in LANGUAGES:
                    query = queries[lang][0]["query"]
                    page_bytes, total = until_first_results(browser, served.base, lang, query)
                    print(f"  {count:>7} {lang:>4} {query:<22} {kb(page_bytes):>9} {kb(total - page_bytes):>9}"
                          f" {kb(total):>9}  {seconds:>10.2f}", flush=True)
                served.close()
        browser.close()


if __name__ == "__main__":
    main()
