"""A body's own decision-making council as a lead's subject: the body it belongs to issued it."""

from __future__ import annotations

import re

# "The Governing Council today decided ...", "The Executive Board ...": a council or board
# named without its body. The body it belongs to is the issuer (the ECB's Governing Council).
_COUNCIL = re.compile(
    r"(?:The[ ]+)?(?:(?:Governing|Executive|Supervisory|General|Management|Steering|"
    r"Administrative|Policy|Monetary[ ]+Policy)[ ]+)?"
    r"(?:Council|Board|Committee|Assembly|Board[ ]+of[ ]+Directors)"
)
_MIN_MENTIONS = 2
_READ = 20_000
_MINOR = frozenset("of and for the on in de des du la le et del y für und der &".split())  # noqa: SIM905


def is_council(name: str) -> bool:
    """Whether *name* is a council or board named without its body ("Governing Council")."""
    return _COUNCIL.fullmatch(name.strip()) is not None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.casefold() not in _MINOR).upper()


def council_owner(organisations: tuple[str, ...], body: str) -> str | None:
    """The organisation the release names most, by name or by its initials ("ECB" for the
    "European Central Bank"), at least twice: the body a council named alone belongs to."""
    text = body[:_READ]
    best: tuple[int, str] | None = None
    for org in organisations:
        if is_council(org) or len(org.split()) < 2:
            continue
        count = text.count(org)
        acronym = _initials(org)
        if len(acronym) >= 2:
            count += len(re.findall(rf"(?<![\w-]){acronym}(?![\w-])", text))
        if best is None or count > best[0]:
            best = (count, org)
    if best is None or best[0] < _MIN_MENTIONS:
        return None
    return best[1]
