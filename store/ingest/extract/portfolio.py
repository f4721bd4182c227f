"""A minister's portfolio where a dateline's place would be: "Interior - 10.10.2024" opens La Moncloa's notes."""

from __future__ import annotations

import re

# The ministry's own word, by the word for its minister. Spanish and French only: an
# English "Prime Minister of Liberland" names a country, a place ("LIBERLAND, April 17").
_MINISTRY = {
    "ministro": "Ministerio",
    "ministra": "Ministerio",
    "ministerio": "Ministerio",
    "ministre": "Ministère",
    "ministère": "Ministère",
}
_LINKS = r"del|de\s+la|de\s+los|de\s+las|de|du|de\s+l['’]|des"


def portfolio_ministry(place: str, text: str) -> str | None:
    """The ministry whose portfolio *place* is, when *text* names its minister or itself
    with it ("El ministro del Interior" for "Interior"): "Ministerio del Interior". None
    when *text* never writes the place as a portfolio (then it is a place)."""
    if not place[:1].isupper() or place.isupper():
        return None  # a place in capitals ("MADRID, 3 de mayo") is a dateline's
    if "inist" not in text:
        return None  # no minister named: no pattern made for this place (most releases)
    pattern = re.compile(
        rf"\b(?P<who>{'|'.join(_MINISTRY)})\s+(?P<link>{_LINKS})\s*{re.escape(place)}(?!\w)",
        re.IGNORECASE,
    )
    found = pattern.search(text)
    if found is None:
        return None
    link = " ".join(found.group("link").lower().split())
    ministry = _MINISTRY[found.group("who").lower()]
    joined = f"{link}{place}" if link.endswith(("'", "’")) else f"{link} {place}"
    return f"{ministry} {joined}"
