"""Readers of the eleventh session rewritten for speed (speed12) find what the old scans found."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.extract import one_word_firms as firms_module
from store.ingest.extract.anatomy import _DATE_LEFT_NEAR, _without_date_left
from store.ingest.extract.announcer import _alone
from store.ingest.extract.bounded_words import count_bounded, has_bounded, occurrences
from store.ingest.extract.listed_bodies import _LINK, _LIST
from store.ingest.extract.one_word_firms import _FIRM, _firms, one_word_firms
from store.ingest.extract.stated_issuer import _SELF_VERB, _has_self_verb
from store.ingest.extract.wire_names import _WIRE_ABOUT, _wire_sections
from store.ingest.extract.wire_subject import _NOT_FIRST, _has_first_name


def _old_one_word_firms(text: str) -> list[str]:
    """The reader as it was: a literal test for any form, then _FIRM tried over the text."""
    forms = ("Inc", "LLC", "L.L.C.", "Ltd", "Corp.", "GmbH", "AG", "plc", "PLC", "S.A.")
    if not any(form in text for form in (*forms, "N.V.", "B.V.")):
        return []
    found: list[str] = []
    original = firms_module._firms
    try:
        # the filters after the scan are the reader's own: run them over the old scan
        firms_module._firms = _FIRM.finditer  # type: ignore[assignment]
        found = firms_module.one_word_firms(text)
    finally:
        firms_module._firms = original
    return found


# Names of one word and their shapes (camel case, digits, "&", "-"), the legal forms, and
# what may stand around them: commas, spaces, look-behind's refusals (a letter, "’", ".", "_",
# "é"), runs of name characters longer than a name may be, a distributor's line.
_FIRM_PIECES = st.sampled_from(
    [
        "Acme",
        "eBay",
        "iPhone",
        "CP3O",
        "AT&T",
        "Rolls-Royce",
        "Holdings",
        "Securities",
        "The",
        "Delaware",
        "CEONephros",
        "Crown",
        "of",
        "A",
        "x",
        "7",
        "Inc",
        "Inc.",
        "LLC",
        "L.L.C.",
        "Ltd",
        "Ltd.",
        "Corp.",
        "Corp",
        "GmbH",
        "AG",
        "plc",
        "PLC",
        "S.A.",
        "N.V.",
        "B.V.",
        " Inc",
        ", Inc.",
        " LLC",
        " AG",
        ",",
        ", ",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "-",
        "&",
        "’",
        "'",
        ".",
        "_",
        "é",
        "Distributed by:",
        "Abcdefghijklmnopqrstuvwxyzabcde",  # 31 characters: the longest capitalised name
        "aBcdefghijklmnopqrstuvwxyzabcdef",  # 32: the longest in camel case
        "Abcdefghijklmnopqrstuvwxyzabcdefg",  # 33: too long for either
    ]
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FIRM_PIECES, max_size=30).map("".join))
def test_firms_found_from_their_forms_are_those_the_whole_scan_found(text: str) -> None:
    assert [m.span() for m in _firms(text)] == [m.span() for m in _FIRM.finditer(text)]
    assert one_word_firms(text) == _old_one_word_firms(text)


def test_a_firm_is_found_from_its_form() -> None:
    text = "Shares in Milestone, Inc. rose; eBay Inc and CP3O LLC. Acme Widgets Inc. did not."
    assert one_word_firms(text) == ["Milestone, Inc.", "eBay Inc", "CP3O LLC"]


# Words whose edges are a word's character or not ("C++", "-x", "Ltd."), and what may stand
# beside them: letters of other scripts, digits, "_", "-", spaces, initials, first names.
_WORDS = st.sampled_from(["Hoy", "hoy", "C++", "Ltd.", "-x", "Acme", "é", "A", "Ab", "_a", "9"])
_AROUND = st.sampled_from(
    [
        *("Hoy", "hoy", "C++", "Ltd.", "-x", "Acme", "é", "É", "A", "Ab", "_", "9", "٣", "-"),
        *("+", " ", "  ", ".", ",", "\n", "x", "’", "Scott", "The", "G.", "W.W.", "W. W.", "David"),
        # a first name glued to a word before it, or before a word
        *("xScott", "_David", "éScott", "9David", "Scott ", "The G. ", "W. ", " Hoy", " C++"),
    ]
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WORDS, st.lists(_AROUND, max_size=30).map("".join), st.integers(0, 3))
def test_a_bounded_word_is_counted_as_findall_counts_it(word: str, text: str, limit: int) -> None:
    found = len(re.findall(rf"\b{re.escape(word)}\b", text))
    assert count_bounded(word, text, limit) == (min(found, limit) if limit else found)
    assert has_bounded(word, text) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["Hoy", "Racić", "O’Neil", "Lee-"]),
    st.sampled_from(["Scott", "Anja", "G."]),
    st.lists(
        st.sampled_from(
            [
                "Hoy",
                "Racić",
                "O’Neil",
                "Lee-",
                "Scott",
                "Anja",
                "G.",
                " ",
                "-",
                "é",
                "x",
                "_",
                ".",
                "Scott Hoy",
                "Anja Racić",
            ]
        ),
        max_size=25,
    ).map("".join),
)
def test_a_surname_alone_is_counted_as_its_pattern_counted_it(
    surname: str, given: str, body: str
) -> None:
    old = re.findall(rf"(?<!{re.escape(given)} )\b{re.escape(surname)}\b(?![\w-])", body)
    assert _alone(surname, given, body) == min(len(old), 2)


def _old_has_first_name(word: str, body: str) -> bool:
    first = r"([A-Z][a-z]+|[A-Z]\.(?:[ ]?[A-Z]\.)*)"
    for m in re.finditer(rf"\b{first}(?:[ ][A-Z]\.)?[ ]{re.escape(word)}\b", body[:20_000]):
        if m.group(1) not in _NOT_FIRST:
            return True
    return False


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WORDS, st.lists(_AROUND, max_size=30).map("".join))
def test_a_first_name_before_a_word_is_found_as_the_old_pattern_found_it(
    word: str, body: str
) -> None:
    assert _has_first_name(word, body) == _old_has_first_name(word, body)


# The list's pattern as it was, greedy: its words and spaces could give back characters.
_OLD_WORD = r"(?:[A-ZÀ-Þ0-9][\w.&’'!%/+-]*|[a-z]{1,2}[A-Z][\w.&’'!-]*)"
_OLD_ITEM = (
    rf"(?:(?:the|The|la|el|le|die|der)[ \t]+)?{_OLD_WORD}"
    rf"(?:[ \t]+(?:{_LINK}[ \t]+){{0,2}}{_OLD_WORD}){{0,9}}"
)
_OLD_SEP = r"[ \t]*[,;][ \t]*(?:(?:and|und|y|et|&)[ \t]+)?|[ \t]+(?:and|und|y|et|&)[ \t]+"
_OLD_LIST = re.compile(rf"{_OLD_ITEM}(?:(?:{_OLD_SEP}){_OLD_ITEM}){{2,}}")
# Words of names and of sentences, the links, the articles, the separators, and what a word
# holds or ends at ("U.S.", "100%", "eBay", "AT&T", "Dictionary.com", "Yahoo!").
_LIST_PIECES = st.sampled_from(
    [
        *("Finnish", "Customs", "Canada", "Post", "U.S.", "100%", "eBay", "deLuca", "AT&T"),
        *("Dictionary.com", "Yahoo!", "É", "Ärzte", "7", "x", "police", "conducted", "the"),
        *("The", "la", "le", "el", "die", "der", "of", "for", "and", "und", "y", "et", "&"),
        *("de", "on", " ", " ", " ", "  ", "\t", ",", ", ", ";", " and ", ", and ", " & "),
        *(".", "-", "’s", "(", ")", "\n", "_", ":"),
    ]
)


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LIST_PIECES, max_size=40).map("".join))
def test_lists_are_those_the_greedy_pattern_found(text: str) -> None:
    assert [m.span() for m in _LIST.finditer(text)] == [m.span() for m in _OLD_LIST.finditer(text)]


def _old_without_date_left(lead: str) -> str:
    left = _DATE_LEFT_NEAR.match(lead)
    return lead if left is None else lead[: left.start(1)] + lead[left.end() :]


# Leads of every length around the reach: a date's parts, dashes, spaces, line breaks and
# filler of 10 and 40 characters, so that a year or a dash falls either side of each limit.
_LEAD_PIECES = st.sampled_from(
    [
        *("May 14, ", "2026", "1999", "2100", "20261", "12026", " ", "\t", " - ", " – "),
        *(" —— ", "-", "–", "—", "(NEWMEDIAWIRE)", "\n", "x" * 10, "y" * 40, "Acme ", "é"),
    ]
)


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LEAD_PIECES, max_size=30).map("".join))
def test_a_date_left_is_cut_as_the_pattern_alone_cut_it(lead: str) -> None:
    assert _without_date_left(lead) == _old_without_date_left(lead)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *("shows", "SHOWS", "ShOwS", "ſhows", "confirm", "CONFIRMS", "Démontre"),
                *("DÉMONTRE", "réaffirme", "montre", "demuestra", "reAfirma", "sho", "ws"),
                *(" ", "x", "é", "K", "\u212a", "demonstrates", "reaffirms", "prouve"),
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_a_self_verb_is_found_as_the_pattern_found_it(paragraph: str) -> None:
    assert _has_self_verb(paragraph) == (_SELF_VERB.search(paragraph) is not None)


def test_a_date_left_is_cut_as_the_pattern_alone_cut_it_at_each_limit() -> None:
    # the year at each place around the last it may start at (the reach and 40 more), the
    # dash at each distance around the last it may stand at (30 after the year)
    for year_at in range(150, 166):
        for gap in range(24, 36):
            for dash in (" - ", " – ", "\t— "):
                lead = "." * year_at + "2026" + "." * gap + dash + "Acme Corp. announced"
                assert _without_date_left(lead) == _old_without_date_left(lead)


_WIRE_PIECES = st.sampled_from(
    [
        *("About", "ABOUT", " ", "\t", "*", "_", "#", ":", "\n", "\n\n", "MiningNewsWire"),
        *("INVESTORWIRE", "Media OutReach Newswire", "Acme", "Wire", "x", "é", "About "),
        *("About MiningNewsWire", "**About AINewsWire**", "About Acme Wire", "ABOUT IBN"),
    ]
)


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WIRE_PIECES, max_size=30).map("".join))
def test_wire_sections_are_those_the_whole_scan_found(text: str) -> None:
    expected = (
        [(m.start(), m.group("name")) for m in _WIRE_ABOUT.finditer(text)]
        if "Wire" in text or "WIRE" in text
        else []
    )
    assert _wire_sections(text) == expected


def test_occurrences_are_every_place_a_literal_stands_overlaps_included() -> None:
    assert occurrences("banana", "ana") == [1, 3]
    assert occurrences("banana", "ana", limit=1) == [1]
    assert occurrences("banana", "x") == []
    assert occurrences("aaaa", "a", limit=0) == [0, 1, 2, 3]
