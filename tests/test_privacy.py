"""No request may leave the site's own host: no fonts, CDN, analytics or API calls."""
from __future__ import annotations

import re
from pathlib import Path
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
# Addresses in the theme's bundle (shipped unchanged) that it calls only in situations this site
# rules out; each guard is tested: tests/test_browser.py (an old browser without ResizeObserver),
# tests/test_safety.py (no 'mermaid' class in content), hooks/config_events.py (no repo_url).
GUARDED_JS_ADDRESSES = {
    "https://unpkg.com/resize-observer-polyfill": "docs/assets/javascripts/resize-observer.js runs first",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "content with class 'mermaid' is refused",
    "https://api.github.com/repos/": "repo_url is refused", "https://api.github.com/users/": "repo_url is refused",
    "https://${e}/api/v4/": "repo_url (GitLab) is refused",
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
            if url not in ("http://", "https://") and urlsplit(url.split("${")[0]).hostname not in INERT_JS_HOSTS
            and not url.startswith(tuple(GUARDED_JS_ADDRESSES))]


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
        if relative.startswith(("admin/decap/", "admin/yaml/")):
            continue  # npm code of the web editor (names Git hosts' APIs); test_cms_browser.py watches its requests
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


def test_the_theme_script_ships_unchanged(site):
    # Customised through template blocks and our own scripts only: no edits of minified code.
    import material

    shipped = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    for name in ("bundle", "workers/search"):
        for path in shipped.glob(f"{name}.*.min.js"):
            built = site.root / "assets" / "javascripts" / path.relative_to(shipped)
            assert not built.exists() or built.read_bytes() == path.read_bytes(), built


def test_every_page_allows_exactly_its_inline_scripts_by_hash(site):
    from wegweiser.csp import inline_scripts, script_hash

    for path in sorted(site.root.rglob("*.html")):
        if path.relative_to(site.root).parts[0] == "admin":
            continue  # the web editor has a policy of its own (tests/test_cms.py)
        html = path.read_text(encoding="utf-8")
        head = BeautifulSoup(html, "html.parser").head
        first = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert first is not None and not first.find_previous("script"), path  # before any script
        policy = dict(directive.strip().split(" ", 1) for directive in first["content"].split(";"))
        allowed = set(policy["script-src"].split())
        assert "'unsafe-inline'" not in allowed and "'unsafe-eval'" not in allowed
        assert {script_hash(body) for body in inline_scripts(html)} <= allowed, path
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
        assert head.find("meta", attrs={"name": "referrer"})["content"] == "same-origin"
