"""Fuzzing aimed at the functions that do the work: the store's round trip, stored documents
of any shape, JSON entries of any shape, JSON Lines and JSON arrays of any bytes.

Each property calls the function itself, not through a guard that would turn
a bug into a reported problem: a failure here is a bug. Inputs that once found
one are kept as ``@example``s.
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from store.disk.release_store import ReleaseStore, id_of_key, release_from_stored
from store.ingest import stream
from store.ingest.build import build_release
from store.ingest.discover import SourceFile
from store.ingest.readers.jsonform import entry_draft
from store.records import Contact, Link, Person, Release, Source

# Text as hostile as a file can make it, without lone surrogates (a clear
# store error of its own, tested in test_storage).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\x00\x1b\x9b\u202e\ufeff\n\r\t"),
    max_size=60,
)
SHORT = st.text(string.ascii_letters + " -'é", max_size=20)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63) | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT | SHORT, inner, max_size=4),
    max_leaves=20,
)
# Objects that look like releases from other tools: the keys readers look for.
KEYS = st.sampled_from(
    [
        "id", "title", "headline", "name", "body", "content", "text", "description", "date",
        "published", "datePublished", "url", "link", "lang", "language", "tags", "keywords",
        "kicker", "people", "contacts", "organisations", "embargo", "fingerprint", "details",
        "source", "links", "location", "issuer", "date_source", "title_source",
    ]
)  # fmt: skip
RELEASE_LIKE = st.dictionaries(KEYS, JSON, max_size=10)

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def releases(draw: st.DrawFn) -> Release:
    number = draw(st.integers(0, 2**64 - 1))
    return Release.from_json(
        {
            "id": f"{number:016x}",
            "title": draw(TEXT),
            "body": draw(TEXT),
            "kicker": draw(st.none() | TEXT),
            "date": draw(st.none() | st.dates().map(str)),
            "location": draw(st.none() | TEXT),
            "embargo": draw(st.none() | TEXT),
            "organisations": draw(st.lists(TEXT, max_size=3)),
            "people": [
                Person(name, role).to_json()
                for name, role in draw(st.lists(st.tuples(TEXT, st.none() | TEXT), max_size=3))
            ],
            "contacts": [
                Contact(*fields).to_json()
                for fields in draw(st.lists(st.tuples(*[st.none() | TEXT] * 5), max_size=2))
            ],
            "links": [
                Link(label, url).to_json()
                for label, url in draw(st.lists(st.tuples(TEXT, TEXT), max_size=2))
            ],
            "language": draw(st.none() | st.sampled_from(["en", "fr-CA", "de"])),
            "tags": draw(st.lists(TEXT, max_size=3)),
            "source": Source(draw(TEXT) or "/x.md", "md").to_json(),
        }
    )


@SETTINGS
@given(st.lists(releases(), max_size=5, unique_by=lambda r: r.id))
@example([Release.from_json({"id": "00000000000000ff", "title": "\u2028", "body": "\x00"})])
def test_the_store_gives_back_exactly_what_it_was_given(
    tmp_path: Path, batch: list[Release]
) -> None:
    # SECURITY.md D8: any text, an exact round trip, through the file and its reader.
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "releases.json"  # one store per example
    with ReleaseStore(path) as store:
        store.add_batch(batch)
    with ReleaseStore(path) as store:
        back = {release.id: release.to_json() for release in store.releases()}
    unique: dict[str, Release] = {}
    for release in batch:  # a copy of a release already given is not stored twice
        unique.setdefault(release.fingerprint, release)
    assert back == {r.id: r.to_json() for r in unique.values()}


# A document as Pressroom writes it (key "9"), for examples that spoil one field.
_OURS = Release.from_json(
    {"id": "0000000000000009", "title": "T", "body": "B", "date": "2024-01-02"}
).to_document()


@SETTINGS
@given(st.integers(0, 2**64 - 1).map(str), JSON | RELEASE_LIKE)
@example("5", {"id": 12345, "title": ["a", "b"], "body": None, "people": "x", "contacts": {"a": 1}})
@example("7", {"id": None, "date": 20240101, "source": "not a mapping", "links": [None, 3]})
@example("9", {**_OURS, "issuer": ["a list"]})
@example("9", {**_OURS, "date_source": {"not": "a source"}})
@example("9", {**_OURS, "title_source": ["first line"]})
def test_a_stored_document_of_any_shape_is_read_never_a_crash(key: str, doc: Any) -> None:
    # SECURITY.md D13: documents edited by hand.
    release = release_from_stored(key, doc)
    assert release.id == id_of_key(key)
    assert isinstance(release.title, str) and isinstance(release.body, str)
    assert all(isinstance(tag, str) for tag in release.tags)
    assert release.issuer is None or isinstance(release.issuer, str)
    assert release.date_source in (None, "text", "metadata", "path")
    assert release.title_source in (None, "text", "format", "first line")
    orjson.dumps(release.to_json())


@SETTINGS
@given(RELEASE_LIKE, st.sampled_from(["json", "jsonl"]))
@example({"id": "synthetic-000042", "title": "T", "body": "B", "kicker": None}, "jsonl")
@example({"id": 3.5, "title": {"rendered": 7}, "details": {"body": ["x"]}}, "json")
def test_a_json_entry_of_any_shape_is_a_draft_or_nothing(obj: dict[str, Any], fmt: str) -> None:
    draft = entry_draft(obj, fmt, "line 1")
    if draft is not None:
        release = build_release(draft, f"/imports/export.{fmt}")
        assert "\x1b" not in release.title and "\x00" not in release.title
        orjson.dumps(release.to_json())


@SETTINGS
@given(
    st.lists(
        st.one_of(
            RELEASE_LIKE.map(orjson.dumps),
            st.binary(max_size=40),
            st.sampled_from([b"", b"{", b"[1]", b'{"title": "\\ud800"}', b"\xff\xfe", b"null"]),
        ),
        max_size=8,
    ).map(b"\n".join),
    st.sampled_from(["jsonl", "json"]),
)
@example(b'{"title": "cut', "jsonl")
@example(b'[{"title": "a"}, {"title": ', "json")
def test_json_lines_and_arrays_of_any_bytes(tmp_path: Path, data: bytes, fmt: str) -> None:
    # Read entry by entry without a guard: a problem is an ImportProblem's
    # message with its entry, never a caught exception ("cannot read: X").
    path = tmp_path / f"input.{fmt}"
    for chunk in stream.chunks(SourceFile(str(path), fmt), data):
        for entry in chunk.entries:
            if entry.problem is not None:
                continue
            obj = entry.obj if entry.raw is None else _parsed(entry.raw)
            if isinstance(obj, dict):
                draft = entry_draft(obj, fmt, str(entry.number))
                if draft is not None:
                    build_release(draft, str(path))


def _parsed(raw: bytes) -> Any:
    from store.ingest.limits import ImportProblem

    try:
        return stream._parse_line(raw)
    except ImportProblem:
        return None
