"""A second number written as the first one's last digits ("Tél : 01 53 18 42 68 / 42 76", as French press services write two lines): two numbers, the second completed from the first."""

from __future__ import annotations

import re
from dataclasses import replace

from store.records import Contact

# The first number in full, a slash, then only its last two to six digits in their groups.
_PAIR = re.compile(
    r"(?P<first>\+?\(?\d[\d ().-]{6,}\d)[ \t]*/[ \t]*(?P<tail>\d{2}(?:[ .-]?\d{2}){0,2})"
)


def _completed(first: str, tail: str) -> str:
    """*first* with its last digits replaced by *tail*'s, its own spacing kept."""
    digits = [c for c in tail if c.isdigit()]
    out = list(first)
    for at in range(len(out) - 1, -1, -1):
        if not digits:
            break
        if out[at].isdigit():
            out[at] = digits.pop()
    return "".join(out)


def split_abbreviated_numbers(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """*contacts* with each phone written as a number and a second one's last digits made two
    contacts: the number, then a contact with no name for the completed second number."""
    if not any(c.phone and "/" in c.phone for c in contacts):
        return contacts
    out: list[Contact] = []
    for contact in contacts:
        m = _PAIR.fullmatch(contact.phone or "")
        first_digits = sum(ch.isdigit() for ch in m.group("first")) if m else 0
        # A whole number before the slash and four digits at most after it: "+49 (0) 022 04 /
        # 40 00-73" is an area code, then the number (German numbers are written so).
        if m is None or first_digits < 9 or sum(ch.isdigit() for ch in m.group("tail")) > 4:
            out.append(contact)
            continue
        first = m.group("first").strip()
        out.append(replace(contact, phone=first))
        second = _completed(first, m.group("tail"))
        out.append(Contact(organisation=contact.organisation, phone=second))
    return tuple(out)
