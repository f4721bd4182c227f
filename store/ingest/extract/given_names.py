"""Given names a person is called by: the U.S. Census Bureau's 1990 first-name lists.

A word that is a given name tells a person from a firm where a name's shape cannot: a second
name on a contact block's line ("Nicholas Biase, Shelby Wratchford, (212) 637-2600") is a
colleague, not the first one's firm; "Harborline Cruises" is a firm. The list is the union of
the Census Bureau's ``dist.male.first`` and ``dist.female.first`` (1990 census; 5,163 names,
lower case, one a line), public domain as a work of the U.S. government, taken from the
``names`` 0.3.0 package on PyPI that redistributes them (its README says so). It is read once
per process, when first asked, as a frozenset.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def given_names() -> frozenset[str]:
    """Every given name of the list, in lower case."""
    text = resources.files(__package__).joinpath("given_names.txt").read_text("ascii")
    return frozenset(text.split())


def is_given_name(word: str) -> bool:
    """Whether *word* ("Danielle", "JENNIFER") is a given name of the list; its case aside."""
    return word.lower() in given_names()
