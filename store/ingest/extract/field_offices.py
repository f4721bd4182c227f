"""A federal agency's office in a city, named only as its parent's part, is not a body apart.

"the Drug Enforcement Administration (DEA) Louisville Field Division", "the Federal Bureau of
Investigation’s Albuquerque Field Office", "USPIS, Miami Division": a reader lists the agency,
the office a part of it (the dev set's labels give the whole as a spelling of the agency). The
office's own run ("Louisville Field Division") read as one more organisation is a fragment;
where every mention of it hangs on a body the release lists, it goes. So does a kind's words
alone ("Task Force" of "the ... (NCIDE) Task Force").
"""

from __future__ import annotations

import re

from store.ingest.extract.bounded_words import occurrences

# An office by its place: "Louisville Field Division", "Gallup Resident Agency", "El Paso
# Division", "D.C. Field Office". "Field", "Resident" and "Country" say it is a place's; a plain
# "Division" may be a function's ("Criminal Division"), so it is taken only after an
# agency's acronym, never after a possessive.
_OFFICE = re.compile(
    r"(?:(?!(?:Field|Resident|Country)[ ])[A-Z][\w.’'-]*[ ]){1,3}"
    r"(?:(?P<place>Field|Resident|Country)[ ])?(?:Division|Office|Agency)"
)
_ACRONYM_BEFORE = re.compile(
    r"(?:\((?P<b>[A-Z][\w-]{1,10})\)|(?<![\w-])(?P<a>[A-Z]{2,6}))[ ]*,?[ ]$"
)
_LOOK = 120
# An agency's officer named before the office he heads: "DEA Special Agent in Charge William
# Callahan of the ...".
_OFFICER_OF = re.compile(
    r"(?<![\w-])(?P<a>[A-Z]{2,6})[ ](?:[A-Z][\w-]*[ ]){0,3}in[ -]Charge[ ][^;:]{1,60}?[ ]of[ ]the[ ]$"
)


def _hangs_on(text: str, at: int, place: bool, listed: list[str]) -> bool:
    """Whether the office written at *at* hangs on a listed body: after its acronym; a place's
    office also after its name ("the Federal Bureau of Investigation’s Dallas Field Office").
    Not before "of the" and its name: "the New York Field Office of the Federal Bureau of
    Investigation" is labelled a body of its own as often as a spelling of its parent."""
    before = text[max(0, at - _LOOK) : at]
    m = _ACRONYM_BEFORE.search(before)
    if m is not None:
        acronym = m.group("b") or m.group("a")
        named = before[: m.start()].rstrip()  # "United States Postal Inspection Service (USPIS)"
        if any(
            o == acronym
            or o.endswith(f"({acronym})")
            or o.startswith(acronym + " ")
            or _initials(o) == acronym
            or (m.group("b") and " " in o and named.endswith(o))
            for o in listed
        ):
            return True
    officer = _OFFICER_OF.search(before)
    if officer is not None:
        acronym = officer.group("a")
        if any(
            o == acronym or o.endswith(f"({acronym})") or _initials(o) == acronym for o in listed
        ):
            return True  # "DEA Special Agent in Charge William Callahan of the St. Louis Division"
    if place:
        head = before.rstrip(" ,")
        for tail in ("’s", "'s"):
            head = head.removesuffix(tail)
        if any(head.endswith(o) for o in listed if " " in o):
            return True
    return False


def _initials(name: str) -> str:
    """ "U.S. Postal Inspection Service": "USPIS" (a dotted word gives each of its capitals)."""
    letters: list[str] = []
    for word in name.split():
        if "." in word:
            letters.extend(ch for ch in word if ch.isupper())
        elif word[:1].isupper():
            letters.append(word[0])
    return "".join(letters)


# An agency and its office in a city written as one name, after the agency's acronym or a comma:
# "Drug Enforcement Administration (DEA), Miami Field Division", "Federal Bureau of
# Investigation, Newtown Square Resident Agency"; not "Federal Bureau of Investigation Resident
# Agency", where no mark says where the agency's name ends.
_WITH_OFFICE = re.compile(
    r"(?P<parent>.+?(?:\([A-Z][\w-]{1,10}\)(?:,[ ]|[ ])|[a-z],[ ]))(?P<office>"
    + _OFFICE.pattern
    + r")"
)


def _parent_of(name: str) -> str:
    """*name* without a city's office written after its agency; *name* itself otherwise."""
    m = _WITH_OFFICE.fullmatch(name)
    if m is None or m.group("place") is None or " " not in m.group("parent"):
        return name
    return m.group("parent").rstrip(", ")


def without_field_offices(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """*organisations* without a place's office that the text names only as a listed body's
    part, and without the office written after its agency in one name."""
    if any(", " in o or " Field " in o or " Resident " in o for o in organisations):
        organisations = tuple(_parent_of(o) for o in organisations)
    if len(organisations) < 2 or (
        "Division" not in text and "Office" not in text and "Agency" not in text
    ):
        return organisations
    listed = [o.split(" (", 1)[0] if o.endswith(")") else o for o in organisations]
    listed += [o for o in organisations if o.endswith(")")]
    out = []
    for name in organisations:
        m = _OFFICE.fullmatch(name)
        if m is not None:
            others = [o for o in listed if o != name]
            spots = occurrences(text, name)
            if spots and all(
                _hangs_on(text, s, m.group("place") is not None, others) for s in spots
            ):
                continue
        out.append(name)
    return tuple(out) if len(out) < len(organisations) else organisations


# A part of an agency written after it with a dash: "Internal Revenue Service - Criminal
# Investigation", "IRS – Criminal Investigation" (organisation_parts.whole_around reads the
# acronym's; this the full name's).
_DASHED_PART = re.compile(
    r"[ ]?[–—-][ ]?((?:[A-Z][a-z]+[ ]){0,3}(?:Criminal[ ]Investigations?|Division|Unit|Section))"
    r"(?![\w-])"
)


def with_dashed_parts(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """*organisations* with an agency's name taken with the part the text writes after it with
    a dash, where every mention of it has that part."""
    if " - " not in text and "–" not in text and "—" not in text:
        return organisations
    out = []
    for name in organisations:
        spots = occurrences(text, name) if " " in name and not name.endswith(")") else []
        parts = {
            m.group(0) if (m := _DASHED_PART.match(text, at + len(name))) else None for at in spots
        }
        if len(parts) == 1 and (part := parts.pop()) is not None:
            name += part
        out.append(name)
    return tuple(out)


# Words of a body's kind that name no body on their own: "Task Force" of "the Northern
# California Illicit Digital Economy (NCIDE) Task Force", cut at its bracketed acronym.
_BARE_KINDS = frozenset({"task", "strike", "force", "forces", "strategic", "initiative"})


def without_bare_kinds(organisations: tuple[str, ...]) -> tuple[str, ...]:
    """*organisations* without a name made of a kind's words alone ("Task Force", "Strike
    Force"): the tail of a name its acronym cut, not a body."""
    kept = tuple(o for o in organisations if not _BARE_KINDS.issuperset(o.lower().split()))
    return kept if len(kept) < len(organisations) else organisations
