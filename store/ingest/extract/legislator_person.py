"""The legislator whose office issued a release, among its people when the text names them in
full ("U S Senator Patty Murray" over the release, "Senators Judd Gregg R NH ... and ...")."""

from __future__ import annotations

import re

from store.records import Person
from store.sanitize import fold

# The office's issuer as the issuer rules name it: "Senator Patty Murray", "Representative Jane
# Roe", "Senator Frank R. Lautenberg, Jr.".
_OFFICE = re.compile(
    r"(?:Senator|Representative|Congressman|Congresswoman|Congressmember)[ ]+(?P<name>.+?)"
    r"(?:,[ ]+Jr\.?)?"
)


def with_legislator(
    people: tuple[Person, ...], issuer: str | None, text: str
) -> tuple[Person, ...]:
    """*people* and the legislator *issuer* names, when *text* writes their name in full (dots
    of initials aside: scraped pages drop them) and no person listed is them already."""
    if not issuer:
        return people
    m = _OFFICE.fullmatch(issuer)
    if m is None:
        return people
    name = m.group("name")
    words = name.replace(".", "").split()
    if len(words) < 2:
        return people
    surname = fold(words[-1])
    if any(fold(p.name).split()[-1:] == [surname] for p in people):
        return people  # listed already, in full or with a middle initial
    spelled = r"\.?[ ]+".join(re.escape(w) for w in words) + r"\.?"
    written = re.search(rf"(?<![\w-]){spelled}(?![\w-])", " ".join(text.split()))
    if written is None:
        return people
    return (*people, Person(" ".join(written.group(0).split()), issuer.split(" ", 1)[0]))
