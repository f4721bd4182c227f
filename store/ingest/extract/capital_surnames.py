"""A first name then a surname in capitals, as French ministries write their ministers ("Stanislas GUERINI a lancé", "annoncé par Bruno LE MAIRE"): a person, with no other cue."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS, REGION_WORDS, word_set
from store.records import Person
from store.sanitize import fold

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW = "a-zß-öø-ÿ"
# The first name as written in running text: a capital, small letters, maybe a second part
# after a hyphen ("Jean-Noël"); three letters or more, so no initial and no "Le"/"De".
_FIRST = rf"[{_UP}][{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]{{2,}})?"
# A particle the surname keeps in capitals ("Bruno LE MAIRE", "Charles DE COURSON").
_PARTICLE = r"(?:LE|LA|DE|DU|DES|DI|DA|DEL|VAN|VON|DOS)"
# The surname: three capitals or more with a vowel (no "SA", no "GmbH"), maybe hyphenated;
# one more word in capitals at most ("Marie-Amélie SAILLET", "Nathalie KOSCIUSKO-MORIZET").
_CAPS = rf"(?=[{_UP}]*[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý])[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?"
_NAME = re.compile(
    rf"(?<![\w'’-])(?P<first>{_FIRST})[ \t](?P<last>(?:{_PARTICLE}[ \t])?{_CAPS}(?:[ \t]{_CAPS})?)"
    rf"(?![\w'’])(?![ \t][{_UP}]{{2,}})"
)
# Words in these languages that open a sentence or a heading with a capital and are no
# first name: "Pour PLUS d'informations", "Dans LE cadre".
_NOT_FIRST = word_set(
    """pour dans avec sans sous chez vers selon entre contre depuis pendant avant après les des
    une par sur aux est sont voir lire plus para con sin desde hasta entre según ante bajo
    sobre una los las del für mit ohne über unter nach zur zum vom bei aus den dem die das
    ein eine und oder"""
)


_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ")


def _spoken(word: str) -> bool:
    """A word in capitals that reads as a name, not an acronym ("GIGN", "CNRS") or a numeral
    ("III"): four letters or more, and two vowels or five letters ("BUŁA", "GUERINI")."""
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in _VOWELS for c in letters)
    return len(letters) >= 4 and (vowels >= 2 or len(letters) >= 5)


def _is_name(first: str, last: str) -> bool:
    words = {fold(first)} | {fold(p) for p in first.split("-")}
    if words & (_NOT_FIRST | NOT_NAME_WORDS | REGION_WORDS | ORG_WORDS):
        return False
    surname = [w for w in last.split() if not re.fullmatch(_PARTICLE, w)]
    if not all(_spoken(part) for w in surname for part in w.split("-")):
        return False
    # An acronym or a body's word in capitals is no surname: "Agence EUROPOL", "Paris MATCH".
    # Role words are surnames too ("Bruno LE MAIRE"): only a body's words are left out.
    return not any(fold(w) in ORG_WORDS for w in surname)


def capital_surname_people(text: str) -> list[Person]:
    """The people *text* names as a first name and a surname in capitals, each once."""
    people: list[Person] = []
    seen: set[str] = set()
    for m in _NAME.finditer(text):
        first, last = m.group("first"), m.group("last")
        if not _is_name(first, last):
            continue
        name = f"{first} {last}"
        if fold(name) not in seen:
            seen.add(fold(name))
            people.append(Person(name=name, role=None))
    return people
