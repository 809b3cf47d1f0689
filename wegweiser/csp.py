"""The Content Security Policy of every page: scripts only from the site itself plus the hashes of
exactly the inline scripts the templates emit; nothing from other hosts; no plugins, no <base>, no
form posts. Sent as a <meta http-equiv> (deploy/ adds what only a header can carry)."""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

SCRIPT_TYPES = {None, "", "text/javascript", "module", "application/javascript"}
REFERRER_POLICY = "same-origin"  # as deploy/ and docs/_headers send it


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and "src" not in found and found.get("type") in SCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.bodies.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The bodies of the executable inline scripts in an HTML fragment."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.bodies


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(scripts: list[str], wasm: bool = False) -> str:
    """The policy allowing these inline scripts (wasm: WebAssembly may run, for the search)."""
    script_src = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *sorted({script_hash(s) for s in scripts})]
    directives = {
        "default-src": ["'self'"], "script-src": script_src, "style-src": ["'self'"],
        "img-src": ["'self'", "data:"], "font-src": ["'self'"], "connect-src": ["'self'"],
        "object-src": ["'none'"], "base-uri": ["'none'"], "form-action": ["'none'"], "frame-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
