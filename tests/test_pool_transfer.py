"""What crosses the import's pool: records as their fields' values, tokens as one string."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler

from store.ingest import run  # noqa: F401  (registers the records' reducers)
from store.records import Contact, Link, Person, Release
from store.search.postings import FIELD_BREAK, Collector, tokenized
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


def test_records_cross_the_pool_equal() -> None:
    releases = list(generate(30, seed=3))
    assert any(r.people for r in releases) and any(r.contacts for r in releases)
    back = pickle.loads(ForkingPickler.dumps(releases))
    assert back == releases
    assert [r.fingerprint for r in back] == [r.fingerprint for r in releases]
    # The registered way, not dataclasses' own state (which carries no constructor call).
    for cls in (Release, Person, Contact, Link):
        assert cls in ForkingPickler._extra_reducers
