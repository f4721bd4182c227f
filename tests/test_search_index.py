"""The search index gives exactly the releases the reference scan gives, for any query.

Run as a script (``python -m tests.test_search_index [10000 100000]``) it builds a
synthetic archive and prints the build, load and keystroke times.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.contacts import ContactDirectory
from store.records import Contact, Person, Release, Source
from store.search import index as search_index
from store.search import index_file
from store.search.index import SearchIndex
from store.search.postings import FIELD_BREAK as _FIELD_BREAK
from store.search.query import Query, parse_query

TODAY = date(2024, 3, 31)


@dataclass(frozen=True)
class State:
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


def _release(number: int, **fields: object) -> Release:
    base: dict[str, object] = {
        "id": f"r{number:03d}",
        "title": "",
        "body": "",
        "source": Source(f"/archive/{number:03d}.md", "md"),
    }
    base.update(fields)
    return Release(**base)  # type: ignore[arg-type]


TRICKY = [
    _release(
        0,
        title="Meeting of heads of counter-terrorism agencies in Marrakech",
        body="Marrakesh, 23 June 2021 – Café talks on the Sahel. Côte d'Ivoire joined.",
        date="2021-06-23",
        location="Marrakesh",
        organisations=("United Nations Office of Counter-Terrorism (UNOCT)",),
        issuer="United Nations Office of Counter-Terrorism (UNOCT)",
        people=(Person("Vladimir Voronkov", "Under-Secretary-General"),),
        contacts=(Contact(role="Public Information Officer", email="gerardl@un.org"),),
        language="en",
        tags=("security",),
    ),
    _release(
        1,
        title="CAFE SOCIETY: the cafe opens",
        body="Straße und Öl in München. Die STRASSE ist lang. Ölpreis steigt.",
        date="2021-06-01",
        location="München",
        organisations=("Deutsche Ölgesellschaft",),
        language="de",
        source=Source("/feeds/de.rss", "rss"),
        contacts=(Contact(name="Jürgen Groß", phone="+49 (89) 123-4567"),),
    ),
    _release(
        2,
        title="東京都の発表",
        body="東京都庁は本日、新しい計画を発表しました。東京 tower",
        date="2022-01-15",
        location="東京",
        language="ja",
        tags=("東京",),
    ),
    _release(
        3,
        title="بيان صحفي",
        body="أعلنت الوزارة اليوم في الرباط عن مبادرة جديدة",
        date="2020-12-31",
        location="الرباط",
        language="ar",
        organisations=("وزارة الصحة",),
    ),
    _release(
        4,
        title="Москва: пресс-релиз",
        body="Сегодня в Москве открылась выставка. Café-bar 🚀 launch 🎉!",
        date=None,
        language="ru",
        people=(Person("Иван Петров", None), Person("O'Brien", "spokesperson")),
    ),
    _release(
        5,
        title="Well-being and self-care: it's o'clock",
        body="The well being of staff... It's the UN's call. e-mail e mail email",
        date="2023-07-04",
        contacts=(
            Contact(name="Mary-Jane Watson", email="press@example.org", phone="+1 212 555 0100"),
            Contact(name="Mary Jane", role="Media Relations", organisation="Example Inc."),
        ),
        tags=("self-care", "wellbeing"),
    ),
    _release(6, title="", body="", date="2024-03-30"),
    _release(
        7,
        title="Sahara OR Sahel? The desert question",
        body="Sahel sahel SAHEL sahelian Sahara. Morocco, Mali and Niger. sahel-morocco",
        date="2024-01-10",
        location="Rabat",
        organisations=("G5 Sahel", "World Health Organization"),
        issuer="G5 Sahel",
        language="en",
        contacts=(Contact(name="Ana Pérez", email="Ana.Perez@WHO.int", phone="0044 20 7946 0958"),),
    ),
    _release(
        8,
        title="[@click=app.quit]Read more[/] and [TODO] plan",
        body='Quote "heads of state" — dash–dash; under_score; 3.14 and 2021-06-23.',
        date="2021-06-23",
        source=Source("/mail/inbox.eml", "eml"),
        tags=("",),
    ),
    _release(
        9,
        title="Heads of State meet",
        body="heads of state and heads of government. Sahel. ÖL oel",
        date="2021-12-31",
        location="Paris",
        organisations=("World  Health", "UNOCT"),
        people=(Person("Vladimir Putin", "President"),),
        language="fr",
    ),
]

WORDS = [
    "sahel", "Sahel", "SAHEL", "sahara", "cafe", "café", "CAFÉ", "strasse", "straße", "ol",
    "öl", "OEL", "munchen", "münchen", "東京", "東", "京都", "الرباط", "москва", "москве",
    "well-being", "well", "being", "it's", "o'brien", "un's", "e-mail", "email", "🚀", "heads",
    "state", "of", "the", "marrakesh", "marrakech", "voronkov", "gerardl", "un", "org", "555",
    "0100", "mary-jane", "jane", "morocco", "2021", "06", "23", "todo", "quit", "under",
    "score", "under_score", "3.14", "nothing", "x", "s", "ma", "he", "sa", "m", "é", "—",
    "OR", "or", "self-care", "wellbeing", "launch", "🎉", "tower", "president", "bar", "und",
    "in", "cafe-bar", "Straße und",
]  # fmt: skip
FIELD_VALUES = [
    "unoct", "world health", "WORLD  health", "counter-terrorism", "ö", "o", "sahel", "東京",
    "رباط", "voronkov", "vladimir", "mary", "press@", "example", "555 0100", "+49 89",
    "(89) 123", "4567", "media", "en", "de", "ja", "rss", "md", "archive/00", "eml",
    "security", "self", "care", "x", "москва", "groß", "gross", "jurgen", "perez",
    "who.int", "0044", "7946",
]  # fmt: skip
DATES = [
    "date:2021", "date:2021-06", "date:2021-06-23", "date:2021-01..2021-06",
    "date:2021..", "date:..2021-06", "date:2020-12-31..2021-06-01", "after:2021-06-22",
    "after:2021", "before:2022", "before:2021-06-23", "date:7d", "date:3m", "date:1y",
    "date:2w", "date:banana", "date:2021-13",
]  # fmt: skip
STATES = ["is:starred", "is:unread", "is:read", "is:pinned"]
FIELDS = ["org", "loc", "person", "contact", "tag", "lang", "source", "foo"]


@st.composite
def query_text(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "word", "phrase", "field", "date", "state"]))
        if kind == "word":
            part = draw(st.sampled_from(WORDS))
        elif kind == "phrase":
            words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
            part = '"' + " ".join(words) + draw(st.sampled_from(['"', '"', ""]))
        elif kind == "field":
            value = draw(st.sampled_from(FIELD_VALUES))
            if " " in value or draw(st.booleans()):
                value = f'"{value}"'
            part = f"{draw(st.sampled_from(FIELDS))}:{value}"
        elif kind == "date":
            part = draw(st.sampled_from(DATES))
        else:
            part = draw(st.sampled_from(STATES))
        if draw(st.integers(0, 4)) == 0:
            part = "-" + part
        parts.append(part)
        if draw(st.integers(0, 3)) == 0:
            parts.append("OR")
    return " ".join(parts) + draw(st.sampled_from(["", " "]))


STATE_MAPS = [
    {},
    {"r000": State(read=True), "r007": State(starred=True), "r009": State(True, True)},
    {f"r{n:03d}": State(read=n % 2 == 0, starred=n % 3 == 0) for n in range(10)},
    {"unknown-id": State(True, True)},
    # The user's tags (tag: looks at them too): some the releases have of their own, a
    # value of FIELD_VALUES inside one, accents and case to fold, an id not indexed.
    {
        "r000": State(tags=("Security",)),
        "r001": State(read=True, tags=("Self-care", "World Health")),
        "r004": State(tags=("Москва", "x")),
        "r007": State(starred=True, tags=("Jürgen's media",)),
        "unknown-id": State(tags=("sahel",)),
    },
]


def reloaded(index: SearchIndex, releases: list[Release]) -> SearchIndex:
    """*index* written as the index file holds it and read back."""
    return SearchIndex.from_file(io.BytesIO(index.to_bytes()), releases)


def mapped(index: SearchIndex, releases: list[Release]) -> SearchIndex:
    """*index* saved as the index file beside a store and opened as a browser opens it:
    mapped, its arrays views of the file's pages (the file deleted after: the map keeps it)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "releases.json.index"
        index_file.save(path, releases, index)
        loaded = index_file.load(path, releases)
    assert loaded is not None
    assert isinstance(loaded._postings, memoryview)  # the mapped path, not a copy
    return loaded


# Different layouts must give the same answers: all tokens as postings, all as
# bitmaps, and every short prefix precomputed.
def grown(added: list[int], removed: tuple[Release, ...] = (), **layout: int) -> SearchIndex:
    """An index over TRICKY less *added* (and with *removed* among them, at the end), grown
    by the *added* and without the *removed* (store.search.growth)."""
    kept = [r for n, r in enumerate(TRICKY) if n not in added]
    old = SearchIndex.build([*kept, *removed], **layout)
    gone = range(len(kept), len(kept) + len(removed))
    return old.grown(TRICKY, added, gone)


def reordered(order: list[int], **layout: int) -> SearchIndex:
    """An index built over TRICKY in *order*, then put in TRICKY's order."""
    built = SearchIndex.build([TRICKY[n] for n in order], **layout)
    return built.reordered(TRICKY, order)


def grown_by_built(added: list[int], **layout: int) -> SearchIndex:
    """An index over TRICKY less *added*, grown by an index built over them (bitmaps and all)."""
    kept = [r for n, r in enumerate(TRICKY) if n not in added]
    delta = SearchIndex.build([TRICKY[n] for n in added], dense_ratio=1 << 20)
    return SearchIndex.build(kept, **layout).grown(TRICKY, added, delta=delta)


# Releases indexed once and gone since: their words must not be found any more.
GONE = (
    _release(90, title="Sahel zanzibar heads", body="Café of the state", date="2021-06-23"),
    _release(91, title="東京 tower", body="Москва", organisations=("UNOCT",), tags=("x",)),
)


INDEXES = [
    SearchIndex.build(TRICKY),
    SearchIndex.build(TRICKY, dense_ratio=1, prefix_threshold=10**9),
    SearchIndex.build(TRICKY, dense_ratio=10**6, prefix_threshold=0),
    reloaded(SearchIndex.build(TRICKY, dense_ratio=3), TRICKY),
    # Grown indexes: added releases scattered, at the front (a shift), at the
    # end, all of them; over bitmaps and precomputed prefixes, and reloaded.
    grown([0, 5, 9], dense_ratio=3, prefix_threshold=0),
    grown([0, 1, 2], dense_ratio=10**6, prefix_threshold=0),
    grown([8, 9]),
    grown(list(range(10)), dense_ratio=2),
    reloaded(grown([1, 4, 7], dense_ratio=2, prefix_threshold=1), TRICKY),
    grown([2, 6], GONE, dense_ratio=3, prefix_threshold=0),
    grown([], GONE, dense_ratio=2),
    # Built in another order (an import's), then put in archive order; and
    # grown by such an index, with its own bitmaps.
    reordered([9, 3, 0, 7, 1, 8, 2, 6, 4, 5], dense_ratio=3, prefix_threshold=0),
    grown_by_built([5, 0, 8], dense_ratio=3, prefix_threshold=0),
    # Opened from the file as a browser opens it (mapped, not read).
    mapped(SearchIndex.build(TRICKY, dense_ratio=3), TRICKY),
    mapped(grown([1, 4, 7], dense_ratio=2, prefix_threshold=1), TRICKY),
]


def scan(query: Query, states: dict[str, State], releases: list[Release]) -> list[int]:
    return [i for i, r in enumerate(releases) if query.matches(r, states.get(r.id, State()))]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query_text(), st.sampled_from(range(len(STATE_MAPS))), st.integers(0, len(INDEXES) - 1))
def test_index_equals_scan(text: str, state_index: int, index_number: int) -> None:
    query = parse_query(text, today=TODAY)
    states = STATE_MAPS[state_index]
    assert INDEXES[index_number].search(query, states) == scan(query, states, TRICKY), text


TAG_VALUES = ["security", "secu", "self", "care", "world health", "москва", "x", "jurgen", "media",
              "sahel", "s", "ü", "zzz"]  # fmt: skip
TAG_STATE_MAPS = [m for m in STATE_MAPS if any(s.tags for s in m.values())]


@st.composite
def tag_query_text(draw: st.DrawFn) -> str:
    """Queries where tag: (the release's own tags and the user's) meets the other terms."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["tag", "tag", "word", "state"]))
        if kind == "tag":
            value = draw(st.sampled_from(TAG_VALUES))
            part = f'tag:"{value}"' if " " in value or draw(st.booleans()) else f"tag:{value}"
        elif kind == "word":
            part = draw(st.sampled_from(WORDS))
        else:
            part = draw(st.sampled_from(STATES))
        parts.append(("-" if draw(st.integers(0, 3)) == 0 else "") + part)
        if draw(st.integers(0, 3)) == 0:
            parts.append("OR")
    return " ".join(parts) + " "


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tag_query_text(),
    st.sampled_from(range(len(TAG_STATE_MAPS))),
    st.integers(0, len(INDEXES) - 1),
)
def test_index_equals_scan_with_the_users_tags(text: str, state_index: int, number: int) -> None:
    query = parse_query(text, today=TODAY)
    states = TAG_STATE_MAPS[state_index]
    assert INDEXES[number].search(query, states) == scan(query, states, TRICKY), text


def test_the_users_tags_are_found_by_the_index() -> None:
    states = TAG_STATE_MAPS[0]
    for index in INDEXES:
        # r001's own tags do not hold "world health": only the user's do.
        assert index.search(parse_query('tag:"world health"'), states) == [1]
        assert 1 not in index.search(parse_query('-tag:"world health"'), states)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_index_equals_scan_on_arbitrary_text(text: str) -> None:
    query = parse_query(text, today=TODAY)
    assert INDEXES[0].search(query, {}) == scan(query, {}, TRICKY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", list(range(10))),
        ("sahel", [0, 7, 9]),
        ("cafe ", [0, 1, 4]),
        ("strasse ", [1]),
        ("öl ", [1, 9]),
        ("東京", [2]),
        ("москв", [4]),
        ("it's ", [5]),
        ('"cafe bar"', [4]),
        ('"strasse und ol in munchen"', [1]),
        ('"STRASSE UND Öl"', [1]),
        ('"heads of state"', [8, 9]),
        ('-"heads of state" heads', [0]),
        ("sahel OR munchen morocco", [7]),
        ("org:unoct", [0, 9]),
        ('org:"world health"', [7, 9]),
        ("issuer:unoct", [0]),
        ("issuer:sahel", [7]),
        ('-issuer:"g5 sahel" org:sahel', []),
        ("contact:4567", [1]),
        ("contact:555-0100", [5]),
        ("date:2021-06", [0, 1, 8]),
        ("-date:2021", [2, 3, 4, 5, 6, 7]),
        ("after:2022 before:2024-03-30", [5, 7]),
        ("date:7d", [6]),
        ("is:starred", [7, 9]),
        ("is:unread -is:starred date:2021", [1, 8]),
    ],
)
def test_known_answers(text: str, expected: list[int]) -> None:
    states = STATE_MAPS[1]
    query = parse_query(text, today=TODAY)
    assert scan(query, states, TRICKY) == expected
    for index in INDEXES:
        assert index.search(query, states) == expected


def test_serialised_index_refuses_other_releases() -> None:
    data = INDEXES[0].to_bytes()
    with pytest.raises(ValueError, match="other releases"):
        SearchIndex.from_file(io.BytesIO(data), TRICKY[:-1])
    with pytest.raises(ValueError, match="other releases"):
        SearchIndex.from_file(io.BytesIO(data), [*TRICKY[:-1], _release(99)])
    with pytest.raises(ValueError):
        SearchIndex.from_file(io.BytesIO(b"garbage"), TRICKY)
    with pytest.raises(ValueError):
        SearchIndex.from_file(io.BytesIO(data[:-3]), TRICKY)


def test_empty_archive() -> None:
    index = SearchIndex.build([])
    assert index.search(parse_query("sahel"), {}) == []
    assert index.search(parse_query(""), {}) == []
    assert reloaded(index, []).search(parse_query("x"), {}) == []


def test_duplicate_ids_share_their_state() -> None:
    twins = [_release(1, title="twin"), _release(1, title="twin too")]
    index = SearchIndex.build(twins)
    states = {"r001": State(starred=True)}
    assert index.search(parse_query("is:starred"), states) == [0, 1]


# -- phrases: answered from the adjacent-token pair index ---------------------------------------

# Releases where phrases are easy to get wrong: tokens adjacent across two
# fields (which must not make a phrase), repeated tokens, CJK (one token per
# character), NULs and punctuation between tokens, the word the index uses to
# mark field breaks, accents and case.
PHRASED = [
    _release(
        0,
        title="Report of alpha",
        body="beta gamma alpha. Gamma—beta; the project plan",
        organisations=("Alpha", "Beta Corp"),
        people=(Person("Gamma Delta", "beta alpha"),),
        tags=("gamma",),
    ),
    _release(1, title="", body="alpha beta beta alpha a a a b", location="Gamma"),
    _release(2, title="Alpha\x00beta", body="ALPHA, BETA! the\x00project", tags=("delta",)),
    _release(
        3,
        title="東京都庁",
        body="東京 tower 京都 東京tower alpha東京",
        location="東京",
        tags=("京",),
    ),
    _release(
        4,
        title=f"alpha {_FIELD_BREAK}",
        body=f"{_FIELD_BREAK} beta alpha {_FIELD_BREAK} {_FIELD_BREAK}",
        contacts=(Contact(name="Beta", role="alpha", email="alpha.beta@example.org"),),
    ),
    _release(
        5,
        title="Café Société",
        body="CAFE SOCIETE cafe-society the projects project the",
        organisations=("The",),
        location="Project",
    ),
    _release(6, title="the", body="project", tags=("the", "project")),
    _release(7, title="delta delta", body="delta_gamma delta gamma 3.14 pi"),
]
PHRASE_WORDS = [
    "alpha", "beta", "gamma", "delta", "a", "b", "the", "project", "projects", "proj", "p",
    "東京", "東", "京", "tower", "tow", "cafe", "café", "société", "soc", "3", "14", "pi",
    "corp", "report", "of", "example", "org", _FIELD_BREAK, "zq0", "Gamma—beta", "alpha.beta",
]  # fmt: skip
PHRASE_INDEXES = [
    SearchIndex.build(PHRASED),
    SearchIndex.build(PHRASED, dense_ratio=10**6),
    SearchIndex.build(PHRASED, dense_ratio=2),
    reloaded(SearchIndex.build(PHRASED, dense_ratio=3), PHRASED),
]


@st.composite
def phrase_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(PHRASE_WORDS), min_size=2, max_size=4))
    text = " ".join(words)
    if draw(st.booleans()):
        text = text[: draw(st.integers(1, len(text)))]  # typed so far
    quote = draw(st.sampled_from(['"', '"', ""]))  # an unclosed quote: the last word a prefix
    negated = draw(st.integers(0, 3)) == 0
    other = draw(st.sampled_from(["", "", " alpha", " -gamma", " OR delta", " the"]))
    if negated:
        return f'-"{text}"{other}'
    return f'"{text}{quote}{other}' if other else f'"{text}{quote}'


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase_text(), st.integers(0, len(PHRASE_INDEXES) - 1))
def test_phrases_equal_scan(text: str, index_number: int) -> None:
    query = parse_query(text, today=TODAY)
    assert PHRASE_INDEXES[index_number].search(query, {}) == scan(query, {}, PHRASED), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"alpha beta"', [1, 2, 4]),  # 0: only across fields (title|body, org|org)
        ('"beta alpha"', [0, 1, 4]),
        ('"gamma alpha"', [0]),
        ('"a a"', [1]),
        ('"a a a b"', [1]),
        ('"the project"', [0, 2]),  # 5: "the projects"; 6: two fields
        ('"the proj', [0, 2, 5]),
        ('"the p', [0, 2, 5]),
        ('"the projects"', [5]),
        ('"東京"', [3]),
        ('"京都"', [3]),
        ('"東京 tower"', [3]),
        ('"alpha 東"', [3]),
        ('"cafe societe"', [5]),
        ('"cafe soc', [5]),
        ('"delta gamma"', [7]),  # delta_gamma splits too
        ('"3 14 pi"', [7]),
        (f'"{_FIELD_BREAK} beta"', [4]),
        (f'"alpha {_FIELD_BREAK}"', [4]),
        (f'"beta alpha {_FIELD_BREAK}"', [4]),
        ('-"alpha beta" alpha', [0, 3]),
        ('"alpha beta" OR "the project"', [0, 1, 2, 4]),
    ],
)
def test_known_phrases(text: str, expected: list[int]) -> None:
    query = parse_query(text, today=TODAY)
    assert scan(query, {}, PHRASED) == expected
    for index in PHRASE_INDEXES:
        assert index.search(query, {}) == expected


def test_two_token_phrases_are_not_verified_against_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_text_check(*args: object) -> bool:
        raise AssertionError("a two-token phrase should be answered by the pair index")

    monkeypatch.setattr(search_index, "_phrase_in", no_text_check)
    for text in ('"alpha beta"', '"the p', '-"beta alpha" gamma', '"東京"', '"a a"'):
        query = parse_query(text, today=TODAY)
        assert PHRASE_INDEXES[0].search(query, {}) == scan(query, {}, PHRASED), text


def test_an_index_written_before_the_pair_index_is_refused() -> None:
    data = PHRASE_INDEXES[0].to_bytes().replace(b"PRESSROOM-INDEX-2", b"PRESSROOM-INDEX-1", 1)
    with pytest.raises(ValueError, match="not a Pressroom search index"):
        SearchIndex.from_file(io.BytesIO(data), PHRASED)


def test_synthetic_archive_index_equals_scan() -> None:
    releases = synthetic_releases(300, seed=7, body_words=120)
    index = SearchIndex.build(releases, prefix_threshold=200)
    states = {r.id: State(read=i % 3 == 0, starred=i % 7 == 0) for i, r in enumerate(releases)}
    vocab = _vocabulary(random.Random(3), 400)
    rng = random.Random(11)
    for text in keystroke_queries(rng, vocab, 12):
        query = parse_query(text, today=TODAY)
        assert index.search(query, states) == scan(query, states, releases), text


# -- the synthetic archive (also used by the measurements) -------------------------------------

_SYLLABLES = [
    "ka", "ro", "mi", "ne", "sa", "hel", "tor", "an", "de", "li", "mor", "co", "ter", "ri",
    "sm", "ve", "lo", "pa", "ge", "nu", "bi", "ost", "qua", "zen", "fi", "ul", "ta", "er",
]  # fmt: skip


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        words.setdefault(word)
    return list(words)


def synthetic_releases(count: int, *, seed: int = 1, body_words: int = 500) -> list[Release]:
    """*count* releases with ~*body_words*-word bodies drawn from a Zipf vocabulary."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 40_000)
    weights = list(accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    pool = rng.choices(vocab, cum_weights=weights, k=200_000 + body_words)
    capitalised = [w.capitalize() for w in vocab[:3000]]
    orgs = [f"{rng.choice(capitalised)} {rng.choice(('Agency', 'Inc.', 'Foundation', 'Office'))}"
            for _ in range(2000)]  # fmt: skip
    places = [rng.choice(capitalised) for _ in range(500)]
    people = [f"{rng.choice(capitalised)} {rng.choice(capitalised)}" for _ in range(20_000)]
    roles = ["Press Officer", "Director", "Spokesperson", "Head of Media", "CEO", "Minister"]
    languages = ["en", "en", "en", "fr", "de", "es"]
    start = date(2015, 1, 1).toordinal()
    releases = []
    for number in range(count):
        offset = rng.randrange(200_000)
        words = pool[offset : offset + rng.randint(body_words // 2, body_words * 3 // 2)]
        sentences = [
            " ".join(words[i : i + 18]).capitalize() + "." for i in range(0, len(words), 18)
        ]
        body = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
        contacts = []
        for _ in range(rng.choice((0, 1, 1, 2))):
            who = rng.randrange(5000)
            name = people[who]
            contacts.append(
                Contact(
                    name=name,
                    role=rng.choice(roles),
                    organisation=orgs[who % len(orgs)],
                    email=name.lower().replace(" ", ".") + "@example.org",
                    phone=f"+{who % 90 + 10} {who:04d} {who * 7 % 10000:04d}",
                )
            )
        releases.append(
            Release(
                id=f"{number:016x}",
                title=" ".join(rng.choices(pool[:5000], k=rng.randint(5, 14))).capitalize(),
                body=body,
                source=Source(f"/archive/{number % 97}/{number}.md", rng.choice(("md", "txt"))),
                date=date.fromordinal(start + rng.randrange(3650)).isoformat(),
                location=rng.choice(places) if rng.random() < 0.8 else None,
                organisations=tuple(rng.sample(orgs[:300], rng.randint(0, 3))),
                people=tuple(
                    Person(rng.choice(people), rng.choice(roles)) for _ in range(rng.randint(0, 4))
                ),
                contacts=tuple(contacts),
                language=rng.choice(languages),
                tags=tuple(rng.sample(vocab[:200], rng.randint(0, 2))),
            )
        )
    return releases


def keystroke_queries(rng: random.Random, vocab: list[str], targets: int) -> list[str]:
    """Every intermediate text of typing *targets* realistic queries, one keystroke at a time."""
    common, rare = vocab[:300], vocab[300:]
    shapes = [
        lambda: f"{rng.choice(common)} {rng.choice(rare)}",
        lambda: rng.choice(rare),
        lambda: f"{rng.choice(common)} {rng.choice(common)} {rng.choice(common)}",
        lambda: f'"{rng.choice(common)} {rng.choice(common)}"',
        lambda: f"{rng.choice(rare)} OR {rng.choice(rare)} {rng.choice(common)}",
        lambda: f"org:{rng.choice(common)[:4]} {rng.choice(common)}",
        lambda: f"{rng.choice(common)} date:2021-01..2021-06",
        lambda: f"{rng.choice(common)} -{rng.choice(common)}",
        lambda: f"contact:{rng.randrange(10, 99)} is:unread",
        lambda: f"loc:{rng.choice(vocab[:3000])[:3]} after:2020",
    ]
    out = []
    for _ in range(targets):
        text = rng.choice(shapes)()
        out.extend(text[:end] for end in range(1, len(text) + 1))
    return out


def measure(count: int) -> None:
    """Print build, load and keystroke figures for *count* synthetic releases."""
    started = time.perf_counter()
    releases = synthetic_releases(count)
    print(f"{count:,} releases generated in {time.perf_counter() - started:.1f} s")
    words = sum(len(r.body.split()) for r in releases) / max(1, count)
    print(f"  mean body: {words:.0f} words")
    started = time.perf_counter()
    index = SearchIndex.build(releases)
    build = time.perf_counter() - started
    data = index.to_bytes()
    started = time.perf_counter()
    SearchIndex.from_file(io.BytesIO(data), releases)
    load = time.perf_counter() - started
    print(f"  build {build:.2f} s; serialised {len(data) / 1e6:.1f} MB; load {load:.2f} s")
    states = {r.id: State(read=i % 3 == 0, starred=i % 50 == 0) for i, r in enumerate(releases)}
    vocab = _vocabulary(random.Random(1), 40_000)
    texts = keystroke_queries(random.Random(5), vocab, 60)
    timings = []
    for text in texts:
        started = time.perf_counter()
        hits = index.search(parse_query(text, today=TODAY), states)
        timings.append((time.perf_counter() - started, text, len(hits)))
    timings.sort()
    p50 = timings[len(timings) // 2][0] * 1000
    p95 = timings[int(len(timings) * 0.95)][0] * 1000
    print(f"  {len(timings)} keystrokes: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {timings[-1][0] * 1000:.1f} ms")  # fmt: skip
    for seconds, text, hits in timings[-5:]:
        print(f"    slowest: {seconds * 1000:6.1f} ms  {text!r} -> {hits:,} hits")
    started = time.perf_counter()
    directory = ContactDirectory.build(releases)
    print(f"  contacts: {len(directory):,} entries built in {time.perf_counter() - started:.2f} s")
    names = [entry.name for entry in directory.entries[:: max(1, len(directory) // 40)]]
    typed = [name[:end] for name in names for end in range(1, len(name) + 1)]
    typed += ["press", "press off", "+4", "+45 00", "example.org", "dir"]
    lookups = []
    for text in typed:
        started = time.perf_counter()
        directory.filter(text)
        lookups.append(time.perf_counter() - started)
    lookups.sort()
    print(
        f"  {len(lookups)} contact keystrokes: p50 {lookups[len(lookups) // 2] * 1000:.2f} ms, "
        f"p95 {lookups[int(len(lookups) * 0.95)] * 1000:.2f} ms, max {lookups[-1] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [10_000]:
        measure(size)
