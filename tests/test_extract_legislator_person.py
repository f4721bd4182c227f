"""The legislator whose office issued a release is among its people when the text names them in
full (issue 10, tenth round)."""

from store.ingest.extract.anatomy import extract
from store.ingest.extract.legislator_person import with_legislator
from store.records import Person


def test_senator_named_in_full_over_a_scraped_release_is_a_person():
    r = extract(
        "U S Senator Jane Quill PHOTO Fighting for Housing 03 14 2006 News Release\n\n"
        "For Immediate Release Tuesday March 14 2006 In Washington D C Senator Quill spoke to "
        "local housing officials Senator Quill said that the budget would cut funding "
        "Senator Quill said she would fight it"
    )
    assert r.issuer == "Senator Jane Quill"
    assert "Jane Quill" in [p.name for p in r.people]


def test_legislator_not_named_in_full_or_listed_already_is_not_added():
    assert with_legislator((), "Senator Jane Quill", "Senator Quill spoke today.") == ()
    listed = (Person("Jane Q. Quill"),)
    assert with_legislator(listed, "Senator Jane Quill", "Jane Quill spoke.") == listed
    assert with_legislator((), "Federal Reserve", "The Federal Reserve spoke.") == ()
