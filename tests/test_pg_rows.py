"""A release's PostgreSQL row, made the fast way, is the row its definitions give.

The row's search columns are made from tokens cut once and shared (``columns.release_row``),
by a tokeniser that folds only the stretches of text around non-ASCII characters
(``tokens._foreign_words``) and an ``initials`` that ors one mask a head: each is checked
here against the plain definition (the token regex over the folded text, a bit a token).
No server is needed.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.pg.columns import (
    INITIALS_BYTES,
    LEXEME_CHARS,
    initial_bit,
    initials,
    lexemes,
    release_row,
    storable,
)
from store.records import Contact, Person, Release, Source
from store.sanitize import fold
from store.search.query import release_text_fields, release_token_string
from store.search.tokens import (
    _TOKEN,
    _inert_characters,
    text_tokens,
    text_tokens_and_kind,
    token_text_and_kind,
)
from tests.helpers.synthetic import generate
from tests.helpers.synthetic_releases import international_release

# Words of several scripts and the characters that fold oddly, between ASCII words and
# separators: what a body that is mostly ASCII with some foreign words is made of.
_PIECES = st.sampled_from(
    [
        *("the", "The", "ENERGY", "x9", "42", "a", "Q"),
        *(" ", "  ", "-", "_", "'", ".", "\n", "\t", "\x00", "|"),
        *("café", "Énergie", "für", "straße", "ÖL", "déclaré", "año"),
        *("“", "”", "–", "…", "•", "™", "®", "\u00a0", "\u3000", "«", "»"),
        *("東京", "で", "서울", "시장은", "д", "ш", "ΑΣ", "ς", "İ", "ﬁ", "ℂ", "℀", "½", "№"),
        *("\u0301", "e\u0301", "\U0001d400", "\U0001d167", "\U00020001", "🚀", "❶", "①"),
        *("\ud800", "\udcff", "゛", "・"),
    ]
)


def _definition(text: str) -> tuple[list[str], bool]:
    """The tokens and kind by their definitions: the token regex over the folded text; plain
    when nothing but inert characters is outside ASCII."""
    return _TOKEN.findall(fold(text)), _inert_characters().sub(" ", text).isascii()


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_tokens_of_mixed_text_are_the_definitions(text: str) -> None:
    expected = _definition(text)
    assert text_tokens_and_kind(text) == expected
    assert text_tokens(text) == expected[0]
    joined, plain = token_text_and_kind(text)
    assert (joined.split(), plain) == expected


def test_the_tokens_of_whole_synthetic_releases_are_the_definitions() -> None:
    for release in generate(300, seed=7):
        for text in release_text_fields(release):
            assert text_tokens_and_kind(text) == _definition(text), text[:80]


def _initials_by_definition(tokens: list[list[str]]) -> bytes:
    """A bit for each token's first character and for its first two."""
    mask = 0
    for part in tokens:
        for token in part:
            for head in {token[:1], token[:2]}:
                mask |= 1 << initial_bit(head)[0]
    return mask.to_bytes(INITIALS_BYTES, "little")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=5))
def test_initials_are_a_bit_a_head(parts: list[str]) -> None:
    tokens = [text_tokens(part) for part in parts]
    assert initials(tokens) == _initials_by_definition(tokens)


def _release(title: str, body: str, extra: list[str]) -> Release:
    return Release(
        id="0" * 16,
        title=title,
        body=body,
        date="2026-01-02",
        location=extra[0] if extra else None,
        organisations=tuple(extra[1:3]),
        people=tuple(Person(name=name) for name in extra[3:4]),
        contacts=tuple(Contact(name=name, phone="+1 (555) 010-2030") for name in extra[4:5]),
        tags=tuple(extra[5:]),
        source=Source(path="/x", format="jsonl"),
        fingerprint="f" * 16,
    )


def _check_row(release: Release) -> None:
    release = storable(release)
    row = release_row(release)
    tokens = [_definition(text)[0] for text in release_text_fields(release)]
    distinct = {token[:LEXEME_CHARS] for part in tokens for token in part}
    assert row.token_text == release_token_string(release)
    assert row.words_complete
    assert sorted(row.words) == sorted(distinct)
    assert row.initials == _initials_by_definition(tokens)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PIECES, max_size=10).map("".join),
    st.lists(_PIECES, max_size=60).map("".join),
    st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=7),
)
def test_a_rows_search_columns_are_their_definitions(
    title: str, body: str, extra: list[str]
) -> None:
    _check_row(_release(title, body, extra))


def test_the_rows_of_synthetic_releases_are_their_definitions() -> None:
    for release in [*generate(200, seed=3), international_release()]:
        _check_row(release)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(["a", "b", "é", "東", "zz"]),
                st.builds(
                    lambda ch, n: ch * n,
                    st.sampled_from(["a", "b", "é", "東"]),
                    st.integers(LEXEME_CHARS - 2, LEXEME_CHARS + 3),
                ),
            ),
            max_size=8,
        ),
        max_size=3,
    )
)
def test_lexemes_are_the_distinct_tokens_cut_in_order(tokens: list[list[str]]) -> None:
    """Tokens longer than LEXEME_CHARS, first or anywhere else, are cut (two cut alike
    count once), and the lexemes come in the order the server keeps them."""
    words, complete = lexemes(tokens)
    assert complete
    assert words == sorted({token[:LEXEME_CHARS] for part in tokens for token in part})
