"""A person's age right after their name, as prosecutors write a defendant: "Kevin Swing, a/k/a “Tone,” 36, of"."""

from __future__ import annotations

import re

# After the name: a short form in brackets ("Romero Cabral Da Costa Neto (Costa), 33,"), then
# the comma, an alias in quotes ("a/k/a “Tone,”", "a.k.a. “Michael Frito,”", "also known as
# “CP3O,”") and the age, bare or as "age 25". An alias alone is no sign: firms and places have
# them too ("Rural King, also known as RK Holdings"); an age after a name is a person's.
_AGE = re.compile(
    r"(?:[ \t]\([A-Z][\w.’'-]{1,30}\))?,[ \t]{1,2}"
    r"(?:(?:a/k/a|a\.k\.a\.|aka|also known as)[ \t]+[“\"‘'][^”\"’'\n]{1,40},?[”\"’']?,?[ \t]+)?"
    r"(?:aged?[ \t]+)?\d{1,3},[ \t]"
)


def age_follows(text: str, end: int) -> bool:
    """Does an age (after an alias or a short form, or none) follow the name ending at *end*?"""
    return (
        text[end : end + 1] in ", "
        and text[end : end + 2] != "  "
        and _AGE.match(text, end) is not None
    )
