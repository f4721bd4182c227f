"""People named after their office or rank, where no quote or honorific cues them: "Commissioner
for Energy and Housing, Dan Jørgensen", "the Mayor of Athens, Haris Doukas", "President Ursula
von der Leyen", "le général de division Marc Boget", and a French byline ("Par le commandant
Céline Morin", "Auteur : commandant Céline Morin")."""

from __future__ import annotations

import re

from store.ingest.extract.name_letters import LOWER, UPPER
from store.ingest.extract.openings import matches_from
from store.ingest.extract.vocabulary import (
    NOT_NAME_WORDS,
    ORG_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    word_set,
)
from store.records import Person
from store.sanitize import fold

# A name's word: "Jørgensen", "Labonté", "Ewusi-Mensah", "O’Brien".
_WORD = rf"[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)*"
_PARTICLE = r"(?:von der|von|van der|van|de la|de|del|der|di|da|du|le|la)"
# Two to four words, particles between them: "Ursula von der Leyen", "Ditte Juul Jørgensen".
_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{1,3}}"
# Offices of government that name the person after them, perhaps with their portfolio ("for
# Energy and Housing", "of Petroleum and Natural Resources", "of Athens") and a comma. Not a
# company's titles ("Vice President, Risk Management", "President, Natural Gas"): a business
# names departments where a government names people.
_OFFICE = (
    r"Prime[ \t]+Minister|(?:Deputy[ \t]+)?Minister|Commissioner|Secretary[ \t]+of[ \t]+State"
    r"|Mayor|Governor|Chancellor|Ambassador|Director-General|Secretary-General"
    r"|High[ \t]+Representative"
)
_PORTFOLIO = (
    rf"(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[{UPPER}][\w’'-]*"
    rf"(?:[ \t]+(?:and|&|of|the|for)?[ \t]*[{UPPER}][\w’'-]*){{0,6}})?"
)
# The name ends its run of capitals: in a headline in title case ("President Trump Signs New
# Rules") the run goes on, and no name is taken from it. Nor a possessive ("Trump’s").
_END = rf"(?![\w'’-])(?![ \t]+[{UPPER}])"
_ENGLISH = re.compile(rf"\b(?:{_OFFICE}){_PORTFOLIO},?[ \t]+(?P<name>{_NAME}){_END}")
# A head of state or of an institution, the name right after the title, in a sentence (the
# word before is not capitalised: "Tomorrow, President Ursula von der Leyen will travel").
_PRESIDENT = re.compile(rf"\bPresident[ \t]+(?P<name>{_NAME}){_END}")
# French ranks and the "Par" / "Auteur :" of a byline: "le général de division Marc Boget".
_RANK = (
    r"(?:général|générale)(?:[ \t]+d[’']armée|[ \t]+de[ \t]+(?:division|brigade|corps[ \t]+d[’']armée))?"
    r"|lieutenant-colonel|colonel|commandant|capitaine|lieutenant|chef[ \t]+d[’']escadron"
    r"|major|adjudant(?:-chef)?|maréchal[ \t]+des[ \t]+logis(?:-chef)?|gendarme"
)
_FRENCH = re.compile(rf"\b(?i:le|la|du|au)[ \t]+(?:{_RANK})[ \t]+(?P<name>{_NAME}){_END}")
_BYLINE = re.compile(
    rf"^[ \t]*(?:Par|Auteur[ \t]*:|Autrice[ \t]*:)[ \t]+(?:(?i:le|la)[ \t]+)?(?:(?:{_RANK})[ \t]+)?"
    rf"(?P<name>{_NAME})[ \t]*$",
    re.MULTILINE,
)
# Where each pattern's matches can open, looked for first (see openings.py): the office's
# words; "President"; an article's two letters in either case ("Le", "du") and a rank after
# spaces. A byline's label is a gate (its pattern opens at a line's start, before it), looked
# for as strings: faster than a pattern that opens with either of two capitals.
_ENGLISH_OPENING = re.compile(
    "Prime|Deputy|Minister|Commissioner|Secretary|Mayor|Governor|Chancellor|Ambassador|Director|High"
)
_PRESIDENT_OPENING = re.compile("President")
_FRENCH_OPENING = re.compile(rf"[LlDdAa][EeAaUu][ \t]+(?:{_RANK})")
_BYLINE_LABELS = ("Par ", "Par\t", "Auteur", "Autrice")
_SCAN_CHARS = 60_000
_NOT_NAME = ORG_WORDS | REGION_WORDS | NOT_NAME_WORDS | ROLE_WORDS
# Words between the office and the name: "Sir Sadiq Khan", "Deputy Mayor Pro Tem Willis".
_HONORIFICS = word_set("sir dame honorable honourable hon hon. dr dr. chef pro tem")
# What ends a portfolio, never a name: "... for Trade Affairs", "... for Climate Change".
_PORTFOLIO_NOUNS = word_set(
    """affairs change economy development creation trade relations services resources
    infrastructure transport education finance policy planning growth innovation technology
    industry employment labour labor justice defence defense environment agriculture housing
    tourism culture sport sports youth welfare commerce investment transformation security
    safety health energy pay budget tem bills"""
)


def titled_people(text: str) -> list[Person]:
    """People *text* names right after an office, a French rank, or a byline's "Par"."""
    text = text[:_SCAN_CHARS]
    people: list[Person] = []
    seen: set[str] = set()
    for pattern, found in (
        (_ENGLISH, matches_from(_ENGLISH, _ENGLISH_OPENING, text)),
        (_PRESIDENT, matches_from(_PRESIDENT, _PRESIDENT_OPENING, text)),
        (_FRENCH, matches_from(_FRENCH, _FRENCH_OPENING, text)),
        (_BYLINE, _BYLINE.finditer(text) if any(w in text for w in _BYLINE_LABELS) else ()),
    ):
        for m in found:
            if pattern is _PRESIDENT and not _in_a_sentence(text, m.start()):
                continue  # "Executive Vice President Mediterranean Grill": a business title
            name = m.group("name").removesuffix("’s").removesuffix("'s")  # "Trump’s plan"
            words = name.split()
            while words and fold(words[0]) in _HONORIFICS:
                words = words[1:]  # "Sir Sadiq Khan", "Honorable Jane Nelson"
            name = " ".join(words)
            if len(words) < 2 or any(w.endswith(("'s", "’s")) for w in words):
                continue  # "Trump’s Operation Warp Speed"
            if fold(words[-1]) in _PORTFOLIO_NOUNS:
                continue  # "Minister for the Digital Economy": a portfolio, not a name
            if any(w[:1].isupper() and fold(w) in _NOT_NAME for w in words):
                continue  # "Minister of Energy, Natural Resources": a portfolio, not a name
            if fold(name) not in seen:
                seen.add(fold(name))
                people.append(Person(name=name))
    return people


def _in_a_sentence(text: str, start: int) -> bool:
    """Is the word before *start* lower case, or is there none, or punctuation?"""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before or before[-1] in ",;:.(\n":
        return True
    word = before.split()[-1]
    return word[:1].islower()
