"""Names that say they are a person by their own shape or by what a release says of them,
where no honorific, title or quote stands by: middle initials, titles ending "in Charge",
descriptors ("Russian individual"), and what is said of defendants ("a/k/a", "pleaded guilty"),
their names in capitals too."""

from __future__ import annotations

import re

from store.ingest.extract.post_nominals import post_nominal_follows
from store.records import Person

# "Bradley T. Smith", "Christopher G. Raia": a given name, one initial, a surname, ending its
# run (not "John F. Kennedy International Airport").
_INITIAL = re.compile(r"[A-Z]\.")
# Role words that end a title right before its holder, without a cue of their own:
# "Assistant Chief Art Nakamura", "Senior Trial Counsel Andrew Kogan".
_TITLE_ENDS = frozenset({"Chief", "Counsel"})
_TITLE_LINKS = frozenset({"of", "for", "and", "in", "on"})
_ARTICLES = frozenset({"The", "A", "An", "Our", "Its", "Their", "This"})
# Words a release puts before a person it describes: "Russian individual Sergey Sergeevich
# Ivanov", "another Russian national, Timur Shakhmametov", "defendant Jane Roe".
_DESCRIPTORS = frozenset(
    {"individual", "national", "national,", "citizen", "citizen,", "defendant", "defendants"}
)
# What follows a described name: the sentence goes on ("who has been identified").
_DESCRIBED_ENDS = re.compile(r"[.,;:]|[ \t]\(|[ \t](?:who|was|is|and|has|had)\b")
# Words a run may open with before the name, a title or a form of address: "Defendant
# Badrinarayanan Kothandaraman", "Miss Lily Goodkind, of Chicago,", "the Honorable Jane R. Roth".
_OPENERS = frozenset(
    {"Defendant", "Defendants", "Miss", "Honorable", "Honourable", "Copyright", "Photo", "Courtesy"}
)
# What a release says right after a defendant's name: "Kai West, a/k/a
# "IntelBroker"", "Sung Soo Shin, of Staten Island, N.Y.,", "Samuel Wesley Mulkey was arrested",
# "finding Christopher Scott Crawford guilty", "Alan W. Filion (18, Lancaster, CA)"; and of
# someone described or promoted: "Pascal Chevrel, French citizen", "announced that Ray
# Krncevic has been promoted" (not "named": "Google Cloud has been named a Leader").
_DEFENDANT_AFTER = re.compile(
    r",?[ \t](?:a/k/a|aka)\b"
    r"|,[ \t]of[ \t][A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,3},"
    r"|[ \t](?:was|were|has[ \t]been|had[ \t]been)[ \t](?:arrested|sentenced|convicted|charged"
    r"|indicted|extradited)\b"
    r"|[ \t](?:has|have|had)[ \t]been[ \t](?:promoted|appointed|elected|hired|sworn)\b"
    r"|,[ \t][A-Z][a-z]+[ \t](?:citizen|national|resident)\b"
    r"|,?[ \t](?:pleaded|pled)[ \t](?:guilty|not[ \t]guilty)\b"
    r"|[ \t]guilty[ \t]of\b"
    r"|[ \t]\(\d{1,3},[ \t]"
)


def _given(token: str) -> bool:
    """A given name's shape: a capital, then small letters (not an initial, not "U.S.")."""
    return len(token) > 1 and (token[1].islower() or token[1] in "’'") and token[-1] != "."


def name_start(
    text: str, tokens: list[str], first: int, stop: int, end: int, last: str
) -> int | None:
    """Where a person's name begins in *tokens[first:stop]* (a piece of a capitalised run
    that ends at *end* in *text*, *last* the word before the run) when nothing else says it
    is one; None when its shape says nothing."""
    while first < stop and tokens[first] in _OPENERS:
        first += 1
    size = stop - first
    if size < 2:
        return None
    # "Special Agent in Charge Robert Hammer": the title's last word opens the run.
    if first == 0 and last == "in" and tokens[0] == "Charge":
        named = size >= 3 and all(_given(t) or _INITIAL.fullmatch(t) for t in tokens[1:stop])
        return 1 if named else None
    # "... Financial Intelligence Bradley T. Smith": a name with its middle initial ends the
    # piece; words before it are the title's or the body's.
    at_end = stop == len(tokens)
    if (
        at_end
        and size >= 3
        and _INITIAL.fullmatch(tokens[stop - 2])
        and _given(tokens[stop - 3])
        and _given(tokens[stop - 1])
        and tokens[stop - 1][-1] not in "'’"
    ):
        if size == 3:
            return first
        # Words before it after "of", "for", "and", "in" or a title's word end the title
        # ("... Financial Intelligence Bradley T. Smith"); else they open a longer name
        # ("Erwin Carmelo T. Escudero").
        if first > 0 or last in _TITLE_LINKS:
            return stop - 3
        return first if size == 4 and _given(tokens[first]) else None
    if size > 4:
        return None
    if (
        first > 1
        and at_end
        and tokens[first - 1] in _TITLE_ENDS
        and tokens[first - 2] not in _ARTICLES
        and not tokens[stop - 1].endswith(("'s", "’s"))
    ):
        # "Assistant Chief Art Nakamura of the Portland Police Bureau"; a title's words before
        # it: not "Chief Lizard Wrangler", a role after a name, "Chief Medical Officer’s" or
        # "Cisco’s Chief Customer Experience Officer". The name ends its run.
        return first
    if first == 0 and at_end and last in _DESCRIPTORS and _DESCRIBED_ENDS.match(text, end):
        # "... Russian national, Timur Shakhmametov." (not "a national Continuing Legal
        # Education course", nor "a British National, Is Charged With")
        return 0
    if at_end and _DEFENDANT_AFTER.match(text, end):
        return first
    if at_end and post_nominal_follows(text, end) and all(_given(t) for t in tokens[first:stop]):
        return first  # "by Nick Gibb MP about funding", "Anne-Marie Hutchinson OBE (Chair ...)"
    return None


# A defendant's name in capitals, as prosecutors write it, with what is said after it: "KAI
# WEST, a/k/a "IntelBroker"", "JOHN A. DOE, 45, of Newark". Words of two letters or more
# with a vowel (not "FBI", "NY"), two or three of them.
_CAPS_WORD = r"(?=[A-Z’'-]*[AEIOUY])[A-Z][A-Z’'-]+"
# What is said after it is looked for first (a pattern opening with a comma is found fast),
# then the name right before it.
_AFTER_DEFENDANT = re.compile(
    r",[ \t](?:a/k/a|aka|also[ \t]known[ \t]as)\b|,[ \t]\d{1,3},[ \t]of[ \t][A-Z]"
)
_CAPITAL_DEFENDANT = re.compile(
    rf"(?<![\w’'-])({_CAPS_WORD}(?:[ \t][A-Z]\.)?(?:[ \t]{_CAPS_WORD}){{1,2}})$"
)
_NAME_CHARS = 60


def capital_defendants(text: str) -> list[Person]:
    """Defendants named in capitals, each in the case the release wrote."""
    found: list[Person] = []
    for after in _AFTER_DEFENDANT.finditer(text):
        at = after.start()
        if text[at - 1 : at].isupper() and (
            m := _CAPITAL_DEFENDANT.search(text, max(0, at - _NAME_CHARS), at)
        ):
            found.append(Person(m.group(1)))
    return found
