"""The same commit, built twice with SOURCE_DATE_EPOCH set, gives a byte-identical site (PDFs included)."""
from __future__ import annotations

import hashlib

from conftest import ROOT, run_mkdocs


def digest_tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_a_second_build_is_byte_identical_to_the_first(site, tmp_path):
    # The session's build is the first (same SOURCE_DATE_EPOCH, PDFs included); while this one
    # builds, the other test worker goes on (make test runs pytest -n 2).
    result = run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / "second"), cwd=ROOT, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = digest_tree(site.root), digest_tree(tmp_path / "second")
    assert len(first) > 100
    different = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not different, f"files that differ between two builds: {different}"
