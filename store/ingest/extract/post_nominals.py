"""Letters after a name that only a person bears: "Nick Gibb MP", "Anne-Marie Hutchinson OBE"."""

from __future__ import annotations

import re

# Commonwealth post-nominals: a member of a parliament, an order's rank. Written in capitals
# right after the name, alone or several in a row ("Jane Roe CBE MP"), then a word's end. Not
# letters that are as often something else after a capitalised run: "MSP" (a managed service
# provider: "Channel Futures MSP 501"), "MLA", "QC" (Quebec after a town), "KC", "MS", "AM".
_POST_NOMINAL = re.compile(
    r"[ \t](?:MP|MEP|OBE|MBE|CBE|KBE|DBE|GBE)(?:[ \t,]+(?:MP|MEP|OBE|MBE|CBE|KBE|DBE|GBE))*(?![\w.’'-])"
)


def post_nominal_follows(text: str, end: int) -> bool:
    """Do letters only a person bears follow the name that ends at *end* in *text*?"""
    return _POST_NOMINAL.match(text, end) is not None
