"""The query language of the search bar and ``pressroom search``: parsing and the reference match.

``parse_query`` turns what the user typed into a frozen :class:`Query`; it never
raises. A query is an AND of clauses, each clause an OR of terms, each term
possibly negated. ``Query.matches`` is a plain scan over one release and is the
definition of the truth; ``store.search.index`` must return exactly the same
releases, faster.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from store.records import Release
from store.sanitize import clean_text
from store.search.tokens import (
    digits_of,
    field_key,
    folded_with_offsets,
    is_phone_like,
    token_spans,
    token_string,
    tokenize,
)

QUERY_HELP = """\
Search syntax

  sahel morocco          every word must match (title, body, organisations, people,
                         place, contacts, tags); case and accents are ignored
  counter-terr           the word being typed matches as a prefix
  "heads of security"    exact phrase (consecutive words)
  -draft  -"for sale"    leave out releases with this word or phrase
  sahel OR sahara mali   either word; OR binds tighter than the implicit AND:
                         (sahel OR sahara) AND mali

Fields (the value is found anywhere inside the field; quote values with spaces;
a leading - negates):
  org:unoct  org:"World Health"     an issuing or named organisation
  issuer:unoct                      the organisation that issued the release
  loc:marrakesh                     the dateline place
  person:voronkov                   a person named in the release
  contact:gerardl  contact:"+41 22" a media contact: name, email, role, or phone
                                    (a phone is compared on its digits only)
  tag:climate  lang:fr  source:rss  tags (the release's and your own), language,
                                    source path or format

Dates (a release without a date never matches a date filter):
  date:2021  date:2021-06  date:2021-06-23      that year, month or day
  date:2021-01..2021-06  date:2021..  date:..2021-06
                                                an inclusive range; open ends allowed
  after:2021-06          strictly after the period: from 2021-07-01 on
  before:2022            strictly before the period: up to 2021-12-31
  date:7d  date:2w  date:3m  date:1y
                         the last 7 days, 2 weeks, 3 months, 1 year, up to today
                         (date:7d = from 7 days ago to today, both included)

State:
  is:starred  is:unread  is:read
  (while typed, the start of one is that one: is:st is is:starred)

A qualifier that is not understood (date:banana, foo:bar) is searched as plain
text and a hint says so. An empty query shows everything.
"""

FIELDS = ("org", "issuer", "loc", "person", "contact", "tag", "lang", "source")
_DATE_FIELDS = ("date", "after", "before")
_STATES = ("starred", "read", "unread")
MIN_ORDINAL = 1
MAX_ORDINAL = date.max.toordinal()
# Words of a quoted phrase that are searched; the rest only cost time.
MAX_PHRASE_WORDS = 32

_ITEM = re.compile(
    r"""
    (?P<neg>-)?
    (?:
        (?P<name>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)(?P<fclose>"?)|(?P<fvalue>[^\s"]*))
      | "(?P<quoted>[^"]*)(?P<close>"?)
    )
    (?=\s|$)
    """,
    re.VERBOSE,
)
_BARE = re.compile(r"\S+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_RELATIVE = re.compile(r"(\d{1,6})([dwmy])", re.IGNORECASE)


class ReleaseStateLike(Protocol):
    """What a query needs of a release's user state (``store.disk.release_store.ReleaseState``)."""

    @property
    def read(self) -> bool: ...

    @property
    def starred(self) -> bool: ...

    @property
    def tags(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class UnreadState:
    """The state of a release the user has never touched: unread, not starred."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


DEFAULT_STATE = UnreadState()


@dataclass(frozen=True, slots=True)
class Term:
    """One condition of a query.

    ``kind`` is ``text`` (``tokens``: one folded token is a word, several a
    phrase; ``prefix``: the last token may be unfinished), ``field``
    (``field`` names it, ``value`` is the folded value, ``digits`` the phone
    digits for ``contact:``), ``date`` (inclusive ordinals ``start``..``end``)
    or ``state`` (``field`` is starred, read or unread).
    """

    kind: str
    negated: bool = False
    tokens: tuple[str, ...] = ()
    prefix: bool = False
    field: str = ""
    value: str = ""
    digits: str = ""
    start: int = MIN_ORDINAL
    end: int = MAX_ORDINAL

    @property
    def needle(self) -> str:
        """For text terms: the substring of ``release_token_string`` that means a match."""
        return " " + " ".join(self.tokens) + ("" if self.prefix else " ")

    def matches(self, release: Release, state: ReleaseStateLike, text: str | None) -> bool:
        """Whether *release* satisfies this term, ignoring ``negated``.

        *text* is ``release_token_string(release)`` when the caller has it.
        """
        if self.kind == "text":
            haystack = text if text is not None else release_token_string(release)
            return self.needle in haystack
        if self.kind == "field":
            if field_matches(self.field, self.value, self.digits, release):
                return True
            # tag: also looks at the user's own tags, kept beside the marks.
            return self.field == "tag" and user_tag_matches(self.value, state.tags)
        if self.kind == "date":
            ordinal = release_ordinal(release)
            return ordinal != 0 and self.start <= ordinal <= self.end
        if self.field == "starred":
            return bool(state.starred)
        if self.field == "read":
            return bool(state.read)
        return not state.read


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: an AND of ``clauses``, each an OR of :class:`Term`."""

    text: str
    clauses: tuple[tuple[Term, ...], ...] = ()
    hints: tuple[str, ...] = ()
    prefix_last: bool = False
    _needs_text: bool = field(default=False, repr=False, compare=False)

    def is_empty(self) -> bool:
        """An empty query matches every release."""
        return not self.clauses

    def matches(self, release: Release, state: ReleaseStateLike | None = None) -> bool:
        """The reference match: a plain scan of *release*; the definition of the truth."""
        if not self.clauses:
            return True
        current = DEFAULT_STATE if state is None else state
        text = release_token_string(release) if self._needs_text else None
        for clause in self.clauses:
            if not any(term.matches(release, current, text) != term.negated for term in clause):
                return False
        return True

    def highlight_spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` character ranges of *text* that hold a searched word or phrase."""
        wanted = [
            (term.tokens, term.prefix)
            for clause in self.clauses
            for term in clause
            if term.kind == "text" and not term.negated
        ]
        if not wanted or not text:
            return []
        folded, offsets = folded_with_offsets(text)
        spans = token_spans(folded)
        words = [token for _, _, token in spans]
        hits: list[tuple[int, int]] = []
        for tokens, prefix in wanted:
            size = len(tokens)
            for i in range(len(words) - size + 1):
                if words[i : i + size - 1] != list(tokens[:-1]):
                    continue
                last = words[i + size - 1]
                if last == tokens[-1] or (prefix and last.startswith(tokens[-1])):
                    start = offsets[spans[i][0]]
                    end = offsets[spans[i + size - 1][1] - 1] + 1
                    hits.append((start, end))
        return _merge_spans(hits)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def release_text_fields(release: Release) -> list[str]:
    """The fields plain words are searched in, one string per field value.

    Title, body, each organisation, each person's name and role, the place,
    every part of every contact, each tag. Not the kicker, embargo line,
    language or source: those have their own qualifiers or are boilerplate.
    """
    parts = [release.title, release.body, *release.organisations]
    for person in release.people:
        parts.append(person.name)
        if person.role:
            parts.append(person.role)
    if release.location:
        parts.append(release.location)
    for contact in release.contacts:
        for value in (contact.name, contact.role, contact.organisation, contact.email):
            if value:
                parts.append(value)
        if contact.phone:
            parts.append(contact.phone)
    parts.extend(release.tags)
    return parts


def release_token_string(release: Release) -> str:
    """All searchable tokens of *release* as one string: ``" a b | c | d e "``.

    A word ``w`` matches when ``" w "`` is in it, a prefix ``p`` when ``" p"``
    is, a phrase when its tokens joined by spaces are; the ``|`` between
    fields (never a token) stops a phrase from running from one field into
    the next.
    """
    return " |".join(token_string(part)[:-1] for part in release_text_fields(release)) + " "


def release_ordinal(release: Release) -> int:
    """The release date as a proleptic ordinal, or 0 when it has none (or a broken one)."""
    return date_ordinal(release.date)


def date_ordinal(value: str | None) -> int:
    """An ISO date as a proleptic ordinal, or 0 when there is none (or a broken one)."""
    if not value or not _ISO_DATE.fullmatch(value):
        return 0
    try:
        return date.fromisoformat(value).toordinal()
    except ValueError:
        return 0


def field_values(name: str, release: Release) -> list[str]:
    """The raw values a field qualifier looks at (phones for ``contact:`` excluded)."""
    if name == "org":
        return list(release.organisations)
    if name == "issuer":
        return [release.issuer] if release.issuer else []
    if name == "loc":
        return [release.location] if release.location else []
    if name == "person":
        return [person.name for person in release.people]
    if name == "contact":
        return [
            value
            for contact in release.contacts
            for value in (contact.name, contact.email, contact.role)
            if value
        ]
    if name == "tag":
        return list(release.tags)
    if name == "lang":
        return [release.language] if release.language else []
    if name == "source":
        return [release.source.path, release.source.format]
    return []


def user_tag_matches(value: str, tags: tuple[str, ...]) -> bool:
    """``tag:`` on the user's tags: *value* (folded) inside one of them, as for any field."""
    return any(value in field_key(tag) for tag in tags)


def release_phones(release: Release) -> list[str]:
    """The digits of each contact phone of *release* (empty ones left out)."""
    out = []
    for contact in release.contacts:
        if contact.phone:
            digits = digits_of(contact.phone)
            if digits:
                out.append(digits)
    return out


def field_matches(name: str, value: str, digits: str, release: Release) -> bool:
    """A field qualifier: *value* (folded) is inside one of the field's values."""
    if any(value in field_key(raw) for raw in field_values(name, release)):
        return True
    return bool(digits) and any(digits in phone for phone in release_phones(release))


# -- parsing -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    raw: str
    negated: bool
    terms: list[Term]  # empty: no constraint (a lone "-", an empty "org:")
    bare: bool  # a plain word (may become a prefix; may be the OR operator)
    # The state an unfinished ``is:`` value begins (``is:sta``): what it means
    # while it is still being typed, as the last word is a prefix.
    state: str = ""


def parse_query(text: str, *, today: date | None = None) -> Query:
    """Parse what the user typed; see ``QUERY_HELP`` for the syntax.

    Every text is a query (typing must never be blocked): what is not
    understood is searched as text with a hint, and no input raises, which
    ``tests/test_query.py`` checks on arbitrary text.
    """
    today = today or date.today()
    cleaned = clean_text(text).replace("\n", " ").replace("\t", " ")
    hints: list[str] = []
    items: list[_Item] = []
    pos = 0
    while True:
        while pos < len(cleaned) and cleaned[pos].isspace():
            pos += 1
        if pos >= len(cleaned):
            break
        match = _ITEM.match(cleaned, pos) or _BARE.match(cleaned, pos)
        assert match is not None  # \S+ matches here: \s and str.isspace agree on every character
        pos = match.end()
        items.append(_read_item(match, today, hints))

    ends_open = bool(cleaned) and not cleaned[-1].isspace()
    if items and ends_open and items[-1].state:
        # is:s, is:st ... on the way to is:starred: that state, not a phrase of
        # "is" and a prefix (which matched nothing useful, slowly, at every key).
        last = items[-1]
        last.terms = [Term("state", last.negated, field=last.state)]
        hints.remove(_state_hint(last.raw))
    elif items and ends_open:
        last = items[-1]
        if last.bare and not last.negated and last.terms and last.raw != "OR":
            term = last.terms[0]
            last.terms = [Term("text", tokens=term.tokens, prefix=True)]

    clauses: list[list[Term]] = []
    join_next = False
    for index, item in enumerate(items):
        if item.bare and not item.negated and item.raw == "OR":
            # Dangling (first or last) ORs are what the user is still typing.
            join_next = bool(clauses) and index + 1 < len(items)
            continue
        if not item.terms:
            join_next = False
            continue
        if join_next and clauses:
            clauses[-1].extend(item.terms)
        else:
            clauses.append(list(item.terms))
        join_next = False

    final = tuple(tuple(dict.fromkeys(clause)) for clause in clauses)
    prefix_last = any(term.prefix for clause in final for term in clause)
    needs_text = any(term.kind == "text" for clause in final for term in clause)
    return Query(text, final, tuple(dict.fromkeys(hints)), prefix_last, needs_text)


def _text_item(raw: str, negated: bool, *, bare: bool) -> _Item:
    tokens = tuple(tokenize(raw))
    terms = [Term("text", negated=negated, tokens=tokens)] if tokens else []
    return _Item(raw, negated, terms, bare)


def _read_item(match: re.Match[str], today: date, hints: list[str]) -> _Item:
    if match.re is _BARE:
        raw = match.group()
        negated = raw.startswith("-") and len(raw) > 1
        return _text_item(raw[1:] if negated else raw, negated, bare=True)
    negated = match.group("neg") is not None
    if match.group("name") is None:
        # "phrase" (an unclosed quote runs to the end: the user is typing it)
        item = _text_item(match.group("quoted"), negated, bare=False)
        if item.terms and len(item.terms[0].tokens) > MAX_PHRASE_WORDS:
            # A pasted paragraph: its first words find it as surely, and the
            # work stays bounded (3,000 words once froze the browser for 25 s).
            first = item.terms[0]
            item.terms[0] = replace(first, tokens=first.tokens[:MAX_PHRASE_WORDS])
            hints.append(f"a phrase is searched by its first {MAX_PHRASE_WORDS} words")
        if not match.group("close") and not negated and item.terms:
            item.bare = True  # so that its last word may be a prefix
        return item
    name = match.group("name").lower()
    quoted = match.group("fquoted")
    value = quoted if quoted is not None else match.group("fvalue") or ""
    raw = match.group()[1:] if negated else match.group()
    value = " ".join(value.split())
    if name in FIELDS:
        key = field_key(value)
        if not key:
            return _Item(raw, negated, [], False)
        digits = digits_of(value) if name == "contact" and is_phone_like(value) else ""
        return _Item(
            raw, negated, [Term("field", negated, field=name, value=key, digits=digits)], False
        )
    if name in _DATE_FIELDS:
        if not value:
            return _Item(raw, negated, [], False)
        bounds = _date_bounds(name, value, today)
        if bounds is None:
            hints.append(f"{raw} is not a date; searching it as text")
            return _text_item(raw, negated, bare=True)
        start, end = bounds
        return _Item(raw, negated, [Term("date", negated, start=start, end=end)], False)
    if name == "is":
        state = value.lower()
        if not state:
            return _Item(raw, negated, [], False)
        if state in _STATES:
            return _Item(raw, negated, [Term("state", negated, field=state)], False)
        hints.append(_state_hint(raw))
        item = _text_item(raw, negated, bare=True)
        begun = [full for full in _STATES if full.startswith(state)]
        if len(begun) == 1 and quoted is None:
            item.state = begun[0]
        return item
    if not value.startswith("//"):  # a URL is text, not a mistyped field
        hints.append(f"{name}: is not a field; searching {raw} as text")
    return _text_item(raw, negated, bare=quoted is None)


def _state_hint(raw: str) -> str:
    return f"{raw}: is: takes starred, read or unread; searching it as text"


def _date_bounds(name: str, value: str, today: date) -> tuple[int, int] | None:
    """Inclusive ordinal bounds for a date qualifier, or None when *value* is not a date."""
    if name == "date":
        relative = _RELATIVE.fullmatch(value)
        if relative:
            return _relative_bounds(int(relative.group(1)), relative.group(2).lower(), today)
        if ".." in value:
            left, _, right = value.partition("..")
            if not left and not right:
                return None
            low = _period(left) if left else (MIN_ORDINAL, MIN_ORDINAL)
            high = _period(right) if right else (MAX_ORDINAL, MAX_ORDINAL)
            if low is None or high is None or low[0] > high[1]:
                return None
            return low[0], high[1]
        return _period(value)
    period = _period(value)
    if period is None:
        return None
    if name == "after":
        return (period[1] + 1, MAX_ORDINAL) if period[1] < MAX_ORDINAL else None
    return (MIN_ORDINAL, period[0] - 1) if period[0] > MIN_ORDINAL else None


def _period(value: str) -> tuple[int, int] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as inclusive ordinal bounds."""
    match = _PERIOD.fullmatch(value)
    if not match:
        return None
    year = int(match.group(1))
    if year < 1:
        return None
    if match.group(2) is None:
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return date(year, month, 1).toordinal(), date(year, month, last_day).toordinal()
    day = int(match.group(3))
    if not 1 <= day <= last_day:
        return None
    ordinal = date(year, month, day).toordinal()
    return ordinal, ordinal


def _relative_bounds(count: int, unit: str, today: date) -> tuple[int, int]:
    """The last *count* days/weeks/months/years up to and including *today*."""
    end = today.toordinal()
    if unit in ("d", "w"):
        days = count * (7 if unit == "w" else 1)
        return max(MIN_ORDINAL, end - days), end
    months = count * (12 if unit == "y" else 1)
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    if year < 1:
        return MIN_ORDINAL, end
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day).toordinal(), end
