"""Agents named by their title "Special Agent in Charge": the person after it, and no "Charge ..." body."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import ORG_WORDS
from store.records import Person
from store.sanitize import fold

# Words of an office's name that may follow the title where a name would: "Houston Division".
_OFFICE_WORDS = frozenset(
    {"division", "office", "field", "district", "branch", "unit", "region", "section", "team"}
)

# Federal agencies' heads of office, as prosecutors name them: "Special Agent in Charge Andre
# Watson of ...", "Assistant Special Agent in Charge Don A. Hibbert", "Postal Inspector in
# Charge David G. Bowers", "Acting Special Agent in Charge David Geist, of the FBI ...". The
# title ends with "in Charge", whose capital makes "Charge Andre Watson" read as one run, so
# the name is neither quoted nor cued; and "Charge Andre Watson of the DEA" reads as a body.
# No comma between title and name: after one comes the office ("in Charge, FBI Houston").
# Some offices hyphenate the title: "Special Agent-in-Charge Philip Tejera".
_TITLE = (
    r"(?:(?:Acting|Assistant|Deputy|Senior)[ \t]+)*"
    r"(?:Special[ \t]+Agent|Postal[ \t]+Inspector|Inspector|Agent|Officer)(?:[ \t]+|-)in(?:[ \t]+|-)Charge"
)
# A name's words ("McMullan", "O’Brien", "Ewusi-Mensah"), middle initials only between two.
_WORD = r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*"
_NAME = rf"{_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_WORD}){{1,3}}"
_IN_CHARGE = re.compile(rf"\b({_TITLE})[ \t]+({_NAME})(?![\w'’-])")
# The same run taken for a body: "Charge Don A. Hibbert of the Drug Enforcement Administration".
_CHARGE_BODY = re.compile(rf"Charge[ \t]+{_NAME}[ \t]+of[ \t]+(?:the[ \t]+)?(.+)")


def in_charge_people(text: str) -> list[Person]:
    """The people *text* names right after a title ending "in Charge", each with the title."""
    if "in Charge" not in text and "in-Charge" not in text:
        return []  # the cheap test: nearly every release leaves here
    people: list[Person] = []
    for m in _IN_CHARGE.finditer(text):
        name = m.group(2)
        if any(fold(w) in ORG_WORDS or fold(w) in _OFFICE_WORDS for w in name.split()):
            continue  # "Agent in Charge Houston Division": an office, not a name
        people.append(Person(name=name, role=" ".join(m.group(1).split())))
    return people


def without_in_charge(organisations: tuple[str, ...]) -> tuple[str, ...]:
    """*organisations* with "Charge <name> of the <body>" read as the body, once."""
    if not any(name.startswith("Charge ") for name in organisations):
        return organisations
    out: list[str] = []
    for name in organisations:
        if m := _CHARGE_BODY.fullmatch(name):
            name = m.group(1)
        if fold(name) not in {fold(o) for o in out}:
            out.append(name)
    return tuple(out)
