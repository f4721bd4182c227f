"""The synthetic corpus: deterministic, varied, and readable back by the importer."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from store.records import Release, release_id
from tests.helpers import synthetic
from tests.helpers.synthetic import corpus_files, generate, main, write_corpus


def _digest_folder(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def sample() -> list[Release]:
    return list(generate(600, seed=7))


def test_same_seed_gives_the_same_releases() -> None:
    first = [r.to_document() for r in generate(60, seed=7)]
    synthetic._world.cache_clear()  # rebuild the world from the seed alone
    second = [r.to_document() for r in generate(60, seed=7)]
    assert first == second


def test_different_seeds_give_different_releases() -> None:
    first = [r.title for r in generate(30, seed=7)]
    second = [r.title for r in generate(30, seed=3)]
    assert len(set(first) & set(second)) < 3


def test_generate_yields_exactly_n() -> None:
    assert sum(1 for _ in generate(0, seed=7)) == 0
    assert sum(1 for _ in generate(1, seed=7)) == 1
    assert sum(1 for _ in generate(137, seed=7)) == 137


def test_ids_are_unique_and_follow_the_identity_rule(sample: list[Release]) -> None:
    assert len({r.id for r in sample}) == len(sample)
    for index, release in enumerate(sample[:50]):
        assert release.source.path == f"synthetic/{index:06d}.{release.source.format}"
        assert release.id == release_id(release.source.path, None, release.fingerprint)


def test_every_release_has_its_main_fields(sample: list[Release]) -> None:
    for release in sample:
        assert 6 <= len(release.title.split()) <= 16, release.title
        assert release.date is not None and "2005-01-01" <= release.date <= "2026-12-31"
        assert release.location
        assert release.organisations
        assert release.people and all(p.role for p in release.people)
        assert release.language in {"en", "fr", "es", "de"}
        assert release.links and release.links[0].openable
        assert release.tags
        assert 120 <= len(release.body.split()) <= 1100
    with_contacts = [r for r in sample if r.contacts]
    assert len(with_contacts) > 0.85 * len(sample)
    assert all(c.email for r in with_contacts for c in r.contacts)


def test_the_corpus_is_varied(sample: list[Release]) -> None:
    organisations = Counter(r.organisations[0] for r in sample)
    assert len(organisations) >= 80
    # A Zipf-like share: the busiest issuer far ahead of the median one.
    counts = sorted(organisations.values(), reverse=True)
    assert counts[0] >= 8 * counts[len(counts) // 2]
    assert len({r.location.casefold() for r in sample if r.location}) >= 120
    assert len({r.date for r in sample}) >= 450
    years = Counter(r.date[:4] for r in sample if r.date)
    assert years["2024"] + years["2025"] > years["2008"] + years["2009"] + years["2010"]
    assert len({p.name for r in sample for p in r.people}) >= 400
    languages = Counter(r.language for r in sample)
    assert languages["en"] > 0.7 * len(sample)
    assert all(languages[code] > 0 for code in ("fr", "es", "de"))
    # Media desks are shared: the most used address appears in many releases.
    emails = Counter(c.email for r in sample for c in r.contacts)
    assert emails.most_common(1)[0][1] >= 20
    assert len(emails) >= 200


def test_the_vocabulary_has_a_long_tail(sample: list[Release]) -> None:
    words = Counter(word for r in sample[:300] for word in r.body.split())
    ranked = words.most_common()
    assert ranked[0][1] > 50 * ranked[len(ranked) // 2][1]
    assert sum(1 for _, n in ranked if n == 1) > 1000
    text = " ".join(r.body for r in sample)
    assert any(ch in text for ch in "éèüöäñç")


def test_people_move_between_organisations() -> None:
    seen: dict[str, set[str]] = {}
    for release in generate(3000, seed=7):
        for person in release.people[:1]:
            seen.setdefault(person.name, set()).add(release.organisations[0])
    assert sum(1 for orgs in seen.values() if len(orgs) > 1) >= 20


def test_written_corpus_is_byte_identical_for_a_seed(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 25, seed=7)
    write_corpus(tmp_path / "b", 25, seed=7)
    write_corpus(tmp_path / "c", 25, seed=3)
    assert _digest_folder(tmp_path / "a") == _digest_folder(tmp_path / "b")
    assert _digest_folder(tmp_path / "a") != _digest_folder(tmp_path / "c")


def test_written_corpus_mixes_formats(tmp_path: Path) -> None:
    write_corpus(tmp_path, 200, seed=3)
    suffixes = Counter(path.suffix for path in tmp_path.iterdir())
    assert sum(suffixes.values()) == 200
    assert suffixes[".txt"] > 40 and suffixes[".md"] > 40
    assert suffixes[".html"] > 3 and suffixes[".json"] > 3


def test_written_files_look_like_releases(tmp_path: Path) -> None:
    names = dict(corpus_files(40, seed=3))
    write_corpus(tmp_path, 40, seed=3)
    for name, release in names.items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert release.title in text
        assert f"{release.location}, " in text
        for contact in release.contacts:
            assert contact.email is not None and contact.email in text


def test_command_line_writes_the_corpus(tmp_path: Path) -> None:
    assert main(["12", str(tmp_path / "out"), "--seed", "3"]) == 0
    write_corpus(tmp_path / "direct", 12, seed=3)
    assert _digest_folder(tmp_path / "out") == _digest_folder(tmp_path / "direct")


def test_written_corpus_parses_back(tmp_path: Path) -> None:
    from store.ingest.build import parse_paths

    expected = dict(corpus_files(30, seed=3))
    write_corpus(tmp_path, 30, seed=3)
    result = parse_paths([str(tmp_path)])
    assert result.problems == []
    got = {Path(r.source.path).name: r for r in result.releases}
    assert set(got) == set(expected)
    wrong = [
        f"{name}: title {release.title!r} / {got[name].title!r}, "
        f"date {release.date} / {got[name].date}"
        for name, release in sorted(expected.items())
        if (got[name].title, got[name].date) != (release.title, release.date)
    ]
    assert not wrong, "\n".join(wrong)
