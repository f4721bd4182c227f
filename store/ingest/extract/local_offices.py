"""Offices written in two shapes the capitalised runs cut: a county or town with its state in
brackets ("the Seminole County (Florida) Sheriff’s Office"), and one kind of office shared by
a list of districts ("the United States Attorneys’ Offices for the Western District of
Washington, the Northern District of Florida, and the District of Columbia": one each)."""

from __future__ import annotations

import re

_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
_LOCAL_KIND = (
    r"Sheriff[’']s[ ]Office|Sheriff[’']s[ ]Department|Police[ ]Department|Fire[ ]Department|"
    r"District[ ]Attorney[’']s[ ]Office|Prosecutor[’']s[ ]Office|Police"
)
_BRACKETED_STATE = re.compile(
    rf"(?<![\w’'-])(?:[A-Z][a-z]+[ ]){{1,3}}\((?:{_STATES})\)[ ](?:{_LOCAL_KIND})(?![\w’'-])"
)
# The part of a bracketed state's office that opens with a literal: the engine skips to
# each "(" in C, where the whole pattern (its words first) was tried at every position
# (3.5% of all parsing on the real corpus). Only a text that has it can match the whole.
_STATE_AND_KIND = re.compile(rf"\((?:{_STATES})\)[ ](?:{_LOCAL_KIND})(?![\w’'-])")
_DISTRICT = r"the[ ](?:(?:Northern|Southern|Eastern|Western|Middle|Central)[ ])?District[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"
_SHARED_OFFICE = re.compile(
    rf"(?P<kind>(?:United[ ]States|U\.S\.)[ ]Attorneys[’']?[ ]Offices)[ ]for[ ]"
    rf"(?P<districts>{_DISTRICT}(?:,[ ](?:and[ ])?{_DISTRICT})*,?[ ]and[ ]{_DISTRICT})"
)
_ONE_DISTRICT = re.compile(_DISTRICT)


def local_offices(text: str) -> list[str]:
    """The offices of both shapes in *text*, as a reader names each, in order."""
    found: list[tuple[int, str]] = []
    if "(" in text and _STATE_AND_KIND.search(text):
        found += [(m.start(), m.group(0)) for m in _BRACKETED_STATE.finditer(text)]
    if "Offices for" in text:
        for m in _SHARED_OFFICE.finditer(text):
            country = m.group("kind").split(" Attorneys", 1)[0]
            apostrophe = "’" if "’" in m.group("kind") else "'"
            office = f"{country} Attorney{apostrophe}s Office for "
            for district in _ONE_DISTRICT.finditer(m.group("districts")):
                found.append((m.start() + district.start(), office + district.group(0)))
    found.sort()
    return list(dict.fromkeys(name for _, name in found))
