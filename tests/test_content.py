"""What the edition says about itself and the legal pages a public body of NRW must publish, in both
languages: read from the built pages, as a reader (or a chamber's lawyer) would."""
from __future__ import annotations

import copy
import re

import pytest
import yaml
from conftest import LANGUAGES, ROOT, page_path, twin

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
SITE = yaml.safe_load((ROOT / "data" / "site.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))["pilots"]
# What a reader must be told about the pilot profiles, in each language.
EXAMPLES = {"de": "erfundene Beispiele", "nl": "verzonnen voorbeelden"}
YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def article(site, lang: str, page: str):
    """The article of a page given by its German address (or, for generated pages, its own)."""
    if page in site.pages["de"] and lang != "de":
        page = twin(page, "de", lang)
    return site.soup(site.file_of(lang, page)).select_one("article")


def section_nodes(site, lang: str, page: str, anchor: str) -> list:
    """The elements of an H2 section, from its heading to the next H2."""
    heading = article(site, lang, page).find("h2", id=anchor)
    assert heading is not None, (lang, page, anchor)
    nodes = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        nodes.append(sibling)
    return nodes


def section(site, lang: str, page: str, anchor: str) -> str:
    return " ".join(node.get_text(" ", strip=True) for node in section_nodes(site, lang, page, anchor))


def pilot_pages(lang: str) -> list[str]:
    overview = page_path("pilots", lang)
    return [overview] + [f"{overview}{pilot['id']}/" for pilot in PILOTS]


# --- The pilot profiles are examples, without start years ------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_and_every_pilot_page_say_the_profiles_are_invented_examples(site, lang):
    for page in pilot_pages(lang):
        notice = article(site, lang, page).select_one(".admonition")
        assert notice is not None, page
        text = notice.get_text(" ", strip=True)
        assert EXAMPLES[lang] in text, (page, text)
        assert not re.search(r"anonymis|geanonimiseerd", text, re.I), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pilot_pages_show_no_start_year(site, lang):
    for page in pilot_pages(lang):
        body = copy.copy(article(site, lang, page))
        for info in body.select(".page-info"):  # "Stand: …" is when the page changed, not a start year
            info.decompose()
        text = body.get_text(" ", strip=True)
        assert not YEAR.search(text), (page, YEAR.search(text))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page,anchor", [("", "origin"), ("projekt/", "edition"), ("bestellen/", "order")])
def test_start_project_and_order_pages_say_what_this_edition_is(site, lang, page, anchor):
    text = section(site, lang, page, anchor)
    new_edition = {"de": "neue Online-Ausgabe", "nl": "nieuwe online-editie"}[lang]
    own_work = {"de": "Online-Redaktion", "nl": "onlineredactie"}[lang]
    assert new_edition in text and own_work in text, (page, text[:300])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_are_footnotes_not_copies_on_document_sharing_sites(site, lang):
    for page in ("erfolgsfaktoren/", "risikofaktoren/", "praxis/", "erfolgsweg/vereinbarung/"):
        body = article(site, lang, page)
        assert body.select(".footnote li"), page
        hrefs = [a["href"] for a in body.find_all("a", href=True)]
        copies = [h for h in hrefs if re.search(r"yumpu|studylib|adoc\.pub|scribd|5dok|docplayer|pdfslide|questia", h)]
        assert not copies, (page, copies)
        back = body.select_one(".footnote-backref")
        assert "Jump back" not in back.get("title", ""), "the back-link speaks the page's language"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dutch_side_duties_stand_next_to_the_german_ones(site, lang):
    text = article(site, lang, "praxis/").get_text(" ", strip=True)
    for fact in ("Sociale Verzekeringsbank (SVB)", "ICP", "Mededingingswet", "Autoriteit Consument & Markt",
                 "§ 1 GWB" if lang == "de" else "§ 1 van het Gesetz gegen Wettbewerbsbeschränkungen",
                 "Art. 101" if lang == "de" else "artikel 101"):
        assert fact in text, fact


# --- Impressum / colofon ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_impressum_names_the_legal_form(site, lang):
    assert "Körperschaft des öffentlichen Rechts" in section(site, lang, "impressum/", "provider")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_impressum_gives_the_address(site, lang):
    text = section(site, lang, "impressum/", "provider")
    assert SITE["legal"]["street"] in text and SITE["legal"]["city"] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_impressum_names_who_represents_the_chamber(site, lang):
    text = section(site, lang, "impressum/", "representation")
    assert SITE["legal"]["president"] in text and SITE["legal"]["chief_executive"] in text
    assert {"de": "Vertretungsberechtigt", "nl": "Vertegenwoordigingsbevoegd"}[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_impressum_names_the_supervisory_authority(site, lang):
    heading = article(site, lang, "impressum/").find("h2", id="supervision")
    body = heading.find_next_sibling("p")
    assert {"de": "Aufsichtsbehörde", "nl": "toezichthouder"}[lang] in body.get_text()
    assert body.select_one("mark.placeholder") or len(body.get_text(strip=True)) > 60


@pytest.mark.parametrize("lang", LANGUAGES)
def test_impressum_says_what_readers_may_do_with_text_and_pdf(site, lang):
    text = section(site, lang, "impressum/", "copyright")
    assert "§ 51" in text and ("PDF" in text or "pdf" in text)
    whom_to_ask = [a for node in section_nodes(site, lang, "impressum/", "copyright")
                   for a in node.find_all("a", href=re.compile("^mailto:"))]
    assert whom_to_ask, "the section says whom to ask for any other use"


# --- Accessibility statement ----------------------------------------------------------------------

STATUS = {"de": ("vollständig vereinbar", "teilweise vereinbar", "nicht vereinbar"),
          "nl": ("volledig in overeenstemming", "gedeeltelijk in overeenstemming", "niet in overeenstemming")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_follows_nrw_law(site, lang):
    text = article(site, lang, "barrierefreiheit/").get_text(" ", strip=True)
    assert "§ 10b BGG NRW" in text and "BITV NRW" in text and "BITV 2.0" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_uses_the_eu_model_status(site, lang):
    status = section(site, lang, "barrierefreiheit/", "status")
    assert any(wording in status for wording in STATUS[lang]), status
    assert not re.search(r"weitgehend|grotendeels", status)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_names_the_parts_that_are_not_accessible(site, lang):
    items = [li.get_text(" ", strip=True) for li in
             article(site, lang, "barrierefreiheit/").find("h2", id="limitations").find_next("ol").find_all("li")]
    assert any(re.search(r"\bPDF|\bpdf", item) for item in items), items
    assert any(re.search(r"Karte|kaart", item, re.I) for item in items), items


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_feedback_form_has_labelled_fields_and_a_mail_fallback(site, lang):
    body = article(site, lang, "barrierefreiheit/")
    form = body.select_one("form.feedback-form")
    assert form is not None and not form.get("action"), "the form sends nothing to a server"
    fields = form.select("input, textarea")
    assert {field["name"] for field in fields} >= {"page", "problem"}
    for field in fields:
        label = form.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True), field
    assert form.select_one("textarea[required]") and form.select_one("button[type=submit]")
    assert form.select_one("[role=status]")
    fallback = body.select_one(".feedback-fallback a[href^='mailto:']")
    assert fallback is not None and fallback.find_parent("form") is None
    assert fallback["href"].startswith(f"mailto:{SITE['contact']['email']}?subject=")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_links_the_ombudsstelle(site, lang):
    links = article(site, lang, "barrierefreiheit/").find("h2", id="ombudsman").find_next("p").find_all("a")
    assert any("lbbp.nrw.de/ombudsstelle" in a["href"] and "Ombudsstelle" in a.get_text() for a in links)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_gives_date_and_method(site, lang):
    text = section(site, lang, "barrierefreiheit/", "method")
    assert SITE["legal"]["accessibility_checked_on"][lang] in text
    assert {"de": "Selbstbewertung", "nl": "zelfevaluatie"}[lang] in text and "axe-core" in text


# --- Privacy notice -----------------------------------------------------------------------------------

LEGAL_BASIS = {"de": "Art. 6 Abs. 1 Unterabs. 1 Buchst. e DSGVO", "nl": "art. 6 lid 1, eerste alinea, onder e AVG"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_notice_rests_on_the_public_task(site, lang):
    text = article(site, lang, "datenschutz/").get_text(" ", strip=True)
    assert LEGAL_BASIS[lang] in text
    assert not re.search(r"lit\. f|Buchst\. f|onder f\b", text), "a public body cannot rely on legitimate interests"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_notice_names_the_state_data_protection_law(site, lang):
    assert "DSG NRW" in section(site, lang, "datenschutz/", "server-logs")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("anchor", ["server-logs", "email"])
def test_privacy_notice_gives_retention_periods(site, lang, anchor):
    heading = article(site, lang, "datenschutz/").find("h2", id=anchor)
    term = heading.find_next("dt")
    assert term.get_text(strip=True) == {"de": "Speicherdauer", "nl": "Bewaartermijn"}[lang]
    assert term.find_next_sibling("dd").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_notice_names_the_hosting_processor(site, lang):
    text = section(site, lang, "datenschutz/", "server-logs")
    assert {"de": "Art. 28 DSGVO", "nl": "art. 28 AVG"}[lang] in text
    hoster = SITE["legal"]["hosting_provider"]
    if isinstance(hoster, dict):  # a placeholder, or one text per language
        hoster = hoster.get("placeholder", hoster)[lang]
    assert hoster in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_notice_names_the_ldi_nrw(site, lang):
    complaint = article(site, lang, "datenschutz/").find("h2", id="complaint").find_next("p")
    assert "LDI NRW" in complaint.get_text()
    assert any("ldi.nrw.de" in a["href"] for a in complaint.find_all("a"))
