"""Extraction never raises and stays fast on hostile text (no catch-all hides a bug: see build.py)."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.extract.anatomy import extract
from store.sanitize import clean_text

# Characters that matter to the extractors, mixed with anything at all.
_ALPHABET = st.sampled_from(
    [*"aZ 1\n\t.,:;-–—/()[]!#@*+\"'’“”", "\x1b", "\x00", "\ud800", "\u202e", "é", "ß", "中"]
)
_PIECES = st.sampled_from(
    [
        "PRESS RELEASE\n",
        "EMBARGOED UNTIL 4 March 2024\n",
        "LONDON, 3 May 2024 – ",
        "Media contact:\n",
        "Jane Doe, CEO of Acme Corp, said ",
        "jane@acme.example ",
        "+1 (212) 555-0100 ",
        "[label](javascript:x) ",
        "[label](https://a.example) ",
        "H.E. Mr. ",
        "United Nations Office (UNO) ",
        "\n\n---\n\n[Original/Source Press Release](https://x.example)\n",
        "###\n",
        "About Acme\n",
    ]
)
_TEXT = st.lists(
    st.one_of(st.text(max_size=40), st.text(_ALPHABET, max_size=40), _PIECES), max_size=30
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_TEXT,
    title=st.one_of(st.none(), st.text(max_size=30)),
    date=st.one_of(st.none(), st.text(max_size=20)),
    language=st.one_of(st.none(), st.sampled_from(["en", "fr-CA", "DE", "x"]), st.text(max_size=8)),
)
def test_extract_never_raises(text, title, date, language):
    r = extract(text, title=title, date=date, language=language)
    if any(ch.isalnum() for ch in clean_text(text)) and title is None:
        assert r.title
    for contact in r.contacts:
        assert contact.email is None or contact.email in text
    for link in r.links:
        assert not link.url.lower().startswith(("javascript:", "data:", "file:", "vbscript:"))
    for value in (r.title, r.location or "", *r.organisations, *(p.name for p in r.people)):
        assert "\x1b" not in value and "\x00" not in value


def test_non_text_is_an_empty_release():
    r = extract(None)  # type: ignore[arg-type]
    assert r.title == "" and r.body == ""


def _cpu(fn):
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_pathological_input_is_bounded():
    # Work must grow about linearly: a 20x longer input may not cost much more than 20x.
    small = "Acme " * 200 + "a" * 2000 + " (" * 500 + "@" * 500 + "1 " * 500
    big = small * 20
    t_small = min(_cpu(lambda: extract(small)) for _ in range(3))
    t_big = _cpu(lambda: extract(big))
    assert t_big < max(60 * t_small, 0.5)
