"""The issuer among the organisations when the release names it in its text ("La FSFE
continuará ...", "The Tor Project and Printfection launch ..."), whatever shape its name has:
the issuer is a body the release speaks of, as a careful reader lists it."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import initials
from store.ingest.extract.vocabulary import ROLE_WORDS, word_set
from store.sanitize import fold

_COUNTRY = re.compile(r"^(?:U\.S\.|US|United States|UK|U\.K\.)[ ]+")
_LAWS = frozenset({"Act", "Law", "Bill", "Acts", "Directive", "Regulation"})
_TITLES = word_set("sen rep congressman congresswoman councilman councilwoman judge justice")


def _written(name: str, text: str) -> bool:
    """Does *text* write *name* as words of their own, not inside an address or a URL?"""
    # Found with str.find: a pattern made for each issuer would be compiled for each release.
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1 : at] if at else ""
        after = text[end : end + 2]
        if (
            not (before and (before.isalnum() or before in "_@./-"))
            and not (
                (after[:1] and (after[:1].isalnum() or after[:1] in "_@-"))
                or (after[:1] == "." and after[1:2].islower())
                # the first word of a longer name: "Tor" of "The Tor Project"
                or (after[:1] == " " and after[1:2].isupper())
            )
        ):
            return True
        at = text.find(name, end)
    return False


def with_issuer_named(
    organisations: tuple[str, ...],
    issuer: str | None,
    text: str,
    named: set[str],
    headline: str = "",
) -> tuple[str, ...]:
    """*organisations* and the *issuer*, when *text* (the release's prose, before its contact
    block and boilerplate: a name only there may be an agent's or a person's) names it and no
    entry is it already (by its name, its acronym in brackets or its initials); *named* holds
    the folded names of people, which an issuer never is. The *headline*, which a page's text
    may repeat, does not count: a site's name over it ("Tor releases its roadmap") is no
    body the release names."""
    if headline and headline in text:
        text = text.replace(headline, "")
    if (
        not issuer
        or fold(issuer) in named
        # an office by its holder ("Senator Susan Collins"), not a body
        or fold(issuer.split(" ", 1)[0]).rstrip(".") in ROLE_WORDS | _TITLES
        or issuer.rsplit(" ", 1)[-1] in _LAWS  # "Voting Rights Act": a law
        or not _written(issuer, text)
    ):
        return organisations
    key = fold(issuer.removeprefix("The ").removeprefix("the "))
    for name in organisations:
        bare, _, bracket = name.partition(" (")
        folded = fold(bare.removeprefix("The ").removeprefix("the "))
        if key in (folded, fold(bracket.rstrip(")"))) or key in folded or folded in key:
            return organisations
        if issuer.isupper() and issuer in (initials(bare), initials(_COUNTRY.sub("", bare))):
            # "FSFE" and "Free Software Foundation Europe", "DEA" and "U.S. Drug Enforcement
            # Administration"
            return organisations
    return (*organisations, issuer)
