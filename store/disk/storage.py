"""A TinyDB storage that never leaves a half-written store: atomic replace, backup, lock, cache.

TinyDB's own ``JSONStorage`` rewrites its file in place, has no lock, reads
with the locale's encoding and parses the whole file on every operation.
:class:`AtomicJSONStorage` keeps TinyDB's contract (``read``/``write`` of the
whole ``{table: {doc_id: document}}`` mapping) and changes how it reaches the
disk:

* UTF-8 JSON through orjson, whatever the locale (SECURITY.md D8), written
  with one document per line and read back a line at a time, so that
  neither a write nor a read ever holds a second copy of the whole file
  (any other JSON layout, such as stock TinyDB's, is read too).
* Every write goes to a temporary file in the same folder, is fsynced, the
  current file is hard-linked to ``<name>.bak`` (the previous generation),
  the temporary file replaces the store with ``os.replace`` and the folder is
  fsynced. A crash or an error at any step leaves the old or the new file,
  never a mix (D1, D2, D7). Only the holder of the write lock writes.
* The parsed data is kept in memory and the file is parsed again only when
  its (inode, size, mtime) changed: TinyDB calls ``read()`` on every
  operation and a store can be hundreds of megabytes.
* The documents of the tables named in ``lazy_tables`` are checked as they
  are read but kept as :class:`StoredDocument`: where they lie in the file,
  read again when asked for, and written to the next generation as the
  bytes they were. An import that adds 100 releases to 100,000 then holds
  offsets, not 2 GB of parsed documents, and writes the untouched ones
  without encoding them again.
* A file that does not parse is moved aside, never overwritten and never
  taken for an empty store (D3).

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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from tinydb.storages import Storage

from store import collector
from store.disk.lock import DEFAULT_TIMEOUT, StoreLock
from store.errors import DamagedStoreError, StoreError, StoreLockedError
from store.sanitize import clean_line

Tables = dict[str, dict[str, Any]]
Signature = tuple[int, int, int]  # st_ino, st_size, st_mtime_ns

# Checks a parsed store beyond its JSON shape: returns what is wrong with it
# (the file is then moved aside as damaged) or None; may raise StoreError to
# refuse the file while leaving it untouched (a store from a newer version).
Validator = Callable[[Tables], str | None]

_UTF8_BOM = b"\xef\xbb\xbf"
_READ_BUFFER = 1 << 20
_WRITE_CHUNK = 4 << 20


def backup_path_for(path: Path) -> Path:
    """Where the previous generation of the store at *path* is kept."""
    return path.with_name(path.name + ".bak")


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
    ) -> None:
        super().__init__()
        self.lazy_tables = lazy_tables
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
                data, signature = _read_store_file(self.path, self.lazy_tables)
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
            return
        raise StoreError(f"{_shown(self.path)} keeps changing while it is read; try again")

    def _quarantine_if_unchanged(self, seen: Signature | None) -> Path | None:
        """Move the damaged file aside, unless a writer replaced it since it was read."""
        with self.lock:
            if seen is None or signature_of(self.path) != seen:
                return None
            return move_aside(self.path, "damaged")

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

    # -- writing -------------------------------------------------------------------

    def _commit(self) -> None:
        try:
            self._write_file(self._data if self._data is not None else {})
        except BaseException:
            # The disk holds the old or the new generation; read it back to know.
            self._forget()
            raise
        self._dirty = False

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
        except OSError as exc:
            _unlink_quietly(tmp)
            raise StoreError(_write_problem(shown, exc)) from exc
        except TypeError as exc:  # orjson.JSONEncodeError is a TypeError
            _unlink_quietly(tmp)
            raise StoreError(f"cannot save {shown}: {_encode_problem(exc)}") from None
        except BaseException:
            _unlink_quietly(tmp)
            raise
        self._signature = signature
        self.version += 1
        if written is not None and placed:
            # What was written in full is now only where it lies in the new
            # file; the previous generation's file is let go with its last use.
            with collector.paused():  # 100,000 objects at 100k: no collection midway
                for table, key, offset, length, fingerprint in placed:
                    data[table][key] = StoredDocument(written, offset, length, fingerprint)
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
    """The (inode, size, mtime) of the file at *path* now; None when there is none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        # Unreadable now: make it look changed so the next read reports why.
        return (-1, -1, -1)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _read_store_file(
    path: Path, lazy: frozenset[str] = frozenset()
) -> tuple[Tables | None, Signature | None]:
    """The parsed store at *path* and its signature; (None, None) when there is no file.

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
        signature = (st.st_ino, st.st_size, st.st_mtime_ns)
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
    return data, signature


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
            return self.data[at : at + doc.length]
        if doc.length >= _READ_AHEAD:
            return doc.raw()
        self.file, self.start = doc._file, doc.offset
        self.data = memoryview(os.pread(doc._file.fd, _READ_AHEAD, doc.offset))
        if len(self.data) < doc.length:
            raise StoreError("the store file was cut short while it was open; reopen Pressroom")
        return self.data[: doc.length]


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

    __slots__ = ("_file", "fingerprint", "length", "offset")

    def __init__(self, file: _Generation, offset: int, length: int, fingerprint: str | None):
        self._file = file
        self.offset = offset
        self.length = length
        # Read when the document was checked: finding known releases needs
        # every document's fingerprint and nothing else of it.
        self.fingerprint = fingerprint

    def raw(self) -> bytes:
        """Its JSON, as it is in the file."""
        return self._file.read(self.offset, self.length)

    def load(self) -> dict[str, Any]:
        """The document, parsed again from the file (it was checked when the file was read)."""
        try:
            doc = orjson.loads(self.raw())
        except orjson.JSONDecodeError:
            doc = None
        if type(doc) is not dict:
            raise StoreError("the store file changed while it was open; reopen Pressroom")
        return doc


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
        try:
            try:
                os.link(backup, staged)
            except OSError:
                shutil.copyfile(backup, staged)
            if path.exists():
                link_aside(path, "replaced")  # the replace below drops the old name
            os.replace(staged, path)
            _fsync_folder(path.parent)
        except OSError as exc:
            _unlink_quietly(staged)
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
