"""pressroom doctor: checks a store and everything beside it, and repairs what is wrong when asked."""

from __future__ import annotations

import fcntl
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, Literal, TypeVar

import orjson

from store.disk.catalogue import Catalogue, NotCatalogued, catalogue_path, open_catalogue
from store.disk.journal import JournalDamage, journal_path_for, matches, read_entries
from store.disk.lock import lock_path_for
from store.disk.release_store import (
    META,
    RELEASES,
    STATE,
    ReleaseStore,
    id_of_key,
    release_from_stored,
    state_path,
)
from store.disk.storage import (
    AtomicJSONStorage,
    NotStoreLayout,
    Signature,
    Tables,
    Validator,
    backup_path_for,
    inspect_store_file,
    link_aside,
    move_aside,
    signature_of,
    walk_store_lines,
)
from store.errors import NewerSchemaError, StoreError
from store.records import ID_LENGTH, Release
from store.sanitize import clean_line
from store.tags import clean_tags

Severity = Literal["error", "warning", "info"]
_T = TypeVar("_T")

# Release ids are ID_LENGTH hex digits, so a document's key (the id as a
# decimal number) must stay below this to be one.
_KEY_LIMIT = 1 << (4 * ID_LENGTH)
_UTF8_BOM = b"\xef\xbb\xbf"
# What store.disk.storage.link_aside names a file it sets aside: <name>.<why>-<stamp>[-n].
_SET_ASIDE = re.compile(r"\.([a-z]+(?:-[a-z]+)*)-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(?:-\d+)?")
# Why a file was set aside, by the word in its name; only what Pressroom set
# aside on its own is taken back ("replaced" is what --restore-backup put
# aside at the user's request: undoing an import, say).
_TAKE_BACK_FROM = ("damaged", "before-repair")
_DAMAGED = "damaged"
_BEFORE_REPAIR = "before-repair"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something pressroom doctor found: in which file, what is wrong, and the repair it proposes.

    ``file`` is the file's name as shown (cleaned for the terminal);
    ``problem`` and ``repair`` are plain words. ``repair`` is None when there
    is nothing to do, or nothing that is safe to do without the user. Only
    findings of severity ``error`` and ``warning`` are problems.
    """

    file: str
    problem: str
    severity: Severity
    repair: str | None = None
    apply: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @property
    def is_problem(self) -> bool:
        return self.severity != "info"


@dataclass(frozen=True, slots=True)
class Checked:
    """One line of the report: a file that was looked at, and what it holds."""

    file: str
    summary: str


@dataclass(frozen=True, slots=True)
class Report:
    """What :func:`check` found. ``busy`` names the process that holds a lock, if any:
    no repair may run while another Pressroom writes."""

    store: str
    files: tuple[Checked, ...]
    findings: tuple[Finding, ...]
    busy: str | None = None

    @property
    def problems(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_problem]

    @property
    def notes(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.is_problem]


def check(store_path: Path) -> Report:
    """Look at the store at *store_path* and everything beside it; change nothing."""
    return _Examination(_Paths.of(Path(store_path))).run()


def repair(finding: Finding) -> str:
    """Apply *finding*'s repair; returns what was done, in plain words.

    A repair that replaces a file checks again, under the store's lock, that it
    is the file that was looked at, and raises StoreError (having changed
    nothing) if not; every write is the storage's atomic one.
    """
    if finding.apply is None:
        raise StoreError(f"{finding.file}: there is no repair to make")
    return finding.apply()


# -- what is where ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Paths:
    """The files of one store, where Pressroom itself looks for them.

    The backup and the lock live beside the file the store path points to
    (store.disk.storage follows a link); the marks, the catalogue and the
    index beside the store path as given (ReleaseStore and Archive).
    """

    given: Path
    store: Path
    backup: Path
    lock: Path
    marks: Path
    marks_backup: Path
    marks_lock: Path
    catalogue: Path
    index: Path
    seen: Path  # what each imported file looked like (store.ingest.manifest)
    journal: Path  # the writes since the store file was last written whole (store.disk.journal)
    folder: str  # the store's folder as given, resolved

    @classmethod
    def of(cls, given: Path) -> _Paths:
        store = Path(os.path.realpath(given))
        marks = Path(os.path.realpath(state_path(given)))
        return cls(
            given=given,
            store=store,
            backup=backup_path_for(store),
            lock=lock_path_for(store),
            marks=marks,
            marks_backup=backup_path_for(marks),
            marks_lock=lock_path_for(marks),
            catalogue=catalogue_path(given),
            index=given.with_name(given.name + ".index"),  # store.search.index_file.cache_path
            seen=given.with_name(given.name + ".seen"),  # store.ingest.manifest.manifest_path
            journal=journal_path_for(store),
            folder=os.path.realpath(given.parent),
        )

    def shown(self, path: Path) -> str:
        """A file's name for a line of the report: the name alone in the store's folder."""
        if path.parent == self.given.parent or os.path.realpath(path.parent) == self.folder:
            return clean_line(path.name)
        return clean_line(os.fspath(path))


# -- the two kinds of TinyDB file: the releases and the marks -----------------------------


@dataclass(frozen=True, slots=True)
class _Kind:
    """Releases or marks: the table that matters and how Pressroom reads its documents."""

    table: str
    noun: str
    plural: str
    file: str  # what the file holding them is called
    # A document as Pressroom reads it, under its key written the one way
    # (None: the key cannot be a release id).
    normalise: Callable[[str, Any], tuple[str, dict[str, Any]] | None]

    def count(self, n: int) -> str:
        return f"{n:,} {self.noun if n == 1 else self.plural}"


def _canonical(key: str) -> str | None:
    if not (key.isascii() and key.isdigit()):
        return None
    number = int(key)
    return str(number) if number < _KEY_LIMIT else None


def _release_document(key: str, doc: Any) -> tuple[str, dict[str, Any]] | None:
    canonical = _canonical(key)
    if canonical is None:
        return None
    return canonical, release_from_stored(canonical, doc).to_document()


def _mark_document(key: str, doc: Any) -> tuple[str, dict[str, Any]] | None:
    canonical = _canonical(key)
    if canonical is None:
        return None
    if not isinstance(doc, Mapping):
        doc = {}
    # As ReleaseStore.states() reads a mark; the user's tags kept (store.tags).
    mark: dict[str, Any] = {"read": bool(doc.get("read")), "starred": bool(doc.get("starred"))}
    if "tags" in doc:
        mark["tags"] = list(clean_tags(doc["tags"]))
    return canonical, mark


_RELEASES = _Kind(RELEASES, "release", "releases", "store", _release_document)
_MARKS = _Kind(STATE, "mark", "marks", "marks file", _mark_document)


@dataclass(slots=True)
class _Shape:
    """A table's documents as Pressroom reads them, and how many are stored otherwise."""

    fingerprints: dict[str, str]  # canonical key -> fingerprint ("" for marks)
    documents: dict[str, dict[str, Any]] | None  # kept only when asked for
    reshaped: int = 0  # stored otherwise than Pressroom reads it
    wrong_id: int = 0  # of those, an id field that is not the key's
    no_id: int = 0  # under a number too large to be a release id
    duplicates: int = 0  # a second document under the same id

    @property
    def odd(self) -> int:
        return self.reshaped + self.no_id + self.duplicates


def _shape(kind: _Kind, table: Mapping[str, Any], *, keep: bool = False) -> _Shape:
    shape = _Shape({}, {} if keep else None)
    # A key written the one way first: of two documents under one id, it is kept.
    ordered = sorted(table.items(), key=lambda item: _canonical(item[0]) != item[0])
    for key, doc in ordered:
        normal = kind.normalise(key, doc) if isinstance(doc, dict) else None
        if normal is None:
            shape.no_id += 1
            continue
        canonical, document = normal
        if canonical in shape.fingerprints:
            shape.duplicates += 1
            continue
        if canonical != key or document != doc:
            shape.reshaped += 1
            if kind is _RELEASES and doc.get("id") != id_of_key(canonical):
                shape.wrong_id += 1
        fingerprint = document.get("fingerprint")
        shape.fingerprints[canonical] = fingerprint if isinstance(fingerprint, str) else ""
        if shape.documents is not None:
            shape.documents[canonical] = document
    return shape


# -- reading what can be read -----------------------------------------------------------


@dataclass(slots=True)
class _Contents:
    """What can be read of one TinyDB file: everything, or what a damaged one still gives."""

    tables: Tables
    signature: Signature | None
    problem: str | None = None  # why it cannot be read as it is
    lost: int = 0  # documents seen that could not be read


def _read(path: Path, validate: Validator | None = None) -> _Contents | None:
    """The file at *path* (None: there is none). Raises StoreError when it cannot be opened
    or is not a regular file, NewerSchemaError from *validate*."""
    data, signature, problem = inspect_store_file(path, validate)
    if problem is None:
        return None if data is None else _Contents(data, signature)
    tables, lost = _salvage(_read_bytes(path))
    return _Contents(tables, signature, problem, lost)


@contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    """*path* opened for reading only if it is a regular file; never blocking on a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    with open(fd, "rb", buffering=1 << 20, closefd=True) as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreError(f"{clean_line(os.fspath(path))} is not a regular file")
        yield handle


def _read_bytes(path: Path) -> bytes:
    try:
        with _opened(path) as handle:
            return handle.read()
    except OSError as exc:
        raise StoreError(
            f"cannot read {clean_line(os.fspath(path))} ({exc.strerror or exc})"
        ) from exc


def _salvage(raw: bytes) -> tuple[Tables, int]:
    """The documents that can still be read from a damaged file, and how many cannot.

    A file that is JSON but not in a store's shape keeps its documents that
    are; one that is not JSON is read a line at a time (the layout Pressroom
    writes: one document per line), then, if that finds nothing, from its
    start up to the damage (the one-line layout of TinyDB's own storage).
    """
    try:
        whole = orjson.loads(raw[3:] if raw.startswith(_UTF8_BOM) else raw)
    except orjson.JSONDecodeError:
        pass
    else:
        return _salvage_parsed(whole)
    tables, lost = _salvage_lines(raw)
    if not any(tables.values()):
        streamed = _salvage_stream(raw)
        if any(streamed.values()):
            return streamed, lost
    return tables, lost


def _salvage_parsed(whole: object) -> tuple[Tables, int]:
    tables: Tables = {}
    lost = 0
    if not isinstance(whole, dict):
        return tables, lost
    for name, table in whole.items():
        if not isinstance(table, dict):
            lost += len(table) if isinstance(table, list) else 1
            continue
        kept = tables[name] = {}
        for key, doc in table.items():
            if isinstance(doc, dict) and key.isascii() and key.isdigit():
                kept[key] = doc
            else:
                lost += 1
    return tables, lost


_TABLE_LINE = re.compile(rb'\s*("(?:[^"\\]|\\.)*")\s*:\s*\{\s*')
_DOCUMENT_LINE = re.compile(rb'\s*"(\d+)"\s*:\s*(.*?)\s*,?\s*')


def _salvage_lines(raw: bytes) -> tuple[Tables, int]:
    tables: Tables = {}
    table: dict[str, Any] | None = None
    lost = 0
    for line in raw.split(b"\n"):
        if not line.strip(b" \t\r\x00"):
            continue
        header = _TABLE_LINE.fullmatch(line)
        if header is not None:
            try:
                name = orjson.loads(header.group(1))
            except orjson.JSONDecodeError:
                table = None
                continue
            table = tables.setdefault(name, {}) if isinstance(name, str) else None
            continue
        if line.strip() in (b"}", b"},"):
            table = None
            continue
        document = _DOCUMENT_LINE.fullmatch(line)
        if document is None:
            continue
        try:
            doc = orjson.loads(document.group(2))
        except orjson.JSONDecodeError:
            doc = None
        if table is None or not isinstance(doc, dict):
            lost += 1
            continue
        table[document.group(1).decode("ascii")] = doc
    return tables, lost


class _Cut(Exception):
    """The damage: the streamed read stops here."""


def _salvage_stream(raw: bytes) -> Tables:
    nul = raw.find(b"\x00")
    if nul >= 0:
        raw = raw[:nul]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        text = raw[: bad.start].decode("utf-8")
    decode = json.JSONDecoder().raw_decode
    tables: Tables = {}
    at = 1 if text.startswith("\ufeff") else 0

    def skip(at: int, expected: str = "") -> int:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if expected:
            if not text.startswith(expected, at):
                raise _Cut
            at += len(expected)
        return at

    try:
        at = skip(at, "{")
        while not text.startswith("}", skip(at)):
            name, at = decode(text, skip(at))
            if not isinstance(name, str):
                raise _Cut
            table = tables.setdefault(name, {})
            at = skip(skip(at, ":"), "{")
            while not text.startswith("}", skip(at)):
                key, at = decode(text, skip(at))
                doc, at = decode(text, skip(at, ":"))
                if (
                    isinstance(key, str)
                    and key.isascii()
                    and key.isdigit()
                    and isinstance(doc, dict)
                ):
                    orjson.dumps(doc)  # what could not be written back (a lone surrogate) stays out
                    table[key] = doc
                at = skip(at)
                if text.startswith(",", at):
                    at += 1
            at = skip(skip(at), "}")
            if text.startswith(",", at):
                at += 1
    # json and orjson errors are ValueError and TypeError; json recurses into nested values.
    except (_Cut, ValueError, TypeError, RecursionError):
        pass
    return tables


def _layout(path: Path) -> tuple[bool, int]:
    """Whether the file is in the layout Pressroom writes, and how many documents
    are written twice in it (JSON keeps the last of the two without a word)."""
    seen: set[tuple[str, str]] = set()
    repeated = 0
    with _opened(path) as handle:
        try:
            for table, key, _offset, _raw in walk_store_lines(handle):
                if key is not None:
                    if (table, key) in seen:
                        repeated += 1
                    seen.add((table, key))
        except NotStoreLayout:
            return False, 0
    return True, repeated


# -- the examination ----------------------------------------------------------------------


@dataclass(slots=True)
class _Seen:
    """What the examination learned of one TinyDB file, for comparing it with others."""

    state: Literal["missing", "unusable", "damaged", "fine"]
    fingerprints: dict[str, str] = field(default_factory=dict)
    signature: Signature | None = None
    problem: str | None = None  # why a damaged file cannot be read as it is
    lost: int = 0  # documents seen in a damaged file that could not be read

    @classmethod
    def of(cls, contents: _Contents, shape: _Shape) -> _Seen:
        return cls(
            "fine" if contents.problem is None else "damaged",
            shape.fingerprints,
            contents.signature,
            contents.problem,
            contents.lost,
        )

    @property
    def inode(self) -> int | None:
        return self.signature[0] if self.signature else None

    @property
    def mtime(self) -> int | None:
        return self.signature[2] if self.signature else None

    @property
    def readable(self) -> bool:
        return self.state in ("damaged", "fine")


def _lacking(source: _Seen, target: _Seen) -> int:
    """How many of *source*'s documents *target* holds neither by id nor by content."""
    contents = {fp for fp in target.fingerprints.values() if fp}
    return sum(
        1
        for key, fp in source.fingerprints.items()
        if key not in target.fingerprints and not (fp and fp in contents)
    )


# The order repairs run in: a lock first (nothing is written without one),
# derived files last (built from the store as repaired).
_LOCKS, _STORE, _BACKUP, _STORE_ASIDE, _MARKS_FILE, _MARKS_BACKUP, _MARKS_ASIDE, _DERIVED = range(8)


class _Examination:
    """One look at every file of a store, in the order of the report's lines."""

    def __init__(self, paths: _Paths) -> None:
        self.paths = paths
        self.files: list[Checked] = []
        self.findings: list[tuple[int, Finding]] = []
        self.busy: str | None = None
        self.validate: Validator = partial(ReleaseStore.schema_problem, paths.given)

    def run(self) -> Report:
        p = self.paths
        store = self._guarded(_STORE, p.given, self._store)
        if store is not None and store.state == "fine":
            self._guarded(_STORE, p.journal, self._journal)
        backup = self._guarded(_BACKUP, p.backup, partial(self._backup, _RELEASES, p.backup, store))
        if store is not None and backup is not None:
            self._guarded(_STORE, p.given, partial(self._store_repair, store, backup))
        self._set_aside(_RELEASES, (p.store, p.backup), store, _STORE_ASIDE)
        marks = self._guarded(_MARKS_FILE, p.marks, partial(self._marks, store))
        marks_backup = self._guarded(
            _MARKS_BACKUP, p.marks_backup, partial(self._backup, _MARKS, p.marks_backup, marks)
        )
        if marks is not None and marks_backup is not None:
            self._guarded(_MARKS_FILE, p.marks, partial(self._marks_repair, marks, marks_backup))
        self._set_aside(_MARKS, (p.marks, p.marks_backup), marks, _MARKS_ASIDE)
        if store is not None and store.state == "fine":
            self._guarded(_DERIVED, p.catalogue, self._derived)
        else:
            for path in (p.catalogue, p.index):
                self._line(path, "not checked while the store cannot be read")
        self._guarded(_DERIVED, p.seen, self._seen)
        self._guarded(_LOCKS, p.lock, partial(self._lock, p.lock))
        self._guarded(_LOCKS, p.marks_lock, partial(self._lock, p.marks_lock))
        ordered = sorted(self.findings, key=lambda item: item[0])
        return Report(
            store=clean_line(os.fspath(p.given)),
            files=tuple(self.files),
            findings=tuple(finding for _order, finding in ordered),
            busy=self.busy,
        )

    # -- recording -------------------------------------------------------------------

    def _line(self, path: Path, summary: str) -> None:
        self.files.append(Checked(self.paths.shown(path), summary))

    def _find(
        self,
        order: int,
        path: Path,
        problem: str,
        severity: Severity,
        repair: str | None = None,
        apply: Callable[[], str] | None = None,
    ) -> None:
        finding = Finding(self.paths.shown(path), problem, severity, repair, apply)
        self.findings.append((order, finding))

    def _guarded(self, order: int, path: Path, look: Callable[[], _T]) -> _T | None:
        """Run one check; a file that cannot even be looked at is a finding, never a traceback."""
        try:
            return look()
        except (OSError, StoreError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._line(path, "cannot be checked")
            self._find(order, path, f"cannot be checked ({clean_line(reason)})", "error")
            return None

    # -- the store ---------------------------------------------------------------------

    def _store(self) -> _Seen:
        p = self.paths
        link = _link_note(p.given)
        what = _what_is(p.store)
        if what is None:
            self._line(p.given, f"{link}; no store there" if link else "no store here yet")
            return _Seen("missing")
        if what != "file":
            words = _WORDS[what]
            self._line(p.given, f"{words}, not a store file")
            self._find(
                _STORE,
                p.given,
                # Nothing is renamed or removed in the store's place unless it is
                # a file Pressroom could have written (SECURITY.md D9).
                f"is {words}, not a store file: Pressroom can neither read nor write it; "
                "move it away yourself, then run pressroom doctor again",
                "error",
            )
            return _Seen("unusable")
        try:
            contents = _read(p.store, self.validate)
        except NewerSchemaError as newer:
            self._line(p.given, f"made by a newer Pressroom (store schema {newer.schema})")
            self._find(
                _STORE,
                p.given,
                f"was made by a newer Pressroom (store schema {newer.schema}): this one "
                "leaves it as it is; upgrade Pressroom to open it",
                "error",
            )
            return _Seen("unusable")
        if contents is None:
            raise _gone(p.store)
        prefix = f"{link}; " if link else ""
        shape = _shape(_RELEASES, contents.tables.get(RELEASES, {}))
        seen = _Seen.of(contents, shape)
        if contents.problem is not None:
            self._line(
                p.given,
                f"{prefix}cannot be read ({contents.problem}); "
                f"{_readable_words(_RELEASES, len(shape.fingerprints))}",
            )
            return seen
        in_layout, repeated = _layout(p.store)
        shape.duplicates += repeated
        schema = _schema_of(contents.tables)
        notes = f"store schema {schema}, upgraded when Pressroom next opens it; " if schema else ""
        fine = not shape.odd and in_layout
        self._line(
            p.given,
            f"{prefix}{notes}{_RELEASES.count(len(shape.fingerprints))}"
            + (", fine" if fine else ""),
        )
        if shape.odd:
            self._find(
                _STORE,
                p.given,
                _odd_documents(_RELEASES, shape),
                "warning",
                "rewrite them as Pressroom reads them"
                + (" (those that cannot have a release id are left out)" if shape.no_id else "")
                + f"; the file as it is now is kept beside it as {p.shown(p.store)}."
                f"{_BEFORE_REPAIR}-<date and time>",
                partial(_rewrite, _RELEASES, p, p.store, contents.signature, self.validate, True),
            )
        elif not in_layout:
            self._find(
                _STORE,
                p.given,
                "is not in the layout Pressroom writes (another tool or an older Pressroom "
                "wrote it): it is read whole at every start, and has no catalogue",
                "warning",
                "write it again in Pressroom's layout (the file as it is now becomes the backup)",
                partial(_rewrite, _RELEASES, p, p.store, contents.signature, self.validate, False),
            )
        return seen

    def _journal(self) -> None:
        """What the journal beside a readable store holds (read with the store: damage
        inside it is the store's finding, made above)."""
        p = self.paths
        what = _what_is(p.journal)
        if what is None:
            self._line(p.journal, "none (nothing written since the store file)")
            return
        if what != "file":
            self._line(p.journal, f"{_WORDS[what]}, not a file: not read")
            return
        base = os.stat(p.store)
        key = (base.st_size, base.st_mtime_ns)
        with _opened(p.journal) as handle:
            if not matches(handle.fileno(), key):
                self._line(
                    p.journal,
                    "left from an earlier store file: not read (replaced at the next write)",
                )
                return
            try:
                entries, _end = read_entries(handle.fileno(), key)
            except JournalDamage:
                # The store's own reading failed on it too, and said so above.
                self._line(p.journal, "damaged")
                return
        written = len({entry.key for entry in entries if entry.table == RELEASES and entry.raw})
        self._line(
            p.journal,
            f"{_RELEASES.count(written)} written since the store file was written whole "
            "(folded into it when the journal passes a quarter of it); fine",
        )

    def _backup(self, kind: _Kind, path: Path, of: _Seen | None) -> _Seen:
        p = self.paths
        order = _BACKUP if kind is _RELEASES else _MARKS_BACKUP
        what = _what_is(path)
        if what is None:
            # A store's writes are appended to its journal: its backup is made when the
            # file is next written whole; the marks file is written whole every time.
            when = (
                "when the store file is next written whole"
                if kind is _RELEASES
                else "at the next write"
            )
            self._line(path, f"none yet (made {when})")
            return _Seen("missing")
        link = ""
        if what == "link":
            link = _link_note(path)
            what = _what_is(Path(os.path.realpath(path))) or "missing"
        if what != "file":
            words = "a link to nothing" if what == "missing" else _WORDS[what]
            self._line(path, f"{words}, not a backup")
            if what == "directory":
                empty = _empty_folder(path)
                self._find(
                    order,
                    path,
                    f"is {words}: every write to the {kind.file} fails while it is there"
                    + ("" if empty else "; move it away yourself"),
                    "error",
                    "remove the empty folder" if empty else None,
                    partial(_remove_folder, path) if empty else None,
                )
            elif of is not None and of.state == "fine":
                self._find(
                    order,
                    path,
                    f"is {words}, not a backup: there is no earlier generation to go back to",
                    "warning",
                    "make a new backup from the current file"
                    + (" (the link itself is replaced, never what it points to)" if link else ""),
                    partial(_fresh_backup, kind, p, path, of.signature, None),
                )
            return _Seen("unusable")
        contents = _read(path)
        if contents is None:
            raise _gone(path)
        shape = _shape(kind, contents.tables.get(kind.table, {}))
        signature = contents.signature
        seen = _Seen.of(contents, shape)
        prefix = f"{link}; " if link else ""
        if contents.problem is not None:
            self._line(
                path,
                f"{prefix}cannot be read ({contents.problem}); "
                f"{_readable_words(kind, len(shape.fingerprints))}",
            )
            if of is not None and of.state == "fine":
                self._find(
                    order,
                    path,
                    f"cannot be read ({contents.problem}): if the {kind.file} is damaged "
                    "there is no good copy to go back to",
                    "warning",
                    f"set it aside as {p.shown(path)}.{_DAMAGED}-<date and time> and make a new "
                    "backup from the current file",
                    partial(_fresh_backup, kind, p, path, of.signature, signature),
                )
            return seen
        count = kind.count(len(shape.fingerprints))
        if of is None or of.state != "fine":
            self._line(path, f"{prefix}{count}, fine")
            return seen
        if seen.inode == of.inode:
            self._line(path, f"{prefix}{count}, the same file as the current one (put back); fine")
            return seen
        lacking = _lacking(seen, of)
        newer = "; saved after the current file" if (seen.mtime or 0) > (of.mtime or 0) else ""
        if lacking:
            self._line(path, f"{prefix}{count}{newer}")
            self._find(
                order,
                path,
                f"holds {kind.count(lacking)} that the current file does not "
                f"(Pressroom never removes {kind.plural}: they were lost)",
                "warning",
                f"take the {kind.count(lacking)} back (the backup itself is left as it is)",
                partial(_take_back, kind, p, path),
            )
            return seen
        fewer = len(of.fingerprints) - len(seen.fingerprints)
        generation = (
            f"the generation before the current one ({fewer:,} fewer)"
            if fewer
            else "as many as the current file"
        )
        self._line(path, f"{prefix}{count}, {generation}{newer}; fine")
        return seen

    def _store_repair(self, store: _Seen, backup: _Seen) -> None:
        """The store is damaged or gone: propose what brings back the most."""
        p = self.paths
        if store.state == "damaged":
            kept = len(store.fingerprints)
            message = (
                f"cannot be read ({store.problem}); {_readable_words(_RELEASES, kept, store.lost)}"
            )
        elif store.state == "missing" and backup.readable and backup.fingerprints:
            kept = 0
            message = (
                f"is missing, but its backup holds {_RELEASES.count(len(backup.fingerprints))} "
                "(a damaged store is set aside when Pressroom opens it)"
            )
        else:
            return
        taken = _lacking(backup, store) if backup.readable else 0
        repair = _rebuild_words(_RELEASES, kept, taken, backup)
        if store.state == "damaged":
            repair += (
                f"; the damaged file is kept beside it as {p.shown(p.store)}.{_DAMAGED}-"
                "<date and time>"
            )
        if kept or taken:
            repair += "; the catalogue and the search index are built again"
        self._find(
            _STORE,
            p.given,
            message,
            "error",
            repair,
            partial(_rebuild, _RELEASES, p, p.store, store.signature, self.validate),
        )

    def _set_aside(
        self, kind: _Kind, bases: tuple[Path, ...], current: _Seen | None, order: int
    ) -> None:
        """Files Pressroom (or pressroom doctor) set aside: what they hold that is missing now."""
        for path, why, stamp in _files_set_aside(bases):
            self._guarded(
                order, path, partial(self._one_set_aside, kind, path, why, stamp, current, order)
            )

    def _one_set_aside(
        self, kind: _Kind, path: Path, why: str, stamp: str, current: _Seen | None, order: int
    ) -> None:
        when = f"set aside {stamp} ({why})"
        if _what_is(path) != "file":
            self._line(path, f"{when}; not a file")
            return
        contents = _read(path)
        if contents is None:
            raise _gone(path)
        seen = _Seen("fine", _shape(kind, contents.tables.get(kind.table, {})).fingerprints)
        count = kind.count(len(seen.fingerprints))
        self._line(path, f"{when}; {count} can be read from it")
        if current is None or current.state in ("unusable", "damaged"):
            return
        lacking = _lacking(seen, current)
        if not lacking:
            self._find(
                order,
                path,
                f"{when}: everything in it that can be read is in the current file; "
                "delete it when you no longer need it",
                "info",
            )
        elif why in _TAKE_BACK_FROM:
            self._find(
                order,
                path,
                f"{when}: it holds {kind.count(lacking)} that the current file does not",
                "warning",
                f"take the {kind.count(lacking)} back (the file set aside is left as it is)",
                partial(_take_back, kind, self.paths, path),
            )
        else:
            self._find(
                order,
                path,
                f"{when} when the backup was put back: it holds {kind.count(lacking)} that "
                "the current file does not, and is left for you to decide on",
                "info",
            )

    # -- the marks ---------------------------------------------------------------------

    def _marks(self, store: _Seen | None) -> _Seen:
        p = self.paths
        what = _what_is(p.marks)
        if what is None:
            self._line(p.marks, "no marks yet")
            return _Seen("missing")
        if what != "file":
            words = _WORDS[what]
            self._line(p.marks, f"{words}, not a marks file")
            self._find(
                _MARKS_FILE,
                p.marks,
                f"is {words}, not a marks file: read and starred marks can be neither read "
                "nor saved; move it away yourself, then run pressroom doctor again",
                "error",
            )
            return _Seen("unusable")
        contents = _read(p.marks)
        if contents is None:
            raise _gone(p.marks)
        table = contents.tables.get(STATE, {})
        shape = _shape(_MARKS, table, keep=True)
        documents = shape.documents or {}
        seen = _Seen.of(contents, shape)
        if contents.problem is not None:
            self._line(
                p.marks,
                f"cannot be read ({contents.problem}); {_readable_words(_MARKS, len(documents))}",
            )
            return seen
        starred = sum(1 for doc in documents.values() if doc["starred"])
        read = sum(1 for doc in documents.values() if doc["read"])
        _in_layout, repeated = _layout(p.marks)
        shape.duplicates += repeated
        self._line(
            p.marks,
            f"{_MARKS.count(len(documents))} ({starred:,} starred, {read:,} read)"
            + ("" if shape.odd else ", fine"),
        )
        if shape.odd:
            self._find(
                _MARKS_FILE,
                p.marks,
                _odd_documents(_MARKS, shape),
                "warning",
                "rewrite them as Pressroom reads them; the file as it is now is kept beside it "
                f"as {p.shown(p.marks)}.{_BEFORE_REPAIR}-<date and time>",
                partial(_rewrite, _MARKS, p, p.marks, contents.signature, None, True),
            )
        if store is not None and store.state == "fine":
            unknown = sum(1 for key in documents if key not in store.fingerprints)
            if unknown:
                self._find(
                    _MARKS_FILE,
                    p.marks,
                    f"{_MARKS.count(unknown)} {'is' if unknown == 1 else 'are'} for releases "
                    "not in the store: harmless, and kept in case they come back",
                    "info",
                )
        return seen

    def _marks_repair(self, marks: _Seen, backup: _Seen) -> None:
        p = self.paths
        if marks.state != "damaged":
            return
        kept = len(marks.fingerprints)
        message = f"cannot be read ({marks.problem}); {_readable_words(_MARKS, kept, marks.lost)}"
        taken = _lacking(backup, marks) if backup.readable else 0
        repair = _rebuild_words(_MARKS, kept, taken, backup)
        repair += (
            f"; the damaged file is kept beside it as {p.shown(p.marks)}.{_DAMAGED}-<date and time>"
        )
        self._find(
            _MARKS_FILE,
            p.marks,
            message,
            "error",
            repair,
            partial(_rebuild, _MARKS, p, p.marks, marks.signature, None),
        )

    # -- the derived files -------------------------------------------------------------

    def _derived(self) -> None:
        from store.search import index_file

        p = self.paths
        catalogue: Catalogue | None = None
        for path, name in ((p.catalogue, "catalogue"), (p.index, "search index")):
            what = _what_is(path)
            if what == "directory":
                empty = _empty_folder(path)
                self._line(path, "a directory, not a file")
                self._find(
                    _DERIVED,
                    path,
                    f"is a directory: the {name} cannot be saved, so it is built again at "
                    "every start" + ("" if empty else "; move it away yourself"),
                    "error",
                    f"remove the empty folder and build the {name}" if empty else None,
                    partial(_build_derived, p, path) if empty else None,
                )
                continue
            if what not in (None, "file"):
                words = _WORDS[what]
                self._line(path, f"{words}, not a file")
                self._find(
                    _DERIVED,
                    path,
                    f"is {words}, not a {name}: Pressroom builds one in its place at the next start",
                    "warning",
                    f"build the {name} now (a link is replaced, never what it points to)",
                    partial(_build_derived, p, path),
                )
                continue
            if path == p.catalogue:
                catalogue = Catalogue.load(path, p.given) if what == "file" else None
                if catalogue is None:
                    try:
                        catalogue = Catalogue.build(p.given)
                    except NotCatalogued:
                        self._line(path, "none (one is made only of a store in Pressroom's layout)")
                        continue
                    state = "missing" if what is None else "out of date or damaged"
                    self._line(path, state)
                    self._find(
                        _DERIVED,
                        path,
                        f"{state}: the browser builds it again at its next start",
                        "warning",
                        "build it now",
                        partial(_build_derived, p, path),
                    )
                else:
                    self._line(path, f"{len(catalogue):,} releases, current; fine")
                continue
            releases, ids, fingerprints = _index_inputs(p, catalogue)
            if what == "file" and index_file.load(path, releases, ids, fingerprints) is not None:
                self._line(path, f"{len(ids):,} releases, current; fine")
                continue
            state = "missing" if what is None else "out of date or damaged"
            self._line(path, state)
            self._find(
                _DERIVED,
                path,
                f"{state}: searches read every release until it is built again",
                "warning",
                "build it now",
                partial(_build_derived, p, path),
            )

    def _seen(self) -> None:
        from store.ingest import manifest

        path = self.paths.seen
        what = _what_is(path)
        if what is None:
            self._line(path, "none yet (the next import makes it)")
            return
        if what == "file":
            found = manifest.inspect(path)
            if found is not None:
                self._line(path, f"{len(found.entries):,} imported files remembered; fine")
                return
            self._line(path, "damaged")
            problem = "damaged: the next import reads every file again (nothing is lost)"
        else:
            self._line(path, f"{_WORDS[what]}, not a file")
            problem = (
                f"is {_WORDS[what]}, not the list of imported files: imports read every file "
                "again and cannot keep it"
            )
        removable = what != "directory" or _empty_folder(path)
        self._find(
            _DERIVED,
            path,
            problem + ("" if removable else "; move it away yourself"),
            "warning",
            "remove it (the next import makes it again; a link's target is never touched)"
            if removable
            else None,
            partial(_remove_derived, path, os.lstat(path).st_ino) if removable else None,
        )

    # -- the locks ---------------------------------------------------------------------

    def _lock(self, path: Path) -> None:
        what = _what_is(path)
        if what is None:
            self._line(path, "free (no lock file yet)")
            return
        if what != "file":
            words = _WORDS[what]
            removable = what != "directory" or _empty_folder(path)
            self._line(path, f"{words}, not a lock file")
            self._find(
                _LOCKS,
                path,
                f"is {words}, not a lock file: nothing can be written while it is there"
                + ("" if removable else "; move it away yourself"),
                "error",
                (
                    "remove it (a new lock file is made at the next write; a link's target is "
                    "never touched)"
                )
                if removable
                else None,
                partial(_remove_lock, path, os.lstat(path).st_ino) if removable else None,
            )
            return
        held, pid = _lock_holder(path)
        alive = pid is not None and _running(pid)
        if not held:
            if pid is not None and not alive:
                # flock locks end with their process: what is left is a number in a file.
                self._line(
                    path, f"free (last taken by pid {pid}, which has ended; nothing to clear)"
                )
            else:
                self._line(path, "free")
            return
        if alive:
            self.busy = f"pid {pid}"
            self._line(path, f"held by pid {pid}, which is running")
            problem = f"held by pid {pid}: another Pressroom is writing to the store"
        else:
            self.busy = "another process"
            named = f" (the pid written in it, {pid}, has ended)" if pid is not None else ""
            self._line(path, "held by another process")
            problem = (
                f"held by another process{named}: perhaps a process started by a Pressroom "
                "that has ended"
            )
        self._find(_LOCKS, path, f"{problem}; run pressroom doctor again when it is done", "error")


# -- looking at files ---------------------------------------------------------------------

_WORDS = {
    "file": "a file",
    "link": "a symbolic link",
    "directory": "a directory",
    "fifo": "a FIFO (a named pipe)",
    "socket": "a socket",
    "device": "a device",
}


def _what_is(path: Path) -> str | None:
    """What is at *path* itself (a link is not followed): None when nothing is."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def _link_note(path: Path) -> str:
    if _what_is(path) != "link":
        return ""
    target = os.readlink(path)
    gone = "" if os.path.exists(path) else ", which does not exist"
    return f"a link to {clean_line(target)}{gone}"


def _empty_folder(path: Path) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def _files_set_aside(bases: tuple[Path, ...]) -> Iterator[tuple[Path, str, str]]:
    """``(path, why, when)`` of each file set aside from one of *bases*, oldest first."""
    found: list[tuple[str, Path, str]] = []
    for base in dict.fromkeys(bases):
        pattern = re.compile(re.escape(base.name) + _SET_ASIDE.pattern)
        try:
            with os.scandir(base.parent) as entries:
                names = [entry.name for entry in entries]
        except OSError:
            continue
        for name in names:
            match = pattern.fullmatch(name)
            if match is not None:
                why, year, month, day, hour, minute, second = match.groups()
                when = f"{year}-{month}-{day} {hour}:{minute}:{second}"
                found.append((when, base.parent / name, why))
    for when, path, why in sorted(found):
        yield path, why, when


def _lock_holder(path: Path) -> tuple[bool, int | None]:
    """Whether someone holds the lock at *path*, and the pid written in it."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreError(f"{clean_line(os.fspath(path))} is not a regular file")
        text = os.pread(fd, 32, 0).split(b"\n")[0]
        pid = int(text) if text.isdigit() and 0 < len(text) < 10 and int(text) > 0 else None
        try:
            # Shared and never waiting: a holder's exclusive lock refuses it.
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True, pid
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False, pid
    finally:
        os.close(fd)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False
    return True


def _schema_of(tables: Tables) -> int | None:
    """The store's schema when it is an older one (upgraded on open), else None."""
    meta = tables.get(META, {}).get("1")
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if type(schema) is int and schema < ReleaseStore.SCHEMA_VERSION:
        return schema
    return None


def _odd_documents(kind: _Kind, shape: _Shape) -> str:
    parts = []
    if kind is _RELEASES and shape.wrong_id:
        parts.append(f"{shape.wrong_id:,} whose id is not the one it is stored under")
    other = shape.reshaped - shape.wrong_id
    if other:
        parts.append(
            f"{other:,} with fields of the wrong type or fields Pressroom does not write"
            if kind is _RELEASES
            else f"{other:,} with values other than true and false"
        )
    if shape.duplicates:
        parts.append(f"{shape.duplicates:,} stored a second time under the same id")
    if shape.no_id:
        parts.append(f"{shape.no_id:,} under a number too large to be a release id")
    total = shape.reshaped + shape.duplicates + shape.no_id
    return (
        f"{kind.count(total)} {'is' if total == 1 else 'are'} not stored the way Pressroom "
        f"writes {'it' if total == 1 else 'them'} ({'; '.join(parts)}): Pressroom reads "
        f"{'it' if total == 1 else 'them'} the tolerant way"
    )


def _readable_words(kind: _Kind, count: int, lost: int = 0) -> str:
    garbled = f" ({lost:,} more cut short or garbled)" if lost else ""
    if not count:
        return f"nothing in it can be read{garbled}"
    return f"{kind.count(count)} can still be read from it{garbled}"


def _rebuild_words(kind: _Kind, kept: int, taken: int, backup: _Seen) -> str:
    if kept and taken:
        return (
            f"keep the {kind.count(kept)} that can be read and take {taken:,} more from the "
            f"backup ({kind.count(kept + taken)} in all)"
        )
    if kept:
        other = " (the backup holds no others)" if backup.readable else ""
        return f"keep the {kind.count(kept)} that can be read{other}"
    if taken:
        good = "" if backup.state == "fine" else " (what can be read of it)"
        return f"put the backup back{good} ({kind.count(taken)})"
    return (
        f"set it aside (nothing in it or in its backup can be read; the next write "
        f"starts a new {kind.file})"
    )


# -- repairs ------------------------------------------------------------------------------


def _gone(path: Path) -> StoreError:
    return StoreError(f"{clean_line(path.name)} disappeared while it was checked")


def _changed(path: Path) -> StoreError:
    return StoreError(
        f"{clean_line(os.fspath(path))} changed since it was checked; nothing was done: "
        "run pressroom doctor again"
    )


def _merged(kind: _Kind, primary: Tables, secondary: Tables) -> tuple[Tables, int, int]:
    """*primary*'s documents as Pressroom reads them, then those of *secondary* it lacks
    (by id, and for releases by content: the same release is never stored twice)."""
    kept = _shape(kind, primary.get(kind.table, {}), keep=True)
    documents = dict(kept.documents or {})
    taken = _add_lacking(kind, documents, kept, secondary)
    tables: Tables = {}
    for source in (primary, secondary):
        for name, table in source.items():
            if name != kind.table and name not in tables:
                tables[name] = table
    tables[kind.table] = documents
    return tables, len(kept.documents or {}), taken


def _add_lacking(kind: _Kind, table: dict[str, Any], have: _Shape, offered: Tables) -> int:
    """Add to *table* (whose shape is *have*) the documents of *offered* it lacks, by id
    and for releases by content (the same release is never stored twice); how many."""
    extra = _shape(kind, offered.get(kind.table, {}), keep=True)
    contents = {fp for fp in have.fingerprints.values() if fp}
    taken = 0
    for key, document in (extra.documents or {}).items():
        fingerprint = extra.fingerprints[key]
        if key in have.fingerprints or key in table or (fingerprint and fingerprint in contents):
            continue
        table[key] = document
        contents.add(fingerprint)
        taken += 1
    return taken


def _readable(path: Path, validate: Validator | None = None) -> Tables:
    """What can be read of the file at *path* ({} when there is none or it is not a file)."""
    if _what_is(Path(os.path.realpath(path))) != "file":
        return {}
    contents = _read(path, validate)
    return contents.tables if contents is not None else {}


def _current_schema(tables: Tables, validate: Validator | None) -> None:
    """Give the store a schema Pressroom reads; raises NewerSchemaError for a newer one."""
    if validate is None:
        return
    if validate(tables) is not None:  # a schema that is not a version number
        tables[META] = {"1": {"schema": ReleaseStore.SCHEMA_VERSION}}
    if tables.get(RELEASES) and "1" not in tables.get(META, {}):
        tables[META] = {"1": {"schema": ReleaseStore.SCHEMA_VERSION}}


def _rebuild(
    kind: _Kind, paths: _Paths, target: Path, seen: Signature | None, validate: Validator | None
) -> str:
    """A damaged (or missing) file replaced by what can be read of it and of its backup."""
    storage = AtomicJSONStorage(target, follow_changes=False, rebuilding=True)
    shown = paths.shown(target)
    with storage.lock:
        if signature_of(target) != seen:
            raise _changed(target)
        primary = _salvage(_read_bytes(target))[0] if seen is not None else {}
        try:
            secondary = _readable(backup_path_for(target))
        except StoreError:
            secondary = {}
        tables, kept, taken = _merged(kind, primary, secondary)
        _current_schema(tables, validate)
        aside = move_aside(target, _DAMAGED) if seen is not None else None
        # The damaged file is gone from its place before the write: the write
        # then keeps the backup as it is, never the damaged file in its stead (D10).
        if kept or taken:
            try:
                storage.write(tables)
            except StoreError:
                # A full disk, say (D7): the damaged file goes back to its place,
                # so that the store is exactly as it was checked.
                if aside is not None and not os.path.lexists(target):
                    os.rename(aside, target)
                raise
    storage.close()
    done = (
        f"{kind.count(kept + taken)} in {shown}"
        + (f" ({kept:,} kept, {taken:,} from the backup)" if kept and taken else "")
        if kept or taken
        else f"no {kind.noun} could be read; {shown} starts afresh at the next write"
    )
    if aside is not None:
        done += f"; the damaged file is now {paths.shown(aside)}"
    if kind is _RELEASES and (kept or taken):
        done += _rebuild_derived(paths)
    return done


def _take_back(kind: _Kind, paths: _Paths, source: Path) -> str:
    """Add what *source* holds and the current file lacks; *source* is left as it is."""
    target = paths.store if kind is _RELEASES else paths.marks
    validate: Validator | None = (
        partial(ReleaseStore.schema_problem, paths.given) if kind is _RELEASES else None
    )
    storage = AtomicJSONStorage(target, follow_changes=False, validate=validate)
    with storage.lock:
        _data, _signature, problem = inspect_store_file(target, validate)
        if problem is not None:
            raise StoreError(
                f"{paths.shown(target)} is damaged ({problem}): repair it first; nothing was done"
            )
        offered = _readable(source)
        with storage.transaction():
            current = storage.read() or {}
            # Only documents are added: those already there stay as they are.
            table = current.setdefault(kind.table, {})
            taken = _add_lacking(kind, table, _shape(kind, table), offered)
            if taken:
                _current_schema(current, validate)
                storage.write(current)
    storage.close()
    done = f"took back {kind.count(taken)} from {paths.shown(source)} into {paths.shown(target)}"
    if kind is _RELEASES and taken:
        done += _rebuild_derived(paths)
    return done


def _rewrite(
    kind: _Kind,
    paths: _Paths,
    target: Path,
    seen: Signature | None,
    validate: Validator | None,
    reshape: bool,
) -> str:
    """Write a readable file again: its documents as Pressroom reads them (*reshape*), or
    only in Pressroom's layout. The file as it was becomes the backup, and with *reshape*
    is also kept beside it under a name of its own."""
    storage = AtomicJSONStorage(target, follow_changes=False, validate=validate)
    aside = None
    with storage.lock:
        if signature_of(target) != seen:
            raise _changed(target)
        try:
            with storage.transaction():
                data = storage.read() or {}
                if reshape:
                    aside = link_aside(target, _BEFORE_REPAIR)
                    shape = _shape(kind, data.get(kind.table, {}), keep=True)
                    data[kind.table] = shape.documents or {}
                storage.write(data)
        except StoreError:
            if aside is not None:
                aside.unlink()  # a second name of the file left in place: nothing changed
            raise
    storage.close()
    count = kind.count(len(data.get(kind.table, {})))
    done = f"wrote {paths.shown(target)} again: {count}"
    if aside is not None:
        done += f"; the file as it was is kept as {paths.shown(aside)}"
    if kind is _RELEASES:
        done += _rebuild_derived(paths)
    return done


def _fresh_backup(
    kind: _Kind, paths: _Paths, backup: Path, seen: Signature | None, backup_seen: Signature | None
) -> str:
    """Set a damaged backup aside and make the current file the backup (by writing it again)."""
    target = paths.store if kind is _RELEASES else paths.marks
    validate: Validator | None = (
        partial(ReleaseStore.schema_problem, paths.given) if kind is _RELEASES else None
    )
    storage = AtomicJSONStorage(target, follow_changes=False, validate=validate)
    aside = None
    with storage.lock:
        if signature_of(target) != seen:
            raise _changed(target)
        if backup_seen is not None:
            if signature_of(backup) != backup_seen:
                raise _changed(backup)
            aside = move_aside(backup, _DAMAGED)
        with storage.transaction():
            # Writing the file again makes the file as it is the backup
            # (replacing a link or a FIFO in the backup's place, never its target).
            storage.write(storage.read() or {})
    storage.close()
    done = f"{paths.shown(backup)} is now a copy of {paths.shown(target)}"
    if aside is not None:
        done += f"; the damaged backup is kept as {paths.shown(aside)}"
    if kind is _RELEASES:
        done += _rebuild_derived(paths)
    return done


def _remove_lock(path: Path, inode: int) -> str:
    st = os.lstat(path)
    if st.st_ino != inode or stat.S_ISREG(st.st_mode):
        raise _changed(path)
    if stat.S_ISDIR(st.st_mode):
        os.rmdir(path)  # only ever an empty one: rmdir refuses any other
    else:
        os.unlink(path)  # the name only: a link's target is never touched
    return f"removed {clean_line(path.name)}; a new lock file is made at the next write"


def _remove_derived(path: Path, inode: int) -> str:
    if os.lstat(path).st_ino != inode:
        raise _changed(path)
    if _what_is(path) == "directory":
        os.rmdir(path)  # only ever an empty one: rmdir refuses any other
    else:
        os.unlink(path)  # the name only: a link's target is never touched
    return f"removed {clean_line(path.name)}; the next import makes it again"


def _remove_folder(path: Path) -> str:
    os.rmdir(path)
    return f"removed the empty folder {clean_line(path.name)}"


def _index_inputs(
    paths: _Paths, catalogue: Catalogue | None
) -> tuple[Sequence[Release], Sequence[str], Sequence[str]]:
    """What the search index of the store is built from: its releases, ids and contents."""
    from store.archive import Archive

    if catalogue is not None:
        return catalogue, catalogue.ids, catalogue.fingerprints
    # In archive order, as the index is built; without a catalogue, which would be saved.
    with ReleaseStore(paths.given, read_only=True) as store:
        archive = Archive(store, use_catalogue=False)
        releases = archive.releases
        return releases, archive.ids, [release.fingerprint for release in releases]


def _build_derived(paths: _Paths, path: Path) -> str:
    """Build the catalogue (and the index) of the store afresh, as the browser would."""
    if _what_is(path) == "directory":
        os.rmdir(path)  # only ever an empty one: rmdir refuses any other
    if path == paths.catalogue:
        # A stale file, a link or a FIFO is replaced by the new catalogue (never a link's target).
        try:
            open_catalogue(paths.given)
        except NotCatalogued as exc:
            raise StoreError(f"the store cannot be catalogued ({clean_line(str(exc))})") from None
        if Catalogue.load(path, paths.given) is None:
            raise StoreError(f"{paths.shown(path)} could not be written")
        return f"built {paths.shown(path)} again"
    return _rebuild_derived(paths).removeprefix("; ")


def _rebuild_derived(paths: _Paths) -> str:
    """The catalogue and the search index built from the store as it now is (a stale one,
    a link or a FIFO in their place is replaced, as the browser itself would)."""
    from store.archive import Archive

    try:
        with ReleaseStore(paths.given, defer_load=True, read_only=True) as store:
            archive = Archive(store)
            archive.build_index()
            catalogued = archive.catalogued
    except StoreError as exc:
        return f"; the catalogue and the search index were not built ({exc})"
    wanted = {paths.catalogue: "the catalogue"} if catalogued else {}
    wanted[paths.index] = "the search index"
    missing = [name for path, name in wanted.items() if _what_is(path) != "file"]
    if missing:
        return f"; {' and '.join(missing)} could not be written (built again at the next start)"
    return f"; {' and '.join(wanted.values())} {'are' if len(wanted) > 1 else 'is'} up to date"
