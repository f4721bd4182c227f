"""XML that is not a feed: a site's own news format (FSFE's ``<html newsdate=...>``), one draft.

A ``.xml`` file is first tried as RSS or Atom (``readers/feed.py``); when it is neither, this
reader takes its title, date and body:

- a root element named ``html`` is (X)HTML however it is spelt (FSFE keeps its news as
  ``news-20221104-01.es.xhtml`` with a ``newsdate`` attribute on the root): it goes to the
  HTML reader, which knows headings, paragraphs, links and that attribute;
- any other root is read with defusedxml (no DTD, so no entity expansion and no external
  entity, SECURITY.md P1/P2): the title from the first ``title``, ``headline`` or ``h1``
  element, the date from a date-named attribute of the root or a date-named element, the
  body from every other element's text, a paragraph per block element. XML with neither a
  title nor a date (a catalogue, a sitemap) is still refused.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from store.ingest.draft import Draft
from store.ingest.limits import ImportProblem
from store.ingest.readers.fields import iso_date, language_tag, short_text
from store.ingest.readers.html import read_html
from store.sanitize import clean_text

# The root element's name, after an XML declaration, a DOCTYPE, comments and processing
# instructions (a DOCTYPE is found only to be refused by the parser).
_ROOT_NAME = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?[^>]{0,500}\?>|<!--.{0,2000}?-->"
    rb"|<!DOCTYPE[^\[>]{0,500}(?:\[.{0,3000}?\])?\s*>)*<([A-Za-z_][\w.:-]{0,80})",
    re.DOTALL,
)
_TITLE_NAMES = ("title", "headline", "h1")
_DATE_NAMES = frozenset(
    {"newsdate", "date", "pubdate", "published", "datetime", "created", "issued", "dc:date"}
)
# Elements whose text stands as a paragraph of its own.
_BLOCKS = frozenset(
    {"p", "para", "paragraph", "li", "item", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "div", "section", "summary", "abstract", "description", "content", "text", "body", "tr"}
)  # fmt: skip
_SKIPPED = frozenset({"script", "style", "head", "meta", "link"})
_MAX_DEPTH = 200


def root_name(data: bytes) -> str | None:
    """The local name of the root element (lower case), or None when none is found early."""
    m = _ROOT_NAME.match(data[:4096])
    if m is None:
        return None
    return m.group(1).decode("ascii", "replace").rpartition(":")[2].lower()


def read_news_xml(data: bytes) -> list[Draft]:
    """Read a non-feed XML file as one release (see the module docstring)."""
    if root_name(data) == "html":
        return read_html(data)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportProblem("XML declares a DTD or entities (refused)") from None
    except ParseError as error:
        raise ImportProblem(f"not an RSS or Atom feed, nor well-formed XML ({error.msg})") from None
    title_element = _first(root, _TITLE_NAMES)
    title = short_text("".join(title_element.itertext())) if title_element is not None else None
    date = _date(root)
    if title is None and date is None:
        # A catalogue, a sitemap, a settings file: XML, but no release in it.
        raise ImportProblem("not an RSS or Atom feed, nor a news page (no title, no date)")
    pieces: list[str] = []
    _collect(root, title_element, pieces, 0)
    text = "\n\n".join(p for p in (" ".join(piece.split()) for piece in pieces) if p)
    return [
        Draft(
            text=clean_text(text),
            format="xml",
            title=title,
            date=date,
            language=language_tag(root.get("{http://www.w3.org/XML/1998/namespace}lang")
                                  or root.get("lang")),
        )
    ]  # fmt: skip


def _local(tag: object) -> str:
    """An element's name without its namespace, lower case ("" for comments)."""
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def _first(root: Element, names: tuple[str, ...]) -> Element | None:
    for name in names:
        for element in root.iter():
            if _local(element.tag) == name and "".join(element.itertext()).strip():
                return element
    return None


def _date(root: Element) -> str | None:
    for key, value in root.attrib.items():
        if _local(key) in _DATE_NAMES and (day := iso_date(clean_text(value))):
            return day
    for element in root.iter():
        if _local(element.tag) in _DATE_NAMES:
            day = iso_date(clean_text(element.get("datetime") or "".join(element.itertext())))
            if day:
                return day
    return None


def _collect(element: Element, title: Element | None, pieces: list[str], depth: int) -> None:
    """Append the text under *element* to *pieces*, a new piece at each block element."""
    name = _local(element.tag)
    if element is title or name in _SKIPPED or name in _DATE_NAMES or depth > _MAX_DEPTH:
        if element.tail:
            _append(pieces, element.tail)
        return
    block = name in _BLOCKS
    if block:
        pieces.append("")
    if element.text:
        _append(pieces, element.text)
    for child in element:
        _collect(child, title, pieces, depth + 1)
    if block:
        pieces.append("")
    if element.tail:
        _append(pieces, element.tail)


def _append(pieces: list[str], text: str) -> None:
    if pieces:
        pieces[-1] += text
    else:
        pieces.append(text)
