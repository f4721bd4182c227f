"""Folding and tokenisation shared by the query language, the search index and highlighting.

One definition of "a word" for the whole search path: the scan that defines the
truth (``Query.matches``), the inverted index and the highlighter all cut text
here, so they cannot disagree.

A token is, in the folded text (``store.sanitize.fold``: case and accents
removed):

- a run of letters and digits (``_`` and punctuation split words, so
  ``counter-terrorism`` is ``counter`` ``terrorism`` and ``d'Ivoire`` is
  ``d`` ``ivoire``);
- one Han, Hiragana or Katakana character on its own (these scripts do not put
  spaces between words, so a query ``東京`` is a phrase of two characters);
- one emoji or pictographic symbol on its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_PICTOGRAPHS = "\u2600-\u27bf\U0001f000-\U0001faff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+|[{_PICTOGRAPHS}]")
_RUN = re.compile(f"[^\\W_{_CJK}]+")
_RUN_CHAR = f"[^\\W_{_CJK}]"
_RUN_AFTER = f"(?![^\\W_{_CJK}])"
_SEPARATOR = f"(?:[^\\w\\x00{_CJK}{_PICTOGRAPHS}]|_)"
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isascii() and chr(c).isalnum())}
)
# The same, for ASCII text as bytes (``bytes.translate`` is a table lookup a byte, ten
# times faster than ``str.translate`` over a body): every ASCII character that is not a
# letter or a digit becomes a space; _LOWER_SEPARATORS also lowers the capitals.
_BYTE_SEPARATORS = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
_LOWER_SEPARATORS = bytes(
    ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32 for c in range(256)
)
# For UTF-8 bytes: the ASCII separators become spaces, the bytes of other characters stay.
_UTF8_SEPARATORS = bytes(32 if c < 128 and not chr(c).isalnum() else c for c in range(256))
_PHONE_LIKE = re.compile(r"[+\d][\d\s().\-/]*")
_NOT_DIGIT = re.compile(r"[^0-9]+")


def _char_class(codepoints: list[int]) -> str:
    """A regex character class of *codepoints*, as ranges (BMP-only classes compile to a
    bitmap in ``re``, so matching them costs the same whatever their size)."""
    ranges: list[list[int]] = []
    for cp in codepoints:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


@lru_cache(maxsize=1)
def _combining_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Built on first use from this Python's Unicode tables, so that it always
    # agrees with ``unicodedata.combining`` used by ``fold``: the BMP marks
    # (fast), and all of them for the rare text with characters beyond the BMP.
    marks = [cp for cp in range(0x110000) if unicodedata.combining(chr(cp))]
    bmp = _char_class([cp for cp in marks if cp < 0x10000])
    return re.compile(f"[{bmp}]+"), re.compile(f"[{_char_class(marks)}]+")


@lru_cache(maxsize=1)
def _inert_characters() -> re.Pattern[str]:
    # Non-ASCII characters that folding leaves alone and that are never part of
    # a token: typographic quotes and dashes, bullets, (R) signs. Replacing them
    # by spaces before folding changes no token and lets most real bodies take
    # the ASCII path.
    inert = []
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        if (
            _TOKEN.match(ch) is None
            and not unicodedata.combining(ch)
            and not 0xD800 <= cp < 0xE000
            and ch.lower() == ch
            and unicodedata.normalize("NFKD", ch.casefold()) == ch
        ):
            inert.append(cp)
    return re.compile(f"[{_char_class(inert)}]+")


def fold_fast(text: str) -> str:
    """Exactly ``store.sanitize.fold(text)``, at C speed (it runs over every body)."""
    if text.isascii():
        # ASCII casefold is lower(); NFKD leaves ASCII alone; no combining marks.
        return text.lower()
    bmp_marks, all_marks = _combining_marks()
    folded = bmp_marks.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if not folded.isascii() and _BEYOND_BMP.search(folded):
        folded = all_marks.sub("", folded)
    return folded


def fold_for_matching(text: str) -> str:
    """``fold_fast(text)`` with inert characters (see ``_inert_characters``) turned into spaces.

    Not the same string as ``fold``, but the same tokens in the same places:
    what phrase patterns search.
    """
    if not text.isascii():
        text = _inert_characters().sub(" ", text)
    return fold_fast(text)


def text_tokens(text: str) -> list[str]:
    """The folded tokens of *text* in order: ``_TOKEN.findall(fold_fast(text))``, faster."""
    return text_tokens_and_kind(text)[0]


def text_tokens_and_kind(text: str) -> tuple[list[str], bool]:
    """``text_tokens(text)``, and whether *text* is *plain*: ASCII but for inert characters.

    The folded form of plain text is its ``lower()``, as far as tokens and
    phrase patterns can tell (inert characters separate tokens like spaces).
    """
    words, plain = token_text_and_kind(text)
    return words.split(), plain


def token_text_and_kind(text: str) -> tuple[str, bool]:
    """``text_tokens_and_kind(text)`` with the tokens left in one string, separated by
    whitespace (``str.split()`` gives them): the list is not made where it is not needed."""
    if text.isascii():
        return _ascii_words(text, _LOWER_SEPARATORS), True
    return _foreign_words(text)


def _foreign_words(text: str) -> tuple[str, bool]:
    """``token_text_and_kind`` of text that is not all ASCII: only its stretches around
    non-ASCII characters are folded, the rest is cut as ASCII text is.

    Most such text is ASCII words around a few foreign ones (a synthetic body: 500
    words, 9 of them not ASCII): folding all of it (inert characters, casefold, NFKD,
    combining marks: ~60 ns a character) cost more than the rest of a row. Its ASCII
    capitals are lowered and its ASCII separators become spaces, as bytes (a UTF-8
    sequence holds no ASCII byte, so no other character is touched); each stretch of
    non-ASCII characters, widened to the spaces around it, is then cut by the old
    route (:func:`_chunk_words`, remembered: the same words come again and again). A
    token never spans an ASCII separator, nor does folding reorder or join anything
    across one (casefold and NFKD are character by character, combining marks are
    dropped), so cutting each piece alone gives what cutting the whole text gave.
    """
    lowered = (
        text.encode("utf-8", "surrogatepass")
        .translate(_LOWER_UTF8)
        .decode("utf-8", "surrogatepass")
    )
    pieces: list[str] = []
    plain = True
    done = 0  # lowered[:done] is in pieces
    known, find, rfind = _CHUNKS, lowered.find, lowered.rfind
    for match in _FOREIGN.finditer(lowered):
        if match.end() <= done:
            continue  # inside the last chunk, widened past it
        start = max(done, rfind(" ", 0, match.start()) + 1)
        end = find(" ", match.end())
        if end < 0:
            end = len(lowered)
        chunk = lowered[start:end]
        words = known.get(chunk)
        if words is None:
            words = _chunk_words(chunk)
            if len(chunk) <= _MOST_CHUNK_CHARS and len(known) < _MOST_CHUNKS:
                known[chunk] = words
        pieces.append(lowered[done:start])
        pieces.append(words[0])
        plain = plain and words[1]
        done = end
    pieces.append(lowered[done:])
    return " ".join(pieces), plain


def _chunk_words(text: str) -> tuple[str, bool]:
    """The tokens of *text* (whitespace-separated) and whether it is plain, the whole of it
    folded (see :func:`_foreign_words`, which gives it the stretches around non-ASCII
    characters)."""
    text = _inert_characters().sub(" ", text)
    if text.isascii():
        return _ascii_words(text, _LOWER_SEPARATORS), True
    folded = fold_fast(text)
    if folded.isascii():
        # Mostly accented Latin, ASCII once folded: its tokens are its runs of ASCII
        # letters and digits, cut as plain text's are (not lowered again: a
        # compatibility letter may fold to a capital, kept as is).
        return _ascii_words(folded, _BYTE_SEPARATORS), False
    return " ".join(_mixed_tokens(folded)), False


# For UTF-8 bytes: ASCII capitals lowered, the ASCII separators spaces, other bytes kept.
_LOWER_UTF8 = bytes(
    (ord(chr(c).lower()) if chr(c).isalnum() else 32) if c < 128 else c for c in range(256)
)
# A stretch of non-ASCII characters, with the spaces between them (one piece to fold).
# Written to begin with one character class, which ``re`` scans for in a tight loop (a
# leading ``[...]+`` is tried at every position: 2.4 times as slow).
_FOREIGN = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*(?: +[^\x00-\x7f]+)*")
# Pieces already cut, by their text (short ones: words), for the next text that has them.
_CHUNKS: dict[str, tuple[str, bool]] = {}
_MOST_CHUNKS = 100_000
_MOST_CHUNK_CHARS = 64


def _ascii_words(text: str, table: bytes) -> str:
    """ASCII *text* with its separators (and, with ``_LOWER_SEPARATORS``, its capitals)
    mapped by *table*: ``text.translate(_ASCII_SEPARATORS)`` (lowered), as bytes."""
    return text.encode("ascii").translate(table).decode("ascii")


def _mixed_tokens(folded: str) -> list[str]:
    """``_TOKEN.findall(folded)`` for folded text that is not all ASCII, faster.

    The regex costs ~50 ns a character; most of such a body is ASCII words around a few
    foreign ones. Its ASCII separators become spaces (as bytes: a UTF-8 sequence holds no
    ASCII byte, so no other character is touched) and it is split at whitespace, which
    no token holds: an ASCII chunk is one token (ASCII letters and digits), any other
    is cut by the regex (a token never spans a separator, so cutting it alone gives
    what cutting the whole text gives there).
    """
    chunks = (
        folded.encode("utf-8", "surrogatepass")
        .translate(_UTF8_SEPARATORS)
        .decode("utf-8", "surrogatepass")
        .split()
    )
    tokens: list[str] = []
    add, more, cut = tokens.append, tokens.extend, _TOKEN.findall
    for chunk in chunks:
        if chunk.isascii():
            add(chunk)
        else:
            more(cut(chunk))
    return tokens


def _is_run_token(token: str) -> bool:
    return _RUN.fullmatch(token) is not None


def phrase_pattern(tokens: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """A regex that finds the phrase *tokens* in folded text, without tokenising it.

    It matches exactly where ``tokenize`` would give *tokens* consecutively
    (the last as a prefix when *prefix*): runs of letters and digits need a
    boundary on each side, single-character tokens (CJK, pictographs) need
    none, and only non-token characters may separate them. ``\\x00`` is never
    a separator: fields are joined with it so that a phrase stays in one field.
    """
    parts: list[str] = []
    for index, token in enumerate(tokens):
        run = _is_run_token(token)
        if index:
            parts.append(_SEPARATOR + ("+" if run and _is_run_token(tokens[index - 1]) else "*"))
        parts.append(re.escape(token))
        if index == 0 and run:
            # The boundary is checked after the literal (a lookbehind over it) so
            # that the pattern starts with a literal, which the engine scans for fast.
            parts.append(f"(?<!{_RUN_CHAR}{re.escape(token)})")
    if _is_run_token(tokens[-1]) and not prefix:
        parts.append(_RUN_AFTER)
    return re.compile("".join(parts))


def tokenize(text: str) -> list[str]:
    """The folded tokens of *text*, in order."""
    return text_tokens(text)


def token_string(text: str) -> str:
    """The tokens of *text* joined by single spaces, with a space at each end.

    A phrase ``a b`` occurs in *text* exactly when ``" a b "`` is a substring of
    this string (tokens never hold a space), which turns phrase checks into one
    C-level ``in``.
    """
    return " " + " ".join(text_tokens(text)) + " "


def field_key(text: str) -> str:
    """The form of a field value compared by ``org:``, ``loc:`` ... (folded, single spaces)."""
    return " ".join(fold_fast(text).split())


def is_phone_like(text: str) -> bool:
    """Whether *text* reads as (part of) a phone number: digits and phone punctuation only."""
    return bool(_PHONE_LIKE.fullmatch(text.strip())) and any(ch.isdigit() for ch in text)


def digits_of(text: str) -> str:
    """The ASCII digits of *text* (phones are compared on digits only)."""
    return _NOT_DIGIT.sub("", text)


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index of the source character.

    Folding is character-local (casefold and NFKD map one character to a
    sequence; only combining marks are reordered, and those are dropped), so
    folding character by character gives the same string and a map back to
    the original text for highlighting.
    """
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(out), offsets


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold_fast(ch)


def token_spans(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every token of an already folded string."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
