"""MkDocs hook: edits to mkdocs-material's built JavaScript, and the theme settings they rely on.

Each edit names the exact code it replaces; if a theme update changes that code, the build stops
and says so, instead of silently losing the edit (the version is pinned in pyproject.toml).

- Privacy: the bundle can load a ResizeObserver polyfill and Mermaid from unpkg.com, and repository
  facts from the GitHub or GitLab API (only with repo_url, which on_config refuses). Old browsers
  would fetch the polyfill from a CDN; the addresses become empty inline scripts.
- Privacy: the bundle fetches "sitemap.xml" below the address of every <link rel="alternate"> to
  map pages between languages. Our hreflang links are absolute (search engines require it), so every
  page view would call the public host; the i18n plugin's switcher links lead to the twin already.
- Speed: the bundle loads the whole search index with every page. Loading it when the reader first
  focuses the search field (or arrives from a search result) saves a third of a first view.
- Search in the reader's language: the worker appends '*' to every query term, and lunr skips the
  stemmer for such prefix terms, so with a stemmed index "Ausdauer*" would miss the token "ausdau".
  The worker stems each term before the prefix match and compares highlights against the stems.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BUNDLE, WORKER = "bundle.*.min.js", "workers/search.*.min.js"
EXTERNAL_LOADERS = re.compile(r"https://(?:unpkg\.com|api\.github\.com|\$\{\w+\}/api/v4)/[^\"'`]*")
INERT_SCRIPT = "data:text/javascript,"

# (file pattern below assets/javascripts, exact original code, replacement)
EDITS = (
    (BUNDLE, 'M("link[rel=alternate]")', 'M("link[rel=alternate][data-sitemap-lookup]")'),
    (BUNDLE, 'zi=document.forms.namedItem("search")?ks():tt',
     'zi=document.forms.namedItem("search")?H(()=>new Promise(r=>{if(/[?&]h=/.test(location.search))'
     'return r();let q=document.forms.search.query;q.addEventListener("focus",()=>r(),{once:!0});'
     'q===document.activeElement&&r()})).pipe(J(()=>ks()),Z(1)):tt'),
    (WORKER, "this.index.search(e)",
     "this.index.query(q=>{new lunr.QueryParser(e,q).parse();for(let c of q.clauses){"
     "let w=c.term.endsWith('*'),t=w?c.term.slice(0,-1):c.term;"
     "c.term=(this.index.pipeline.runString(t)[0]||t)+(w?'*':'');c.usePipeline=!1}})"),
    (WORKER, "let r=le(e).filter(s=>s.presence!==lunr.Query.presence.PROHIBITED)",
     "let r=le(e).filter(s=>s.presence!==lunr.Query.presence.PROHIBITED)"
     ".map(s=>(s.term=this.index.pipeline.runString(s.term)[0]||s.term,s))"),
)


def edit_scripts(site_dir: Path) -> None:
    scripts = site_dir / "assets" / "javascripts"
    for pattern, original, replacement in EDITS:
        for path in scripts.glob(pattern):
            code = path.read_text(encoding="utf-8")
            if code.count(original) != 1:
                raise PluginError(f"{path.name}: '{original[:60]}' not found exactly once; check "
                                  f"hooks/theme_scripts.py against this version of mkdocs-material")
            path.write_text(code.replace(original, replacement), encoding="utf-8")
    for bundle in scripts.glob(BUNDLE):
        code = bundle.read_text(encoding="utf-8")
        bundle.write_text(EXTERNAL_LOADERS.sub(INERT_SCRIPT, code), encoding="utf-8")


def on_config(config):
    if config.repo_url:
        raise PluginError("mkdocs.yml: 'repo_url' makes every reader's browser call the GitHub API; "
                          "link the repository from a page instead")
    if config.theme.get("font") is not False:
        raise PluginError("mkdocs.yml: theme.font must be false (no fonts from Google's servers)")


@event_priority(-200)  # after the i18n plugin's last language pass, which copies the theme again
def on_post_build(config):
    if not config.plugins["i18n"].building:
        edit_scripts(Path(config.site_dir))
