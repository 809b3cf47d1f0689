"""make translation-status: pages and pilot records whose one language changed after the other
(from git history), newest first. The build shows the same report on the editors' page."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from checks import pending_translations, read_pages  # noqa: E402
from history import file_times, record_times, translation_lags  # noqa: E402
from pilots import load_pilots  # noqa: E402
from sitedata import load_site_data  # noqa: E402
from translation_status import report_lines  # noqa: E402


def main() -> int:
    site = load_site_data(ROOT)
    pilot_ids = [pilot.id for pilot in load_pilots(ROOT, site).pilots]
    pending = pending_translations(read_pages(ROOT / "docs"))
    lags = translation_lags(ROOT, file_times(ROOT), record_times(ROOT), pilot_ids, pending)
    for line in report_lines(lags):
        print(line)
    print(f"{len(lags)} twin{'s' if len(lags) != 1 else ''} out of step." if lags
          else "German and Dutch are in step: no page or pilot changed in one language only.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
