"""The office and department a .gov page's header names are listed once, not again in the text's other spellings of them."""

from __future__ import annotations

import re

# "U.S. Attorney's Office, District of Columbia" in the header; in the text "the U.S.
# Attorney’s Office for the District of Columbia", a contact block's bare "United States
# Attorney’s Office": the same office, each a second entry that names no other body.
_OFFICE = re.compile(r"(?:u\.s\.|united states) attorney's office, (.+)")
_OFFICE_SPELLINGS = (
    "u.s. attorney's office",
    "united states attorney's office",
    "u.s. attorney's office for the {place}",
    "united states attorney's office for the {place}",
    "united states attorney's office, {place}",
    "office of the u.s. attorney for the {place}",
    "office of the united states attorney for the {place}",
)
# "United States Department of Justice" in the title; "the U.S. Department of Justice",
# "the Department of Justice", "the Justice Department" in the text.
_DEPARTMENT = re.compile(r"(?:u\.s\.|united states) department of (\w+)")
_DEPARTMENT_SPELLINGS = (
    "u.s. department of {name}",
    "united states department of {name}",
    "department of {name}",
    "{name} department",
    "u.s. {name} department",
)


def _key(name: str) -> str:
    key = " ".join(name.casefold().replace("’", "'").split())
    return key.removeprefix("the ")


def _spellings(body: str) -> set[str]:
    key = _key(body)
    if m := _OFFICE.fullmatch(key):
        return {s.format(place=m.group(1)) for s in _OFFICE_SPELLINGS}
    if m := _DEPARTMENT.fullmatch(key):
        return {s.format(name=m.group(1)) for s in _DEPARTMENT_SPELLINGS}
    return set()


def without_other_spellings(organisations: tuple[str, ...], bodies: list[str]) -> tuple[str, ...]:
    """*organisations* without the other spellings of each of *bodies* (which stay)."""
    others: set[str] = set()
    for body in bodies:
        others |= _spellings(body) - {_key(body)}
    if not others:
        return organisations
    return tuple(o for o in organisations if _key(o) not in others)
