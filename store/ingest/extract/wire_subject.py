"""The company a wire release is about, where its headline names it: by its ticker, or as the
subject of the lead after an opening phrase."""

from __future__ import annotations

import re

from store.sanitize import fold

# "Nutriband Inc. (NASDAQ: NTRB): When Market Confidence ...", "Globavend (NASDAQ: GVH)
# Inked ...", "Spectrum Global Solutions Inc. (SGSI) Projects ...": a listed company's name
# before its ticker, at the headline's start or after a newsletter's kicker ("TechMediaBreaks –").
_TICKER_NAME = re.compile(
    r"(?:[A-Z][A-Za-z]+[ ]+[–—-][ ]+)?"
    r"(?P<name>[A-Za-z0-9][\w&.'’+-]*(?:,?[ ]+(?:[A-Z0-9][\w&.'’+-]*|of|and|&)){0,6}?)"
    r"[ ]+\((?:(?:NASDAQ|Nasdaq|NasdaqGS|NasdaqCM|NYSE|NYSE[ ]American|OTC[A-Z]*|OTC[ ]Pink|"
    r"OTCMKTS|CSE|TSXV?|TSX-V|ASX|AIM|LSE|CBOE|Cboe[ ]CA|NEO|FSE)[ ]?:[ ]*)?"
    r"[A-Z]{2,5}(?:\.[A-Z])?\)"
)
_LEGAL_END = re.compile(
    r",?[ ]+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|PLC|plc|Co|Holdings?|Group)\.?$"
)


def ticker_name(headline: str, body: str) -> str | None:
    """The listed company whose ticker the *headline* gives after its name, when the *body*
    names it too."""
    m = _TICKER_NAME.match(" ".join(headline.split()).lstrip("*_#\"“'"))
    if m is None:
        return None
    name = m.group("name").rstrip(",")
    core = _LEGAL_END.sub("", name)
    if len(core) < 3 or core.casefold() in ("the", "a", "an"):
        return None
    return name if re.search(rf"\b{re.escape(core)}\b", body) else None


# The lead's subject after a phrase that sets the scene: "This week, Climet officially
# announced ...", "As global biotechnological specialists, Creative Biolabs has a clear
# focus ...", "In the current healthcare payment environment, ..., CollectionPro Services LLC
# has emerged ...".
_AFTER_OPENING = re.compile(
    r"(?:This[ ]week|Today|Recently|Yesterday|As[ ][^,.;:!?]{3,80}|In[ ][^.;:!?]{3,160}|"
    r"Under[ ][^,.;:!?]{3,80}|With[ ][^,.;:!?]{3,80}),[ ]+"
    r"(?P<name>[A-Za-z0-9][\w&.'’+-]*(?:[ ]+(?:[A-Z0-9][\w&.'’+-]*|of|and|&)){0,6}?)"
    r"(?:,[ ]+(?:a|an|the)[ ][^.;:!?]{2,160}?,)?[ ]+"
    r"(?:officially[ ]+|today[ ]+|recently[ ]+|proudly[ ]+)?"
    r"(?:has|have|is|are|announced|announces|launched|launches|published|publishes|"
    r"introduced|introduces|unveiled|unveils|released|releases|continues|offers|opened)\b"
)

# What a dateline leaves before the lead: "December 19, 2024 - ".
_DATE_LEFT = re.compile(r"^[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:st|nd|rd|th)?,?[ ]\d{4}[ ]*[-–—]+[ ]*")


def subject_after_opening(lead: str, headline: str, people: set[str]) -> str | None:
    """The body the *lead* names as its subject after an opening phrase, when the *headline*
    names it too (the headline says whose release it is: "Industry Leader Climet Partners
    with Phizzle"); no one in *people* (folded names)."""
    text = _DATE_LEFT.sub("", " ".join(lead[:600].split()), count=1)
    m = _AFTER_OPENING.match(text)
    if m is None:
        return None
    name = m.group("name")
    core = _LEGAL_END.sub("", name)
    words = core.split()
    if not words or fold(core) in people or fold(words[0]) in ("the", "this", "it", "we", "our"):
        return None
    flat = " ".join(headline.split())
    # The name or, without its legal form, its words as the headline writes them.
    if re.search(rf"(?<![\w-]){re.escape(core)}(?![\w-])", flat) is None:
        return None
    return core


def headline_over_contact(contact_body: str, subject: str | None) -> str:
    """The headline's *subject* over the body that only a contact names, unless they are one
    body (one name holding the other: "Acme" and "Acme Corp.")."""
    if subject is None:
        return contact_body
    a, b = fold(contact_body).rstrip("."), fold(subject).rstrip(".")
    if a in b or b in a or a.split()[0] == b.split()[0]:
        return contact_body
    return subject
