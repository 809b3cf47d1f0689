"""The same commit, built twice with SOURCE_DATE_EPOCH set, gives a byte-identical site."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from conftest import ROOT


def digest_tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    trees = []
    for run in ("first", "second"):
        target = tmp_path / run
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        trees.append(digest_tree(target))
    first, second = trees
    assert len(first) > 100
    different = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not different, f"files that differ between two builds: {different}"
