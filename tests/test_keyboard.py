"""Keyboard and zoom, in Debian's Chromium, both languages, a page of every kind (WCAG 2.2 AA where
the automated checkers cannot see): the whole tab order at desktop and phone width, backwards too,
the menu drawer, the language switcher and the navigation's sections by keyboard alone, and the
pages at 320 px (400 % zoom of a 1280 px window)."""
from __future__ import annotations

import io

import pytest
import yaml
from conftest import LANGUAGES, ROOT, TABLE, page_path, twin
from PIL import Image, ImageChops
from test_browser import PILOTS, Reader, lang_path

UI = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
# A page of every kind (ids of the page table).
KINDS = {"start": "start", "step": "goals", "factors": "success-factors", "pilot overview": "pilots",
         "pilot": f"pilot:{PILOTS[0]['id']}", "self-check": "self-check", "glossary": "glossary",
         "legal": "accessibility"}
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}},
           "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}
SEARCH_QUERY = {"de": "Vertrauen", "nl": "vertrouwen"}
MAX_STOPS = 400  # more means focus is trapped somewhere

# What the focused element is and where it stands. The element a reader sees may be a stand-in:
# a checkbox drawn by its label. `covered` lists what lies on top of the element at any of nine
# points (2.4.11: the sticky header or the back-to-top button must not hide it).
STOP = """async () => {
  // A frame: what the theme's scripts adjust on scrolling (the sidebars' height) is in place.
  for (let i = 0; i < 1; i++) await new Promise(resolve => requestAnimationFrame(resolve));
  const el = document.activeElement;
  // Transitions (the skip link slides in, a list fades in) are taken to their end before anything is measured.
  for (const a of document.getAnimations())
    if (a.effect && a.effect.getTiming().iterations !== Infinity) a.finish();
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!el.__stop) el.__stop = window.__stops = (window.__stops || 0) + 1;
  const shown = e => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const target = shown(el) ? el : ((el.labels && el.labels[0]) || el);
  const r = target.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = innerHeight;
  const box = {left: Math.max(r.left, 0), right: Math.min(r.right, vw), top: Math.max(r.top, 0),
               bottom: Math.min(r.bottom, vh)};
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const info = {id: el.__stop, what: describe(el), visible: shown(target), covered: [],
                inside: box.right - box.left >= 1 && box.bottom - box.top >= 1,
                rect: [r.left, r.top, r.width, r.height],
                kind: [el.tagName, el.getAttribute('class'), el.getAttribute('role'), el.type,
                       el.parentElement && el.parentElement.getAttribute('class')].join('|'),
                // Edges of the element on screen: a 2 px ring around them is what a focus indicator draws.
                edges: (r.top >= 0 && r.top <= vh ? box.right - box.left : 0) +
                       (r.bottom >= 0 && r.bottom <= vh ? box.right - box.left : 0) +
                       (r.left >= 0 && r.left <= vw ? box.bottom - box.top : 0) +
                       (r.right >= 0 && r.right <= vw ? box.bottom - box.top : 0),
                clip: {x: Math.max(box.left - 8, 0), y: Math.max(box.top - 8, 0)}};
  info.clip.width = Math.min(box.right + 8, vw) - info.clip.x;
  info.clip.height = Math.min(box.bottom + 8, vh) - info.clip.y;
  if (info.inside) {
    // Nine points of each line box (a link may wrap onto two lines), inside the window.
    const points = [];
    // An SVG shape: its middle (the corners of its box are the picture behind it).
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
    const lines = target instanceof SVGElement ? [{left: cx - 0.5, right: cx + 0.5, top: cy - 0.5, bottom: cy + 0.5}]
      : target.getClientRects();
    for (const line of lines) {
      const b = {left: Math.max(line.left, 0), right: Math.min(line.right, vw), top: Math.max(line.top, 0),
                 bottom: Math.min(line.bottom, vh)};
      if (b.right - b.left < 1 || b.bottom - b.top < 1) continue;
      const inset = (a, c) => Math.min(3, (c - a) / 2);
      for (const x of [b.left + inset(b.left, b.right), (b.left + b.right) / 2, b.right - inset(b.left, b.right)])
        for (const y of [b.top + inset(b.top, b.bottom), (b.top + b.bottom) / 2, b.bottom - inset(b.top, b.bottom)])
          points.push([x, y]);
    }
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || target.contains(hit) || hit.contains(target) || el.contains(hit)) continue;
      if (!info.covered.includes(describe(hit))) info.covered.push(describe(hit));
    }
  }
  return info;
}"""

# Relative luminance of an 8-bit sRGB channel value (WCAG 2.x).
_LINEAR = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in range(256)]


def _luminance(pixel: tuple[int, int, int]) -> float:
    return 0.2126 * _LINEAR[pixel[0]] + 0.7152 * _LINEAR[pixel[1]] + 0.0722 * _LINEAR[pixel[2]]


def strong_changes(focused: bytes, unfocused: bytes) -> int:
    """Pixels that differ between the two screenshots by a contrast ratio of 3:1 or more."""
    a, b = (Image.open(io.BytesIO(shot)).convert("RGB") for shot in (focused, unfocused))
    bbox = ImageChops.difference(a, b).getbbox()
    if bbox is None:
        return 0
    count = 0
    one_bytes, two_bytes = a.crop(bbox).tobytes(), b.crop(bbox).tobytes()
    for index in range(0, len(one_bytes), 3):
        one, two = tuple(one_bytes[index:index + 3]), tuple(two_bytes[index:index + 3])
        if one != two:
            high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
            count += (high + 0.05) / (low + 0.05) >= 3
    return count


class Walk:
    """Tab (or Shift+Tab) through a page from where focus is, recording every stop."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.checked_kinds: dict[str, int] = {}

    def name(self) -> tuple[str, str]:
        """The focused element's role and accessible name, as Chromium computes them for screen readers."""
        handle = self.cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
        node = self.cdp.send("Accessibility.getPartialAXTree",
                             {"objectId": handle, "fetchRelatives": False})["nodes"][0]
        self.cdp.send("Runtime.releaseObject", {"objectId": handle})
        return node.get("role", {}).get("value", ""), str(node.get("name", {}).get("value", "")).strip()

    def focus_change(self, stop: dict) -> int:
        """Pixels that change at 3:1 when the stop loses focus (its focus indicator)."""
        clip = stop["clip"]
        if clip["width"] < 1 or clip["height"] < 1:
            return 0
        element = self.page.evaluate_handle("document.activeElement")
        focused = self.page.screenshot(clip=clip, animations="disabled")
        self.page.evaluate("e => e.blur()", element)
        unfocused = self.page.screenshot(clip=clip, animations="disabled")
        self.page.evaluate("e => e.focus()", element)
        element.dispose()
        return strong_changes(focused, unfocused)

    def run(self, key: str = "Tab", where: str = "", until=None, look: bool = True,
            limit: int = MAX_STOPS) -> tuple[list[dict], list[str]]:
        """Press `key` until focus leaves the page (or `until(stop)` says so, or after `limit` stops);
        problems found on the way. `look`: measure each kind of control's focus indicator (the first
        two of a kind on the page)."""
        stops, problems = [], []
        for _ in range(limit):
            self.page.keyboard.press(key)
            stop = self.page.evaluate(STOP)
            if stop is None or (until and until(stop)):
                return stops, problems
            if not stop["inside"] or stop["covered"]:
                # Give the page half a second to settle (a closing overlay, a scroll after a lock).
                self.page.wait_for_timeout(500)
                stop = self.page.evaluate(STOP)
            stop["role"], stop["name"] = self.name()
            stops.append(stop)
            label = f"{where} stop {len(stops)} {stop['what']} ({stop['role']} '{stop['name'][:40]}')"
            if not stop["visible"]:
                problems.append(f"{label}: not visible")
            elif not stop["inside"]:
                problems.append(f"{label}: outside the viewport at {stop['rect']}")
            elif stop["covered"]:
                problems.append(f"{label}: hidden under {stop['covered']}")
            if not stop["name"]:
                problems.append(f"{label}: no accessible name")
            if look and stop["visible"] and stop["inside"] and self.checked_kinds.get(stop["kind"], 0) < 2:
                self.checked_kinds[stop["kind"]] = self.checked_kinds.get(stop["kind"], 0) + 1
                changed = self.focus_change(stop)
                if changed < stop["edges"]:
                    problems.append(f"{label}: focus shows too little ({changed} px at 3:1, "
                                    f"{int(stop['edges'])} needed)")
        if limit == MAX_STOPS:
            problems.append(f"{where}: focus never left the page after {MAX_STOPS} stops (a trap?)")
        return stops, problems


def walk_both_ways(page, where: str) -> list[str]:
    """The whole tab order from the top, then Shift+Tab from the end back to the top: every stop
    visible, inside the window, named, not hidden under anything, with a visible focus indicator;
    backwards the same stops in reverse order."""
    walk = Walk(page)
    forward, problems = walk.run("Tab", f"{where} Tab")
    assert len(forward) >= 5, f"{where}: only {len(forward)} tab stops"
    # From the end (focus has left the page) back to the first stop; Chromium goes round from there.
    backward, more = walk.run("Shift+Tab", f"{where} Shift+Tab", look=False, limit=len(forward))
    problems += more
    if [s["id"] for s in backward] != [s["id"] for s in reversed(forward)]:
        problems.append(f"{where}: Shift+Tab does not retrace Tab: {[s['what'] for s in backward][:8]} …")
    return problems


@pytest.fixture(params=list(DEVICES))
def device(request, browser, served_site):
    tab = Reader(browser, served_site, **DEVICES[request.param])
    tab.device = request.param
    yield tab
    tab.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_tab_order_both_ways(device, lang):
    problems = []
    for kind, page_id in KINDS.items():
        page = device.open(lang_path(lang, page_path(page_id, lang)))
        page.wait_for_timeout(100)
        problems += walk_both_ways(page, f"{device.device} {kind} /{lang_path(lang, page_path(page_id, lang))}")
    problems += [f"console: {error}" for error in device.errors]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_by_keyboard(device, lang):
    """With the search open and results showing: every stop of the result list like any other."""
    page = device.open(lang_path(lang, page_path("project", lang)))
    walk = Walk(page)
    walk.run("Tab", until=lambda stop: stop["what"].startswith("input") and "md-search__input" in stop["what"])
    assert page.evaluate("document.activeElement.type") == "search", "the search field is in the tab order"
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type(SEARCH_QUERY[lang])
    page.wait_for_selector("#ww-search .md-search-result__item")
    stops, problems = walk.run("Tab", f"{device.device} search",
                               until=lambda stop: not page.evaluate("document.getElementById('__search').checked")
                               or not page.evaluate("!!document.activeElement.closest('#ww-search')"))
    assert len(stops) >= 3, "the results are in the tab order"
    assert not problems, "\n".join(problems)


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, key: str = "Tab", limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if focused(page, selector):
            return
    raise AssertionError(f"{selector} not reached by {key}")


MENU = ".md-header button.ww-menu-button"
IN_DRAWER = "!!document.activeElement.closest('.md-sidebar--primary')"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_is_a_dialog_operated_by_keyboard_alone(browser, served_site, lang):
    phone = Reader(browser, served_site, **DEVICES["phone"])
    try:
        page = phone.open(lang_path(lang, page_path("goals", lang)))
        tab_to(page, MENU)
        walk = Walk(page)
        assert walk.name() == ("button", UI["menu_button"][lang])
        menu = page.locator(MENU)
        drawer = page.locator("#" + menu.get_attribute("aria-controls"))
        assert menu.get_attribute("aria-expanded") == "false" and drawer.evaluate("d => d.inert")
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        assert drawer.get_attribute("role") == "dialog" and drawer.get_attribute("aria-modal") == "true"
        assert drawer.get_attribute("aria-label") == UI["menu_button"][lang]
        # Focus starts at the current page's entry (its table of contents on phones) and stays inside,
        # Tab and Shift+Tab going round; every stop inside the window and named.
        assert page.evaluate(IN_DRAWER) and focused(page, ".ww-toc-toggle")
        first = page.evaluate(STOP)["id"]
        stops, problems = walk.run("Tab", "menu", until=lambda stop: stop["id"] == first)
        assert not problems, "\n".join(problems)
        assert len(stops) >= 5 and page.evaluate(IN_DRAWER), "Tab goes round inside the menu"
        _, problems = walk.run("Shift+Tab", "menu backwards", look=False, limit=len(stops) + 1)
        assert not problems and page.evaluate(IN_DRAWER)
        # Out of the step's section to the main level, and on to another chapter.
        tab_to(page, "button.ww-nav-back[data-toggle='__nav_2']")
        page.keyboard.press("Enter")
        assert focused(page, "button.ww-nav-toggle[data-toggle='__nav_2']")
        assert page.get_attribute("button.ww-nav-toggle[data-toggle='__nav_2']", "aria-expanded") == "false"
        risk = page.locator(".md-sidebar--primary a.md-nav__link", has_text=UI_TITLES["risk-factors"][lang])
        tab_to(page, f"a.md-nav__link[href$='{page_path('risk-factors', lang).rstrip('/').split('/')[-1]}/']")
        assert risk.evaluate("a => a === document.activeElement")
        page.keyboard.press("Enter")
        page.wait_for_url(phone.base + lang_path(lang, page_path("risk-factors", lang)))
        # There: the page's table of contents from the menu; following an entry closes the menu and
        # leaves focus at that section.
        tab_to(page, MENU)
        page.keyboard.press("Enter")
        assert focused(page, ".ww-toc-toggle")
        page.keyboard.press("Enter")
        assert focused(page, "button.ww-nav-back[data-toggle='__toc']")
        page.keyboard.press("Tab")
        target = page.evaluate("document.activeElement.hash")
        assert target.startswith("#")
        page.keyboard.press("Enter")
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=target[1:])
        # Escape closes the menu and focus is back on its button.
        tab_to(page, MENU, key="Shift+Tab")
        page.keyboard.press("Enter")
        assert page.evaluate(IN_DRAWER)
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false" and focused(page, MENU)
        assert drawer.evaluate("d => d.inert") and drawer.get_attribute("role") is None
        # The close button in the menu does the same (a touch screen reader has no Escape key).
        page.keyboard.press("Enter")
        page.locator(".ww-drawer-close").focus()
        assert walk.name() == ("button", UI["menu_close"][lang])
        page.keyboard.press("Enter")
        assert focused(page, MENU) and menu.get_attribute("aria-expanded") == "false"
        assert not phone.errors and not phone.external
    finally:
        phone.close()


UI_TITLES = {"risk-factors": {lang: TABLE.get("risk-factors").title[lang] for lang in LANGUAGES}}


def test_navigation_sections_are_disclosures_on_wide_screens(browser, served_site):
    tab = Reader(browser, served_site, **DEVICES["desktop"])
    try:
        for lang in LANGUAGES:
            page = tab.open(lang_path(lang, page_path("project", lang)))
            toggle = page.locator("button.ww-nav-toggle").first
            section = page.locator(".md-sidebar--primary [data-md-level='1'] a.md-nav__link").first
            assert toggle.get_attribute("aria-expanded") == "false" and not section.is_visible()
            tab_to(page, "button.ww-nav-toggle")
            role, name = Walk(page).name()
            assert role == "button" and name == UI["nav_section_pages"][lang].replace(
                "{title}", TABLE.get("success-path").title[lang])
            page.keyboard.press("Enter")
            assert toggle.get_attribute("aria-expanded") == "true" and focused(page, "button.ww-nav-toggle")
            section.wait_for(state="visible")
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.href") == section.evaluate("a => a.href")
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Space")
            assert toggle.get_attribute("aria-expanded") == "false"
            section.wait_for(state="hidden")
    finally:
        tab.close()


@pytest.mark.parametrize("device_name", list(DEVICES))
def test_language_switcher_is_a_disclosure(browser, served_site, device_name):
    tab = Reader(browser, served_site, **DEVICES[device_name])
    try:
        page = tab.open(page_path("goals", "de"))
        button = page.locator(".ww-languages > button")
        links = page.locator(".ww-languages a.md-select__link")
        page.mouse.move(1, 400)
        button.hover()
        page.wait_for_timeout(400)
        assert not links.first.is_visible(), "hover alone does not open the list"
        page.mouse.move(1, 400)
        tab_to(page, ".ww-languages > button")
        page.wait_for_timeout(400)
        assert not links.first.is_visible() and button.get_attribute("aria-expanded") == "false", \
            "focus alone does not open the list"
        assert button.get_attribute("aria-controls") == links.first.evaluate("a => a.closest('[id]').id")
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        links.first.wait_for(state="visible")
        for index, lang in enumerate(LANGUAGES):  # each language's name in its own language
            assert links.nth(index).get_attribute("lang") == lang == links.nth(index).get_attribute("hreflang")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "true"
        page.keyboard.press("Escape")
        assert focused(page, ".ww-languages > button") and button.get_attribute("aria-expanded") == "false"
        links.first.wait_for(state="hidden")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.lang") == "nl"
        page.keyboard.press("Enter")
        page.wait_for_url(tab.base + "nl/" + twin(page_path("goals", "de"), "de", "nl"))
        assert not tab.errors and not tab.external
    finally:
        tab.close()


def test_glossary_tooltip_can_be_hovered_and_dismissed(browser, served_site):
    reader = Reader(browser, served_site, **DEVICES["desktop"])
    page = reader.open(page_path("practice", "de"))
    term = page.locator("a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    tip.wait_for(state="visible")
    term_box, tip_box = term.bounding_box(), tip.bounding_box()
    # The pointer moves down from the term onto the explanation, across the gap between them.
    x = term_box["x"] + min(term_box["width"], tip_box["width"]) / 2
    for y in range(int(term_box["y"] + term_box["height"] / 2), int(tip_box["y"] + tip_box["height"] / 2), 4):
        page.mouse.move(x, y)
        assert tip.is_visible(), f"the explanation vanished with the pointer at {y}"
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses it with the pointer still on it"
    reader.close()


def test_headings_are_named_without_permalinks(browser, served_site):
    tab = Reader(browser, served_site, **DEVICES["desktop"])
    try:
        for lang in LANGUAGES:
            page = tab.open(lang_path(lang, page_path("risk-factors", lang)))
            cdp = page.context.new_cdp_session(page)
            nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
            headings = [str(n.get("name", {}).get("value", "")) for n in nodes
                        if n.get("role", {}).get("value") == "heading"]
            assert len(headings) >= 5 and not [h for h in headings if "¶" in h], headings
            assert page.locator("a.headerlink").count() >= 5
            assert page.evaluate("[...document.querySelectorAll('a.headerlink')].every(a => a.tabIndex === -1)")
    finally:
        tab.close()


# --- 320 px: a 1280 px window at 400 % ------------------------------------------------------------

# Everything a reader sees lies inside the window, or inside a table box that scrolls sideways on its
# own and is a named stop of the tab order; nothing is cut off by a box that does not scroll.
REFLOW = """() => {
  const vw = document.documentElement.clientWidth, problems = [];
  const width = document.documentElement.scrollWidth;
  if (width > vw) problems.push(`the page is ${width} px wide`);
  const describe = e => e.tagName.toLowerCase()
    + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('[inert], .visually-hidden, .md-search, svg, .md-dialog')
        || !el.checkVisibility({visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
        && !/^(IMG|INPUT|SELECT|BUTTON|TEXTAREA)$/.test(el.tagName)) continue;
    let clip = {left: 0, right: vw}, scroller = null;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible') continue;
      const b = a.getBoundingClientRect();
      if (/auto|scroll/.test(s.overflowX) && a.scrollWidth > a.clientWidth) { scroller = a; break; }
      clip = {left: Math.max(clip.left, b.left), right: Math.min(clip.right, b.right)};
      if (s.textOverflow === 'ellipsis' || a.classList.contains('md-ellipsis')) { clip = null; break; }
    }
    if (clip === null) continue;  // shortened with "…" on purpose (the header's page title)
    if (scroller) {
      if (!scroller.querySelector('table') || scroller.tabIndex < 0 || !scroller.getAttribute('aria-labelledby'))
        problems.push(`${describe(el)} is in a box that scrolls sideways but is no named table region: `
                      + describe(scroller));
      continue;
    }
    if (r.left < clip.left - 1 || r.right > clip.right + 1)
      problems.push(`${describe(el)} '${(el.textContent || '').trim().slice(0, 30)}' cut off: `
                    + `${Math.round(r.left)}–${Math.round(r.right)} px`);
  }
  return [...new Set(problems)].slice(0, 12);
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_page_reflows_at_320_px(browser, served_site, lang):
    tab = Reader(browser, served_site, viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    problems = []
    try:
        for kind, page_id in KINDS.items():
            path = lang_path(lang, page_path(page_id, lang))
            page = tab.open(path)
            page.wait_for_timeout(100)
            problems += [f"{kind} /{path}: {problem}" for problem in page.evaluate(REFLOW)]
        # The self-check's result and an open glossary explanation, too.
        page = tab.open(lang_path(lang, page_path("self-check", lang)))
        for fieldset in page.query_selector_all("fieldset[data-question]"):
            fieldset.query_selector('input[value="2"]').check()
        page.click("form[data-selfcheck] button[type=submit]")
        page.wait_for_selector(".selfcheck-result:not([hidden])")
        problems += [f"self-check result: {problem}" for problem in page.evaluate(REFLOW)]
        page = tab.open(lang_path(lang, page_path("practice", lang)))
        page.locator("a.glossary-term").first.tap()
        problems += [f"glossary explanation: {problem}" for problem in page.evaluate(REFLOW)]
        assert not tab.errors
    finally:
        tab.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_key_shortcuts_can_be_turned_off_and_stay_off(browser, served_site, lang):
    """WCAG 2.1.4: "/" and "s" open the search until the footer's switch is pressed; then they do
    nothing, on any page, until it is pressed again."""
    def search_focused(page) -> bool:
        return page.evaluate("() => document.activeElement.matches('#ww-search input')")

    reader = Reader(browser, served_site, viewport={"width": 1280, "height": 900})
    step = lang_path(lang, page_path("goals", lang))
    page = reader.open(step)
    page.locator("h1").click()  # focus on the page, not in a field
    page.keyboard.press("s")
    page.wait_for_function("() => document.activeElement.matches('#ww-search input')")
    page = reader.open(step)
    switch = page.get_by_role("button", name=UI["shortcuts_off"][lang])
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    page = reader.open(lang_path(lang, page_path("success-factors", lang)))
    page.locator("h1").click()
    for key in ("/", "s"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert not search_focused(page)
    switch = page.get_by_role("button", name=UI["shortcuts_off"][lang])
    assert switch.get_attribute("aria-pressed") == "true"
    switch.press("Enter")  # on again, by keyboard
    assert switch.get_attribute("aria-pressed") == "false"
    page.locator("h1").click()
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.matches('#ww-search input')")
    assert not reader.errors
    reader.close()
