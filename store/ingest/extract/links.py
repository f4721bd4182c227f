"""Markdown inline links and bare web addresses: recorded as links, reduced to their label."""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.records import Link

_MAX_ADDRESS = 2000


def _link_or_url(address: str) -> re.Pattern[str]:
    """A Markdown link or image whose address (without <...>) is *address*, or a bare address.

    An image first, so that "![alt](src)" is not read as "!" plus a link.
    The bare address's left edge is checked in code.
    """
    return re.compile(
        r"(?P<image>!\[|\[)(?P<label>[^\[\]]{0,500})\]"
        rf"\((?P<url><[^<>\n]{{0,{_MAX_ADDRESS}}}>|{address})"
        r"(?:\s+\"[^\"\n]{0,200}\")?\)"
        rf"|(?P<bare>https?://[^\s<>\"'()\[\]{{}}]{{1,{_MAX_ADDRESS}}})"
    )


# An address is at most 2,000 parts, each a character or a "(...)" group. Read a character
# at a time, that costs ~10 ns a character; the fast form reads runs, and takes them all
# (possessive: a shorter address is never followed by the ")" that ends the link). An
# address it finds longer than 2,000 characters is left to the bounded form.
_LINK_OR_URL = _link_or_url(r"(?:[^()\s]++|\([^()\s]{0,200}\))*+")
_LINK_OR_URL_BOUNDED = _link_or_url(rf"(?:[^()\s]|\([^()\s]{{0,200}}\)){{0,{_MAX_ADDRESS}}}")
_UNSAFE_CHAR = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,30}):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
_MAX_LINKS = 500


def safe_url(url: str) -> str | None:
    """*url* if it may be recorded: no whitespace or controls, no script/data/file scheme."""
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    if not url or len(url) > 2000:
        return None
    if _has_unsafe_char(url):
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


def _has_unsafe_char(url: str) -> bool:
    # Every unsafe character is a space or unprintable, and str.isprintable is a C loop ten
    # times as fast as the regex's class with its whitespace category.
    return not (url.isprintable() and " " not in url) and _UNSAFE_CHAR.search(url) is not None


def reduce_links(text: str) -> tuple[str, list[Link]]:
    """Return *text* with links reduced to their labels (images dropped) and the links found.

    Links come in order of appearance, each (label, url) pair once. A bare
    address becomes a link labelled with itself and stays in the text.
    *text* must already be clean (``clean_text``): labels are only folded onto one line.
    """
    if "[" not in text and "http" not in text:
        return text, []
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()

    def record(label: str, url: str) -> None:
        target = safe_url(url)
        if target is None or len(links) >= _MAX_LINKS:
            return
        name = " ".join(label.split()) or target
        key = (name, target)
        if key not in seen:
            seen.add(key)
            links.append(Link(name, target))

    def replace(match: re.Match[str]) -> str:
        bare = match.group("bare")
        if bare is not None:
            at = match.start()
            if at and (text[at - 1].isalnum() or text[at - 1] in "/.@-"):
                return bare
            bare = bare.rstrip(".,;:!?")
            record(bare, bare)
            return match.group(0)
        if match.group("image") == "![":
            return ""
        label = match.group("label")
        if "\n\n" in label:
            return match.group(0)
        record(label, match.group("url"))
        return label

    out: list[str] = []
    done = 0
    for match in _link_matches(text):
        out.append(text[done : match.start()])
        out.append(replace(match))
        done = match.end()
    out.append(text[done:])
    return "".join(out), links


def _link_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_LINK_OR_URL.finditer(text)``, found faster.

    The pattern opens with a group, so the regex engine has no first character
    to skip ahead to and tries it at every position (~20 ns each). A match can
    only start at "[", at the "!" of "![" or at "http": those are found with
    str.find and the pattern is tried there alone, leftmost first, never inside
    the previous match.
    """
    end = 0
    for at in _link_starts(text):
        if at < end:
            continue
        match = _LINK_OR_URL.match(text, at)
        if match is not None and match.end("url") - match.start("url") > _MAX_ADDRESS:
            match = _LINK_OR_URL_BOUNDED.match(text, at)
        if match is not None:
            yield match
            end = match.end()


def _link_starts(text: str) -> Iterator[int]:
    """Every position of "[", "![" and "http" in *text*, in order."""
    bracket = text.find("[")
    address = text.find("http")
    while bracket >= 0 or address >= 0:
        if bracket >= 0 and (address < 0 or bracket < address):
            if bracket and text[bracket - 1] == "!":
                yield bracket - 1
            yield bracket
            bracket = text.find("[", bracket + 1)
        else:
            yield address
            address = text.find("http", address + 1)
