"""The HTML reader: web pages (and HTML bodies of JSON, mail and feeds) to plain text with links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from store.ingest.decoding import decode_markup
from store.ingest.draft import Draft
from store.ingest.readers.fields import iso_date, language_tag, link_target
from store.sanitize import clean_line, clean_optional, clean_text


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PARAGRAPH_TAGS = _names(
    "address article aside blockquote body center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html main menu nav ol p pre section "
    "table ul"
)
_LINE_TAGS = _names("br li tr dt dd caption summary legend option")
_CELL_TAGS = _names("td th")
# Content that is never shown as text: code, styles, fallbacks, embedded documents.
# FSFE's page source records its version and translators in elements of their own
# (<version>1</version>, <translator>Name</translator>): the page's data, not its text.
_SKIPPED_TAGS = _names(
    "script style noscript template svg math iframe object canvas audio video select "
    "version translator translators"
)
_HEAD_TAGS = _names("title meta link style script base noscript template")
_VOID_TAGS = _names("area base br col embed hr img input link meta param source track wbr")
_DATE_META = frozenset(
    (
        "article:published_time",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "pubdate",
        "publish-date",
        "publishdate",
        "datepublished",
        "og:published_time",
    )
)
# "Site name | Headline", "Headline - Site name": a <title> that is not just the headline.
_SITE_TITLE = re.compile(r"\s(?:\||-|–|—|::|»|·)\s")
# A start tag with no ">" before the next "<" outside quoted attribute values.
# Possessive quantifiers: each attempt is linear and never backtracks.
_INCOMPLETE_TAG = re.compile(r"""<[A-Za-z][^<>"']*+(?:(?:"[^"]*+"|'[^']*+')[^<>"']*+)*+(?!>)""")
# A C1 control in a page's text is a Windows-1252 character that a UTF-8 page carried as its
# Latin-1 code point (mozilla.org 2004: "PROJECT\x92S" for "PROJECT’S"): the character it
# stood for, not a control to strip (the five code points 1252 leaves unassigned stay so).
# The codes a terminal reads as the start or end of a control string (8-bit CSI, ST, OSC,
# DCS, SOS, PM, APC) are left to clean_text, which removes them with what they introduce.
_C1_AS_CP1252 = {
    code: char
    for code in range(0x80, 0xA0)
    if code not in (0x90, 0x98, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F)
    and (char := bytes([code]).decode("cp1252", errors="replace")) != "\ufffd"
}
_HAS_C1 = re.compile("[\x80-\x8f\x91-\x97\x99\x9a]")
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# A place in capitals opening a text, then a run of spaces where its dash was, then the lead.
_LOST_DASH = re.compile(r"[ \t\r\n]*([A-Z][A-Z.,' ]{2,40}?[A-Z.])[ \t]{3,}(?=[A-Z])")
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:p|div|br|a|h[1-6]|ul|ol|li|span|strong|em|b|i|u|table|img|html|body|section|article)"
    r"\b[^>]{0,2000}>|</[A-Za-z][A-Za-z0-9]{0,10}>|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});",
    re.IGNORECASE,
)


# The one element that holds a page's own content, when the page has exactly one: its
# menus, share buttons, "related" lists and footer lie outside it.
_ARTICLE_TAG = re.compile(r"<article\b", re.IGNORECASE)
_MAIN_TAG = re.compile(r"<main\b|\brole\s*=\s*[\"']?main\b", re.IGNORECASE)
_MIN_SCOPED_TEXT = 300  # less than this inside it: the element is a teaser, read the whole page
# A site's name, not the publisher: a wire service or a generic section.
_NOT_SITE = re.compile(
    r"(?i:.*(?:wire|newsroom|press release|news release|home|news|blog)\b.*|[\w.-]+\.[a-z]{2,})"
)


@dataclass(slots=True)
class HtmlText:
    """What the HTML reader recovers from one document or fragment."""

    text: str
    title: str | None = None
    language: str | None = None
    date: str | None = None
    site: str | None = None  # the site's name from a "Headline | Site" <title>
    home: str | None = None  # the domain the page's own images and media come from
    tags: tuple[str, ...] = ()  # the page's own keywords: FSFE's <tags><tag>Name</tag></tags>


def looks_like_html(text: str) -> bool:
    """Whether a body field from JSON or a feed holds markup (or entities) to convert."""
    return _LOOKS_LIKE_HTML.search(text) is not None


def html_to_text(markup: str) -> HtmlText:
    """Convert an HTML document or fragment to plain text.

    Block elements become paragraph or line breaks, ``<a href>`` becomes
    ``[label](url)`` (dangerous targets keep only the label), hidden content
    (scripts, styles, the head) is dropped. The parser is event-based, so
    nesting depth costs nothing (SECURITY.md P6).
    """
    markup = _defuse(markup)
    scope = _content_scope(markup)
    if scope is not None:
        page = _collect(markup, scope)
        if len(page.text) >= _MIN_SCOPED_TEXT:
            return page
    return _collect(markup, None)


def _content_scope(markup: str) -> str | None:
    """ "article" or "main" when the page has exactly one such element, else ``None``."""
    if ("<article" in markup or "<ARTICLE" in markup) and len(
        _ARTICLE_TAG.findall(markup, 0, 2_000_000)
    ) == 1:
        return "article"
    if len(_MAIN_TAG.findall(markup, 0, 2_000_000)) == 1:
        return "main"
    return None


def _collect(markup: str, scope: str | None) -> HtmlText:
    collector = _TextCollector(scope)
    collector.feed(markup)
    collector.close()
    return collector.result()


def read_html(data: bytes) -> list[Draft]:
    """Read one HTML file as one draft."""
    page = html_to_text(decode_markup(data))
    return [
        Draft(
            text=page.text,
            format="html",
            title=page.title,
            date=page.date,
            language=page.language,
            issuer=page.site,
            home=page.home,
            tags=list(page.tags),
        )
    ]


class _TextCollector(HTMLParser):
    def __init__(self, scope: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        # Reading only inside the page's content element: its tag, and how deep inside.
        self.scope = scope
        self.scope_tag: str | None = None
        self.scope_nest = 0
        self.pieces: list[str] = []
        self.skipping: list[str] = []
        self.in_head = False
        self.pre_depth = 0
        self.hidden_depth: list[str] = []
        self.link_start: int | None = None
        self.link_href = ""
        self.title_parts: list[str] | None = None
        self.title_text: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1_text: str | None = None
        self.h1_span: tuple[int, int] | None = None
        self.h1_start = 0
        # The heading's first line, when a <br> breaks it ("Headline<br>Subtitle").
        self.h1_first_line: str | None = None
        # The first link inside the heading: where it starts and where it leads.
        self.h1_link: tuple[int, str] | None = None
        # The first <h1> was the site's banner (its logo, a link to the home page): the page's
        # own heading is the next <h1>, <h2> or <h3>.
        self.banner = False
        # Below a banner, a page with no heading element may set its headline in bold at the
        # top of its content: the first bold run opening a block (its tag and depth, its text).
        self.bold: str | None = None  # the bold element's tag while inside it
        self.bold_depth = 0
        self.bold_start = 0
        self.bold_parts: list[str] = []
        self.bold_text: str | None = None
        self.bold_span: tuple[int, int] | None = None
        self.language: str | None = None
        # A keyword of the page (<tag> is no HTML element: FSFE's news pages list their topics
        # so): a tag of the release, not a sentence of its text run on with the next keywords.
        self.tag_parts: list[str] | None = None
        self.tags: list[str] = []
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.resource_domains: dict[str, int] = {}

    # Events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a" and len(self.resource_domains) < _MAX_DOMAINS:
            for name, value in attrs:
                if name in _RESOURCE_ATTRS and value and (domain := _domain(value)):
                    self.resource_domains[domain] = self.resource_domains.get(domain, 0) + 1
        hidden = self.skipping or self.hidden_depth
        if hidden:
            # Track nesting inside hidden content so that its end is found.
            if tag not in _VOID_TAGS:
                hidden.append(tag)
            return
        if tag in _HEAD_TAGS:
            if tag == "meta":
                self._meta(attrs)
            elif tag == "title" and self.title_text is None and self.title_parts is None:
                self.title_parts = []
                return
        elif tag == "head":
            self.in_head = True
            return
        else:
            # Browsers end the head at the first tag that cannot be in it.
            self.in_head = False
        if tag == "html":
            self.language = self.language or language_tag(_attr(attrs, "lang"))
            if self.meta_date is None and (declared := _attr(attrs, "newsdate")):
                # FSFE's news pages declare their date on the root element.
                self.meta_date = iso_date(clean_text(declared))
        if self.scope is not None and tag not in _VOID_TAGS:
            if self.scope_tag is None and (
                tag == self.scope or (self.scope == "main" and _attr(attrs, "role") == "main")
            ):
                self.scope_tag, self.scope_nest = tag, 0
            if tag == self.scope_tag:
                self.scope_nest += 1
        if tag in _SKIPPED_TAGS:
            self.skipping.append(tag)
            return
        if tag not in _VOID_TAGS and _attr(attrs, "hidden") is not None:
            self.hidden_depth.append(tag)
            return
        if tag == "tag":
            self.tag_parts = []
            return
        if tag == "time" and self.time_date is None:
            self.time_date = iso_date(clean_text(_attr(attrs, "datetime") or ""))
        if self.bold is not None and tag == self.bold:
            self.bold_depth += 1
        elif (
            self.banner
            and self.bold is None
            and self.bold_text is None
            and self.h1_parts is None
            and self.link_start is None
            and _is_bold(tag, attrs)
            and (not self.pieces or self.pieces[-1].endswith("\n"))
        ):
            self.bold, self.bold_depth, self.bold_parts = tag, 1, []
            self.bold_start = len(self.pieces)
        if tag in _PARAGRAPH_TAGS:
            if self.link_start is not None and self.link_start < len(self.pieces):
                # An unclosed <a> ends where its paragraph does; a block inside a
                # link that has no text yet (a card) is its label.
                self._close_link()
            self.pieces.append("\n\n")
            if tag == "pre":
                self.pre_depth += 1
            elif (
                (tag == "h1" or (self.banner and tag in ("h2", "h3")))
                and self.h1_text is None
                and self.h1_parts is None
                and (self.scope is None or self.scope_nest > 0)
            ):
                self.h1_parts = []
                self.h1_start = len(self.pieces)
                self.h1_link, self.h1_first_line = None, None
        elif tag in _LINE_TAGS:
            if tag == "br" and self.bold is not None:
                self.bold_parts.append("\n")
            if tag == "br" and self.h1_parts is not None and self.h1_first_line is None:
                self.h1_first_line = clean_line("".join(self.h1_parts))
            self.pieces.append("\n")
        elif tag in _CELL_TAGS:
            self.pieces.append(" ")
        elif tag == "a":
            self._close_link()
            href = _attr(attrs, "href")
            if href is not None:
                self.link_start = len(self.pieces)
                self.link_href = href
                if self.h1_parts is not None and self.h1_link is None:
                    self.h1_link = (self.link_start, href)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <p/>: a self-closed element is only its start.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title_text = clean_line("".join(self.title_parts))
            self.title_parts = None
            return
        if tag == "head":
            self.in_head = False
            return
        if self.skipping:
            if tag in self.skipping:
                del self.skipping[_last_index(self.skipping, tag) :]
            return
        if self.hidden_depth:
            if tag in self.hidden_depth:
                del self.hidden_depth[_last_index(self.hidden_depth, tag) :]
            return
        if tag == self.scope_tag and self.scope_nest > 0:
            self.scope_nest -= 1
        if tag == "tag" and self.tag_parts is not None:
            name = clean_line("".join(self.tag_parts))
            if name and name not in self.tags:
                self.tags.append(name)
            self.tag_parts = None
            return
        if self.bold is not None and tag == self.bold:
            self.bold_depth -= 1
            if self.bold_depth == 0:
                self.bold = None
                self.bold_text = "".join(self.bold_parts)  # its lines kept, read in result()
                self.bold_span = (self.bold_start, len(self.pieces))
        if tag == "a":
            self._close_link()
        elif tag in _PARAGRAPH_TAGS:
            if tag in ("h1", "h2", "h3") and self.h1_parts is not None:
                if self.link_start is not None and self.link_start >= self.h1_start:
                    self._close_link()
                self.h1_text = clean_line("".join(self.h1_parts))
                if self.link_start is None:
                    self.h1_span = (self.h1_start, len(self.pieces))
                self.h1_parts = None
                if not self.banner and _is_banner(self.h1_start, self.h1_link):
                    # The site's logo linked to its home page: not this page's heading.
                    self.banner = True
                    self.h1_text, self.h1_span, self.h1_first_line = None, None, None
            elif tag == "pre" and self.pre_depth:
                self.pre_depth -= 1
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data.translate(_C1_AS_CP1252) if _HAS_C1.search(data) else data)
            return
        if self.skipping or self.hidden_depth or self.in_head:
            return
        if self.tag_parts is not None:
            self.tag_parts.append(data)
            return
        if self.scope is not None and self.scope_nest == 0:
            return  # outside the page's content element
        # Each text node is cleaned on its own: an unterminated escape sequence
        # then swallows the rest of its node, not the rest of the page.
        text = clean_text(data.translate(_C1_AS_CP1252) if _HAS_C1.search(data) else data)
        if self.pre_depth:
            text = text.replace("\xa0", " ")
        elif (gap := _LOST_DASH.match(text)) is not None:
            # "WASHINGTON    Wheaton Community Hospital ...": a dateline whose dash the page
            # lost (justice.gov's archive); two spaces keep it apart for the dateline reader.
            text = f" {gap.group(1)}  {_SPACES.sub(' ', text[gap.end() :])}"
        else:
            text = _SPACES.sub(" ", text)
        if not text:
            return
        self.pieces.append(text)
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if self.bold is not None:
            self.bold_parts.append(text)

    # Pieces

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        content = _attr(attrs, "content")
        if content is None:
            return
        key = (
            _attr(attrs, "property") or _attr(attrs, "name") or _attr(attrs, "itemprop") or ""
        ).lower()
        if key in _DATE_META and self.meta_date is None:
            self.meta_date = iso_date(clean_text(content))
        elif (
            (_attr(attrs, "http-equiv") or "").lower() == "content-language"
            or key in ("language", "dc.language")
        ) and self.language is None:
            self.language = language_tag(clean_text(content).split(",")[0])

    def _close_link(self) -> None:
        start = self.link_start
        if start is None:
            return
        self.link_start = None
        target = link_target(self.link_href)
        label_text = "".join(self.pieces[start:])
        label = clean_line(label_text).replace("[", "(").replace("]", ")")
        if target is None or not label:
            return
        lead = " " if label_text[:1].isspace() else ""
        trail = " " if label_text[-1:].isspace() else ""
        self.pieces[start:] = [f"{lead}[{label}]({target}){trail}"]

    def result(self) -> HtmlText:
        self._close_link()
        if self.h1_parts is not None:
            self.h1_text = clean_line("".join(self.h1_parts))
            self.h1_span = (self.h1_start, len(self.pieces))
        if self.title_parts is not None:
            self.title_text = clean_line("".join(self.title_parts))
        heading = self.h1_text or None
        title = self.title_text or None
        if heading is None and self.banner and self.bold_text and self.bold_span:
            # A bold run alone in its block, a headline's length: the page's heading; unless
            # its first line is the <title> (mozilla.org 2002: the headline, then a subtitle
            # in the same <b>), which then stands.
            bold = clean_line(self.bold_text)
            first = clean_line(self.bold_text.strip().split("\n")[0])
            after = "".join(self.pieces[self.bold_span[1] : self.bold_span[1] + 3]).lstrip(" ")
            if (
                4 <= len(bold.split()) <= 30
                and (not after or after[0] == "\n")
                and not (title and first.casefold() == title.casefold())
            ):
                heading, self.h1_span = bold, self.bold_span
        keep_heading = False
        first_line = self.h1_first_line
        if (
            heading
            and title
            and first_line
            and heading not in title
            and first_line in title
            and len(first_line.split()) >= 3
        ):
            # "Headline<br>Subtitle" in the <h1>, the <title> holding the headline alone (after a
            # date or a kicker): the first line is the headline, the subtitle stays in the text.
            heading, keep_heading = first_line, True
        if heading and (
            title is None
            # Below the site's banner, the page's own heading is what the reader sees as its
            # title; a <title> that says otherwise is the page's label in a list.
            or (self.banner and len(heading.split()) >= 3)
            or _SITE_TITLE.search(title)
            # The heading inside a longer <title> ("Press release: <heading>"), not the
            # site's name in a banner <h1> ("Mozilla" in "Mozilla.org Launches Mozilla 1.0")
            or (heading in title and (len(heading.split()) >= 3 or 2 * len(heading) >= len(title)))
            or _one_word_apart(heading, title)
        ):
            title = heading
        pieces = self.pieces
        if title is not None and title == heading and self.h1_span is not None and not keep_heading:
            start, end = self.h1_span
            pieces = pieces[:start] + pieces[end:]
        return HtmlText(
            text=_paragraphs("".join(pieces)),
            title=clean_optional(title),
            language=self.language,
            date=self.meta_date or self.time_date,
            site=_site_name(self.title_text, heading),
            home=_home(self.resource_domains),
            tags=tuple(self.tags),
        )


# Where a page's own resources are: images, media, a discussion thread (not the links in
# its text, which point at whatever the release speaks of).
_RESOURCE_ATTRS = frozenset(("src", "href", "url", "poster"))
_MAX_DOMAINS = 50
_URL_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)", re.IGNORECASE)
# Second-level names under which a country's registrations sit: "gov.uk", "co.jp".
_SECOND_LEVEL = frozenset(("co", "com", "gov", "org", "ac", "net", "edu", "gob", "gouv"))


def _domain(url: str) -> str | None:
    """ "https://pics.fsfe.org/a.png" -> "fsfe.org"; "https://www.gov.uk/x" -> "gov.uk"."""
    m = _URL_HOST.match(url.strip())
    if m is None:
        return None
    labels = m.group(1).lower().rstrip(".").split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _home(domains: dict[str, int]) -> str | None:
    """The domain most of the page's resources come from: two at least, more than any other."""
    ranked = sorted(domains.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# A link to a site's home page: "/", "index.html", "https://example.org/".
_HOME_LINK = re.compile(r"(?:\.?/|/?index\.[a-z]{3,5}|https?://[^/?#\s]+/?)", re.IGNORECASE)


def _is_bold(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """<b>, <strong>, or an element styled bold (<span style="font-weight: bold;">)."""
    if tag in ("b", "strong"):
        return True
    style = (_attr(attrs, "style") or "").replace(" ", "").lower()
    return tag in ("span", "font", "div", "p") and (
        "font-weight:bold" in style or "font-weight:700" in style
    )


def _is_banner(start: int, link: tuple[int, str] | None) -> bool:
    """Whether a heading that begins at *start* is a site's banner: wholly a link (from its
    first word) to the home page, as mozilla.org's <h1><a href="/">Mozilla</a></h1> is."""
    return (
        link is not None and link[0] == start and _HOME_LINK.fullmatch(link[1].strip()) is not None
    )


def _one_word_apart(heading: str, title: str) -> bool:
    """Whether the visible heading and the <title> are one text but for one word spelled
    otherwise (a typo corrected in one of them): then the reader sees the heading."""
    a, b = heading.casefold().split(), title.casefold().split()
    if len(a) != len(b) or len(a) < 4:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and _edits_at_most_two(*differ[0])


def _edits_at_most_two(a: str, b: str) -> bool:
    """Whether *b* is *a* with at most two letters inserted, dropped or changed."""
    if abs(len(a) - len(b)) > 2 or len(a) > 40:
        return False  # a word is short; a long run of letters costs its length squared
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= 2


# Words of a heading that its <title> may write otherwise and still be the same headline.
_MIN_EDITED_WORDS = 5


def _edited(title: str, heading: str) -> bool:
    """Whether a <title>'s headline is the page's heading with one word written otherwise:
    "EP paves way for the use of EU funds ..." over the heading "Parliament paves way for
    the use of EU funds ..." (the European Parliament's press room)."""
    a, b = title.split(), heading.split()
    if len(a) != len(b) or len(a) < _MIN_EDITED_WORDS:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _site_name(title: str | None, heading: str | None) -> str | None:
    """The site's name in a <title> made of the headline and the site: "Headline | OPA |
    Department of Justice" gives "Department of Justice" (the part furthest from the headline)."""
    if not title or not heading or not _SITE_TITLE.search(title):
        return None
    parts = [p.strip() for p in _SITE_TITLE.split(title) if p.strip()]
    head = " ".join(heading.split()).casefold()
    if len(parts) < 2:
        return None
    if (
        " ".join(parts[0].split()).casefold() == head
        or head.startswith(parts[0].casefold())
        or _edited(parts[0].casefold(), head)
    ):
        site = parts[-1]
    elif " ".join(parts[-1].split()).casefold() == head:
        site = parts[0]
    else:
        return None
    words = site.split()
    if not 1 <= len(words) <= 8 or _NOT_SITE.fullmatch(site) or not site[:1].isupper():
        return None
    return clean_optional(site)


def _defuse(markup: str) -> str:
    """Rewrite the constructs that make Python 3.11's HTMLParser quadratic, keeping the text.

    Unclosed comments, unclosed ``<![`` sections and start tags with no ``>``
    before the next tag make the parser rescan to the end of the input from
    each one: 60 KB of ``<a `` costs over 30 s (the CVE-2025-6069 family,
    fixed in later Python releases); so do ``</``, ``<?`` and ``<!x`` with no
    ``>`` after them. Browsers hide everything after an unclosed comment, so
    it is cut; the others become text.
    """
    if "<!" in markup:
        last_close = markup.rfind("-->")
        unclosed = markup.find("<!--", last_close + 3 if last_close >= 0 else 0)
        if unclosed >= 0:
            markup = markup[:unclosed]
        last_close = markup.rfind("]]>")
        start = last_close + 3 if last_close >= 0 else 0
        if markup.find("<![", start) >= 0:
            markup = markup[:start] + markup[start:].replace("<![", "&lt;![")
    last_close = markup.rfind(">")
    if markup.find("<", last_close + 1) >= 0:
        # No ">" follows: every "<" here would make the parser search to the end.
        markup = markup[: last_close + 1] + markup[last_close + 1 :].replace("<", "&lt;")
    if "<" in markup:
        markup = _INCOMPLETE_TAG.sub(_as_text, markup)
    return markup


def _as_text(match: re.Match[str]) -> str:
    return match.group(0).replace("<", "&lt;")


def _paragraphs(text: str) -> str:
    lines = [line.strip(" \t") for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _attr(attrs: list[tuple[str, str | None]], name: str) -> str | None:
    for key, value in attrs:
        if key == name:
            return value if value is not None else ""
    return None


def _last_index(stack: list[str], tag: str) -> int:
    return len(stack) - 1 - stack[::-1].index(tag)
