"""Issue 10: where a release's date came from (text, metadata, path), and its issuer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.ingest.build import parse_paths
from store.ingest.extract.dates import path_date
from store.records import Release, Source

UNDATED = "# Acme opens a plant\n\nAcme Corp opened a plant today. It employs 40 people.\n"
DATED = "# Acme opens a plant\n\nLYON, 3 March 2024 – Acme Corp opened a plant today.\n"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/corpus/newsdirect/2024/0325/acme.md", "2024-03-25"),
        ("/corpus/2024/03/25/acme.md", "2024-03-25"),
        ("/corpus/2024-03-25/acme.md", "2024-03-25"),
        ("/corpus/releases/20240325_acme.md", "2024-03-25"),
        ("/corpus/releases/acme-2021-06-23.md", "2021-06-23"),
        ("/corpus/2024/0325/more/2023-01-02-acme.md", "2023-01-02"),  # the file name first
        ("/corpus/2024/1399/acme.md", None),  # month 13: no date
        ("/corpus/2024/0230/acme.md", None),  # 30 February
        ("/corpus/2999/0101/acme.md", None),  # far in the future
        ("/corpus/report2024/acme.md", None),
        ("/corpus/12024032512/acme.md", None),  # a number, not a date
        ("-", None),
    ],
)
def test_path_date(path: str, expected: str | None) -> None:
    assert path_date(path, today=dt.date(2026, 1, 1)) == expected


def _one(tmp_path: Path, relative: str, text: str) -> Release:
    file = tmp_path / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    result = parse_paths([str(file)])
    assert not result.problems
    (release,) = result.releases
    return release


def test_undated_text_takes_its_folder_date(tmp_path: Path) -> None:
    release = _one(tmp_path, "newsdirect/2024/0325/acme.md", UNDATED)
    assert (release.date, release.date_source) == ("2024-03-25", "path")
    assert release.to_json()["date_source"] == "path"


def test_text_date_wins_over_metadata_and_path(tmp_path: Path) -> None:
    text = "---\ndate: 2020-01-02\n---\n" + DATED
    release = _one(tmp_path, "2024/0325/acme.md", text)
    assert (release.date, release.date_source) == ("2024-03-03", "text")


def test_metadata_date_wins_over_path(tmp_path: Path) -> None:
    release = _one(tmp_path, "2024/0325/acme.md", "---\npublished: 2020-01-02\n---\n" + UNDATED)
    assert (release.date, release.date_source) == ("2020-01-02", "metadata")


def test_a_placeholder_date_far_ahead_is_no_date(tmp_path: Path) -> None:
    release = _one(tmp_path, "2024/0325/acme.md", "---\ndate: 2999-01-01\n---\n" + UNDATED)
    assert (release.date, release.date_source) == ("2024-03-25", "path")


def test_no_date_anywhere(tmp_path: Path) -> None:
    release = _one(tmp_path, "misc/acme.md", UNDATED)
    assert (release.date, release.date_source) == (None, None)


def test_mail_date_is_metadata(tmp_path: Path) -> None:
    mail = (
        "From: press@acme.example\nTo: desk@paper.example\nSubject: Acme opens a plant\n"
        "Date: Tue, 05 Mar 2024 10:00:00 +0000\n\nAcme Corp opened a plant today.\n"
    )
    release = _one(tmp_path, "2023/0101/acme.eml", mail)
    assert (release.date, release.date_source) == ("2024-03-05", "metadata")


def test_date_source_round_trips_and_old_documents_load() -> None:
    release = Release(
        id="0123456789abcdef",
        title="t",
        body="b",
        source=Source("/x.md", "md"),
        date="2024-03-25",
        date_source="path",
        issuer="Acme Corp",
    )
    again = Release.from_json(release.to_json())
    assert (again.date_source, again.issuer) == ("path", "Acme Corp")
    assert Release.from_document(release.to_document()) == release
    old = release.to_json()
    del old["date_source"], old["issuer"]
    loaded = Release.from_json(old)
    assert (loaded.date_source, loaded.issuer) == (None, None)
    assert Release.from_json({**old, "date_source": "guess"}).date_source is None


GLUED = (
    "Acme opens a plant\n\nLYON, 3 March 2024 – Acme Corp opened a plant today.\n\n"
    "Media Contact\n\nYeweon Park\n\npress@acme.example\n\n"
    "Contact DetailsYeweon Park\n\npress@acme.example\n\n"
    "Company Websitehttps://acme.example/\n"
)


def test_a_heading_glued_to_its_value_is_split() -> None:
    from store.ingest.extract.anatomy import extract

    parts = extract(GLUED)
    assert [c.name for c in parts.contacts] == ["Yeweon Park"]
    assert "Contact Details\nYeweon Park" in parts.body
    assert "Company Website\nhttps://acme.example/" in parts.body
    upper = extract(GLUED.replace("Contact DetailsYeweon Park", "Contact DetailsOCEAN MINING"))
    assert not any(c.name and c.name.startswith("Details") for c in upper.contacts)
    assert not any(o.startswith("Details") for o in upper.organisations)
    alone = extract(GLUED.replace("Contact DetailsYeweon Park", "ContactKathy Stahr"))
    assert "Kathy Stahr" in [c.name for c in alone.contacts]


def test_issuer_from_the_about_boilerplate() -> None:
    from store.ingest.extract.anatomy import extract

    parts = extract(
        "Acme opens a plant\n\nLYON, 3 March 2024 – Acme Corp and Beta Ltd opened a plant.\n\n"
        "About Acme Corp: Acme Corp makes things.\n\nAbout Beta Ltd\nBeta sells them.\n\n"
        "Media contact\nJane Doe, Gamma Agency\njane@gamma.example"
    )
    assert parts.issuer == "Acme Corp"


def test_issuer_from_the_contact_block_then_none() -> None:
    from store.ingest.extract.anatomy import extract

    head = "Acme opens a plant\n\nLYON, 3 March 2024 – Acme Corp opened a plant.\n\n"
    assert extract(head + "Media contact\nJane Doe, Acme Corp\njane@acme.example").issuer == (
        "Acme Corp"
    )
    assert extract(head + "About Us\nWe make things.").issuer is None


def test_issuer_from_front_matter_wins(tmp_path: Path) -> None:
    text = "---\ncompany: Acme Corporation\n---\n" + UNDATED + "\nAbout Beta Ltd: Beta sells.\n"
    assert _one(tmp_path, "x/acme.md", text).issuer == "Acme Corporation"


def test_organisations_fold_acronyms_and_drop_fragments() -> None:
    from store.ingest.extract.organisations import tidy_organisations

    found = (
        "SEC",
        "Securities and Exchange Commission",
        "National Cancer Institute on Unsplash",
        "Fund Name",
        "Highlights Acme Holdings Inc.",
        "Stoltenberg of the North Atlantic Treaty Organization",
        "Behalf of the Board of Directors",
        "Journal of the American Heart Association",
        "University of the West Indies",
        "United Nations Office of Counter-Terrorism (UNOCT)",
        "UNOCT",
        "Jane Doe",
    )
    assert tidy_organisations(found, {"jane doe"}) == (
        "Securities and Exchange Commission",
        "North Atlantic Treaty Organization",
        "Journal of the American Heart Association",
        "University of the West Indies",
        "United Nations Office of Counter-Terrorism (UNOCT)",
    )


def test_issuer_is_not_the_wire_service() -> None:
    from store.ingest.extract.anatomy import extract

    parts = extract(
        "Knightscope expands\n\nLYON, 3 March 2024 – Knightscope, Inc. expanded.\n\n"
        "About Knightscope, Inc.\nKnightscope builds robots.\n\n"
        "About InvestorWire\nInvestorWire is a wire.\n"
    )
    assert parts.issuer == "Knightscope, Inc."
    wire_only = extract("Acme expands\n\nAcme expanded.\n\nAbout InvestorWire\nIt is a wire.\n")
    assert wire_only.issuer is None


def test_feed_entry_date_is_metadata_and_author_is_the_issuer(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Wire</title><item><title>Acme opens a plant</title>"
        "<dc:creator>Acme Corporation</dc:creator>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>"
        "<description>Acme Corp opened a plant today.</description></item></channel></rss>"
    )
    release = _one(tmp_path, "2023/0101/wire.rss", feed)
    assert (release.date, release.date_source) == ("2024-03-05", "metadata")
    assert release.issuer == "Acme Corporation"


def test_an_email_joined_by_cleaning_is_not_kept() -> None:
    """Cleaning drops the control character of "0\\x1f@0.AA": the release never wrote
    "0@0.AA" (found by test_extract_robust's hypothesis run)."""
    from store.ingest.extract.anatomy import extract

    assert extract("MEDIA CONTACT:0\x1f@0.AA").contacts == ()
