"""Lighthouse (mobile preset) on the start page, a step, a pilot and the pilot overview in both
languages, served with gzip like a real static host. Prints the four scores and the bytes
transferred for a first view, against the targets: accessibility, best practices and SEO 100,
performance at least 95, at most 90 KB transferred.

Run: make benchmark   (or: .venv/bin/python benchmarks/lighthouse.py [--site site])
Needs Debian's Chromium (CHROME_PATH) and benchmarks/node_modules (npm ci in benchmarks/).
Not a test: scores vary a little between runs.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from wegweiser.build import SiteBuild
from wegweiser.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_KB = 90


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as hosts like GitHub Pages do."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)

    def log_message(self, *args):
        pass


def pages() -> dict[str, str]:
    """The pages audited, by their addresses in the page table (Dutch pages at their Dutch slugs)."""
    build = SiteBuild(ROOT)
    first_pilot = f"pilot:{build.data.pilots.pilots[0].id}"
    found = {}
    for lang in LANGUAGES:
        for name, page_id in (("start", "start"), ("step", "getting-acquainted"), ("pilot", first_pilot),
                              ("overview", "pilots")):
            found[f"{name} ({lang})"] = build.table.get(page_id).path[lang].lstrip("/")
    return found


def audit(url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as temp:
        report = Path(temp) / "report.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
             "--only-categories=performance,accessibility,best-practices,seo"],
            env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=300)
        if not report.exists():
            sys.exit(f"Lighthouse failed for {url}:\n{result.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site (make build)")
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    handler = functools.partial(GzipHandler, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':<16} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KB':>6}  verdict")
    misses = []
    for name, path in pages().items():
        report = audit(base + path, chrome)
        scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in TARGETS}
        kb = report["audits"]["total-byte-weight"]["numericValue"] / 1024
        problems = [f"{key} {scores[key]} < {target}" for key, target in TARGETS.items() if scores[key] < target]
        if kb > MAX_KB:
            problems.append(f"{kb:.0f} KB > {MAX_KB} KB")
        for key in TARGETS:
            if scores[key] < TARGETS[key]:
                failed = [audit_id for audit_id, item in report["audits"].items()
                          if item.get("score") is not None and item["score"] < 0.9
                          and any(ref["id"] == audit_id for ref in report["categories"][key]["auditRefs"]
                                  if ref.get("weight"))]
                problems.append(f"{key}: {', '.join(failed[:5])}")
        misses += [f"{name}: {problem}" for problem in problems]
        print(f"{name:<16} {scores['performance']:>5} {scores['accessibility']:>5} "
              f"{scores['best-practices']:>5} {scores['seo']:>5} {kb:>6.1f}  {'ok' if not problems else 'MISSED'}",
              flush=True)
    server.shutdown()
    print("\nAll targets met." if not misses else "\nTargets missed:\n  " + "\n  ".join(misses))


if __name__ == "__main__":
    main()
