"""Build time of the real site and of synthetic variants with 100 and 1,000 pilots, each against a
stock build of the same pages (plain Markdown files, Material + i18n with the theme's own search,
none of our hooks).

Run: .venv/bin/python benchmarks/build_time.py [--sizes 10,100,1000] [--runs 2]
Prints wall and CPU seconds per build (the fastest of several), the ratios ours/stock (target: CPU
ratio at most 1.15), the CPU seconds of the search index inside ours (Pagefind; the stock build
makes the theme's lunr index instead) and the size of the HTML. A second CPU ratio leaves search
out of both sides: ours less Pagefind's share against a stock build without a search plugin; it
shows what the generator itself costs, apart from the choice of search engine.
The PDFs are left out of both builds (WEGWEISER_PDF=0): the stock build has nothing to compare them with.
Not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import copy
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from wegweiser.build import SiteBuild
from wegweiser.languages import LANGUAGES
from wegweiser.search_index import index_site

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "docs", "data", "hooks", "overrides", "webeditor")


def make_variant(target: Path, count: int) -> None:
    """A copy of the project whose data/pilots.yaml holds `count` pilots (copies of the real ones)."""
    for part in PROJECT_PARTS:
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


def make_stock(variant: Path, target: Path, search: bool = True) -> None:
    """The same pages as plain Markdown files in a stock Material + i18n project (no hooks), with
    the theme's own search or without any."""
    shutil.copytree(variant / "docs", target / "docs")
    build = SiteBuild(variant)
    for lang in LANGUAGES:
        for page in build.table:
            # The Markdown our hooks hand MkDocs: chapters with their references resolved and their
            # pilots listed (these lists grow with the pilots), generated pages as generated.
            if page.kind == "chapter":
                markdown = build.chapter_markdown(page, lang, build.chapters[lang][page.file].body, lambda: "")
            else:
                markdown = build.generated_markdown(page, lang)
            path = target / "docs" / page.src_uri(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
    config = yaml.safe_load((variant / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir")
    config["markdown_extensions"] = [ext for ext in config["markdown_extensions"] if "wegweiser" not in str(ext)]
    # A stock Material site searches with the theme's own plugin (lunr): both builds make a search index.
    if search:
        config["plugins"].insert(0, "search")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    for language in i18n["languages"]:
        language["nav"] = build.table.nav(language["locale"])
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")


def build_once(project: Path) -> tuple[float, float]:
    """One build from scratch: (wall seconds, CPU seconds of the build process and its children).
    CPU seconds are what the build costs; wall time also measures whatever else the machine does."""
    # Pages only: the PDF of the guide (wegweiser/pdf.py) is a separate product with no stock counterpart.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_PDF": "0"}
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_seconds(projects: list[Path], runs: int) -> list[tuple[float, float]]:
    """The fastest of `runs` builds of each project, (wall, CPU) seconds. The projects take turns
    within each round, so that a slow spell of a shared machine falls on all of them alike."""
    best = [(float("inf"), float("inf")) for _ in projects]
    for _ in range(runs):
        for index, project in enumerate(projects):
            wall, cpu = build_once(project)
            best[index] = (min(best[index][0], wall), min(best[index][1], cpu))
    return best


def search_index_cpu(site: Path) -> float:
    """CPU seconds of our search index alone (Pagefind, part of our build)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    index_site(site)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=5,
                        help="builds per variant (1,000 pilots: one); the fastest counts")
    args = parser.parse_args()
    print(f"{'pilots':>7} {'pages':>6} {'ours s':>8} {'stock s':>8} {'ratio':>6} {'ours cpu':>9} {'stock cpu':>10} "
          f"{'ratio':>6} {'Pagefind cpu':>12} {'no search':>9} {'HTML MB':>8}  target CPU ratio <= 1.15")
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as temp:
            ours, stock, bare = Path(temp) / "ours", Path(temp) / "stock", Path(temp) / "bare"
            for project in (ours, stock, bare):
                project.mkdir()
            make_variant(ours, count)
            make_stock(ours, stock)
            make_stock(ours, bare, search=False)
            runs = args.runs if count < 1000 else 1
            (ours_wall, ours_cpu), (stock_wall, stock_cpu), (_, bare_cpu) = build_seconds([ours, stock, bare], runs)
            ours_bytes = sum(path.stat().st_size for path in (ours / "site").rglob("*.html"))
            pages = sum(1 for _ in (ours / "site").rglob("index.html"))
            ratio = ours_cpu / stock_cpu
            search_cpu = min(search_index_cpu(ours / "site") for _ in range(runs))
            print(f"{count:>7} {pages:>6} {ours_wall:>8.2f} {stock_wall:>8.2f} {ours_wall / stock_wall:>6.2f} "
                  f"{ours_cpu:>9.2f} {stock_cpu:>10.2f} {ratio:>6.2f} {search_cpu:>12.2f} "
                  f"{(ours_cpu - search_cpu) / bare_cpu:>9.2f} {ours_bytes / 1e6:>8.1f}"
                  f"  {'ok' if ratio <= 1.15 else 'MISSED'}", flush=True)


if __name__ == "__main__":
    main()
