"""Organisations as whole names: an acronym run on after the name it abbreviates folded into
it, bodies run together at such an acronym split apart, laws and awards left out."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import initials, is_org_word
from store.sanitize import fold

_ACRONYM = re.compile(r"[A-Z]{2,8}")
_RUN_ON_ACRONYM = re.compile(r" [A-Z]{2,8}(?![^ ])")
_AND = frozenset({"and", "&", "und", "et", "y"})
_LEADING = frozenset({"of", "for", "and", "the", "&", "de", "du", "des", "und", "et", "y"})
# What a law, a bill or an award is called by its last word: "Health Insurance Portability and
# Accountability Act", "Secure Fence Act of 2006", "Nobel Peace Prize", or a law's provision
# ("the Board's Section 702" of the FISA Amendments Act). A body is named otherwise ("Act for
# Change" ends with its cause, not "Act"), and awards in the plural are the body or the event
# that gives them ("Latin Podcast Awards unveils ...").
_NOT_A_BODY = re.compile(
    r"\b(?:(?:Act|Bill|Amendment|Treaty|Directive|Award|Prize|Medal|Badge)"
    r"(?: of (?:19|20)\d\d)?(?: \([^()]*\))?|Section \d+[A-Za-z]?)$",
)


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether *acronym* is made of the first letters of *words*: of its main words ("CDC"
    for "Centers for Disease Control", the last ones may be left out), or of all of them
    ("DOJ" for "Department of Justice")."""
    if len(words) < 2:
        return False
    main = initials(" ".join(words))
    every = "".join(w[0] for w in words).upper()
    if acronym in (main, every):
        return True
    # "CDC" for "Centers for Disease Control and Prevention": the leading words' letters.
    return len(acronym) >= 3 and main.startswith(acronym) and len(main) - len(acronym) <= 1


def _plausible(words: list[str]) -> bool:
    return bool(words) and words[0][:1].isupper() and any(is_org_word(w) for w in words)


def fold_run_on_acronyms(name: str) -> list[str]:
    """ "U S Department of Transportation DOT" -> ["U S Department of Transportation (DOT)"];
    "Centers for Disease Control and Prevention CDC and the Food and Drug Administration" ->
    the two names, where the page lost the brackets round the acronym."""
    if _RUN_ON_ACRONYM.search(name) is None:
        return [name]  # most names: no acronym after their first word
    tokens = name.split()
    if len(tokens) < 3:
        return [name]
    pieces: list[str] = []
    start = 0
    for k in range(start + 1, len(tokens)):
        acronym = tokens[k]
        if k <= start or not _ACRONYM.fullmatch(acronym):
            continue
        for s in range(start, k - 1):
            if not tokens[s][:1].isupper() or not _abbreviates(acronym, tokens[s:k]):
                continue
            head = tokens[start:k]
            if s > start and tokens[s - 1].lower() in _AND:
                # "Health NIH and Centers for Disease Control and Prevention CDC": the name
                # the acronym abbreviates begins after the "and".
                before = tokens[start : s - 1]
                # A name that ends in an acronym it does not spell was cut short ("Health NIH"
                # of "National Institutes of Health NIH"): no name.
                if _plausible(before) and not _ACRONYM.fullmatch(before[-1]):
                    pieces.append(" ".join(before))
                head = tokens[s:k]
            pieces.append(f"{' '.join(head)} ({acronym})")
            start = k + 1
            break
    if not pieces:
        return [name]
    rest = tokens[start:]
    while rest and rest[0].lower() in _LEADING:
        rest = rest[1:]
    if _plausible(rest):
        pieces.append(" ".join(rest))
    return pieces


def _without_person(name: str, people: set[str]) -> str | None:
    """*name* without a person (*people*: folded names) run on at its end: "Colorado
    Department of Public Safety and Susan Payne" -> the department; "Board Herb Kelleher"
    (of "Chairman of the Board Herb Kelleher") -> None, no body left."""
    key = fold(name)
    if not any(key.endswith(person) for person in people):
        return name
    words = name.split()
    for cut in range(1, len(words) - 1):
        if fold(" ".join(words[cut:])) in people:
            head = words[:cut]
            while head and head[-1].lower() in _LEADING:
                head = head[:-1]
            return " ".join(head) if len(head) >= 2 and _plausible(head) else None
    return name


def whole_names(found: tuple[str, ...], people: set[str]) -> tuple[str, ...]:
    """*found* as whole names: acronyms run on folded in, people run on cut off (*people*:
    folded names), laws and awards left out."""
    out: list[str] = []
    for name in found:
        for piece in fold_run_on_acronyms(name):
            whole = _without_person(piece, people) if people else piece
            if whole is None or _NOT_A_BODY.search(whole) or whole in out:
                continue
            out.append(whole)
    return tuple(out)
