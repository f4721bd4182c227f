"""Organisations as a careful reader lists them: a sub-office with its parent, fragments cut off."""

from __future__ import annotations

import re

from store.ingest.extract.governing_body import is_council
from store.ingest.extract.organisations import is_org_word
from store.sanitize import fold

# A body's office named after it: "Drug Enforcement Administration, Baltimore District
# Office", "U.S. Postal Inspection Service - Washington Division".
_SUB_OFFICE = re.compile(
    r"(?:[A-Z][\w.’'-]*[ ]){1,3}(?:Field[ ]Office|District[ ]Office|Field[ ]Division|Division|"
    r"Resident[ ]Office|Resident[ ]Agency|Regional[ ]Office)"
)
_SEPARATORS = (", ", " - ", " – ", " — ")


def joined_sub_offices(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Each sub-office the text writes after its parent ("US Secret Service, San Francisco
    Field Office") as one entry, the whole as written, in the place of the two: the parent
    alone is a spelling of that entry, as a careful reader lists them."""
    found = list(organisations)
    parents: set[str] = set()
    for at, office in enumerate(found):
        if _SUB_OFFICE.fullmatch(office) is None:
            continue
        for parent in organisations:
            if parent == office or _SUB_OFFICE.fullmatch(parent) is not None:
                continue
            joined = next((j for s in _SEPARATORS if (j := f"{parent}{s}{office}") in text), None)
            if joined is not None:
                found[at] = joined
                parents.add(parent)
                break
    if not parents:
        return organisations
    return tuple(o for o in found if o not in parents)


# "Sobre la Free Software Foundation Europe", "À propos de l’ANCT": an "About" heading in
# another language before the name.
_ABOUT = re.compile(
    r"(?:Sobre|Acerca[ ]de|À[ ]propos[ ]de|A[ ]propos[ ]de|Über)[ ]+"
    r"(?:(?:la|el|los|las|le|les|die|den|das|der)[ ]+|l['’][ ]?)?"
)
# A common noun before a body's name in a Romance language: "Política de la Free Software
# Foundation Europe", "Secrétaire du Conseil du Trésor" (a person's title).
_HEAD_OF = re.compile(
    r"(?P<head>[A-ZÀ-Þ][\w-]+)[ ]+(?:de[ ]+la|de[ ]+l['’]|del|du|des|de)[ ]+(?=[A-ZÀ-Þ])"
)
# A heading run into the name: "Federal Reserve ActionsThe Federal Open Market Committee".
_GLUED_ARTICLE = re.compile(r"^.*?[a-z](?=(?:The|La|Le|Die|Der|El)[ ][A-Z])")
# An owner's name before the body it owns: "Treasury’s Financial Crimes Enforcement Network".
_OWNER = re.compile(r"[A-Z][\w.&-]*['’]s[ ]+(?=[A-Z])")
# The last word of a unit with a name of its own, which an agency's acronym may own: "CBP’s
# National Targeting Center"; not "HKTDC’s Communications & Public Affairs Department",
# "TOWER’s Medicine and Health Systems", where the owner says whose.
_UNIT_ENDS = frozenset(
    """center centre laboratory institute agency bureau administration academy school
    college hospital museum""".split()  # noqa: SIM905
)
# A law's name before the body it speaks of: "Care Act on the Local Government Association".
_LAW_ON = re.compile(r"^.*?\b(?:Act|Bill|Law|Regulation|Directive)[ ]+(?:on|of|for)[ ]+the[ ]+")
# Fields of public life joined by "and": "Politik und Verwaltung", "Berliner Politik und
# Verwaltung"; not a body.
_FIELDS = frozenset(
    """politik wirtschaft wissenschaft gesellschaft verwaltung kultur medien justiz bildung
    forschung zivilgesellschaft politics economy science society administration culture media
    research education business""".split()  # noqa: SIM905
)
# Kinds of body in the plural: "Committees and Caucuses", "Departments of State": a class
# of them, a menu's heading.
_PLURAL_KINDS = frozenset(
    """committees caucuses boards commissions councils agencies departments offices ministries
    divisions bureaus""".split()  # noqa: SIM905
)
_AND = frozenset(("and", "und", "&", "et", "y", "of"))
# A country by its official name: a place, not an organisation ("Russian Federation").
_STATE = re.compile(
    r"(?:the[ ]+)?(?:Russian[ ]Federation|Swiss[ ]Confederation|United[ ]Arab[ ]Emirates|"
    r"(?:(?:People['’]s|Federal|Islamic|Democratic|Arab|Socialist|Czech|Slovak|Dominican|"
    r"Central[ ]African)[ ]+)*Republic(?:[ ]+of[ ]+(?:the[ ]+)?[A-Z][\w-]+(?:[ ][A-Z][\w-]+)?)?|"
    r"Kingdom[ ]of[ ]+(?:the[ ]+)?[A-Z][\w-]+(?:[ ][A-Z][\w-]+)?|United[ ]Kingdom|"
    r"United[ ]States(?:[ ]of[ ]America)?)"
)
# A document's title, not a body: "Updated Guidance for Foreign Financial Institutions on ...".
_DOCUMENT_OPENERS = frozenset(("updated", "revised", "amended", "proposed", "final", "interim"))
# A service line, not a body: "ICE Contact Center".
_SERVICE_LINE = re.compile(
    r".*[ ](?:Contact[ ]Cent(?:er|re)|Call[ ]Cent(?:er|re)|Help[ ]?Desk|"
    r"Helpline|Hotline|Service[ ]Desk)"
)
# An office by its holder's title alone, no place or body named: "Sheriff’s Office".
_TITLE_OFFICE = re.compile(
    r"(?:the[ ]+)?(?:Sheriff|Mayor|Governor|Attorney|Coroner|Prosecutor|Marshal)['’]s[ ]+Office"
)
# The German word for an association before its name: "Verein Mehr Demokratie".
_ASSOCIATION = re.compile(r"(?:Verein|Förderverein)[ ]+(?=[A-ZÄÖÜ][\w-]*[ ][A-ZÄÖÜ])")


def _defined_without_owner(name: str, owner: str, rest: str, text: str) -> bool:
    """Whether *text* defines an acronym for the body without its owner, right after the
    name: "Treasury’s Financial Crimes Enforcement Network (FinCEN)"."""
    at = text.find(f"{name} (")
    if at < 0:
        return False
    letter = text[at + len(name) + 2 : at + len(name) + 3]
    return letter == rest[:1] and letter != owner[:1]


def _trimmed(name: str, listed: frozenset[str] = frozenset(), text: str = "") -> str | None:
    """*name* without what is not the body's name, or None when nothing is a body's."""
    if (m := _GLUED_ARTICLE.match(name)) is not None:
        name = name[m.end() :]
        if len(name.split()) <= 2:
            return None  # "LiquidityThe Company": a heading and a sentence's subject
    if (m := _ABOUT.match(name)) is not None:
        name = name[m.end() :]
    if (m := _LAW_ON.match(name)) is not None:
        name = name[m.end() :]
    if (m := _ASSOCIATION.match(name)) is not None:
        name = name[m.end() :]
    if (
        _STATE.fullmatch(name)
        or _SERVICE_LINE.fullmatch(name)
        or _TITLE_OFFICE.fullmatch(name)
        or name.split(" ", 1)[0].casefold() in _DOCUMENT_OPENERS
    ):
        return None
    if (
        (m := _HEAD_OF.match(name)) is not None
        and not is_org_word(m.group("head"))
        and fold(name[m.end() :]) in listed
    ):
        # The body named on its own too: "Secrétaire du Conseil du Trésor" beside the
        # council; not a town's name ("Havre de Grace Police").
        return None
    if (m := _OWNER.match(name)) is not None:
        rest = name[m.end() :]
        owner = m.group(0).rstrip()[:-2]
        # Where the text names the body apart from its owner, a body itself, by an acronym of
        # its own ("Treasury’s Financial Crimes Enforcement Network (FinCEN)", not
        # "Liechtenstein’s Financial Market Authority (FMA)"), or the owner is an
        # agency's acronym before a unit with a name of its own ("CBP’s National Targeting
        # Center"); not where the owner says whose a generic unit is ("HKTDC’s
        # Communications & Public Affairs Department", "EHC's Board of Directors"), nor a
        # place's ("Connecticut's Department of ..."), nor an office named by its place
        # ("FBI’s San Diego Field Office").
        named_apart = (
            bool(text)
            and not owner.isupper()  # "CBP's Office of Information Technology (OIT)": CBP's
            and f"the {owner}" in text  # a body ("the Treasury"), not a country
            and _defined_without_owner(name, owner, rest, text)
        )
        unit = (
            owner.isupper()
            and len(rest.split()) >= 3
            and rest.split()[-1].casefold() in _UNIT_ENDS
            and not is_council(rest)
        )
        if (
            (named_apart or unit)
            and len(rest.split()) >= 2
            and any(is_org_word(w) for w in rest.split())
            and _SUB_OFFICE.fullmatch(rest) is None
        ):
            name = rest
    words = name.split()
    if not words:
        return None
    if len(words) == 2 and re.fullmatch(r"[A-Z]\.", words[0]):
        return None  # "V. Landesverband": what follows "e. V.", a German association's form
    plain = [w.casefold() for w in words]
    if (
        len(words) in (3, 4)
        and plain[-2] in ("und", "and")
        and {plain[-3], plain[-1]} <= _FIELDS
        and (len(words) == 3 or not is_org_word(words[0]))
    ):
        return None  # "Berliner Politik und Verwaltung"; not "Ministry of Education and ..."
    if plain[0] in _PLURAL_KINDS and (
        plain[1:2] == ["of"] or all(w in _PLURAL_KINDS or w in _AND for w in plain)
    ):
        return None  # "Committees and Caucuses", "Departments of State": a class of bodies
    return name


def without_fragments(organisations: tuple[str, ...], text: str = "") -> tuple[str, ...]:
    """*organisations* with the words around a body's name cut off, the fragments that name
    none dropped, and each body once (the names cut may be ones found already)."""
    out: list[str] = []
    keys: set[str] = set()
    listed = frozenset(fold(o.split(" (", 1)[0]) for o in organisations)
    for name in organisations:
        trimmed = _trimmed(name, listed, text)
        if trimmed is None:
            continue
        key = fold(trimmed.replace("’s ", " ").replace("'s ", " "))
        if key in keys:
            continue
        keys.add(key)
        out.append(trimmed)
    return tuple(out)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_COUNTRY = re.compile(r"(?:U\.S\.|US|United[ ]States|UK|United[ ]Kingdom)[ ]+")
_MINOR = frozenset("of and for the on in de des du la le et del y für und der &".split())  # noqa: SIM905


def capital_initials(name: str) -> str:
    """ "Bureau of Alcohol, Tobacco, Firearms and Explosives" -> "BATFE": the first letter of
    each capitalised word, its small words ("of", "de", "und") left out."""
    return "".join(w[0] for w in name.split() if w.casefold() not in _MINOR and w[:1].isupper())


def _initials(name: str) -> str:
    return capital_initials(name.split(" (", 1)[0])


def folded_acronyms(organisations: tuple[str, ...], text: str = "") -> tuple[str, ...]:
    """A bare acronym listed beside its full name folded into it, "Full Name (ACRONYM)":
    one body, listed once ("DEA" and "United States Drug Enforcement Administration";
    "Frontex" and "Agencia Europea de la Guardia de Fronteras y Costas", which the *text*
    writes "... Costas (Frontex)"). Without an acronym the text writes only as a web site's
    name ("IRS.gov" in a footer)."""
    bare = {o for o in organisations if " " not in o}
    if not bare:
        return organisations
    folded: dict[str, str] = {}  # a full name: the acronym folded into it
    taken: set[str] = set()
    for name in organisations:
        if " " not in name or name.endswith(")"):
            continue
        for acronym in bare - taken:
            if _ACRONYM.fullmatch(acronym) and acronym in (
                _initials(name),
                _initials(_COUNTRY.sub("", name, count=1)),
            ):
                folded[name] = acronym
                break
            if (
                text
                and f"{name} ({acronym})" in text
                # An acronym in capitals opens as the name does: not "JGC" after a fragment
                # ("Communications Inc. (JGC)"); a short name may not ("... (Frontex)").
                and (not acronym.isupper() or acronym[0] == _initials(name)[:1])
            ):
                folded[name] = acronym  # as the text defines it
                break
        if name in folded:
            taken.add(folded[name])
    out = []
    for name in organisations:
        if name in taken:
            continue
        if name in folded:
            name = f"{name} ({folded[name]})"
        elif text and _ACRONYM.fullmatch(name) and _only_as_site(name, text):
            continue
        out.append(name)
    return tuple(out)


_SITE_END = re.compile(r"\.[a-z]{2,}")


def _only_as_site(acronym: str, text: str) -> bool:
    """Whether every time *text* writes *acronym* it is a web site's name ("IRS.gov")."""
    ends = [at + len(acronym) for at in _uses(acronym, text)]
    return bool(ends) and all(_SITE_END.match(text, at) for at in ends)


# A division an agency's acronym heads: "IRS – Criminal Investigation", "IRS Criminal
# Investigations": the whole is the body named, the acronym alone a fragment of it.
_DIVISION_AFTER = re.compile(
    r"(?:[ ]|[ ]?[–—-][ ]?)((?:[A-Z][a-z]+[ ]){0,3}"
    r"(?:Criminal[ ]Investigations?|Division|Unit|Section|Task[ ]Force))(?![\w-])"
)
# A German or English town whose name has a small word inside, before a body's name that
# starts with the town's last word: "Frankfurt am Main Public Prosecutor’s Office".
_TOWN_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]+[ ](?:am|an[ ]der|ob[ ]der|im|upon)[ ]$")
_TOWN_WORDS = (" am ", " an der ", " ob der ", " im ", " upon ")
_BEFORE = 30  # characters before a name where a town's name is looked for


def _uses(name: str, text: str) -> list[int]:
    """Where *text* writes *name* as a word of its own (found by substring: a pattern opening
    with a look-behind is tried at every position of the text)."""
    at, found = text.find(name), []
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-.")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            found.append(at)
        at = text.find(name, end)
    return found


def whole_around(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Names the text writes longer than found: an acronym with the division after it, a
    body whose name opens with the end of a town's ("Main Public Prosecutor’s Office")."""
    towns = any(word in text for word in _TOWN_WORDS)
    out = []
    for name in organisations:
        if _ACRONYM.fullmatch(name):
            for at in _uses(name, text):
                if (found := _DIVISION_AFTER.match(text, at + len(name))) is not None:
                    name = text[at : found.end()]
                    break
        elif towns:
            for at in _uses(name, text):
                town = _TOWN_BEFORE.search(text, max(0, at - _BEFORE), at)
                if town is not None:
                    name = town.group(0) + name
                    break
        out.append(name)
    return tuple(dict.fromkeys(out))
