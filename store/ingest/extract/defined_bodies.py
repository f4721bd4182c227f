"""Agencies named once in full with their acronym and then by it: "U.S. Customs and Border
Protection (CBP)", "Homeland Security Investigations (HSI)", whose names hold no word that
says "body"."""

from __future__ import annotations

import re

# The last words of an enforcement agency's or a force's name, which the organisation words
# leave out because alone they name an activity ("enforcement", "protection").
_AGENCY_ENDS = frozenset(
    """Enforcement Investigations Customs Police Corps Patrol Command Marshals Guard
    Gendarmerie Constabulary Carabinieri""".split()  # noqa: SIM905
)
# "Protection" ends an agency's name only beside another agency word ("Customs and Border
# Protection"); alone it ends a product's ("Continuous Data Protection").
_WITH_ANOTHER = frozenset({"Protection"})
# An acronym in brackets; the bracket opens the pattern, so that only brackets are tried.
_DEFINED = re.compile(r"\(([A-Z]{3,6})\)")
_OWNER_BEFORE = re.compile(r"['’]s[ \t]*$|[ \t]*$")
_CONNECTORS = frozenset({"of", "and", "&", "for", "the"})
_COUNTRY = frozenset({"U.S.", "US", "United", "States", "UK", "U.K."})
_WORDS_BACK = 10


def _name_before(text: str, end: int) -> list[str]:
    """The capitalised words (their small links inside) that end at *end*."""
    words = text[max(0, end - 120) : end].split()[-_WORDS_BACK:]
    name: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(",;:")
        if bare != word or not (bare[:1].isupper() or bare in _CONNECTORS):
            break  # a comma or a word in lower case: the name begins after it
        if bare.endswith(("’s", "'s")) and name:
            break  # an owner: "Immigration and Customs Enforcement’s Homeland Security ..."
        name.insert(0, bare)
    while name and (name[0] in _CONNECTORS or name[0] == "The"):
        name = name[1:]
    return name


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _CONNECTORS and w not in _COUNTRY)


def defined_bodies(text: str) -> list[str]:
    """Agencies the text defines an acronym for, then uses the acronym of again."""
    if "(" not in text:
        return []
    found: list[str] = []
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        # what comes before the bracket: spaces, or an owner's "’s" ("Enforcement’s (ICE)")
        gap = _OWNER_BEFORE.search(text, max(0, m.start() - 6), m.start())
        words = _name_before(text, gap.start() if gap else m.start())
        last = words[-1].removesuffix("’s").removesuffix("'s") if words else ""
        agency = last in _AGENCY_ENDS or (
            last in _WITH_ANOTHER and any(w in _AGENCY_ENDS for w in words[:-1])
        )
        if len(words) < 3 or not agency or _initials(words) != acronym:
            continue
        # Used again on its own: the release speaks of the agency, not of a name in passing.
        uses = len(re.findall(rf"(?<![\w-]){acronym}(?![\w-])", text))
        if uses < 2:
            continue
        words[-1] = words[-1].removesuffix("’s").removesuffix("'s")
        name = f"{' '.join(words)} ({acronym})"
        if name not in found:
            found.append(name)
    return found
