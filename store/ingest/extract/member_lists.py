"""Companies in a list of members, sponsors or customers: "Platinum members include IBM, Intel,
Joyent and Microsoft", "corporate sponsors including Google, HP, and Yahoo!". Their names hold
no organisation word; the list's head says what they are."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import MONTH_WORDS, NOT_NAME_WORDS, REGION_WORDS, ROLE_WORDS
from store.sanitize import fold

# What a list of companies is headed by, and the word that opens it (or none: "Platinum
# members IBM, Intel, ...").
_HEAD = re.compile(
    r"(?<![\w-])(?:members|member[ ]companies|sponsors|companies|organi[sz]ations|firms|"
    r"customers|clients|partners|banks|retailers|institutions)"
    r"(?P<cue>,?[ \t]+(?:include|includes|included|including|such[ \t]+as|like|are|were)"
    r"[ \t]*:?[ \t]+|[ \t]+[—–][ \t]*|[ \t]+\((?:including|such[ \t]+as)[ \t]+)?"
    r"(?(cue)|[ \t]+)(?=[A-Za-z])"
)
# One company: a capitalised word or a name in camel case ("nearForm", "eBay"), up to four
# words, a remark in brackets after it ("StrongLoop (an IBM company)").
_WORD = r"(?:(?:[A-Z]\.){2,}|(?:[A-Z0-9][\w&'’+-]*|[a-z]+[A-Z][\w&'’+-]*)(?:\.[A-Za-z]+)*)"
_ITEM = re.compile(
    rf"(?:the[ ])?(?P<item>{_WORD}(?:!|(?:[ ](?:{_WORD}|of|&)){{0,3}}!?))(?:[ ]\([^()\n]{{1,40}}\))?"
    r"|(?P<lower>[a-z]{2,5})(?=,)"
)
# A comma with no space after it before a capital still parts two names ("Fidelity,Google":
# a typing slip in the Node.js Foundation's lists).
_SEPARATOR = re.compile(r",(?:[ \t]+(?:and[ \t]+|&[ \t]+)?|(?=[A-Z]))|[ \t]+(?:and|&)[ \t]+")
_LIST_END = re.compile(r"(?<=!)|[ \t]*(?:[.,;:)\n—–]|$|[ \t][a-z])")


# Groups of people, before "members": "board members", "team members", "staff members".
_PEOPLE_BEFORE = re.compile(
    r"(?i:board|team|staff|committee|council|family|crew|cast|band|faculty|club|jury)[ \t]+$"
)


def _list_at(text: str, at: int) -> list[str]:
    """The items of a list of names that starts at *at*, or none when it is no such list."""
    items: list[str] = []
    lower = 0
    pos = at
    while True:
        m = _ITEM.match(text, pos)
        if m is None:
            return []
        items.append(m.group("item") or m.group("lower"))
        lower += m.group("lower") is not None
        pos = m.end()
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        last = "and" in sep.group(0) or "&" in sep.group(0)
        pos = sep.end()
        if last:
            m = _ITEM.match(text, pos)
            if m is None or m.group("lower"):
                return []
            items.append(m.group("item"))
            pos = m.end()
            break
    # The list ends where the sentence does: "... and Yahoo!. Get involved here".
    if not _LIST_END.match(text, pos) or lower * 2 >= len(items):
        return []
    return items


# A possessive before the noun it qualifies: "CoinDesk’s head of research", not "Lowe’s,".
_POSSESSIVE_USE = re.compile(r"[ \t]+(?!(?:and|or)[ \t])[a-z]")


_HEAD_WORDS = (
    "members", "companies", "sponsors", "organizations", "organisations", "firms", "customers",
    "clients", "partners", "banks", "retailers", "institutions",
)  # fmt: skip


def _heads(text: str) -> list[re.Match[str]]:
    """Where a list's head is, found with str.find (a pattern tried at every position costs
    more), in order."""
    found = []
    for word in _HEAD_WORDS:
        at = text.find(word)
        while at >= 0:
            if (m := _HEAD.match(text, at)) is not None:
                found.append(m)
            at = text.find(word, at + len(word))
    found.sort(key=lambda m: m.start())
    return found


def listed_members(text: str, exclude: set[str]) -> list[str]:
    """Companies listed after a head such as "members include"; *exclude* holds folded names
    that are not organisations (the release's people and places)."""
    if "members" not in text and "includ" not in text and "such as" not in text and "—" not in text:
        return []
    found: list[str] = []
    for head in _heads(text):
        if _PEOPLE_BEFORE.search(text, max(0, head.start() - 12), head.start()):
            continue  # "Board members include Jane Doe, ...": people
        items = _list_at(text, head.end())
        if len(items) < (2 if head.group("cue") else 3):
            continue
        for item in items:
            key = fold(item)
            last = item.split()[-1]
            if (
                key in exclude
                or fold(last) in ROLE_WORDS  # "Cointelegraph’s CEO": a person's role
                or (
                    last.endswith(("’s", "'s"))
                    and _POSSESSIVE_USE.match(text, text.find(item) + len(item))
                )
                or key in NOT_NAME_WORDS
                or key in MONTH_WORDS
                or all(fold(w) in REGION_WORDS for w in item.split())
            ):
                continue
            if item not in found:
                found.append(item)
    return found
