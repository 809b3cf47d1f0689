"""The languages of the guide: the one place that lists them."""
from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("de", "nl")
DEFAULT_LANGUAGE = "de"
# Names in messages for editors (English, like every message of the tools).
LANGUAGE_NAMES = {"de": "German", "nl": "Dutch"}


def other(lang: str) -> str:
    """The other language of a twin."""
    return next(code for code in LANGUAGES if code != lang)


def url_prefix(lang: str) -> str:
    """Where a language's pages live below the site root: '' for the default language, 'nl/' else."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
