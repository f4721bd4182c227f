"""Readers of the eleventh session rewritten for speed (speed12) find what the old scans found."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.extract import one_word_firms as firms_module
from store.ingest.extract.one_word_firms import _FIRM, _firms, one_word_firms


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
