"""Who issued a release when no "About X" or contact says it: letterhead, the lead's subject."""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.ingest.extract.dates import search_date
from store.ingest.extract.organisations import is_org_word
from store.sanitize import clean_line, fold

# Words that make a letterhead or a lead's subject a body that issues releases, besides the
# organisation words: a project, a campaign, a delegation.
_ISSUING_WORDS = frozenset(("project", "projects", "campaign", "delegation"))
_MINOR = frozenset(
    "of and for the on in de des du la le et del y für und der & d’ d'".split()  # noqa: SIM905
)
_MAX_WORDS = 10
# Letters set apart by spaces, as a PDF's letterhead comes out: "P R I V A C Y   &   C I V I L".
_SPACED_LETTERS = re.compile(r"(?:\S[ ]){4,}\S")
# A legislator whose office issues the release: "U.S. Senator Bob Corker", "Sen. Frank R. Lautenberg",
# "Rep. Jane Doe", "Congresswoman Jane Doe", at the start of the lead or in the letterhead.
_LEGISLATOR = re.compile(
    r"(?:U\.?[ ]?S\.?[ ]+)?(?P<title>Senators?|Sens?\.?|Representatives?|Reps?\.|Congressman|"
    r"Congresswoman|Congressmember)[ ]+"
    r"(?P<name>[A-Z][a-z]+(?:[ ]+[A-Z]\.?(?=[ ]))?(?:[ ]+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2})"
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
    r"des|la|für|und|der)){0,9})(?:[ ]+\([A-Z][A-Za-z&.]{1,10}\))?,?[ ]+(?:today|"
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
# Capitals before the name, from a letterhead's column: "MEMBERS The Privacy ... Board".
_CAPS_BEFORE_THE = re.compile(r"^(?:[A-Z]{2,}[ ]+)+(?=The[ ])")


# A letterhead line is short: a longer one (a text whose line breaks were lost) is not
# looked at, which cost a fifth of the whole extraction in this regex.
_LETTERHEAD_LINE = 400


def _collapse_spaced(line: str) -> str:
    """ "P R I V A C Y   &   C I V I L" -> "PRIVACY & CIVIL"."""
    if len(line) > _LETTERHEAD_LINE or not _SPACED_LETTERS.search(line):
        return line
    words = re.split(r"[ ]{2,}", line.strip())
    return " ".join(w.replace(" ", "") for w in words)


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
    title = m.group("title")
    title = _TITLES.get(title.casefold(), title)
    suffix = ", Jr." if re.match(r",?[ ]+Jr\b", text[m.end() :]) else ""
    return f"{title} {' '.join(m.group('name').split())}{suffix}"


def _named_again(name: str, text: str) -> bool:
    """Whether *text* names *name* too ("&" and "and" alike, in any case)."""
    return fold(name.replace("&", "and")) in fold(text.replace("&", "and"))


def letterhead(lines: list[str], below: str) -> str | None:
    """The organisation a document's first lines name before anything else: a PDF's
    letterhead ("The Privacy and Civil Liberties" / "Oversight Board"), a legislator's
    ("U.S. Senator Patty Murray", "from the Office of Senator Bob Corker").

    A body's name counts only if the release (*below*) names it again: a subtitle, a
    byline or a web page's banner above the text is written in title case too."""
    seen: list[str] = []
    for line in lines[:40]:
        stripped = " ".join(_collapse_spaced(line.strip(" \t*_#>")).split())
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


def lead_subject(opening: str) -> str | None:
    """The body or legislator that the lead sentence is about: "The Privacy and Civil
    Liberties Oversight Board has voted ...", "U.S. Senator Bob Corker today made ..."."""
    text = " ".join(opening[:400].split()).lstrip("“\"'(")
    if (person := _legislator_subject(text)) is not None:
        return person
    m = _SUBJECT.match(_CAPS_BEFORE_THE.sub("", text))
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if len(words) > 2 and words[0].endswith(("'s", "’s")):
        name = " ".join(words[1:])  # "Abbotsford's Helical Works Company": the town's
    return name if _names_body(name) else None


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
