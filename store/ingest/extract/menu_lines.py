"""Bodies named only in a site's menu that a crawler ran together on one line.

A page saved as text by a crawler may keep a menu as one long line of names without a
sentence's punctuation: "Nos sites Académie militaire de la Gendarmerie nationale Centre de
recherche de la Gendarmerie nationale ... GendElus Gendinfo Groupe d'intervention ...". The
capitalised runs read from it are the site's links, not bodies the release names (the dev
set's labels: "a body named only in a menu is not"), and they run into one another
("GendElus Gendinfo Groupe"). So is the owner a .gov page's footer names ("An official website of
the U.S. Department of Homeland Security"). A body whose every mention is on such a line goes;
the issuer stays.
"""

from __future__ import annotations

# A menu's line: long, but not a whole release run together (the Senate's scraped texts are
# one line each with their punctuation stripped), without a sentence's punctuation, and naming
# several bodies.
_MIN_CHARS = 150
_MAX_CHARS = 1000
_MIN_BODIES = 4
_PUNCTUATION = (". ", ", ", "; ", ": ", "? ", "! ")
_SITE_OWNER = "An official website of"  # the .gov banner's words


def _menu_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if _MIN_CHARS <= end - start <= _MAX_CHARS:
            line = text[start:end]
            if not any(p in line for p in _PUNCTUATION) and not line.rstrip().endswith("."):
                spans.append((start, end))
        start = end + 1
    return spans


def _site_lines(text: str) -> list[tuple[int, int]]:
    """The lines of a .gov page's banner or footer that say whose site it is ("An official
    website of the U.S. Department of Homeland Security"): the site's owner, not a body the
    release names."""
    spans = []
    at = text.find(_SITE_OWNER)
    while at >= 0:
        end = text.find("\n", at)
        spans.append((text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end))
        at = text.find(_SITE_OWNER, at + 1)
    return spans


def without_menu_lines(
    organisations: tuple[str, ...], text: str, issuer: str | None
) -> tuple[str, ...]:
    """*organisations* without the bodies *text* names only on a menu's run-together line."""
    if not organisations:
        return organisations
    bases = [name.split(" (", 1)[0] for name in organisations]
    spans = [
        (s, e)
        for s, e in _menu_spans(text)
        if sum(base in text[s:e] for base in bases) >= _MIN_BODIES
    ]
    spans += _site_lines(text)
    if not spans:
        return organisations
    kept = []
    for name, base in zip(organisations, bases, strict=True):
        at = text.find(base)
        only_in_menus = at >= 0 and name != issuer
        while at >= 0 and only_in_menus:
            only_in_menus = any(s <= at < e for s, e in spans)
            at = text.find(base, at + 1)
        if not only_in_menus:
            kept.append(name)
    return tuple(kept)
