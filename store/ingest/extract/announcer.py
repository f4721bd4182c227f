"""The body a release's lead says is announcing, when nothing stronger names the issuer."""

from __future__ import annotations

import re

from store.sanitize import fold

# The lead of a release opens with who issues it, saying so in the words only an issuer
# uses of itself: "Powertec Solutions International (PSI) is pleased to announce ...",
# "MCN Asia, a team of world-class professionals ..., is pleased to announce ...". Not
# "announced" alone: a news article's lead reports a body's announcement in those words too.
_ANNOUNCING = re.compile(
    r"(?:The[ ]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&|de|"
    r"du|des|la|für|und|der)){0,7}?)"
    r"(?P<form>(?:,?[ ]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Co|PLC|GmbH|AG|Pvt|P\.C|PLLC)\.?){0,2})"
    r"(?:[ ]+\((?P<acronym>[A-Z][A-Za-z&.]{1,10})\))?"
    # What the body is, between commas: "a team of ...", "a non-profit that provides ...".
    r"(?:,[ ]+(?P<what>(?:a|an|the|one[ ]+of)[ ][^;:!?()\[\]\n]{2,200}?),?)?"
    r"[ ]+(?:(?:today|proudly|officially)[ ]+)?"
    r"(?:(?:is|are)[ ]+(?:very[ ]+)?(?:proud|pleased|thrilled|excited|delighted|honou?red|happy)"
    r"[ ]+to[ ]+(?:announce|share|introduce|unveil|launch|welcome|present|host|celebrate)|"
    r"(?:proudly[ ]+)?(?:announces|unveils|introduces|launches)[ ]+(?:the|its|a|an)[ ]|"
    r"will[ ]+(?:host|hold|celebrate|present)[ ]+(?:its|their|the|a|an)[ ])"
)
# An apposition about a person, not a body: "the company's founder", "who has".
_PERSONAL = re.compile(
    r"\b(?:who|founder|co-founder|CEO|chief|president|director|author|artist|"
    r"singer|writer|coach|expert|entrepreneur|he|she|his|her)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    "this it we our today now new the a an in on at for as after with".split()  # noqa: SIM905
)
_HONORIFICS = frozenset("Dr. Dr Mr. Mr Ms. Ms Mrs. Mrs Prof. Prof Sir Dame".split())  # noqa: SIM905
# The date or place a lead keeps before its first word once the dateline is cut.
_LEFT_OVER = re.compile(r"^[\s\-–—:/]+")


def announcer(lead: str, headline: str, body: str, people: set[str]) -> str | None:
    """The body the *lead* opens with as announcing, when the release names it again (in
    the *headline*, or once more in the *body*) and it is no one in *people* (folded names)."""
    text = _LEFT_OVER.sub("", " ".join(lead[:600].split()))
    m = _ANNOUNCING.match(text)
    if m is None:
        return None
    name = m.group("name").rstrip(".,")
    words = name.split()
    if not words or fold(words[0]) in _NOT_A_NAME or len(words) > 8:
        return None
    if fold(name) in people or words[0] in _HONORIFICS:
        return None  # "Dr. Jane Roe is pleased to announce ..."
    what = m.group("what")
    if what and _PERSONAL.search(what):
        return None
    if (
        len(words) == 1
        and not (name.isupper() or m.group("acronym"))
        and len(re.findall(rf"\b{re.escape(name)}\b", body)) < 3
    ):
        return None  # one word in title case is as often a surname or a product
    # The name as the lead writes it, with its legal form ("Nantong Kelin Textile Co., Ltd.").
    full = name + m.group("form").rstrip(",")
    again = re.escape(name).replace(r"\ ", r"\s+")
    if re.search(rf"\b{again}\b", headline) or len(re.findall(rf"\b{again}\b", body)) > 1:
        return full
    acronym = m.group("acronym")
    if acronym and len(re.findall(rf"\b{re.escape(acronym)}\b", body)) > 1:
        return full
    return None
