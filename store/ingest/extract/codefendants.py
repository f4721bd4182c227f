"""Defendants named by their part in a case: "co-conspirators Kevin Fusco and Vincent Banner", "U.S. v. Pierre Rogers and Joshua Leavitt"."""

from __future__ import annotations

import re

from store.ingest.extract.name_letters import LOWER, UPPER
from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS
from store.records import Person
from store.sanitize import fold

# Prosecutors name the others charged in a case after a word that says so, with no title, no
# age and no "said" to mark them: "Wala, Cavanaugh, and their co-defendants, Michael Basalyga,
# Reina Chirinos de Urena, and Philbert Campbell"; "Peck and co-conspirators Kevin Fusco and
# Vincent Banner"; and, listing a year's cases, the caption "U.S. v. Ian Freeman , a Keene
# man". A caption's party may be a body ("U.S. v. Cheshire Medical Center"): not a person.
_CUE = re.compile(
    r"(?:\b(?:[Cc]o-?(?:conspirators?|defendants?))|(?<![\w.])(?:U\.S\.|United States) v\.)"
    r",?[ \t]+"
)
# A sentence that opens with the part, a name and a comma: "Defendant Badrinarayanan
# Kothandaraman, the Company’s President", "Co-defendant Taylor Ross Staats, 41,". The comma
# is needed: "Defendant Accessed Internal Firm Files in Advance ..." is a subtitle.
_ONE = re.compile(r"\b(?:Co-?defendant|Codefendant|Defendant)[ \t]+")
_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
_PARTICLE = r"(?:de|da|del|della|di|van|von|der|la|le|du|dos|das)"
_NAME = re.compile(
    rf"{_WORD}(?:[ \t](?:[{UPPER}]\.|{_PARTICLE}|{_WORD})){{1,4}}(?:,?[ \t](?:Jr\.|Sr\.|III\b|II\b|IV\b))?"
)
# Between two names of the list: ", ", ", and ", " and ".
_BETWEEN = re.compile(r"[ \t]?,?[ \t]+and[ \t]+|[ \t]?,[ \t]+")
_MOST = 6


def _person(name: str) -> bool:
    words = [fold(w.strip(".,")) for w in name.split()]
    if words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    # The last word a surname, the first a given name: no body's or title's word ("Medical
    # Center", "Special Agent"), and a particle never last.
    return (
        len(words) >= 2
        and words[0] not in NOT_NAME_WORDS
        and words[-1] not in NOT_NAME_WORDS
        and not any(w in ORG_WORDS for w in words)
        and len(words[-1]) > 1
    )


_SUFFIX = re.compile(r",?[ \t](?:Jr\.|Sr\.|III|II|IV)$")


def _without_suffix(name: str) -> str:
    """The name as the other readers give it, without a generational suffix ("John E. Murray
    III" as "John E. Murray"): the same person is then listed once."""
    return _SUFFIX.sub("", name.rstrip(","))


def codefendants(text: str) -> list[Person]:
    """The people *text* names as defendants, co-conspirators or in a case's caption."""
    found: list[Person] = []
    if "onspirator" not in text and "efendant" not in text and " v. " not in text:
        return found  # the cheap test: most releases leave here
    for one in _ONE.finditer(text):
        m = _NAME.match(text, one.end())
        if m and text.startswith(",", m.end()) and _person(m.group(0)):
            found.append(Person(name=_without_suffix(m.group(0)), role=None))
    for cue in _CUE.finditer(text):
        at = cue.end()
        for _ in range(_MOST):
            m = _NAME.match(text, at)
            if m is None or not _person(m.group(0)):
                break
            found.append(Person(name=_without_suffix(m.group(0)), role=None))
            gap = _BETWEEN.match(text, m.end())
            if gap is None:
                break
            at = gap.end()
    return list({fold(p.name): p for p in found}.values())  # "Co-defendant X" read twice
