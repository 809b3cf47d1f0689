"""Pages and blocks made from the models: functions from data and the page table to Markdown or HTML.

Every value from data is escaped where it lands: wegweiser.text.escape_markdown in Markdown,
escape_html in HTML text and attributes; addresses come from the page table only."""
from __future__ import annotations

import json


def front_matter(description: str, **extra) -> str:
    """YAML front matter of a generated page (JSON strings are valid YAML)."""
    lines = [f"description: {json.dumps(description, ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
