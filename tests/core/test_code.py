"""What a maintainer expects of the code: lint and types clean, a core that knows nothing of
MkDocs, thin adapters, no import tricks."""
from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

CORE = ROOT / "wegweiser"
PYTHON_FOLDERS = ("wegweiser", "hooks", "tools", "benchmarks", "tests")


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing():
    result = run("ruff", "check", *PYTHON_FOLDERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_nothing_of_mkdocs():
    for path in CORE.rglob("*.py"):
        assert not imported_modules(path) & {"mkdocs", "material", "mkdocs_static_i18n"}, path


def test_hook_modules_are_thin_adapters():
    for path in (ROOT / "hooks").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 110, path
    # Only the adapter of mkdocs-static-i18n touches the plugin.
    for path in (ROOT / "hooks").glob("*.py"):
        if path.name != "i18n_adapter.py":
            code = path.read_text(encoding="utf-8")
            assert 'plugins["i18n"]' not in code and "mkdocs_static_i18n" not in code, path


def test_no_sys_path_edits():
    for folder in PYTHON_FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            if "node_modules" not in path.parts and path.name != "test_code.py":
                assert "sys.path" not in path.read_text(encoding="utf-8"), path
