"""The body a release's lead says is announcing, when nothing stronger names the issuer."""

from __future__ import annotations

import re

from store.ingest.extract.bounded_words import bounded_at, count_bounded, is_word_char
from store.ingest.extract.issuer import PERSONAL_WORDS
from store.ingest.extract.organisations import is_org_word
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
# An apposition about a person, not a body: "the company's founder", "who has"; the
# lead's subject reader's words, and what a self-announcing person calls themself.
_PERSONAL = re.compile(
    rf"\b(?:{'|'.join((*PERSONAL_WORDS, 'singer', 'writer', 'coach', 'expert', 'entrepreneur'))})\b",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    "this it we our today now new the a an in on at for as after with".split()  # noqa: SIM905
)
_HONORIFICS = frozenset(
    "Dr. Dr Mr. Mr Ms. Ms Mrs. Mrs Prof. Prof Sir Dame Rev. Rev Hon. Judge Pastor Chef".split()  # noqa: SIM905
)
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
        and count_bounded(name, body, 3) < 3
    ):
        return None  # one word in title case is as often a surname or a product
    # The name as the lead writes it, with its legal form ("Nantong Kelin Textile Co., Ltd.").
    full = name + m.group("form").rstrip(",")
    again = re.escape(name).replace(r"\ ", r"\s+")
    if re.search(rf"\b{again}\b", headline) or len(re.findall(rf"\b{again}\b", body)) > 1:
        return full
    acronym = m.group("acronym")
    if acronym and count_bounded(acronym, body, 2) > 1:
        return full
    return None


# A headline's subject, then its verb: "Juriscorp Law Offers Clear Legal Support ...",
# "SuperCom Ltd. (NASDAQ: SPCB) Wins Second Utah Contract". A name's words in title case
# look like the headline's other words, so the lead decides where it ends (below).
# A brand that opens in lower case counts as a name's word: "pgEdge", "ePayPolicy", "iCoreConnect".
_HEADLINE_WORD = re.compile(
    r"(?:[a-z]{1,3}(?=[A-Z0-9]))?[A-Z0-9][\w&.'’+-]*|of|and|for|the|on|&|de|du|des|la|für|und|der"
)
_NAME_LINKS = frozenset("of and for the on & de du des la für und der".split())  # noqa: SIM905
_TICKER = re.compile(r"[ ]*\((?:[A-Z]+:[ ]*)?[A-Z.]{1,8}\)")
# The verb after the name, in title case or in a headline written as a sentence ("Ocean Power
# Technologies looks to ...", "Remote Talent LATAM is Celebrating ...").
_VERB_AFTER = re.compile(
    r"(?:[A-Z][a-z]+s|To|to|Now|Is|Has|is|has|(?!(?:this|thus|plus|versus|across|always|"
    r"perhaps|towards|whereas|besides|unless|was)$)[a-z]{2,}s)"
)
# A single word is a body's name when written as a brand (a capital inside it: "LaborLab",
# "CollectionPro", "ePayPolicy"), not as a surname may be ("McDonald", "MacKenzie").
_BRAND_WORD = re.compile(r"(?!Mc|Mac)[\w&.'’+-]*[a-z][A-Z][\w&.'’+-]*")
# Signs after a name in a headline: "Texas Radiotherapy™ Introduces ...".
_MARKS = re.compile(r"[™®©]")
_NOT_A_SUBJECT = frozenset(
    "new first latest annual former our how why what when where who top best a an this ceo cfo cto coo".split()  # noqa: SIM905
)


def headline_subject_in_lead(headline: str, lead: str, body: str, people: set[str]) -> str | None:
    """The name the *headline* opens with, before its verb, when the *lead* names it too:
    the longest such name of two words or more (or one in capitals), and no one in *people*
    nor a person by the way the *body* speaks of them."""
    # Without a listed company's tickers: "SuperCom Ltd. (NASDAQ: SPCB) Wins ...".
    words = _TICKER.sub("", _MARKS.sub("", " ".join(headline.split()))).lstrip("*_#\"“'").split(" ")
    if words and fold(words[0]) == "the":
        words = words[1:]
    if not words or fold(words[0]) in _NOT_A_SUBJECT:
        return None
    opening = " ".join(lead[:400].split())
    taken: list[str] = []
    for word in words[:9]:
        if not _HEADLINE_WORD.fullmatch(word):
            break
        taken.append(word)
    for end in range(len(taken), 0, -1):
        after = words[end] if end < len(words) else ""
        if after in _REPORTED:
            return None  # "Under Armour Faces Uphill Climb": a report about a body, not its own
        if not _VERB_AFTER.fullmatch(after) or (
            end + 1 < len(words) and words[end + 1] in _PLURAL_NEXT
        ):
            continue  # "Palm Desert Buyers Are Heading ...": a plural noun, no verb
        name = " ".join(taken[:end]).rstrip(",")
        if (
            taken[end - 1] in _NAME_LINKS
            or name.endswith("&")
            or (
                end == 1
                and not (name.isupper() and len(name) > 2)
                and not _BRAND_WORD.fullmatch(name)
            )
        ):
            continue  # "X of" is no name; one word in title case may be anyone's surname
        if not _stands_alone(name, opening):
            continue
        if fold(name) in people or taken[0] in _HONORIFICS or _YEAR.search(name):
            return None  # a person; "2025 HRO Today Forum", "1989 Aston Martin Lagonda"
        # The opening's spaces are single (its words joined again), and neither the name nor
        # the word after it holds one: "[ ]+" between them is one space.
        if _stands_alone(f"{name} {after}", opening):
            return None  # the lead goes on with the word: "Lone Star Injury Attorneys"
        return None if a_person(taken[:end], body) else name
    return None


def _stands_alone(name: str, text: str) -> bool:
    """Does *text* hold *name* with no word's letter, digit, underscore or hyphen on either
    side? A pattern made for each name (``(?<![\\w-])NAME(?![\\w-])``) reads the same, but
    compiling it costs more than the search: the names are new in most releases."""
    at = text.find(name)
    end = len(name)
    while at >= 0:
        before = text[at - 1 : at] if at else ""
        after = text[at + end : at + end + 1]
        if not _joins(before) and not _joins(after):
            return True
        at = text.find(name, at + 1)
    return False


def _joins(char: str) -> bool:
    """Is *char* one that ``[\\w-]`` matches (none: the text's edge)?"""
    return char.isalnum() or char in ("_", "-")


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# What a report says of a body that a body does not say of itself in its own release.
_REPORTED = frozenset(
    "Faces Becomes Nears Hits Falls Rises Surges Plunges Slips Jumps Soars Drops Struggles "  # noqa: SIM905
    "Sees Slumps Tumbles Rallies Sinks Climbs Loses Misses Beats Cuts Slashes Trails".split()
)
_PLURAL_NEXT = frozenset(("Are", "Have", "Were", "Do", "Say", "See"))
_PERSON_WORD = re.compile(r"[A-Z][a-zà-ÿ'’-]+")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b")


def a_person(words: list[str], body: str) -> bool:
    """Whether a name with a person's shape ("Annie Estrin", "Peter Winkelmann and Anja
    Racić") is one: called by the surname alone, or "he" or "she", as a body is not."""
    if " and " in f" {' '.join(words)} " and not any(is_org_word(w) for w in words):
        return True
    if not 2 <= len(words) <= 3 or not all(_PERSON_WORD.fullmatch(w) for w in words):
        return False
    if any(is_org_word(w) for w in words):
        return False
    return _alone(words[-1], words[-2], body) >= 2 or _PRONOUN.search(body[:600]) is not None


def _alone(surname: str, given: str, body: str) -> int:
    r"""How many times, up to two, the *body* names *surname* without the *given* name
    before it: ``len(re.findall(rf"(?<!{GIVEN} )\bSURNAME\b(?![\w-])", body))``, found by
    ``str.find`` (that pattern, made for each name, was tried at every character)."""
    before = given + " "
    count = 0
    at = body.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (
            not (at >= len(before) and body[at - len(before) : at] == before)
            and bounded_at(body, surname, at)
            and not (end < len(body) and (is_word_char(body[end]) or body[end] == "-"))
        ):
            count += 1
            if count == 2:
                break
            at = body.find(surname, end)
        else:
            at = body.find(surname, at + 1)
    return count
