"""A press contact written into a sentence: "Press contact for the Office is Communications Director Jane Doe at (206) 553-4110 or jane.doe@usdoj.gov ."."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS, ROLE_WORDS
from store.records import Contact

# The sentence's opening: U.S. Attorneys' pages close so ("Press contact for the U.S.
# Attorney's Office is ..."), the Federal Reserve's statements "For media inquiries, call ...".
_OPENER = re.compile(
    r"\b(?:[Pp]ress|[Mm]edia) (?:contact|inquiries|enquiries|questions)\b(?P<rest>[^\n]{0,300})"
)
# A press desk the sentence sends the reader to, with its number or address: "please refer to
# the website or contact the Public Affairs Office at (202) 521-3355" (the United States Tax
# Court's releases, a PDF's line break inside), "contact our media relations team at
# media@...". A desk, no one named.
_DESK = re.compile(
    r"\bcontact\s{1,3}(?:the\s{1,3}|our\s{1,3})?(?:public\s{1,3}affairs|public\s{1,3}information|press"
    r"|media(?:\s{1,3}relations)?|communications)\s{1,3}(?:office|team|desk|officer|department)\b"
    r"(?P<rest>[^\n]{0,300})",
    re.IGNORECASE,
)
# The person the sentence names, after "is" or "contact" and any role in capitals:
# "is Communications Director Emily Langlie at", "contact Jane Doe,".
_NAME = re.compile(
    r"(?:^:?\s*|\b(?:is|contact:?|call|to:)\s+)(?P<role>(?:[A-Z][\w&-]*\s+){0,4}?)"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?)"
    r"(?=\s+(?:at|on|by|of)\b|\s*,|\s+\(|\s+(?:Email|E-mail|Phone|Tel)\b)"
)
# What the sentence must hold, as plain substrings (cheaper than the pattern's scan).
_CUES = (
    "ress contact",
    "edia contact",
    "ress inquir",
    "edia inquir",
    "ress enquir",
    "edia enquir",
    "ress questions",
    "edia questions",
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}\b")


def press_sentence_contact(text: str, written: str) -> Contact | None:
    """The contact a sentence of *text* gives for the press (a name, a number, an address),
    or None when no such sentence gives a number or an address. An address is kept only as
    *written* (the release as given) has it: a link's label glued to the next address
    ("info@x.com](mailto:...)nadine@x.com" read as "info@x.comnadine") is none."""
    cued = any(cue in text for cue in _CUES)
    desk = "ontact" in text and _DESK.search(text) is not None
    if not cued and not desk:
        return None  # the cheap test: most releases write no such sentence
    openers = [*(_OPENER.finditer(text) if cued else ()), *(_DESK.finditer(text) if desk else ())]
    for found in openers:
        rest = found.group("rest")
        email = _EMAIL.search(rest)
        if email is not None and email.group(0).rstrip(".") not in written:
            email = None
        phone = _PHONE.search(rest)
        if email is None and phone is None:
            continue  # "Media inquiries are welcome": no way to reach anyone
        found_name = _NAME.search(rest)
        name = found_name.group("name") if found_name else None
        if found_name and any(w.casefold() not in ROLE_WORDS for w in found_name["role"].split()):
            name = None  # "Patricia Fisk Harris": the run is longer than the name; not guessed
        if name and any(
            w.casefold() in NOT_NAME_WORDS or w.casefold() in ORG_WORDS for w in name.split()
        ):
            name = None  # "Media Relations", "Franklin Publishers": a desk, not a person
        return Contact(
            name=name,
            email=email.group(0).rstrip(".") if email else None,
            phone=phone.group(0) if phone else None,
        )
    return None
