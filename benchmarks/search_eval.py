"""The reader query set (tests/search_queries.yaml) run through the site's real Pagefind index in a
browser; shared by benchmarks/search.py and tests/test_search.py (pytest finds it through
`pythonpath` in pyproject.toml).

The queries go to Pagefind's JavaScript API exactly as docs/assets/javascripts/search.js sends them
(the trimmed text, no options but the site's base), so the ranking is the one the search field shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "tests" / "search_queries.yaml"
TOP = 5  # a query is answered when a right page is among the first five results

# Loads Pagefind the way search.js does (relative to the page, under any sub-path) and returns the
# addresses of the first results of every query, below the site root.
_RUN = """async ([queries, top]) => {
  const root = new URL(document.getElementById("ww-search").dataset.root.replace(/\\/?$/, "/"), location.href);
  const api = await import(new URL(`pagefind/${document.documentElement.lang}/pagefind.js`, root).href);
  await api.options({ baseUrl: root.pathname });
  const found = [];
  for (const query of queries) {
    const search = await api.search(query.trim());
    const pages = await Promise.all(search.results.slice(0, top).map(result => result.data()));
    found.push(pages.map(page => page.url.slice(root.pathname.length)));
  }
  return found;
}"""


@dataclass
class Outcome:
    query: str
    kind: str
    expected: list[str]
    found: list[str]  # first results, below the language root

    @property
    def answered(self) -> bool:
        return any(page in self.expected for page in self.found)


def load_queries() -> dict[str, list[dict]]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def run_queries(page, lang: str, entries: list[dict]) -> list[Outcome]:
    """Run the queries on a Playwright page that shows a page of the site in `lang`."""
    found = page.evaluate(_RUN, [[entry["query"] for entry in entries], TOP])
    prefix = "" if lang == "de" else f"{lang}/"
    return [Outcome(entry["query"], entry["kind"], [str(p) for p in entry["pages"]],
                    [url.removeprefix(prefix) if url.startswith(prefix) else "../" + url for url in urls])
            for entry, urls in zip(entries, found, strict=True)]


def success_rate(outcomes: list[Outcome]) -> float:
    return sum(outcome.answered for outcome in outcomes) / len(outcomes)


def report(lang: str, outcomes: list[Outcome]) -> str:
    lines = [f"{lang}: {sum(o.answered for o in outcomes)} of {len(outcomes)} queries answered in the "
             f"first {TOP} results ({success_rate(outcomes):.0%})"]
    lines += [f"  missed [{o.kind}] {o.query!r}: expected one of {o.expected}, got {o.found}"
              for o in outcomes if not o.answered]
    return "\n".join(lines)
