"""One entry for each body a release names, however many ways it is spelt.

The readers of organisations each add what they find, and the same body comes out twice:
"FBI" beside "Federal Bureau of Investigation (FBI)", "Department of Energy" beside "U.S.
Department of Energy", "Justice Department" beside "Department of Justice", "Mehr Demokratie
e.V." beside "Mehr Demokratie", a ministry with and without its capital. A reader counts one
body; the organisations column and its facet should too (issue 10: "the same body appears
under two names"). The spellings are compared without case, accents, punctuation, a leading
article or country, a trailing legal form or bracketed acronym; a bare acronym is the name whose
initials it spells, or that the text defines with it ("... Explosives (ATF)"); a short form is
the full name it opens ("Kokomo Police", "United States District Court" before "for the Southern
District of Illinois"); a body's channel is the body ("Library of Congress Website", "... Office
on Facebook"). The longest spelling is kept where the first stood, with the acronym folded in.
Two bodies a run joined with "and" ("HSI and Hazleton Police Department") are two entries.
"""

from __future__ import annotations

import re

from store.ingest.extract.organisation_parts import capital_initials
from store.sanitize import fold

_BRACKET = re.compile(r"[ \t]*\(([^()]*)\)$")
_NOT_WORD = re.compile(r"[^\w&]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ARTICLES = frozenset("the la le les l el los las die der das".split())  # noqa: SIM905
_COUNTRIES = (("united", "states"), ("u", "s"), ("us",), ("united", "kingdom"), ("uk",))
_LEGAL_FORMS = frozenset(
    "inc incorporated ltd limited llc llp lp plc corp corporation co gmbh ev ag sa sas bv nv".split()  # noqa: SIM905
)
# What a full name adds to its short form: its kind, or where it sits.
_LONGER_FORM = re.compile(
    r"department|office|(?:(?:for|of|in) )?(?:the )?(?:\w+ ){0,2}(?:district|county|state)\b.*"
)
# Two bodies joined by "and": an acronym first, or a federal body's name second.
_PAIR = re.compile(
    r"(?:([A-Z]{2,6})|([A-Z][^ ]* .+?)) and "
    r"(?(1)([A-Z].*)|((?:U\.S\.|United[ ]States)[ ][A-Z].*))"
)
_NOT_BODIES = frozenset(
    {"AI", "UK", "US", "USA", "IT", "IP", "HR", "PR", "ESG", "IOT", "VR", "AR", "ML"}
)
# A name that lists its fields goes on after its comma ("..., Tobacco, Firearms and Explosives");
# "US Secret Service, San Francisco Field Office" is a body and its office.
_LISTED = re.compile(r",[^,]+(?:,| and | & )")
# A county before its state and its body: "Dickinson County, " of "Dickinson County, Kansas
# Sheriff’s Office".
_COUNTY_BEFORE = re.compile(r"(?:[A-Z][a-z]+[ ]){1,2}County,[ ]$")
# The states a county's body may be named with after the comma.
_STATE_WORDS = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia"
    " Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts"
    " Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New North Ohio Oklahoma"
    " Oregon Pennsylvania Rhode South Tennessee Texas Utah Vermont Virginia Washington West"
    " Wisconsin Wyoming"
)
_STATES = frozenset(_STATE_WORDS.split())
# A number after a name's small word ends the name's run, not the name: "Office for 3".
_NUMBER_AFTER = re.compile(r"(?<=[a-z])[ ](?:for|of|in|on)[ ]\d+$")
# A body's channel, named after it: "Library of Congress Website", "... Office on Facebook".
_CHANNEL = re.compile(
    r"[ ](?:Web|Website|Web[ ]Site|Blog|Newsroom|on[ ](?:Facebook|Twitter|X|LinkedIn|YouTube|Instagram))$"
)


def _words(name: str) -> list[str]:
    name = _BRACKET.sub("", name).replace(".", "").replace("’", "'").replace("'s ", " ")
    words = _NOT_WORD.sub(" ", fold(name)).split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    for country in _COUNTRIES:
        if len(words) > len(country) + 1 and tuple(words[: len(country)]) == country:
            words = words[len(country) :]
            break
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words = words[:-1]
    return words


def _has_legal_form(name: str) -> bool:
    """ "KAP AG", "SKAN Group AG", "AGC Inc.": a firm's whole name."""
    words = _NOT_WORD.sub(" ", fold(_BRACKET.sub("", name).replace(".", ""))).split()
    return len(words) > 1 and words[-1] in _LEGAL_FORMS


def _key(name: str) -> str:
    words = _words(name)
    if len(words) == 2 and words[1] == "department":
        words = ["department", "of", words[0]]  # "Justice Department": "Department of Justice"
    return " ".join(words)


def _initials(name: str) -> str:
    return capital_initials(_BRACKET.sub("", name))


def _spells(acronym: str, name: str, text: str) -> bool:
    """Whether the bare *acronym* is *name*'s: its bracket, its initials or the text's own
    definition of it ("Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)")."""
    if " " not in name:
        return False
    bracket = _BRACKET.search(name)
    if bracket is not None:
        return bracket.group(1) == acronym
    return (
        acronym == _initials(name)
        or acronym == _initials(" ".join(_words_cased(name)))  # "U.S. Department of Justice"
        or f"{name} ({acronym})" in text
    )


def _words_cased(name: str) -> list[str]:
    """*name*'s words after a leading country ("U.S. Department of Justice": "Department of
    Justice"), as written."""
    words = name.split()
    for country in (["U.S."], ["US"], ["United", "States"], ["UK"], ["United", "Kingdom"]):
        if words[: len(country)] == country and len(words) > len(country) + 1:
            return words[len(country) :]
    return words


def _pair(name: str) -> tuple[str, ...]:
    """ "HSI and Hazleton Police Department", "EPA and U.S. Department of Energy": two bodies
    a run joined, each its own; one body's name with "and" in it ("Department of Health and
    Human Services", "AI and Big Data Center of Excellence") stays whole."""
    m = _PAIR.fullmatch(name)
    if m is None or m.group(1) in _NOT_BODIES:
        return (name,)
    return (m.group(1), m.group(3)) if m.group(1) else (m.group(2), m.group(4))


def _rejoined_at_of(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """ "FDA Office" and "Criminal Investigations Kansas City Field Office", which the text
    writes "FDA Office of Criminal Investigations Kansas City Field Office": one name, cut at
    its "of"."""
    out = list(organisations)
    for head in organisations:
        if " " not in head or head.endswith(")") or head not in out:
            continue
        for tail in organisations:
            if tail is head or tail not in out or " " not in tail or _has_legal_form(tail):
                continue  # "Supervisory Board" of "KAP AG": a firm's board, the firm its own entry
            whole = f"{head} of {tail}"
            if whole in text:
                out[out.index(head)] = whole
                out.remove(tail)
                break
    return tuple(out) if len(out) < len(organisations) else organisations


def _with_county(name: str, text: str) -> str:
    """ "Kansas Sheriff’s Office" that the text writes "the Dickinson County, Kansas Sheriff’s
    Office" every time: a county's body, its name cut at the comma before its state."""
    if name.split(" ", 1)[0] not in _STATES:
        return name  # "Palm Beach County, Fuller Center": a place, then another body
    at = text.find(name)
    whole = None
    while at >= 0:
        m = _COUNTY_BEFORE.search(text, max(0, at - 40), at)
        if m is None or (whole is not None and m.group(0) != whole):
            return name
        whole = m.group(0)
        at = text.find(name, at + 1)
    return name if whole is None else whole + name


def _alone(acronym: str, text: str) -> bool:
    """Whether *text* names *acronym* on its own ("the FBI investigated"), not only as the
    head of a longer name ("FBI Mobile Field Office", "FBI’s Child Exploitation Unit")."""
    return re.search(rf"(?<!\w){acronym}(?!\w)(?! [A-Z]|[’']s )", text) is not None


def one_entry_each(organisations: tuple[str, ...], text: str = "") -> tuple[str, ...]:
    """*organisations* with each body once: its longest spelling, where the first stood."""
    if len(organisations) < 2:
        return organisations
    if any(_NUMBER_AFTER.search(o) for o in organisations):
        # "the U.S. Probation Office for 3 years": the sentence's number, not the name's
        organisations = tuple(_NUMBER_AFTER.sub("", o) for o in organisations)
    if " County, " in text:
        organisations = tuple(_with_county(o, text) for o in organisations)
    if any(" and " in o for o in organisations):
        organisations = tuple(part for o in organisations for part in _pair(o))
    if " of " in text:
        organisations = _rejoined_at_of(organisations, text)
    if any(" " in o and _CHANNEL.search(o) for o in organisations):
        # "Company on LinkedIn": a link's label, its one word no body's name.
        organisations = tuple(
            _CHANNEL.sub("", o) if " " in o else o
            for o in organisations
            if " " in _CHANNEL.sub("", o) or not _CHANNEL.search(o)
        )
    groups: dict[str, list[str]] = {}
    for name in organisations:
        groups.setdefault(_key(name) or name, []).append(name)
    # A bare acronym joins the one name that it spells.
    for acronym in [k for k, v in groups.items() if len(v) == 1 and _ACRONYM.fullmatch(v[0])]:
        bare = groups[acronym][0]
        owners = [
            k for k, v in groups.items() if k != acronym and any(_spells(bare, n, text) for n in v)
        ]
        if not owners and not _alone(bare, text):
            # "FBI" beside "FBI Mobile Field Office", and never alone in the text: the office
            # written with its parent is one body with it, as a reader lists it; the parent
            # joins the first such office.
            heads = (bare + " ", bare + "’s ", bare + "'s ")
            owners = [k for k, v in groups.items() if any(n.startswith(heads) for n in v)][:1]
        if len(owners) == 1:
            groups[owners[0]].append(bare)
            del groups[acronym]
    # A short form the full name opens with: "Kokomo Police" and "Kokomo Police Department",
    # "United States District Court" and "... Court for the Southern District of Illinois";
    # a name cut at its comma ("Bureau of Alcohol" of "Bureau of Alcohol, Tobacco, ...").
    for short in [k for k in groups if " " in k]:
        commas = tuple(n + "," for n in groups[short])  # "Bureau of Alcohol, Tobacco, ..."
        fuller = [
            k
            for k in groups
            if k.startswith(short + " ")
            and (
                _LONGER_FORM.fullmatch(k[len(short) + 1 :])
                or any(n.startswith(commas) and _LISTED.search(n, len(short)) for n in groups[k])
            )
        ]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(short))
    # An office named again without its agency: "Indianapolis Field Office" beside "FBI
    # Indianapolis Field Office", the agency's acronym (or its possessive) the only difference.
    for short in [k for k in groups if k.count(" ") >= 2]:
        fuller = [
            k for k in groups if k.endswith(" " + short) and k.count(" ") == short.count(" ") + 1
        ]
        if len(fuller) == 1 and any(
            _ACRONYM.fullmatch(n.split()[0].removesuffix("’s").removesuffix("'s"))
            for n in groups[fuller[0]]
        ):
            groups[fuller[0]].extend(groups.pop(short))
    if len(groups) == len(organisations):
        return organisations
    kept: dict[str, str] = {}
    for names in groups.values():
        spelt = [n for n in names if not _ACRONYM.fullmatch(n)] or names
        best = max(spelt, key=lambda n: (not n.endswith(("'", "’")), len(n)))  # not "Acme'"
        acronyms = [n for n in names if n not in spelt]
        if acronyms and not _BRACKET.search(best) and not best.startswith(acronyms[0]):
            best = f"{best} ({acronyms[0]})"
        for name in names:
            kept[name] = best
    out: list[str] = []
    for name in organisations:
        shown = kept.get(name)
        if shown is not None and shown not in out:
            out.append(shown)
    return tuple(out)
