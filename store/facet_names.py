"""One facet entry per body: spellings of a name that differ only by case, spacing, a leading
"The" or a legal form ("Proactive UK Ltd", "Proactive UK") count together, under a spelling
whose qualifier finds them all."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from store.search.tokens import field_key

# A legal form closing a name, possibly several ("Acme Holdings, Inc.", "Acme GmbH & Co. KG").
_LEGAL_FORM = re.compile(
    r"(?:[ ]*,?[ ]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|plc|corp|corporation|co|"
    r"company|gmbh|ag|kg|se|sa|s\.a|sas|srl|spa|nv|n\.v|bv|b\.v|pty|pte|lp|llp|& co)\.?)+$"
)
_LEADING_ARTICLE = re.compile(r"^the[ ]+")
_PUNCTUATION = re.compile(r"[^\w&@+ ]+")


def _core(key: str) -> str:
    """*key* (a ``field_key``) without its leading article and its legal form."""
    core = _LEGAL_FORM.sub("", _LEADING_ARTICLE.sub("", key))
    return core or key


def body_key(name: str) -> str:
    """What two spellings of one body share: folded, without "The", a legal form or
    punctuation ("The Beeline Holdings, Inc." and "Beeline Holdings" -> "beeline holdings")."""
    return " ".join(_PUNCTUATION.sub(" ", _core(field_key(name))).split())


# The facets of a result are counted again at every change of the query, over the same names
# (31,000 organisations on the real corpus: 0.3 s to key them all, a few ms once known).
_body_key = lru_cache(maxsize=1 << 17)(body_key)
_field_key = lru_cache(maxsize=1 << 17)(field_key)


def merged_counts(counts: Iterable[tuple[str, int]], *, places: bool = False) -> dict[str, int]:
    """*counts* of spellings, summed per body (or per place) under one spelling each.

    A group's spelling is the most frequent one whose qualifier (a substring of the folded
    value) finds every other spelling of the group; failing that, the most frequent spelling
    cut to its core (without "The" or a legal form), when that finds them all. Spellings that
    no such label finds ("U.S. Steel" beside "US Steel") stay apart, so that a count is what
    choosing its entry finds. Places are grouped by case and spacing alone."""
    key_of = _field_key if places else _body_key
    groups: dict[str, list[tuple[str, int]]] = {}
    for name, amount in counts:
        groups.setdefault(key_of(name), []).append((name, amount))
    merged: dict[str, int] = {}
    for members in groups.values():
        if len(members) == 1:  # most names have one spelling
            name, amount = members[0]
            merged[name] = merged.get(name, 0) + amount
            continue
        # Most frequent first; on a tie the shorter, then by name (the same on every backend).
        members.sort(key=lambda member: (-member[1], len(member[0]), member[0]))
        while members:
            label = _label(members)
            needle = _field_key(label)
            found = [m for m in members if needle in _field_key(m[0])]
            merged[label] = merged.get(label, 0) + sum(amount for _, amount in found)
            members = [m for m in members if m not in found]
    return merged


def _label(members: list[tuple[str, int]]) -> str:
    """The spelling that names *members* (most frequent first) in the facets."""
    keys = [_field_key(name) for name, _ in members]
    for (name, _), key in zip(members, keys, strict=True):
        if _in_all(key, keys):
            return name
    top = members[0][0]
    cut = _cut_to(top, _core(keys[0]))
    if cut is not None and _in_all(field_key(cut), keys):
        return cut
    return top


def _in_all(needle: str, keys: list[str]) -> bool:
    return all(needle in key for key in keys)


def _cut_to(name: str, core: str) -> str | None:
    """The words of *name* whose key is *core* ("Beeline Holdings, Inc." -> "Beeline
    Holdings"), else None."""
    words = name.split()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            part = " ".join(words[start:end]).rstrip(",")
            if field_key(part) == core:
                return part
    return None


def biggest(counts: dict[str, int], limit: int) -> tuple[tuple[str, int], ...]:
    """The *limit* largest of *counts*; ties in the order they came (the archive's order on a
    store file, where the newest win; PostgreSQL's counts come sorted by name)."""
    return tuple(sorted(counts.items(), key=lambda item: -item[1])[:limit])


def facet_entries(
    counts: Iterable[tuple[str, int]], limit: int, *, places: bool = False
) -> tuple[tuple[str, int], ...]:
    """:func:`merged_counts` of *counts*, the *limit* largest."""
    return biggest(merged_counts(counts, places=places), limit)
