"""What an editor sees when the build stops: file, line and what is wrong – never a traceback."""
from __future__ import annotations

import pytest
from conftest import copy_project, run_mkdocs


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("breakage,expected", [
    (lambda p: (p / "data" / "labels.yaml").write_text("steps: [\n", encoding="utf-8"),
     "data/labels.yaml:2:1: YAML syntax error"),
    (lambda p: (p / "docs" / "nl" / "praxis.md").write_text("---\ndescription: x\n---\n# {{ legal.nobody }}\n",
                                                           encoding="utf-8"),
     "docs/nl/praxis.md:4: unknown reference '{{ legal.nobody }}'"),
    (lambda p: (p / "data" / "pilots.yaml").write_text("pilots:\n  - id: Kaputt\n", encoding="utf-8"),
     "data/pilots.yaml:2:5: record 'Kaputt', field 'pilots[0].id': expected lower-case letters"),
    (lambda p: (p / "data" / "pilots.yaml").unlink(), "data/pilots.yaml: the file is missing"),
    (lambda p: (p / "docs" / "de" / "praxis.md").write_text("---\ndescription: Recht: kurz\n---\n# Praxis\n",
                                                           encoding="utf-8"),
     "docs/de/praxis.md:2: the front matter between the '---' lines: YAML syntax error"),
    (lambda p: (p / "docs" / "de" / "praxis.md").write_text("---\ndescription: &a x\nx: *a\n---\n# Praxis\n",
                                                           encoding="utf-8"),
     "docs/de/praxis.md:2: the front matter between the '---' lines: anchors and aliases"),
    (lambda p: append(p / "docs" / "de" / "praxis.md", "\n![](https://tracker.example/p.gif)\n"),
     "would be loaded from another host"),
    (lambda p: append(p / "docs" / "nl" / "praxis.md", '\n<iframe src="https://video.example/x"></iframe>\n'),
     "the element <iframe> is not allowed"),
])
def test_the_build_stops_with_a_clear_message(tmp_path, breakage, expected):
    project = copy_project(tmp_path)
    breakage(project)
    result = run_mkdocs("build", "--strict", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output[-2000:]
    assert "Traceback" not in output
