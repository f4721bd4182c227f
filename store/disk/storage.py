"""A TinyDB storage that never leaves a half-written store: journal or atomic replace, backup, lock.

TinyDB's own ``JSONStorage`` rewrites its file in place, has no lock, reads
with the locale's encoding and parses the whole file on every operation.
:class:`AtomicJSONStorage` keeps TinyDB's contract (``read``/``write`` of the
whole ``{table: {doc_id: document}}`` mapping) and changes how it reaches the
disk:

* UTF-8 JSON through orjson, whatever the locale (SECURITY.md D8), written
  with one document per line and read back a line at a time, so that
  neither a write nor a read ever holds a second copy of the whole file
  (any other JSON layout, such as stock TinyDB's, is read too).
* A write of a few documents into a large store (``can_append``: a store
  file that older code would refuse to read without its journal) is
  appended to ``<name>.journal`` (store.disk.journal) as one record with its
  CRC-32, fsynced before the write returns: what changed (new, replaced and
  removed documents), found by comparing the data with what was loaded.
  A crash midway leaves a record cut short, which was never acknowledged and
  is ignored, then cut off by the next append (D1, D2, D7).
* Any other write, and the first one after the journal passed a quarter of
  the store file (``JOURNAL_SHARE``), is of the whole store: to a temporary
  file in the same folder, fsynced; the current file is hard-linked to
  ``<name>.bak`` (the previous generation) and its journal to
  ``<name>.bak.journal``, the temporary file replaces the store with
  ``os.replace``, the journal is removed and the folder fsynced. A crash at
  any step leaves the old file with its journal or the new one, never a mix:
  a journal names the size and mtime of the file it continues and is ignored
  beside any other. Only the holder of the write lock writes.
* The parsed data is kept in memory and the file is parsed again only when
  its (inode, size, mtime) or its journal's (inode, size) changed: TinyDB
  calls ``read()`` on every operation and a store can be hundreds of
  megabytes.
* ``vouch``: derived data (the catalogue) made for exactly this store file
  and journal (their sizes and the file's mtime, :func:`identity_of`) may
  give where every document of the lazy tables lies, with its CRC-32: the
  store is then opened without parsing the file, and each document is
  checked against its CRC-32 when it is read (:class:`StoredDocument`).
* The documents of the tables named in ``lazy_tables`` are checked as they
  are read but kept as :class:`StoredDocument`: where they lie in the file,
  read again when asked for, and written to the next generation as the
  bytes they were. An import that adds 100 releases to 100,000 then holds
  offsets, not 2 GB of parsed documents, and writes the untouched ones
  without encoding them again.
* A file that does not parse, or a journal with a damaged record before its
  last, is moved aside (with its journal), never overwritten and never taken
  for an empty store (D3).

A store that is open in one process and written by another is seen through
:meth:`AtomicJSONStorage.changed_on_disk` and :meth:`AtomicJSONStorage.reload`.
Not thread-safe: one thread uses a storage.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import time
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from tinydb.storages import Storage

from store import collector
from store.disk import journal
from store.disk.lock import DEFAULT_TIMEOUT, StoreLock
from store.errors import DamagedStoreError, StoreError, StoreLockedError
from store.sanitize import clean_line

Tables = dict[str, dict[str, Any]]
# The store file's st_ino, st_size, st_mtime_ns, then its journal's st_ino and
# st_size (0, 0 without one): what changes when anyone writes the store.
Signature = tuple[int, ...]

# Checks a parsed store beyond its JSON shape: returns what is wrong with it
# (the file is then moved aside as damaged) or None; may raise StoreError to
# refuse the file while leaving it untouched (a store from a newer version).
Validator = Callable[[Tables], str | None]

# Whether a store file (as parsed) may be continued by a journal: a file older
# code would read without its journal must be written whole (it is refused by
# that code once written so).
AppendCheck = Callable[[Tables], bool]
# What the journal may grow to, as a share of the store file, before the next
# write is of the whole store again (and the journal starts afresh).
JOURNAL_SHARE = 0.25

_UTF8_BOM = b"\xef\xbb\xbf"
_READ_BUFFER = 1 << 20
_WRITE_CHUNK = 4 << 20


def backup_path_for(path: Path) -> Path:
    """Where the previous generation of the store at *path* is kept."""
    return path.with_name(path.name + ".bak")


# A document of a lazy table as derived data knows it: its key, where its JSON
# starts (in the store file, or past its end: in the journal, counted from
# the store file's size), its length, its CRC-32 and its fingerprint.
Placed = tuple[str, int, int, int, str | None]


@dataclass(frozen=True, slots=True)
class Vouched:
    """What derived data (the catalogue) says a store file and its journal hold: enough to
    open the store without parsing it. Each document is checked as it is read."""

    lazy: dict[str, list[Placed]]  # in file order
    others: Tables  # every other table, parsed
    journal_end: int  # where the journal's last whole record ends (0: none)


# Given a store file and its (size, mtime_ns, journal size): what derived data made for
# exactly those files says they hold, or None.
Vouch = Callable[[Path, tuple[int, int, int]], Vouched | None]


def identity_of(base: os.stat_result, journal_size: int) -> tuple[int, int, int]:
    """A store's identity for derived data: the store file's size and mtime, its journal's
    size. No inode: a copy that keeps the timestamps (``cp -p``) is the same store."""
    return (base.st_size, base.st_mtime_ns, journal_size)


class _Damage(Exception):
    """What is wrong with a store file's bytes (internal: becomes DamagedStoreError)."""

    def __init__(self, reason: str, signature: Signature | None = None) -> None:
        super().__init__(reason)
        self.signature = signature


class AtomicJSONStorage(Storage):
    """TinyDB storage on one JSON file, written atomically under a cross-process lock.

    ``follow_changes``: when true, ``read()`` stats the file each time and
    re-reads it if another process replaced it; when false the data stays as
    loaded until :meth:`reload` (a reader that wants a stable snapshot between
    explicit refreshes). Either way, a :meth:`transaction` starts from the
    latest file.

    ``version`` bumps every time the data in memory is replaced by a load or
    a write, so that derived caches know when to rebuild.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        follow_changes: bool = True,
        lock_timeout: float = DEFAULT_TIMEOUT,
        validate: Validator | None = None,
        read_only: bool = False,
        rebuilding: bool = False,
        lazy_tables: frozenset[str] = frozenset(),
        can_append: AppendCheck | None = None,
        vouch: Vouch | None = None,
    ) -> None:
        super().__init__()
        self.lazy_tables = lazy_tables
        # Writes go to the journal (store.disk.journal) when the store file on
        # disk passes this check; without it every write is of the whole file.
        self._can_append = can_append
        # Derived data that may spare parsing the store file (lazy tables only).
        self._vouch = vouch
        self.journal_path = journal.journal_path_for(Path(os.path.realpath(path)))
        # Rebuilding (pressroom doctor): the first write is a store made from a
        # damaged one and its backup, not a new store that would cost the backup.
        self.rebuilding = rebuilding
        # Read-only (a command that only reads, SECURITY.md D11): writes stay
        # in memory (an older schema is upgraded there, not on disk) and a
        # damaged file is reported, never moved aside.
        self.read_only = read_only
        # os.replace() over a symbolic link would replace the link itself: write
        # next to the file it points to (and lock there, where every process looks).
        self.path = Path(os.path.realpath(path))
        self.backup_path = backup_path_for(self.path)
        self.follow_changes = follow_changes
        self.lock = StoreLock(self.path, lock_timeout)
        self.version = 0
        self._validate = validate
        self._data: Tables | None = None
        self._loaded = False
        self._signature: Signature | None = None
        self._in_transaction = 0
        self._dirty = False
        self._swept = False
        # What the files on disk hold, to find what a write changed: each
        # document of a lazy table as the object loaded, others as their JSON.
        self._on_disk: dict[str, dict[str, object]] | None = None
        self._appendable = False
        self._base_key: journal.BaseKey | None = None
        self._journal_end = 0  # where the last whole record of the journal ends
        self._journal_file: _Generation | None = None

    # -- TinyDB's Storage interface ------------------------------------------------

    def read(self) -> Tables | None:
        if not self._loaded or (
            self.follow_changes and not self._in_transaction and self.changed_on_disk()
        ):
            self._load()
        return self._data

    def write(self, data: Tables) -> None:
        self._data = data
        self._loaded = True
        if self.read_only:
            return
        if self._in_transaction:
            # The whole transaction is written once, when it ends.
            self._dirty = True
            return
        self._make_folder()
        with self.lock:
            if self._signature != signature_of(self.path):
                self._forget()
                raise StoreError(
                    f"{_shown(self.path)} was changed by another process meanwhile; "
                    "nothing was written, try again"
                )
            self._commit()

    def close(self) -> None:
        self._forget()

    # -- what the release store uses ------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether the file has been read (or written) by this instance yet."""
        return self._loaded

    def let_go(self) -> None:
        """Hold nothing of the file until it is next read (outside a transaction only)."""
        if not self._in_transaction:
            self._forget()

    def changed_on_disk(self) -> bool:
        """Whether the file is not the one last read or written by this instance."""
        if not self._loaded:
            return True
        return signature_of(self.path) != self._signature

    def reload(self) -> bool:
        """Read the file again if another process changed it; True if it did."""
        if not self.changed_on_disk():
            return False
        self._load()
        return True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One read-merge-write: lock, start from the latest file, write once at the end.

        Every ``write()`` inside only updates the data in memory; the file is
        written (durably) when the block ends without an exception, and the
        block returns only after that. On an exception nothing is written and
        the data in memory is dropped, so the next read shows what is on disk.
        Blocks nest: an inner block joins the outer one.
        """
        if self._in_transaction or self.read_only:
            self._in_transaction += 1
            try:
                yield
            finally:
                self._in_transaction -= 1
            return
        self._make_folder()
        with self.lock:
            if self.changed_on_disk():
                self._load()
            self._in_transaction = 1
            self._dirty = False
            try:
                yield
            except BaseException:
                # TinyDB updates documents in place before it calls write():
                # what is in memory may be half-changed.
                self._forget()
                raise
            finally:
                self._in_transaction = 0
            if self._dirty:
                self._commit()

    def _make_folder(self) -> None:
        # The default store lives in a user data folder that may not exist yet;
        # the lock file lives next to the store, so the folder comes first.
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder of {_shown(self.path)} ({exc.strerror or exc})"
            ) from exc

    # -- loading -------------------------------------------------------------------

    def _load(self) -> None:
        for _attempt in range(3):
            try:
                read = (
                    self._read_appended()
                    or self._read_vouched()
                    or _read_store(self.path, self.lazy_tables)
                )
                data, signature = read.data, read.signature
                if data is not None and self._validate is not None:
                    reason = self._validate(data)
                    if reason is not None:
                        raise _Damage(reason, signature)
            except _Damage as damage:
                if self.read_only:
                    self._forget()
                    raise StoreError(
                        f"{_shown(self.path)} cannot be read as a Pressroom store ({damage}); "
                        "nothing was changed"
                    ) from None
                try:
                    quarantined = self._quarantine_if_unchanged(damage.signature)
                except StoreLockedError:
                    raise
                except StoreError as cannot:
                    # A read-only folder, say: still say what is wrong, touch nothing.
                    self._forget()
                    raise StoreError(
                        f"{_shown(self.path)} is damaged ({damage}) and could not be moved "
                        f"aside: {cannot}"
                    ) from None
                if quarantined is not None:
                    raise self._damaged_error(str(damage), quarantined) from None
                continue  # a writer replaced the file since it was read: read the new one
            self._data = data
            self._signature = signature
            self._loaded = True
            self.version += 1
            self._base_key = read.base_key
            self._journal_end = read.journal_end
            self._journal_file = read.journal_file
            # Only a storage that appends at all (its owner gave can_append) appends;
            # any other writes whole, which also folds a journal into the file.
            self._appendable = (
                data is not None
                and self._can_append is not None
                and (read.journal_end > 0 or self._can_append(data))
            )
            self._remember_disk()
            return
        raise StoreError(f"{_shown(self.path)} keeps changing while it is read; try again")

    def _read_appended(self) -> _Read | None:
        """The data in memory with what another process appended to the journal since, when
        the store file is the one loaded: only the new records are read."""
        loaded, data, base_key = self._signature, self._data, self._base_key
        if loaded is None or data is None or base_key is None or len(loaded) != 5:
            return None
        now = signature_of(self.path)
        if now is None or now[:3] != loaded[:3] or now[3] <= 0:
            return None
        same = self._journal_file is not None and now[3] == loaded[3]
        journal_file = self._journal_file if same else _open_journal(self.path)
        if journal_file is None:
            return None
        start = self._journal_end if same else 0
        try:
            entries, end = journal.read_entries(journal_file.fd, base_key, start)
        except (journal.JournalDamage, OSError):
            return None  # read the whole store, which reports the damage
        if not end:
            return None
        st = os.fstat(journal_file.fd)
        signature = (*loaded[:3], st.st_ino, st.st_size)
        with collector.paused():
            # A table of its own for each: the old one may be in use by a reader.
            grown = {name: dict(table) for name, table in data.items()}
            _apply_entries(grown, entries, self.lazy_tables, journal_file, signature)
        return _Read(grown, signature, base_key, end, journal_file)

    def _read_vouched(self) -> _Read | None:
        """The store as derived data describes it, when that was made for exactly these files."""
        if self._vouch is None or not self.lazy_tables:
            return None
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            return None
        base = _Generation(fd)
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        journal_file = _open_journal(self.path)
        journal_size = os.fstat(journal_file.fd).st_size if journal_file is not None else 0
        vouched = self._vouch(self.path, identity_of(st, journal_size))
        if vouched is None:
            return None
        data: Tables = {}
        size = st.st_size
        with collector.paused():
            for name, placed in vouched.lazy.items():
                table = data[name] = {}
                for key, offset, length, check, fingerprint in placed:
                    if offset >= size and journal_file is not None:
                        table[key] = StoredDocument(
                            journal_file, offset - size, length, fingerprint, check
                        )
                    else:
                        table[key] = StoredDocument(base, offset, length, fingerprint, check)
            for name, table in vouched.others.items():
                data.setdefault(name, {}).update(table)
        signature = (st.st_ino, st.st_size, st.st_mtime_ns, *_journal_signature(journal_file))
        return _Read(
            data,
            signature,
            (st.st_size, st.st_mtime_ns),
            vouched.journal_end,
            journal_file if vouched.journal_end else None,
        )

    def _remember_disk(self) -> None:
        self._on_disk = None
        if self._data is None or not self._appendable:
            return
        dumps = orjson.dumps
        on_disk: dict[str, dict[str, object]] = {}
        try:
            for name, table in self._data.items():
                if name in self.lazy_tables:
                    on_disk[name] = dict(table)
                else:
                    on_disk[name] = {key: dumps(doc) for key, doc in table.items()}
        except TypeError:
            return  # not JSON: the next write is whole, and says what is wrong
        self._on_disk = on_disk

    def _quarantine_if_unchanged(self, seen: Signature | None) -> Path | None:
        """Move the damaged file aside (with its journal), unless a writer replaced it since
        it was read."""
        with self.lock:
            if seen is None or signature_of(self.path) != seen:
                return None
            aside = move_aside(self.path, "damaged")
            if self.journal_path.exists():
                journal_aside = journal.journal_path_for(aside)
                with suppress(OSError):
                    os.link(self.journal_path, journal_aside)
                    os.unlink(self.journal_path)
            return aside

    def _damaged_error(self, reason: str, quarantined: Path) -> DamagedStoreError:
        self._forget()
        backup = self.backup_path if is_valid_store(self.backup_path, self._validate) else None
        shown = _shown(self.path)
        if backup is not None:
            advice = f"restore the backup with `pressroom --db {shown} --restore-backup`"
        else:
            advice = "no valid backup was found; the next import starts a new store"
        return DamagedStoreError(
            f"{shown} is damaged ({reason}); it was moved to {quarantined.name} — {advice}",
            path=self.path,
            quarantined=quarantined,
            backup=backup,
        )

    def _forget(self) -> None:
        self._data = None
        self._loaded = False
        self._signature = None
        self._dirty = False
        self._on_disk = None
        self._appendable = False
        self._journal_file = None

    # -- writing -------------------------------------------------------------------

    def _commit(self) -> None:
        data = self._data if self._data is not None else {}
        try:
            changes = self._changes(data)
            if changes is None:
                self._write_file(data)
            elif changes:
                self._append(data, changes)
        except BaseException:
            # The disk holds the old or the new generation; read it back to know.
            self._forget()
            raise
        self._dirty = False

    def _changes(self, data: Tables) -> list[tuple[str, str, object]] | None:
        """What *data* changes in the files on disk, ``(table, key, document or None)``;
        None when the write must be of the whole store (no journal for this file, a
        table added or removed, the journal grown past its share)."""
        on_disk = self._on_disk
        if (
            on_disk is None
            or not self._appendable
            or self.rebuilding
            or self._base_key is None
            or data.keys() != on_disk.keys()
        ):
            return None
        changes: list[tuple[str, str, object]] = []
        dumps = orjson.dumps
        for name, table in data.items():
            before = on_disk[name]
            lazy = name in self.lazy_tables
            for key, doc in table.items():
                if lazy:
                    if before.get(key) is not doc:
                        changes.append((name, key, doc))
                elif before.get(key) != dumps(doc):
                    changes.append((name, key, doc))
            changes.extend((name, key, None) for key in before.keys() - table.keys())
        return changes

    def _append(self, data: Tables, changes: list[tuple[str, str, object]]) -> None:
        """Append *changes* to the journal as one record, durably (or write the whole
        store instead when the journal would grow past its share)."""
        shown = _shown(self.path)
        assert self._base_key is not None
        dumps = orjson.dumps
        try:
            encoded = [
                (
                    name,
                    key,
                    None
                    if doc is None
                    else bytes(doc.raw())
                    if type(doc) is StoredDocument
                    else dumps(doc),
                )
                for name, key, doc in changes
            ]
        except TypeError as exc:  # orjson.JSONEncodeError is a TypeError
            raise StoreError(f"cannot save {shown}: {_encode_problem(exc)}") from None
        record, starts = journal.record(encoded)
        base_size = self._base_key[0]
        start = self._journal_end or len(journal.header(self._base_key))
        if start + len(record) > JOURNAL_SHARE * base_size:
            self._write_file(data)
            return
        if not self._swept:
            self._sweep_temporary_files()
        try:
            journal_file = self._journal_file
            if journal_file is None or not self._journal_end:
                # No journal for this store file yet (or one of an earlier file, which
                # may also be the backup's: never written in place): a new one.
                journal_file = self._new_journal()
            fd = os.open(self.journal_path, os.O_WRONLY | os.O_CLOEXEC)
            try:
                st = os.fstat(fd)
                if self._signature is None or st.st_ino != os.fstat(journal_file.fd).st_ino:
                    raise StoreError(
                        f"{shown} was changed by another process meanwhile; nothing was written"
                    )
                _append_record(fd, start, record)
                st = os.fstat(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise StoreError(_write_problem(shown, exc)) from exc
        self._journal_file = journal_file
        self._journal_end = start + len(record)
        base = self._signature[:3] if self._signature is not None else (0, 0, 0)
        self._signature = (*base, st.st_ino, st.st_size)
        self.version += 1
        on_disk = self._on_disk
        assert on_disk is not None
        for (name, key, doc), (_n, _k, raw), at in zip(changes, encoded, starts, strict=True):
            if raw is None:
                on_disk[name].pop(key, None)
            elif name in self.lazy_tables:
                stored = StoredDocument(
                    journal_file, start + at, len(raw), _fingerprint_in(doc), zlib.crc32(raw)
                )
                data[name][key] = stored
                on_disk[name][key] = stored
            else:
                on_disk[name][key] = raw

    def _new_journal(self) -> _Generation:
        """An empty journal continuing the store file, put in place of any other."""
        assert self._base_key is not None
        tmp = self.path.with_name(f".{self.path.name}.journal.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            os.write(fd, journal.header(self._base_key))
            os.fsync(fd)
            os.replace(tmp, self.journal_path)
            _fsync_folder(self.path.parent)
        except BaseException:
            os.close(fd)
            _unlink_quietly(tmp)
            raise
        return _Generation(fd)

    def _write_file(self, data: Tables) -> None:
        shown = _shown(self.path)
        folder = self.path.parent
        if not self.rebuilding and not self.path.exists():
            self._refuse_to_start_afresh()
        if not self._swept:
            self._sweep_temporary_files()
        tmp = folder / f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        placed: list[_Placed] | None = [] if self.lazy_tables else None
        written: _Generation | None = None
        try:
            signature = _write_new_file(
                tmp, _store_chunks(data, lazy=self.lazy_tables, placed=placed), like=self.path
            )
            if placed:
                # Opened before the rename: exactly the bytes just written.
                written = _Generation(os.open(tmp, os.O_RDONLY | os.O_CLOEXEC))
            self._keep_backup()
            os.replace(tmp, self.path)
            # The journal continued the file just replaced: it is the backup's now.
            _unlink_quietly(self.journal_path)
        except OSError as exc:
            _unlink_quietly(tmp)
            raise StoreError(_write_problem(shown, exc)) from exc
        except TypeError as exc:  # orjson.JSONEncodeError is a TypeError
            _unlink_quietly(tmp)
            raise StoreError(f"cannot save {shown}: {_encode_problem(exc)}") from None
        except BaseException:
            _unlink_quietly(tmp)
            raise
        self._signature = (*signature, *_journal_signature(None))
        self._base_key = (signature[1], signature[2])
        self._journal_end = 0
        self._journal_file = None
        self.version += 1
        if written is not None and placed:
            # What was written in full is now only where it lies in the new
            # file; the previous generation's file is let go with its last use.
            with collector.paused():  # 100,000 objects at 100k: no collection midway
                for table, key, offset, length, fingerprint in placed:
                    data[table][key] = StoredDocument(written, offset, length, fingerprint)
        self._appendable = self._can_append is not None and self._can_append(data)
        self._remember_disk()
        try:
            _fsync_folder(folder)
        except OSError as exc:
            raise StoreError(
                f"{shown} was saved but its folder could not be flushed to disk "
                f"({exc.strerror or exc}); the last change may not survive a crash"
            ) from exc

    def _refuse_to_start_afresh(self) -> None:
        """No new store while a damaged one waits and its good backup could be restored (D10).

        A new store's second write would make its first generation the
        backup, replacing the only good copy of the archive. With no valid
        backup, starting afresh is what the damage message announced.
        """
        prefix = f"{self.path.name}.damaged-"
        try:
            with os.scandir(self.path.parent) as entries:
                damaged = sorted(e.name for e in entries if e.name.startswith(prefix))
        except OSError:
            return
        if not damaged or not is_valid_store(self.backup_path, self._validate):
            return
        shown = _shown(self.path)
        raise StoreError(
            f"{shown} was set aside as damaged ({_quoted(damaged[-1])}) and its backup "
            f"{_quoted(self.backup_path.name)} can be restored: run `pressroom --db {shown} "
            "--restore-backup` (or `pressroom doctor`) first; to start a new store instead, "
            "move the backup away. Nothing was written"
        )

    def _keep_backup(self) -> None:
        """Make the current file ``<name>.bak`` (its inode, not a copy, when possible)."""
        if not self.path.exists():
            return
        staged = self.path.with_name(
            f".{self.path.name}.bak.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        )
        try:
            try:
                os.link(self.path, staged)
            except FileNotFoundError:
                return
            except OSError:
                # File systems without hard links: a full copy, made durable.
                shutil.copyfile(self.path, staged)
                fd = os.open(staged, os.O_RDONLY | os.O_CLOEXEC)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            os.replace(staged, self.backup_path)
            # rename() between two links of one file does nothing and leaves
            # the source: it happens when a writer was killed after making the
            # backup and before replacing the store. Remove the extra name.
            _unlink_quietly(staged)
        except BaseException:
            _unlink_quietly(staged)
            raise
        # The backup is the store file with its journal: the journal goes with it (a
        # second name; it is never written again once the store is replaced).
        backup_journal = journal.journal_path_for(self.backup_path)
        staged = self.path.with_name(f".{self.path.name}.bakj.{secrets.token_hex(4)}.tmp")
        if not self.journal_path.exists():
            _unlink_quietly(backup_journal)
            return
        try:
            os.link(self.journal_path, staged)
        except OSError:
            shutil.copyfile(self.journal_path, staged)
        try:
            os.replace(staged, backup_journal)
        finally:
            _unlink_quietly(staged)

    def _sweep_temporary_files(self) -> None:
        """Remove temporary files a killed writer left (only the lock holder writes them)."""
        self._swept = True
        prefix = f".{self.path.name}."
        try:
            with os.scandir(self.path.parent) as entries:
                for entry in entries:
                    if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                        _unlink_quietly(Path(entry.path))
        except OSError:
            pass  # a folder we cannot list: the write itself will report the problem


# -- reading and checking files ------------------------------------------------------


def signature_of(path: Path) -> Signature | None:
    """The (inode, size, mtime) of the file at *path* now and the (inode, size) of its
    journal ((0, 0) without one); None when there is no file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        # Unreadable now: make it look changed so the next read reports why.
        return (-1, -1, -1, -1, -1)
    try:
        js = os.stat(journal.journal_path_for(path))
        tail: tuple[int, int] = (js.st_ino, js.st_size)
    except FileNotFoundError:
        tail = (0, 0)
    except OSError:
        tail = (-1, -1)
    return (st.st_ino, st.st_size, st.st_mtime_ns, *tail)


def store_identity(path: Path) -> tuple[int, int, int] | None:
    """The store's identity for derived data (:func:`identity_of`) now; None without a file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        journal_size = os.stat(journal.journal_path_for(path)).st_size
    except OSError:
        journal_size = 0
    return identity_of(st, journal_size)


def _journal_stat(path: Path) -> tuple[int, int]:
    """The (inode, size) of the journal beside *path* now, as :func:`signature_of` has it."""
    signature = signature_of(path)
    return (0, 0) if signature is None else (signature[3], signature[4])


def _journal_signature(journal_file: _Generation | None) -> tuple[int, int]:
    if journal_file is None:
        return (0, 0)
    st = os.fstat(journal_file.fd)
    return (st.st_ino, st.st_size)


def _open_journal(path: Path) -> _Generation | None:
    """The journal beside the store file at *path*, open for reading; None without one."""
    try:
        fd = os.open(journal.journal_path_for(path), os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"cannot read the journal of {_shown(path)} ({exc.strerror or exc})"
        ) from exc
    file = _Generation(fd)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        raise StoreError(
            f"the journal of {_shown(path)} is not a regular file; nothing was changed"
        )
    return file


def _append_record(fd: int, start: int, record: bytes) -> None:
    """Write *record* at *start* of the journal open as *fd* (cutting off what a crash
    left after it), durably; on an error the journal is cut back to *start*."""
    try:
        if os.fstat(fd).st_size != start:
            os.ftruncate(fd, start)
        view = memoryview(record)
        at = start
        while view:
            written = os.pwrite(fd, view, at)
            view = view[written:]
            at += written
        os.fsync(fd)
    except BaseException:
        with suppress(OSError):
            os.ftruncate(fd, start)
        raise


@dataclass(slots=True)
class _Read:
    """A store as read: its tables, signature, and what its journal continues."""

    data: Tables | None
    signature: Signature | None
    base_key: journal.BaseKey | None = None
    journal_end: int = 0
    journal_file: _Generation | None = None


def _read_store_file(
    path: Path, lazy: frozenset[str] = frozenset()
) -> tuple[Tables | None, Signature | None]:
    """The parsed store at *path* (with its journal) and its signature; (None, None) when
    there is no file."""
    read = _read_store(path, lazy)
    return read.data, read.signature


def _read_store(path: Path, lazy: frozenset[str] = frozenset()) -> _Read:
    """The store file at *path*, then what its journal adds (see :func:`_read_base`)."""
    data, st = _read_base(path, lazy)
    if data is None or st is None:
        return _Read(None, None)
    base_key = (st.st_size, st.st_mtime_ns)
    journal_file = _open_journal(path)
    signature = (st.st_ino, st.st_size, st.st_mtime_ns, *_journal_signature(journal_file))
    if journal_file is None:
        return _Read(data, signature, base_key)
    try:
        entries, end = journal.read_entries(journal_file.fd, base_key)
    except journal.JournalDamage as damage:
        raise _Damage(str(damage), signature) from None
    except OSError as exc:
        raise StoreError(f"cannot read the journal of {_shown(path)} ({exc})") from exc
    with collector.paused():
        _apply_entries(data, entries, lazy, journal_file, signature)
    return _Read(data, signature, base_key, end, journal_file if end else None)


def _apply_entries(
    data: Tables,
    entries: list[journal.Entry],
    lazy: frozenset[str],
    journal_file: _Generation,
    signature: Signature,
) -> None:
    """Lay the journal's *entries* over *data*, in order (a later one wins)."""
    loads = orjson.loads
    for entry in entries:
        table = data.setdefault(entry.table, {})
        if entry.raw is None:
            table.pop(entry.key, None)
            continue
        try:
            doc = loads(entry.raw)
        except orjson.JSONDecodeError:
            doc = None
        if type(doc) is not dict:
            raise _Damage("the journal holds a document that is not an object", signature)
        if entry.table in lazy:
            table[entry.key] = StoredDocument(
                journal_file, entry.offset, len(entry.raw), _fingerprint_in(doc)
            )
        else:
            table[entry.key] = doc


def _read_base(
    path: Path, lazy: frozenset[str] = frozenset()
) -> tuple[Tables | None, os.stat_result | None]:
    """The parsed store file at *path* (without its journal) and its stat; (None, None)
    when there is no file.

    The documents of the tables in *lazy* are checked but kept as
    :class:`StoredDocument` (when the file is in the line layout)."""
    shown = _shown(path)
    try:
        # Non-blocking: a FIFO in the store's place is refused below, not waited on.
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise StoreError(f"cannot read {shown} ({exc.strerror or exc})") from exc
    # fstat of the open file: the signature belongs to exactly these bytes,
    # since writers replace the file and never change it in place. Checked
    # before the file object is made, which refuses a directory with its own error.
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise StoreError(f"{shown} is {kind}, not a store; nothing was changed")
    with open(fd, "rb", buffering=_READ_BUFFER, closefd=True) as handle:
        signature = (st.st_ino, st.st_size, st.st_mtime_ns, *_journal_stat(path))
        try:
            with collector.paused():
                data = _parse_store_lines(handle, lazy)
                if data is None:
                    # Not in the layout this module writes (older, hand-made or
                    # damaged): parse it whole, which also says what is wrong.
                    handle.seek(0)
                    data = parse_store_bytes(handle.read())
        except _Damage as damage:
            damage.signature = signature
            raise
        except OSError as exc:
            raise StoreError(f"cannot read {shown} ({exc.strerror or exc})") from exc
    return data, st


# Where a document of a lazy table went in a file being written:
# (table, key, offset of its JSON, its length, its fingerprint).
_Placed = tuple[str, str, int, int, str | None]


def _store_chunks(
    data: Tables,
    chunk_size: int | None = None,
    *,
    lazy: frozenset[str] = frozenset(),
    placed: list[_Placed] | None = None,
) -> Iterator[bytes]:
    """The store as JSON with one document per line, in pieces of about *chunk_size* bytes.

    Still plain JSON that any reader (or TinyDB's own storage) accepts; read
    back a line at a time by :func:`_parse_store_lines`. Writing piece by piece
    never holds a second copy of a store that can be hundreds of megabytes:
    joining it whole costs as much as writing it. A :class:`StoredDocument`
    is written as the bytes it was read as. Where each document of a table in
    *lazy* lands is appended to *placed*. Raises orjson.JSONEncodeError (a
    TypeError) for what JSON cannot hold.
    """
    dumps = orjson.dumps
    limit = chunk_size or _WRITE_CHUNK
    ahead = _ReadAhead()
    parts: list[bytes | memoryview] = [b"{\n"]
    size = 0
    position = 2  # bytes of the file before the end of parts
    last_table = len(data) - 1
    for number, (name, table) in enumerate(data.items()):
        head = dumps(name) + b": {\n"
        parts.append(head)
        position += len(head)
        separator = b""
        sink = placed if placed is not None and name in lazy else None
        for key, doc in table.items():
            if type(doc) is StoredDocument:
                line = ahead.raw(doc)
                fingerprint = doc.fingerprint
            else:
                line = dumps(doc)
                fingerprint = _fingerprint_in(doc)
            label = dumps(key) + b": "
            parts += (separator, label, line)
            position += len(separator) + len(label)
            if sink is not None:
                sink.append((name, key, position, len(line), fingerprint))
            position += len(line)
            separator = b",\n"
            size += len(line)
            if size >= limit:
                yield b"".join(parts)
                parts.clear()
                size = 0
        if table:
            parts.append(b"\n")
            position += 1
        tail = b"}\n" if number == last_table else b"},\n"
        parts.append(tail)
        position += len(tail)
    parts.append(b"}\n")
    yield b"".join(parts)


# Documents left in the previous file are read this much at a time: one read a
# document (100,000 at 100k releases) cost more than copying them.
_READ_AHEAD = 1 << 20


class _ReadAhead:
    """Reads :class:`StoredDocument` bytes a window at a time (they lie one after the
    other in their file, in the order they are written again)."""

    __slots__ = ("data", "file", "start")

    def __init__(self) -> None:
        self.file: _Generation | None = None
        self.start = 0
        self.data = memoryview(b"")

    def raw(self, doc: StoredDocument) -> bytes | memoryview:
        at = doc.offset - self.start
        if doc._file is self.file and at >= 0 and at + doc.length <= len(self.data):
            raw = self.data[at : at + doc.length]
        elif doc.length >= _READ_AHEAD:
            return doc.raw()
        else:
            self.file, self.start = doc._file, doc.offset
            self.data = memoryview(os.pread(doc._file.fd, _READ_AHEAD, doc.offset))
            if len(self.data) < doc.length:
                raise StoreError("the store file was cut short while it was open; reopen Pressroom")
            raw = self.data[: doc.length]
        if doc.check is not None:
            verify(raw, doc.check)
        return raw


def _fingerprint_in(doc: object) -> str | None:
    fingerprint = doc.get("fingerprint") if isinstance(doc, dict) else None
    return fingerprint if type(fingerprint) is str else None


class _Generation:
    """One generation of a store file, open for reading as long as a document needs it.

    Writers replace the store file and never change it in place, so the
    bytes behind an open descriptor stay the ones that were checked.
    """

    __slots__ = ("__weakref__", "fd")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        weakref.finalize(self, os.close, fd)

    def read(self, offset: int, length: int) -> bytes:
        raw = os.pread(self.fd, length, offset)
        if len(raw) != length:
            raise StoreError("the store file was cut short while it was open; reopen Pressroom")
        return raw


class StoredDocument:
    """A document of a store file, left as its bytes there until it is asked for."""

    __slots__ = ("_file", "check", "fingerprint", "length", "offset")

    def __init__(
        self,
        file: _Generation,
        offset: int,
        length: int,
        fingerprint: str | None,
        check: int | None = None,
    ):
        self._file = file
        self.offset = offset
        self.length = length
        # Read when the document was checked: finding known releases needs
        # every document's fingerprint and nothing else of it.
        self.fingerprint = fingerprint
        # The CRC-32 its bytes must have, when the file was not parsed as it was
        # opened (derived data vouched for it): checked as it is read.
        self.check = check

    def raw(self) -> bytes:
        """Its JSON, as it is in the file."""
        raw = self._file.read(self.offset, self.length)
        if self.check is not None:
            verify(raw, self.check)
        return raw

    def load(self) -> dict[str, Any]:
        """The document, parsed again from the file (it was checked when the file was read)."""
        try:
            doc = orjson.loads(self.raw())
        except orjson.JSONDecodeError:
            doc = None
        if type(doc) is not dict:
            raise StoreError("the store file changed while it was open; reopen Pressroom")
        return doc


def verify(raw: bytes | memoryview, check: int) -> None:
    """Raise StoreError when a document's bytes are not the ones derived data vouched for."""
    if zlib.crc32(raw) != check:
        raise StoreError(
            "a document of the store file is damaged (its checksum differs); run `pressroom doctor`"
        )


def materialized(table: dict[str, Any]) -> dict[str, Any]:
    """*table* with every :class:`StoredDocument` parsed (for code that edits documents)."""
    return {key: doc.load() if type(doc) is StoredDocument else doc for key, doc in table.items()}


class NotStoreLayout(Exception):
    """A file is not in the one-document-per-line layout :func:`_store_chunks` writes."""


def walk_store_lines(handle: BinaryIO) -> Iterator[tuple[str, str | None, int, bytes]]:
    """The documents of a file in :func:`_store_chunks`'s layout, read a line at a time.

    Yields ``(table, None, 0, b"")`` as each table starts, then ``(table, key,
    offset, document)`` for each of its documents: *offset* is where the
    document's JSON starts in the file, *document* its bytes (not parsed: the
    caller decides what to parse). orjson never writes a raw newline inside
    JSON, so each line is exactly one table header, one document or one
    closing brace. Anything else, including a missing comma, a truncated last
    line or text after the end, raises :class:`NotStoreLayout`.
    """
    first = handle.readline()
    if first != b"{\n":
        raise NotStoreLayout
    offset = len(first)
    loads = orjson.loads
    seen_table = False
    name: str | None = None
    more_documents = False  # the previous document line ended with a comma
    has_documents = False
    more_tables = True
    for line in handle:
        start = offset
        offset += len(line)
        if not line.endswith(b"\n"):
            raise NotStoreLayout  # a last line cut short
        if name is None:
            if line == b"}\n" and not seen_table:
                if handle.read(1):
                    raise NotStoreLayout
                return
            if not more_tables or not line.endswith(b": {\n"):
                raise NotStoreLayout
            try:
                parsed = loads(line[:-4])
            except orjson.JSONDecodeError:
                raise NotStoreLayout from None
            if not isinstance(parsed, str):
                raise NotStoreLayout
            name = parsed
            seen_table = True
            more_documents = has_documents = False
            yield name, None, 0, b""
            continue
        if line[:1] == b"}":
            if more_documents or line not in (b"}\n", b"},\n"):
                raise NotStoreLayout
            more_tables = line == b"},\n"
            name = None
            if not more_tables:
                if handle.read(2) != b"}\n" or handle.read(1):
                    raise NotStoreLayout
                return
            continue
        if has_documents and not more_documents:
            raise NotStoreLayout
        split = line.find(b'": ')
        key = line[1:split]
        if line[:1] != b'"' or split < 2 or not key.isdigit():
            raise NotStoreLayout
        more_documents = line.endswith(b",\n")
        has_documents = True
        end = -2 if more_documents else -1
        yield name, key.decode("ascii"), start + split + 3, line[split + 3 : end]
    raise NotStoreLayout  # the file ended before its closing brace


def _parse_store_lines(handle: BinaryIO, lazy: frozenset[str] = frozenset()) -> Tables | None:
    """Parse the layout :func:`_store_chunks` writes, one line at a time; None if it is not.

    Reading a line at a time keeps the peak memory near the size of the
    parsed data, where parsing the whole file at once holds the file's bytes
    and orjson's document tree besides (2.3 times more at 100k releases).
    The documents of a table in *lazy* are parsed as a check and let go (a
    parse that is dropped at once costs a tenth of one that is kept): they
    become :class:`StoredDocument`, read from the file again when needed.
    """
    loads = orjson.loads
    tables: Tables = {}
    table: dict[str, Any] = {}
    keep = True
    generation: _Generation | None = None
    try:
        for name, key, offset, raw in walk_store_lines(handle):
            if key is None:
                table = tables[name] = {}
                keep = name not in lazy
                continue
            doc = loads(raw)
            if type(doc) is not dict:
                return None
            if keep:
                table[key] = doc
                continue
            if generation is None:
                # The same file, through a descriptor of its own that outlives this read.
                generation = _Generation(os.dup(handle.fileno()))
            table[key] = StoredDocument(generation, offset, len(raw), _fingerprint_in(doc))
    except (NotStoreLayout, orjson.JSONDecodeError):
        return None
    return tables


def parse_store_bytes(raw: bytes) -> Tables:
    """Parse and shape-check a store file's bytes; raises ``_Damage`` saying what is wrong."""
    if not raw:
        raise _Damage("the file is empty (0 bytes)")
    nul = raw.find(b"\x00")
    if nul >= 0:
        # JSON never holds a raw NUL: this is a file the file system padded after a crash.
        raise _Damage(f"NUL bytes from byte {nul}")
    body = memoryview(raw)[3:] if raw.startswith(_UTF8_BOM) else raw  # an editor's BOM
    try:
        with collector.paused():
            data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise _Damage(_decode_problem(raw, exc)) from None
    if not isinstance(data, dict):
        raise _Damage(f"it holds a JSON {_json_kind(data)}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _Damage(f"table {_quoted(name)} is not an object")
        if not all(type(doc) is dict for doc in table.values()):
            raise _Damage(f"table {_quoted(name)} holds a document that is not an object")
        if not all(key.isdigit() and key.isascii() for key in table):
            raise _Damage(f"table {_quoted(name)} holds a document id that is not a number")
    return data


def is_valid_store(path: Path, validate: Validator | None = None) -> bool:
    """Whether *path* is a store file that parses (and passes *validate*)."""
    try:
        data, _signature = _read_store_file(path)
        if data is None:
            return False
        return validate is None or validate(data) is None
    except (StoreError, _Damage):
        return False


def inspect_store_file(
    path: Path, validate: Validator | None = None
) -> tuple[Tables | None, Signature | None, str | None]:
    """What :func:`is_valid_store` sees, in full: the data, its signature, what is wrong.

    ``(None, None, None)`` when there is no file; ``(None, signature, reason)``
    when it does not parse or *validate* refuses it. Raises StoreError when it
    cannot be opened or is not a regular file (and whatever *validate* raises).
    Reads only: the file is never moved or changed.
    """
    try:
        data, signature = _read_store_file(path)
    except _Damage as damage:
        return None, damage.signature, str(damage)
    if data is not None and validate is not None:
        reason = validate(data)
        if reason is not None:
            return None, signature, reason
    return data, signature, None


def restore_backup(path: Path, validate: Validator | None = None) -> Path:
    """Put ``<name>.bak`` back as the store at *path*, moving the current file aside.

    The backup itself stays (the restored store shares its inode until the
    next write replaces the store). Returns *path*.
    """
    backup = backup_path_for(path)
    shown = _shown(path)
    if not backup.exists():
        raise StoreError(f"there is no backup of {shown} to restore")
    if not is_valid_store(backup, validate):
        raise StoreError(f"the backup {_shown(backup)} is damaged too; nothing was changed")
    with StoreLock(path):
        staged = path.with_name(f".{path.name}.restore.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        journal_staged: Path | None = None
        try:
            try:
                os.link(backup, staged)
            except OSError:
                shutil.copyfile(backup, staged)
            backup_journal = journal.journal_path_for(backup)
            if backup_journal.exists():
                # A copy, not a second name: the store's journal is written in place.
                journal_staged = staged.with_name(staged.name.removesuffix(".tmp") + "-j.tmp")
                shutil.copyfile(backup_journal, journal_staged)
            store_journal = journal.journal_path_for(path)
            if path.exists():
                aside = link_aside(path, "replaced")  # the replace below drops the old name
                if store_journal.exists():
                    with suppress(OSError):
                        os.link(store_journal, journal.journal_path_for(aside))
            os.replace(staged, path)
            if journal_staged is not None:
                os.replace(journal_staged, store_journal)
            else:
                _unlink_quietly(store_journal)
            _fsync_folder(path.parent)
        except OSError as exc:
            _unlink_quietly(staged)
            if journal_staged is not None:
                _unlink_quietly(journal_staged)
            raise StoreError(f"cannot restore {shown} ({exc.strerror or exc})") from exc
    return path


def _decode_problem(raw: bytes, exc: orjson.JSONDecodeError) -> str:
    if "UTF-8" in exc.msg:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            return f"not UTF-8 text at byte {bad.start}"
        return "not valid UTF-8 text"
    if "end of data" in exc.msg:
        return f"truncated JSON at byte {len(raw)}"
    return f"invalid JSON at character {exc.pos}: {exc.msg}"


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"


def _quoted(name: str) -> str:
    text = clean_line(name)
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _shown(path: Path) -> str:
    """A path for a one-line message (a file name may hold a newline or an escape)."""
    return clean_line(os.fspath(path))


# -- writing files ---------------------------------------------------------------------


def _write_new_file(tmp: Path, chunks: Iterable[bytes], *, like: Path) -> Signature:
    """Create *tmp* from *chunks*, durably; return its signature (it becomes the store's)."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        with suppress(FileNotFoundError):
            os.fchmod(fd, stat.S_IMODE(os.stat(like).st_mode))
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        os.fsync(fd)
        st = os.fstat(fd)
    finally:
        os.close(fd)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    with suppress(OSError):
        os.unlink(path)


def move_aside(path: Path, why: str) -> Path:
    """Rename *path* to ``<name>.<why>-<timestamp>`` without ever overwriting a file."""
    target = link_aside(path, why)
    os.unlink(path)
    return target


def link_aside(path: Path, why: str) -> Path:
    """Give the file at *path* a second name ``<name>.<why>-<timestamp>``, never overwriting."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for n in range(1000):
        target = path.with_name(f"{path.name}.{why}-{stamp}" + (f"-{n}" if n else ""))
        try:
            # link() refuses an existing target, which rename() would silently replace.
            os.link(path, target)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EXDEV):
                raise StoreError(
                    f"cannot move {_shown(path)} aside ({exc.strerror or exc})"
                ) from exc
        try:
            # No hard links on this file system: an exclusive copy, same bytes.
            with open(path, "rb") as source, open(target, "xb") as copy:
                shutil.copyfileobj(source, copy)
                copy.flush()
                os.fsync(copy.fileno())
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            _unlink_quietly(target)
            raise StoreError(f"cannot move {_shown(path)} aside ({exc.strerror or exc})") from exc
    raise StoreError(f"cannot move {_shown(path)} aside: too many earlier copies")


def _encode_problem(exc: Exception) -> str:
    text = str(exc)
    if "surrogates" in text:
        return "a text holds a lone surrogate, which is not valid Unicode; nothing was written"
    return f"{clean_line(text)}; nothing was written"


def _write_problem(shown: str, exc: OSError) -> str:
    kept = "the store was left as it was"
    if exc.errno == errno.ENOSPC:
        return f"cannot save {shown}: the disk is full; {kept}"
    if exc.errno == errno.EDQUOT:
        return f"cannot save {shown}: the disk quota is exceeded; {kept}"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot save {shown}: its folder is not writable ({exc.strerror}); {kept}"
    return f"cannot save {shown} ({exc.strerror or exc}); {kept}"
