"""The Markdown reader: a .md release to plain text, keeping inline links as ``[label](url)``.

Not a full CommonMark parser: it removes the syntax that press releases use
(a ``# Title`` line, headings, emphasis, images, block quotes, fences, inline
HTML, entities) in a few linear passes, because every release in the real
corpus goes through here and the import budget is 1,000 releases a second.
"""

from __future__ import annotations

import datetime
import html
import re

import yaml

from store.ingest.decoding import decode
from store.ingest.draft import Draft
from store.ingest.readers.contacts import contact_block, is_contact_key, read_contacts
from store.ingest.readers.fields import iso_date, language_tag, markdown_link, short_text
from store.ingest.readers.markdown_preamble import preamble_body, preamble_end
from store.records import Contact
from store.sanitize import clean_optional, clean_text

_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
# The same on a stripped line, its closing #s cut in Python (_heading): the lazy text of
# _ATX_HEADING tries its closing sequence after every character (20 us a headline).
_ATX_OPENING = re.compile(r"#{1,6}(?:[ \t]+(.*))?")
_THEMATIC_BREAK = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_H1 = re.compile(r"=+[ \t]*$")
_FRONT_MATTER_LINE = re.compile(r"([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(.*)$")

# Possessive quantifiers (Python 3.11+) and a literal first character keep
# these linear and let the regex engine skip ahead quickly.
_IMAGE = re.compile(
    r"!\[[^\]\n]*+\](?:\((?:[^()\s]++|\([^()\s]*+\))*+(?:[ \t]+\"[^\"\n]*+\")?\)|\[[^\]\n]*+\])"
)
_LINK = re.compile(
    r"\[([^\]\n]*+)\]\(\s*+<?((?:[^()\s<>]++|\([^()\s]*+\))*+)>?"
    r"(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^()\n]*+\)))?\s*+\)"
)
_LINK_ONLY = re.compile(r"!?\[[^\]\n]*\]\([^()\s]*\)")
_REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[([^\]\n]{1,200})\]:[ \t]*<?([^\s>]+)>?"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$",
    re.MULTILINE,
)
_REFERENCE_LINK = re.compile(r"\[([^\]\n]++)\]\[([^\]\n]*+)\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]{1,2000})>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+)?/?>", re.DOTALL)
# Emphasis delimiters only where CommonMark would see them (flanking rules,
# roughly): not inside words or URLs (utm_source, a__b), not footnote stars
# ("0.08%*."). The lookbehind sits after the delimiter so the pattern still
# starts with a literal.
_UNDERSCORE_STRONG = re.compile(r"__(?<![\w\\]__)(?=[^\s_])([^\n]{1,300}?)(?<=[^\s_])__(?!\w)")
_STAR_EM = re.compile(
    r"\*(?<![^\s(\[\"'“‘]\*)(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![^\s.,;:!?)\]\"'”’])"
)
_UNDERSCORE_EM = re.compile(
    r"_(?<![^\s(\[\"'“‘]_)(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?![^\s.,;:!?)\]\"'”’])"
)
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BLOCK_MARKERS = frozenset("#>-*_`~")
_BLANK_LINES = re.compile(r"\n\n\n+")
_LEADING_SPACE = re.compile(r"\s*")  # \s is str.isspace: what str.lstrip() removes


def read_markdown(data: bytes) -> list[Draft]:
    """Read one Markdown file as one draft (title from a leading ``# Title`` line)."""
    text = decode(data)
    meta: dict[str, str] = {}
    contacts: list[Contact] = []
    if text.startswith("---"):
        text, meta, contacts = _front_matter(text)
    title, text = _leading_title(text)
    office = None
    if title is None and (cut := preamble_end(text)) is not None:
        # "* 4 April 2025" / "* Directorate-General for Energy" / "* 2 min read" over "# Title".
        heading, rest = _leading_title(text[cut:])
        if heading:
            title, text, office = heading, text[:cut] + rest, preamble_body(text[:cut])
    if title is None and meta.get("title"):
        title = clean_optional(_inline_plain(meta["title"]))
    if (standfirst := _standfirst(meta)) and standfirst[:200] not in text:
        # A standfirst the site keeps in the front matter and prints over the post
        # (numerique.gouv.fr's "chapeau-text"): the body's first paragraph, as a CMS's is.
        text = f"{standfirst}\n\n{text}"
    body = markdown_to_text(text)
    # Where the site prints them, after the release, for extraction to read as any other.
    if block := contact_block("Press contact:", contacts, body):
        body = f"{body}\n\n{block}"
    return [
        Draft(
            text=body,
            contacts=contacts,
            format="md",
            title=title,
            date=_front_matter_date(meta),
            issuer=_front_matter_issuer(meta) or office,
            language=language_tag(meta.get("lang") or meta.get("language")),
            tags=_front_matter_tags(meta.get("tags") or meta.get("keywords") or ""),
        )
    ]


_STANDFIRST_KEYS = ("chapeau-text", "chapeau", "standfirst")


def _standfirst(meta: dict[str, str]) -> str | None:
    """The front matter's standfirst, when it has one."""
    if not meta:
        return None
    for key in _STANDFIRST_KEYS:
        if value := (meta.get(key) or "").strip():
            return value
    return None


def markdown_to_text(text: str) -> str:
    """Plain text from cleaned Markdown: syntax removed, links as ``[label](url)``."""
    if _has(text, "]:"):
        text = _resolve_references(text)
    text = _blocks(text)
    if _has(text, "!["):
        text = _IMAGE.sub("", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"[\1](\1)", text)
        text = _HTML_BREAK.sub("\n", text)
        text = _HTML_TAG.sub("", text)
    text = _emphasis(text)
    if _has(text, "]("):
        text = _LINK.sub(_link, text)
    if "\\" in text:
        text = _BACKSLASH_ESCAPE.sub(r"\1", text)
    if "&" in text:
        numeric = _has(text, "&#")
        text = html.unescape(text)
        if numeric:
            # &#27; is ESC: a character reference can smuggle in what cleaning removed.
            text = clean_text(text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


def _has(text: str, needle: str) -> bool:
    """``needle in text``, faster where *needle*'s first character is rare in *text*.

    ``in`` with a needle of two or more characters steps through the text a
    character at a time (about 15 us over a release's 5,000 characters, most of
    them not ASCII); ``find`` of one character runs ``memchr``.
    """
    first = needle[0]
    at = text.find(first)
    while at >= 0:
        if text.startswith(needle, at):
            return True
        at = text.find(first, at + 1)
    return False


def _heading(line: str) -> tuple[bool, str | None]:
    """Whether *line* (stripped, one line) is an ATX heading, and its text: what
    ``_ATX_HEADING.match(line)`` and its first group say."""
    match = _ATX_OPENING.fullmatch(line)
    if match is None:
        return False, None
    text = match.group(1)
    if text is not None and text.endswith("#"):
        # A closing sequence: spaces or tabs, then #s to the end (the shortest text
        # the lazy pattern leaves before it; "Title##" keeps its #s).
        head = text.rstrip("#")
        if head.endswith((" ", "\t")):
            text = head.rstrip(" \t")
    return True, text


def _leading_title(text: str) -> tuple[str | None, str]:
    # Index arithmetic instead of lstrip/partition: no copies of the whole text.
    start = _leading_space(text)
    end = text.find("\n", start)
    if end < 0:
        end = len(text)
    first = text[start:end].strip()
    if first.startswith("# ") or first == "#":
        title = _heading(first)[1]
        if title and _LINK_ONLY.fullmatch(title.strip()):
            # "# [Tor](../index.html.en)": a site's name linking home, not the headline.
            return None, text[end + 1 :]
        return clean_optional(_inline_plain(title or "")), text[end + 1 :]
    if first and not first.startswith("#") and end < len(text):
        second_end = text.find("\n", end + 1)
        if second_end < 0:
            second_end = len(text)
        if _SETEXT_H1.match(text[end + 1 : second_end].strip()):
            return clean_optional(_inline_plain(first)), text[second_end + 1 :]
    return None, text


def _leading_space(text: str) -> int:
    """How many characters ``text.lstrip()`` would remove, found without copying the text."""
    match = _LEADING_SPACE.match(text)
    return match.end() if match else 0


def _inline_plain(text: str) -> str:
    """A heading's text without Markdown: link labels only, no emphasis or images."""
    if "![" in text:
        text = _IMAGE.sub("", text)
    if "](" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    text = _emphasis(text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _blocks(text: str) -> str:
    """One pass over the lines: headings, quotes, rules and fences lose their markers."""
    lines = [line.strip() for line in text.split("\n")]
    if not _BLOCK_MARKERS.intersection([line[:1] for line in lines]):
        return "\n".join(lines)
    out: list[str] = []
    append = out.append
    for line in lines:
        first = line[:1]
        if first not in _BLOCK_MARKERS:
            append(line)
            continue
        if first == "#":
            heading, words = _heading(line)
            if heading:
                line = (words or "").strip()
        elif first == ">":
            while line.startswith(">"):
                line = line[1:].lstrip()
        elif first in "-*_":
            if _THEMATIC_BREAK.match(line):
                line = "---"
        elif line.startswith(("```", "~~~")):
            continue
        append(line)
    return "\n".join(out)


def _emphasis(text: str) -> str:
    # A two-character test only where its character is at all (see _has).
    stars, underscores = "*" in text, "_" in text
    if stars and _has(text, "**"):
        text = text.replace("**", "")
    if underscores and _has(text, "__"):
        text = _UNDERSCORE_STRONG.sub(r"\1", text)
    if stars and "*" in text:
        text = _STAR_EM.sub(r"\1", text)
    if underscores and "_" in text:
        text = _UNDERSCORE_EM.sub(r"\1", text)
    return text


def _link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    if not url:
        return label
    if url.startswith(("https://", "http://", "mailto:")) and "[" not in label and "(" not in url:
        label = label.strip()
        return f"[{label}]({url})" if label else ""
    return markdown_link(label, url)


def _resolve_references(text: str) -> str:
    targets: dict[str, str] = {}

    def collect(match: re.Match[str]) -> str:
        targets.setdefault(match.group(1).strip().casefold(), match.group(2))
        return ""

    text = _REFERENCE_DEFINITION.sub(collect, text)
    if not targets:
        return text

    def resolve(match: re.Match[str]) -> str:
        label = match.group(1)
        target = targets.get((match.group(2) or label).strip().casefold())
        return match.group(0) if target is None else f"[{label}]({target})"

    return _REFERENCE_LINK.sub(resolve, text)


def _front_matter(text: str) -> tuple[str, dict[str, str], list[Contact]]:
    """YAML front matter (``---`` / YAML / ``---``): its top-level strings, numbers, dates,
    and lists of them (joined by commas), read with a YAML parser, since static sites fold,
    quote and escape their titles; the line-by-line reading where the block is no valid YAML.
    The press contacts it declares (``contact-presse:``, ``press_contact:``) come apart."""
    if not text.startswith("---\n"):
        return text, {}, []
    close = text.find("\n---", 3, 8192)
    line_end = text.find("\n", close + 1) if close >= 0 else -1
    if close < 0 or text[close + 4 : line_end if line_end >= 0 else None].strip():
        return text, {}, []
    rest = "" if line_end < 0 else text[line_end + 1 :]
    block = text[4:close]
    parsed = _yaml_mapping(block)
    if parsed is not None:
        return rest, *parsed
    meta = _front_matter_lines(block)
    if meta is None:
        return text, {}, []
    # A one-line contact ("contact: Jane Doe, jane@example.org") read the same way.
    lines = [value for key, value in meta.items() if is_contact_key(key)]
    return rest, meta, read_contacts(lines[0]) if lines else []


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_mapping(block: str) -> tuple[dict[str, str], list[Contact]] | None:
    """The front matter's top-level keys as flat strings, and its press contacts; ``None``
    unless it is a YAML mapping.

    Only scalars and lists of scalars are kept, so that aliases (a "billion laughs" block)
    are never expanded into text; contacts are read within bounds (store.ingest.readers.contacts)."""
    try:
        data = yaml.load(block, Loader=_YAML_LOADER)  # a safe loader: plain data only
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    meta: dict[str, str] = {}
    contacts: list[Contact] = []
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        if not contacts and is_contact_key(key):
            contacts = read_contacts(value)
        if isinstance(value, list):
            items = [_yaml_scalar(item) for item in value[:200]]
            meta[key.lower()] = ",".join(item for item in items if item)
        elif (scalar := _yaml_scalar(value)) is not None:
            meta[key.lower()] = scalar
    return meta, contacts


def _yaml_scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float | datetime.date):
        return str(value)
    return None


def _front_matter_lines(block: str) -> dict[str, str] | None:
    """``key: value`` lines read as flat strings; ``None`` if the block is not front matter."""
    meta: dict[str, str] = {}
    key = ""
    for line in block.split("\n"):
        if not line.strip():
            continue
        match = _FRONT_MATTER_LINE.match(line)
        if match:
            key = match.group(1).lower()
            meta[key] = match.group(2).strip().strip("\"'")
        elif line.lstrip().startswith("- ") and key:
            item = line.lstrip()[2:].strip().strip("\"'")
            meta[key] = f"{meta[key]},{item}" if meta[key] else item
        elif not line[0].isspace():
            # Not front matter after all: a document that opens with a rule.
            return None
    return meta


# Front matter keys of static sites and CMS exports, in order of preference.
_DATE_KEYS = (
    "date", "published", "published_at", "publish_date", "publishdate", "pubdate",
    "date_published", "datepublished", "release_date", "created", "created_at",
)  # fmt: skip
_ISSUER_KEYS = ("company", "issuer", "organisation", "organization", "publisher")


def _front_matter_date(meta: dict[str, str]) -> str | None:
    if not meta:
        return None  # most releases have no front matter: eleven lookups of nothing
    for key in _DATE_KEYS:
        if (day := iso_date(meta.get(key))) is not None:
            return day
    return None


def _front_matter_issuer(meta: dict[str, str]) -> str | None:
    if not meta:
        return None
    for key in _ISSUER_KEYS:
        if (name := short_text(_inline_plain(meta.get(key) or ""), 200)) is not None:
            return name
    return None


def _front_matter_tags(value: str) -> list[str]:
    tags: list[str] = []
    for item in value.strip("[]").split(","):
        tag = short_text(item.strip().strip("\"'"), 100)
        if tag and tag not in tags:
            tags.append(tag)
    return tags
