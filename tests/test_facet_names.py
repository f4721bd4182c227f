"""Facets count a body once, whatever its spellings, under a name that finds them all."""

from pathlib import Path

from store.archive import Archive
from store.disk.release_store import ReleaseStore
from store.facet_names import body_key, facet_entries, merged_counts
from store.search.query import parse_query
from store.search.tokens import field_key
from tests.helpers.browser_data import sample_releases, write_store


def test_spellings_of_one_body_share_a_key() -> None:
    assert body_key("The Beeline Holdings, Inc.") == body_key("Beeline Holdings") != ""
    assert body_key("Proactive UK Ltd") == body_key("proactive  UK")
    assert body_key("Acme GmbH & Co. KG") == body_key("Acme")
    # A name that is only a legal form keeps itself, and different bodies stay apart.
    assert body_key("Company") == "company"
    assert body_key("Acme Labs") != body_key("Acme")


def test_counts_are_summed_under_the_spelling_that_finds_them_all() -> None:
    merged = merged_counts([("Proactive UK Ltd", 101), ("Proactive UK", 48), ("Other", 3)])
    assert merged == {"Proactive UK": 149, "Other": 3}
    # No spelling is in the others: the most frequent, cut to its core.
    merged = merged_counts(
        [("Beeline Financial Holdings, Inc.", 16), ("Beeline Financial Holdings Inc.", 7)]
    )
    assert merged == {"Beeline Financial Holdings": 23}


def test_a_label_finds_every_release_it_counts() -> None:
    counts = [
        ("The Apache Software Foundation", 5),
        ("Apache Software Foundation", 3),
        ("U.S. Steel", 5),
        ("US Steel", 3),
    ]
    for label, _ in merged_counts(counts).items():
        found = [name for name, _ in counts if field_key(label) in field_key(name)]
        assert sum(n for name, n in counts if name in found) == merged_counts(counts)[label]
    assert merged_counts(counts)["U.S. Steel"] == 5  # "US Steel" is not found by it


def test_places_merge_by_case_and_spacing_only() -> None:
    merged = merged_counts([("DALLAS, TX", 5), ("Dallas, TX", 3), ("Dallas TX", 1)], places=True)
    assert merged == {"DALLAS, TX": 8, "Dallas TX": 1}


def test_ties_keep_the_order_they_came_in() -> None:
    # A store file counts in the archive's order (the newest first); PostgreSQL by name.
    entries = facet_entries([("Beta", 2), ("Alpha", 2), ("Gamma", 5)], 2)
    assert entries == (("Gamma", 5), ("Beta", 2))


def test_archive_facets_count_a_body_once(tmp_path: Path) -> None:
    releases = sample_releases()
    issuers = ["Proactive UK Ltd", "Proactive UK", "Proactive UK Ltd"]
    issuers += [None] * (len(releases) - 3)
    releases = [r.with_changes(issuer=i) for r, i in zip(releases, issuers, strict=True)]
    archive = Archive(ReleaseStore(write_store(tmp_path / "s.json", releases)))
    result = archive.search(parse_query(""))
    assert archive.facets(result).issuers == (("Proactive UK", 3),)
    assert len(archive.search(parse_query('issuer:"Proactive UK"'))) == 3
