"""The catalogue: what the list shows of every release, and where each one lies in the store file.

Opening a 100k-release store means parsing 440 MB of JSON (2 s) and building
100k releases (1.4 s) before the first row can be drawn. The catalogue is the
part of the store the list needs (id, title, date, place, organisations,
fingerprint) already in archive order, plus the byte range of each release's
document in the store file, kept beside the store as ``<name>.catalogue``. It
loads in a fraction of a second; a whole release is read from the store file
only when something asks for it (the visible rows, the detail pane).

The columns are parsed when first read (store.disk.catalogue_columns): the
first screen needs only the count and the rows on it, which are read from the
store file, and the timeline of the whole archive, whose month counts are
saved in the catalogue's header.

It is derived data: keyed by the store's identity (the store file's size and
mtime, its journal's size: storage.identity_of), built from the store
whenever the key does not match, and never trusted for anything but a faster
path to what the store says: each document read through it is checked
against its CRC-32. A document in the journal (store.disk.journal) has the
offset of its place there plus the size of the store file. When only the
journal grew since the catalogue was made, only the new records are read.
The catalogue also opens the store without parsing it (:func:`vouched`).
The store file and the journal are opened once and read through those
descriptors: writers replace the file and only append to the journal, so
the bytes behind a catalogue stay the ones it describes even after another
process writes.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import stat
import struct
import weakref
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, overload

import orjson

from store import collector
from store.disk import catalogue_columns, journal
from store.disk.catalogue_columns import Column, chunk_count
from store.disk.contact_column import parsed_in_slices
from store.disk.derived import open_derived, write_derived
from store.disk.fresh_rows import FreshRows, order_key
from store.disk.release_store import (
    META,
    RELEASES,
    ReleaseStore,
    id_of_key,
    release_from_stored,
)
from store.disk.saved_pieces import Piece, SavedFile
from store.disk.storage import (
    NotStoreLayout,
    Placed,
    Tables,
    Vouched,
    identity_of,
    walk_store_lines,
)
from store.errors import StoreError
from store.give_way import looked_at
from store.heap import give_back
from store.records import Contact, Release
from store.sanitize import clean_line, fold

# Version 3: a CRC-32 of everything after it follows the magic line (SECURITY.md
# D12: a catalogue damaged inside, its header intact, must never be used).
# Version 4: the issuer of each release (issue 10).
# Version 5: a CRC-32 of each release's document, so that the catalogue of the
# next generation of the store keeps the rows of the documents it left as they were.
# Version 6: each column saved in chunks, parsed when first read; the month
# counts of the whole archive in the header (the first frame's timeline).
# Version 7: keyed by the store's identity (the store file's size and mtime,
# its journal's size: storage.identity_of) and describing the journal too; the
# store's other tables (meta) in the header, so that the store can be opened
# from the catalogue without parsing its file (storage.Vouched).
_MAGIC = b"PRESSROOM-CATALOGUE-7\n"
# The schemas whose store files a catalogue reads (2 and 3 differ only in that a
# file at 3 may have a journal).
_SCHEMAS = (None, 2, ReleaseStore.SCHEMA_VERSION)
Identity = tuple[int, int, int]
_COLUMNS = ("ids", "titles", "dates", "locations", "organisations", "fingerprints", "issuers")
# Whole releases kept after they were read (the visible rows, the pane, a
# phrase check): about 4 KB each.
CACHED_RELEASES = 4096
# A loaded catalogue's contact blocks are checked this much at a time.
_PIECE = 1 << 20


class NotCatalogued(Exception):
    """The store file cannot be catalogued as it is: open it whole (it may need migrating)."""


def catalogue_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.catalogue``, in the same folder."""
    return store_path.with_name(store_path.name + ".catalogue")


def archive_order(date: str | None, title: str) -> tuple[int, str, str]:
    """Sort key of the archive: newest first, undated last, ties by title (stable)."""
    date = date or ""
    return (0 if date else 1, date.translate(_INVERT_DIGITS), fold(title))


_INVERT_DIGITS = str.maketrans("0123456789", "9876543210")


class Catalogue(Sequence[Release]):
    """The releases of one store file, in archive order; each read from the file on demand."""

    def __init__(
        self,
        handle: BinaryIO,
        signature: Identity,
        columns: Mapping[str, list[Any] | Column],
        offsets: array[int],
        lengths: array[int],
        contacts: bytes | Piece,
        checks: array[int],
        months: Mapping[str, int] | None = None,
        *,
        journal_fd: int | None = None,
        journal_end: int = 0,
        others: Tables | None = None,
    ) -> None:
        self._handle = handle
        # The journal, open as long as the catalogue: a document at an offset past the
        # store file's size is read from it (at that offset less the size).
        self._journal_fd = journal_fd
        self._journal_end = journal_end
        self._others: Tables = others if others is not None else {}
        self.signature = signature
        self._columns = {
            name: column if isinstance(column, Column) else Column(name, column)
            for name, column in columns.items()
        }
        # Releases per month (YYYY-MM) of the whole archive: saved, or counted when first asked.
        self._months = dict(months) if months is not None else None
        self._offsets = offsets
        self._lengths = lengths
        # The CRC-32 of each document's bytes: a row stays valid for the next
        # generation of the store file exactly while its document is unchanged.
        self._checks = checks
        # Every release's contact blocks as JSON, parsed only for the contact
        # directory: the list does not need them (a loaded catalogue's are read
        # from its file then).
        self._contacts = contacts
        self._cache: dict[int, Release] = {}
        # Whether it describes the store file as it is (see ``load``'s *stale*).
        self.current = True
        # The identity of the store it was made for (another when not current).
        self.made_for: tuple[int, ...] = signature
        if journal_fd is not None:
            weakref.finalize(self, _close_quietly, journal_fd)

    def close(self) -> None:
        """Let go of the store file (the journal closes with the catalogue)."""
        self._handle.close()

    # -- the columns (each parsed when first read) -----------------------------------

    @property
    def ids(self) -> list[str]:
        return self._columns["ids"].whole()

    @property
    def titles(self) -> list[str]:
        return self._columns["titles"].whole()

    @property
    def dates(self) -> list[str | None]:
        return self._columns["dates"].whole()

    @property
    def locations(self) -> list[str | None]:
        return self._columns["locations"].whole()

    @property
    def organisations(self) -> list[list[str]]:
        return self._columns["organisations"].whole()

    @property
    def fingerprints(self) -> list[str]:
        return self._columns["fingerprints"].whole()

    @property
    def issuers(self) -> list[str | None]:
        return self._columns["issuers"].whole()

    def each(self, name: str) -> Iterator[Any]:
        """Every release's value of column *name* (ids, fingerprints...), in order, none of
        them kept (the column is not parsed whole for it)."""
        return self._columns[name].each()

    def month_counts(self) -> dict[str, int]:
        """Releases per month (YYYY-MM) of the whole archive; undated ones not counted."""
        if self._months is None:
            counts = Counter((date or "")[:7] for date in self.dates)
            counts.pop("", None)
            self._months = dict(counts)
        return self._months

    # -- the sequence of releases ---------------------------------------------------

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Release: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Release]: ...
    def __getitem__(self, index: int | slice) -> Release | Sequence[Release]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        release = self._cache.get(index)
        if release is None:
            release = self._read(index)
            if len(self._cache) >= CACHED_RELEASES:
                self._cache.clear()  # crude, but a dict never changes size under a reader
            self._cache[index] = release
        return release

    def __iter__(self) -> Iterator[Release]:
        # A pass over everything (an index build, a scan) reads the file in
        # order and keeps nothing, rather than filling the cache.
        for index in range(len(self)):
            release = self._cache.get(index)
            yield release if release is not None else self._read(index)

    def _read(self, index: int) -> Release:
        offset, length = self._offsets[index], self._lengths[index]
        try:
            # pread: positioned, so threads reading at once need no lock.
            size = self.signature[0]
            if offset >= size and self._journal_fd is not None:
                raw = os.pread(self._journal_fd, length, offset - size)
            else:
                raw = os.pread(self._handle.fileno(), length, offset)
            if len(raw) != length or zlib.crc32(raw) != self._checks[index]:
                raise StoreError("a release in the store file is damaged; run `pressroom doctor`")
            doc = orjson.loads(raw)
            # Its chunk of the ids only: the first rows shown need no whole column.
            release_id = self._columns["ids"].at(index)
            release = release_from_stored(str(int(release_id, 16)), doc)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read a release from the store: {exc}") from exc
        if release.id != release_id:
            raise StoreError("the store file changed under the catalogue; reopen it")
        return release

    def contact_blocks(
        self, should_stop: Callable[[], bool] | None = None
    ) -> list[tuple[Contact, ...]]:
        """The contacts of every release, in archive order (for the contact directory).

        Read a slice at a time (``contact_column``), asking *should_stop* between
        slices (``store.give_way``): the browser builds its directory beside the keys.
        """
        out: list[tuple[Contact, ...]] = []
        with collector.paused():
            for column in looked_at(parsed_in_slices(self._contact_bytes()), should_stop, every=1):
                out += [tuple(Contact(*fields) for fields in blocks) for blocks in column]
        return out

    # -- building, saving, loading --------------------------------------------------

    @classmethod
    def build(cls, store_path: Path, previous: Catalogue | None = None) -> Catalogue:
        """Read the store file (and its journal) once and catalogue it.

        *previous*: the catalogue of an earlier state of the store (an import
        wrote since): the rows of the documents still in the store byte for
        byte are kept, in their order, and only the others are parsed and put
        in place. The result is the catalogue a full build gives (the same rows
        in the same order), at a fraction of the cost. When only the journal
        grew since *previous* (the store file is the same), only what was
        appended is read: 100 releases added to 100,000 read 100, not 100,000.

        Raises :class:`NotCatalogued` when the file is not in the layout
        Pressroom writes, or not at a schema it reads: the caller opens it
        with :class:`ReleaseStore`, which migrates or reports it.
        """
        handle = _open(store_path)
        journal_fd = _open_journal(store_path)
        try:
            return cls._build(handle, journal_fd, previous)
        except BaseException:
            handle.close()
            if journal_fd is not None:
                os.close(journal_fd)
            raise

    @classmethod
    def _build(
        cls, handle: BinaryIO, journal_fd: int | None, previous: Catalogue | None
    ) -> Catalogue:
        crc32 = zlib.crc32
        identity = _identity(handle, journal_fd)
        size = identity[0]
        base_key = (identity[0], identity[1])
        # Rows by store key: kept from *previous* (place, offset, length, crc) or fresh
        # (:func:`_fresh`: the row as JSON until the rows are sorted).
        kept: dict[str, tuple[int, int, int, int]] = {}
        fresh = FreshRows()
        others: Tables = {}
        known = previous._rows_by_id() if previous is not None else {}
        journal_start = 0
        grows = (
            previous is not None
            and previous.made_for[:2] == identity[:2]
            and previous._journal_end <= identity[2]
        )
        if grows:
            assert previous is not None
            offsets, lengths, checks = previous._offsets, previous._lengths, previous._checks
            kept = {
                key: (place, offsets[place], lengths[place], checks[place])
                for key, place in known.items()
            }
            others = orjson.loads(orjson.dumps(previous._others))
            journal_start = previous._journal_end
        else:
            try:
                with collector.paused():
                    for table, key, offset, raw in walk_store_lines(handle):
                        if table != RELEASES:
                            docs = others.setdefault(table, {})
                            if key is not None:
                                docs[key] = orjson.loads(raw)
                            continue
                        if key is None:
                            continue
                        check = crc32(raw)
                        place = known.get(key)
                        if (
                            place is not None
                            and previous is not None
                            and previous._checks[place] == check
                            and previous._lengths[place] == len(raw)
                        ):
                            kept[key] = (place, offset, len(raw), check)
                        else:
                            _put(fresh, key, _row(key, orjson.loads(raw)), offset, raw, check)
            except (NotStoreLayout, orjson.JSONDecodeError, AttributeError, OSError) as exc:
                raise NotCatalogued(str(exc)) from None
        journal_end = 0
        if journal_fd is not None:
            # A record at a time (an import's journal: 170 MB at 230,000 releases).
            records = journal.Records(journal_fd, base_key, journal_start)
            try:
                with collector.paused():
                    for entry in chain.from_iterable(records):
                        if entry.table != RELEASES:
                            docs = others.setdefault(entry.table, {})
                            docs.pop(entry.key, None)
                            if entry.raw is not None:
                                docs[entry.key] = orjson.loads(entry.raw)
                            continue
                        # Written after every document before it: last in store order.
                        kept.pop(entry.key, None)
                        fresh.pop(entry.key)
                        if entry.raw is None:
                            continue
                        raw = entry.raw
                        row = _row(entry.key, orjson.loads(raw))
                        _put(fresh, entry.key, row, size + entry.offset, raw, crc32(raw))
            except (journal.JournalDamage, OSError, orjson.JSONDecodeError, AttributeError) as exc:
                raise NotCatalogued(str(exc)) from None
            journal_end = records.end
        meta = others.get(META, {}).get("1")
        schema = meta.get("schema") if isinstance(meta, dict) else None
        if schema not in _SCHEMAS:
            raise NotCatalogued(f"store schema {schema}")
        # Sorted in store order first (a stable sort): ties keep it.
        ordered = fresh.sorted()
        if previous is not None and kept:
            with collector.paused():
                rows = [(*orjson.loads(e[0]), *e[1:]) for e in fresh.each(ordered)]
            del fresh
            return cls(
                handle,
                identity,
                *previous._merged(list(kept.values()), rows),
                journal_fd=journal_fd,
                journal_end=journal_end,
                others=others,
            )
        made = _chunked_columns(fresh, ordered)
        del fresh, ordered  # the rows' buffers, before the catalogue is made of the columns
        return cls(
            handle,
            identity,
            *made,
            journal_fd=journal_fd,
            journal_end=journal_end,
            others=others,
        )

    def vouched(self) -> Vouched:
        """What this catalogue says its store holds (storage.Vouched): every release's
        key, place, length, CRC-32 and fingerprint in store order, and the other tables."""
        offsets, lengths, checks = self._offsets, self._lengths, self._checks
        ids, fingerprints = self.ids, self.fingerprints
        with collector.paused():
            order = sorted(range(len(offsets)), key=offsets.__getitem__)
            placed: list[Placed] = [
                (str(int(ids[i], 16)), offsets[i], lengths[i], checks[i], fingerprints[i])
                for i in order
            ]
        return Vouched({RELEASES: placed}, self._others, self._journal_end)

    def _rows_by_id(self) -> dict[str, int]:
        """Each row's place, by the store's key of its release (decimal text)."""
        return {str(int(release_id, 16)): place for place, release_id in enumerate(self.ids)}

    def _merged(
        self, kept: list[tuple[int, int, int, int]], fresh: list[tuple[Any, ...]]
    ) -> tuple[dict[str, list[Any]], array[int], array[int], bytes, array[int]]:
        """The rows *kept* from this catalogue, in its order, with the *fresh* rows
        (sorted) put where a full sort puts them: the columns, offsets, lengths,
        contacts and checks of the merged catalogue.

        Column by column (a copy of each list, then a few inserts), never a
        tuple per row: 100 releases added to 100,000 cost a few list copies.
        """
        kept.sort()
        places = [place for place, _, _, _ in kept]
        whole = len(places) == len(self.ids)  # sorted and distinct: every row, in order
        with collector.paused():
            contacts = orjson.loads(self._contact_bytes())

        def picked(column: list[Any]) -> list[Any]:
            return list(column) if whole else [column[place] for place in places]

        columns = {name: picked(getattr(self, name)) for name in _COLUMNS}
        blocks = picked(contacts)
        offsets = [offset for _, offset, _, _ in kept]
        lengths = [length for _, _, length, _ in kept]
        checks = [check for _, _, _, check in kept]
        titles, dates = columns["titles"], columns["dates"]

        def order(row: int) -> tuple[int, str, str]:
            return archive_order(dates[row], titles[row])

        # A full sort is stable in store order, and a new or changed document
        # is written after every kept one: after the kept rows of equal key.
        every = (*(columns[name] for name in _COLUMNS), blocks, offsets, lengths, checks)
        for row in fresh:
            at = bisect.bisect_right(range(len(titles)), archive_order(row[2], row[1]), key=order)
            for column, value in zip(every, row, strict=True):
                column.insert(at, value)
        return (
            columns,
            array("Q", offsets),
            array("I", lengths),
            orjson.dumps(blocks),
            array("I", checks),
        )

    def _contact_bytes(self) -> bytes:
        contacts = self._contacts
        return contacts.read() if isinstance(contacts, Piece) else contacts

    def to_bytes(self) -> bytes:
        return b"".join(self.to_parts())

    def to_parts(self) -> list[bytes | memoryview]:
        """The file in pieces, written one after the other (no second copy of it joined)."""
        chunks = {name: self._columns[name].saved_chunks() for name in _COLUMNS}
        contacts = self._contact_bytes()
        head = orjson.dumps(
            {
                "signature": list(self.signature),
                "journal_end": self._journal_end,
                "others": self._others,
                "months": self.month_counts(),
                "chunks": {name: [len(blob) for blob in blobs] for name, blobs in chunks.items()},
            }
        )
        parts = (
            struct.pack("<QQQ", len(head), len(self._offsets), len(contacts)),
            head,
            *(blob for name in _COLUMNS for blob in chunks[name]),
            self._offsets.tobytes(),
            self._lengths.tobytes(),
            self._checks.tobytes(),
            contacts,
        )
        crc = 0
        for part in parts:
            crc = zlib.crc32(part, crc)
        return [_MAGIC, struct.pack("<I", crc), *parts]

    def save(self, path: Path) -> bool:
        """Write the catalogue atomically; one that cannot be written is simply not kept
        (False)."""
        return write_derived(path, *self.to_parts())

    @classmethod
    def load(
        cls, path: Path, store_path: Path, *, stale: bool = False, on_disk: bool = False
    ) -> Catalogue | None:
        """The saved catalogue of *store_path*, or None when missing, stale or damaged.

        *stale*: also one made for an earlier generation of the store file (to
        build the current one from, never to read releases through); its
        ``current`` says which it is.

        *on_disk*: its columns and contact blocks are not held but read again from
        the file (and checked) when asked for, for a pass that reads each once (an
        import's index): 83 MB at 230,000 releases not held through its finish. The
        browser reads the file whole: its first rows are drawn from the columns, and
        reading them again from the file made its start 1.65-1.78x a bare Textual
        app's against 1.38-1.42x (tests/benchmarks/README.md, mem10).
        """
        if on_disk:
            return cls._load_on_disk(path, store_path, stale)
        try:
            with open_derived(path) as derived:
                data = derived.read()
            handle = _open(store_path)
        except (OSError, NotCatalogued):
            return None
        try:
            journal_fd = _open_journal(store_path)
        except NotCatalogued:
            handle.close()
            return None
        try:
            catalogue = cls._from_bytes(data, handle, stale, journal_fd)
        except (ValueError, KeyError, TypeError, struct.error, orjson.JSONDecodeError):
            catalogue = None
        if catalogue is None:
            handle.close()
            if journal_fd is not None:
                os.close(journal_fd)
        return catalogue

    @classmethod
    def _from_bytes(
        cls, data: bytes, handle: BinaryIO, stale: bool = False, journal_fd: int | None = None
    ) -> Catalogue | None:
        if not data.startswith(_MAGIC):
            return None
        start = len(_MAGIC) + 4
        (crc,) = struct.unpack_from("<I", data, len(_MAGIC))
        if zlib.crc32(memoryview(data)[start:]) != crc:
            return None  # damaged inside
        head_size, count, contacts_size = struct.unpack_from("<QQQ", data, start)
        start += 24
        if start + head_size > len(data):
            return None  # cut short: damaged
        head = orjson.loads(data[start : start + head_size])
        start += head_size
        signature = _identity(handle, journal_fd)
        fields = _checked_head(head, signature, stale, count, start, contacts_size, len(data))
        if fields is None:
            return None
        sizes = fields.sizes
        # The columns stay the bytes they were saved as until first read.
        view = memoryview(data)
        columns: dict[str, Column] = {}
        for name in _COLUMNS:
            blobs = []
            for size in sizes[name]:
                blobs.append(view[start : start + size])
                start += size
            columns[name] = Column(name, blobs=blobs, count=count)
        offsets, lengths, checks = array("Q"), array("I"), array("I")
        offsets.frombytes(data[start : start + 8 * count])
        start += 8 * count
        lengths.frombytes(data[start : start + 4 * count])
        start += 4 * count
        checks.frombytes(data[start : start + 4 * count])
        start += 4 * count
        if not len(offsets) == len(lengths) == len(checks) == count:
            return None
        catalogue = cls(
            handle,
            signature,
            columns,
            offsets,
            lengths,
            data[start:],
            checks,
            fields.months,
            journal_fd=journal_fd,
            journal_end=fields.journal_end,
            others=fields.others,
        )
        catalogue.current = fields.current
        catalogue.made_for = fields.made_for
        return catalogue

    @classmethod
    def _load_on_disk(cls, path: Path, store_path: Path, stale: bool) -> Catalogue | None:
        # The file read a piece at a time and checked whole; its columns and contact
        # blocks not held but read again when asked for (store.disk.saved_pieces).
        try:
            derived = open_derived(path)
        except OSError:
            return None
        saved = SavedFile(os.dup(derived.fileno()))
        try:
            with derived:
                handle = _open(store_path)
                try:
                    journal_fd = _open_journal(store_path)
                except NotCatalogued:
                    handle.close()
                    raise
                try:
                    catalogue = cls._from_file(derived, saved, handle, stale, journal_fd)
                except (ValueError, KeyError, TypeError, struct.error, orjson.JSONDecodeError):
                    catalogue = None
                except OSError:
                    catalogue = None
        except (OSError, NotCatalogued):
            saved.close()
            return None
        if catalogue is None:
            saved.close()
            handle.close()
            if journal_fd is not None:
                os.close(journal_fd)
        return catalogue

    @classmethod
    def _from_file(
        cls,
        derived: BinaryIO,
        saved: SavedFile,
        handle: BinaryIO,
        stale: bool = False,
        journal_fd: int | None = None,
    ) -> Catalogue | None:
        read = derived.read
        size = os.fstat(derived.fileno()).st_size
        if read(len(_MAGIC)) != _MAGIC:
            return None
        (crc,) = struct.unpack("<I", read(4))
        fixed = read(24)
        head_size, count, contacts_size = struct.unpack("<QQQ", fixed)
        start = len(_MAGIC) + 4 + 24
        if start + head_size > size:
            return None  # cut short: damaged
        head_bytes = read(head_size)
        whole = zlib.crc32(head_bytes, zlib.crc32(fixed))
        start += head_size
        head = orjson.loads(head_bytes)
        signature = _identity(handle, journal_fd)
        fields = _checked_head(head, signature, stale, count, start, contacts_size, size)
        if fields is None:
            return None
        sizes = fields.sizes
        # Each chunk is read, checked into the file's CRC-32, and left on disk: only
        # its place and its own CRC-32 are kept (the column reads it again when asked).
        columns: dict[str, Column] = {}
        for name in _COLUMNS:
            blobs = []
            for length in sizes[name]:
                blob = read(length)
                if len(blob) != length:
                    return None
                whole = zlib.crc32(blob, whole)
                blobs.append(Piece(saved, start, length, zlib.crc32(blob)))
                start += length
            columns[name] = Column(name, blobs=blobs, count=count)
        offsets, lengths, checks = array("Q"), array("I"), array("I")
        for kept in (offsets, lengths, checks):
            data = read(kept.itemsize * count)
            whole = zlib.crc32(data, whole)
            kept.frombytes(data)
            start += len(data)
        contacts_check, left = 0, contacts_size
        while left:
            data = read(min(left, _PIECE))
            if not data:
                return None
            whole = zlib.crc32(data, whole)
            contacts_check = zlib.crc32(data, contacts_check)
            left -= len(data)
        if whole != crc:
            return None  # damaged inside
        if not len(offsets) == len(lengths) == len(checks) == count:
            return None
        catalogue = cls(
            handle,
            signature,
            columns,
            offsets,
            lengths,
            Piece(saved, start, contacts_size, contacts_check),
            checks,
            fields.months,
            journal_fd=journal_fd,
            journal_end=fields.journal_end,
            others=fields.others,
        )
        catalogue.current = fields.current
        catalogue.made_for = fields.made_for
        return catalogue


class _Head(NamedTuple):
    """What a saved catalogue's head says, checked (see :func:`_checked_head`)."""

    made_for: tuple[int, ...]
    current: bool
    sizes: dict[str, list[int]]
    journal_end: int
    others: Tables
    months: dict[str, int]


def _checked_head(
    head: Any,
    signature: tuple[int, ...],
    stale: bool,
    count: int,
    after_head: int,
    contacts_size: int,
    file_size: int,
) -> _Head | None:
    """The fields of a saved catalogue's *head*, or None when the store was written since
    (unless *stale*), or when the head, or the file's size with it, does not hold together."""
    made_for = tuple(head["signature"])
    current = made_for == signature
    if not current and not stale:
        return None  # the store was written since
    sizes = head["chunks"]
    if any(
        len(sizes[name]) != chunk_count(count)
        or not all(type(size) is int and size > 0 for size in sizes[name])
        for name in _COLUMNS
    ):
        return None
    journal_end, others = head["journal_end"], head["others"]
    if type(journal_end) is not int or type(others) is not dict:
        return None
    months = head["months"]
    if type(months) is not dict or not all(type(n) is int for n in months.values()):
        return None
    columns_size = sum(sum(sizes[name]) for name in _COLUMNS)
    if after_head + columns_size + 16 * count + contacts_size != file_size:
        return None  # cut short or padded: damaged
    return _Head(made_for, current, sizes, journal_end, others, months)


def open_catalogue(
    store_path: Path, *, hand_on_saved: bool = True, on_disk: bool = False
) -> Catalogue:
    """The catalogue of the store at *store_path*: the saved one if current, else built and saved.

    *on_disk*: the one loaded leaves its columns in its file (see :meth:`Catalogue.load`).
    Raises :class:`NotCatalogued` (see :meth:`Catalogue.build`).
    """
    path = catalogue_path(store_path)
    found = Catalogue.load(path, store_path, stale=True, on_disk=on_disk)
    if found is not None and found.current:
        return found
    try:
        catalogue = Catalogue.build(store_path, found)
    finally:
        if found is not None:
            found.close()
    if not catalogue.save(path) or not hand_on_saved:
        return catalogue  # not written (a read-only folder, a full disk): the one built
    # The one built is let go before the file just written is read back (its
    # columns parsed only when read): the heap its build went through is given
    # back, the two are never held at once, and an import's index build, next,
    # has the difference (the catalogue grown from an earlier one holds its
    # columns as lists of strings: 216 MiB at 90k releases against 78 loaded).
    catalogue.close()
    del catalogue
    give_back()
    saved = Catalogue.load(path, store_path, on_disk=on_disk)
    if saved is not None and saved.current:
        return saved
    # Another process wrote the store in between: built again, for the store as it is.
    return open_catalogue(store_path, hand_on_saved=False, on_disk=on_disk)


def vouched(store_path: Path, identity: Identity) -> Vouched | None:
    """What the saved catalogue says the store at *store_path* holds, when it was made for
    exactly the store of *identity* (storage.identity_of); else None."""
    found = Catalogue.load(catalogue_path(store_path), store_path)
    if found is None:
        return None
    try:
        if found.signature != identity:
            return None
        return found.vouched()
    finally:
        found.close()


def _open_journal(store_path: Path) -> int | None:
    """The store's journal, open for reading; None without one."""
    try:
        fd = os.open(
            journal.journal_path_for(store_path), os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK
        )
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NotCatalogued(str(exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotCatalogued("the journal is not a regular file")
    return fd


def _open(store_path: Path) -> BinaryIO:
    try:
        # Non-blocking: a FIFO in the store's place is refused below, not waited on.
        fd = os.open(store_path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
        handle = open(fd, "rb", buffering=1 << 20, closefd=True)  # noqa: SIM115 (kept open)
    except OSError as exc:
        raise NotCatalogued(str(exc)) from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise NotCatalogued(f"{clean_line(os.fspath(store_path))} is not a regular file")
    return handle


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _identity(handle: BinaryIO, journal_fd: int | None) -> Identity:
    journal_size = os.fstat(journal_fd).st_size if journal_fd is not None else 0
    return identity_of(os.fstat(handle.fileno()), journal_size)


def _row(key: str, doc: dict[str, Any]) -> tuple[Any, ...]:
    """The catalogue's columns of one stored document (cleaned the way a release is),
    then its contact blocks."""
    try:
        orgs = doc["organisations"]
        row = (
            doc["id"],
            doc["title"],
            doc["date"],
            doc["location"],
            orgs,
            doc["fingerprint"],
            doc.get("issuer"),  # absent from documents written before issue 10
        )
        if (
            all(type(v) is str for v in (row[0], row[1], row[5]))
            # The id is the document's key, as Pressroom writes it (D13: edited by hand).
            and row[0] == id_of_key(key)
            and all(v is None or type(v) is str for v in (row[2], row[3], row[6]))
            and type(orgs) is list
        ):
            blocks = [[c.get(f) for f in _CONTACT_FIELDS] for c in doc["contacts"]]
            if all(v is None or type(v) is str for block in blocks for v in block):
                return (*row, blocks)
    except (KeyError, TypeError, AttributeError, ValueError):
        pass
    # Not in the shape Pressroom writes: read it the tolerant way.
    release = release_from_stored(key, doc)
    return (
        release.id,
        release.title,
        release.date,
        release.location,
        list(release.organisations),
        release.fingerprint,
        release.issuer,
        [[getattr(c, f) for f in _CONTACT_FIELDS] for c in release.contacts],
    )


_CONTACT_FIELDS = ("name", "role", "organisation", "email", "phone")


def _put(
    fresh: FreshRows, key: str, row: tuple[Any, ...], offset: int, raw: bytes, check: int
) -> None:
    """A fresh row while the store is read: the row (:func:`_row`) as JSON, its place in
    archive order, and its document's offset, length and CRC-32. As Python objects, a
    row of every document held at once was 2-3 KB a release, most of the peak of an
    import's end (about 600 MiB at 230,000 releases); as JSON, a few hundred bytes, and
    in one buffer (``FreshRows``), no object a release."""
    order = order_key(archive_order(row[2], row[1]))
    fresh.put(key, orjson.dumps(row), order, offset, len(raw), check)


def _kept(data: bytes) -> bytes:
    """*data* from orjson.dumps, copied to be kept: orjson's bytes keep the buffer they
    were written in (4 KB at least; 1 MB for a chunk of 68 KB)."""
    return bytes(memoryview(data))


def _chunked_columns(
    fresh: FreshRows, ordered: list[int]
) -> tuple[dict[str, Column], array[int], array[int], bytes, array[int]]:
    """The columns (as the chunks a saved catalogue holds), offsets, lengths, contact
    blocks and checks of the *fresh* rows *ordered*, a chunk of rows at a time."""
    blobs: dict[str, list[memoryview]] = {name: [] for name in _COLUMNS}
    blocks: list[bytes] = []
    chunk = catalogue_columns.CHUNK  # the size Column reads them in
    row = fresh.row()
    for first in range(0, len(ordered), chunk):
        with collector.paused():
            rows = [orjson.loads(row(number)) for number in ordered[first : first + chunk]]
        for n, name in enumerate(_COLUMNS):
            # The bytes catalogue_columns.chunked gives for these rows.
            blobs[name].append(memoryview(_kept(orjson.dumps([row[n] for row in rows]))))
        blocks.append(orjson.dumps([row[7] for row in rows])[1:-1])  # a copy (sliced)
    del row  # its view of the rows' buffer
    columns = {name: Column(name, blobs=found, count=len(ordered)) for name, found in blobs.items()}
    contacts = b"[" + b",".join(block for block in blocks if block) + b"]"
    offsets = array("Q", map(fresh.offsets.__getitem__, ordered))
    lengths = array("I", map(fresh.lengths.__getitem__, ordered))
    checks = array("I", map(fresh.checks.__getitem__, ordered))
    return columns, offsets, lengths, contacts, checks
