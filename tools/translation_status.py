"""make translation-status: pages and pilot records whose one language changed after the other
(from git history), newest first. The build shows the same report on the editors' page."""
from __future__ import annotations

import sys
from pathlib import Path

from wegweiser import history
from wegweiser.build import read_guide, translation_lags
from wegweiser.render.status import report_lines

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    data, chapters, table = read_guide(ROOT)
    lags = translation_lags(data, chapters, table, history.file_times(ROOT), history.record_times(ROOT))
    for line in report_lines(lags):
        print(line)
    print(f"{len(lags)} twin{'s' if len(lags) != 1 else ''} out of step." if lags
          else "German and Dutch are in step: no page or pilot changed in one language only.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
