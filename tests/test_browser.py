"""What a reader sees in a real browser (Debian's Chromium driven by Playwright): accessibility,
privacy, language switch, keyboard use, phones and print. The search has its own tests
(tests/test_search.py)."""
from __future__ import annotations

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import LANGUAGES, ROOT, TABLE, page_path, twin

SCREENSHOTS = ROOT / "test-output" / "screenshots"
# WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practices (aria-dialog-name among them).
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
                                                 "best-practice"]},
           "resultTypes": ["violations"]}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))["pilots"]
OVERVIEW = {lang: page_path("pilots", lang) for lang in LANGUAGES}


class Reader:
    """A browser tab that refuses and records every request to another host, and console errors;
    it also keeps the addresses of all requests."""

    def __init__(self, browser, base: str, **context_options):
        self.base = base
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith((self.base, "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, served_site):
    tab = Reader(browser, served_site, viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def lang_path(lang: str, page: str) -> str:
    return ("" if lang == "de" else "nl/") + page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_accessible_private_and_error_free(site, reader, lang):
    axe = Axe()
    problems = []
    for page in [*site.pages[lang], "404.html"]:
        path = lang_path(lang, page)
        reader.open(path)
        for violation in axe.run(reader.page, options=WCAG_AA).response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.append(f"/{path}: {violation['id']} ({violation['impact']}) at {targets}")
        problems += [f"/{path}: request to another host: {url}" for url in reader.external]
        problems += [f"/{path}: console error: {error}" for error in reader.errors]
        reader.external.clear()
        reader.errors.clear()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_de", ["erfolgsweg/kennenlernen/", f"{OVERVIEW['de']}{PILOTS[0]['id']}/"])
def test_language_switch_lands_on_the_twin(reader, page_de):
    page = reader.open(page_de)
    page.click(".ww-languages > button")  # a disclosure: it opens on its button only
    page.click('a.md-select__link[hreflang="nl"]')
    page.wait_for_load_state()
    assert page.url == reader.base + "nl/" + twin(page_de, "de", "nl")
    page.click(".ww-languages > button")
    page.click('a.md-select__link[hreflang="de"]')
    page.wait_for_load_state()
    assert page.url == reader.base + page_de


def test_keyboard_skip_link_and_visible_focus(reader):
    page = reader.open("erfolgsweg/ziele/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("a => a === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")  # the skip link jumps to the content
    for _ in range(3):
        page.keyboard.press("Tab")
    focused_outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    assert focused_outline[0] != "none" or focused_outline[2] != "none", focused_outline


def test_phone_navigation_drawer(browser, served_site):
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844}, is_mobile=True,
                   has_touch=True)
    try:
        page = phone.open("nl/")
        assert not page.locator(".md-sidebar--primary").is_visible() or \
            page.locator(".md-sidebar--primary").bounding_box()["x"] < 0
        page.click(".md-header button.ww-menu-button")
        link = page.locator('.md-sidebar--primary a.md-nav__link', has_text=LABELS["ui"]["pilots_title"]["nl"])
        link.wait_for(state="visible")
        link.click()
        page.wait_for_load_state()
        assert page.url == served_site + f"nl/{OVERVIEW['nl']}"
        assert not phone.external and not phone.errors
    finally:
        phone.close()


def test_phone_menu_opens_by_keyboard(browser, served_site):
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844})
    try:
        page = phone.open("praxis/")
        button = page.locator(".md-header button.ww-menu-button")
        for _ in range(6):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        assert button.evaluate("b => b === document.activeElement"), "the menu button is reachable by Tab"
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        # Focus starts at the current page's entry, which opens the page's table of contents
        # (tests/test_keyboard.py walks the whole menu).
        focused = page.locator(".md-sidebar--primary .ww-toc-toggle:focus")
        focused.wait_for(state="visible")
        page.keyboard.press("Enter")
        page.locator(".md-sidebar--primary .ww-nav-back[data-toggle='__toc']:focus").wait_for(state="visible")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash.length > 1")
    finally:
        phone.close()


def test_print_shows_the_chapter_without_navigation_or_search(reader):
    page = reader.open("risikofaktoren/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()


def test_pilot_filters_work_by_keyboard_and_announce_the_count(reader):
    page = reader.open(OVERVIEW["de"])
    assert page.locator("div.pilot-filter").is_visible()
    page.focus("#filter-step")
    page.keyboard.press("ArrowDown")  # first step that a pilot has reached
    chosen = page.eval_on_selector("#filter-step", "s => s.value")
    expected = sum(1 for pilot in PILOTS if pilot["step_reached"] == chosen)
    assert page.locator("li.pilot-card:visible").count() == expected
    status = page.locator('.pilot-filter__result[role="status"]').inner_text()
    assert status.startswith(f"{expected} von {len(PILOTS)} ")
    page.click(".pilot-filter button[data-filter-reset]")
    page.wait_for_function(f"() => document.querySelectorAll('li.pilot-card:not([hidden])').length == {len(PILOTS)}")


def test_without_javascript_every_pilot_card_shows_and_the_filters_hide(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open(f"nl/{OVERVIEW['nl']}")
        assert page.locator("li.pilot-card:visible").count() == len(PILOTS)
        assert not page.locator("div.pilot-filter").is_visible()
        overview = tab.open("erfolgsweg/")
        assert overview.locator(".step-by-step h3:visible").count() == len(LABELS["steps"])
    finally:
        tab.close()


SHOTS = {"start": "", "step": "erfolgsweg/kennenlernen/", "overview": OVERVIEW["de"],
         "pilot": f"{OVERVIEW['de']}{PILOTS[0]['id']}/"}


@pytest.mark.parametrize("device,viewport", [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_screenshots_for_review(browser, served_site, device, viewport):
    """Writes test-output/screenshots/<page>-<lang>-<device>.png for a person to look at: the start
    page, a step, the pilot overview with its map, a pilot, and the self-check's result."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = Reader(browser, served_site, viewport={"width": viewport[0], "height": viewport[1]})
    try:
        for name, page_de in SHOTS.items():
            for lang in LANGUAGES:
                target = SCREENSHOTS / f"{name}-{lang}-{device}.png"
                tab.open(lang_path(lang, twin(page_de, "de", lang))).screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 10_000
        for lang in LANGUAGES:
            page = answer_the_check(tab, lang, CHECK_ANSWERS)
            target = SCREENSHOTS / f"check-result-{lang}-{device}.png"
            page.locator(".selfcheck-result").screenshot(path=str(target))
            assert target.stat().st_size > 10_000
        assert not tab.external and not tab.errors
    finally:
        tab.close()


SELFCHECK = yaml.safe_load((ROOT / "data" / "selfcheck.yaml").read_text(encoding="utf-8"))


def test_partnership_check_without_javascript_is_a_checklist_that_sends_nothing(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open(page_path("self-check", "de"))
        assert page.locator("fieldset legend").count() == len(SELFCHECK["questions"])
        assert not page.locator("form[data-selfcheck] button[type=submit]").is_visible()
        assert page.get_attribute("form[data-selfcheck]", "method") == "dialog"
    finally:
        tab.close()


def test_an_old_browser_without_resize_observer_loads_nothing_from_another_host(browser, served_site):
    # The theme would fetch a polyfill from unpkg.com; our stand-in runs first.
    tab = Reader(browser, served_site)
    try:
        tab.context.add_init_script("delete window.ResizeObserver")
        page = tab.open("erfolgsweg/ziele/")
        page.wait_for_timeout(500)
        assert page.evaluate("typeof ResizeObserver") == "function"
        assert not tab.external and not tab.errors, (tab.external, tab.errors)
    finally:
        tab.close()


VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_breaks_its_content_security_policy_even_when_used(browser, served_site, lang):
    """Every page loaded, and the interactive ones used: no violation, nothing loaded from elsewhere."""
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844})
    desktop = Reader(browser, served_site, viewport={"width": 1280, "height": 900})
    problems = []
    try:
        for tab in (phone, desktop):
            tab.context.add_init_script(VIOLATIONS)
        for page in [*desktop_pages(lang)]:
            view = desktop.open(lang_path(lang, page))
            problems += [f"/{lang_path(lang, page)}: {v}" for v in view.evaluate("window.__violations")]
        view = desktop.open(lang_path(lang, OVERVIEW[lang]))
        view.select_option("#filter-step", index=1)
        view = desktop.open(lang_path(lang, page_path("self-check", lang)))
        for fieldset in view.query_selector_all("fieldset[data-factor]"):
            fieldset.query_selector('input[value="2"]').check()
        view.click("form[data-selfcheck] button[type=submit]")
        view.wait_for_selector(".selfcheck-result:not([hidden])")
        problems += [f"self-check: {v}" for v in view.evaluate("window.__violations")]
        view = desktop.open(lang_path(lang, page_path("practice", lang)))
        view.hover("a.glossary-term")
        problems += [f"glossary: {v}" for v in view.evaluate("window.__violations")]
        view = phone.open(lang_path(lang, page_path("practice", lang)))
        view.click(".md-header button.ww-menu-button")
        view.wait_for_timeout(300)
        problems += [f"phone menu: {v}" for v in view.evaluate("window.__violations")]
        problems += [f"request to another host: {url}" for tab in (phone, desktop) for url in tab.external]
    finally:
        phone.close()
        desktop.close()
    assert not problems, "\n".join(problems)


def desktop_pages(lang: str) -> list[str]:
    return [page.path[lang].removeprefix("nl/" if lang == "nl" else "") for page in TABLE][:40]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_feedback_form_composes_an_email_and_sends_nothing(reader, lang):
    page = reader.open(lang_path(lang, page_path("accessibility", lang)))
    form = page.locator("form.feedback-form")
    assert form.is_visible()
    problem = form.locator("textarea[name=problem]")
    form.locator("button[type=submit]").click()
    # An empty description is refused with a message tied to the field, and the field gets focus.
    assert problem.evaluate("t => t === document.activeElement")
    assert problem.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + problem.get_attribute("aria-describedby")).is_visible()
    form.locator("input[name=page]").fill("/praxis/")
    problem.fill("Die Karte ist mit der Tastatur schwer zu bedienen & zu lesen.")
    form.locator("button[type=submit]").click()
    link = form.locator(".feedback-form__status a")
    link.wait_for()
    href = link.get_attribute("href")
    assert href.startswith("mailto:thomas.melchert@hwk-muenster.de?subject=")
    assert "%2Fpraxis%2F" in href and "schwer%20zu%20bedienen%20%26%20zu%20lesen" in href
    assert not reader.external, "the form must not send anything to a server"


def test_without_scripts_the_feedback_form_leaves_a_mail_link(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open("nl/" + page_path("accessibility", "nl"))
        assert not page.locator("form.feedback-form").is_visible()
        fallback = page.locator(".feedback-fallback a")
        assert fallback.is_visible() and fallback.get_attribute("href").startswith("mailto:")
    finally:
        tab.close()


# --- A service for busy firm owners: phones and desktops, both languages ----------------------------

SIZES = {"desktop": (1280, 900), "phone": (390, 844), "small-phone": (320, 568)}
UI = LABELS["ui"]
SITE = yaml.safe_load((ROOT / "data" / "site.yaml").read_text(encoding="utf-8"))
STEP_PAGES = {lang: [page_path(TABLE.for_step(step["key"]).id, lang) for step in LABELS["steps"]]
              for lang in LANGUAGES}
# Fixed answers: steps 1 and 2 done, step 3 half done (one "not yet relevant"), nothing later relevant yet.
CHECK_ANSWERS = {"goals-written": "3", "lead-person-time": "3", "meisterpflicht-known": "3", "partner-profile": "2",
                 "culture-known": "2", "mutual-visits": "3", "decision-ways": "0", "meeting-attendees": "1",
                 "language-agreed": "na", "nda-before-sharing": "2", "benefit-named": "1"}


def tab_of(browser, served_site, size: str) -> Reader:
    width, height = SIZES[size]
    return Reader(browser, served_site, viewport={"width": width, "height": height},
                  **({"is_mobile": True, "has_touch": True} if size != "desktop" else {}))


def answer_the_check(tab: Reader, lang: str, answers: dict[str, str]):
    page = tab.open(lang_path(lang, page_path("self-check", lang)))
    for fieldset in page.query_selector_all("fieldset[data-question]"):
        fieldset.query_selector(f'input[value="{answers.get(fieldset.get_attribute("data-question"), "na")}"]').check()
    page.click("form[data-selfcheck] button[type=submit]")
    page.wait_for_selector(".selfcheck-result:not([hidden])")
    return page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_page_offers_four_entry_points_above_the_fold(browser, served_site, lang, size):
    tab = tab_of(browser, served_site, size)
    try:
        page = tab.open(lang_path(lang, ""))
        entries = page.locator("nav.front-door__entries a")
        assert entries.count() == 4
        height = SIZES[size][1]
        for index in range(4):
            box = entries.nth(index).bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (index, box)
            assert box["height"] >= 24 and box["width"] >= 24
        labels = [entries.nth(i).locator(".front-door__label").inner_text() for i in range(4)]
        assert labels == [UI[key][lang] for key in ("front_start", "front_check", "front_pilots", "front_contact")]
        entries.nth(0).click()
        page.wait_for_url(served_site + lang_path(lang, STEP_PAGES[lang][0]))
        assert page.locator(".step-caption").is_visible()
        assert not tab.external and not tab.errors
    finally:
        tab.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_and_every_step_page_shows_its_help(site, browser, served_site, lang, size):
    tab = tab_of(browser, served_site, size)
    organisations = [SITE[group]["organisation"] for group in ("contact", "contact_nl")]
    problems = []
    try:
        for page_name in [*site.pages[lang], "404.html"]:
            page = tab.open(lang_path(lang, page_name))
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length)
                  .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
                problems.append(f"/{lang_path(lang, page_name)}: {width[0]} px wide at {width[1]} px: {wide}")
            if page_name in STEP_PAGES[lang]:
                help_box = page.locator("aside.contact-help")
                if not help_box.is_visible():
                    problems.append(f"/{lang_path(lang, page_name)}: no contact block")
                    continue
                text = help_box.inner_text()
                assert help_box.locator("h2").inner_text() == UI["contact_step_heading"][lang]
                problems += [f"/{lang_path(lang, page_name)}: {name} missing" for name in organisations
                             if name not in text]
                contact_link = help_box.locator("a", has_text=UI["contact_all"][lang])
                assert contact_link.get_attribute("href").rstrip("/").endswith(page_path("contact", lang).rstrip("/"))
        problems += [f"console: {error}" for error in tab.errors]
    finally:
        tab.close()
    assert not problems, "\n".join(problems)


def visible_marker(page, region: str):
    return page.locator(f'.pilot-map__marker[data-region="{region}"]:visible')


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_selecting_a_map_region_filters_the_cards_and_the_filters_update_the_map(browser, served_site, lang, size):
    tab = tab_of(browser, served_site, size)
    try:
        page = tab.open(lang_path(lang, OVERVIEW[lang]))
        # The map reads on this screen: markers at least 24 px across, names at least 12 px high, no
        # name on top of another name or a marker.
        sizes = page.evaluate("""() => {
          const shown = [...document.querySelectorAll('.pilot-map__layout')]
            .find(g => getComputedStyle(g).display !== 'none');
          const box = e => e.getBoundingClientRect();
          const markers = [...shown.querySelectorAll('.pilot-map__marker circle')].map(box);
          const names = [...shown.querySelectorAll('text.pilot-map__region, text.pilot-map__town-name')].map(box);
          const fonts = [...shown.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize)
            * t.getScreenCTM().a);
          const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
            && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          let clashes = 0;
          names.forEach((a, i) => names.forEach((b, j) => { if (i < j && overlap(a, b)) clashes++; }));
          return {marker: Math.min(...markers.map(m => m.width)), font: Math.min(...fonts), clashes};
        }""")
        assert sizes["marker"] >= 24 and sizes["font"] >= 12 and sizes["clashes"] == 0, sizes
        region = "drenthe"
        expected = [p["id"] for p in PILOTS if region in {r["region"] for r in p["partners"]}]
        marker = visible_marker(page, region)
        marker.scroll_into_view_if_needed()
        marker.click()
        shown = page.locator("li.pilot-card:visible").evaluate_all("cards => cards.map(c => c.dataset.id)")
        assert shown == expected
        assert marker.get_attribute("aria-pressed") == "true"
        assert page.eval_on_selector("#filter-region", "s => s.value") == region
        status = page.locator(".pilot-filter__result").inner_text()
        assert status.startswith(UI["filter_result"][lang].format(shown=len(expected), total=len(PILOTS)))
        marker.click()  # again: every pilot
        assert page.locator("li.pilot-card:visible").count() == len(PILOTS)
        # A filter of the cards updates the map: each marker counts the pilots shown.
        sector = PILOTS[0]["sector"]
        page.select_option("#filter-sector", sector)
        matching = [p for p in PILOTS if p["sector"] == sector]
        for key in LABELS["regions"]:
            count = sum(key in {r["region"] for r in p["partners"]} for p in matching)
            located = visible_marker(page, key)
            if located.count():
                assert located.locator(".pilot-map__count").text_content() == str(count), key
        assert not page.locator(".pilot-filter__none").is_visible()
        # A firm like the reader's: country and size of one partner; no match says so.
        page.select_option("#filter-sector", "")
        combos = {(r["country"], r["size"]) for p in PILOTS for r in p["partners"]}
        missing = next(((c, s) for c in ("DE", "NL") for s in LABELS["size_bands"] if (c, s) not in combos), None)
        if missing:
            page.select_option("#filter-country", missing[0])
            page.select_option("#filter-size", missing[1])
            assert page.locator("li.pilot-card:visible").count() == 0
            assert page.locator(".pilot-filter__none").is_visible()
        assert not tab.external and not tab.errors
    finally:
        tab.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_self_check_places_the_firm_and_names_next_actions_and_every_factor(browser, served_site, lang, size):
    tab = tab_of(browser, served_site, size)
    try:
        page = answer_the_check(tab, lang, CHECK_ANSWERS)
        result = page.locator(".selfcheck-result")
        assert page.evaluate("document.activeElement.id") == "selfcheck-result-title"
        questions = SELFCHECK["questions"]
        not_relevant = len(questions) - len([v for v in CHECK_ANSWERS.values() if v != "na"])
        assert result.locator('[role="status"]').inner_text() == UI["check_summary"][lang].format(
            answered=len(questions), total=len(questions), not_relevant=not_relevant)
        step = LABELS["steps"][2]
        position = result.locator(".selfcheck-result__step").inner_text()
        assert position == UI["check_position"][lang].format(n=3, total=len(LABELS["steps"]), title=step["title"][lang])
        actions = result.locator(".selfcheck-result__actions > li > a")
        action_of = {q["id"]: q["action"][lang] for q in questions}
        expected = [action_of[q] for q in ("decision-ways", "meeting-attendees", "benefit-named")]
        assert actions.all_inner_texts() == expected
        assert actions.first.get_attribute("href").split("#")[0].rstrip("/").endswith(STEP_PAGES[lang][2].rstrip("/"))
        levels = dict(result.locator(".selfcheck-result__factors > li").evaluate_all(
            "items => items.map(i => [i.dataset.factor, i.querySelector('strong').textContent])"))
        factors = [*LABELS["success_factors"], *LABELS["risk_factors"]]
        assert sorted(levels) == sorted(factors), "every factor is shown"
        assert levels["trust"] == UI["check_success_high"][lang]
        assert levels["mutual_benefit"] == UI["check_success_low"][lang]
        assert levels["decision_making"] == UI["check_risk_low"][lang]
        assert levels["knowhow_drain"] == UI["check_risk_mid"][lang]
        assert levels["language"] == UI["check_unrated"][lang]  # answered "not yet relevant" only
        assert "%" not in result.inner_text()
        assert result.locator(".contact-block").is_visible() and result.locator("button[data-print]").is_visible()
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1]
        assert not tab.external and not tab.errors
    finally:
        tab.close()


def phone_violations(page) -> list[dict]:
    """axe's findings on a phone."""
    return Axe().run(page, options=WCAG_AA).response["violations"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_pages_are_accessible_on_a_small_phone_too(browser, served_site, lang):
    tab = tab_of(browser, served_site, "small-phone")
    problems = []
    try:
        pages = ["", STEP_PAGES[lang][0], OVERVIEW[lang], page_path("contact", lang)]
        for name in pages:
            tab.open(lang_path(lang, name))
            problems += [f"/{lang_path(lang, name)}: {v['id']} at {[n['target'] for n in v['nodes'][:3]]}"
                         for v in phone_violations(tab.page)]
        answer_the_check(tab, lang, CHECK_ANSWERS)
        problems += [f"self-check result: {v['id']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in phone_violations(tab.page)]
    finally:
        tab.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_tap_on_a_glossary_term_explains_it_in_place(browser, served_site, lang):
    tab = tab_of(browser, served_site, "small-phone")
    try:
        page = tab.open(lang_path(lang, page_path("practice", lang)))
        term = page.locator("a.glossary-term").first
        term.scroll_into_view_if_needed()
        address = page.url
        term.tap()
        tip = page.locator("#" + term.get_attribute("aria-describedby"))
        assert page.url == address, "the tap stays on the page"
        assert tip.is_visible() and term.get_attribute("aria-expanded") == "true"
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES["small-phone"][0]
        term.tap()
        assert not tip.is_visible()
    finally:
        tab.close()


def test_empty_checklist_boxes_look_empty(reader):
    page = reader.open(lang_path("de", STEP_PAGES["de"][0]))
    box = page.locator(".task-list-control").first
    mask, background = box.locator(".task-list-indicator").evaluate(
        "e => { const s = getComputedStyle(e, '::before');"
        " return [s.maskImage || s.webkitMaskImage, s.backgroundColor]; }")
    assert mask == "none" and background == "rgb(255, 255, 255)", (mask, background)
    box.click()
    mask = box.locator(".task-list-indicator").evaluate(
        "e => { const s = getComputedStyle(e, '::before'); return s.maskImage || s.webkitMaskImage; }")
    assert mask != "none"
