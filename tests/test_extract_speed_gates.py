"""Work skipped for speed reads the same: each gate or shortcut against the case it must keep."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.extract.anatomy import (
    _DATE_LEFT,
    _LEAD_REACH,
    _restore_breaks,
    _without_date_left,
    extract,
)
from store.ingest.extract.issuer import headline_legislator

# Pieces a lead's first line is made of: words, dates, a wire's name in brackets, the dashes
# that end a dateline; long runs of words put a date anywhere within and beyond the reach.
_PIECES = st.sampled_from(
    [
        "ATLANTA, GA",
        "May 14, 2026",
        "2025",
        "19",
        "(NEWMEDIAWIRE)",
        " - ",
        " – ",
        " —— ",
        "-",
        " ",
        "\t",
        "\n",
        "Acme Labs, Inc.",
        "announced",
        "the",
        "x" * 37,
        "y" * 61,
    ]
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_date_left_in_a_lead_is_cut_as_a_search_of_the_whole_lead_cuts_it(lead: str) -> None:
    # Only the lead's first characters are read after the cut: they must be the same as
    # when the first date anywhere in the lead is cut.
    whole = _DATE_LEFT.sub("", lead, count=1)
    assert _without_date_left(lead)[:_LEAD_REACH] == whole[:_LEAD_REACH]


def test_a_date_left_near_the_end_of_the_reach_is_still_cut() -> None:
    # What is cut starts 40 characters before the year: here at 111, within the reach.
    lead = "x" * 150 + " 2026 - the rest"
    assert _DATE_LEFT.search(lead).start() == 111  # type: ignore[union-attr]
    assert _without_date_left(lead) == "x" * 111 + "the rest"
    # At 120, past it: nothing is cut, and the first 120 characters are those the cut leaves.
    lead = "x" * 159 + " 2026 - the rest"
    assert _DATE_LEFT.search(lead).start() == 120  # type: ignore[union-attr]
    assert _without_date_left(lead) == lead
    assert _DATE_LEFT.sub("", lead, count=1)[:_LEAD_REACH] == lead[:_LEAD_REACH]


def test_a_glued_about_heading_on_the_first_line_is_split() -> None:
    # The pattern opens with a line break: the text's first line is given one too.
    r = extract("About StonegateStonegate Capital Partners is a capital markets advisory firm.\n")
    assert "About Stonegate\nStonegate Capital Partners is" in r.body + r.title


def test_the_legislators_title_only_in_the_text_and_broken_over_lines_is_read() -> None:
    # The headline carries the surname alone; the title is in the text, its words on two
    # lines: the check before the text is flattened must still see it there.
    text = (
        "WASHINGTON - U.S.\nSenator   Blanche Lincoln today introduced a bill on farm credit.\n"
        '"Farmers need credit," Lincoln said. Lincoln will hold hearings next month.\n'
    )
    assert headline_legislator("Lincoln Introduces Farm Credit Bill", text) == (
        "Senator Blanche Lincoln"
    )


def test_lost_breaks_are_restored_from_the_third_run_of_spaces() -> None:
    line = "A flattened page with its paragraphs run together. " * 5
    two = (line + "    ") * 2 + line
    three = (line + "    ") * 3 + line
    assert _restore_breaks(two) == two
    assert _restore_breaks(three).count("\n\n") == 3
