"""Headers for hosts that allow them: docs/_headers (published as site/_headers for Netlify and
Cloudflare Pages) and the nginx snippet deploy/nginx-wegweiser.conf carry the protections that a
<meta> tag cannot, the same in both; nginx sends them with every answer and Chromium applies them."""
from __future__ import annotations

import concurrent.futures
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import sync_playwright

HEADERS_FILE = ROOT / "docs" / "_headers"
NGINX_SNIPPET = ROOT / "deploy" / "nginx-wegweiser.conf"
# Unpacked from Debian's package by make test (not installed, so no service runs).
NGINX = ROOT / ".tools" / "nginx" / "usr" / "sbin" / "nginx"
CHROMIUM = "/usr/bin/chromium"
ADD_HEADER = re.compile(r'add_header ([A-Za-z-]+) "([^"]*)" always;')


def headers_file_rules(text: str) -> dict[str, dict[str, str]]:
    """The Netlify / Cloudflare Pages format: a path on its own line, then indented 'Name: value'."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        name, colon, value = line.strip().partition(":")
        assert current is not None and colon and re.fullmatch(r"[A-Za-z-]+", name) and value.strip(), \
            f"_headers:{number}: expected an indented 'Name: value' below a path, found {line!r}"
        assert name.lower() not in current, f"_headers:{number}: {name} twice"
        current[name.lower()] = value.strip()
    return rules


def nginx_snippet_headers(text: str) -> dict[str, str]:
    headers = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = ADD_HEADER.fullmatch(line.strip())
        assert match, f"nginx-wegweiser.conf:{number}: expected add_header Name \"value\" always; found {line!r}"
        headers[match[1].lower()] = match[2]
    return headers


@pytest.fixture(scope="module")
def headers() -> dict[str, str]:
    rules = headers_file_rules(HEADERS_FILE.read_text(encoding="utf-8"))
    assert list(rules) == ["/*"], "one rule for every path of the site"
    return rules["/*"]


def test_the_headers_file_carries_what_a_meta_tag_cannot(headers):
    # Only frame-ancestors: the page's own <meta> policy covers the rest, and two full policies
    # would both apply.
    assert headers["content-security-policy"] == "frame-ancestors 'none'"
    assert headers["x-frame-options"] == "DENY"
    max_age = re.fullmatch(r"max-age=(\d+)(; includeSubDomains)?", headers["strict-transport-security"])
    assert max_age and int(max_age[1]) >= 31_536_000, "HTTPS for at least a year"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] in {"no-referrer", "same-origin", "strict-origin"}
    assert headers["cross-origin-opener-policy"] == "same-origin"
    features = dict(item.strip().split("=", 1) for item in headers["permissions-policy"].split(","))
    assert set(features.values()) == {"()"}, "every listed feature denied to everyone"
    assert {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"} <= set(features)


def test_the_headers_file_parser_catches_a_broken_line():
    with pytest.raises(AssertionError, match="_headers:3"):
        headers_file_rules("/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy same-origin\n")


def test_the_built_site_carries_the_headers_file(site):
    published = site.root / "_headers"
    assert published.is_file(), "site/_headers is missing: Netlify and Cloudflare Pages would send no headers"
    assert published.read_bytes() == HEADERS_FILE.read_bytes()
    assert not (site.root / "nl" / "_headers").exists()


def test_the_nginx_snippet_names_the_same_headers(headers):
    assert nginx_snippet_headers(NGINX_SNIPPET.read_text(encoding="utf-8")) == headers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_site(site, tmp_path_factory):
    """The built site served by nginx with the snippet included, as on a real server."""
    assert NGINX.exists(), "nginx is missing (make test unpacks Debian's package into .tools/)"
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    (prefix / "nginx.conf").write_text(f"""
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log stderr;
events {{}}
http {{
    access_log off;
    client_body_temp_path {prefix}; proxy_temp_path {prefix}; fastcgi_temp_path {prefix};
    uwsgi_temp_path {prefix}; scgi_temp_path {prefix};
    types {{ text/html html; text/css css; application/javascript js; }}
    server {{
        listen 127.0.0.1:{port};
        root {site.root};
        include {NGINX_SNIPPET};
    }}
}}
""", encoding="utf-8")
    command = [str(NGINX), "-p", f"{prefix}/", "-c", "nginx.conf", "-e", "stderr"]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, f"nginx -t refuses the snippet:\n{check.stderr}"
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, f"nginx stopped:\n{server.stderr.read()}"
                assert time.monotonic() < deadline, "nginx did not answer within 10 seconds"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _answer(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


@pytest.mark.parametrize("path, status", [("", 200), ("nl/", 200), ("assets/stylesheets/wegweiser.css", 200),
                                          ("gibt-es-nicht/", 404)])
def test_nginx_sends_the_headers_with_every_answer(nginx_site, headers, path, status):
    code, sent = _answer(nginx_site + path)
    assert code == status
    assert {name: sent.get(name) for name in headers} == headers


def _check_in_chromium(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            messages: list[str] = []
            page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
            page.goto(base, wait_until="load")
            # The header reached the browser, and every feature name in it is one Chromium knows.
            denied = page.evaluate("['camera', 'geolocation', 'microphone']"
                                   ".map(f => document.featurePolicy.allowsFeature(f))")
            assert denied == [False, False, False]
            assert page.evaluate("document.featurePolicy.allowsFeature('sync-xhr')"), "a feature not listed stays"
            assert not [m for m in messages if "permissions-policy" in m.lower() or "feature" in m.lower()], messages

            # Another page that tries to show the site in a frame gets nothing (frame-ancestors 'none').
            framing = browser.new_page()
            with framing.expect_console_message(lambda message: "frame-ancestors" in message.text, timeout=10_000):
                framing.set_content(f'<iframe src="{base}" title="Wegweiser"></iframe>')
            assert not framing.frames[1].url.startswith(base), "the site opened inside a frame"
        finally:
            browser.close()


def test_chromium_applies_the_headers_and_refuses_to_frame_the_site(nginx_site):
    assert Path(CHROMIUM).exists(), "Debian's Chromium is missing (make test installs it)"
    # In a thread of its own: the browser tests' Playwright (a session fixture) may still be running
    # in this one, and Playwright's sync API allows one per thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_check_in_chromium, nginx_site).result(timeout=120)
