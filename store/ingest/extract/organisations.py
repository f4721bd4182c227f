"""Organisations named in a release, with their acronyms: "Full Name (ACRONYM)"."""

from __future__ import annotations

import re
from functools import lru_cache

from store.ingest.extract.forum_names import forum_alone
from store.ingest.extract.national_chapter import is_national_chapter
from store.ingest.extract.vocabulary import (
    COMMON_WORDS,
    HONORIFIC,
    KNOWN_BODIES,
    MONTH_WORDS,
    NOT_NAME_WORDS,
    ORG_SUFFIX,
    ORG_WORD_ENDINGS,
    ORG_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    WEEKDAY_WORDS,
    word_set,
)
from store.sanitize import fold

# A police operation's release names twenty-odd agencies (the dev set's DEA and ICE pages): at
# twenty the last named, the issuer among them, were cut.
MAX_ORGANISATIONS = 40
_SCAN_CHARS = 60_000

# Possessive: what follows a word in a run (spaces, a suffix, an acronym in brackets) never
# starts with a word character, nor what follows the spaces with a space; giving back
# characters never helps, and the failed tries after each capital end sooner.
_CAP = r"[A-ZÀ-ÖØ-Þ0-9][\w&’'.-]{0,40}+"
_CONNECT = r"(?:of|for|and|the|to|on|de|des|du|la|le|las|los|les|el|del|della|y|für|und|der|di|&)"
# A name broken over two lines (hard-wrapped text, a PDF's lines) goes on after a line break
# where a link word ends or opens the next line ("Broadcasting Board of\nGovernors") or the
# next line opens with its kind ("Integrity Advisory\nCommittee"); a line that ends with a
# capitalised word and the next that opens with one are two lines otherwise. A part of a body
# may come a word into the next line: "Housing & Civil\nEnforcement Section".
_GAP = r"(?:[ \t]{1,3}+|[ \t]*+\n[ \t]*+)"
_NEWLINE = r"[ \t]*+\n[ \t]*+"
_KIND_NEXT = (
    r"(?:Committee|Subcommittee|Board|Council|Commission|Foundation|Institute|Association|"
    r"Agency|Department|Authority|Society|University|College|Corporation|Division)\b"
)
# A kind that opens the next line with its field after it opens a name of its own: "Texas
# Center for\nSuperconductivity\nUniversity of Houston" names two bodies.
# A part of a body, a word into the next line: not a heading over a name ("Details\nHook
# Agency"), nor a name repeated on the next line.
_PART_NEXT = r"(?:[A-Z][a-z-]+[ \t]+)?(?:Section|Division|Subcommittee|Bureau)\b"
_RUN = re.compile(
    rf"{_CAP}(?:(?:[ \t]{{1,3}}+(?:{_CONNECT}{_GAP}){{0,3}}|{_NEWLINE}(?:{_CONNECT}{_GAP}){{1,3}}"
    rf"|{_NEWLINE}(?={_KIND_NEXT}(?![ \t]+(?:of|for)\b)|{_PART_NEXT})){_CAP}){{1,24}}"
    rf"(?P<suffix>,?[ \t](?:{ORG_SUFFIX})(?![\w]))?"
    r"(?:[ \t]{0,3}\((?P<acr>[A-Z][A-Za-z0-9&.-]{1,11})\))?"
)
_GROUP_OF_N = re.compile(r"G\d{1,2}(?:[ \t]+(?P<region>[A-Z][a-z]{2,20}))?(?![\w-])")
_HONORIFIC_TOKEN = re.compile(rf"(?:{HONORIFIC})$")
_CONNECTORS = word_set(
    "of for and the to on de des du la le las los les el del della y für und der di &"
)
# Unions used per token, built once: "a | b" inside a loop builds a new set every time.
# Words that open a sentence before a body's name: "Under the Node.js Foundation", "Currently
# the ...".
_SENTENCE_OPENERS = word_set(
    """under currently recently through following including among between within across via
    despite like unlike beyond upon toward towards together plus both either neither
    thanks besides alongside inside outside earlier later previously formerly initially
    finally instead sign-up signup subscribe"""
)
# Ordinals open names ("Second Circuit Court of Appeals", "First National Bank"), and a
# sentence seldom opens with one before a capitalised name.
_OPENERS = (COMMON_WORDS | _CONNECTORS | _SENTENCE_OPENERS) - word_set("first second")
_DATE_WORDS = MONTH_WORDS | WEEKDAY_WORDS
# Pronouns and title abbreviations that a capitalised run picks up from the next sentence:
# "Department of Environmental Protection He", "Judiciary Committee Chairman Sen".
_PRONOUNS = word_set("he she it we they i my our his her their its you your me us them sen rep")
_LOOSE_ENDS = _CONNECTORS | _DATE_WORDS | _PRONOUNS
_NOT_OWN_WORDS = COMMON_WORDS | MONTH_WORDS | word_set("current former entire full whole")
_SUBJECT_OPENERS = COMMON_WORDS | {"l’", "l'"}
# Presidents whose terms releases name as "the X Administration" without naming them.
_PRESIDENTS = frozenset(
    [
        "Nixon",
        "Ford",
        "Carter",
        "Reagan",
        "Bush",
        "Clinton",
        "Obama",
        "Trump",
        "Biden",
        "Harris",
        "Vance",
    ]
)
_LEADERS_TERM = re.compile(r"[A-Z][a-z]+ (?:Administration|Government|Regime)")
# A party's share of a body, not a body: "Republican Congress", "Democratic Majority".
_PARTY_WORDS = word_set("republican republicans democratic democrat democrats gop")
_PARTY_SHARES = word_set("congress administration majority minority leadership house senate")
_HEAD_LINKS = word_set("of for to on de des du del di für der pour para")
_ROLE_LINKS = frozenset({"of", "at", "for", "der", "des", "de", "du", "del", "di", "bei"})
# A founder in the languages of the releases: "Fundador del Hack Club" is the club's founder.
_FOUNDERS = word_set(
    """fundador fundadora cofundador cofundadora fondateur fondatrice cofondateur
    cofondatrice gründer gründerin mitgründer mitgründerin"""
)


def _spellings(alternation: str) -> frozenset[str]:
    """Every string a regex alternation of words matches whole ("Inc\\.?|LLC": Inc, Inc., LLC).

    Only words with escaped dots and an optional final dot are understood, which is all
    that ORG_SUFFIX holds; anything else fails at import.
    """
    found: set[str] = set()
    for alternative in alternation.split("|"):
        optional_dot = alternative.endswith(r"\.?")
        escaped = alternative.removesuffix(r"\.?")
        if not escaped or any(ch in escaped.replace(r"\.", "") for ch in "\\.()[]{}?*+^$|"):
            raise ValueError(f"not a plain word: {alternative!r}")
        word = escaped.replace(r"\.", ".")
        found.update((word, word + ".") if optional_dot else (word,))
    return frozenset(found)


# The words ORG_SUFFIX matches whole ("Inc.", "GmbH"): a set lookup for what was a regex
# match on every new word.
_SUFFIX_WORDS = _spellings(ORG_SUFFIX)
_PORTFOLIO_LIST = re.compile(
    r"(?:,[ \t]+[A-ZÀ-ÖØ-Þ][\w-]+)*,?[ \t]+(?:und|and|y|et)[ \t]+[A-ZÀ-ÖØ-Þ][\w-]+(?![\w-])"
    r"(?![ \t]+[A-ZÀ-ÖØ-Þ])"
)
_HEAD_LINK_RE = re.compile(r" (?:für|for|of|de|del|des|du) [A-ZÀ-ÖØ-Þ]")
# No look-behind: the left edge is checked in code, which keeps the scan fast.
_CAPITALS = re.compile(r"[A-Z][A-Z&]{2,7}(?![\w&-])")
# An acronym standing for itself: "(ICA)" after a name not caught, or the subject of a verb.
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{2,7})\)")
_SUBJECT_VERB = re.compile(
    r"(?:['’]s)?[ \t]+(?:today[ \t]+)?(?:announced|announces|said|says|"
    r"launched|launches|reported|unveiled|welcomes|welcomed|"
    r"annonce|a annoncé|lance|a lancé|anuncia|ha anunciado|lanza|kündigt|startet)\b"
)


def _known_capitals() -> str:
    """A look-behind for an acronym that is a known body's whole name, one for each length
    (a look-behind holds one length): "(?<=(?<![A-Z&])(?:CDC|CIA|...))"."""
    known = sorted(name for name in KNOWN_BODIES if _CAPITALS.fullmatch(name))
    lengths = sorted({len(name) for name in known})
    return "|".join(
        rf"(?<=(?<![A-Z&])(?:{'|'.join(name for name in known if len(name) == n)}))"
        for n in lengths
    )


# The acronyms (:data:`_CAPITALS`) that may stand as names: a known body's, not before a
# colon ("WHO:" in a media advisory: who attends, not the WHO), or the subject of a verb.
# Tested in the scan, so the loop runs for a few of them, not for every acronym; the left
# edge is still checked in code (a look-behind before the capital slows every try). An
# acronym after a letter, a digit or "&" is never one, nor is any match inside it.
_STANDING_CAPITALS = re.compile(
    rf"{_CAPITALS.pattern}(?:(?:{_known_capitals()})(?!:)|(?={_SUBJECT_VERB.pattern}))"
)


def _mixed_case_scans() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One scan for each opening of the mixed-case known bodies ("Euro(?:stat|just|pol)",
    "Interpol"): a literal the regex engine skips to in C ("Of" of "Office" fails at its next
    letter), where one alternation of them all tries every capital they open with; each with
    its literal, looked for first with ``in``."""
    names = sorted((name for name in KNOWN_BODIES if not name.isupper()), key=len, reverse=True)
    openings: dict[str, list[str]] = {}
    for name in names:
        openings.setdefault(name[:2], []).append(name)
    scans = []
    for same in openings.values():
        common = same[0]
        while not all(name.startswith(common) for name in same):
            common = common[:-1]
        rests = "|".join(re.escape(name[len(common) :]) for name in same)
        scans.append((common, re.compile(f"{re.escape(common)}(?:{rests})")))
    return tuple(scans)


# Apart, their matches are those of the one alternation while no name ends with what
# another opens with (a test holds the list to it).
_MIXED_CASE_SCANS = _mixed_case_scans()
# Organisation words that as often name a product's part: "Service Component Architecture".
_PRODUCT_ORG_WORDS = word_set("service services systems software data")
# What a bracketed acronym after these stands for is no body: "Health Insurance Program (SCHIP)".
_NOT_BODY_LAST = frozenset(
    [
        "Program",
        "Programme",
        "Act",
        "Project",
        "Plan",
        "Initiative",
        "Model",
        "System",
        "Index",
        "Standard",
        "Protocol",
    ]
)
_SCAN_STANDALONE = 12_000
_SCAN_KIND = 4_000
_NOT_BODIES = word_set(
    """ceo cfo coo cto cmo cio ceos usa uae usd eur gbp cad aud jpy chf esg ipo etf nft dao api
    gmt est edt pst pdt utc cet cest bst llc ltd inc plc gmbh faq pdf url html covid nasdaq nyse
    otc tsx tsxv asx lse cse otcqb otcqx amex saas b2b b2c roi kpi usb gps ai vr ar iot the and
    for new our its"""
)
# "l'entreprise Algomar", "la empresa municipal de aguas EMASESA": a kind of body, then its
# name. The kind words are found with str.find (fast); the regex reads what follows them.
_KINDS = (
    "empresa ",
    "entreprise ",
    "société ",
    "compañía ",
    "Unternehmen ",
    "asociación ",
    "association ",
    "organisme ",
    "organisation ",
    "organización ",
    "ONG ",
    "Verein ",
)
_GERMAN_KINDS = frozenset({"Unternehmen ", "Verein "})
_NAME_AFTER_KIND = re.compile(
    r"(?:[a-zà-ÿ]{1,14}[ \t]+){0,4}"
    r"([A-ZÀ-Þ][\w&-]{2,30}(?:[ \t]+[A-ZÀ-Þ][\w&-]{1,30}){0,2})"
)


_KEEP_DOT = re.compile(rf"(?:{ORG_SUFFIX}|[A-Z]\.[A-Z]\.)$")


@lru_cache(maxsize=8192)
def _bare(token: str) -> str:
    return token.lower().strip(".,’'")


def is_org_word(token: str) -> bool:
    """Does *token* say its phrase names a body ("Foundation", "Inc.", "Fraunhofer-Institut")?"""
    return _is_plain_org_word(token)


@lru_cache(maxsize=8192)
def _is_plain_org_word(token: str) -> bool:
    word = _bare(token).removesuffix("’s").removesuffix("'s")
    if word in ORG_WORDS or token in _SUFFIX_WORDS:
        return True
    return token[:1].isupper() and len(word) > 6 and word.endswith(ORG_WORD_ENDINGS)


@lru_cache(maxsize=8192)
def _is_org_word(token: str) -> bool:
    """:func:`is_org_word`, and the kinds of body that only a name of one holds (the
    issuer's and the people's readers keep to the shared list)."""
    word = _bare(token).removesuffix("’s").removesuffix("'s")
    if word in _NOT_BODY_WORDS:
        return False  # "Intelligence Community", "Community der Freien Software"
    if _is_plain_org_word(token):
        return True
    if word in _SUB_BODIES:
        return True  # "Criminal Division", "Health Care Subcommittee"
    # "Committees", or a possessive that lost its apostrophe: "Departments"
    return word.endswith("s") and (word[:-1] in _BODY_KINDS or word[:-1] in _SUB_BODIES)


# Parts of a body named as bodies: "Antitrust Division", "Health Care Subcommittee",
# "Organized Crime and Gang Section".
_SUB_BODIES = frozenset({"division", "subcommittee", "section"})
# Organisation words that name a field or a group of people far more often than a body.
_NOT_BODY_WORDS = frozenset({"community", "comunidad", "communities"})


def _acronym_fits(tokens: list[str], acronym: str) -> bool:
    """The acronym's capitals appear in order among the name's initials ("UNOCT")."""
    initials = "".join(
        part[0].upper()
        for token in tokens
        for part in token.split("-")
        if part and part[0].isupper()
    )
    letters = [ch for ch in acronym if ch.isupper()]
    if len(letters) < 2 or not initials or initials[0] != letters[0]:
        return False
    it = iter(initials)
    return all(ch in it for ch in letters)


def _fits_after_country(tokens: list[str], acronym: str) -> bool:
    """:func:`_acronym_fits`, the country that may open the name left out: "U S Department
    of Transportation DOT"."""
    for skip in range(3):
        if skip and _bare(tokens[skip - 1]) not in _COUNTRY_MARKS:
            return False
        if _acronym_fits(tokens[skip:], acronym):
            return True
    return False


_COUNTRY_MARKS = word_set("u s u.s us uk u.k eu")


# Common words that open a place's name: "New Zealand Police", "Los Angeles JCODE Task Force".
_PLACE_OPENERS = word_set("new los las el")
_PLACE_AFTER_OPENER = word_set(
    """york jersey zealand hampshire mexico haven orleans delhi brunswick england south
    angeles alamos vegas cruces paso"""
)


def _opens_place(tokens: list[str]) -> bool:
    """Do *tokens* open with a place whose first word is a common one ("New Zealand")?"""
    return (
        len(tokens) > 1
        and tokens[0][:1].isupper()
        and _bare(tokens[0]) in _PLACE_OPENERS
        and _bare(tokens[1]) in _PLACE_AFTER_OPENER
    )


def _drop_openers(tokens: list[str]) -> list[str]:
    while tokens and (
        (_bare(tokens[0]) in _OPENERS and not _is_org_word(tokens[0]) and not _opens_place(tokens))
        or _bare(tokens[0]) in _DATE_WORDS
        # "WASHINGTON Wheaton Community Hospital": a dateline's place in capitals before it
        or (
            len(tokens) > 2
            and tokens[0].isupper()
            and not tokens[1].isupper()
            and _bare(tokens[0]) in REGION_WORDS
            and len(tokens[0]) > 3
        )
    ):
        tokens = tokens[1:]
    return tokens


# Role words that name a person's office ("Chairman", "Members"), not a field a body's name
# may hold ("Federal Communications Commission", "Global Media Group").
_OFFICE_WORDS = ROLE_WORDS - word_set(
    """communications marketing media public press investor sales business global regional
    national interim acting senior general executive associate board principal lead cabinet
    master volunteer security engineer producer designer architect author agent broker"""
)


def _is_role_word(token: str) -> bool:
    """ "Chairman", "Members", "Director": an office or its plural, not a body's own word."""
    word = _bare(token)
    return not _is_org_word(token) and (
        word in _OFFICE_WORDS or (word.endswith("s") and word[:-1] in _OFFICE_WORDS)
    )


_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d")
# Officers whose title names a portfolio after "of", not their employer.
_PORTFOLIO_ROLES = word_set(
    "minister secretary ministre ministra ministro secretario secretaria secrétaire ministerin"
)


def _trim(tokens: list[str]) -> list[str]:
    """Drop a leading role ("Director General of the"), sentence openers and loose ends."""
    tokens = _drop_openers(tokens)
    for i, token in enumerate(tokens[:7]):
        if token in _ROLE_LINKS:
            # "Chief Operating Officer of", "Geschäftsführerin der": a role, then its employer.
            head = tokens[:i]
            if (
                head
                and (
                    any(_bare(t) in ROLE_WORDS or _bare(t) in _FOUNDERS for t in head)
                    or token in ("der", "des")
                )
                and not any(map(_is_org_word, head))
            ):
                tokens = tokens[i + 1 :]
                if _bare(head[-1]) in _PORTFOLIO_ROLES and not (
                    _is_org_word(tokens[0]) or _bare(tokens[0]) in _OPENERS
                ):
                    # "Minister of Transformation and Public Service", "Secretary of Health
                    # and Human Services": a minister's portfolio; the ministry is named
                    # with its kind ("the Department of Energy")
                    return []
            break
    tokens = _drop_openers(tokens)
    for i, token in enumerate(tokens):
        if i and token in _SUFFIX_WORDS:
            tokens = tokens[: i + 1]  # "Beta Labs LLC on Monday": the name ends at LLC
            break
    while len(tokens) > 1 and (
        _bare(tokens[-1]) in _LOOSE_ENDS
        or (_bare(tokens[-1]) in _OFFICE_WORDS and _bare(tokens[-2]) in _BODY_KINDS)
        # "Advisory Committee on the Redesign ... on April 3", "Supervisory Board on 30 June":
        # a date after the name
        or (
            len(tokens) > 2
            and _DAY.fullmatch(tokens[-1]) is not None
            and (_bare(tokens[-2]) in MONTH_WORDS or tokens[-2] == "on")
        )
    ):
        # "Senate Judiciary Committee Chairman Sen": the body before its officer's title; not
        # "Academy of Truck Accident Attorneys", "Acting Energy Secretary"
        tokens = tokens[:-1]
    if tokens and tokens[-1].endswith(".") and not _KEEP_DOT.search(tokens[-1]):
        tokens[-1] = tokens[-1].rstrip(".")
    if len(tokens) > 1 and tokens[-1].lower().endswith(("’s", "'s")):
        tokens[-1] = tokens[-1][:-2]
    return tokens


def _split_at_people(tokens: list[str], people: list[list[str]]) -> list[list[str]]:
    """Cut a run where a person starts: "... G5 Sahel Général Mohamed ...", "Mr. Saleh and ..."."""
    for i, token in enumerate(tokens):
        if _HONORIFIC_TOKEN.match(token):
            rest = tokens[i + 1 :]
            while rest and (rest[0][:1].isupper() or _HONORIFIC_TOKEN.match(rest[0])):
                rest = rest[1:]
            return [tokens[:i], *_split_at_people(rest, people)]
        if not people:
            continue  # no one to cut out but by an honorific (most runs)
        for name in people:
            if tokens[i : i + len(name)] == name:
                return [tokens[:i], *_split_at_people(tokens[i + len(name) :], people)]
        if i and _is_role_word(tokens[i - 1]):
            # "Board Member Collins", "Chairman Adam I. Klein": a person by their name's parts.
            parts = {part for name in people if len(name) > 1 for part in name}
            end = i
            while end < len(tokens) and (
                _bare_name(tokens[end]) in parts or (end > i and _INITIAL.fullmatch(tokens[end]))
            ):
                end += 1
            if end > i:
                return [tokens[: i - 1], *_split_at_people(tokens[end:], people)]
    return [tokens]


_INITIAL = re.compile(r"[A-Z]\.?")


def _bare_name(token: str) -> str:
    return token.rstrip("’'").removesuffix("’s").removesuffix("'s")


# Abbreviations that open a name rather than end a sentence: "St. Teresa's Academy".
_ABBREVIATIONS = frozenset({"St.", "Ste.", "Mt.", "Ft.", "Sts."})


# Words a company's name ends with that name no field ("Energy", "Health" do: "Ukrainian
# Energy Minister" is a minister's title).
_COMPANY_ENDS = word_set(
    """airlines airways industries technologies holdings systems labs laboratories partners
    ventures enterprises pharmaceuticals therapeutics bancorp bancshares"""
)


def _before_office_or_programme(tokens: list[str]) -> list[list[str]]:
    """A body's name before an officer's title ("Southwest Airlines Chairman of the Board Herb
    Kelleher") or before its programme ("Federal Aviation Administration Airport Improvement
    Program"): the body alone, what follows it is no other body."""
    for i in range(1, len(tokens)):
        if (
            _bare(tokens[i]) in _OFFICE_WORDS
            and tokens[i][:1].isupper()
            and not _is_org_word(tokens[i])
            and (_is_kind(tokens[i - 1]) or _bare(tokens[i - 1]) in _COMPANY_ENDS)
        ):
            return [tokens[:i]]
    if len(tokens) > 3 and tokens[-1] in ("Program", "Programme"):
        # two words of the programme's own at least: "Prison Library Project" is one name
        for j in range(len(tokens) - 3, 0, -1):
            if _bare(tokens[j]) in _BODY_KINDS and tokens[j + 1][:1].isupper():
                return [tokens[: j + 1]]
    return [tokens]


def _split_at_sentences(tokens: list[str]) -> list[list[str]]:
    """A run that crosses a full stop is two runs: "Kingdom of Morocco. This Office"."""
    parts: list[list[str]] = [[]]
    for token in tokens:
        if "--" in token:
            # "DC--Privacy and Civil Liberties Oversight Board": a dateline's dashes glued
            head, _, tail = token.rpartition("--")
            if head:
                parts[-1].append(head.strip("-"))
            parts.append([])
            token = tail
            if not token:
                continue
        parts[-1].append(token)
        if (
            token.endswith(".")
            and len(token) > 2
            and not _KEEP_DOT.search(token)
            and token not in _ABBREVIATIONS
            # "Dr. Lee Silver": a title's dot; the person is cut out of the run next
            and not _HONORIFIC_TOKEN.match(token)
        ):
            parts[-1][-1] = token[:-1]
            parts.append([])
    return [p for p in parts if p]


# The kinds of body a name ends with ("Harvard College", "Technical Steering Committee"), not
# the fields a name may end with ("Department of Health and Human Services").
_BODY_KINDS = word_set(
    """office organization organisation agency association council commission committee
    foundation institute institution university bank group corporation company ministry
    department directorate authority federation union society center centre network alliance
    coalition board service administration bureau trust church school college hospital club
    league party forum laboratory academy museum library court police chamber inc inc. ltd
    ltd. llc plc gmbh corp corp. division subcommittee"""
)
_AND_WORDS = frozenset({"and", "&", "und", "et", "y"})
# Kinds of body named by what they are "of": "Department" alone is no name.
_NEEDS_OF = frozenset({"Department", "Ministry", "Office", "Bureau", "Directorate", "Secretariat"})
# Free software as a cause, in the languages of the releases: a concept, not a body.
_CAUSE_WORDS = word_set("free freie freien freier freies libre libres open offene offenen")
_CONCEPT_WORDS = _CAUSE_WORDS | word_set("software logiciel logiciels source")


def _split_at_and(tokens: list[str]) -> list[list[str]]:
    """ "Justice Department and the Internal Revenue Service", "Harvard College and Yale Law
    School": two bodies joined by "and"; "Department of Health and Human Services" is one."""
    for i in range(1, len(tokens) - 1):
        if tokens[i] not in _AND_WORDS:
            continue
        left, right = tokens[:i], tokens[i + 1 :]
        article = right[0].lower() in ("the", "la", "le", "el", "die", "der", "les", "los")
        if article:
            right = right[1:]
        if not right or not right[0][:1].isupper():
            continue
        closed = (
            _bare(left[-1]).removesuffix("s") in _BODY_KINDS
            or (len(left) > 1 and left[-1].isupper() and left[-1].isalpha() and len(left[-1]) > 1)
            # "National Institutes of Health NIH and Centers for Disease Control ..."
            or (len(left) > 1 and len(right) > 1 and right[0] == left[0])
            # "Canada Post and Canada Border Services Agency": each opens with the country
        )
        if article or (
            closed
            and tokens[i] != "&"
            and (_bare(right[-1]) in _GENERIC_KINDS or _is_organisation(_trim(list(right))))
        ):
            return [left, *_split_at_and(right)]
    return [tokens]


# Plurals naming a class of bodies, not one: "Reporting Organizations", "Member Companies".
_CLASS_PLURALS = word_set(
    """organizations organisations institutions agencies associations universities
    hospitals banks schools colleges councils departments ministries offices
    authorities bodies entities firms charities nonprofits non-profits"""
)
# Kinds of public body that a release names short once it has named it in full ("the
# Supreme Court", "the Appropriations Committee"); a company's short name is no such thing.
_PUBLIC_KINDS = word_set(
    """committee subcommittee court assembly commission council department ministry office
    agency board administration division bureau foundation institute association society
    federation alliance"""
)

# A body's possessive that lost its apostrophe (scraped pages): "Justice Departments Criminal
# Division", "Federal Highway Administrations emergency fund".
_LOST_POSSESSIVES = frozenset(kind + "s" for kind in _PUBLIC_KINDS)


def _split_at_possessive(tokens: list[str]) -> list[list[str]]:
    """ "Linux Foundation’s Core Infrastructure Initiative": the foundation, and its
    initiative; not "St. Teresa's Academy" nor "Children's Hospital"."""
    if (
        len(tokens) > 2
        and tokens[0].endswith(("’s", "'s"))
        and (_is_kind(tokens[0][:-2]) or _owner_apart(tokens[0][:-2], tokens[1:]))
    ):
        # "the University’s Institute of Biodiversity ...": the university named before,
        # its institute named here
        return _split_at_possessive(tokens[1:])
    for i, token in enumerate(tokens[:-1]):
        if i and token.endswith(("’s", "'s")):
            left = [*tokens[:i], token[:-2]]
            if (
                _is_org_word(token[:-2])
                or _owner_apart(token[:-2], tokens[i + 1 :])
                or _is_organisation(_trim(list(left)))
            ):
                # "Washington College of Law’s Collaboration on Government Secrecy"
                return [left, *_split_at_possessive(tokens[i + 1 :])]
    return [tokens]


def _owner_apart(word: str, owned: list[str]) -> bool:
    """Is *word*, before "’s", a country ("Canada’s Royal Canadian Mounted Police", "the
    United Kingdom’s National Crime Agency") or a body known by one word ("Europol’s European
    Cybercrime Centre"), never the first word of what it owns (*owned*)? A place's office
    named by its kind is the place's: "Connecticut's Department of Environmental Protection"."""
    if word in KNOWN_BODIES and not word.isupper():
        return True
    return _bare(word) in REGION_WORDS and not (
        len(owned) > 2 and _bare(owned[0]) in _HEAD_KINDS and owned[1] in ("of", "for")
    )


def _split_at_lost_possessive(tokens: list[str]) -> list[list[str]]:
    """ "Justice Departments Criminal Division" names two bodies: the Justice Department and
    its Criminal Division; "Federal Highway Administrations" is the administration."""
    for i, token in enumerate(tokens):
        if i and token[:1].isupper() and token.lower() in _LOST_POSSESSIVES:
            rest = tokens[i + 1 :]
            if not rest:
                name = _drop_openers(tokens[:i])
                if token.lower() in _CLASS_PLURALS or any(t in _CONNECTORS for t in name):
                    # "Senate Small Business and Commerce Committees": two of them;
                    # "International Organization of Securities Commissions": its members
                    break
                return [[*tokens[:i], token[:-1]]]
            if rest[0][:1].isupper() and any(map(_is_org_word, rest)):
                return [[*tokens[:i], token[:-1]], *_split_at_lost_possessive(rest)]
    return [tokens]


def _is_kind(token: str) -> bool:
    """ "Coalition", "Committees", "LLC": a kind of body, not a field ("Health")."""
    word = _bare(token)
    return word in _BODY_KINDS or word.removesuffix("s") in _BODY_KINDS or token in _SUFFIX_WORDS


def _is_one_kind(token: str) -> bool:
    """ "Coalition", "LLC": one body's kind; "Schools and Colleges" are its members."""
    return _bare(token) in _BODY_KINDS or token in _SUFFIX_WORDS


def _split_at_of(tokens: list[str]) -> list[list[str]]:
    """ "Africa Focus Group of the Global Coalition" names two organisations."""
    for i, token in enumerate(tokens):
        if (
            token == "on"
            and tokens[i + 1 : i + 2] == ["the"]
            and not any(map(_is_org_word, tokens[:i]))
            and any(map(_is_one_kind, tokens[i + 2 :]))
        ):
            # "CyberTipline on the National Center for Missing & Exploited Children": a thing
            # on a body's site, then the body
            return [tokens[:i], *_split_at_of(tokens[i + 2 :])]
        if token == "of" or (token == "for" and tokens[i + 1 : i + 2] == ["the"]):
            # "Event Committee for the Arthritis Foundation" names two as well
            left, right = tokens[:i], tokens[i + 1 :]
            while right and right[0] in _CONNECTORS:
                right = right[1:]
            if any(map(_is_org_word, left)) and any(map(_is_one_kind, right)):
                if all(
                    t in _NEEDS_OF
                    or _bare(t) in _HEAD_KINDS
                    or _bare(t) in _COUNTRY_MARKS
                    or _bare(t) in _OPENERS
                    for t in left
                ):
                    # "U.S. Department of Health and Human Services", "University of
                    # Virginia School of Law": one name
                    continue
                return [left, *_split_at_of(right)]
    return [tokens]


# Kinds of body a name may open with, its field after them: "Ministry of Health", "Comisión
# Europea", "Stadt Dortmund". Words that only end a name ("Service", "Health", "Technologies")
# open a heading or a product far more often ("Service Component Architecture").
_HEAD_KINDS = (
    _BODY_KINDS - word_set("service network inc inc. ltd ltd. llc plc gmbh corp corp.")
) | word_set(
    """fund ministerio ministère ministere ministerium universidad université universite
    universität universitat comité comite comisión comision consejo conseil instituto institut
    fundación fundacion fondation stiftung asociación asociacion agencia agence agentur oficina
    federación federacion fédération cámara chambre museo musée biblioteca bibliothèque colegio
    escuela école centro academia académie ayuntamiento gobierno gouvernement parlamento
    parlement assemblée assemblee secretaría secretaria dirección direccion junta stadt verband
    verein behörde senat senado tribunal banco banque organización organizacion autorité
    autoridad observatoire observatorio secretariat senatsverwaltung"""
)
# What a name's head is linked to its field by: "Office of", "Institute for", "Comité de".
_KIND_LINKS = _HEAD_LINKS - {"to"}
# Prepositions capitalised in a heading ("Support Across Protocols"), never in a body's name.
_TITLE_CASE_PREPOSITIONS = frozenset(
    [
        "Across",
        "Through",
        "Into",
        "From",
        "With",
        "Beyond",
        "Among",
        "Via",
        "Toward",
        "Towards",
        "Despite",
        "Within",
    ]
)
# The words of a body's own committees and groups, named without their body: "Technical
# Steering Committee", "Project Management Committee", "Working Group".
_GENERIC_BODY_WORDS = word_set(
    """technical steering executive advisory core working project management scientific
    organizing organising program programme planning audit nominating compensation
    governance standing joint ad hoc"""
)
_GENERIC_KINDS = word_set("committee group board council subcommittee panel team")


def _is_generic_body(tokens: list[str]) -> bool:
    """Is the name a committee's or a group's, all of its words generic ("Core Technical
    Committee"), or a product's before them ("Apache Tuscany Project Management Committee")?"""
    if _bare(tokens[-1]) not in _GENERIC_KINDS:
        return False
    at = len(tokens) - 1
    while at and _bare(tokens[at - 1]) in _GENERIC_BODY_WORDS:
        at -= 1
    return at == 0 or (len(tokens) - at >= 3 and not any(map(_is_org_word, tokens[:at])))


# Words that with a product's organisation word name a kind of offer, not a body: "Web
# Service", "Desktop Solutions", "Extensive Support Network", "Safety Resources" (a menu's).
_GENERIC_OFFER = word_set(
    """web online internet desktop mobile cloud support customer digital extensive hosting
    managed enterprise solutions network networks technologies safety resources"""
)
# Words of a heading or a sentence, never of a body's name.
_VAGUE_WORDS = word_set("other others additional various several such certain related")


def _is_plural_kind(token: str) -> bool:
    """ "Data Centers", "Trade Unions": a kind of body in the plural, that ends the name of a
    class of them; not a public body's ("Commerce Committees"), nor a company's ("Systems")."""
    word = _bare(token)
    return (
        word.endswith("s")
        and word[:-1] in _BODY_KINDS
        and word[:-1] not in _PUBLIC_KINDS
        and word not in ORG_WORDS
    )


def _opens_with_kind(tokens: list[str]) -> bool:
    """Does the name open with its kind of body ("Office of Counter-Terrorism", "Comité
    Europeo de las Regiones", "Stadt Dortmund"), not with a title ("Board Member Edward")
    or a headline ("Company Looks to Accelerate ...")?"""
    for i, token in enumerate(tokens[:-1]):
        word = _bare(token)
        if word.removesuffix("s") not in _HEAD_KINDS and not (
            len(word) > 6 and word.endswith(ORG_WORD_ENDINGS)  # "Fraunhofer-Institut für"
        ):
            continue
        after = tokens[i + 1 : i + 3]
        if after[0] in _HEAD_LINKS or (
            len(after) > 1
            and after[1] in _KIND_LINKS
            # an English kind inside a title: "Australian Federal Police Remarks on Operation
            # Trojan Shield" is a link's title, not a body named after its kind
            and (i == 0 or word not in _BODY_KINDS)
        ):
            return True  # "Office of", "Coalition to Defeat", "Comisión Europea de"
        if i == 0 and word not in _BODY_KINDS and not any(map(_is_role_word, tokens[1:])):
            # "Comisión Europea", "Stadt Dortmund"; in English the kind ends the name: not
            # "Board Herb Kelleher"
            return True
    return False


# Society as a field, one of two joined by "and", not a body: "Politik und Gesellschaft".
_SOCIETY = word_set("society gesellschaft société societe sociedad sociedade gemeinschaft")
# A chamber that opens its name is a body of trade or a house of parliament: "Chamber of
# Commerce", "Chambre des métiers", "Chamber of Deputies"; else a room ("Chamber of Stars").
_CHAMBERS = frozenset({"Chamber", "Chambre", "Cámara", "Kammer"})
_CHAMBER_FIELDS = word_set(
    """commerce industry industries trade deputies representatives mines mining agriculture
    crafts notaries lawyers advocates physicians architects engineers accountants shipping
    business economy comercio industria diputados representantes commerce métiers
    agriculture députés notaires handwerk"""
)


def _kind_of_field(tokens: list[str]) -> bool:
    """ "Department of Health", "Ministry of Energy": a kind of body and its field, whose word
    ends other bodies' names too ("Acme Health") but is this one's own; not a plural ("Board
    of Directors", "Office of Services": a body's own part, or a kind)."""
    return (
        len(tokens) == 3
        and tokens[1] == "of"
        and _bare(tokens[2]) in ORG_WORDS  # a field word, not "Excellence" by its ending
        and not tokens[2].endswith("s")
        and _opens_with_kind(tokens)
    )


def _is_organisation(tokens: list[str], acronym: str | None = None) -> bool:
    """Do *tokens* name a body? An *acronym* that fits them is a word of their own."""
    if len(tokens) < 2 or len(tokens) > 14:
        return False
    # Each word's organisation-word test and bare form, read once for the tests below.
    orgs = list(map(_is_org_word, tokens))
    if not (True in orgs or tokens[-1] in _SUFFIX_WORDS):
        return False
    if tokens[-1] == "Program":
        return False  # "Airport Improvement Program": a programme, not a body (US spelling)
    if tokens[-1] == "Federal" and not _opens_with_kind(tokens):
        # "FBI Federal" over "Bureau of Investigation": an English adjective ends no name
        return False
    bares = list(map(_bare, tokens))
    if len(tokens) == 3 and tokens[1] in _AND_WORDS and bares[2] in _SOCIETY:
        return False  # "Politik und Gesellschaft", "Science and Society": two fields
    if (
        tokens[0] in _CHAMBERS
        and tokens[1] in _HEAD_LINKS
        and not any(b in _CHAMBER_FIELDS for b in bares[2:])
    ):
        return False  # "Chamber of Stars", "Chamber of Secrets": a room or a title
    opening = orgs.index(True) if True in orgs else len(tokens)
    if opening >= 2 and all(b in ROLE_WORDS or b in _CONNECTORS for b in bares[:opening]):
        return False  # "Senior Managing Director and Group": an officer's title
    if sum(map(str.isdigit, tokens)) >= 2:
        return False  # "Office 202 224 3224 Thursday December 20 2007": a line's numbers
    if tokens[-1] in _NEEDS_OF and _COUNTRY_MARKS.issuperset(bares[:-1]):
        return False  # "U.S. Department" where "of Agriculture" went to the next line
    if any(b.strip("-") in _CAUSE_WORDS for b in bares):
        rest = [
            org
            for org, b in zip(orgs, bares, strict=True)
            if b.strip("-") not in _CONCEPT_WORDS and b not in _CONNECTORS
        ]
        if True not in rest:
            return False  # "Freie Software", "Software Libre", "Anwendungen Freier Software"
    if tokens[0][0].islower() or tokens[0][0].isdigit() or "http" in " ".join(tokens):
        return False
    # Names end with their organisation word ("Acme Foundation", "Beta Labs LLC") or open
    # with it ("Ministry of Health", "Office of Counter-Terrorism"); headings and sentences
    # in title case do neither.
    last = tokens[-1]
    if not (
        orgs[-1]
        or last in _SUFFIX_WORDS
        or _opens_with_kind(tokens)
        or is_national_chapter(tokens, _is_org_word)  # "Open Knowledge Foundation Deutschland"
    ):
        return False
    if (bares[-1] in _CLASS_PLURALS or _is_plural_kind(last)) and not _opens_with_kind(tokens):
        return False  # "Medicare Quality Reporting Organizations": a kind of body, not one
    if not _VAGUE_WORDS.isdisjoint(bares) or not _TITLE_CASE_PREPOSITIONS.isdisjoint(tokens[1:]):
        # "Facial Recognition and Other Biometric Technologies", "Support Across Protocols
        # and Technologies": a heading in title case
        return False
    if len(tokens) == 2 and bares[0] in _PARTY_WORDS and bares[1] in _PARTY_SHARES:
        return False  # "Republican Congress"
    if _is_generic_body(tokens):
        return False  # "Technical Steering Committee": some body's own committee
    # "an FBI Service": one of a known body's; "FCC Services" in the plural is a firm's name
    known = tokens[0] in KNOWN_BODIES and not bares[-1].endswith("s")
    if all(b in _GENERIC_OFFER or b in _PRODUCT_ORG_WORDS for b in bares[known:]):
        return False  # "Web Service", "Desktop Solutions": a kind of product, no one's name
    if "of" in tokens:
        at = tokens.index("of")
        if True not in orgs[:at] and not any(map(_is_one_kind, tokens[at + 1 :])):
            return False  # "Tale of Software": a title, its organisation word a field
    if (
        len(tokens) > 2
        and tokens[-2].lower() == "the"
        and not (
            len(tokens) == 4
            and tokens[0] in _NEEDS_OF
            and tokens[1] == "of"
            and not tokens[3].isupper()  # "Company of the NYSE"
        )
    ):
        # "Technical Advisor to the Company"; not "Department of the Treasury", "Ministry of
        # the Interior": a kind of body and its field after "of the"
        return False
    if (
        bares[-1] in ROLE_WORDS
        and not orgs[-1]
        and not (
            orgs[0]
            and tokens[1] == "of"
            and len(tokens) > 3
            # the officer's title whole: "the Inspector General", not "Council of Europe Member"
            and all(
                b in ("the", "inspector") or b in ROLE_WORDS
                for b in bares[len(bares) - bares[::-1].index("of") : -1]
            )
        )
    ):
        # "Media Relations Manager", "Communications Officer"; not an office named for the
        # officer it serves: "Office of the Attorney General", "Office of Inspector General"
        return False
    # A name needs one word of its own: "Programme Office" alone says nothing.
    own = [
        b
        for t, org, b in zip(tokens, orgs, bares, strict=True)
        if not org and b not in _CONNECTORS and not _is_role_word(t)
    ]
    if (
        acronym is None
        and (not own or all(b in _NOT_OWN_WORDS for b in own))
        and not _kind_of_field(tokens)
    ):
        return False
    return not all(t.isupper() for t in tokens if t not in _CONNECTORS)


def _names_in_run(
    tokens: list[str], suffix: str | None, acronym: str | None, people: list[list[str]]
) -> list[tuple[str, str | None]]:
    """The organisations in one capitalised run, each with its acronym if it has one."""
    parts = [
        cut
        for sentence in _split_at_sentences(tokens)
        for chunk in _split_at_people(sentence, people)
        for joined in _split_at_and(chunk)
        for possessed in _split_at_possessive(joined)
        for owned in _split_at_lost_possessive(possessed)
        for piece in _split_at_of(owned)
        for cut in _before_office_or_programme(piece)
    ]
    if parts and tokens and parts[-1][-1:] != tokens[-1:]:
        acronym = None  # the acronym belonged to a part that was cut away
    names: list[tuple[str, str | None]] = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        name_tokens = _trim(list(part))
        if (
            last
            and acronym is None
            and not suffix
            and len(name_tokens) > 2
            and name_tokens[-1].isupper()
            and name_tokens[-1].isalpha()
            and 2 <= len(name_tokens[-1]) <= 6
            and any(map(_is_org_word, name_tokens[:-1]))
            and _bare(name_tokens[-2]) not in _CONNECTORS
            and _fits_after_country(name_tokens[:-1], name_tokens[-1])
        ):
            # "Energy Information Administration EIA": its brackets stripped by a web copy.
            acronym = name_tokens.pop()
            parts[-1] = parts[-1][:-1]
        if last and suffix:
            name_tokens.append(suffix.strip(" ,\t"))
        fitting = acronym if last and acronym and _acronym_fits(name_tokens, acronym) else None
        if not _is_organisation(name_tokens, fitting):
            continue
        name = " ".join(name_tokens)
        if last and suffix and suffix.startswith(","):
            name = " ".join(name_tokens[:-1]) + ", " + name_tokens[-1]
        fits = last and acronym is not None and _acronym_fits(name_tokens, acronym)
        names.append((name, acronym if fits else None))
    return names


@lru_cache(maxsize=4096)
def _names_in_words(
    words: tuple[str, ...],
    suffix: str | None,
    acronym: str | None,
    people: tuple[tuple[str, ...], ...],
) -> tuple[tuple[str, str | None], ...]:
    """:func:`_names_in_run`, cached: two in five runs with an organisation word recur in
    other releases ("Chief Executive Officer", "Securities and Exchange Commission")."""
    return tuple(_names_in_run(list(words), suffix, acronym, [list(name) for name in people]))


@lru_cache(maxsize=4096)
def _fold(value: str) -> str:
    return fold(value)


def find_organisations(
    text: str, exclude: set[str], people: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Organisations in order of first mention, at most :data:`MAX_ORGANISATIONS`.

    *exclude* holds folded names that are not organisations (people, places);
    *people* the names of the release's people, cut out of capitalised runs.
    """
    found: dict[str, str] = {}  # folded name -> as shown
    text = _without_links_list(text[:_SCAN_CHARS])
    people_tokens = tuple(tuple(name.split()) for name in people)

    translations: set[str] = set()

    def add(name: str, acronym: str | None) -> None:
        key = _fold(name)
        if key in exclude or key in translations or any(key in person for person in exclude):
            return
        if _LEADERS_TERM.fullmatch(name) and (
            name.split()[0] in _PRESIDENTS
            or f"President {name.split()[0]}" in text
            or any(person[-1] == name.split()[0] for person in people_tokens if person)
        ):
            return  # "Bush Administration", "the Obama administration": a president's term
        shown = f"{name} ({acronym})" if acronym else name
        if key in found:
            if acronym and "(" not in found[key]:
                found[key] = shown
            return
        if len(found) < MAX_ORGANISATIONS:
            found[key] = shown

    memo: dict[tuple[str, str | None, str | None], tuple[tuple[str, str | None], ...]] = {}
    for m in _RUN.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "&’'.-"):
            continue
        if text.startswith("![", start - 2):
            continue  # an image's alt text ("[![Internet Defense League](badge.png)]"): a badge
        run, suffix = m.group(0, "suffix")
        if not (suffix or any(map(_is_org_word, run.split()))):
            continue  # no organisation word: a name, a place, a title-case phrase
        key = (run, suffix, m.group("acr"))
        names = memo.get(key)
        if names is None:
            cut = m.start("suffix") if key[1] else m.start("acr") if key[2] else -1
            span = text[start:cut].rstrip(" \t(,") if cut >= 0 else run
            words = span.split()
            # Only the people who could be cut out of this run go into the cache's key.
            bare = {w.rstrip("’'").removesuffix("’s").removesuffix("'s") for w in words}
            nearby = tuple(
                name for name in people_tokens if not name or name[0] in bare or name[-1] in bare
            )
            names = memo[key] = _names_in_words(tuple(words), key[1], key[2], nearby)
        if names and _PRODUCT_AFTER.match(text, m.end()) and _names_product(names[-1][0]):
            names = names[:-1]  # "the Data Access Service (DAS) subprojects": a product's part
        if names and (before := _BEFORE_RUN.search(text, max(0, start - 30), start)):
            names = _after_lead(names, before.group(0), run)
        for name, acronym in names:
            if (
                not acronym
                and text.endswith(name, 0, m.end())
                and _HEAD_LINK_RE.search(name)
                and (more := _PORTFOLIO_LIST.match(text, m.end()))
            ):
                name += more.group(0)  # "Senatsverwaltung für Bildung, Jugend und Familie"
            elif text.startswith(name, start) and (
                kind := _LOWER_KIND_OF.search(text, max(0, start - 16), start)
            ):
                name = kind.group(1) + name  # "the ministry of Transformation and Public Service"
            elif (
                name.startswith("University of ")
                and text.endswith(name, 0, m.end())
                and (campus := _CAMPUS.match(text, m.end()))
                and not any(
                    _fold(w) in NOT_NAME_WORDS or _fold(w) in REGION_WORDS
                    for w in campus.group(1).split()
                )
            ):
                name += campus.group(0)  # "University of California, Irvine": one campus
            elif (
                name.endswith("of Excellence")
                and text.endswith(name, 0, m.end())
                and (field := _EXCELLENCE_IN.match(text, m.end()))
                and not any(
                    _fold(w) in NOT_NAME_WORDS or _fold(w) in REGION_WORDS
                    for w in field.group(0).split()[1:]
                )
            ):
                name += field.group(0)  # "Centre of Excellence in Palaeosciences"
            elif (
                text.startswith(name, start)
                and text[start - 2 : start] in ("d ", "& ")
                and name.count(" ") == 1
                and name.endswith(tuple(_PORTFOLIO_KINDS))
                and (fields := _FIELDS_BEFORE.search(text, max(0, start - 80), start))
            ):
                # "Health, Education, Labor, and Pensions Committee": the committee's fields
                # listed before the last one
                name = fields.group(0) + name
            elif (
                not acronym
                and "(" in text[m.end() : m.end() + 4]
                and text.endswith(name, 0, m.end())
                and (translated := _TRANSLATED.match(text, m.end()))
            ):
                # "Comité de Europa Interoperable (Interoperable Europe Board, en inglés)": one
                # body, its name in another language shown with it, not listed again
                acronym = translated.group(1)
                translations.add(_fold(acronym))
            elif (
                name.split(" ", 2)[1:2] == ["of"]
                and text.startswith(name, start)
                and (above := _CUT_AT_LINE.search(text, max(0, start - 40), start))
                and _acronym_used(above.group(1)[0] + initials(name), text)
            ):
                # "Federal" / "Bureau of Investigation" on two lines of a page's logo, the
                # FBI named: the name's first word went to the line above
                name = f"{above.group(1)} {name}"
            add(name, acronym)
    for m in _GROUP_OF_N.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-"):
            continue
        region = m.group("region")
        if region and (_fold(region) in NOT_NAME_WORDS or forum_alone(m, text)):
            add(m.group(0).split()[0], None)
        else:
            add(" ".join(m.group(0).split()), None)
    if not text.isascii() and (" de " in text or " du " in text):
        # French and Spanish write these: never a pure-ASCII text, nor one without "de"
        for name, acronym in _lower_case_bodies(text):
            longer = [shown for shown in found.values() if name in shown and name != shown]
            if longer and text.count(name) <= sum(text.count(other) for other in longer):
                continue  # "Unión Europea" of "la Agencia de Asilo de la Unión Europea" only
            add(name, acronym)
    for name in _standalone_names(text):
        bracketed, folded = f"({name})", _fold(name)
        if not any(bracketed in shown or key == folded for key, shown in found.items()) and not (
            any(shown.startswith(name + " ") for shown in found.values())
            and _only_opens_names(text, name)
        ):
            add(name, None)
    return tuple(shown for shown in found.values() if not _is_venue_or_kind(shown, text))


# A capitalised word that ends the line above a name: its first word, cut off by the break.
_CUT_AT_LINE = re.compile(r"(?<![\w-])([A-Z][a-z]{2,20})[ \t]*\n\s*$")


def _acronym_used(acronym: str, text: str) -> bool:
    """Does *text* use *acronym* as a word of its own ("the FBI said")?"""
    return re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text) is not None


# What the words before a run say of its first name: a kind of office ("your local ICE
# Office"), a minister's portfolio ("los ministros de Interior y de Política Territorial del
# Gobierno de España"), a place ("en Luxemburgo del Consejo de Ministros").
_BEFORE_RUN = re.compile(
    r"(?<![\w-])(?:(?P<local>your[ \t]+local|your)|(?P<minister>(?:minist(?:ro|ra|re|er)s?|"
    r"secretar(?:y|ies|io|ios|ia|ias))[ \t]+(?:of|for|de|del|de[ \t]+la|d[’']))|(?P<place>en|in))"
    r"[ \t]+$"
)
_PORTFOLIO_END = re.compile(r" (?:del|of the|de la|de los|des|du) ")


def _after_lead(
    names: tuple[tuple[str, str | None], ...], lead: str, run: str
) -> tuple[tuple[str, str | None], ...]:
    """*names* (of *run*) read with the words before the run (:data:`_BEFORE_RUN`)."""
    first, acronym = names[0]
    if not run.startswith(first):
        return names
    if lead.startswith("your"):
        return names[1:]  # "your local ICE Office": whichever office is near the reader
    words = first.split()
    if lead.startswith(("en", "in")):
        if (
            len(words) > 3
            and words[1] in ("del", "of")
            and not _is_org_word(words[0])
            and _bare(words[2]) in _HEAD_KINDS
        ):
            # "en Luxemburgo del Consejo de Ministros de Interior": the place, then the body
            return ((" ".join(words[2:]), acronym), *names[1:])
        return names
    # After a minister's title: the portfolio, then the government whose it is.
    cut = _PORTFOLIO_END.search(first)
    tail = first[cut.end() :].split() if cut else []
    if tail and _is_organisation(tail):
        return ((" ".join(tail), acronym), *names[1:])
    return names[1:]


# What a product's name qualifies when it is a part of one: "Data Access Service (DAS)
# subprojects", "the Web Services component".
_PRODUCT_AFTER = re.compile(
    r"[ \t]+(?:sub-?)?(?:projects?|components?|modules?|specifications?|libraries|library"
    r"|APIs?|plug-?ins?|extensions?|packages?)\b"
)


def _names_product(name: str) -> bool:
    """Are the organisation words of *name* all words a product's name holds as well
    ("Service", "Systems", "Software", "Data")?"""
    return not any(
        _is_org_word(w) and _bare(w) not in _PRODUCT_ORG_WORDS for w in name.split(" (")[0].split()
    )


# A body's name in another language in brackets after it, the language said.
_TRANSLATED = re.compile(
    r"[ \t]*\(([A-ZÀ-Þ][^()\n,]{2,80}?),[ \t]*(?:en inglés|en anglais|in English|auf Englisch"
    r"|en français|in French|auf Französisch|en español|in Spanish|auf Spanisch|auf Deutsch"
    r"|in German|en allemand|en alemán)\)"
)
# A state university's campus after a comma, the name's end after it: "University of
# California, Irvine)"; not a country ("University of Oxford, England") nor a list.
_CAMPUS = re.compile(r",[ \t]([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?=[)\n;])")
# A kind of body written in lower case before its capitalised field: "the ministry of
# Transformation and Public Service" is the ministry, not its field.
_LOWER_KIND_OF = re.compile(r"(?<![\w-])((?:ministry|department|directorate|agency) of )$")
# The heading of a list of links after a release ("Further information" / "EP Multimedia
# Centre: EU-Venezuela" / "EP Research Service brief on ..."): what the list names are the
# pages it links to, not what the release speaks of.
_LINKS_HEADINGS = (
    "Further information",
    "More information",
    "Related links",
    "Useful links",
    "Links",
    "See also",
    "Weitere Informationen",
    "Plus d'informations",
    "Plus d’informations",
    "Más información",
)


_LINK_LINE = 150  # characters: a link's title is shorter, a paragraph longer
# One regex, its literal "\n" first: tried at line starts only.
_LINKS_HEADING = re.compile(
    "\n(?:" + "|".join(map(re.escape, _LINKS_HEADINGS)) + ")[ \t:*#]*(?:\n|$)"
)


def _without_links_list(text: str) -> str:
    """*text* without a list of links under its heading, up to an "About" heading after it."""
    found = _LINKS_HEADING.search(text)
    if found is None:
        return text
    at, line_end = found.start(), found.end() - 1
    # The list ends where prose or an "About" heading comes back: a line of a paragraph's
    # length ("Forward-Looking Statement" and what it says stay).
    resume = line_end if text[line_end : line_end + 1] == "\n" else -1
    while resume >= 0:
        nxt = text.find("\n", resume + 1)
        line = text[resume + 1 : nxt if nxt >= 0 else len(text)]
        if len(line) > _LINK_LINE or line.startswith("About "):
            return text[:at] + text[resume:]
        resume = nxt
    return text[:at]


# A centre of excellence is named for its field after "in", a word no other name runs on
# over: "DST-NRF Centre of Excellence in Palaeosciences".
_EXCELLENCE_IN = re.compile(r"[ \t]in[ \t](?:[A-Z][\w-]+[ \t](?:and[ \t]|&[ \t])?){0,3}[A-Z][\w-]+")


def _only_opens_names(text: str, acronym: str) -> bool:
    """Does *acronym* only ever open a longer name ("DHS Data Privacy and Integrity Advisory
    Committee"), never stand for its body alone?"""
    at = text.find(acronym)
    while at >= 0:
        end = at + len(acronym)
        edges = text[at - 1 : at] + text[end : end + 1]
        if not any(ch.isalnum() or ch in "&-" for ch in edges) and not _NEXT_CAPITAL.match(
            text, end
        ):
            return False
        at = text.find(acronym, end)
    return True


_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
# The fields a body's name lists before its last one: "Health, Education, Labor, and ".
_FIELDS_BEFORE = re.compile(r"(?:[A-Z][a-z]+,[ \t]){2,5}(?:and|&)[ \t]$")
_PORTFOLIO_KINDS = frozenset({"Committee", "Subcommittee", "Department", "Ministry"})
# Where people meet, named as the place of an event: "at the Alerus Center", "at the
# Perry County Government Center", "at the Javits Center" (a clinic is a practice).
_VENUE_WORDS = frozenset(
    {"Center", "Centre", "Arena", "Hall", "Stadium", "Auditorium", "Pavilion", "Plaza"}
)
# Words that say a centre does work (treats, teaches, trains, holds), so is a body as well as
# a building: "Columbia University Medical Center", "Bexar County Detention Center".
_INSTITUTION_WORDS = word_set(
    """medical health hospital university college school research cancer care training
    resource resources assistance operations detention correctional education surgery
    surgical recovery healing treatment rehabilitation dental space"""
)
_AT_VENUE = re.compile(r"\b(?:at|At)[ \t]+(?:the[ \t]+)?$")
# Rooms and caves, named as places things are in or come from: "the Dinaledi Chamber" (a
# chamber of commerce or of parliament is also spoken of as a body: "... of the Chamber").
_ROOM_WORDS = frozenset({"Chamber", "Cave", "Room"})
_IN_ROOM = re.compile(r"\b(?:at|At|in|In|into|from|inside|named|called)[ \t]+(?:the[ \t]+)?$")
# "a pioneering an award winning Civil Society Organisation": a kind of body, described by
# its adjectives; not "a Naval Criminal Investigative Service investigation" (no adjective),
# "a clinic inside Gulou Hospital", nor the Spanish "a colaborar con la Comisión Europea".
_A_KIND = re.compile(
    r"(?:^|[ \t\n])(?:a|an)[ \t]+(?:(?:[a-z]+-)?(?:[a-z]+(?:ing|ed|al|ic|ive|ful|ous|ent|ant|ary"
    r"|ory|less|ble)|new|leading|major|global|local|independent|award|nonprofit)[ \t]+){1,3}$"
)
# What follows a kind of body described: the sentence goes on, or a clause about it; not a
# noun it qualifies ("a proud McGill University graduate", "a productive FDA Type C meeting").
_AFTER_KIND = re.compile(
    r"[ \t]*(?:[.,;:)\n]|$)|[ \t]+(?:working|operating|that|which|who|with|in|for|of|based|and)\b"
)


def _is_venue_or_kind(name: str, text: str) -> bool:
    """Is *name* a building, a venue, that the release only ever says something is *at*, or
    a kind of body that it only ever says something *is a* (of)? A body is also the subject
    or the object of its sentences ("the Center for Defense UAV Education will ...")."""
    words = name.split()
    if any(w in _CONNECTORS for w in words) or len(words) > 6:
        return False
    before = (
        _AT_VENUE
        if words[-1] in _VENUE_WORDS
        else _IN_ROOM
        if words[-1] in _ROOM_WORDS
        else _A_KIND
    )
    if before is _AT_VENUE and any(
        _bare(w).removesuffix("’s").removesuffix("'s") in _INSTITUTION_WORDS for w in words
    ):
        return False
    at = text.find(name)
    if at < 0:
        return False
    while at >= 0:
        if not before.search(text, max(0, at - 60), at) or (
            before is _A_KIND and not _AFTER_KIND.match(text, at + len(name))
        ):
            return False
        at = text.find(name, at + len(name))
    return True


def _has_lowercase_near(text: str, start: int, end: int) -> bool:
    """Is the text around a match written in ordinary case, not an all-capitals heading?"""
    return any(ch.islower() for ch in text[max(0, start - 30) : end + 30])


# Bodies known by one word or two that no organisation word marks: a legislature, an office,
# two unions of states.
_FEW_WORD_BODIES = ("Congress", "White House", "EU", "UN")
_FEW_WORD_BODY = re.compile(rf"(?<![\w&/.-])(?:{'|'.join(_FEW_WORD_BODIES)})(?![\w&/-])")
_CAPITALISED_ARTICLES = frozenset({"The", "the"})
_NAME_LINKS = word_set("of de du des del der für")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _standing_acronyms(head: str) -> list[tuple[int, str]]:
    """Acronyms standing as names, with where each starts: a known body's ("the FBI"), or a
    verb's subject ("ICA said"), in ordinary text, not at a word's end nor before a colon."""
    names = []
    # Only the acronyms that may be names come out of the scan (most capitals are neither
    # a known body nor a verb's subject), so the loop runs for a few, not for every one.
    for m in _STANDING_CAPITALS.finditer(head):
        start = m.start()
        if start and (head[start - 1].isalnum() or head[start - 1] in "&-"):
            continue
        word = m.group(0)
        if (word in KNOWN_BODIES or _fold(word) not in _NOT_BODIES) and _has_lowercase_near(
            head, start, m.end()
        ):
            names.append((start, word))
    return names


def _mixed_case_bodies(head: str) -> list[tuple[int, str]]:
    """Known bodies written in mixed case ("Europol", "Ofcom") as words of their own."""
    names = []
    for opening, scan in _MIXED_CASE_SCANS:
        if opening not in head:
            continue  # ``in`` passes over the text faster than the scan's search for its literal
        for m in scan.finditer(head):
            edges = head[m.start() - 1 : m.start()] + head[m.end() : m.end() + 1]
            if not any(ch.isalnum() or ch == "-" for ch in edges):
                names.append((m.start(), m.group(0)))
    return names


def _standalone_names(text: str) -> list[str]:
    """Names without an organisation word: known bodies, acronyms used as names, "the company X"."""
    head = text[:_SCAN_STANDALONE]
    names = _standing_acronyms(head)
    # Found with str.find, the regex only where one of them is: most texts name none.
    named = "Congress" in head or "White House" in head or "EU" in head or "UN" in head
    spots = _FEW_WORD_BODY.finditer(head) if named else ()
    for m in spots:
        before = head[max(0, m.start() - 30) : m.start()].split()[-1:]
        after = head[m.end() : m.end() + 2]
        if (
            (not before or not before[0][:1].isupper() or before[0] in _CAPITALISED_ARTICLES)
            and not (before and before[0] in _NAME_LINKS)
            and not (before and _ORDINAL.fullmatch(before[0]))  # "the 109th Congress": a term
            and not (after[:1] == " " and after[1:2].isupper())
            and not (after[:1] == "." and after[1:2].isalnum())
            and _has_lowercase_near(head, m.start(), m.end())
        ):
            # "Congress passed", "the White House said", "EU funding": not the "Library of
            # Congress", the "Mobile World Congress" nor the "White House Office of ..."
            names.append((m.start(), m.group(0)))
    names += _mixed_case_bodies(head)
    if "(" in head:
        for m in _BRACKETED_ACRONYM.finditer(head):
            acronym = m.group(1)
            before = head[max(0, m.start() - 120) : m.start()].split()[-8:]
            if (
                _fold(acronym) not in _NOT_BODIES
                and head.count(acronym) >= 2
                and _acronym_fits(before, acronym)
                and before[-1] not in _NOT_BODY_LAST
                # what it stands for names a body: not "Service Oriented Architecture (SOA)"
                and any(
                    _is_org_word(w) and _bare(w) not in _PRODUCT_ORG_WORDS
                    for w in before[-len(acronym) - 1 :]
                )
            ):
                names.append((m.start(1), acronym))
    opening = text[:_SCAN_KIND]
    # French, Spanish and German texts say "l'entreprise Algomar"; English ones rarely put the
    # kind before the name, and a text in those languages is never pure ASCII.
    for kind in () if opening.isascii() else _KINDS:
        at = opening.find(kind)
        while at >= 0:
            found = _NAME_AFTER_KIND.match(opening, at + len(kind))
            if (
                found
                and (at == 0 or not opening[at - 1].isalpha())
                # German writes every noun with a capital: only the name right after the
                # kind is one ("Verein Digitalcourage"), not a noun further on ("Unternehmen
                # in ein anderes Bundesland").
                and (kind not in _GERMAN_KINDS or found.start(1) == at + len(kind))
            ):
                name = found.group(1)
                after = opening[found.end() : found.end() + 1]
                if (name.isupper() or after in ",.;:)\n") and all(
                    _fold(t) not in NOT_NAME_WORDS for t in name.split()
                ):
                    names.append((found.start(1), name))
            at = opening.find(kind, at + 1)
    names.sort()
    return list(dict.fromkeys(name for _, name in names))


# What a subject is said to be when it is a product: "X, a new open source project".
_PRODUCT_WORDS = word_set(
    """project projects product browser release application app framework library toolkit
    plugin extension game device version edition"""
)


def subject_names(title: str, opening: str, exclude: set[str]) -> list[str]:
    """The organisations a release is about: the capitalised words its headline and its first
    paragraph both open with ("Meridian Telecom restores ..." / "Meridian Telecom said ...").
    """
    head = title.split()
    words = opening[:600].split()
    if len(head) < 2 or not head[0][:1].isupper():
        return []
    try:
        at = words.index(head[0])
    except ValueError:
        return []
    common: list[str] = []
    for mine, theirs in zip(head, words[at:], strict=False):
        bare = theirs.rstrip(",.;:")
        if mine != bare or not (bare[:1].isupper() or bare in _CONNECTORS or bare == "y"):
            break
        common.append(bare)
        if bare != theirs:
            break
    after = words[at + len(common) : at + len(common) + 6]
    if (
        common
        and words[at + len(common) - 1].endswith(",")
        and after[:1] in (["a"], ["an"])
        and any(_bare(w) in _PRODUCT_WORDS for w in after[1:])
    ):
        return []  # "Apache Tuscany, a new Top-Level Project of ...": a product
    while common and (common[-1] in _CONNECTORS or common[-1] == "y"):
        common.pop()
    names = []
    part: list[str] = []
    for token in [*common, "and"]:
        if token in ("and", "&", "y", "et", "und"):
            while part and _bare(part[0]) in _SUBJECT_OPENERS:
                part = part[1:]
            if part and part[0][:2] in ("L'", "L’"):
                part[0] = part[0][2:]
            name = " ".join(part)
            key = _fold(name)
            if (
                part
                and len(part) <= 6
                and key not in exclude
                and not all(_bare(t) in NOT_NAME_WORDS for t in part)
                and (len(part) > 1 or name in KNOWN_BODIES)
            ):
                names.append(name)
            part = []
        else:
            part.append(token)
    return names


_ABOUT_HEADING = re.compile(
    r"[ \t*_#]*(?:About|À propos de|A propos de|Acerca de|Sobre|Über)[ \t]+"
    r"(?:the[ \t]+|l[ae][ \t]+|l['’]|el[ \t]+|die[ \t]+|der[ \t]+|das[ \t]+)?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ0-9][^\n.:;!?*_]{1,80}?)[ \t*_:]*$"
)


def about_names(lines: list[str]) -> list[str]:
    """Organisations introduced by an "About X" heading (the boilerplate paragraph's title)."""
    names = []
    for at, line in enumerate(lines):
        if len(line) > 100 or line.lstrip(" \t*_#")[:1] not in "AÀSÜ":
            continue
        m = _ABOUT_HEADING.match(line)
        name = m.group("name").strip() if m else ""
        words = name.split()
        if not words or len(words) > 8 or "," in name or "@" in name:
            continue
        if len(words) == 1 and _bare(name) in NOT_NAME_WORDS:
            continue  # "About the Company", "About Us"
        following = next((nxt.strip() for nxt in lines[at + 1 : at + 4] if nxt.strip()), "")
        if following.startswith(("* ", "- ", "• ", "+ ")):
            continue  # "About Tor" over a list of links: a site's menu in its footer
        names.append(name)
    return names


def merge_organisations(found: tuple[str, ...], more: list[str]) -> tuple[str, ...]:
    """*found* plus the names of *more* that none of them already names."""
    out = list(found)
    keys = [_merge_key(name) for name in out]
    for name in more:
        key = _merge_key(name)
        if len(out) >= MAX_ORGANISATIONS:
            break
        if not key or any(key in k or (k in key and len(k) > 3) for k in keys):
            continue
        out.append(name)
        keys.append(key)
    return tuple(out)


def _merge_key(name: str) -> str:
    """ "The Apache Software Foundation" and "Apache Software Foundation (ASF)" alike."""
    key = _fold(name.split(" (", 1)[0] if name.endswith(")") else name)
    return key[4:] if key.startswith("the ") else key


# What is never an organisation's name, though capitalised like one: a photo credit
# ("National Cancer Institute on Unsplash"), a table's column ("Fund Name"), a heading.
_NOT_ORGANISATION = re.compile(
    r"(?:Fund Name|Highlight\w*\b.*|.+ on (?:Unsplash|Pexels|Pixabay)|(?:the )?Board of Directors|Us|Me)"
)
# "Stoltenberg of the North Atlantic Treaty Organization", "Fellow of the American College of
# Surgeons": a word of a sentence glued to the body's name by "of the".
_OF_THE = re.compile(r"(?P<head>[^\s,()]+(?: [^\s,()]+)?) of the (?P<tail>.+)")
# Two people joined by "and", each a first name (an initial maybe) and a surname.
_TWO_PEOPLE = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'’-]+ and [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'’-]+"
    r"(?=$| of )"
)
# Words of a title before people's names: "Assistant District Attorneys", "Board Members".
_TITLE_EXTRA = frozenset({"district", "u.s.", "us", "special", "state", "county", "city"})


def _is_title_word(word: str) -> bool:
    bare = word.lower().strip(".,")
    return bare in ROLE_WORDS or bare in _TITLE_EXTRA or bare.removesuffix("s") in ROLE_WORDS


_TITLE_HEADS = frozenset({"journal", "proceedings", "annals", "bulletin", "review", "gazette"})
_LEGAL_END = re.compile(r"(?:Inc|LLC|Ltd|GmbH|Corp|PLC|S\.A|AG|LLP)\.?$")
_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "&", "de", "du"})


def initials(name: str) -> str:
    """ "Securities and Exchange Commission" -> "SEC": the first letters of its words,
    without the little words ("of", "and", "the")."""
    return "".join(
        word[0] for word in name.replace("-", " ").split() if word.lower() not in _FUNCTION_WORDS
    ).upper()


def tidy_organisations(found: tuple[str, ...], people: set[str]) -> tuple[str, ...]:
    """*found* with an acronym folded into its full name when both are there (the full name
    stays), and without fragments: photo credits, headings, people (*people*: folded names),
    "X of the Y" sentence pieces (the body, Y, stays when it names one)."""
    out: list[str] = []
    for name in found:
        if _NOT_ORGANISATION.fullmatch(name) or fold(name) in people:
            continue
        words = name.split()
        if len(words) == 2 and words[0] in _PREPOSITIONS and not is_org_word(words[1]):
            continue  # "In Europe:" over a list of contacts: a place, not a body
        if (
            " and " in name
            and (two := _TWO_PEOPLE.search(name)) is not None
            and not any(map(is_org_word, two.group(0).replace(" and ", " ").split()))
            and all(_is_title_word(w) for w in name[: two.start()].split())
        ):
            # "Assistant District Attorneys Maria Leonardi and John Holmes of the District
            # Attorney's Frauds Bureau": people with their title, then (maybe) their body.
            body = name[two.end() :].removeprefix(" of the ").removeprefix(" of ")
            if body == name[two.end() :] or not any(is_org_word(w) for w in body.split()):
                continue
            name = body
        if " of the " in name and (m := _OF_THE.fullmatch(name)) and not _LEGAL_END.search(name):
            head_words = m.group("head").split()
            if not any(is_org_word(w) for w in head_words) and (
                fold(head_words[0]) not in _TITLE_HEADS
            ):
                tail = m.group("tail")
                if not any(is_org_word(w) for w in tail.split()) or _NOT_ORGANISATION.fullmatch(
                    tail
                ):
                    continue
                name = tail
        if name not in out:
            out.append(name)
    out = _one_name_each(out)
    acronyms = {n for n in out if 2 <= len(n) <= 10 and n.isupper() and " " not in n}
    if not acronyms:
        return tuple(out)
    spelled: set[str] = set()
    for name in out:
        if name in acronyms:
            continue
        if name.endswith(")") and (m := _SPELLED_OUT.search(name)):
            spelled.add(m.group(1))
            name = name[: m.start()]
        if " " in name:
            spelled.add(initials(name))
    return tuple(name for name in out if name not in acronyms or name not in spelled)


_SPELLED_OUT = re.compile(r"\(([A-Z][A-Za-z0-9&.-]{1,11})\)$")
# A capitalised preposition before one word is a label ("In Europe:"), not a body's name.
_PREPOSITIONS = frozenset({"In", "At", "On", "For", "To", "By", "From", "With"})
# A body's own governing bodies: "the Foundation's Board", "Conseil de la FSFE".
_GOVERNING = word_set("board council conseil consejo vorstand präsidium assembly assemblée")
_OF_ACRONYM = re.compile(
    r"(?P<body>[A-Za-zÀ-ÿ]+) (?:of the|of|de la|de l'|de l’|del|de|der|des) (?P<acronym>[A-Z]{2,8})"
)
_KIND_FIRST = re.compile(r"(?:(?:U\.S\.|US|U S|United States) )?(Department|Ministry) of (.+)")


def _one_name_each(names: list[str]) -> list[str]:
    """*names* with one name for each body: a short form of a name also there ("Supreme
    Court" and "U.S. Supreme Court", "Apache Software" and "Apache Software Foundation"),
    "Justice Department" and "Department of Justice", and a body's own board or council
    ("Acme Foundation Board", "Conseil de la FSFE") left out or named by its body."""
    written = [name.split(" (", 1)[0] if name.endswith(")") else name for name in names]
    bare = [
        _EU_BODIES.get(key, key)
        for key in (_country_named_short(_legal_form_spelled_out(_fold(name))) for name in written)
    ]
    dropped = _shorter_or_glued(written, bare)
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        if i in dropped:
            continue
        key = bare[i]
        words = name.split()
        if (
            len(words) > 2
            and _bare(words[-1]) in _GOVERNING
            and _fold(" ".join(words[:-1])) in bare
        ):
            continue  # "Acme Foundation Board": the Foundation's board
        if (m := _OF_ACRONYM.fullmatch(name)) and _bare(m.group("body")) in _GOVERNING:
            name = key = m.group("acronym")  # "Conseil de la FSFE": the FSFE's council
            if _fold(name) in bare:
                continue
        if (m := _KIND_FIRST.fullmatch(written[i])) is not None:
            key = _fold(f"{m.group(2)} {m.group(1)}")  # "Department of Justice"
        # "Cyber Fraud Task Forces" and "Cyber Fraud Task Force": the network and one of
        # its forces, named alike: one body for the reader
        singular = key.removesuffix("s")
        if key in seen or singular in seen or _with_one_word_more(key, bare):
            continue
        seen.update((key, singular))
        out.append(name)
    return out


# The EU's institutions named in French, Spanish and German in a release that names them in
# English too (a translation, a link's title): one body each. Folded names.
_EU_BODIES = {
    translated: english
    for english, translations in {
        "european parliament": (
            "parlement europeen",
            "parlamento europeo",
            "europaisches parlament",
            "europaischen parlament",
            "europaischen parlaments",
        ),
        "european commission": (
            "commission europeenne",
            "comision europea",
            "europaische kommission",
            "europaischen kommission",
        ),
        "european union": (
            "union europeenne",
            "union europea",
            "europaische union",
            "europaischen union",
        ),
    }.items()
    for translated in translations
}
# "United States Secret Service", "US Secret Service" and "U.S. Secret Service": one body.
_COUNTRY_LONG = ("united states ", "us ", "u s ", "u.s.a. ")


def _country_named_short(key: str) -> str:
    """*key* (a folded name) with the United States that opens it written "u.s."."""
    for long in _COUNTRY_LONG:
        if key.startswith(long):
            return "u.s. " + key[len(long) :]
    return key


# A legal form abbreviated or spelled out: "Mozilla Corp." and "Mozilla Corporation".
_LEGAL_FORMS = {"corp.": "corporation", "corp": "corporation", "co.": "company", "ltd.": "limited"}


def _legal_form_spelled_out(key: str) -> str:
    """*key* (a folded name) with an abbreviated legal form at its end spelled out."""
    head, _, last = key.rpartition(" ")
    return f"{head} {_LEGAL_FORMS[last]}" if head and last in _LEGAL_FORMS else key


def _with_one_word_more(key: str, keys: list[str]) -> bool:
    """Is *key* (a folded name that opens with its kind and a link: "comite de las
    regiones") also written with a word after its kind ("comite europeo de las regiones")?
    French and Spanish put the adjective there; the short form is the same body. In English
    a word there names another ("University System of Maryland")."""
    words = key.split(" ")
    if (
        len(words) < 3
        or words[1] not in _KIND_LINKS
        or words[0] not in _HEAD_KINDS
        or words[0] in _BODY_KINDS  # English: "University System of Maryland" is another body
    ):
        return False
    tail = " " + " ".join(words[1:])
    return any(
        other.startswith(words[0] + " ")
        and other.endswith(tail)
        and other.count(" ") == key.count(" ") + 1
        for other in keys
    )


# "North Dallas Bar Association" is not the Dallas Bar Association.
_DIRECTIONS = word_set(
    """north south east west northern southern eastern western central greater upper lower
    northeast northwest southeast southwest"""
)


def _shorter_or_glued(written: list[str], bare: list[str]) -> set[int]:
    """Which of two names of one body to leave out: the short form ("Supreme Court" of "U S
    Supreme Court", "Apache Software" of "Apache Software Foundation"), or a heading glued
    to the name ("Commitment to Excellence At Fast Guard Service" of "Fast Guard Service").
    A body of another ("Health Subcommittee of the Finance Committee"), or a body and its
    division ("U.S. DOL Wage Division" and "Wage Division"), are two names."""
    dropped: set[int] = set()
    for i, key in enumerate(bare):
        for j, other in enumerate(bare):
            if len(other) <= len(key) or key not in other:
                continue
            extra = written[j].split()[: -len(key.split())]
            if (
                other == "u.s. " + key
                and " " in key
                and written[i].split()[-1] not in _SUFFIX_WORDS
            ):
                # "Secret Service" of "U.S. Secret Service"; a company's short name stays
                dropped.add(i)
            elif other.endswith(" " + key) and key.rsplit(" ", 1)[-1] in _PUBLIC_KINDS:
                if (
                    not extra
                    or _bare(extra[-1]) in _CONNECTORS
                    or any(_bare(w) in key.split() or _bare(w) in _DIRECTIONS for w in extra)
                    or any(
                        w.isupper() and len(w) > 1 and _bare(w) not in _COUNTRY_MARKS for w in extra
                    )
                ):
                    continue
                if (
                    len(extra) > 3
                    or (
                        # "New York Jets Foundation" of "Jets Foundation": a place, not a heading
                        not _opens_place(extra)
                        # a state in brackets opens no heading: "Seminole County (Florida)"
                        and any(
                            not w.lstrip("(")[:1].isupper() or _bare(w) in _OPENERS for w in extra
                        )
                    )
                ):
                    dropped.add(j)  # a heading before the name
                else:
                    dropped.add(i)  # the name without the words that open it
            elif (
                " " in key
                and other[len(key) + 1 :] in _PUBLIC_KINDS
                and other.startswith(key + " ")
                and not _is_kind(key.rsplit(" ", 1)[-1])
            ):
                dropped.add(i)  # "Apache Software" of "Apache Software Foundation"
    return dropped


# French and Spanish write a body's name in lower case after its kind: "la direction
# interministérielle du numérique (DINUM)", "l’agence nationale de la sécurité des systèmes
# d’information (ANSSI)", "le ministère des Armées", "l’Union européenne". No capitalised run
# holds them; three shapes do: the kind, its words and its acronym in brackets; a ministry and
# its capitalised portfolio; a body and the adjective of its reach.
_ROMANCE_KINDS = word_set(
    """ministère ministerio direction dirección agence agencia commission comisión secrétariat
    secretaría délégation inspection conseil consejo comité autorité autoridad caisse institut
    instituto observatoire office centre service mutualité banque"""
)
_DETERMINERS = word_set("la le les du des de au aux el del los las")
_ACRONYM_AFTER = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
# Where a name in lower case cannot go on, looking back from its acronym.
_NAME_BREAK = re.compile(r"[.;:!?()\[\]«»“”\"]|\n[ \t]*\n|,(?![ \t]+(?:de|du|des|del)[ \t])")
_LOOK_BACK = 200
# Verbs and pronouns of a clause, never in a body's name: the acronym after them is another's.
_CLAUSE_WORDS = word_set(
    """est sont ont a était sera seront qui que qu’ qu' ne pas se il elle ils nous vous on
    es son ha han fue era será quien lo le"""
)
# "ministère des Armées", "ministère de l’Éducation nationale et de la Jeunesse", "Ministerio
# francés de Educación y Juventud": its portfolio, each part capitalised, with adjectives.
_ADJECTIVE = (
    r"[a-zà-ÿ’'-]*(?:ique|iques|al|ale|ales|aux|el|elle|elles|ère|ères|ier|iers|ien|ienne"
    r"|iennes|ais|aise|aises|é|ée|ées|és|if|ive|ives|aire|aires|eur|eure|eures|ures|ano|ana)"
    r"(?![\w’'-])"
)
_PORTFOLIO = (
    rf"(?:(?:de la|des|du|de|del|de los|de las)[ \t]++|de l[’']|d[’'])[A-ZÀ-Þ][\w’'-]++"
    rf"(?:[ \t]++{_ADJECTIVE})*+"
)
_MINISTRY = re.compile(
    rf"(?<![\w’'-])(?:[Mm]inistère|[Mm]inisterio)(?:[ \t]++{_ADJECTIVE})?[ \t]++{_PORTFOLIO}"
    rf"(?:[ \t]++(?:et|y)[ \t]++(?:{_PORTFOLIO}|[A-ZÀ-Þ][\w’'-]++)"
    r"(?:[ \t]++(?:des|de la|du)[ \t]++[a-zà-ÿ][\w’'-]++)?)?"
    # whose it is: "ministère de la Santé de l'Ontario", "... de la République fédérale d’Allemagne"
    rf"(?:[ \t]++{_PORTFOLIO}){{0,2}}+"
)
_REACH = re.compile(
    r"(?<![\w-])(?:Union|Commission|Parlement|Banque|Cour|Comisión|Unión|Parlamento|Banco)"
    # Spanish writes the adjective capitalised: "Unión Europea", "Comisión Europea"
    r"[ \t]+(?:[Ee]uropéenne|[Ee]uropéen|[Mm]ondiale|[Aa]fricaine|[Ee]uropea|[Ee]uropeo|[Mm]undial)"
    r"(?![\w’'-])"
)


def _lower_case_bodies(text: str) -> list[tuple[str, str | None]]:
    """Bodies named in French or Spanish in lower case, with their acronym when given."""
    found: list[tuple[int, str, str | None]] = []
    for m in _ACRONYM_AFTER.finditer(text):
        if _fold(m.group(1)) in _NOT_BODIES:
            continue
        window = text[max(0, m.start() - _LOOK_BACK) : m.start()]
        breaks = [b.end() for b in _NAME_BREAK.finditer(window)]
        base = max(0, m.start() - _LOOK_BACK) + (breaks[-1] if breaks else 0)
        words = [(w.start(), w.group(0)) for w in _WORD_RE.finditer(text, base, m.start())]
        words = words[-16:]
        # The last kind after a determiner: "la direction ... (DINUM)"; the words after it
        # run to the bracket.
        for k in range(len(words) - 2, 0, -1):
            at, word = words[k]
            before = words[k - 1][1]
            # Lower case, not folded: the word lists keep their accents ("ministère").
            if word.lower() in _ROMANCE_KINDS and (
                before.lower() in _DETERMINERS or before in ("l’", "l'")
            ):
                if word[0].upper() != m.group(1)[0] and any(
                    w.lower() in _CLAUSE_WORDS for _, w in words[k + 1 :]
                ):
                    break  # "le service est ouvert à tous les agents de l’État (ETAT)"
                end = words[-1][0] + len(words[-1][1])
                name = " ".join(text[at:end].replace("*", "").split())
                found.append((at, name, m.group(1)))
                break
    for pattern in (_MINISTRY, _REACH):
        for m in pattern.finditer(text):
            if text[max(0, m.start() - 2) : m.start()].strip() not in ("«", "“", '"'):
                # not a nickname in quotes: "en tant que « ministère de la Constitution »"
                found.append((m.start(), " ".join(m.group(0).split()), None))
    found.sort(key=lambda entry: entry[0])
    names = [name for _, name, _ in found]
    # A name written again at more length ("ministère fédéral de l’Intérieur" of "... et du
    # Territoire"): the whole one stands for both.
    return [
        (name, acronym)
        for _, name, acronym in found
        if not any(other.startswith(name + " ") for other in names)
    ]


# Words of a name in lower case; the French elided article stands apart: "l’agence".
_WORD_RE = re.compile(r"[lLdD][’']|[\w-]+(?:[’'][\w-]+)*")
