"""make external-links: are the links to other websites still alive? (weekly, see
.github/workflows/external-links.yml). Serves site/ locally, lets LinkChecker follow every link,
lists the dead external ones (also in the GitHub run summary) and exits 1 if there are any."""
from __future__ import annotations

import csv
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local")  # no politeness delay for our own server
        super().end_headers()

    def log_message(self, *args):
        pass


def main() -> int:
    site = ROOT / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with tempfile.TemporaryDirectory() as temp:
        config = Path(temp) / "linkcheckerrc"
        config.write_text("[checking]\nthreads=8\n\n[AnchorCheck]\n", encoding="utf-8")
        Path(temp).chmod(0o755)
        config.chmod(0o644)  # LinkChecker drops root privileges before reading it
        result = subprocess.run([str(Path(sys.executable).parent / "linkchecker"), "--config", str(config),
                                 "--check-extern", "--no-status", "--verbose", "--output", "csv", base],
                                capture_output=True, text=True, timeout=3600)
    server.shutdown()
    rows = csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")), delimiter=";")
    dead = sorted({(row["url"], row["parentname"].replace(base, "/"), row["result"])
                   for row in rows if row["valid"] != "True" and not row["url"].startswith(base)})
    lines = [f"- {url} (on {page}): {why}" for url, page, why in dead]
    print("\n".join(lines) if lines else "All external links answered.")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write("## Dead external links\n\n" + ("\n".join(lines) if lines else "None.") + "\n")
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
