"""A press office's address alone on its line, under no "Contact" heading ("USANCE.PublicInfoOfficer@usdoj.gov" under a justice.gov page's office line): the release's media contact when it has no other."""

from __future__ import annotations

import re

from store.records import Contact

# The address, and nothing else on the line.
_ADDRESS_LINE = re.compile(
    r"[ \t*_<]*([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9.-]+\.[A-Za-z]{2,24})[ \t*_>]*"
)
# What the address's own part says of it: a press office's ("press", "media", "news", "pio",
# "PublicInfoOfficer", "communications"), not a person's or a help desk's.
_PRESS_PART = re.compile(r"press|media|news|pio\b|publicinfo|publicaffairs|communications?\b", re.I)


def press_address_contact(lines: list[str], text: str) -> Contact | None:
    """The first line of *lines* that is only a press office's address, as a contact with no
    name; None when there is none. *text* is the release as given: the address must be in it."""
    for line in lines:
        if "@" not in line or len(line) > 90:
            continue
        m = _ADDRESS_LINE.fullmatch(line)
        if m is None:
            continue
        address = m.group(1).rstrip(".")
        local = address.split("@", 1)[0]
        if _PRESS_PART.search(local.replace(".", " ").replace("_", " ")) and address in text:
            return Contact(email=address)
    return None
