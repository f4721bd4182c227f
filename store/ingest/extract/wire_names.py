"""The wire service that distributed a release, left out of the bodies it names: its "About
MiningNewsWire" paragraph and the network it belongs to are the distributor's boilerplate."""

from __future__ import annotations

import re

from store.sanitize import fold

# "About MiningNewsWire", "About AINewsWire", "ABOUT INVESTORWIRE": a wire service's own
# paragraph after the release, its name one word ending in "Wire" or a name ending "Newswire".
_WIRE_ABOUT = re.compile(
    r"(?m)^[ \t*_#]*(?:About|ABOUT)[ \t]+(?P<name>[A-Z][A-Za-z0-9]*(?:Wire|WIRE)"
    r"|[A-Z][\w.&-]*(?:[ \t][A-Z][\w.&-]*){0,3}[ \t](?:Newswire|NewsWire|Wire))[ \t*_:]*$"
)


# The wire in a dateline, between the place and the date: "HONG KONG SAR - [Media OutReach
# Newswire](https://...) - 16 March 2026 -", "DALLAS, Texas - (NewMediaWire) - October 29".
_DATELINE_WIRE = re.compile(
    r"[ \t][-–—][ \t]+[(\[]{0,2}(?P<name>[A-Z][\w ]{0,40}?(?:Newswire|NewsWire|Wire))"
    r"(?:[)\]]|[ \t]+[-–—])"
)
_DATELINE_CHARS = 400


def _wire_sections(text: str) -> list[tuple[int, str]]:
    """Where each wire service's "About" paragraph starts, with the wire's name."""
    if "Wire" not in text and "WIRE" not in text:
        return []
    # _WIRE_ABOUT opens with a line's start, which the engine tried at every character: it is
    # tried only at the start of a line whose first word is "About", found first. Each match
    # ends on its line, so these are the matches of a scan of the whole text.
    sections = []
    for about in _ABOUT.finditer(text):
        at = about.start()
        start = text.rfind("\n", 0, at) + 1
        if text[start:at].strip(" \t*_#"):
            continue  # words before it (a second "About" on its line among them)
        if (m := _WIRE_ABOUT.match(text, start)) is not None:
            sections.append((m.start(), m.group("name")))
    return sections


_ABOUT = re.compile("About|ABOUT")


def without_distributor(
    organisations: tuple[str, ...], text: str, issuer: str | None, headline: str
) -> tuple[str, ...]:
    """*organisations* without the wire service that distributed the release and the bodies
    named only in its boilerplate ("Investor Brand Network (IBN)"), unless the release is
    about it: its issuer, or a name its headline gives."""
    sections = _wire_sections(text)
    head = text[:_DATELINE_CHARS]
    in_dateline = _DATELINE_WIRE.search(head) if "wire" in head or "Wire" in head else None
    if not sections and in_dateline is None:
        return organisations
    start = sections[0][0] if sections else len(text)
    wires = {fold(name) for _, name in sections}
    if in_dateline is not None:
        wires.add(fold(in_dateline.group("name")))
    kept = fold(issuer) if issuer else ""
    title = fold(headline)
    out = []
    for name in organisations:
        bare = name.split(" (", 1)[0]
        key = fold(bare)
        if key == kept or (key and key in title):
            out.append(name)
            continue
        first = text.find(bare)
        if any(wire.endswith(key) for wire in wires) or (first >= 0 and first >= start):
            # the wire, by its name or the end of it ("OutReach Newswire" of "Media OutReach
            # Newswire"), or a body only its boilerplate names
            continue
        out.append(name)
    return tuple(out)
