"""A firm's name written as one word of two capitalised parts ("BioPharma", "GreenEnergy"),
which a name glued to its firm ("Liad GelferMobilicom Ltd") must not be split at."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import ORG_WORDS

_NEXT_PART = re.compile(r"[A-Z][a-z]+")


def one_firm_word(head: str, text: str, at: int) -> bool:
    """Is *head* (a capitalised word that ends at *at* in *text*) the first part of one
    word whose next part, glued to it, is a kind of firm ("Bio" + "Pharma Corp.")? A surname
    is followed by a firm's own name ("Gelfer" + "Mobilicom Ltd"), seldom by its kind."""
    part = _NEXT_PART.match(text, at)
    return part is not None and part.group(0).lower() in ORG_WORDS and len(head) <= 6


# A legal form with the next line's address glued to it: "Helix BioPharma Corp.Bay Adelaide
# Centre, North Tower40 ...", "Acme Inc.789 West Pender Street".
_FORM_THEN_ADDRESS = re.compile(
    r"(.+?\b(?:Inc|Corp|Ltd|Co|Corporation|Limited|LLC|PLC|GmbH|AG|SA)\.?)"
    # the next line's first word, glued: a capital then lower case, or a number; not the
    # rest of a word in capitals ("AGENCY")
    r"(?=(?:[A-Z][a-z]|[0-9])[\w.-]*[ ,])"
)


def firm_without_address(organisation: str | None) -> str | None:
    """*organisation* without an address run into the legal form that ends its name."""
    if not organisation or (m := _FORM_THEN_ADDRESS.match(organisation)) is None:
        return organisation
    return m.group(1)
