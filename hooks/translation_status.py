"""The translation status as text: for 'make translation-status' and for the editors' page."""
from __future__ import annotations

from datetime import datetime, timezone

from history import Lag
from placeholders import escape_text

LANGUAGE_NAMES = {"de": "German", "nl": "Dutch"}


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).date().isoformat()


def source_of(lag: Lag, lang: str) -> str:
    return f"docs/{lang}/{lag.name}" if lag.kind == "page" else f"data/pilots.yaml, pilot '{lag.name}' ({lang})"


def report_lines(lags: list[Lag]) -> list[str]:
    """One line per twin out of step, newest change first (for the terminal)."""
    lines = []
    for lag in lags:
        older = "nl" if lag.newer == "de" else "de"
        note = " [marked: translation pending]" if lag.pending else ""
        lines.append(f"{day(lag.newer_time)}  {source_of(lag, lag.newer)} changed after "
                     f"{source_of(lag, older)} ({day(lag.older_time)}){note}")
    return lines


def report_markdown(lags: list[Lag], ui: dict, url_of) -> str:
    """The same report as a table for the editors' page; url_of(lag) links the page concerned."""
    lines = [f"# {escape_text(ui['status_title'])}", "", escape_text(ui["status_intro"]), ""]
    if not lags:
        return "\n".join(lines + [escape_text(ui["status_none"]), ""])
    lines += [f"| {escape_text(ui['status_changed'])} | {escape_text(ui['status_item'])} | "
              f"{escape_text(ui['status_newer'])} | {escape_text(ui['status_waiting'])} |", "|---|---|---|---|"]
    for lag in lags:
        older = "nl" if lag.newer == "de" else "de"
        waiting = f"{ui['language_' + older]} ({day(lag.older_time)})"
        if lag.pending:
            waiting += f" – {ui['status_pending']}"
        lines.append(f"| {day(lag.newer_time)} | [{escape_text(lag.name)}]({url_of(lag)}) | "
                     f"{escape_text(ui['language_' + lag.newer])} | {escape_text(waiting)} |")
    return "\n".join(lines + [""])
