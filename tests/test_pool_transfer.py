"""What crosses the import's pool: records as their fields' values, tokens as places in their unit's words."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import orjson

from store.ingest import run  # registers the records' reducers, too
from store.ingest.discover import SourceFile
from store.records import Contact, Link, Person, Release
from store.search.index import IndexBuilder
from store.search.postings import FIELD_BREAK, Collector, UnitWords, tokenized
from store.search.tokens import text_tokens_and_kind, token_text_and_kind
from tests.helpers.synthetic import generate

_TRICKY = [
    "",
    "plain ASCII, with punctuation_and-dashes",
    "Zürich café naïve façade",  # ASCII once folded
    "ℍilbert ﬁnance Ａ①",  # compatibility forms: a capital, a ligature, full width
    "Straße İstanbul ǅ",
    "東京 and 😀 emoji",
    "quotes \u2019 and dashes \u2014 only",
    "a\x00b\nc\td",
]


def test_token_text_splits_into_the_same_tokens() -> None:
    for text in _TRICKY:
        joined, plain = token_text_and_kind(text)
        assert (joined.split(), plain) == text_tokens_and_kind(text), text


def test_collector_reads_tokenized_fields_as_its_own() -> None:
    fields_of = [
        ["Title", "Body of it", "Acme Corp"],
        ["Zürich ℍ", "東京", ""],
        [],
        ["holds x" + FIELD_BREAK, "word"],  # the word inside a token: read by the collector
    ]
    made, own = Collector(), Collector()
    for position, fields in enumerate(fields_of):
        made.add(position, fields, tokenized(fields))
        own.add(position, fields)
    assert made.tokens == own.tokens and made.lengths == own.lengths
    assert dict(made.ids) == dict(own.ids)
    assert tokenized(fields_of[3]) is None


def test_a_units_tokens_cross_the_pool_and_read_as_the_collectors_own() -> None:
    """Releases tokenised together share one list of words: pickled as the pool sends
    a unit's results, the list crosses once, and the collector, looking each word up
    once a unit, gives every token the id its own reading gives it."""
    units = [
        [["Zürich café", "the café of Zürich"], ["東京 and 😀", "the same the"]],
        [["the second unit", "café again"], [], ["", "new words only here"]],
        [["holds " + FIELD_BREAK + " itself", "word"], ["the end"]],  # read by the collector
    ]
    made, own = Collector(), Collector()
    position = 0
    for unit in units:
        words = UnitWords()
        sent = [tokenized(fields, words) for fields in unit]
        words.close()
        back = pickle.loads(ForkingPickler.dumps(sent))
        shared = {id(tokens[0]) for tokens in back if tokens is not None}
        assert len(shared) == 1  # one list for the unit, not one a release
        for fields, tokens in zip(unit, back, strict=True):
            made.add(position, fields, tokens)
            own.add(position, fields)
            position += 1
    assert made.tokens == own.tokens and made.lengths == own.lengths
    assert dict(made.ids) == dict(own.ids)
    assert made.break_word and own.break_word


def test_an_imports_units_read_the_same_whichever_process_looks_tokens_up(
    tmp_path: Path,
) -> None:
    """A unit of an import's work gives its tokens as text or, when the workers are
    ahead of the importing process, as places in the unit's words: the collector
    gets the same token ids either way."""
    path = tmp_path / "releases.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in generate(700, seed=5)))
    job = run._Job(SourceFile(str(path), "jsonl"), None, None, streamed=True, tokenize=True)
    units = list(run._units([job], run.CHUNK_FILES))
    assert len(units) >= 3  # several units, each with its own words
    builders = []
    for look_up in (False, True):
        builder = IndexBuilder()
        for unit in units:
            for parsed in pickle.loads(ForkingPickler.dumps(run._parse_unit(unit, look_up))):
                assert parsed.tokens and all(t is not None for t in parsed.tokens)
                assert all(len(t) == (3 if look_up else 2) for t in parsed.tokens if t)
                run._read_into(builder, parsed)
        builders.append(builder.collector)
    text, places = builders
    assert len(text.lengths) == 700
    assert text.tokens == places.tokens and text.lengths == places.lengths
    assert dict(text.ids) == dict(places.ids)


def test_records_cross_the_pool_equal() -> None:
    releases = list(generate(30, seed=3))
    assert any(r.people for r in releases) and any(r.contacts for r in releases)
    back = pickle.loads(ForkingPickler.dumps(releases))
    assert back == releases
    assert [r.fingerprint for r in back] == [r.fingerprint for r in releases]
    # The registered way, not dataclasses' own state (which carries no constructor call).
    for cls in (Release, Person, Contact, Link):
        assert cls in ForkingPickler._extra_reducers
