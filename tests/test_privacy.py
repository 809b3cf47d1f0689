"""No request may leave the site's own host: no fonts, CDN, analytics or API calls."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# Hosts named in the shipped JavaScript only in licence notes, documentation links of error messages,
# XML namespaces or as a dummy base for parsing addresses (example.com in Pagefind's script); nothing
# is ever requested from them (tests/test_search.py watches the search's requests). Any other
# absolute address fails.
INERT_JS_HOSTS = {
    "www.mozilla.org", "people.mozilla.org", "developer.mozilla.org", "github.com", "tartarus.org",
    "snowball.tartarus.org", "code.google.com", "chasen.org", "clipboardjs.com", "bit.ly",
    "wiki.ecmascript.org", "wiki.commonjs.org", "underscorejs.org", "narwhaljs.org",
    "msdn.microsoft.com", "lunrjs.com", "en.wikipedia.org", "docs.python.org", "www.w3.org", "example.com",
}
RESOURCE_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                 "icon", "shortcut", "apple-touch-icon", "manifest", "mask-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)")
JS_URL = re.compile(r"https?://[^\s\"'`)]*")


def is_external(address: str) -> bool:
    address = address.strip()
    if address.startswith(("data:", "#", "mailto:")):
        return False
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


def external_resources_in_html(text: str) -> list[str]:
    soup = BeautifulSoup(text, "html.parser")
    found = [tag["src"] for tag in soup.find_all(src=True) if is_external(tag["src"])]
    found += [tag["srcset"] for tag in soup.find_all(srcset=True) if "//" in tag["srcset"]]
    for link in soup.find_all("link", href=True):
        if RESOURCE_RELS & {rel.lower() for rel in link.get("rel", [])} and is_external(link["href"]):
            found.append(link["href"])
    styles = [tag.string or "" for tag in soup.find_all("style")]
    styles += [tag["style"] for tag in soup.find_all(style=True)]
    for css in styles:
        found += external_resources_in_css(css)
    return found


def external_resources_in_css(text: str) -> list[str]:
    return [url for url in CSS_URL.findall(text) + CSS_IMPORT.findall(text) if is_external(url)]


def external_addresses_in_js(text: str) -> list[str]:
    # An address in a template literal ends its host where `${…}` begins.
    return [url for url in JS_URL.findall(text)
            if url not in ("http://", "https://") and urlsplit(url.split("${")[0]).hostname not in INERT_JS_HOSTS]


def test_scanner_catches_what_it_must(tmp_path):
    # The scanner itself: a test that cannot fail would prove nothing.
    html = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
            '<script src="//cdn.example.com/a.js"></script><img src="https://x.example/p.gif">'
            '<div style="background:url(https://t.example/b.png)"></div>')
    assert len(external_resources_in_html(html)) == 4
    assert external_resources_in_css("@import 'https://fonts.googleapis.com/x.css';")
    assert external_addresses_in_js('fetch("https://www.google-analytics.com/collect")')
    assert not external_resources_in_html('<link rel="canonical" href="https://site.example/">'
                                           '<script src="../assets/x.js"></script>')


def test_no_built_file_loads_anything_from_another_host(site):
    problems = []
    for path in sorted(site.root.rglob("*")):
        relative = path.relative_to(site.root).as_posix()
        if path.suffix == ".html":
            problems += [f"{relative}: {url}" for url in external_resources_in_html(path.read_text("utf-8"))]
        elif path.suffix == ".css":
            problems += [f"{relative}: {url}" for url in external_resources_in_css(path.read_text("utf-8"))]
        elif path.suffix == ".js":
            problems += [f"{relative}: {url}" for url in external_addresses_in_js(path.read_text("utf-8"))]
    assert not problems, "\n".join(problems)


def test_theme_loads_no_web_fonts(site):
    index = site.soup("index.html")
    assert not index.find("link", href=re.compile("fonts")), "web fonts must not be linked"
    assert "fonts.googleapis" not in (site.root / "index.html").read_text("utf-8")


def test_language_switch_does_not_fetch_sitemaps_from_the_public_host(site):
    # Material looks up sitemap.xml below every <link rel="alternate">; ours are absolute, so the
    # lookup would call the public host on every page view (see hooks/theme_scripts.py).
    bundle = next((site.root / "assets" / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert 'M("link[rel=alternate]")' not in bundle
    assert "unpkg.com" not in bundle and "api.github.com" not in bundle
