"""What goes wrong in an editor's file, said with file, line, record and field."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    column: int | None = None
    field: str = ""
    record: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        subject = ", ".join(filter(None, [f"record '{self.record}'" if self.record else "",
                                          f"field '{self.field}'" if self.field else ""]))
        return f"{where}: {subject + ': ' if subject else ''}{self.message}"


class DataError(Exception):
    """One or more problems in the editors' files; str() lists them one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the guide's files:"
        return "\n".join([head] + [f"  {p}" for p in self.problems])


def format_field(field_path: Iterable) -> str:
    """('pilots', 0, 'title', 'nl') -> 'pilots[0].title.nl'."""
    out = ""
    for part in field_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
