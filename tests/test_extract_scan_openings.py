"""Patterns tried only where their openings stand find what a scan of the whole text finds."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.extract import titled_names
from store.ingest.extract.announcer import _stands_alone
from store.ingest.extract.openings import matches_from

# A text around offices, ranks and bylines: phrases of an opening (glued to a word before
# it or not), a gap, a name and what follows, among loose pieces that break them off.
_OPENINGS = st.sampled_from(
    [
        "Prime Minister",
        "Deputy Minister",
        "Minister for Energy and Housing",
        "Commissioner",
        "Secretary of State",
        "Secretary-General",
        "Director-General",
        "High Representative",
        "Mayor of the Athens",
        "Governor",
        "Chancellor",
        "Ambassador",
        "President",
        "xPresident",
        "le général de division",
        "La lieutenant-colonel",
        "DU  commandant",
        "au chef d’escadron",
        "ale major",
        "Par",
        "Par le capitaine",
        "Auteur :",
        "",
    ]
)
_GAPS = st.sampled_from([" ", ", ", "\t", "  ", "\n", ""])
_NAMES = st.sampled_from(
    ["Dan Jørgensen", "Ursula von der Leyen", "Trump’s Plan", "Sir Sadiq Khan", "Marc Boget", "x"]
)
_ENDS = st.sampled_from(["", ".", " said", " Signs", "’s", "\n", "-x", " de la Paz"])
_PHRASES = st.tuples(_OPENINGS, _GAPS, _NAMES, _ENDS).map("".join)
_LOOSE = st.sampled_from(["Vice ", "President", "é", "x", " ", "\n", ",", "-", "Tomorrow, "])
_TEXTS = st.lists(st.one_of(_PHRASES, _LOOSE), max_size=12).map("".join)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_titled_patterns_from_their_openings_match_as_a_whole_scan(text: str) -> None:
    for pattern, opening in (
        (titled_names._ENGLISH, titled_names._ENGLISH_OPENING),
        (titled_names._PRESIDENT, titled_names._PRESIDENT_OPENING),
        (titled_names._FRENCH, titled_names._FRENCH_OPENING),
    ):
        whole = [(m.span(), m.group("name")) for m in pattern.finditer(text)]
        assert [(m.span(), m.group("name")) for m in matches_from(pattern, opening, text)] == whole
    if titled_names._BYLINE.search(text):
        assert any(label in text for label in titled_names._BYLINE_LABELS)


def test_a_look_behind_reads_the_text_before_the_opening() -> None:
    # "XPresident President John Smith": the first "President" is within a word, so the
    # pattern's \b fails there and the match is the second one, as in a whole scan.
    text = "XPresident President John Smith."
    pattern = re.compile(r"\bPresident[ \t]+(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)+)")
    found = [m.group(0) for m in matches_from(pattern, re.compile("President"), text)]
    assert found == [m.group(0) for m in pattern.finditer(text)] == ["President John Smith"]


def test_titled_people_are_read_after_each_kind_of_opening() -> None:
    text = (
        "Tomorrow, President Ursula von der Leyen will travel with the Mayor of Athens, "
        "Haris Doukas, and le général de division Marc Boget.\nPar le commandant Céline Morin\n"
    )
    names = [p.name for p in titled_names.titled_people(text)]
    assert names == ["Haris Doukas", "Ursula von der Leyen", "Marc Boget", "Céline Morin"]


_NAME_TEXTS = st.lists(
    st.sampled_from(["Acme", "Acme Labs", "Labs", "x", "_", "-", "é", "1", " ", ".", "’", "Wins"]),
    max_size=12,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(["Acme", "Acme Labs", "Labs", "Acme-", "x", "Labs Wins"]), _NAME_TEXTS)
def test_a_name_standing_alone_is_found_as_its_pattern_finds_it(name: str, text: str) -> None:
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    assert _stands_alone(name, text) == (re.search(pattern, text) is not None)
