"""Bodies a release names by a short form only: the issuer by its last word ("Parliament
adopted ..."), the EU's "Council" and "Commission" written alone."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import initials, is_org_word
from store.sanitize import fold

# The short form as a name of its own: capitalised, not inside a longer name ("European
# Parliament", "Parliament Square", "Council of Europe") nor a heading in capitals.
_ALONE = r"(?<![\w’'-]){word}(?![\w-])(?![ ]+(?:[A-Z]|of[ ]|for[ ]))"
# The word before it, when it is capitalised: "European" of "European Parliament".
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.’'-]*[ ]+$")
# The EU's institutions by their short forms, written so in a release about the EU.
_EU_SHORT = ("Council", "Commission")
# "the Council", "Parliament and Council", not "the Academy's ... Council meeting" nor "a
# Council member".
_EU_ALONE = (
    r"\b(?:the|and)[ ]+{word}\b(?![ ]+(?:[A-Z]|of[ ]|for[ ]|meetings?\b|members?\b|"
    r"president\b|chair\w*|sessions?\b))"
)
_EU_CONTEXT = re.compile(r"\b(?:European[ ]+(?:Union|Parliament|Commission|Council)|EU)\b")


def _alone(word: str, text: str) -> bool:
    for found in re.finditer(_ALONE.format(word=re.escape(word)), text):
        before = text[max(0, found.start() - 30) : found.start()]
        # At a sentence's start a capital says nothing; after a capitalised word, it is
        # part of that name.
        if not _CAPITALISED_BEFORE.search(before) or before.rstrip().endswith((".", ":")):
            return True
    return False


def _listed_ending(word: str, organisations: tuple[str, ...]) -> bool:
    """Whether a listed name ends in *word* ("European Commission" for "Commission")."""
    key = fold(word)
    return any(fold(o.split(" (")[0]).rsplit(" ", 1)[-1] == key for o in organisations)


def with_short_forms(
    organisations: tuple[str, ...], issuer: str | None, text: str
) -> tuple[str, ...]:
    """*organisations* and the *issuer*, when the text names it only by the body word its name
    ends in ("Parliament adopted ..." in a European Parliament release), and the EU's "Council"
    and "Commission" where a release about the EU writes them alone."""
    out = list(organisations)
    if issuer and " " in issuer and not _listed(issuer, out):
        last = issuer.rsplit(" ", 1)[-1]
        if last[:1].isupper() and is_org_word(last) and _alone(last, text):
            out.append(issuer)
    if _EU_CONTEXT.search(text):
        for word in _EU_SHORT:
            if (
                word in text
                and not _listed_ending(word, tuple(out))
                and re.search(_EU_ALONE.format(word=word), text)
            ):
                out.append(word)
    return tuple(out)


def _key(name: str) -> str:
    return fold(name.replace("&", "and")).removeprefix("the ")


def _listed(name: str, organisations: list[str]) -> bool:
    """Whether a listed entry is *name* already: its name or its acronym in brackets, in
    any case, "&" as "and" ("PRIVACY & CIVIL LIBERTIES OVERSIGHT BOARD" as "Privacy and
    Civil Liberties Oversight Board (PCLOB)")."""
    key = _key(name)
    short = initials(name)
    for entry in organisations:
        bare, _, bracket = entry.partition(" (")
        folded = _key(bare)
        if key in folded or folded in key or short in (bracket.rstrip(")"), bare):
            return True
    return False
