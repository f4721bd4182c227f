"""A French or Spanish body's name cut in the middle of its lower-case words.

French and Spanish bodies write most of their name in lower case ("Caisse nationale des
allocations familiales", "Association des petites villes de France"); the reader of such names
may stop too early ("Caisse nationale", "Association des petites"). A name that ends with a
lower-case word and that the text goes on, at every mention, with a small word and another
lower-case word ("... des allocations") is a cut name, not the body's: it goes.
"""

from __future__ import annotations

import re

# "... des allocations", "... et collectivités": the name's next words; not an article or a
# determiner after them ("Commission européenne et le Parlement": another body).
_GOES_ON = re.compile(
    r"[ ](?:de|des|du|del|et)[ ]"
    r"(?!(?:la|le|les|l’|l'|des|du|un|une|ses|son|sa|ces|leur|leurs|sur|pour)\b)[a-zà-ÿ]{3,}"
)
_LOWER_WORD = re.compile(r"[a-zà-ÿ]+")


def _cut(name: str, text: str) -> bool:
    last = name.rsplit(" ", 1)[-1]
    if " " not in name or not _LOWER_WORD.fullmatch(last):
        return False
    at = text.find(name)
    if at < 0:
        return False
    while at >= 0:
        end = at + len(name)
        if _GOES_ON.match(text, end) is None:
            return False
        at = text.find(name, at + 1)
    return True


def without_dangling_names(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """*organisations* without the lower-case names cut before their end."""
    kept = tuple(o for o in organisations if not _cut(o, text))
    return kept if len(kept) < len(organisations) else organisations
