"""The same commit, built twice with SOURCE_DATE_EPOCH set, gives a byte-identical site.

The second build leaves the two PDFs out: laying them out is most of a build's time, and the suite
would pay it twice. Their part is checked at its two sources instead, in two fresh processes with
different hash seeds: the document the German PDF is laid out from comes out the same (the Dutch one
is made by the same code), and WeasyPrint lays out its start (the cover, the contents and three
chapters) to the same bytes – no clock and no chance in dates, font subsets or object ids."""
from __future__ import annotations

import hashlib
import subprocess
import sys

from conftest import ROOT, mkdocs_env, run_mkdocs

PDF_PART = """
import hashlib, sys
from pathlib import Path
import yaml
from wegweiser.build import SiteBuild
from wegweiser.pdf import document_html, write_pdf

site, target = Path(sys.argv[1]), Path(sys.argv[2])
site_url = yaml.safe_load(Path("mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
document = document_html(site, SiteBuild(Path.cwd()), "de", site_url)
print(hashlib.sha256(document.encode()).hexdigest())
parts = document.split('<section class="chapter">', 4)
write_pdf('<section class="chapter">'.join(parts[:4]) + "</body></html>", str(site), target)
"""


def digest_tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_a_second_build_is_byte_identical_to_the_first(site, tmp_path):
    # The session's build is the first (same SOURCE_DATE_EPOCH, PDFs included).
    result = run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / "second"), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = digest_tree(site.root), digest_tree(tmp_path / "second")
    pdfs = {name for name in first if name.endswith(".pdf")}
    assert len(pdfs) == 2 and not pdfs & second.keys()
    assert len(second) > 100
    different = sorted(name for name in (first.keys() - pdfs) | second.keys() if first.get(name) != second.get(name))
    assert not different, f"files that differ between two builds: {different}"


def test_the_pdfs_come_from_the_same_documents_laid_out_to_the_same_bytes(site, tmp_path):
    runs = []
    for seed in ("1", "2"):
        target = tmp_path / f"part-{seed}.pdf"
        result = subprocess.run([sys.executable, "-c", PDF_PART, str(site.root), str(target)], cwd=ROOT,
                                env={**mkdocs_env(pdf=True), "PYTHONHASHSEED": seed},
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        runs.append((result.stdout.strip(), target.read_bytes()))
    (documents, first_pdf), (documents_again, second_pdf) = runs
    assert documents == documents_again, "the PDF's document differs between two processes"
    assert first_pdf.startswith(b"%PDF") and len(first_pdf) > 20_000
    assert first_pdf == second_pdf, "the same document laid out twice gives different PDF bytes"
