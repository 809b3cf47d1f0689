"""The same commit, built twice with SOURCE_DATE_EPOCH set, gives a byte-identical site (PDFs included)."""
from __future__ import annotations

import hashlib


def digest_tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_a_second_build_is_byte_identical_to_the_first(site):
    # The session's build is the first; the second ran beside the other tests (tests/conftest.py).
    site.second.wait(timeout=900)
    assert site.second.returncode == 0, site.second_log.read_text(encoding="utf-8")
    first, second = digest_tree(site.root), digest_tree(site.second_root)
    assert len(first) > 100
    different = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not different, f"files that differ between two builds: {different}"
