"""Capitalised runs read as people that name no one: a conjunction opening the run ("Although Odom pleaded guilty"), or a noun of offices and documents ending it ("the United States Sentencing Guidelines", "Incident Management")."""

from __future__ import annotations

from store.records import Person
from store.sanitize import fold

# A sentence may open with one of these before a surname ("Although Odom pleaded guilty,
# ..."): the capital is the sentence's, and the conjunction is no given name.
_OPENING_WORDS = frozenset({"although", "because", "unless", "whereas", "though", "whether"})

# Nouns that end an office's, a unit's or a document's name and never a person's: the run
# before them is a body or a text ("Child Exploitation", "Attorneys' Offices", "Designated
# Transportation Projects", "Advisory Committee's Subcommittees", "Marine Corps", "B. Riley
# Securities", "Computer Crime and Intellectual Property Section" read as two). Plural
# or abstract nouns only: a surname may be a singular common noun ("Baker", "Mason").
_CLOSING_WORDS = frozenset(
    {
        "exploitation",
        "management",
        "corps",
        "offices",
        "guidelines",
        "projects",
        "subcommittees",
        "committees",
        "takedown",
        "commission",
        "comission",
        "investigations",
        "operations",
        "programs",
        "programmes",
        "services",
        "affairs",
        "regulations",
        "special",
        "securities",
        "holdings",
        "partners",
        "associates",
        "investments",
        "section",
        "division",
        "crime",
    }
)


# Plural abstract nouns open no one's name ("Intercommunalités de France", an association read
# between two commas after "la ministre"): no given name ends so.
_PLURAL_NOUN_ENDS = ("ites", "idades", "ations", "aciones", "ements", "mientos")  # folded


def _words(name: str) -> list[str]:
    return [fold(w.strip(".,’'")) for w in name.replace("’s", "").replace("'s", "").split()]


def is_not_person(name: str) -> bool:
    """Whether *name*, read as a person's, opens with a conjunction or ends with a noun of
    offices and documents."""
    words = _words(name)
    return bool(words) and (
        words[0] in _OPENING_WORDS
        or words[-1] in _CLOSING_WORDS
        or (len(words) > 1 and words[0].endswith(_PLURAL_NOUN_ENDS))
    )


def without_non_people(people: tuple[Person, ...]) -> tuple[Person, ...]:
    """*people* without the runs that name no one."""
    if not any(is_not_person(p.name) for p in people):
        return people
    return tuple(p for p in people if not is_not_person(p.name))
