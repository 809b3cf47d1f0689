"""The German–Dutch glossary (data/glossary.yaml): validated, shown as a page per language with both
terms side by side, and marked in the chapter text as accessible tooltips – the first occurrence of
each term on a page becomes a link to its entry, described by a tooltip (aria-describedby) that
appears on hover and on keyboard focus and closes with Escape (docs/assets/javascripts/glossary.js).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from datafiles import LANGUAGES, DataError, check_bilingual, load_yaml
from placeholders import escape_text
from sitedata import SiteData

GLOSSARY_FILE = "data/glossary.yaml"
GLOSSARY_PAGE = "glossary.md"
FLAGS = ("equivalent", "approximate", "no_equivalent", "false_friend")
# Text inside these elements is never marked: links, headings, code, form controls, figures.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "mark", "button",
           "label", "legend", "svg", "title", "template", "figcaption", "nav", "summary", "dt", "th"}
TAG = re.compile(r"(<[^>]+>)")


def load_glossary(root: Path) -> list[dict]:
    document = load_yaml(root / GLOSSARY_FILE, GLOSSARY_FILE)
    terms = document.data.get("terms") if isinstance(document.data, dict) else None
    problems, ids, forms = [], set(), {}
    if not isinstance(terms, list) or not terms:
        raise DataError([document.problem(("terms",), "expected a list of terms")])
    for index, term in enumerate(terms):
        where = ("terms", index)
        if not isinstance(term, dict):
            problems.append(document.problem(where, "expected id, de, nl, forms, flag, explanation, source"))
            continue
        tid = term.get("id")
        record = str(tid)
        if not isinstance(tid, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tid) or tid in ids:
            problems.append(document.problem(where + ("id",), "expected a unique id of lower-case letters, "
                                             "digits and hyphens", record))
        ids.add(tid)
        check_bilingual(document, {lang: term.get(lang) for lang in LANGUAGES}, where, problems, record)
        check_bilingual(document, term.get("explanation"), where + ("explanation",), problems, record)
        if term.get("flag") not in FLAGS:
            problems.append(document.problem(where + ("flag",), f"expected one of {', '.join(FLAGS)}", record))
        if not str(term.get("source", "")).startswith("https://") and not str(term.get("source", "")).startswith("http://"):
            problems.append(document.problem(where + ("source",), "expected the address of a public source", record))
        for lang in LANGUAGES:
            for form in (term.get("forms") or {}).get(lang) or []:
                if form in forms:
                    problems.append(document.problem(where + ("forms", lang), f"'{form}' is already a form of "
                                                     f"'{forms[form]}'; each form may mark one term only", record))
                forms[form] = tid
                if re.search(r"[<>&\"]", str(form)):
                    problems.append(document.problem(where + ("forms", lang), "a form must be plain text", record))
    if problems:
        raise DataError(problems)
    return terms


def glossary_markdown(site: SiteData, terms: list[dict], lang: str) -> str:
    ui = site.ui_strings(lang)
    e = html.escape
    rows = []
    for term in terms:
        rows.append(f'<tr id="{e(term["id"])}"><td lang="de">{e(term["de"])}</td><td lang="nl">{e(term["nl"])}</td>'
                    f'<td>{e(term["explanation"][lang])} <a href="{e(term["source"], quote=True)}">{e(ui["glossary_source"])}</a></td>'
                    f'<td>{e(ui["glossary_flag_" + term["flag"]])}</td></tr>')
    return "\n".join([
        "---", f"description: {escape_text(ui['glossary_description'])}", "---",
        f"# {escape_text(ui['glossary_title'])}", "", escape_text(ui["glossary_intro"]), "",
        '<table class="glossary"><thead><tr>'
        f'<th scope="col">{e(ui["language_de"])}</th><th scope="col">{e(ui["language_nl"])}</th>'
        f'<th scope="col">{e(ui["glossary_meaning"])}</th><th scope="col">{e(ui["glossary_note"])}</th>'
        '</tr></thead><tbody>', *rows, "</tbody></table>", ""])


def mark_terms(content: str, terms: list[dict], lang: str, glossary_url: str) -> str:
    """Link the first occurrence of each term's forms in the text, with its explanation as tooltip."""
    term_of = {html.escape(form, quote=False): term for term in terms for code in LANGUAGES
               for form in (term.get("forms") or {}).get(code) or []}
    if not term_of:
        return content
    # One pattern for all forms, longest first, so that "btw-id" wins over "btw".
    alternatives = "|".join(re.escape(form) for form in sorted(term_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w-])")
    done, skipped_depth, out = set(), 0, []
    for chunk in TAG.split(content):
        if chunk.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", chunk)
            if name and name.group(1).lower() in SKIPPED and not chunk.endswith("/>"):
                skipped_depth += -1 if chunk.startswith("</") else 1
            out.append(chunk)
            continue
        if skipped_depth > 0 or not chunk.strip():
            out.append(chunk)
            continue
        position = 0
        for match in pattern.finditer(chunk):
            term = term_of[match.group(0)]
            if term["id"] in done:
                continue
            done.add(term["id"])
            names = " – ".join(name.lstrip("– ") for name in (term["de"], term["nl"]))
            tip = html.escape(f'{names}: {term["explanation"][lang]}')
            out.append(chunk[position:match.start()])
            out.append(f'<a class="glossary-term" href="{glossary_url}#{term["id"]}" '
                       f'aria-describedby="glossary-tip-{term["id"]}">{match.group(0)}</a>'
                       f'<span class="glossary-tip" role="tooltip" id="glossary-tip-{term["id"]}">{tip}</span>')
            position = match.end()
        out.append(chunk[position:])
    return "".join(out)
