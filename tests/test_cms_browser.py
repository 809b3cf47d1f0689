"""The web editor as an editor uses it: /admin/ of the built site, signed in to decap-server (npm,
git mode) on a throwaway repository. Every save must become one branch whose diff holds exactly the
edited lines, and the project's check must pass on it. The screenshots are the ones in
CONTRIBUTING.md (docs-editors/), so they show the editor as it is."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, copy_project
from playwright.sync_api import expect

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
# Written here on every run; 'make editor-screenshots' copies them to docs-editors/ (CONTRIBUTING.md's
# pictures), so a test run leaves the checkout as it was.
SHOTS = ROOT / "test-output" / "docs-editors"
GIT = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=60,
                            env={**os.environ, **GIT})
    assert result.returncode == 0, result.stderr
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository like the project's, with 'main' checked out, as decap-server works on it."""
    project = copy_project(tmp_path_factory.mktemp("cms") / "repo")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    return project


@pytest.fixture(scope="module")
def decap_server(repo):
    port = free_port()
    env = {**os.environ, **GIT, "PORT": str(port), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
           "LOG_LEVEL": "warn"}
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/api/v1"
    process.terminate()
    process.wait(timeout=10)


class Editor:
    """The admin page in Chromium, signed in to the local server; records every request's host."""

    def __init__(self, page, admin: str):
        self.page = page
        self.admin = admin
        self.hosts: set[str] = set()
        page.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))

    def open(self, address: str = "") -> None:
        self.page.goto(self.admin + address)
        self.page.reload()  # a new hash alone does not reload an entry in Decap

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def save(self) -> None:
        self.page.get_by_role("button", name="Speichern", exact=True).click()
        expect(self.page.get_by_text("Änderungen gespeichert", exact=False).first).to_be_visible(timeout=30000)

    def field_ids(self) -> list[str]:
        return self.page.locator("label[for]").evaluate_all("labels => labels.map(l => l.htmlFor)")

    def choose(self, field_id: str, label: str) -> None:
        box = self.page.locator(f"#{field_id}")
        box.click()
        box.fill(label)
        self.page.keyboard.press("Enter")


@pytest.fixture(scope="module")
def editor(browser, served_site, decap_server):
    if True:  # one Chromium for all browser tests (conftest.py)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="de-DE")

        def local_config(route):
            # The built config names `local_backend: true` (port 8081); this test's server has its own port.
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace(
                "local_backend: true", f"local_backend:\n  url: {decap_server}"))
        page.route("**/admin/config.yml", local_config)
        editor = Editor(page, served_site + "admin/")
        editor.open()
        expect(page.get_by_role("button", name=re.compile("Anmelden|Login"))).to_be_visible(timeout=30000)
        editor.shot("01-anmelden")
        page.get_by_role("button", name=re.compile("Anmelden|Login")).click()
        expect(page.get_by_text("Ziele klären · Doelen bepalen")).to_be_visible(timeout=30000)
        editor.shot("02-kapitel")
        yield editor
        page.close()


def branch_diff(repo: Path, branch: str) -> tuple[list[str], list[str], list[str]]:
    """Files, removed and added lines of a branch against main."""
    files = git(repo, "diff", "--name-only", f"main...{branch}").split()
    diff = git(repo, "diff", "-U0", f"main...{branch}").splitlines()
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return files, removed, added


def cms_branches(repo: Path) -> set[str]:
    return {line.strip(" *+") for line in git(repo, "branch", "--list", "cms/*").splitlines()}


def wait_for_branch(repo: Path, known: set[str]) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        new = cms_branches(repo) - known
        if new:
            assert len(new) == 1, new
            return new.pop()
        time.sleep(0.3)
    raise AssertionError("saving made no branch")


def check_passes(repo: Path, branch: str, tmp_path: Path) -> None:
    tree = tmp_path / branch.replace("/", "-")
    git(repo, "worktree", "add", "-q", str(tree), branch)
    result = subprocess.run([sys.executable, "tools/check.py", "--no-spelling"], cwd=tree,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_entry_changed_back_cannot_be_saved_and_the_editor_talks_to_no_other_host(editor, repo):
    page = editor.page
    editor.open("#/collections/data/entries/pilots")
    field = page.locator("input[id^='de-field-']").first  # the notice above the (collapsed) records
    expect(field).to_be_visible(timeout=30000)
    address = field.input_value()
    field.fill(address + "x")
    field.fill(address)  # changed and changed back: nothing to save, so no branch
    expect(page.get_by_role("button", name="Speichern", exact=True)).to_be_disabled()
    assert cms_branches(repo) == set()
    # Saving a file without edits writes it back byte for byte: test_cms.py runs the same formats.
    # Everything the admin page requested so far: the site and the local server only.
    assert editor.hosts and all(host.startswith("127.0.0.1:") for host in editor.hosts), editor.hosts


def test_a_chapter_edited_in_both_languages_becomes_one_branch_with_just_those_lines(editor, repo, tmp_path):
    page = editor.page
    editor.open("#/collections/chapters/entries/erfolgsfaktoren")
    panes = page.locator("[contenteditable=true]")
    expect(panes).to_have_count(2, timeout=30000)
    old = {lang: (ROOT / "docs" / lang / "erfolgsfaktoren.md").read_text(encoding="utf-8") for lang in ("de", "nl")}
    starts = {"de": "Die sechs weiteren Faktoren", "nl": "De zes andere factoren"}
    new = {"de": "Die sechs weiteren Faktoren hängen zusammen: Wer einen stärkt, stärkt meist auch die anderen.",
           "nl": "De zes andere factoren hangen samen: wie er één versterkt, versterkt meestal ook de andere."}
    for index, lang in enumerate(("de", "nl")):
        panes.nth(index).get_by_text(re.compile("^" + starts[lang])).click(click_count=3)
        page.keyboard.type(new[lang])
    editor.shot("03-kapitel-bearbeiten")
    known = cms_branches(repo)
    editor.save()
    editor.shot("04-gespeichert")
    branch = wait_for_branch(repo, known)
    files, removed, added = branch_diff(repo, branch)
    assert files == ["docs/de/erfolgsfaktoren.md", "docs/nl/erfolgsfaktoren.md"]
    assert removed == [next(line for line in old[lang].splitlines() if line.startswith(starts[lang]))
                       for lang in ("de", "nl")]
    assert added == [new["de"], new["nl"]]
    assert len(git(repo, "log", "--format=%H", f"main..{branch}").split()) == 1
    check_passes(repo, branch, tmp_path)


def test_a_new_phone_number_replaces_just_its_placeholder(editor, repo, tmp_path):
    page = editor.page
    editor.open("#/collections/site/entries/site")
    expect(page.locator("label", has_text="Telefon · Telefoon").first).to_be_visible(timeout=30000)
    ids = editor.field_ids()
    phone = ids.index(next(i for i in ids if i.startswith("phone-field-")))
    for field_id in ids[phone + 1:phone + 3]:  # its German and Dutch text
        page.locator(f"#{field_id}").fill("+49 251 5203-0")
    page.locator(f"#{ids[phone]}").scroll_into_view_if_needed()
    editor.shot("06-telefonnummer")
    known = cms_branches(repo)
    editor.save()
    files, removed, added = branch_diff(repo, wait_for_branch(repo, known))
    assert files == ["data/site.yaml"]
    assert removed == ["  phone:", "    placeholder:", "      de: Telefonnummer der Kontaktperson",
                       "      nl: telefoonnummer van de contactpersoon"]
    assert added == ["  phone: +49 251 5203-0"]


def test_a_pilot_added_through_the_form_is_appended_and_passes_the_check(editor, repo, tmp_path):
    page = editor.page
    editor.open("#/collections/data/entries/pilots")
    add = page.get_by_role("button", name=re.compile("Pilotpartnerschaft · Pilotpartnerschap hinzufügen", re.I))
    expect(add).to_be_visible(timeout=30000)
    add.click()
    partners = page.get_by_role("button", name=re.compile("Partnerbetrieb · Partnerbedrijf hinzufügen", re.I)).last
    partners.click()
    partners.click()

    def new_field(name: str, nth: int = 0) -> str:
        ids = editor.field_ids()
        start = max(i for i, field in enumerate(ids) if field.startswith("id-field-"))
        return [field for field in ids[start:] if field.startswith(f"{name}-field-")][nth]

    page.locator(f"#{new_field('id')}").fill("tischlerei-emsland-salland")
    editor.choose(new_field("sector"), "Holz- und Innenausbau")
    editor.choose(new_field("form"), "Vertriebspartnerschaft")
    editor.choose(new_field("step_reached"), "Gemeinsam erproben")
    for nth, (country, size, region) in enumerate((("Deutschland", "Kleinstbetrieb", "Emsland"),
                                                   ("Niederlande", "Kleinbetrieb", "Salland"))):
        editor.choose(new_field("country", nth), country)
        editor.choose(new_field("trade", nth), "Tischlerei")
        editor.choose(new_field("size", nth), size)
        editor.choose(new_field("region", nth), region)
    editor.choose(new_field("benefits"), "Markteintritt")
    editor.choose(new_field("success_factors"), "Vertrauen")
    texts = {"title": ("Zwei Tischlereien verkaufen gemeinsam", "Twee meubelmakerijen verkopen samen"),
             "summary": ("Eine Tischlerei aus dem Emsland und eine aus Salland bieten die Möbel der anderen an.",
                         "Een meubelmakerij uit Emsland en een uit Salland verkopen elkaars meubels."),
             "story": ("Beide Betriebe stellten ihre Möbel auf einer Messe aus.\n\nSeitdem verkaufen sie gemeinsam.",
                       "Beide bedrijven stonden op dezelfde beurs.\n\nSindsdien verkopen ze samen.")}
    ids = editor.field_ids()
    start = max(i for i, field in enumerate(ids) if field.startswith("id-field-"))
    for name, (german, dutch) in texts.items():
        at = ids.index(next(f for f in ids[start:] if f.startswith(f"{name}-field-")))
        page.locator(f"#{ids[at + 1]}").fill(german)
        page.locator(f"#{ids[at + 2]}").fill(dutch)
    lessons = page.get_by_role("button", name=re.compile("hinzufügen", re.I))
    for nth, lesson in ((-2, "Eine Messe bringt Partner zusammen."), (-1, "Een beurs brengt partners samen.")):
        lessons.nth(nth).click()
        ids = editor.field_ids()
        page.locator(f"#{[f for f in ids if f.startswith(('de-field-', 'nl-field-'))][nth]}").fill(lesson)
    page.locator(f"#{new_field('id')}").scroll_into_view_if_needed()
    editor.shot("07-pilotpartnerschaft")
    known = cms_branches(repo)
    editor.save()
    branch = wait_for_branch(repo, known)
    files, removed, added = branch_diff(repo, branch)
    assert files == ["data/pilots.yaml"] and removed == []
    assert added[:3] == ["", "  - id: tischlerei-emsland-salland", "    sector: wood"]
    assert "    benefits: [market_entry]" in added and "    risk_factors: []" in added, "\n".join(added)
    assert "        Seitdem verkaufen sie gemeinsam." in added
    original = (ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8")
    assert git(repo, "show", f"{branch}:data/pilots.yaml").startswith(original)
    check_passes(repo, branch, tmp_path)


def test_a_new_page_gets_both_languages(editor, repo):
    page = editor.page
    editor.open("#/collections/chapters/new")
    name = page.locator("input[id^='new_file-field-']").first
    expect(name).to_be_visible(timeout=30000)
    name.fill("foerderprogramme")
    descriptions = page.locator("input[id^='description-field-']")
    descriptions.nth(0).fill("Förderprogramme für grenzüberschreitende Partnerschaften im Überblick.")
    descriptions.nth(1).fill("Subsidieprogramma's voor grensoverschrijdende partnerschappen in het kort.")
    panes = page.locator("[contenteditable=true]")
    for index, text in enumerate(("# Förderprogramme\n\nText folgt.", "# Subsidieprogramma's\n\nTekst volgt.")):
        panes.nth(index).click()
        page.keyboard.type(text)
    editor.shot("08-neue-seite")
    known = cms_branches(repo)
    editor.save()
    branch = wait_for_branch(repo, known)
    assert git(repo, "diff", "--name-only", f"main...{branch}").split() == [
        "docs/de/foerderprogramme.md", "docs/nl/foerderprogramme.md"]
    assert git(repo, "show", f"{branch}:docs/nl/foerderprogramme.md") == (
        "---\ndescription: Subsidieprogramma's voor grensoverschrijdende partnerschappen in het kort.\n---\n"
        "\n# Subsidieprogramma's\n\nTekst volgt.\n")
    assert all(host.startswith("127.0.0.1:") for host in editor.hosts), editor.hosts
