"""The catalogue: the same releases as the store, rebuilt whenever the store file changes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.archive import Archive
from store.disk import catalogue_columns
from store.disk.catalogue import (
    Catalogue,
    NotCatalogued,
    archive_order,
    catalogue_path,
    open_catalogue,
)
from store.disk.release_store import ReleaseStore
from store.disk.saved_pieces import Piece
from store.errors import StoreError
from store.search.query import parse_query
from tests.helpers.browser_data import sample_releases, write_store
from tests.helpers.synthetic import generate
from tests.helpers.synthetic_releases import international_release


def _store(tmp_path: Path, n: int = 60) -> Path:
    releases = [*generate(n, seed=7), international_release()]
    return write_store(tmp_path / "releases.json", releases)


def test_the_catalogue_holds_every_release_of_the_store_in_archive_order(tmp_path: Path) -> None:
    path = _store(tmp_path)
    catalogue = open_catalogue(path)
    stored = {r.id: r for r in ReleaseStore(path).releases()}
    assert sorted(catalogue.ids) == sorted(stored)
    keys = [archive_order(d, t) for d, t in zip(catalogue.dates, catalogue.titles, strict=True)]
    assert keys == sorted(keys)
    for position, release_id in enumerate(catalogue.ids):
        release = stored[release_id]
        assert catalogue[position] == release  # read back whole, body included
        assert catalogue.titles[position] == release.title
        assert catalogue.dates[position] == release.date
        assert catalogue.locations[position] == release.location
        assert tuple(catalogue.organisations[position]) == release.organisations
        assert catalogue.fingerprints[position] == release.fingerprint
    assert list(catalogue) == [catalogue[i] for i in range(len(catalogue))]
    assert catalogue[-1] == catalogue[len(catalogue) - 1]
    with pytest.raises(IndexError):
        catalogue[len(catalogue)]


def test_a_saved_catalogue_is_used_until_the_store_changes(tmp_path: Path) -> None:
    path = _store(tmp_path)
    open_catalogue(path)
    saved = catalogue_path(path)
    assert Catalogue.load(saved, path) is not None
    with ReleaseStore(path) as store:
        store.add_batch([sample_releases()[0]])
    assert Catalogue.load(saved, path) is None  # stale: the store file was replaced
    rebuilt = open_catalogue(path)
    assert sample_releases()[0].id in rebuilt.ids
    assert Catalogue.load(saved, path) is not None


def test_a_star_leaves_the_catalogue_current(tmp_path: Path) -> None:
    path = _store(tmp_path)
    catalogue = open_catalogue(path)
    with ReleaseStore(path) as store:
        store.set_starred([catalogue.ids[0]])
    assert Catalogue.load(catalogue_path(path), path) is not None


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"PRESSROOM-CATALOGUE-1\n\x00\x01", "cut"],
    ids=["empty", "garbage", "short", "truncated"],
)
def test_a_damaged_catalogue_is_rebuilt(tmp_path: Path, damage: bytes | str) -> None:
    path = _store(tmp_path)
    good = open_catalogue(path)
    saved = catalogue_path(path)
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) - 7] if damage == "cut" else damage)  # type: ignore[arg-type]
    assert Catalogue.load(saved, path) is None
    assert open_catalogue(path).ids == good.ids


def test_a_catalogue_damaged_inside_with_its_header_intact_is_never_used(tmp_path: Path) -> None:
    # SECURITY.md D12: a flipped byte anywhere (a title, an offset into the
    # store, a contact) would show one release's row for another's.
    path = _store(tmp_path)
    good = open_catalogue(path)
    saved = catalogue_path(path)
    data = saved.read_bytes()
    header = data.index(b"\n") + 1
    for at in range(header, len(data), max(1, (len(data) - header) // 61)):
        damaged = bytearray(data)
        damaged[at] ^= 0x04
        saved.write_bytes(bytes(damaged))
        assert Catalogue.load(saved, path) is None, at
        assert Catalogue.load(saved, path, on_disk=True) is None, at
    assert open_catalogue(path).ids == good.ids
    assert Catalogue.load(saved, path) is not None
    assert Catalogue.load(saved, path, on_disk=True) is not None


@pytest.mark.parametrize("damage", [b"", b"garbage", "cut"], ids=["empty", "garbage", "cut"])
def test_a_damaged_catalogue_loaded_on_disk_is_refused(tmp_path: Path, damage: bytes | str) -> None:
    path = _store(tmp_path)
    good = open_catalogue(path).ids
    saved = catalogue_path(path)
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) - 7] if damage == "cut" else damage)  # type: ignore[arg-type]
    assert Catalogue.load(saved, path, on_disk=True) is None
    assert open_catalogue(path, on_disk=True).ids == good


def test_a_catalogue_loaded_on_disk_holds_none_of_its_file_and_refuses_bytes_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import's (on_disk): its columns and contact blocks are read again from the
    # file when first asked for (its index's finish held the whole file otherwise):
    # bytes changed in place since it was checked are refused, never shown as another
    # release's row (D12).
    monkeypatch.setattr(catalogue_columns, "CHUNK", 8)
    path = _store(tmp_path)
    built = Catalogue.build(path)
    assert built.save(catalogue_path(path))
    loaded = Catalogue.load(catalogue_path(path), path, on_disk=True)
    assert loaded is not None
    assert not any(
        isinstance(blob, (bytes, memoryview))
        for column in loaded._columns.values()
        for blob in column._blobs
    )
    assert not isinstance(loaded._contacts, (bytes, memoryview))
    assert loaded.titles[:8] == built.titles[:8]
    assert loaded.contact_blocks() == built.contact_blocks()
    assert b"".join(loaded.to_parts()) == b"".join(built.to_parts())
    first = loaded._columns["dates"]._blobs[0]
    assert isinstance(first, Piece)
    with catalogue_path(path).open("r+b") as handle:  # in place: the file it has open
        handle.seek(first.offset + first.length // 2)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(StoreError):
        loaded.dates  # noqa: B018 (parsed when read)
    assert loaded.titles == built.titles  # the other columns are as checked


def test_the_browsers_catalogue_holds_its_file_and_the_imports_does_not(tmp_path: Path) -> None:
    # The browser draws its first rows from the columns: read again from the file at
    # every first use they made its start 1.65-1.78x a bare Textual app's (mem10).
    path = _store(tmp_path)
    open_catalogue(path).close()
    with ReleaseStore(path) as store:
        browsed = Archive(store)._snapshot.catalogue
        imported = Archive(store, catalogue_on_disk=True)._snapshot.catalogue
        assert browsed is not None and imported is not None
        assert all(
            isinstance(blob, memoryview) for c in browsed._columns.values() for blob in c._blobs
        )
        assert isinstance(browsed._contacts, bytes)
        assert all(isinstance(blob, Piece) for c in imported._columns.values() for blob in c._blobs)
        assert isinstance(imported._contacts, Piece)
        assert imported.ids == browsed.ids and imported.titles == browsed.titles
        assert imported.contact_blocks() == browsed.contact_blocks()


def test_it_reads_the_generation_it_describes_after_another_process_writes(
    tmp_path: Path,
) -> None:
    path = _store(tmp_path)
    catalogue = open_catalogue(path)
    first = catalogue.ids[5]
    with ReleaseStore(path) as other:
        other.add_batch([generate(1, seed=99).__next__()])
    # The catalogue's file is the generation it was made of: still whole and right.
    assert catalogue[5].id == first


def test_a_store_in_another_layout_is_not_catalogued_but_still_browsed(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    release = sample_releases()[0]
    # Stock TinyDB's layout: one line, no per-document lines.
    doc = release.to_document()
    path.write_bytes(orjson.dumps({"releases": {str(int(release.id, 16)): doc}}))
    with pytest.raises(NotCatalogued):
        Catalogue.build(path)
    archive = Archive(ReleaseStore(path, defer_load=True))
    assert not archive.catalogued
    assert [r.id for r in archive.search(parse_query("marrakech"))] == [release.id]


def test_an_older_store_is_migrated_then_catalogued(tmp_path: Path) -> None:
    path = _store(tmp_path)
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 1
    first = next(iter(data["releases"]))
    data["state"] = {first: {"read": True, "starred": True}}
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(NotCatalogued):
        Catalogue.build(path)
    archive = Archive(ReleaseStore(path, defer_load=True))
    assert archive.catalogued
    assert archive.read_marks()[f"{int(first):016x}"].starred


def _edit_a_document(path: Path, edit: Callable[[dict[str, Any]], dict[str, Any]]) -> str:
    """Replace the first stored document by *edit* of it, keeping the one-per-line layout."""
    lines = path.read_bytes().split(b"\n")
    for n, line in enumerate(lines):
        if line.startswith(b'"') and b'"title"' in line:
            key = line[: line.index(b": ") + 2]
            comma = b"," if line.endswith(b",") else b""
            doc = orjson.loads(line[len(key) : len(line) - len(comma)])
            lines[n] = key + orjson.dumps(edit(doc)) + comma
            path.write_bytes(b"\n".join(lines))
            return f"{int(key[1:-3]):016x}"
    raise AssertionError("no document to edit")


def test_hand_edited_documents_are_catalogued_the_tolerant_way(tmp_path: Path) -> None:
    path = _store(tmp_path, 3)
    hostile = {"title": "\x1b]0;PWNED\x07Edited [b]by[/b] hand", "date": 7, "body": 42}
    edited = _edit_a_document(path, lambda doc: hostile)
    catalogue = open_catalogue(path)
    position = catalogue.ids.index(edited)
    assert catalogue.titles[position] == "Edited [b]by[/b] hand"
    assert catalogue[position].body == "42"
    assert catalogue.dates[position] == catalogue[position].date


@pytest.mark.parametrize(
    "edit",
    [
        {"id": 12345},
        {"id": None},
        {"id": "not-an-id"},
        {"id": "00000000000000ab"},  # another release's id, well formed
        {"title": 42},
        {"organisations": "Acme"},
        {"contacts": "x"},
        {"people": [{"name": 7}]},
        {"links": [{"label": None, "url": 3}]},
        {"tags": "climate"},
    ],
    ids=repr,
)
@pytest.mark.parametrize("catalogued", [True, False])
def test_a_document_with_fields_of_the_wrong_type_is_read_never_a_crash(
    tmp_path: Path, edit: dict[str, object], catalogued: bool
) -> None:
    """SECURITY.md D13: search, show and the list read it; its key stays its id."""
    path = _store(tmp_path, 3)
    edited = _edit_a_document(path, lambda doc: {**doc, **edit})
    archive = Archive(ReleaseStore(path, defer_load=True), use_catalogue=catalogued)
    assert sorted(archive.ids) == sorted({*archive.ids}) and edited in archive.ids
    archive.build_index()
    for release in archive.search(parse_query("")):
        assert type(release.title) is str and all(type(o) is str for o in release.organisations)
    shown = archive.get(edited)
    assert shown is not None and shown.id == edited
    assert all(type(c.email) in (str, type(None)) for c in shown.contacts)
    assert archive.contacts() is not None


def test_an_archive_on_a_catalogue_answers_like_one_in_memory(tmp_path: Path) -> None:
    path = _store(tmp_path, 200)
    catalogued = Archive(ReleaseStore(path, defer_load=True))
    in_memory = Archive(ReleaseStore(path), use_catalogue=False)
    assert catalogued.catalogued and not in_memory.catalogued
    assert list(catalogued.releases) == list(in_memory.releases)
    for archive in (catalogued, in_memory):
        archive.build_index()
    for text in ("the", "inte", '"of the"', "org:ministry", "date:2015..2018", "-the"):
        query = parse_query(text)
        assert [r.id for r in catalogued.search(query)] == [r.id for r in in_memory.search(query)]
        facets = catalogued.facets(catalogued.search(query))
        assert facets == in_memory.facets(in_memory.search(query))


def test_the_browser_store_is_never_parsed_when_the_catalogue_is_current(tmp_path: Path) -> None:
    path = _store(tmp_path)
    open_catalogue(path)
    store = ReleaseStore(path, defer_load=True)
    archive = Archive(store)
    assert archive.catalogued
    assert store._file is not None and not store._file.loaded
    archive.write_marks(read={}, starred={archive.releases[0].id: True})
    assert not store._file.loaded  # a star writes the state file only
    assert os.path.exists(tmp_path / "releases.json.state")


def test_the_contact_directory_from_the_catalogue_is_the_one_from_the_releases(
    tmp_path: Path,
) -> None:
    path = _store(tmp_path, 300)
    catalogued = Archive(ReleaseStore(path, defer_load=True))
    in_memory = Archive(ReleaseStore(path), use_catalogue=False)
    assert catalogued.catalogued
    assert catalogued.contacts().entries == in_memory.contacts().entries
    assert len(catalogued.contacts()) > 10


def test_the_contact_blocks_are_parsed_once_for_the_directory_and_related(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 17 MB of JSON at 100k, parsed with the lock held: the related releases' build takes
    # the blocks the directory's build parsed, and gives the same related releases.
    path = _store(tmp_path, 300)
    parsed: list[int] = []
    real = Catalogue.contact_blocks

    def counting(self: Catalogue, *args: Any) -> list[Any]:
        parsed.append(1)
        return real(self, *args)

    monkeypatch.setattr(Catalogue, "contact_blocks", counting)
    archive = Archive(ReleaseStore(path, defer_load=True))
    archive.contacts()
    related = archive.related()
    assert parsed == [1]
    alone = Archive(ReleaseStore(path, defer_load=True)).related()
    assert parsed == [1, 1]
    first = archive.releases[0].id
    assert related.related(first) is not None
    assert related.related(first) == alone.related(first)


@pytest.mark.parametrize("derived", ["releases.json.catalogue", "releases.json.index"])
@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero"])
def test_a_derived_file_that_is_not_a_regular_file_is_rebuilt_without_hanging(
    tmp_path: Path, derived: str, kind: str
) -> None:
    """SECURITY.md D9: a FIFO hung every command; a link to /dev/zero grew until MemoryError."""
    import threading

    path = _store(tmp_path, 20)
    expected = [r.id for r in Archive(ReleaseStore(path), use_catalogue=False).releases]
    target = tmp_path / derived
    target.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    found: list[list[str]] = []

    def search() -> None:
        archive = Archive(ReleaseStore(path, defer_load=True))
        archive.build_index()
        found.append([r.id for r in archive.search(parse_query(""))])

    worker = threading.Thread(target=search, daemon=True)
    worker.start()
    worker.join(30)
    assert found == [expected], f"the search over a {kind} {derived} did not finish"
    assert target.is_file() and not target.is_symlink()  # rebuilt in its place


def _columns(catalogue: Catalogue) -> tuple[Any, ...]:
    return (
        catalogue.ids,
        catalogue.titles,
        catalogue.dates,
        catalogue.locations,
        catalogue.organisations,
        catalogue.fingerprints,
        catalogue.issuers,
        list(catalogue._offsets),
        list(catalogue._lengths),
        list(catalogue._checks),
        catalogue.contact_blocks(),
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_catalogue_of_a_grown_store_is_the_one_a_full_build_gives(
    tmp_path: Path, seed: int
) -> None:
    """After an import, the catalogue keeps the rows of the documents left as they were
    and reads only the others; the result is row for row a fresh build's."""
    import random

    pick = random.Random(seed)
    releases = list(generate(80, seed=seed))
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch(releases[:50])
    open_catalogue(path)
    twins = []
    for n, release in enumerate(releases[50:]):
        if n % 3 == 0:
            # Ties in archive order (same date and title) with a kept row: a full
            # sort keeps them in store order, where a new document comes last.
            twin = pick.choice(releases[:50])
            release = release.with_changes(date=twin.date, title=twin.title)
        twins.append(release)
    changed = [
        r.with_changes(title=r.title + " (corrected)", body=r.body + " Corrected.")
        for r in pick.sample(releases[:50], 5)
    ]
    with ReleaseStore(path) as store:
        outcomes = store.add_batch([*twins, *changed])
    assert outcomes.count("updated") == 5
    grown = open_catalogue(path)
    assert grown.current
    fresh = Catalogue.build(path)
    assert _columns(grown) == _columns(fresh)
    assert [grown[i] for i in range(len(grown))] == [fresh[i] for i in range(len(fresh))]


def test_a_document_edited_in_place_is_read_again_even_at_the_same_length(
    tmp_path: Path,
) -> None:
    path = _store(tmp_path)
    catalogue = open_catalogue(path)
    title = catalogue.titles[0]
    raw = path.read_bytes()
    edited = title[:-1] + ("X" if title[-1] != "X" else "Y")
    assert raw.count(orjson.dumps(title)) == 1
    path.write_bytes(raw.replace(orjson.dumps(title), orjson.dumps(edited)))
    assert open_catalogue(path).titles.count(edited) == 1


def test_a_loaded_catalogue_parses_a_column_only_when_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The browser's first frame needs the count and the rows on screen only:
    # no column is parsed for it, and a row reads the chunk of ids it is in.
    monkeypatch.setattr(catalogue_columns, "CHUNK", 8)
    path = _store(tmp_path)
    built = open_catalogue(path)
    loaded = Catalogue.load(catalogue_path(path), path)
    assert loaded is not None
    columns = loaded._columns
    assert all(column._rows is None and not column._chunks for column in columns.values())
    assert len(loaded) == len(built)
    assert loaded[10] == built[10]
    assert set(columns["ids"]._chunks) == {1}  # rows 8-15: the second chunk only
    assert all(columns[name]._rows is None for name in columns)
    # Read whole, each column is the one the store gives.
    for name in ("ids", "titles", "dates", "locations", "organisations", "fingerprints"):
        assert getattr(loaded, name) == getattr(built, name), name
    assert loaded.month_counts() == built.month_counts() != {}


def test_a_catalogue_just_built_is_handed_on_as_the_one_saved(tmp_path: Path) -> None:
    # Built, the columns are lists of strings parsed from every document (an
    # import's index build then had 130 MiB less at 90k releases when they are
    # the saved bytes instead): what opening gives is the saved catalogue, with
    # no column parsed yet, and the same rows.
    path = _store(tmp_path)
    built = Catalogue.build(path)
    opened = open_catalogue(path)
    assert all(column._rows is None for column in opened._columns.values())
    for name in ("ids", "titles", "dates", "locations", "organisations", "fingerprints"):
        assert getattr(opened, name) == getattr(built, name), name
    assert opened.current


def test_a_catalogue_that_cannot_be_saved_is_handed_on_as_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store(tmp_path)
    monkeypatch.setattr(Catalogue, "save", lambda self, where: False)  # a read-only folder
    opened = open_catalogue(path)
    assert not catalogue_path(path).exists()
    assert len(opened) == 61 and opened.current
    assert opened.ids == Catalogue.build(path).ids


def test_a_store_written_while_its_catalogue_is_saved_is_catalogued_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process writes between the catalogue's save and its reading back:
    # the catalogue handed on is the current store's, never the older one's.
    from store.disk import catalogue as catalogue_module

    path = _store(tmp_path)
    extra = list(generate(3, seed=99))
    writes = iter([extra])

    def another_process_writes() -> None:
        for batch in writes:
            with ReleaseStore(path) as store:
                store.add_batch(batch)

    monkeypatch.setattr(catalogue_module, "give_back", another_process_writes)
    opened = open_catalogue(path)
    assert opened.current
    assert len(opened) == 64
    assert {r.id for r in extra} <= set(opened.ids)


def test_the_archive_timeline_comes_from_the_saved_month_counts(tmp_path: Path) -> None:
    path = _store(tmp_path)
    open_catalogue(path)
    archive = Archive(ReleaseStore(path, defer_load=True))
    months = archive.search(parse_query("")).months()
    # Every release's months without parsing their dates.
    assert archive._snapshot.columns._columns["dates"]._rows is None  # type: ignore[attr-defined]
    in_memory = Archive(ReleaseStore(path), use_catalogue=False).search(parse_query(""))
    assert months == in_memory.months() != []
    assert archive.search(parse_query("date:2015..2018")).months() == (
        Archive(ReleaseStore(path), use_catalogue=False)
        .search(parse_query("date:2015..2018"))
        .months()
    )


def test_a_column_chunk_of_the_wrong_length_is_an_error_never_a_row(tmp_path: Path) -> None:
    # Its checksum was right (written wrong, not damaged): a notice, not another's row.
    column = catalogue_columns.Column("titles", blobs=[memoryview(b'["only one"]')], count=2)
    with pytest.raises(StoreError):
        column.whole()
    with pytest.raises(StoreError):
        catalogue_columns.Column("titles", blobs=[memoryview(b"{}")], count=1).at(0)
