"""The translation status: for 'make translation-status' and for the editors' page."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from ..history import Lag
from ..languages import other
from ..models import GuideData
from ..text import escape_markdown as md
from . import front_matter


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).date().isoformat()


def report_lines(lags: list[Lag]) -> list[str]:
    """One line per twin out of step, newest change first (for the terminal)."""
    return [f"{day(lag.newer_time)}  {lag.source[lag.newer]} changed after {lag.source[other(lag.newer)]} "
            f"({day(lag.older_time)}){' [marked: translation pending]' if lag.pending else ''}" for lag in lags]


def report_markdown(data: GuideData, lags: list[Lag], lang: str, link: Callable[[Lag], tuple[str, str]]) -> str:
    """The same report as a table for the editors' page; link(lag) gives the page's title and its
    Markdown link target."""
    ui = data.labels.ui_strings(lang)
    lines = [front_matter(ui["status_description"], search={"exclude": True}).rstrip("\n"),
             f"# {md(ui['status_title'])}", "", md(ui["status_intro"]), ""]
    if not lags:
        return "\n".join(lines + [md(ui["status_none"]), ""])
    lines += [f"| {md(ui['status_changed'])} | {md(ui['status_item'])} | "
              f"{md(ui['status_newer'])} | {md(ui['status_waiting'])} |", "|---|---|---|---|"]
    for lag in lags:
        older = other(lag.newer)
        waiting = f"{ui['language_' + older]} ({day(lag.older_time)})"
        if lag.pending:
            waiting += f" – {ui['status_pending']}"
        title, target = link(lag)
        lines.append(f"| {day(lag.newer_time)} | [{md(title)}]({target}) | "
                     f"{md(ui['language_' + lag.newer])} | {md(waiting)} |")
    return "\n".join(lines + [""])
