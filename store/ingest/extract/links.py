"""Markdown inline links and bare web addresses: recorded as links, reduced to their label."""

from __future__ import annotations

import re

from store.records import Link

# An image first, so that "![alt](src)" is not read as "!" plus a link.
# The pattern opens with literal alternatives so that the regex engine skips
# quickly to "[", "!" and "h"; the bare address's left edge is checked in code.
_LINK_OR_URL = re.compile(
    r"(?P<image>!\[|\[)(?P<label>[^\[\]]{0,500})\]"
    r"\((?P<url><[^<>\n]{0,2000}>|(?:[^()\s]|\([^()\s]{0,200}\)){0,2000})"
    r"(?:\s+\"[^\"\n]{0,200}\")?\)"
    r"|(?P<bare>https?://[^\s<>\"'()\[\]{}]{1,2000})"
)
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
    if _UNSAFE_CHAR.search(url):
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


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

    return _LINK_OR_URL.sub(replace, text), links
