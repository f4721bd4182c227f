"""The author a statement's headline names: "Statement of Attorney General Eric Holder on ..."."""

from __future__ import annotations

import re

from store.ingest.extract.people import find_people
from store.records import Person

# "Statement of Senator Hillary Rodham Clinton on New York Power Authority ...", "Joint
# Statement by Secretary Napolitano and Attorney General Eric Holder on Today's Signing ...":
# who made it, with their titles, between "of", "by" or "from" and what it is about.
_STATEMENT = re.compile(
    r"(?:Joint[ \t]+)?Statement[ \t]+(?:of|by|from)[ \t]+(.{5,160}?)[ \t]+"
    r"(?:on|regarding|about|in|at|to|following|after|as|for)[ \t]"
)


def statement_authors(headline: str) -> tuple[Person, ...]:
    """The people a statement's headline names as its authors, found by their titles."""
    if "Statement" not in headline[:20]:
        return ()  # most headlines are no statement's
    m = _STATEMENT.match(headline)
    return find_people(m.group(1) + ".") if m else ()
