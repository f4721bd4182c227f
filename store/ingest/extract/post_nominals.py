"""Letters after a name that only a person bears: "Nick Gibb MP", "Anne-Marie Hutchinson OBE"."""

from __future__ import annotations

import re

# Commonwealth post-nominals: a member of a parliament or an assembly, an order's rank, a
# senior barrister's. Written in capitals right after the name, alone or several in a row
# ("Jane Roe CBE MP"), then a word's end. Not "MS" (Microsoft, Mississippi, a manuscript),
# "AM" (the morning) or "AC" (a current): those are read as something else as often.
_POST_NOMINAL = re.compile(
    r"[ \t](?:MP|MEP|MSP|MLA|MHA|OBE|MBE|CBE|KBE|DBE|GBE|QC|KC)"
    r"(?:[ \t,]+(?:MP|MEP|MSP|MLA|MHA|OBE|MBE|CBE|KBE|DBE|GBE|QC|KC))*(?![\w.’'-])"
)


def post_nominal_follows(text: str, end: int) -> bool:
    """Do letters only a person bears follow the name that ends at *end* in *text*?"""
    return _POST_NOMINAL.match(text, end) is not None
