"""A comma a crawler set apart from the word before it ("Willis Kylestewa , 41,"), closed up before people are read."""

from __future__ import annotations

import re

# A page saved as text keeps a space where a link or a bold run ended before its comma:
# "Willis Kylestewa , 41, an enrolled member", "Gal Vallerius , aka “Oxymonster,” 36,",
# "U.S. v. Ian Freeman , a Keene man". The age, the alias and the role that tell a person is
# named are read right after the name's comma, so the stray space hid them.
_SPACED_COMMA = re.compile(r"(?<=[^\s,]) ,(?=[ \t])")


def closed_commas(text: str) -> str:
    """*text* with every word's comma glued back to it."""
    return _SPACED_COMMA.sub(",", text) if " , " in text else text
