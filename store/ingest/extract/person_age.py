"""A person's age right after their name, as prosecutors write a defendant: "Kevin Swing, a/k/a “Tone,” 36, of"."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import word_set

# After the name: a short form in brackets ("Romero Cabral Da Costa Neto (Costa), 33,"), then
# the comma, an alias in quotes ("a/k/a “Tone,”", "a.k.a. “Michael Frito,”", "also known as
# “CP3O,”") and the age, bare or as "age 25". An alias alone is no sign: firms and places have
# them too ("Rural King, also known as RK Holdings"); an age after a name is a person's.
# The age may also be written "a 47-year-old resident of ..." (a grown person's, then a word
# only a person is), or lose its comma before the town ("Laderian Odom, 28 of Monroeville").
_YEAR_OLD = (
    r"an?[ \t]+(?:1[6-9]|[2-9]\d)-year-old[ \t]+"
    r"(?:resident|man|woman|male|female|national|citizen|former|defendant|mother|father)\b"
)
_AGE = re.compile(
    r"(?:[ \t]\([A-Z][\w.’'-]{1,30}\))?(?:,[ \t]{1,2}|[ \t]+[-–—][ \t]+(?=an?[ \t]))"
    r"(?:(?:a/k/a|a\.k\.a\.|aka|also known as)[ \t]+[“\"‘'][^”\"’'\n]{1,40},?[”\"’']?,?[ \t]+)?"
    rf"(?:(?:aged?[ \t]+)?\d{{1,3}}(?:,[ \t]|[ \t]+of[ \t]+[A-Z])|{_YEAR_OLD})"
)


def age_follows(text: str, end: int) -> bool:
    """Does an age (after an alias or a short form, or none) follow the name ending at *end*?"""
    return (
        text[end : end + 1] in ", "
        and text[end : end + 2] != "  "
        and _AGE.match(text, end) is not None
    )


# A list of defendants, one a line, each with an age and nothing more on the line: "Brieon
# O’Neal, 37" / "Jimmy Lee Mays, Jr., 32", their town and sentence on the lines below. An age
# of a grown person only, and only for a name that opens its line: "Calle Mayor, 5" is an
# address, and "Suite 12, 100" no one.
_AGE_ENDS_LINE = re.compile(r",[ \t]{1,2}(?:aged?[ \t]+)?(?:1[6-9]|[2-9]\d)[ \t]*(?=\n|$)")


_STREET_WORDS = word_set(
    "street avenue road lane drive boulevard way place square plaza calle rue via strasse straße platz"
)


def age_ends_line(text: str, start: int, end: int) -> bool:
    """Does the name from *start* to *end* open its line and an age close it?"""
    return (
        (start == 0 or text[start - 1] == "\n")
        and _AGE_ENDS_LINE.match(text, end) is not None
        and text[start:end].rsplit(None, 1)[-1].casefold().rstrip(".,") not in _STREET_WORDS
    )
