"""Bodies whose name ends in what they do, with no organisation word: "Homeland Security
Investigations", "U.S. Immigration and Customs Enforcement", "Customs and Border Protection";
and a state's government named by its country: "the Government of Canada"."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, REGION_WORDS
from store.sanitize import fold

# Two to four capitalised words ("and" may join them), then the activity: three words at
# least, so that "Law Enforcement" or "Data Protection", a field, is not taken.
_ACTIVITY = re.compile(
    r"(?<![\w&’'.-])(?P<country>(?:U\.S\.|U[ \t]S|US|United[ \t]States)[ \t]+)?"
    r"(?P<words>[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+){1,3})"
    r"[ \t]+(?:Investigations|Enforcement|Protection)(?![\w’'-])"
    # its acronym in brackets ("Joint Criminal Opioid Darknet Enforcement (J-CODE) team"), or
    # not a noun it qualifies ("the Philadelphia Regional Enforcement office of the SEC") nor a
    # feature's heading ("Online Fraud Protection - Firefox warns ...")
    r"(?:[ \t]*\((?P<acronym>[A-Z][A-Z0-9-]{1,10})\)"
    r"|(?![ \t]+(?:office|program|programme|unit|division|section|bureau|group|team)\b)"
    r"(?![ \t]*[-–—:]))"
    # nor the start of a longer name: "Climate Leadership and Community Protection Act"
    r"(?![ \t]+[A-Z])"
)
# A government named by the state it governs: "Government of Canada", "Government of the
# United Kingdom".
_GOVERNMENT = re.compile(
    r"(?<![\w-])Government[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
    r"(?![\w’'-])"
)
_ACTIVITY_WORDS = frozenset({"Investigations", "Enforcement", "Protection"})
# Words a sentence or a heading opens a capitalised phrase with, not a body's.
_NOT_FIRST = NOT_NAME_WORDS - REGION_WORDS


def _in_prose(text: str, start: int, end: int) -> bool:
    """Is the match inside a line of ordinary prose (lower-case words on it), not a title-case
    heading ("New Rules Strengthen Consumer Data Protection")?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) > 8 and lower * 3 >= len(words)


def activity_bodies(text: str) -> list[str]:
    """The bodies :data:`_ACTIVITY` and :data:`_GOVERNMENT` find in *text*, in order."""
    found: list[tuple[int, str]] = []
    if "Investigations" in text or "Enforcement" in text or "Protection" in text:
        for m in _ACTIVITY.finditer(text):
            words = m.group("words").split()
            if (
                # "Protection" names products and services far more often ("Income Loss
                # Protection"): only a name of two fields joined, "Customs and Border Protection"
                (m.group(0).endswith("Protection") and "and" not in words)
                or fold(words[0]) in _NOT_FIRST
                or _ACTIVITY_WORDS & set(words)  # "Law Enforcement and Data Protection": fields
                or not _in_prose(text, m.start(), m.end())
            ):
                continue
            name = " ".join(m.group(0).split(" (", 1)[0].split())
            if m.group("acronym"):
                name += f" ({m.group('acronym')})"
            found.append((m.start(), name))
    if "Government of" in text:
        for m in _GOVERNMENT.finditer(text):
            if _in_prose(text, m.start(), m.end()):
                found.append((m.start(), " ".join(m.group(0).split())))
    found.sort()
    out: list[str] = []
    keys: set[str] = set()
    for _, name in found:
        key = _COUNTRY.sub("", fold(name.split(" (", 1)[0]))
        if key not in keys:  # "U.S. Customs and Border Protection", then without "U.S."
            keys.add(key)
            out.append(name)
    return out


_COUNTRY = re.compile(r"^(?:u\.s\.|u s|us|united states) ")
