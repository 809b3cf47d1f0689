"""Build time of the real site and of synthetic variants with 100 and 1,000 pilots, each against a
stock build of the same pages (plain Markdown files, Material + i18n, none of our hooks).

Run: .venv/bin/python benchmarks/build_time.py [--sizes 10,100,1000] [--runs 2]
Prints seconds per build, the ratio ours/stock (target at most 1.15) and the size of the HTML.
The PDFs are left out of both builds (WEGWEISER_PDF=0): the stock build has nothing to compare them with.
Not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from glossary import glossary_markdown, load_glossary  # noqa: E402
from pilot_map import map_html  # noqa: E402
from pilot_pages import overview_markdown, pilot_markdown, pilot_path  # noqa: E402
from pilots import load_pilots  # noqa: E402
from sitedata import load_site_data  # noqa: E402

LANGUAGES = ("de", "nl")


def make_variant(target: Path, count: int) -> None:
    """A copy of the project whose data/pilots.yaml holds `count` pilots (copies of the real ones)."""
    for part in ("mkdocs.yml", "docs", "data", "hooks", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    data = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))
    originals = data["pilots"]
    pilots = []
    for index in range(count):
        record = copy.deepcopy(originals[index % len(originals)])
        if index >= len(originals):
            record["id"] = f"{record['id'][:50]}-{index}"
            for lang in LANGUAGES:
                record["title"][lang] += f" ({index})"
        pilots.append(record)
    data["pilots"] = pilots
    (target / "data" / "pilots.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")


def make_stock(variant: Path, target: Path) -> None:
    """The same pages as plain Markdown files in a stock Material + i18n project."""
    shutil.copytree(variant / "docs", target / "docs")
    site = load_site_data(variant)
    pilots = load_pilots(variant, site)
    glossary = load_glossary(variant)
    for lang in LANGUAGES:
        folder = target / "docs" / lang / site.ui["pilots_folder"][lang]
        folder.mkdir(parents=True)
        (target / "docs" / lang / "glossary.md").write_text(glossary_markdown(site, glossary, lang), encoding="utf-8")
        pilot_map = map_html(variant, site, pilots, lang, lambda p: f"{p.id}/")
        (folder / "index.md").write_text(overview_markdown(site, pilots, lang, lambda p: p, pilot_map),
                                         encoding="utf-8")
        for pilot in pilots.pilots:
            name = Path(pilot_path(pilot)).name
            (folder / name).write_text(pilot_markdown(site, pilots, pilot, lang), encoding="utf-8")
    config = yaml.safe_load((variant / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))
    config.pop("hooks")
    config.pop("watch", None)
    config["theme"].pop("custom_dir")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    for language in i18n["languages"]:
        folder = site.ui["pilots_folder"][language["locale"]]
        language["nav"] = [f"{language['locale']}/{folder}/index.md" if item == f"{language['locale']}/pilots/index.md"
                           else item for item in language["nav"]]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")


def build_seconds(project: Path, runs: int) -> tuple[float, int]:
    # Pages only: the PDF of the guide (hooks/pdf.py) is a separate product with no stock counterpart.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_PDF": "0"}
    best = float("inf")
    for _ in range(runs):
        site = project / "site"
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                                cwd=project, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"build failed in {project}:\n{result.stderr[-3000:]}")
        best = min(best, elapsed)
    html_bytes = sum(p.stat().st_size for p in (project / "site").rglob("*.html"))
    return best, html_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=5, help="builds per variant (1,000 pilots: one); the fastest counts")
    args = parser.parse_args()
    print(f"{'pilots':>7} {'pages':>6} {'ours s':>8} {'stock s':>8} {'ratio':>6} {'HTML MB':>8}  target ratio <= 1.15")
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as temp:
            ours, stock = Path(temp) / "ours", Path(temp) / "stock"
            ours.mkdir(), stock.mkdir()
            make_variant(ours, count)
            make_stock(ours, stock)
            runs = args.runs if count < 1000 else 1
            ours_s, ours_bytes = build_seconds(ours, runs)
            stock_s, _ = build_seconds(stock, runs)
            pages = sum(1 for _ in (ours / "site").rglob("index.html"))
            ratio = ours_s / stock_s
            print(f"{count:>7} {pages:>6} {ours_s:>8.2f} {stock_s:>8.2f} {ratio:>6.2f} {ours_bytes / 1e6:>8.1f}"
                  f"  {'ok' if ratio <= 1.15 else 'MISSED'}", flush=True)


if __name__ == "__main__":
    main()
