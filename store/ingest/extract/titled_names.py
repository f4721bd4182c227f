"""People named after their office or rank, where no quote or honorific cues them: "Commissioner
for Energy and Housing, Dan Jørgensen", "the Mayor of Athens, Haris Doukas", "President Ursula
von der Leyen", "le général de division Marc Boget", and a French byline ("Par le commandant
Céline Morin", "Auteur : commandant Céline Morin")."""

from __future__ import annotations

import re

from store.ingest.extract.name_letters import LOWER, UPPER
from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS, REGION_WORDS, ROLE_WORDS
from store.records import Person
from store.sanitize import fold

# A name's word: "Jørgensen", "Labonté", "Ewusi-Mensah", "O’Brien".
_WORD = rf"[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)*"
_PARTICLE = r"(?:von der|von|van der|van|de la|de|del|der|di|da|du|le|la)"
# Two to four words, particles between them: "Ursula von der Leyen", "Ditte Juul Jørgensen".
_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{1,3}}"
# English offices that name the person after them, perhaps with their portfolio ("for Energy
# and Housing", "of Petroleum and Natural Resources", "of Athens") and a comma.
_OFFICE = (
    r"(?:Vice[- ])?President|Prime[ \t]+Minister|(?:Deputy[ \t]+)?Minister|Commissioner"
    r"|Secretary(?:[ \t]+of[ \t]+State)?|Mayor|Governor|Chancellor|Ambassador"
    r"|Director-General|Secretary-General|High[ \t]+Representative"
)
_PORTFOLIO = rf"(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[{UPPER}][\w’'-]*(?:[ \t]+(?:and|&|of|the|for)?[ \t]*[{UPPER}][\w’'-]*){{0,6}})?"
# The name ends its run of capitals: in a headline in title case ("President Trump Signs New
# Rules") the run goes on, and no name is taken from it.
_END = rf"(?![\w'’-])(?![ \t]+[{UPPER}])"
_ENGLISH = re.compile(rf"\b(?:{_OFFICE}){_PORTFOLIO},?[ \t]+(?P<name>{_NAME}){_END}")
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
_SCAN_CHARS = 60_000
_NOT_NAME = ORG_WORDS | REGION_WORDS | NOT_NAME_WORDS | ROLE_WORDS


def titled_people(text: str) -> list[Person]:
    """People *text* names right after an office, a French rank, or a byline's "Par"."""
    text = text[:_SCAN_CHARS]
    people: list[Person] = []
    seen: set[str] = set()
    for pattern in (_ENGLISH, _FRENCH, _BYLINE):
        for m in pattern.finditer(text):
            name = m.group("name")
            words = name.split()
            if any(w[:1].isupper() and fold(w) in _NOT_NAME for w in words):
                continue  # "Minister of Energy, Natural Resources": a portfolio, not a name
            if fold(name) not in seen:
                seen.add(fold(name))
                people.append(Person(name=name))
    return people
