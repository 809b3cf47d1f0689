"""A Python-Markdown extension for the guide's chapters: glossary terms become links with an
accessible tooltip, checklist items get their text inside the checkbox's label, permalinks stay out
of headings' names and the tab order, and table header cells get their scope.

It works on the element tree, before MkDocs serialises the page, so it cannot silently miss markup
it did not expect. The adapter tells it, before each page, where the glossary is and whether the
page is one where terms are never marked (legal pages, the glossary itself).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .html_safety import Finding, element_findings, html_findings
from .languages import LANGUAGES
from .models import Glossary, GlossaryTerm

# Text inside these elements is never marked: links, headings, code, form controls, figures.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "mark", "button",
           "label", "legend", "svg", "title", "template", "figcaption", "nav", "summary", "dt", "th", "abbr"}
_BLOCKS = {"p", "ul", "ol", "div", "table", "pre", "blockquote", "dl", "details"}


class ChecklistLabels(Treeprocessor):
    """pymdownx.tasklist draws the checkbox as stashed raw HTML in front of the item's text, outside
    any label: screen readers then announce an unnamed checkbox, and a click on the text does
    nothing. Draw the box inside a label that holds the text instead (ticking it stores nothing).
    Runs after the tasklist and before the inline patterns, so the text is still Markdown."""

    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" not in (item.get("class") or "").split():
                continue
            holder = item if item.text else (item[0] if len(item) and item[0].tag == "p" else None)
            box = HTML_PLACEHOLDER_RE.match(holder.text or "") if holder is not None else None
            if holder is None or box is None:
                continue
            checked = "checked" in str(self.md.htmlStash.rawHtmlBlocks[int(box.group(1))])
            label = etree.Element("label", {"class": "task-list-control"})
            etree.SubElement(label, "input", {"type": "checkbox", **({"checked": "checked"} if checked else {})})
            etree.SubElement(label, "span", {"class": "task-list-indicator"})
            text = etree.SubElement(label, "span", {"class": "task-list-text"})
            text.text, holder.text = (holder.text or "")[box.end():].lstrip(), None
            for child in list(holder):  # inline children of the text, up to the first block
                if child.tag in _BLOCKS:
                    break
                holder.remove(child)
                text.append(child)
            holder.insert(0, label)


class GlossaryMarks(Treeprocessor):
    """The first occurrence of each term on a page becomes a link to its entry, described by a tooltip."""

    def __init__(self, md: Markdown, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension
        self.done: set[str] = set()

    def run(self, root: etree.Element) -> None:
        if self.extension.glossary_href is None or self.extension.pattern is None:
            return
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIPPED or element.get("class") == "glossary-tip":
            return
        element.text, marks = self._mark(element.text)
        for index, mark in enumerate(marks):
            element.insert(index, mark)
        for child in list(element):
            self._walk(child)
            child.tail, marks = self._mark(child.tail)
            position = list(element).index(child) + 1
            for offset, mark in enumerate(marks):
                element.insert(position + offset, mark)

    def _mark(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """The text before the first mark, and the marks (each carrying the text after it as tail)."""
        if not text or self.extension.pattern is None:
            return text, []
        head: str | None = None
        marks: list[etree.Element] = []
        position = 0
        for match in self.extension.pattern.finditer(text):
            term = self.extension.term_of.get(match.group(0))
            if term is None or term.id in self.done:
                continue  # a proper name, or a term already marked on this page
            self.done.add(term.id)
            before = text[position:match.start()]
            if marks:
                marks[-1].tail = (marks[-1].tail or "") + before
            else:
                head = before
            marks += self.extension.elements(term, match.group(0))
            position = match.end()
        if not marks:
            return text, []
        marks[-1].tail = (marks[-1].tail or "") + text[position:]
        return head, marks


class GlossaryExtension(Extension):
    def __init__(self, glossary: Glossary, lang: str):
        super().__init__()
        self.lang = lang
        self.term_of: dict[str, GlossaryTerm | None] = {
            form: term for term in glossary.terms for code in LANGUAGES for form in term.forms.get(code, ())}
        self.term_of.update({name: None for name in glossary.names})
        # One pattern for all forms and names, longest first: "btw-id" wins over "btw", and a proper
        # name such as "Handwerkskammer Münster" wins over the term "Handwerkskammer" inside it.
        alternatives = "|".join(re.escape(form) for form in sorted(self.term_of, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w-])") if alternatives else None
        self.glossary_href: str | None = None

    def for_page(self, glossary_href: str | None) -> None:
        """Before each page: the relative address of the glossary page, or None to mark nothing."""
        self.glossary_href = glossary_href

    def elements(self, term: GlossaryTerm, text: str) -> list[etree.Element]:
        link = etree.Element("a", {"class": "glossary-term", "href": f"{self.glossary_href}#{term.id}",
                                   "aria-describedby": f"glossary-tip-{term.id}"})
        link.text = text
        # A term written in the other language is read in that language (WCAG 3.1.2).
        other = [code for code in LANGUAGES if code != self.lang and text in term.forms.get(code, ())]
        if other and text not in term.forms.get(self.lang, ()):
            link.set("lang", other[0])
        tip = etree.Element("span", {"class": "glossary-tip", "role": "tooltip", "id": f"glossary-tip-{term.id}",
                                     "data-pagefind-ignore": "all"})
        # "Begriff – begrip: explanation", each name in its language.
        for index, (code, name) in enumerate((("de", term.de), ("nl", term.nl))):
            part = etree.SubElement(tip, "span", {"lang": code} if code != self.lang else {})
            part.text = name.lstrip("– ")
            part.tail = " – " if index == 0 else f": {term.explanation[self.lang]}"
        return [link, tip]

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20), the permalinks of toc (5) and MkDocs' link resolution (0):
        # the marks carry final addresses.
        md.treeprocessors.register(GlossaryMarks(md, self), "wegweiser_glossary", -1)


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After pymdownx.tasklist (25) has drawn the boxes, before the inline patterns (20).
        md.treeprocessors.register(ChecklistLabels(md), "wegweiser_checklists", 24)


class FootnoteLinks(Treeprocessor):
    """A footnote's back-link shows only "↩": its title (set per language through the footnotes
    extension's BACKLINK_TITLE) becomes its accessible name."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "footnote-backref" in (link.get("class") or "").split() and link.get("title"):
                link.set("aria-label", link.get("title") or "")


class FootnoteLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension (50) has added the list of footnotes.
        md.treeprocessors.register(FootnoteLinks(md), "wegweiser_footnote_links", 10)


class HeadingsAndTables(Treeprocessor):
    """What screen readers and the keyboard meet in every chapter (WCAG 1.3.1, 2.4.3, 4.1.2):
    - the "¶" permalink of a heading stays a mouse convenience, out of the heading's name and out
      of the tab order (aria-hidden, tabindex -1): keyboard and screen reader users reach the same
      addresses through the table of contents;
    - header cells of tables name what they head (scope), also in the PDFs made from the pages."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.set("aria-hidden", "true")
                link.set("tabindex", "-1")
        for table in root.iter("table"):
            for section in table:
                for row in section if section.tag in {"thead", "tbody", "tfoot"} else [section]:
                    for cell in row:
                        if cell.tag == "th" and not cell.get("scope"):
                            cell.set("scope", "col" if section.tag == "thead" else "row")


class HeadingsAndTablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (5) has added the permalinks and the tables extension has drawn its tables.
        md.treeprocessors.register(HeadingsAndTables(md), "wegweiser_headings_tables", 4)


class ContentSafety(Treeprocessor):
    """Last of all: what the page renders to may hold no scripts, no links with other schemes and
    nothing loaded from other hosts (wegweiser.html_safety). Checks the element tree and the raw
    HTML kept aside by Markdown, so nothing is parsed twice."""

    def __init__(self, md: Markdown, extension: ContentSafetyExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        found = self.extension.findings
        for element in root.iter():
            if isinstance(element.tag, str):
                found += element_findings(element.tag, list(element.attrib.items()))
        for block in self.md.htmlStash.rawHtmlBlocks:
            found += html_findings(str(block))


class ContentSafetyExtension(Extension):
    """Collects what a page may not contain; whoever renders reads and clears `findings`."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ContentSafety(md, self), "wegweiser_safety", -100)
