"""The query language: every form of DESIGN.md, malformed qualifiers, hints, the reference match."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.records import Contact, Person, Release, Source
from store.sanitize import fold
from store.search.query import (
    MAX_ORDINAL,
    MIN_ORDINAL,
    QUERY_HELP,
    Query,
    Term,
    parse_query,
    release_token_string,
)
from store.search.tokens import (
    _TOKEN,
    fold_fast,
    fold_for_matching,
    phrase_pattern,
    text_tokens,
    text_tokens_and_kind,
    token_string,
    tokenize,
)

TODAY = date(2024, 3, 31)


def ordinal(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def only(query: Query) -> Term:
    assert len(query.clauses) == 1 and len(query.clauses[0]) == 1, query.clauses
    return query.clauses[0][0]


@dataclass(frozen=True)
class State:
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


SEED_LIKE = Release(
    id="seed",
    title="Meeting of heads of counter-terrorism and security agencies takes place in Marrakech",
    body=(
        "Marrakesh, 23 June 2021 – H.E. Mr. Vladimir Voronkov, Under-Secretary-General of the "
        "United Nations Office of Counter-Terrorism (UNOCT) co-chaired the opening ceremony. "
        "Participants came from the Sahel, West and Central Africa and Côte d'Ivoire."
    ),
    source=Source("/archive/un/000_06adb31c1de62afd.txt", "txt"),
    kicker="PRESS RELEASE",
    date="2021-06-23",
    location="Marrakesh",
    issuer="United Nations Office of Counter-Terrorism (UNOCT)",
    organisations=(
        "United Nations Office of Counter-Terrorism (UNOCT)",
        "World Health Organization",
    ),
    people=(Person("Vladimir Voronkov", "Under-Secretary-General"),),
    contacts=(
        Contact(
            role="UNOCT Public Information Officer",
            organisation="UNOCT",
            email="gerardl@un.org",
            phone="+41 (0)22 917-1234",
        ),
    ),
    language="en",
    tags=("counter-terrorism", "Africa"),
)
OTHER = Release(
    id="other",
    title="Straße der Ölindustrie",
    body="Eine Mitteilung aus München.",
    source=Source("/feeds/de.rss", "rss"),
    date="2023-02-01",
    language="de",
)


# -- parsing: the forms ---------------------------------------------------------------------


def test_empty_query_matches_everything() -> None:
    for text in ("", "   ", "-", "OR", '""', "org:", "date:", "is:"):
        query = parse_query(text)
        assert query.is_empty(), text
        assert query.matches(SEED_LIKE) and query.matches(OTHER)
        assert query.hints == ()


def test_words_are_anded_folded_and_the_last_is_a_prefix() -> None:
    query = parse_query("Sahel CÔTE marra")
    assert [clause[0].tokens for clause in query.clauses] == [("sahel",), ("cote",), ("marra",)]
    assert [clause[0].prefix for clause in query.clauses] == [False, False, True]
    assert query.prefix_last
    assert query.matches(SEED_LIKE)
    assert not query.matches(OTHER)


def test_trailing_space_ends_the_prefix() -> None:
    assert not parse_query("marra ").prefix_last
    assert not parse_query("marra ").matches(SEED_LIKE)
    assert parse_query("marrakesh ").matches(SEED_LIKE)


def test_negated_last_word_is_not_a_prefix() -> None:
    term = only(parse_query("-sah"))
    assert term.negated and not term.prefix
    assert parse_query("-sah").matches(SEED_LIKE)  # no token is exactly "sah"
    assert not parse_query("-sahel").matches(SEED_LIKE)


def test_phrases_match_consecutive_tokens_within_one_field() -> None:
    assert parse_query('"heads of counter terrorism"').matches(SEED_LIKE)
    assert not parse_query('"heads counter"').matches(SEED_LIKE)
    # The title ends with "Marrakech" and the body starts with "Marrakesh": no phrase across.
    assert not parse_query('"marrakech marrakesh"').matches(SEED_LIKE)
    assert parse_query('-"heads counter"').matches(SEED_LIKE)
    assert not parse_query('-"opening ceremony"').matches(SEED_LIKE)


def test_hyphenated_and_apostrophe_words_are_phrases() -> None:
    term = only(parse_query("counter-terrorism "))
    assert term.tokens == ("counter", "terrorism") and not term.prefix
    assert parse_query("d'Ivoire").matches(SEED_LIKE)
    assert parse_query("counter-terr").matches(SEED_LIKE)
    assert not parse_query("counter-terr ").matches(SEED_LIKE)


def test_unclosed_quote_is_a_phrase_being_typed() -> None:
    term = only(parse_query('"opening cere'))
    assert term.tokens == ("opening", "cere") and term.prefix
    assert parse_query('"opening cere').matches(SEED_LIKE)
    assert not only(parse_query('"opening cere" ')).prefix


def test_or_binds_tighter_than_and() -> None:
    query = parse_query("sahel OR sahara morocco")
    assert [[t.tokens for t in clause] for clause in query.clauses] == [
        [("sahel",), ("sahara",)],
        [("morocco",)],
    ]
    assert parse_query("nowhere OR voronkov sahel ").matches(SEED_LIKE)
    assert not parse_query("nowhere OR elsewhere sahel ").matches(SEED_LIKE)
    assert parse_query("a OR b OR c").clauses[0] == tuple(
        Term("text", tokens=(x,), prefix=(x == "c")) for x in "abc"
    )


def test_lowercase_or_is_a_word_and_dangling_or_is_ignored() -> None:
    assert len(parse_query("sahel or mali").clauses) == 3
    assert len(parse_query("sahel OR").clauses) == 1
    assert len(parse_query("OR sahel").clauses) == 1
    assert len(parse_query("sahel OR ").clauses) == 1


def test_or_with_negations() -> None:
    query = parse_query("-sahel OR munchen ")
    assert query.matches(OTHER)
    assert not query.matches(SEED_LIKE)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("org:unoct", "org", "unoct"),
        ('org:"World  Health"', "org", "world health"),
        ("loc:MARRAK", "loc", "marrak"),
        ("person:voronkov", "person", "voronkov"),
        ("contact:gerardl@un.org", "contact", "gerardl@un.org"),
        ("tag:Africa", "tag", "africa"),
        ("lang:EN", "lang", "en"),
        ("source:txt", "source", "txt"),
        ("ORG:unoct", "org", "unoct"),
        ("issuer:unoct", "issuer", "unoct"),
        ('issuer:"counter-terrorism"', "issuer", "counter-terrorism"),
    ],
)
def test_field_qualifiers(text: str, field: str, value: str) -> None:
    term = only(parse_query(text))
    assert (term.kind, term.field, term.value, term.negated) == ("field", field, value, False)
    assert parse_query(text).matches(SEED_LIKE)
    assert not parse_query(text).matches(OTHER)
    negated = parse_query("-" + text)
    assert only(negated).negated
    assert not negated.matches(SEED_LIKE) and negated.matches(OTHER)


def test_field_values_are_folded_substrings() -> None:
    assert parse_query("org:counter-terrorism").matches(SEED_LIKE)
    assert parse_query("org:(unoct)").matches(SEED_LIKE)
    assert parse_query("org:World").matches(SEED_LIKE)
    assert not parse_query("org:marrakesh").matches(SEED_LIKE)  # not an organisation
    assert not parse_query("issuer:world").matches(SEED_LIKE)  # named, did not issue it
    assert parse_query("source:archive/un").matches(SEED_LIKE)
    assert parse_query("source:rss").matches(OTHER)


def test_contact_phone_matches_on_digits_only() -> None:
    term = only(parse_query('contact:"+41 22"'))
    assert term.digits == "4122"
    assert not parse_query('contact:"+41 22"').matches(SEED_LIKE)  # the text has "(0)22"
    assert parse_query("contact:+41022917").matches(SEED_LIKE)
    assert parse_query("contact:917-1234").matches(SEED_LIKE)
    assert parse_query("contact:information").matches(SEED_LIKE)  # the role
    assert only(parse_query("contact:gerard")).digits == ""


def test_plain_words_search_contacts_people_and_tags() -> None:
    for word in ("gerardl", "voronkov", "secretary", "africa", "1234", "officer"):
        assert parse_query(word + " ").matches(SEED_LIKE), word
    # Not searched by plain words: kicker, language, source.
    for word in ("press", "en", "txt", "archive"):
        assert not parse_query(word + " ").matches(SEED_LIKE), word


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("date:2021", "2021-01-01", "2021-12-31"),
        ("date:2021-06", "2021-06-01", "2021-06-30"),
        ("date:2024-02", "2024-02-01", "2024-02-29"),
        ("date:2021-06-23", "2021-06-23", "2021-06-23"),
        ("date:2021-6-3", "2021-06-03", "2021-06-03"),
        ("date:2021-01..2021-06", "2021-01-01", "2021-06-30"),
        ("date:2020..2021-02-03", "2020-01-01", "2021-02-03"),
        ("date:2021-06-23..2021-06-23", "2021-06-23", "2021-06-23"),
        ("after:2021-01-01", "2021-01-02", None),
        ("after:2021", "2022-01-01", None),
        ("before:2022", None, "2021-12-31"),
        ("before:2021-06", None, "2021-05-31"),
        ("date:2021..", "2021-01-01", None),
        ("date:..2021-06", None, "2021-06-30"),
    ],
)
def test_absolute_dates(text: str, start: str | None, end: str | None) -> None:
    term = only(parse_query(text))
    assert term.kind == "date"
    assert term.start == (ordinal(start) if start else MIN_ORDINAL)
    assert term.end == (ordinal(end) if end else MAX_ORDINAL)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("date:7d", "2024-03-24"),
        ("date:0d", "2024-03-31"),
        ("date:2w", "2024-03-17"),
        ("date:1m", "2024-02-29"),  # 31 March minus a month: clamped to February's end
        ("date:3m", "2023-12-31"),
        ("date:1y", "2023-03-31"),
        ("date:12M", "2023-03-31"),
    ],
)
def test_relative_dates_end_today(text: str, start: str) -> None:
    term = only(parse_query(text, today=TODAY))
    assert (term.start, term.end) == (ordinal(start), TODAY.toordinal())


def test_date_filters_on_releases() -> None:
    assert parse_query("date:2021-06").matches(SEED_LIKE)
    assert not parse_query("date:2021-07").matches(SEED_LIKE)
    assert parse_query("after:2021-06-22").matches(SEED_LIKE)
    assert not parse_query("after:2021-06-23").matches(SEED_LIKE)
    assert not parse_query("before:2021-06-23").matches(SEED_LIKE)
    assert parse_query("before:2021-06-24").matches(SEED_LIKE)
    assert parse_query("date:2y", today=date(2023, 6, 1)).matches(SEED_LIKE)
    assert not parse_query("date:1y", today=date(2023, 6, 1)).matches(SEED_LIKE)
    undated = OTHER.with_changes(date=None)
    assert not parse_query("date:1900..").matches(undated)
    assert parse_query("-date:2023").matches(undated)
    broken = OTHER.with_changes(date="2023-02-30")
    assert not parse_query("date:2023").matches(broken)


@pytest.mark.parametrize(
    "text",
    [
        "date:banana",
        "date:2021-13",
        "date:2021-02-30",
        "date:21",
        "date:2022..2021",
        "date:..",
        "after:7d",
        "before:soon",
        "date:2021-06-23x",
    ],
)
def test_malformed_dates_are_text_with_a_hint(text: str) -> None:
    query = parse_query(text + " ")
    assert query.hints == (f"{text} is not a date; searching it as text",)
    term = only(query)
    assert term.kind == "text"
    assert term.tokens == tuple(tokenize(text))


def test_unknown_fields_and_states_are_text_with_a_hint() -> None:
    query = parse_query("foo:bar is:pinned sahel")
    assert query.hints == (
        "foo: is not a field; searching foo:bar as text",
        "is:pinned: is: takes starred, read or unread; searching it as text",
    )
    assert [clause[0].kind for clause in query.clauses] == ["text", "text", "text"]
    assert parse_query("http://example.org").hints == ()
    assert not parse_query("10:30").hints


def test_a_state_being_typed_is_that_state() -> None:
    """is:s, is:st, is:sta on the way to is:starred are is:starred, as the last word
    is a prefix: not a phrase of "is" and a prefix, which matched nothing and took
    1.4 s a key in a team archive of 100,000."""
    starred = State(starred=True)
    for typed in ("is:s", "is:st", "is:starre", "IS:STA"):
        query = parse_query(typed)
        assert only(query) == Term("state", field="starred"), typed
        assert query.hints == () and query.matches(SEED_LIKE, starred)
    assert only(parse_query("is:u")).field == "unread"
    assert only(parse_query("is:re")).field == "read"
    assert only(parse_query("-is:un")) == Term("state", negated=True, field="unread")
    assert parse_query("energy is:st").clauses[1] == (Term("state", field="starred"),)
    # Once the word is finished (a space after it) or quoted, it is text with a hint.
    finished = parse_query("is:st ")
    assert only(finished).kind == "text" and finished.hints
    assert only(parse_query('is:"st')).kind == "text"
    # A start that is no state's, or more than one's (none here), is text.
    assert only(parse_query("is:x")).kind == "text"


def test_hints_do_not_block_matching() -> None:
    query = parse_query("marrakesh date:banana")
    assert not query.matches(SEED_LIKE)
    with_text = SEED_LIKE.with_changes(body=SEED_LIKE.body + " The date: banana.")
    assert query.matches(with_text)


def test_state_qualifiers() -> None:
    starred = State(starred=True)
    read = State(read=True)
    assert parse_query("is:starred").matches(SEED_LIKE, starred)
    assert not parse_query("is:starred").matches(SEED_LIKE, read)
    assert not parse_query("is:starred").matches(SEED_LIKE)
    assert parse_query("is:unread").matches(SEED_LIKE)
    assert parse_query("is:unread").matches(SEED_LIKE, starred)
    assert not parse_query("is:unread").matches(SEED_LIKE, read)
    assert parse_query("is:read").matches(SEED_LIKE, read)
    assert parse_query("-is:read").matches(SEED_LIKE, starred)
    assert parse_query("IS:Starred").matches(SEED_LIKE, starred)


def test_tag_looks_at_the_users_tags_as_well_as_the_releases_own() -> None:
    tagged = State(tags=("Sea Level", "Côte"))
    assert parse_query("tag:level").matches(SEED_LIKE, tagged)
    assert parse_query('tag:"sea level"').matches(SEED_LIKE, tagged)
    assert parse_query("tag:cote").matches(SEED_LIKE, tagged)  # accents ignored, as for fields
    assert not parse_query("tag:level").matches(SEED_LIKE)
    assert parse_query("-tag:level").matches(SEED_LIKE)
    assert not parse_query("-tag:level").matches(SEED_LIKE, tagged)
    own = SEED_LIKE.with_changes(tags=("security",))
    assert parse_query("tag:security").matches(own, tagged)
    # Only tag: looks there: a user's tag is not a word of the release.
    assert not parse_query("level").matches(SEED_LIKE, tagged)
    assert not parse_query("org:level").matches(SEED_LIKE, tagged)


# -- hostile and odd input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\x1b]52;c;ZWNobw==\x07 sahel",
        "[@click=app.quit]x[/]",
        '"""',
        'org:"unclosed',
        "-\"\" -org:'' OR OR OR",
        "date:99999999999d",
        "date:999999y",
        "\u202e\u0000\ud800",
        "a" * 10_000,
    ],
)
def test_never_raises(text: str) -> None:
    query = parse_query(text, today=TODAY)
    query.matches(SEED_LIKE)
    query.highlight_spans(SEED_LIKE.title)


# What the parser treats specially, mixed with anything at all: qualifiers of
# every kind (and unknown ones), quotes, dashes, colons, date ranges and
# relative dates at their limits, OR, whitespace of every kind, NUL, escapes,
# lone surrogates, bidi controls, digits of other scripts, combining marks.
_QUERY_PIECES = st.sampled_from(
    [
        *(
            f"{name}:"
            for name in ("org", "issuer", "loc", "person", "contact", "tag", "lang", "source")
        ),
        *("date:", "after:", "before:", "is:", "foo:", "ORG:", "Date:", "http://", "a:b:c"),
        *('"', "'", "-", "--", '-"', ":", "::", "..", "...", "-..", "..-", "OR", "or", " OR "),
        *("starred", "read", "unread", "+41 22", "(0)22", "555-0100", "@", "sahel", "cafe"),
        *(" ", "  ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\x00", "\x1b[2J"),
        *("\x1b]8;;x\x07", "\ud800", "\udfff", "\u202e", "\u2066", "\ufeff", "\u200b"),
        *("é", "e\u0301", "ß", "ﬁ", "İ", "東京", "🚀", "٢٠٢١", "２０２１", "①", "½"),
    ]
)
# Dates at the edges of what ``date`` holds and of the calendar, ranges, relative dates.
_DATE_VALUES = st.one_of(
    st.sampled_from(
        [
            *("9999", "9999-12", "9999-12-31", "0001", "0001-01", "0001-01-01", "0000"),
            *("2024-02-29", "2023-02-29", "2021-00", "2021-13", "2021-06-00", "2021-06-31"),
            *("1..9999", "9999..", "..0001", "0001..9999-12-31", "2022..2021", "..", "...", "1.."),
            *("0d", "7d", "2w", "3m", "1y", "999999d", "999999w", "999999m", "999999y", "1000000y"),
        ]
    ),
    st.from_regex(r"\d{1,5}(-\d{1,3}(-\d{1,3})?)?(\.\.(\d{1,5}(-\d{1,3})?)?)?", fullmatch=True),
    st.from_regex(r"\d{1,8}[dwmyDWMY]", fullmatch=True),
)
_NAMES = [
    "org",
    "issuer",
    "loc",
    "person",
    "contact",
    "tag",
    "lang",
    "source",
    "date",
    "after",
    "before",
]


@st.composite
def _qualifier(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from([*_NAMES, "is", "foo", "DATE", "After"]))
    value = draw(st.one_of(_DATE_VALUES, _QUERY_PIECES, st.text(max_size=6)))
    if draw(st.booleans()):
        value = '"' + value + draw(st.sampled_from(['"', ""]))
    return draw(st.sampled_from(["", "-"])) + name + ":" + value


_SEPARATORS = st.sampled_from(["", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000"])
_QUERY_TEXT = st.lists(
    st.tuples(st.one_of(_qualifier(), _QUERY_PIECES, st.text(max_size=8)), _SEPARATORS),
    max_size=8,
).map(lambda parts: "".join(item + separator for item, separator in parts))


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_QUERY_TEXT, st.text(max_size=80)), st.dates())
def test_the_parser_never_raises(text: str, today: date) -> None:
    # Aimed at the parser itself: there is no catch-all around it, so any
    # input that makes it raise fails here.
    query = parse_query(text, today=today)
    assert query.text == text
    assert all(isinstance(hint, str) for hint in query.hints)
    for clause in query.clauses:
        assert clause, "an empty OR would match nothing"
        for term in clause:
            assert term.kind in ("text", "field", "date", "state")
            assert term.kind != "text" or term.tokens
            assert MIN_ORDINAL <= term.start <= MAX_ORDINAL and term.end <= MAX_ORDINAL
    assert isinstance(query.matches(SEED_LIKE, State(read=True)), bool)
    assert isinstance(query.highlight_spans(SEED_LIKE.body), list)


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["date", "after", "before", "DATE"]), _DATE_VALUES, st.dates())
def test_date_qualifiers_at_the_edges_never_raise(name: str, value: str, today: date) -> None:
    # The calendar arithmetic on its own, where a crash would hide: years 1 and
    # 9999, months and days out of range, open ranges, relative dates of a
    # million units, on any day.
    query = parse_query(f"{name}:{value}", today=today)
    for clause in query.clauses:
        for term in clause:
            if term.kind == "date":
                assert MIN_ORDINAL <= term.start <= term.end <= MAX_ORDINAL, (value, term)


def test_escape_sequences_are_cleaned_from_the_query() -> None:
    term = only(parse_query("\x1b[2Jsahel "))
    assert term.tokens == ("sahel",)


# -- tokens, folding, highlighting ---------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fast_fold_is_fold(text: str) -> None:
    assert fold_fast(text) == fold(text)


def test_tokenisation_of_scripts() -> None:
    assert tokenize("Straße, ÖL! Ĉu?") == ["strasse", "ol", "cu"]
    assert tokenize("東京都で") == ["東", "京", "都", "て"]  # fold drops the dakuten
    assert tokenize("Москва — столица") == ["москва", "столица"]
    assert tokenize("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    assert tokenize("launch 🚀 now_then") == ["launch", "🚀", "now", "then"]


def test_release_token_string_separates_fields() -> None:
    text = release_token_string(SEED_LIKE)
    assert " cote d ivoire " in text
    assert " | marrakesh | " in text


def test_prefix_last() -> None:
    assert parse_query('Sahel "opening ceremony" -africa org:unoct cere').prefix_last
    assert not parse_query("sahel cere ").prefix_last


def test_highlight_spans_map_back_to_the_original_text() -> None:
    text = "Le Café de la Straße, CAFÉ-bar; opening ceremony"
    query = parse_query('cafe "opening ceremony" stras')
    spans = query.highlight_spans(text)
    assert [text[a:b] for a, b in spans] == ["Café", "Straße", "CAFÉ", "opening ceremony"]
    assert parse_query("").highlight_spans(text) == []


def test_help_documents_every_form() -> None:
    for form in (
        "org:",
        "loc:",
        "person:",
        "contact:",
        "tag:",
        "lang:",
        "source:",
        "OR",
        "date:2021-01..2021-06",
        "after:",
        "before:",
        "date:7d",
        "is:starred",
        "is:unread",
        "is:read",
        "strictly after",
        "strictly before",
    ):
        assert form in QUERY_HELP, form


_ALPHABET = st.sampled_from(
    [
        *"ab AB-_'’–“”.\x00\n東京で🚀❶éÉßöÖ™®•①№℃½・゛",
        *("\u0301", "ﬁ", "д", "ش", "\u00a0", "…"),
        *("\U0001d400", "\U0001d167", "\U00020001", "\ud800"),  # math A, a combining mark
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=30))
def test_fast_tokenisation_is_the_regex(text: str) -> None:
    folded = fold(text)
    assert text_tokens(text) == _TOKEN.findall(folded)
    assert fold_fast(text) == folded


@settings(max_examples=600, deadline=None)
@given(st.text(_ALPHABET, max_size=30), st.data())
def test_phrase_pattern_agrees_with_tokens(text: str, data: st.DataObject) -> None:
    found = tokenize(text)
    if found and data.draw(st.booleans()):
        # A run of the text's own tokens, so that most phrases do occur.
        start = data.draw(st.integers(0, len(found) - 1))
        tokens = tuple(found[start : start + data.draw(st.integers(1, 3))])
    else:
        words = data.draw(st.lists(st.text(_ALPHABET, min_size=1, max_size=6), max_size=3))
        tokens = tuple(t for word in words for t in tokenize(word))
    if not tokens:
        return
    prefix = data.draw(st.booleans())
    if prefix:
        tokens = (*tokens[:-1], tokens[-1][: data.draw(st.integers(1, len(tokens[-1])))])
    needle = " " + " ".join(tokens) + ("" if prefix else " ")
    by_tokens = any(needle in token_string(part) for part in text.split("\x00"))
    pattern = phrase_pattern(tokens, prefix)
    assert (pattern.search(fold(text)) is not None) == by_tokens
    assert (pattern.search(fold_for_matching(text)) is not None) == by_tokens
    if text_tokens_and_kind(text)[1]:  # plain text: its lower() stands for its folded form
        assert (pattern.search(text.lower()) is not None) == by_tokens


def test_a_pasted_paragraph_is_searched_by_its_first_words_and_says_so() -> None:
    """3,000 quoted words once froze the browser for 25 s: the work is bounded, the bar says why."""
    from store.search.query import MAX_PHRASE_WORDS

    words = [f"word{n}" for n in range(3000)]
    query = parse_query('"' + " ".join(words) + '"')
    [[term]] = query.clauses
    assert term.tokens == tuple(words[:MAX_PHRASE_WORDS])
    assert any(f"first {MAX_PHRASE_WORDS} words" in hint for hint in query.hints)
    short = parse_query('"heads of security"')
    assert not short.hints
