"""What one release is stored as in PostgreSQL: its JSON form and the columns search reads.

Every search column is computed here, in Python, by the very functions the
reference scan uses (``store.search.query``, ``store.search.tokens``), so that
PostgreSQL compares the same strings the scan compares and cannot fold,
tokenise or order text any other way:

* ``token_text`` is ``release_token_string(release)`` (made from the same tokens): a word, a prefix or a
  phrase matches exactly when its needle (``Term.needle``) is a substring of
  it, which is the scan's own test (``strpos`` in SQL);
* ``words`` is the set of those tokens as a ``tsvector``, written as quoted
  lexemes (taken verbatim: no parser, no dictionary, no positions; not
  ``to_tsvector('simple', ...)``, whose parser cuts words its own way, knows
  only ASCII letters in the C locale and keeps no field boundaries), indexed by GIN: it finds the candidates of a word or a
  prefix, and for one word it is the whole answer;
* ``<field>_keys`` hold the ``field_key`` of each value a qualifier looks at,
  one per line (a key never holds a line break, a query value neither), so
  that "*value* inside one of the values" is one ``LIKE '%value%'`` on one
  string, which a trigram index (``pg_trgm``) answers;
* the order columns are ``archive_order``'s key, split in its parts, compared
  byte-wise (``COLLATE "C"``: UTF-8 bytes sort as Python's code points).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import reduce
from operator import or_

import orjson

from store.disk.catalogue import archive_order
from store.records import Release
from store.sanitize import fold
from store.search.query import (
    FIELDS,
    field_values,
    release_ordinal,
    release_phones,
    release_text_fields,
)
from store.search.tokens import field_key, text_tokens

# A lexeme is cut to this many characters (at most 4 UTF-8 bytes each: 2,000 bytes,
# under both PostgreSQL's 2,047-byte lexeme and GIN's ~2,700-byte entry limits); a
# query token as long is then searched as a prefix of its cut and checked in full.
LEXEME_CHARS = 500
_LONG_TOKEN = re.compile(f" [^ ]{{{LEXEME_CHARS + 1}}}")
# A tsvector holds at most 1 MiB of lexemes; a release whose distinct tokens need
# more (a 20 MB file of random words) keeps an empty one and is checked by its
# ``token_text`` alone (``words_complete`` false), which stays exact, only slower.
WORDS_BUDGET = 900_000
# Which columns ``field:`` qualifiers compare, by field name.
KEY_COLUMNS = {name: f"{name}_keys" for name in FIELDS}
KEY_SEPARATOR = "\n"
# Every release is in one of SAMPLE_SPAN sample buckets (``sample``), by a CRC-32 of its id,
# so that "sample < k" is a uniform random share k/SAMPLE_SPAN of the archive, the same one
# each time (whatever the order of the imports), on which big results are estimated.
SAMPLE_SPAN = 1 << 16
# The first SAMPLE_INDEXED buckets (1/256 of the archive) have a words index of their own
# (schema: ``releases_sample_words``): the sample a count is estimated on, in an archive of
# about 770,000 releases or more, is found in it (10 ms for a word in half of a million)
# rather than by testing each of its rows (each detoasting the row's lexemes: 25-40 us,
# 3,000 rows, at 1M). Measured at a million: 1,024 buckets took 36 ms (its rows outside
# the sample read from the table, and a prefix's postings four times as many).
SAMPLE_INDEXED = 1 << 8
# The one- and two-letter prefixes (the first keys of every word typed) are answered by a
# bit each in ``initials`` (191 bytes in the row itself, never a detoasted tsvector):
# 36 single ASCII letters and digits, 64 buckets for any other single character, 36 x 36
# ASCII pairs, 128 buckets for any other pair (see initial_bit). get_bit(bytea, n) reads
# bit n & 7 of byte n >> 3.
_INITIALS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SINGLE_BUCKETS = 36
_PAIRS = _SINGLE_BUCKETS + 64
_PAIR_BUCKETS = _PAIRS + 36 * 36
INITIALS_BYTES = (_PAIR_BUCKETS + 128 + 7) // 8


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    """One release as the ``releases`` table's columns (see ``store.pg.schema``)."""

    id: str
    document: str  # the JSON text of Release.to_document()
    fingerprint: str
    source_path: str
    date: str | None
    location: str | None
    issuer: str | None
    organisations: list[str]
    day: int | None
    undated: bool
    date_key: str
    title_key: str
    organisation_key: str
    place_key: str
    words: list[str]
    words_complete: bool
    token_text: str
    keys: dict[str, str]  # field name -> its values' keys, one per line
    tag_folds: list[str]
    phones: str
    sample: int  # 0 ... SAMPLE_SPAN - 1, from the id: see SAMPLE_SPAN
    initials: bytes  # which one- and two-letter prefixes its tokens have: see initial_bit

    def values(self) -> tuple[object, ...]:
        """The row in the order of :data:`ROW_COLUMNS`."""
        return (
            self.id,
            self.document,
            self.fingerprint,
            self.source_path,
            self.date,
            self.location,
            self.issuer,
            self.organisations,
            self.day,
            self.undated,
            self.date_key,
            self.title_key,
            self.organisation_key,
            self.place_key,
            tsvector_text(self.words),
            self.words_complete,
            self.token_text,
            *(self.keys[name] for name in FIELDS),
            self.tag_folds,
            self.phones,
            self.sample,
            self.initials,
        )


# The columns of a ReleaseRow, in the order the bulk load's COPY sends them.
ROW_COLUMNS: tuple[str, ...] = (
    "id",
    "document",
    "fingerprint",
    "source_path",
    "date",
    "location",
    "issuer",
    "organisations",
    "day",
    "undated",
    "date_key",
    "title_key",
    "organisation_key",
    "place_key",
    "words",
    "words_complete",
    "token_text",
    *(KEY_COLUMNS[name] for name in FIELDS),
    "tag_folds",
    "phones",
    "sample",
    "initials",
)


def storable(release: Release) -> Release:
    """*release* as PostgreSQL can hold it: text without NUL and without lone surrogates.

    Imported releases are clean already (``store.sanitize`` at the boundary);
    one built by hand with such characters is cleaned the way an imported one
    is (``Release.from_json``), keeping its id and fingerprint.
    """
    return stored_form(release)[0]


def stored_form(release: Release) -> tuple[Release, str]:
    """:func:`storable`'s release and its JSON document text (made once: ~5 KB a release)."""
    try:
        text = orjson.dumps(release.to_document())
    except TypeError:  # lone surrogates: not UTF-8
        release = Release.from_json(release.to_document())
        text = orjson.dumps(release.to_document())
    if b"\\u0000" in text:
        release = Release.from_json(release.to_document())
        text = orjson.dumps(release.to_document())
    return release, text.decode()


def release_row(release: Release, document: str | None = None) -> ReleaseRow:
    """The row of *release* (which :func:`storable` has cleaned); *document* is its JSON
    text when :func:`stored_form` made it already."""
    # Each field cut into tokens once: the token text and the lexemes are both made of them.
    tokens = [text_tokens(part) for part in release_text_fields(release)]
    words, complete = lexemes(tokens)
    keys = {
        name: KEY_SEPARATOR.join(field_key(value) for value in field_values(name, release))
        for name in FIELDS
    }
    undated, date_key, title_key = archive_order(release.date, release.title)
    return ReleaseRow(
        id=release.id,
        document=orjson.dumps(release.to_document()).decode() if document is None else document,
        fingerprint=release.fingerprint,
        source_path=release.source.path,
        date=release.date,
        location=release.location,
        issuer=release.issuer,
        organisations=list(release.organisations),
        day=release_ordinal(release) or None,
        undated=bool(undated),
        date_key=date_key,
        title_key=title_key,
        organisation_key=fold(release.organisations[0]) if release.organisations else "",
        place_key=fold(release.location or ""),
        words=words,
        words_complete=complete,
        token_text=token_text(tokens),
        keys=keys,
        tag_folds=[field_key(tag) for tag in release.tags],
        phones=KEY_SEPARATOR.join(release_phones(release)),
        sample=sample_of(release.id),
        initials=initials([words] if complete else tokens),
    )


def initial_bit(prefix: str) -> tuple[int, bool]:
    """The bit of ``initials`` that stands for tokens beginning with *prefix* (one or two
    characters), and whether it stands for exactly those: a prefix of ASCII letters and
    digits has a bit of its own, any other shares one of a few buckets (by CRC-32) with
    other prefixes, and a set bit must then be checked against the lexemes."""
    if all(ch in _INITIALS for ch in prefix):
        if len(prefix) == 1:
            return _INITIALS.index(prefix), True
        return _PAIRS + _INITIALS.index(prefix[0]) * 36 + _INITIALS.index(prefix[1]), True
    bucket = zlib.crc32(prefix.encode())
    if len(prefix) == 1:
        return _SINGLE_BUCKETS + bucket % 64, False
    return _PAIR_BUCKETS + bucket % 128, False


def initials(tokens: list[list[str]]) -> bytes:
    """The ``initials`` bit string of a release whose fields have these *tokens*."""
    # Each token's first two characters (one for a one-letter token): a few hundred
    # distinct heads a release, each looked up once for a mask holding its own bit and its
    # first character's (a bit a token took a third of an import's time), the masks
    # or-ed together in C. As an int, bit n is bit n & 7 of byte n >> 3.
    if len(tokens) == 1:
        heads = {token[:2] for token in tokens[0]}
    else:
        heads = set()
        for part in tokens:
            heads.update([token[:2] for token in part])
    heads.discard("")
    mask = reduce(or_, map(_MASKS.__getitem__, heads), 0)
    return mask.to_bytes(INITIALS_BYTES, "little")


class _Masks(dict[str, int]):
    """``initials``' mask by head (one or two characters), made as heads are met."""

    def __missing__(self, head: str) -> int:
        mask = 1 << initial_bit(head)[0]
        if len(head) > 1:
            mask |= 1 << initial_bit(head[0])[0]
        if len(self) < _MOST_MASKS:  # a hostile text's every pair: not kept for ever
            self[head] = mask
        return mask


_MASKS = _Masks()
_MOST_MASKS = 100_000


def sample_of(release_id: str) -> int:
    """The sample bucket of *release_id*: uniform over the ids, and the same every time."""
    return zlib.crc32(release_id.encode()) % SAMPLE_SPAN


def tsvector_text(words: list[str]) -> str:
    """*words* in tsvector's input form: each lexeme quoted, so that it is taken verbatim
    (a quoted lexeme is not parsed nor normalised; ``'`` doubled, ``\\`` escaped)."""
    if not words:
        return ""
    plain = " ".join(words)
    if "'" in plain or "\\" in plain:
        return " ".join("'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in words)
    # Tokens never hold a quote or a backslash today: one join, not one replace a word.
    return "'" + "' '".join(words) + "'"


def token_text(tokens: list[list[str]]) -> str:
    """``release_token_string`` of a release whose fields have these *tokens*, without
    cutting them again (``token_string(part)[:-1]`` is ``" " + " ".join(tokens)``)."""
    return " |".join(" " + " ".join(part) for part in tokens) + " "


def lexemes(tokens: list[list[str]]) -> tuple[list[str], bool]:
    """The distinct *tokens* of a release's searched fields, each cut to ``LEXEME_CHARS``,
    in a tsvector's own order; and False (with no lexemes) when they are too many for one
    tsvector.

    A tsvector keeps its lexemes sorted byte-wise (``memcmp``, a prefix first), which for
    UTF-8 is the code points' order, Python's own. Sent in that order, the server's input
    function (binary ``tsvectorrecv`` or text) finds them sorted and does not sort them
    again: at 100k releases that sort was a third of the bulk load's ``COPY``
    (``qsort_arg``, perf), 0.07-0.09 ms a release of server CPU against 0.035-0.045 for
    sorted lexemes, for 0.02 ms of the worker's (``list.sort`` of ~300 strings in C).
    Out of order, the stored tsvector would be the same: the server sorts what is not."""
    distinct: set[str] = set()
    for part in tokens:
        distinct.update(part)
    words = sorted(distinct)
    joined = " ".join(words)
    # A token longer than LEXEME_CHARS: the first, or a space and that many non-spaces (a
    # token holds no whitespace), which the regex finds by jumping from space to space
    # (0.006 ms a release against 0.037 for the longest token's length, max(map(len))).
    if words and (len(words[0]) > LEXEME_CHARS or _LONG_TOKEN.search(joined)):
        words = sorted({token[:LEXEME_CHARS] for token in words})
        joined = " ".join(words)
    size = len(joined) if joined.isascii() else len(joined.encode())
    if size + 8 * len(words) > WORDS_BUDGET:
        return [], False
    return words, True
