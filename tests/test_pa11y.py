"""A second engine beside axe: pa11y with HTML_CodeSniffer (WCAG 2 AA), from npm, in Debian's Chromium
(tests/pa11y_run.mjs), on a page of every kind in both languages and the 404 page: no errors."""
from __future__ import annotations

import json
import os
import subprocess

from conftest import CHROMIUM, LANGUAGES, ROOT, page_path
from test_keyboard import KINDS

NODE_MODULES = ROOT / "node_modules"


def test_html_codesniffer_finds_no_errors(served_site):
    assert (NODE_MODULES / "pa11y").is_dir(), "npm packages missing (make test installs them)"
    urls = [served_site + ("" if lang == "de" else "nl/") + page_path(page_id, lang)
            for lang in LANGUAGES for page_id in [*KINDS.values(), "project", "contact"]]
    urls.append(served_site + "404.html")
    result = subprocess.run(["node", str(ROOT / "tests" / "pa11y_run.mjs"), *urls], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "CHROMIUM": CHROMIUM,
                                                          "PUPPETEER_SKIP_DOWNLOAD": "1"})
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == len(urls), result.stderr[-2000:]
    problems = [f"{report['url']}: {report['error']}" for report in reports if "error" in report]
    problems += [f"{report['url']}: {issue['code']} at {issue['selector']}: {issue['message'][:160]}"
                 for report in reports for issue in report.get("issues", []) if issue["type"] == "error"]
    assert not problems, "\n".join(problems)
