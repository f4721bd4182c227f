"""The company a wire release is about, where its headline names it: by its ticker, or as the
subject of the lead after an opening phrase."""

from __future__ import annotations

import re

from store.ingest.extract.announcer import a_person
from store.ingest.extract.bounded_words import count_bounded, has_bounded
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
    return name if has_bounded(core, body) else None


# The subject of one of the lead's first sentences, after a phrase that may set the scene:
# "This week, Climet officially announced ...", "As global biotechnological specialists,
# Creative Biolabs has a clear focus ...", "The Courageous Conservatives Political Action
# Committee, dedicated to electing leaders ..., will argue ...".
_SUBJECT = re.compile(
    r"(?:(?:This[ ]week|Today|Recently|Yesterday|As[ ][^,.;:!?]{3,80}|In[ ][^.;:!?]{3,160}|"
    r"Under[ ][^,.;:!?]{3,80}|With[ ][^,.;:!?]{3,80}),[ ]+)?(?:The[ ]+)?"
    r"(?P<name>(?:[a-z]{1,3}(?=[A-Z0-9]))?[A-Z0-9][\w&.'’+-]*"
    r"(?:[ ]+(?:[A-Z0-9][\w&.'’+-]*|of|and|&)){0,6}?)"
    r"(?:,[ ]+(?:a|an|the|one[ ]of|dedicated|known|founded|based|headquartered|located|"
    r"which|who|loved)[ ][^.;:!?]{2,160}?,)?[ ]+"
    r"(?:officially[ ]+|today[ ]+|recently[ ]+|proudly[ ]+)?"
    r"(?:has|have|is|are|was|will|announced|announces|launched|launches|published|publishes|"
    r"introduced|introduces|unveiled|unveils|released|releases|continues|offers|opened)\b"
)
# A sentence ends after a word in lower case: not after "U.S." nor an initial.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"][.!?])[ ]+(?=[A-Z\"“])")
_SENTENCES = 3
_NOT_NAMES = frozenset(("the", "this", "it", "we", "our", "its", "their", "these", "a", "an"))
# A single word must be named this often to be a body's name, not a sentence's first word.
_ONE_WORD_MENTIONS = 3

# What a dateline leaves before the lead: "December 19, 2024 - ".
_DATE_LEFT = re.compile(r"^[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:st|nd|rd|th)?,?[ ]\d{4}[ ]*[-–—]+[ ]*")


def subject_after_opening(lead: str, headline: str, body: str, people: set[str]) -> str | None:
    """The body one of the *lead*'s first sentences is about, when the *headline* names it
    too (the headline says whose release it is: "Industry Leader Climet Partners with
    Phizzle"); no one in *people* (folded names), and a single word only if the *body* names
    it again and again."""
    text = _DATE_LEFT.sub("", " ".join(lead[:600].split()), count=1)
    flat = " ".join(headline.split())
    if flat.isupper():
        flat = flat.title()
    for sentence in _SENTENCE_END.split(text)[:_SENTENCES]:
        m = _SUBJECT.match(sentence)
        if m is None:
            continue
        core = _LEGAL_END.sub("", m.group("name"))
        words = core.split()
        if not words or fold(core) in people or fold(words[0]) in _NOT_NAMES:
            continue
        if re.match(r"(?:19|20)\d\d\b", core):
            continue  # "The 2025 Global Accelerating Program Orientation was held": an event
        if len(words) == 1 and has_bounded(core.lower(), body):
            continue  # a word of the language ("Love is alluring"), not a brand
        if _a_persons(core, people) or (len(words) == 1 and _has_first_name(core, body)):
            continue
        if len(words) in (2, 3) and a_person(words, body):
            continue  # "Hoy has been recognized", "Attorney Brad Coates of Coates Law Office"
        if len(words) == 1 and count_bounded(core, body, _ONE_WORD_MENTIONS) < _ONE_WORD_MENTIONS:
            continue
        # The name, or the first two words of a longer one ("Courageous Conservatives PAC"
        # over "Courageous Conservatives Political Action Committee").
        shown = core if len(words) < 3 else " ".join(words[:2])
        if re.search(rf"(?<![\w-]){re.escape(shown)}(?![\w-])", flat, re.IGNORECASE) is None:
            continue
        return core
    return None


def _a_persons(name: str, people: set[str]) -> bool:
    """Whether *name* is a person's surname, or a person's name before "of" their firm."""
    folded = fold(name)
    if " " not in folded:
        # "Hoy" of "Scott G. Hoy", "Karen" of "Karen Gilbert"
        return any(
            folded in (person.rsplit(" ", 1)[-1], person.split(" ", 1)[0]) for person in people
        )
    before = folded.split(" of ", 1)[0]
    return before != folded and any(before.endswith(person) for person in people)


_NOT_FIRST = frozenset(
    "The A An At In On Of To By For And With Join About From Meet Welcome Choose".split()  # noqa: SIM905
)


def _has_first_name(word: str, body: str) -> bool:
    """Whether the *body* writes *word* after a first name ("David Medine", "Scott G. Hoy"):
    a surname, not a brand."""
    text = body[:20_000]
    if " " + word not in text:
        return False  # none can be found: the pattern ends with " WORD"
    # "David Medine", "W.W. Mitchell": "\b([A-Z][a-z]+|[A-Z]\.(?:[ ]?[A-Z]\.)*)", with its "\b"
    # a look-behind after the capital (the one before it is no word's), so that the pattern
    # opens with a capital the engine skips to, not a "\b" it tries at every character.
    first = r"([A-Z](?<!\w[A-Z])(?:[a-z]+|\.(?:[ ]?[A-Z]\.)*))"
    for m in re.finditer(rf"{first}(?:[ ][A-Z]\.)?[ ]{re.escape(word)}\b", text):
        if m.group(1) not in _NOT_FIRST:
            return True
    return False


# A person's title after their company's name in a headline: "Condor Gold CEO Mark Child
# Provides ...".
_TITLE_AFTER = re.compile(r"[ ]+(?:CEO|CFO|COO|CTO|Chairman|Chairwoman|President|Founder)\b.*")


def headline_over_contact(contact_body: str, subject: str | None) -> str:
    """The headline's *subject* over the body that only a contact names, unless they are one
    body (one name holding the other: "Acme" and "Acme Corp.")."""
    if subject is None:
        return contact_body
    subject = _TITLE_AFTER.sub("", subject)
    if not subject:
        return contact_body
    a, b = fold(contact_body).rstrip("."), fold(subject).rstrip(".")
    if a in b or b in a or a.split()[0] == b.split()[0]:
        return contact_body
    return subject
