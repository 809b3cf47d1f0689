"""When each page and each pilot record last changed, per language, read from git history.

Used for "Stand: …" on every page and for the translation status (twins changed at different times).
Without git history (an export without .git) there are no dates and no status entries.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES
from .problems import DataError
from .yamlfile import parse_yaml

PILOTS_FILE = "data/pilots.yaml"
PILOT_TEXT_FIELDS = ("title", "summary", "story", "lessons")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def file_times(root: Path) -> dict[str, int]:
    """Path -> commit time (Unix seconds) of the last commit that changed it, for docs/ and data/."""
    log = _git(root, "log", "--format=%x00%ct", "--name-only", "--", "docs", "data")
    times: dict[str, int] = {}
    for entry in (log or "").split("\x00")[1:]:
        lines = entry.strip().split("\n")
        for name in lines[1:]:
            times.setdefault(name.strip(), int(lines[0]))
    return times


def _fingerprints(text: str) -> dict[tuple[str, str], str]:
    """(pilot id, language) -> hash of that language's texts of the record. An old version that is
    not valid (or hostile) YAML counts as having no records."""
    try:
        data = parse_yaml(text, PILOTS_FILE).data
    except DataError:
        return {}
    prints = {}
    records = data.get("pilots") if isinstance(data, dict) else None
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict) or "id" not in record:
            continue
        for lang in LANGUAGES:
            texts = [record.get(name, {}).get(lang) if isinstance(record.get(name), dict) else None
                     for name in PILOT_TEXT_FIELDS]
            prints[(str(record["id"]), lang)] = hashlib.sha1(json.dumps(texts, sort_keys=True).encode()).hexdigest()
    return prints


def record_times(root: Path) -> dict[tuple[str, str], int]:
    """(pilot id, language) -> commit time of the last change to that record's texts in that language."""
    log = _git(root, "log", "--format=%H %ct", "--", PILOTS_FILE)
    if not log:
        return {}
    times: dict[tuple[str, str], int] = {}
    previous: dict[tuple[str, str], str] = {}
    for sha, when in [line.split() for line in log.strip().split("\n")][::-1]:  # oldest first
        current = _fingerprints(_git(root, "show", f"{sha}:{PILOTS_FILE}") or "")
        for key, value in current.items():
            if previous.get(key) != value:
                times[key] = int(when)
        previous = current
    return times


@dataclass(frozen=True)
class Lag:
    """A page or record whose one language changed after the other."""
    kind: str  # "page" or "pilot"
    name: str  # page id or pilot id
    newer: str  # language changed last
    newer_time: int
    older_time: int
    source: dict  # language -> what an editor opens ('docs/nl/x.md' or "data/pilots.yaml, pilot 'x' (nl)")
    pending: bool = False  # the older twin is marked 'translation: pending'


def translation_lags(chapters: Iterable[tuple[str, str]], files: dict[str, int], records: dict,
                     pilot_ids: Iterable[str], pending: frozenset = frozenset()) -> list[Lag]:
    """Twins changed at different times, newest change first.

    chapters: (page id, file below docs/<lang>/); files and records come from file_times() and
    record_times(); pending holds (language, file) of chapters marked 'translation: pending'.
    """
    lags = []
    for page_id, file in chapters:
        source = {lang: f"docs/{lang}/{file}" for lang in LANGUAGES}
        german, dutch = files.get(source["de"]), files.get(source["nl"])
        if german and dutch and german != dutch:
            newer = "de" if german > dutch else "nl"
            older = "nl" if newer == "de" else "de"
            lags.append(Lag("page", page_id, newer, max(german, dutch), min(german, dutch), source,
                            (older, file) in pending))
    for pilot_id in pilot_ids:
        german, dutch = records.get((pilot_id, "de")), records.get((pilot_id, "nl"))
        if german and dutch and german != dutch:
            source = {lang: f"{PILOTS_FILE}, pilot '{pilot_id}' ({lang})" for lang in LANGUAGES}
            lags.append(Lag("pilot", pilot_id, "de" if german > dutch else "nl", max(german, dutch),
                            min(german, dutch), source))
    return sorted(lags, key=lambda lag: (-lag.newer_time, lag.kind, lag.name))
