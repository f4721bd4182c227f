"""Bodies a release names by a short form only: the issuer by its last word ("Parliament
adopted ..."), the EU's "Council" and "Commission" written alone."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import initials
from store.sanitize import fold

# The short form as a name of its own: capitalised, not inside a longer name ("European
# Parliament", "Parliament Square", "Council of Europe") nor a heading in capitals.
_ALONE = r"(?<![\w’'-]){word}(?![\w-])(?![ ]+(?:[A-Z]|of[ ]|for[ ]))"
# The word before it, when it is capitalised: "European" of "European Parliament".
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.’'-]*[ ]+$")
# The words an institution is called by alone, as its own release writes of it ("Parliament
# adopted", "the Board voted"); a company's "Inc." or "Group" alone is no name.
_INSTITUTIONS = frozenset(
    (
        *("Parliament", "Commission", "Council", "Board", "Bank", "Court", "Senate"),
        *("Assembly", "Committee", "Agency", "Foundation", "University", "Institute"),
        *("Library", "Museum", "Ministry", "Department", "Service", "Conservancy"),
    )
)
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
    # The cheap tests first (a substring, a word's kind), the patterns and the folding of
    # every listed name only where they may find something: this runs on every release.
    last = issuer.rsplit(" ", 1)[-1] if issuer and " " in issuer else ""
    if issuer and last in _INSTITUTIONS and last in text and _alone(last, text):
        if last in out:
            out[out.index(last)] = issuer  # "Parliament" found alone: the issuer it stands for
        elif not _listed(issuer, out):
            out.append(issuer)
    if ("Council" in text or "Commission" in text) and _EU_CONTEXT.search(text):
        for word in _EU_SHORT:
            if (
                word in text
                and re.search(_EU_ALONE.format(word=word), text)
                and not _listed_ending(word, tuple(out))
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
        if _within(key, folded) or _within(folded, key) or short in (bracket.rstrip(")"), bare):
            return True
    return False


def _within(part: str, whole: str) -> bool:
    """Is *part* in *whole* as whole words ("eu" is not in "european parliament")?"""
    return bool(part) and f" {part} " in f" {whole} "
