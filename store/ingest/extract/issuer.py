"""Who issued a release when no "About X" or contact says it: letterhead, the lead's subject."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from store.ingest.extract.bounded_words import count_bounded
from store.ingest.extract.contact_block import is_department
from store.ingest.extract.dates import search_date
from store.ingest.extract.organisations import is_org_word
from store.ingest.extract.spaced_letters import collapse_spaced
from store.sanitize import clean_line, fold

# Words that make a letterhead or a lead's subject a body that issues releases, besides the
# organisation words: a project, a campaign, a delegation.
# "Reserve": a central bank's name ("Federal Reserve"), as a headline's subject.
_ISSUING_WORDS = frozenset(("project", "projects", "campaign", "delegation", "reserve"))
_MINOR = frozenset(
    "of and for the on in de des du la le et del y für und der & d’ d'".split()  # noqa: SIM905
)
_MAX_WORDS = 10
# A legislator whose office issues the release: "U.S. Senator Bob Corker", "Sen. Frank R. Lautenberg",
# "Rep. Jane Doe", "Congresswoman Jane Doe", at the start of the lead or in the letterhead.
_LEGISLATOR = re.compile(
    r"(?:U\.?[ ]?S\.?[ ]+)?(?P<title>Senators?|Sens?\.?|Representatives?|Reps?\.|Congressman|"
    r"Congresswoman|Congressmember)[ ]+"
    r"(?P<name>[A-Z][a-z]+(?:[ ]+[A-Z]\.?(?=[ ]))?(?:[ ]+[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z'’]+)?){1,2})"
    r"(?![a-z])"
)
# A letterhead line naming a legislator's office: "U.S. Senator Patty Murray", "from the
# Office of Senator Bob Corker" (what follows the name may be the date).
_OFFICE_OF = re.compile(
    r"(?:(?:from[ ]+)?(?:the[ ]+)?Office[ ]+of[ ]+(?:the[ ]+)?)?(?=(?:U\.?[ ]?S\.?[ ]+)?(?:Senator|Sen\.?|Representative|Rep\.|Congress(?:wo)?man)[ ])",
    re.IGNORECASE,
)
_TITLES = {
    "sen": "Senator",
    "sen.": "Senator",
    "sens": "Senator",
    "sens.": "Senator",
    "senators": "Senator",
    "rep.": "Representative",
    "reps.": "Representative",
    "representatives": "Representative",
}
# The subject of the lead sentence: a name in capitals up to what an issuer does in its own
# release. Not "is", "has" or "said" alone: a news article's lead says what a body is doing or
# has done ("Amazon.com Inc. is deepening its bet", "The FTC has taken a step") as often.
_SUBJECT = re.compile(
    r"(?:The[ ]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&|de|du|"
    r"des|la|für|und|der)){0,9})(?:[ ]+\([A-Z][A-Za-z&.]{1,10}\))?"
    # What the body is, between commas: "Carosella & Associates, a leading West Chester law
    # firm specializing in estate planning, probate, and family law, is proud to announce".
    r"(?:,[ ]+(?P<what>(?:a|an|the|one[ ]+of|which|who|based|headquartered)[ ]"
    r"[^.;:!?()\[\]\n]{2,160}?),)?"
    r",?[ ]+(?:today|"
    r"announced|announces|launched|launches|released|releases|voted|welcomed|welcomes|named|"
    r"names|issued|unveiled|unveils|hosted|hosts|celebrates|celebrated|received|receives|"
    r"published|publishes|joined|joins|opened|opens|introduced|introduces|"
    r"(?:is|are)[ ]+(?:proud|pleased|thrilled|excited|delighted|honou?red|happy|glad)[ ]+to|"
    r"(?:is|are)[ ]+an?|"
    r"(?:has|have)[ ]+(?:announced|launched|released|unveiled|introduced|voted|named|appointed|"
    r"opened|published|issued|arranged|been[ ]+(?:named|selected|awarded|recogni[sz]ed|"
    r"honou?red|ranked))|"
    r"will[ ]+(?:host|hold|launch|present|release|celebrate|open|unveil|introduce))\b"
)
# Two announcing together, the body named first: "The Mozilla Foundation and European Mozilla
# contributors today announced", "Acme Corp and Beta Ltd announced". The first is the one whose
# release it is (a joint release is posted by each on its own site with itself first).
_JOINT_SUBJECT = re.compile(
    r"(?:The[ ]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|for|the|on|&|de|du|des|"
    r"la|für|der)){0,9})[ ]+and[ ]+[^.;:!?()\n]{2,80}?[ ]+(?<![ ]to[ ])(?:today[ ]+)?"
    r"(?:announced|announce|have[ ]+announced|launched|launch|unveiled|unveil)\b"
)
# Capitals before the name, from a letterhead's column: "MEMBERS The Privacy ... Board".
_CAPS_BEFORE_THE = re.compile(r"^(?:[A-Z]{2,}[ ]+)+(?=The[ ])")


def _names_body(name: str) -> bool:
    words = name.split()
    if ". " in name or not 1 < len(words) <= _MAX_WORDS or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.casefold() in _MINOR for w in words):
        return False
    last = words[-1].casefold().strip(".,")
    return is_org_word(words[-1]) or last in _ISSUING_WORDS


def legislator(text: str) -> str | None:
    """ "Senator Bob Corker" when *text* opens with a legislator's title and name."""
    m = _LEGISLATOR.match(text)
    if m is None or re.match(r"[ ]*[A-Z][a-z]", text[m.end() :]):
        return None  # "Senator Klobuchar Statement on ...": a headline, not the name alone
    return _legislator_name(m, text)


def _legislator_name(m: re.Match[str], text: str) -> str:
    title = m.group("title")
    title = _TITLES.get(title.casefold(), title)
    suffix = ", Jr." if re.match(r",?[ ]+Jr\b", text[m.end() :]) else ""
    return f"{title} {' '.join(m.group('name').split())}{suffix}"


def _named_again(name: str, text: str) -> bool:
    """Whether *text* names *name* too ("&" and "and" alike, in any case), or by its initials
    ("PCLOB" for the "Privacy & Civil Liberties Oversight Board" of a letterhead)."""
    if fold(name.replace("&", "and")) in fold(text.replace("&", "and")):
        return True
    initials = "".join(w[0] for w in name.split() if w.casefold() not in _MINOR).upper()
    return len(initials) >= 3 and re.search(rf"\b{initials}\b", text) is not None


def letterhead(lines: list[str], below: str) -> str | None:
    """The organisation a document's first lines name before anything else: a PDF's
    letterhead ("The Privacy and Civil Liberties" / "Oversight Board"), a legislator's
    ("U.S. Senator Patty Murray", "from the Office of Senator Bob Corker").

    A body's name counts only if the release (*below*) names it again: a subtitle, a
    byline or a web page's banner above the text is written in title case too."""
    seen: list[str] = []
    for line in lines[:40]:
        stripped = " ".join(collapse_spaced(line.strip(" \t*_#>")).split())
        if not stripped:
            if seen:
                break
            continue
        if (office := _OFFICE_OF.match(stripped)) is not None:
            # The name alone, or before the date: "Senator X Statement on ..." is a headline.
            named = stripped[office.end() :]
            m = _LEGISLATOR.match(named)
            rest = named[m.end() :].strip(" ,-–—") if m else ""
            dated = search_date(rest) if rest else None
            if m and (not rest or (dated is not None and dated.start() <= 12)):
                return legislator(named)
            return None
        seen.append(stripped)
        if len(seen) > 2:
            break
        candidate = " ".join(seen).removeprefix("The ").removeprefix("THE ")
        if _names_body(candidate) and _named_again(candidate, below):
            return clean_line(candidate)
    return None


# What a legislator whose office issues the release does in its lead: "U.S. Senator Jane Roe
# (D-CA) today called ...". Only these verbs: an article about a legislator says what they are
# ("Rep. Roe, a retired Navy SEAL, is part of ...") or names them as a sponsor.
_LEGISLATOR_TAG = re.compile(
    r"(?:,?[ ]+Jr\.?)?[ ,]*(?:M\.?[ ]?D\.?[ ]+)?"
    r"(?:\([A-Z]{1,2}-?[A-Z][A-Za-z. ]{0,12}\)|[ID]?[DRI][ -][A-Z][A-Za-z.]{1,6}(?![a-z])|"
    r"[DRI]-[A-Z][A-Za-z.]{1,6})?[ ,]*"
)
# The apposition after the name: ", a member of the Armed Services Committee, announced".
_APPOSITION = re.compile(r"(?:a|an|the|ranking|chairman|chairwoman|members?|co-chairs?)[ ]", re.I)
# A second legislator named with the first: "Senators Daniel K Inouye and Daniel K Akaka".
_AND_LEGISLATOR = re.compile(
    r"and[ ]+(?:U\.?[ ]?S\.?[ ]+)?(?:Senator|Sen\.?|Representative|Rep\.)?[ ]*"
    r"[A-Z][a-z]+(?:[ ]+[A-Z]\.?)?(?:[ ]+[A-Z][a-z'’]+){1,2}"
)
_LEGISLATOR_VERB = re.compile(
    r"(?:today|yesterday|this[ ]week|on[ ][A-Z][a-z]+day|"
    r"announced|announces|called|calls|made|makes|issued|issues|released|releases|"
    r"introduced|introduces|praised|praises|hailed|hails|commented|comments|joined|joins|"
    r"unveiled|unveils|urged|urges|welcomed|welcomes|applauded|applauds|voted|votes|"
    r"secured|secures|will[ ]+(?:unveil|introduce|hold|host|join|announce))\b"
)
# What may open a lead before the legislator: what is left of the dateline, when, or the
# legislator's state ("Idaho Senator Mike Crapo hailed ...").
_BEFORE_LEGISLATOR = re.compile(
    r"(?:[A-Z][a-z]+[ ]\d{1,2},?[ ]\d{4}[ ,–—-]*)?(?:(?:WASHINGTON|Washington)[ ,]*(?:D\.?[ ]?C\.?)?[ ,–—-]*)?"
    r"(?:Today|Yesterday|Late[ ]last[ ]night|Statement[ ]of|[A-Z][a-z]+(?:[ ]?['’]?[ ]?s)?)?[ ,]*"
)
_NOT_BEFORE_LEGISLATOR = frozenset(("Former", "State", "The", "A", "An", "And"))


def _legislator_subject(text: str) -> str | None:
    """The legislator whose office the lead speaks for: at its start (after what remains of
    the dateline, a "Today" or the state), doing what an office announces."""
    for found in _LEGISLATOR.finditer(text, 0, 80):
        before = text[: found.start()]
        m = _BEFORE_LEGISLATOR.fullmatch(before)
        if m is None or (before.split()[-1:] and before.split()[-1] in _NOT_BEFORE_LEGISLATOR):
            continue
        person = legislator(text[found.start() :])
        if person is None:
            continue
        after = text[found.end() :]
        tag = _LEGISLATOR_TAG.match(after)
        rest = after[tag.end() :] if tag else after
        if (other := _AND_LEGISLATOR.match(rest)) is not None:
            tag = _LEGISLATOR_TAG.match(rest, other.end())
            rest = rest[tag.end() if tag else other.end() :]
        if before.rstrip(" ,").endswith("Statement of") or _LEGISLATOR_VERB.match(rest):
            return person
        # ", a member of the Armed Services Committee, announced ...": its verb comes later.
        apposition = _APPOSITION.match(rest)
        if apposition is not None and _LEGISLATOR_VERB.search(rest, apposition.end(), 150):
            return person
        return None
    return None


_LEAD_MENTIONS = 2


def lead_subject(opening: str, body: str = "") -> str | None:
    """The body or legislator that the lead sentence is about: "The Privacy and Civil
    Liberties Oversight Board has voted ...", "U.S. Senator Bob Corker today made ..."."""
    text = " ".join(opening[:400].split()).lstrip("“\"'(")
    if (person := _legislator_subject(text)) is not None:
        return person
    if (article := _ARTICLE_ACRONYM.match(text)) is not None:
        # "La FSFE et l'Open Forum Europe se sont alliés ...", "Die FSFE fordert ...": the
        # body a French or German lead opens with, by its acronym after an article, when the
        # release names it again (a body it only reports on is named once).
        acronym = article.group(1)
        if len(re.findall(rf"\b{acronym}\b", body[:20_000])) < _LEAD_MENTIONS:
            return None
        return spelled_out(acronym, body) or acronym
    m = _SUBJECT.match(_CAPS_BEFORE_THE.sub("", text)) or _JOINT_SUBJECT.match(text)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if len(words) > 2 and words[0].endswith(("'s", "’s")):
        name = " ".join(words[1:])  # "Abbotsford's Helical Works Company": the town's
    name = _BASED_IN.sub("", name)  # "New York- and Kyiv-based Vermeer, a defense startup"
    what = m.groupdict().get("what")
    if what and _A_BODY.search(what) and not _names_person(what):
        return name  # "ValueZone, a prominent trading platform, has announced"
    return name if _names_body(name) else None


_BASED_IN = re.compile(r"^.*-based[ ]+")
# What a lead's apposition calls a body: "a leading West Chester law firm", "a provider of".
_A_BODY = re.compile(
    r"\b(?:firm|company|corporation|provider|organi[sz]ation|agency|maker|manufacturer|"
    r"developer|platform|startup|start-up|non-?profit|charity|foundation|association|"
    r"institution|university|college|network|retailer|distributor|supplier|bank|studio|"
    r"publisher|practice|clinic|consultancy|brand|group|operator|producer|insurer|lender)s?\b"
)
# An apposition about a person: "who has", "the company's founder", "CEO of".
PERSONAL_WORDS = (
    "who founder co-founder CEO chief president director author artist he she his her".split()  # noqa: SIM905
)
_PERSONAL = re.compile(rf"\b(?:{'|'.join(PERSONAL_WORDS)})\b", re.IGNORECASE)


def _names_person(what: str) -> bool:
    return _PERSONAL.search(what) is not None


# "Free Software Foundation Europe (FSFE)": a name the text defines an acronym for.
_DEFINED = re.compile(
    r"((?:[A-ZÀ-Þ][\w.&'’-]*[ ]+(?:(?:of|and|for|the|on|de|des|du|la|für|und|der|&)[ ]+)?){1,8}"
    r"[A-ZÀ-Þ][\w.&'’-]*)[ ]+\(([A-Z][A-Za-z&]{1,9})\)"
)
_MIN_MENTIONS = 3
_LEADING_CAPS = re.compile(r"^(?:[A-Z]{2,}[.,]?[ ]+)+(?=[A-Z][a-z])")


_ARTICLE = re.compile(r"(?:The|THE|Die|DIE|Der|La|Le|L['’]|El|Los|Las)[ ]+")


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
# How far before "(ACRONYM)" a definition's name may start: eight words.
_DEFINITION_REACH = 300


def _definitions(text: str) -> Iterator[re.Match[str]]:
    """``_DEFINED.finditer(text)``, run only near the acronyms in parentheses: the
    pattern tried at every capital of a 20,000-character body cost as much as the
    rest of the issuer's rules together."""
    end = 0
    for acronym in _ACRONYM.finditer(text):
        if acronym.end() <= end:
            continue  # within the last stretch searched
        start = max(end, acronym.start() - _DEFINITION_REACH)
        # From a word's start, as a scan from the text's start would begin there.
        while start > end and not text[start - 1].isspace():
            start -= 1
        found = list(_DEFINED.finditer(text, start, acronym.end()))
        yield from found
        end = found[-1].end() if found else acronym.end()


def most_mentioned(body: str, organisations: tuple[str, ...], headline: str) -> str | None:
    """The organisation the release speaks of most (by name or by the acronym it defines),
    when one is named at least three times, more often than any other, and opens the
    *headline* too ("FSFE calls for ..."): a body the release only mentions, even often,
    is not its issuer (measured on the real corpus: where the name was anywhere in the
    headline or the lead, fewer than half were right; opening the headline, over 90%)."""
    text = body[:20_000]
    names: dict[str, set[str]] = {}
    for m in _definitions(text):
        # Not the capitals or the dateline glued before it: "MEMBERS The Privacy ...", "DC--Privacy".
        name = _LEADING_CAPS.sub("", " ".join(m.group(1).split()).rsplit("--", 1)[-1])
        name = _ARTICLE.sub("", name.removeprefix("Today "), count=1)
        if name[:1].upper() != m.group(2)[:1]:
            continue  # "Heavenly Culture, World Peace, Restoration of Light (HWPL)": cut short
        if _names_body(name) or m.group(2).isupper():
            names.setdefault(name, set()).update({name, m.group(2)})
    for org in organisations[:30]:
        if _names_body(org):
            names.setdefault(org, set()).add(org)
    counts: list[tuple[int, str]] = []
    for name, spellings in names.items():
        # Substring counts: one pass in C each, where a regex per name cost more than the
        # rest of the extraction; a name inside a longer word is rare enough to ignore.
        total = sum(text.count(s) for s in spellings)
        counts.append((total, name))
    counts.sort(reverse=True)
    if not counts or counts[0][0] < _MIN_MENTIONS:
        return None
    if len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    best = counts[0][1]
    opening = fold(_ARTICLE.sub("", headline.lstrip(" \t*_#\"“'"), count=1))
    for spelling in names[best]:
        folded = fold(spelling)
        if opening.startswith(folded) and not opening[len(folded) : len(folded) + 1].isalnum():
            return best
    return None


# What a body does in its own release's headline: "PCLOB Announces ...", "The Tor Project
# Publishes ...", "Lebanon VA Medical Center expands ...". Present tense only: a headline in
# the past tense ("X Announced ...") is as often a report about X.
_HEADLINE_VERB = re.compile(
    r"(?:announces|launches|releases|unveils|names|appoints|welcomes|expands|opens|publishes|"
    r"issues|introduces|celebrates|hosts|joins|awards|calls|urges|marks|signs|selects|adds|"
    r"completes|reports|honou?rs|recogni[sz]es|invites|seeks|offers|statement)\b",
    re.IGNORECASE,
)


def says_what_happened(line: str) -> bool:
    """Whether *line* has a headline's verb ("Brown Welcomes Return Of ..."): not a body's name."""
    return _HEADLINE_VERB.search(line) is not None


_HEADLINE_NAME_WORD = re.compile(r"[A-Z][\w&.'’-]*|of|and|for|the|on|&|de|du|des|la|für|und|der")
# A single word in capitals that is the body's acronym: "PCLOB", "NASA".
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z&]{1,7}")


# An acronym after a French, German, Spanish or Italian article, then the verb in lower case:
# "La FSFE simplifie la procédure ...", "Die FSFE fordert ...". The article marks a body's
# name (a thing's acronym goes without one, or is two letters: "la IA", "die KI").
_ARTICLE_ACRONYM = re.compile(
    r"(?:La|Le|L['’][ ]?|Die|Der|Das|El|Il|Lo)[ ]*(?<=[ '’])([A-Z][A-Z&]{2,7})[ ]+(?=[a-zß-ÿ])"
)


def headline_subject(headline: str, body: str) -> str | None:
    """The body whose name opens the *headline*, doing what a body does in its own release
    ("The Tor Project Announces ...", "PCLOB announces ..."), spelled as the *body* spells
    it; only a name the body uses again, so that a product or a campaign is not taken."""
    article = _ARTICLE_ACRONYM.match(headline.lstrip(" \t*_#\"“'"))
    if article is not None:
        # Named again at least three times, as a body's own release names it.
        acronym = article.group(1)
        if len(re.findall(rf"\b{acronym}\b", body[:20_000])) >= _MIN_MENTIONS:
            return spelled_out(acronym, body) or acronym
        return None
    words = " ".join(headline.split()).lstrip("*_#\"“'").split(" ")
    upper = headline.isupper()
    taken: list[str] = []
    for at, word in enumerate(words[: _MAX_WORDS + 1]):
        # "FOMC statement: ...": the body's own statement, its name before the colon.
        if taken and _HEADLINE_VERB.fullmatch(word.rstrip(":")):
            break
        if (
            taken
            and fold(word) == "and"
            and any(_JOINT_VERB.fullmatch(w) for w in words[at + 2 : at + 6])
        ):
            # "TOR PROJECT AND PRINTFECTION ANNOUNCE ...": two bodies announcing together,
            # the first's release (as the lead's joint subject reads it).
            break
        if upper:
            word = word.lower() if taken and word.lower() in _MINOR else word.capitalize()
        if not _HEADLINE_NAME_WORD.fullmatch(word):
            return None
        taken.append(word)
    else:
        return None
    if taken and fold(taken[0]) == "the":
        taken = taken[1:]
    name = " ".join(taken)
    if not name:
        return None
    if len(taken) == 1:
        # One word: an acronym the body writes in capitals too.
        # One word: an acronym, standing out in a headline not all in capitals, or
        # written in capitals in the body too.
        bare = words[0] if not upper else name.upper()
        if not _ACRONYM_WORD.fullmatch(bare) or len(bare) < 3:
            return None
        if upper and re.search(rf"\b{re.escape(bare)}\b", body) is None:
            return None
        # The name the release spells out for it: "Texas Search and Rescue (TEXSAR)".
        return spelled_out(bare, body) or bare
    if fold(taken[0]) in _NOT_A_NAME_START:
        return None  # "New Querétaro Office Marks ...": a thing the body has, not the body
    if not _names_body(name) or any(w.casefold().strip(".,") in _LEGAL_FORMS for w in taken[:-1]):
        return None  # "LRN Corporation Wins Seven ... Group": a name ends at its legal form
    # As the body writes it: a headline in capitals has lost the name's own case.
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    for found in re.finditer(pattern, body, re.IGNORECASE):
        spelled = " ".join(found.group(0).split())
        if all(w[:1].isupper() or w.casefold() in _MINOR for w in spelled.split()):
            return spelled
    rest = " ".join(words[len(taken) :])
    if not upper and _OWN_STATEMENT.match(rest):
        # "Federal Reserve issues FOMC statement": a body issuing its own statement, whose
        # text speaks of "the Committee" and never names the body again.
        return name
    return None


# The verb after two bodies joined by "and": "Acme and Beta Announce ...".
_JOINT_VERB = re.compile(r"(?i:announce|launch|unveil|release|sign|introduce|open|form)")
# A body's own statement after its name: "issues FOMC statement", "releases statement on".
_OWN_STATEMENT = re.compile(r"(?i:issues|releases|publishes)[ ](?:[\w-]+[ ]){0,3}?(?i:statement)\b")


# Words that open a headline's subject but never a body's name.
_NOT_A_NAME_START = frozenset("new first latest annual former our".split())  # noqa: SIM905


def spelled_out(acronym: str, text: str) -> str | None:
    """The name *text* gives in full for *acronym* where it introduces it, "Full Name
    (ACRONYM)", the acronym made of the starts of the name's words in order."""
    head = text[:20_000]
    for found in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", head):
        words = head[max(0, found.start() - 200) : found.start()].split()
        for size in range(1, min(len(words), 8) + 1):
            name = words[-size:]
            if name[0][:1].isupper() and _abbreviates(acronym.casefold(), [fold(w) for w in name]):
                return " ".join(name)
    return None


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether *acronym* is made of a start of each word in turn (of the first word
    always; a little word may give none): "texsar" of "texas search and rescue"."""
    if not words:
        return not acronym
    first, rest = words[0], words[1:]
    if first in _MINOR and _abbreviates(acronym, rest):
        return True
    return any(
        acronym[:n] == first[:n] and _abbreviates(acronym[n:], rest)
        for n in range(1, min(len(first), len(acronym)) + 1)
    )


_LEGAL_FORMS = frozenset("inc corp corporation ltd llc plc gmbh ag co".split())  # noqa: SIM905


# A legislator's surname in a headline, as a word of its own: "Lincoln Responds ...",
# "SEN. DORGAN TO CONVENE ...", "Senator Bayh's Office ..." (not "Baucus-Rockefeller-Casey").
_SURNAME_IN_HEADLINE = r"(?<![\w-]){}(?:['’]s?)?(?![\w-])"


# A legislator the headline speaks to or about: "Courageous Conservatives PAC to Rep. Pat
# Curry", "Groups Rally Behind Senator X", "Letter from Sen. X" is theirs, so not "from".
_ADDRESSED = re.compile(
    r"\b(?i:to|for|with|against|about|behind|by|on|vs\.?|versus|and)[ ]+"
    r"(?:(?:U\.?[ ]?S\.?|(?i:former|state|sen\.?|senator|rep\.?|representative|congress\w+)|"
    r"[A-Z][a-z]+\.?|[A-Z]\.)[ ]+){0,4}$"
)


# A title held no longer: "Former State Senator Jim Brochin", "the late Senator X".
_FORMER = re.compile(
    r"\b(?i:former|ex|retired|the[ ]+late)[ -]+(?i:(?:state|democratic|republican)[ ]+){0,2}$"
)


# Every title _LEGISLATOR reads holds one of these.
# A legislator's words, looked for with ``in`` (three passes in C are faster than one pattern
# tried at every "S", "R" and "C").
_LEGISLATOR_WORDS = ("Sen", "Rep", "Congress")


def _legislator_word(text: str) -> bool:
    return any(word in text for word in _LEGISLATOR_WORDS)


def headline_legislator(headline: str, text: str) -> str | None:
    """The legislator a release names in full ("U.S. Senator Blanche Lincoln") whose surname
    the *headline* carries: a legislator's office puts its member's name in the headline of
    its releases. The one named first in the headline, when several are."""
    # The legislator's title is looked for before the text is flattened: these words hold no
    # whitespace, so joining its runs neither makes nor breaks one (seven texts in eight
    # have none).
    head = text[:5000]
    if not headline or not (_legislator_word(headline) or _legislator_word(head)):
        return None
    flat = " ".join(f"{headline} {head}".split())
    # Its subject, before the verb: not "Brown Welcomes Return Of Senator Tim Johnson".
    verb = _HEADLINE_VERB.search(headline)
    subject_end = verb.start() if verb and fold(verb.group(0)) != "statement" else len(headline)
    best: tuple[int, str] | None = None
    rest = flat[len(" ".join(headline.split())) :]
    for found in _LEGISLATOR.finditer(flat):
        if found.group("title").endswith(("s", "s.")):
            continue  # "Senators Kennedy Graham Salazar": several, their names run together
        if _FORMER.search(flat, max(0, found.start() - 60), found.start()):
            continue  # "Former State Senator Jim Brochin Weighs ...": no longer has an office
        words = found.group("name").split()
        # The name may run on into what follows it ("Senator John McCain Chairman",
        # "Senator Barack Obama Barack"): it ends at the word the headline carries.
        for end in range(len(words) - 1, 0, -1):
            if _HEADLINE_VERB.fullmatch(words[end]) or is_org_word(words[end]):
                continue  # "Sen Klobuchar Statement on ...", "Senator Bob Bennett Office Hours"
            pattern = _SURNAME_IN_HEADLINE.format(re.escape(words[end]))
            at = re.search(pattern, headline, re.IGNORECASE)
            if (
                at is not None
                and not _ADDRESSED.search(headline[: at.start()])
                and (at.start() < subject_end or at.group(0)[-1] in "s'’")
                # Their office's release names them again ("said Lincoln"): a legislator
                # named once is spoken of, as in "the Future of Swann Park".
                and count_bounded(words[end], rest, 2) >= 2
            ):
                if best is None or at.start() < best[0]:
                    title = found.group("title")
                    name = " ".join(words[: end + 1])
                    if end == len(words) - 1 and re.match(r",?[ ]+Jr\b", flat[found.end() :]):
                        name += ", Jr."
                    best = (at.start(), f"{_TITLES.get(title.casefold(), title)} {name}")
                break
    return best[1] if best else None


_CAPITALISED_RUN = re.compile(
    r"[A-ZÀ-Þ][\w&'’-]*(?:[ ]+(?:(?:of|and|for|the|on|de|des|du|la|für|und|der|&)[ ]+)?"
    r"[A-ZÀ-Þ][\w&'’-]*)+"
)


def site_owner(domain: str | None, text: str) -> str | None:
    """The body whose site a web page is on, as its text names it: the domain's name
    ("fsfe.org") written as an acronym ("FSFE") or as the initials of a name the text gives
    ("Free Software Foundation Europe"). A page's own images come from its own site; a
    domain the text does not name is not guessed at."""
    label = domain.split(".")[0] if domain else ""
    if not 2 < len(label) <= 8 or not label.isalpha():
        return None
    head = text[:20_000]
    for run in _CAPITALISED_RUN.finditer(head):
        words = [w for w in run.group(0).split() if w[:1].isupper()]
        if "".join(w[0] for w in words).lower() == label and len(words) == len(label):
            return " ".join(run.group(0).split())
    acronym = re.search(rf"\b{label.upper()}\b", head)
    return acronym.group(0) if acronym else None


# A legislator named in full by their party tag alone: "Bob Casey (D-PA)", "Jane Roe (R-Tex.)".
_PARTY_TAGGED = re.compile(
    r"(?<![\w.])(?!(?:Senator|Sen|Representative|Rep|Congress\w+|Chairman|Chairwoman)\b)"
    r"(?P<name>[A-Z][a-z]+(?:[ ]+[A-Z]\.)?(?:[ ]+[A-Z][a-z'’]+){1,2})[ ]+"
    r"\((?:[DRI]|Dem|Rep)\.?-[ ]?[A-Z][A-Za-z.]{1,8}\)"
)
# How an office writes of its member after naming them in full: by title and surname
# ("Senator Murray spoke", "Sen. Casey"), or the surname with what they said or did.
_OFFICE_REFERENCE = (
    # Not "Senator Barbara Boxer": a first name after the title is no surname.
    r"(?:(?P<title>Senator|Sen\.?|Representative|Rep\.|Congressman|Congresswoman)[ ]+{0}"
    r"(?![\w-])(?![ ]+[A-Z][a-z])|"
    r"\bsaid[ ]+{0}|\b{0}[ ]+(?:said|says|announced|added|noted|explained|stated|has|is|was|"
    r"will|wrote))(?![\w-])"
)
_MIN_REFERENCES = 2
# A legislator's title before a name, or a party tag: each pattern opens with its literal,
# which the regex engine skips ahead to (one pattern of alternatives tries every position).
_OFFICE_HINTS = tuple(
    re.compile(pattern)
    for pattern in (
        r"Sen(?:ator)?s?\.?\s+[A-Z]",
        r"SEN(?:ATOR)?S?\.?\s+[A-Z]",
        r"Rep(?:resentative)?s?\.?\s+[A-Z]",
        r"REP(?:RESENTATIVE)?S?\.?\s+[A-Z]",
        r"Congress(?:wo)?man\s+[A-Z]",
        r"\((?:[DRI]|Dem|Rep)\.?-",
    )
)
# What an office reports its member did or said: "Whitehouse announced", "said Senator Casey",
# "Senator Murray said". A release that only speaks of "Senator Cardin" is someone else's.
_DID = (
    r"(?:\bsaid[ ]+(?:(?:Senator|Sen\.?|Representative|Rep\.|Congress(?:wo)?man)[ ]+)?{0}|"
    r"\b{0}[ ]+(?:said|says|announced|added|noted|explained|stated|has[ ]+secured|"
    r"introduced|wrote))(?![\w-])"
)
# Words before a surname that are no first name: titles, "said".
_NOT_FIRST_NAMES = frozenset(
    (
        *("senator", "sen", "senators", "representative", "rep", "congressman", "congresswoman"),
        *("chairman", "chairwoman", "chair", "leader", "member", "ranking", "mr", "ms", "mrs"),
        *("dr", "governor", "gov", "said", "and", "the"),
    )
)


def _another_person(first: str, surname: str, text: str) -> bool:
    """Whether *text* names someone else of that surname ("Fagan Harris" beside "Rep. Andy
    Harris"): then the surname alone says nothing of whom."""
    # The other name in a sentence (a comma or a lower-case word after it), not a run of
    # scraped title words ("Community Development Murray PHOTO").
    for found in re.finditer(rf"\b([A-Z][a-z]+)[ ]+{surname}(?=[,.;:]|[ ]+[a-z])", text):
        word = found.group(1)
        if word != first and word.casefold().rstrip(".") not in _NOT_FIRST_NAMES:
            return True
    return False


# A legislator written to, opposed, or a bill's sponsor: "The PAC wrote to Representative Pat
# Curry", "Authored and led by Congressman Andrew Garbarino".
_SPOKEN_TO = re.compile(
    r"\b(?i:to|against|behind|versus|vs\.?|by)[ ]+"
    r"(?:(?:U\.?[ ]?S\.?|the|Senator|Sen\.?|Representative|Rep\.|Congress(?:wo)?man)[ ]+){0,3}$"
)
# A capitalised word or an initial just before a surname: the full name, not the surname.
_AFTER_FIRST_NAME = re.compile(r"(?<![\w.])(?!said[ ])[A-Z][a-z]*\.?[ ]+$")
# "Statement of Senator Hillary Rodham Clinton on ...": the office's own statement.
_STATEMENT_OF = re.compile(
    r"(?:Joint[ ]+)?Statement[ ]+(?:of|by|from)[ ]+(?P<who>.+?)(?=[ ]+(?:on|regarding|about)[ ]|$)"
)


def office_named_again(headline: str, text: str) -> str | None:
    """The legislator whose office issued a release that names them in full ("Sen. Sheldon
    Whitehouse (D-R.I.)", "Bob Casey (D-PA)", "U S SEN WAYNE ALLARD" in a headline in
    capitals) and then again by surname, as an office writes of its member ("Senator Murray
    spoke", "said Whitehouse", "Allard has secured") at least twice, more than any other
    legislator named in full, and what they said or did among them ("Whitehouse announced"):
    a release that only speaks of a legislator ("Senator Cardin has been a champion") is
    another body's, and a surname two people share ("Fagan Harris", "Rep. Andy Harris")
    says nothing."""
    head = headline.title() if headline.isupper() else headline
    if (statement := _STATEMENT_OF.match(head)) is not None:
        return legislator(statement.group("who"))
    top = f"{head} {text[:1500]}"
    if not any(hint.search(top) for hint in _OFFICE_HINTS):
        # An office names its member at the top: most releases are passed over for a few
        # substring searches (the rest of this rule costs a hundred times more).
        return None
    flat = " ".join(f"{head} {text[:5000]}".split())
    named: list[tuple[str | None, list[str]]] = []
    for found in _LEGISLATOR.finditer(flat):
        before = flat[max(0, found.start() - 60) : found.start()]
        if _FORMER.search(before) or _SPOKEN_TO.search(before):
            continue  # "Former State Senator X", "The PAC wrote to Rep. X": not their office
        if not found.group("title").endswith(("s", "s.")):
            named.append(
                (
                    _TITLES.get(found.group("title").casefold(), found.group("title")),
                    found.group("name").split(),
                )
            )
    for found in _PARTY_TAGGED.finditer(flat):
        if not _SPOKEN_TO.search(flat, max(0, found.start() - 60), found.start()):
            named.append((None, found.group("name").split()))
    counts: dict[str, tuple[int, str]] = {}
    for title, words in named:
        # The name may run on into the headline's next word ("Wayne Allard Secures").
        for end in range(len(words) - 1, 0, -1):
            pattern = _OFFICE_REFERENCE.format(re.escape(words[end]))
            found_refs = [
                m
                for m in re.finditer(pattern, flat)
                # The surname alone: not the end of the full name again ("Jane Roe will").
                if m.group("title")
                or not _AFTER_FIRST_NAME.search(flat, max(0, m.start() - 40), m.start())
            ]
            if len(found_refs) < _MIN_REFERENCES:
                continue
            surname = re.escape(words[end])
            if not re.search(_DID.format(surname), flat) or _another_person(
                words[end - 1], surname, flat
            ):
                break  # spoken of, not reporting what they did; or two people of that name
            said = next((m.group("title") for m in found_refs if m.group("title")), None)
            title = title or (_TITLES.get(said.casefold(), said) if said else None)
            if title in ("Sen", "Sen."):
                title = "Senator"
            if title is not None:
                name = f"{title} {' '.join(words[: end + 1])}"
                if len(found_refs) > counts.get(words[end], (0, ""))[0]:
                    counts[words[end]] = (len(found_refs), name)
            break
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


# A boilerplate paragraph that lost its "About" heading, at the release's end: "The Open
# Knowledge Foundation Germany is a pioneering ... organisation" (OKF DE's English posts).
_CLOSING_ABOUT = re.compile(
    r"[ \t*_]*(?:The[ ]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&|"
    r"de|du|des|la|für|und|der)){1,9}?)(?:[ ]+\([A-Z][A-Za-z&.]{1,10}\))?,?[ ]+"
    r"(?:is|was)[ ]+(?:a|an|the|one[ ]of)[ ]"
)
_CLOSING_PARAGRAPHS = 3
# The country or region a national branch's name ends in.
_COUNTRY_ENDS = frozenset(
    (
        *("Germany", "Deutschland", "France", "Europe", "International", "Austria"),
        *("Switzerland", "Italy", "Spain", "UK", "USA", "Canada", "Australia", "India", "Japan"),
    )
)


def closing_about(lines: list[str], headline: str) -> str | None:
    """The body that one of the release's last paragraphs presents ("The X is a ..."), as its
    boilerplate does, when the *headline* opens with that body's name too ("Open Knowledge
    Foundation Germany awarded ..."): the boilerplate of a partner or an investor presents
    another body, which the headline names later if at all (measured on the real corpus: a
    presented body named anywhere in the headline was the issuer in four cases of five)."""
    opening = fold(_ARTICLE.sub("", headline.lstrip(" \t*_#\"“'"), count=1))
    paragraphs = [line for line in lines if len(line.split()) >= 12]
    for paragraph in paragraphs[-_CLOSING_PARAGRAPHS:]:
        m = _CLOSING_ABOUT.match(paragraph)
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        # A body's word in it: "Open Knowledge Foundation Germany" ends in its country.
        if not _names_body(name) and not (
            _names_body(" ".join(words[:-1])) and words[-1] in _COUNTRY_ENDS
        ):
            continue
        folded = fold(name)
        if opening.startswith(folded) and not opening[len(folded) : len(folded) + 1].isalnum():
            return name
    return None


_LINK_HOST = re.compile(r"(?:https?:)?//(?:www\.)?([A-Za-z0-9-]+)\.", re.IGNORECASE)


def linked_contact_body(links: list[tuple[str, str]], emails: list[str]) -> str | None:
    """The body the release links to on its press contacts' own site: "eine Veranstaltung der
    [Open Knowledge Foundation](//okfn.de)" with "maria.reimer@okfn.org" as the contact (OKF
    DE). The domain's name, not its ending, says whose: a body keeps one name across ".de"
    and ".org". Only a label that names a body, and only one such body."""
    own = {e.rpartition("@")[2].lower().split(".")[-2] for e in emails if e.count(".") >= 1}
    own = {label for label in own if len(label) >= 3}
    if not own:
        return None
    found: set[str] = set()
    for label, url in links:
        host = _LINK_HOST.match(url.strip())
        name = " ".join(label.split()).removeprefix("the ").removeprefix("The ")
        if host is not None and host.group(1).lower() in own and _names_body(name):
            found.add(name)
    return found.pop() if len(found) == 1 else None


# "ABOUT THE APACHE SOFTWARE FOUNDATION", "## ABOUT THE TOR PROJECT": the boilerplate's
# heading set in capitals, on its own line.
_ABOUT_CAPS = re.compile(
    r"[ \t*_#]*ABOUT[ \t]+(?:THE[ \t]+)?(?P<name>[A-Z0-9][A-Z0-9&.,'’ \t():™®-]{1,80}?)[ \t*_:]*"
)


def _bare_name(name: str) -> str:
    """ "PICKLEJAR ENTERTAINMENT GROUP, INC. (OTCMKTS: PKLE)" -> "PICKLEJAR ENTERTAINMENT
    GROUP, INC.": without its ticker or trademark sign."""
    name = re.sub(r"[ \t]*\([^()]*\)?[ \t]*$|[™®]", "", name)
    return " ".join(name.split()).strip(" ,")


def about_in_capitals(line: str, below: str) -> str | None:
    """The body an "About" heading in capitals names, as the paragraph *below* spells it
    ("Apache Software Foundation" for "ABOUT THE APACHE SOFTWARE FOUNDATION"); None when the
    paragraph does not spell it in capitalised words (a heading's case is no name's)."""
    m = _ABOUT_CAPS.fullmatch(line)
    if m is None:
        return None
    name = _bare_name(m.group("name"))
    if not _names_body(name.title()):
        return None
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    for found in re.finditer(pattern, below, re.IGNORECASE):
        spelled = " ".join(found.group(0).split())
        words = spelled.split()
        if spelled != spelled.upper() and all(w[:1].isupper() or w in _MINOR for w in words):
            return spelled
    return None


def is_about_in_capitals(line: str, any_name: bool = False) -> bool:
    """Whether *line* is an "About" heading in capitals naming a body ("## ABOUT THE TOR
    PROJECT"), or naming anything with *any_name* ("ABOUT THE SKYLINE SIGNATURE SERIES")."""
    m = _ABOUT_CAPS.fullmatch(line)
    return m is not None and (any_name or _names_body(_bare_name(m.group("name")).title()))


# An acronym after a French, German or Spanish article, as the subject of what follows (a verb
# or a list: "la DINSIC lancera", "La DINUM attribue", "la DINUM, l’ANCT et l’ANSSI
# contribuent"); not after a preposition ("sede de APEC", "auprès de l’ANCT"). The article
# marks a body's name, where an acronym alone may be a thing's ("COVID", "USD"). Not English
# "the": on the real corpus (wire copy in English) "the CEO", "the UAE", "the DFW area" were
# the acronyms most used in a thousand releases that name no issuer.
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w])(?<!de[ ])(?<!à[ ])(?<!par[ ])(?<!von[ ])(?<!mit[ ])"
    r"(?:la|le|l['’]|die|der|el|La|Le|L['’]|Die|Der|El)(?:[ ]|(?<=['’])[ ]?)$"
)
_SUBJECT_AFTER = re.compile(
    r"(?![\w&-])(?:,|[ ]+(?!(?:de|du|des|et|en|à|au|aux|y|e|di|del|und|in|zu|für|pour|sur|"
    r"dans|qui|que)[ ])[a-zß-ÿ])"
)
# The capital first, the boundary checked behind it: a pattern that opens with a look-behind
# is tried at every position of the text, three times slower on the real corpus.
_ACRONYM_USE = re.compile(r"[A-Z](?<![\w&-][A-Z])[A-Z]{2,6}(?![\w&-])")
# How often the body must be named, and how many times as often as any other.
_DOMINANT_MENTIONS = 3
_DOMINANT_RATIO = 2


def dominant_acronym(headline: str, body: str) -> str | None:
    """The body a release speaks of far more than of any other, by the acronym it goes by
    ("la DINUM" five times, "l’ANCT" twice): the French government's services write of
    themselves so, in the third person (numerique.gouv.fr's posts, whose service is named in
    the page's banner, not in the text). Only an acronym that is the subject of a sentence
    at least once, used at least three times and twice as often as any other."""
    text = f"{headline}\n{body[:20_000]}"
    ranked = Counter[str](_ACRONYM_USE.findall(text)).most_common(2)
    if not ranked or ranked[0][1] < _DOMINANT_MENTIONS:
        return None
    best, count = ranked[0]
    if len(ranked) > 1 and count < _DOMINANT_RATIO * ranked[1][1]:
        return None
    # The article and what follows are looked for where the acronym is, not at every
    # position of the text.
    for m in re.finditer(rf"(?<![\w&-]){best}(?![\w&-])", text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _ARTICLE_BEFORE.search(before) and _SUBJECT_AFTER.match(text, m.end()):
            return best
    return None


# An office's line over the release's date: "NASA Headquarters, Washington, D.C." then "April
# 6, 1993" (NASA's releases of the 1990s, under the title line). The name opens with the
# body's acronym.
_OFFICE_PLACE = re.compile(
    r"[ \t]*(?P<name>(?P<acronym>[A-Z]{2,7})(?:[ ][A-Z][a-z]+){1,3}),[ ]+"
    r"[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,4}[ \t]*"
)
_OFFICE_LINES = 25
_DATE_LINE_SLACK = 4  # characters besides the date on its line


def office_over_date(lines: list[str]) -> str | None:
    """The office a release's header line names above a line that holds only the date,
    when the text names its acronym again."""
    for at, line in enumerate(lines[:_OFFICE_LINES]):
        m = _OFFICE_PLACE.fullmatch(line)
        if m is None:
            continue
        below = next((x.strip() for x in lines[at + 1 : at + 3] if x.strip()), "")
        dated = search_date(below)
        if dated is None or len(below) - (dated.end() - dated.start()) > _DATE_LINE_SLACK:
            continue
        rest = "\n".join(lines[at + 2 :])
        if re.search(rf"\b{m.group('acronym')}\b", rest):
            return m.group("name")
    return None


# A press desk's name after its body's: "U.S. Secret Service Media Relations", "DEA Public Affairs".
_DESK_SUFFIX = re.compile(
    r"\s+(?:Office\s+of\s+)?(?:Public\s+Affairs(?:\s+Office)?|Media\s+Relations|Press\s+Office|"
    r"Press\s+Relations|Public\s+Information\s+Office|Newsroom)\s*$",
    re.IGNORECASE,
)


def body_of_desk(issuer: str) -> str:
    """The body a press desk belongs to, when *issuer* is the desk's name after the body's
    ("DEA Public Affairs" -> "DEA"); *issuer* itself otherwise (a desk alone is kept)."""
    found = _DESK_SUFFIX.search(issuer)
    if found is None:
        return issuer
    body = issuer[: found.start()].rstrip(" ,-–—")
    if not body[:1].isupper() or body.split()[-1].islower() or is_department(body):
        return issuer  # "Office of Public Affairs", "Corporate Media Relations": a desk
    return body


# A CMS's field label on a line of its own, its value on the next: "Published By" /
# "U.S. Secret Service Media Relations".
_PUBLISHED_BY = re.compile(r"(?:Published|Posted|Issued|Released)\s+[Bb]y:?")
_MOST_PUBLISHER_WORDS = 8
_PUBLISHER_LINES = 40


def published_by(lines: list[str]) -> str | None:
    """The body named under a "Published By" label near the top of the text."""
    for index, line in enumerate(lines[:_PUBLISHER_LINES]):
        if _PUBLISHED_BY.fullmatch(line.strip()):
            value = next((v.strip() for v in lines[index + 1 : index + 4] if v.strip()), "")
            words = value.split()
            if 1 <= len(words) <= _MOST_PUBLISHER_WORDS and value[:1].isupper():
                return body_of_desk(value)
            return None
    return None
