"""Houses of a legislature named without an organisation word: "the House of
Representatives", "the House of Commons", and "Congress" in a list ("the President, Congress,
and the public")."""

from __future__ import annotations

import re

_HOUSE = re.compile(
    r"(?<![\w-])House[ \t]+of[ \t]+(?:Representatives|Commons|Lords|Delegates|Assembly)(?![\w-])"
)
# "Congress" as an item of a list: after a comma, or before one after "the President": the
# legislature, which the reader of runs leaves out after a capitalised word ("President,").
_CONGRESS_LISTED = re.compile(r"(?<=,[ ])Congress(?=[ \t]*(?:,|and\b|or\b))")


def legislatures(text: str) -> list[str]:
    """The houses of a legislature *text* names, in order of first mention."""
    if "House of" not in text and "Congress" not in text:
        return []
    found = [(m.start(), m.group(0)) for m in _HOUSE.finditer(text)]
    found += [(m.start(), "Congress") for m in _CONGRESS_LISTED.finditer(text)]
    found.sort()
    return list(dict.fromkeys(" ".join(name.split()) for _, name in found))
