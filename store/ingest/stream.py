"""JSON Lines and large JSON arrays read a release at a time: limits per release, not per file.

A JSON Lines file, or a JSON array too large to read whole, is never held in
memory: its entries are read in chunks (``chunks``), each bounded in bytes,
and built into releases chunk by chunk (``build_entries``), in the import's
worker processes when there are several. What one entry costs is bounded
(its bytes, its parse time); a broken entry is reported with its line or
entry number and the file's other entries still land (SECURITY.md section 4).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from store.ingest.build import ParseResult, build_release
from store.ingest.decoding import decode_markup
from store.ingest.discover import STDIN, SourceFile, open_source, os_reason
from store.ingest.limits import MAX_FILE_BYTES, PARSE_SECONDS, ImportProblem, _Deadline, time_limit
from store.ingest.manifest import new_digest
from store.ingest.readers.jsonform import WRAPPERS, entry_draft, loads
from store.sanitize import clean_line

# One release's line or entry: as large as a whole file of another format may be.
MAX_ENTRY_BYTES = MAX_FILE_BYTES
# Entries handed to a worker at once, and the bytes that end a chunk early.
CHUNK_ENTRIES = 256
CHUNK_BYTES = 4 << 20
# JSON events read to find where a wrapped list of releases starts.
_HEAD_EVENTS = 10_000
# Encodings a line-by-line read cannot split on b"\n"; read whole instead.
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a streamed file: its number, and its JSON (raw bytes or parsed) or why not."""

    number: int  # the line (JSON Lines, from 1) or the object's place in the list (from 0)
    raw: bytes | None = None
    obj: Any = None
    problem: str | None = None


@dataclass(slots=True)
class Chunk:
    """Consecutive entries of one file; the last chunk carries the digest of the file's bytes."""

    entries: list[Entry] = field(default_factory=list)
    last: bool = False
    digest: str | None = None
    problem: str | None = None  # the file itself could not be read (on the last chunk)


def is_streamed(source: SourceFile) -> bool:
    """Whether *source* is read entry by entry: JSON Lines always, JSON when too large to read whole."""
    if source.path == STDIN or source.format not in ("jsonl", "json"):
        return False
    try:
        if source.format == "json" and os.stat(source.path).st_size <= MAX_FILE_BYTES:
            return False
        with open_source(source.path, source.format) as head:
            bom = head.read(4)
    except (OSError, ImportProblem):
        return False  # the reader reports it
    # UTF-16/32: read whole (within the file limit) and decoded as such.
    return not bom.startswith(_WIDE_BOMS)


def chunks(source: SourceFile, data: bytes | None = None) -> Iterator[Chunk]:
    """The entries of *source* (or of *data*, its bytes), a chunk at a time; never raises."""
    chunk = Chunk()
    try:
        reading = _Hashing(
            open_source(source.path, source.format) if data is None else _BytesReader(data)
        )
    except ImportProblem as problem:
        yield Chunk(last=True, problem=str(problem))
        return
    try:
        entries = _lines(reading) if source.format == "jsonl" else _array(reading)
        size = 0
        for entry in entries:
            # A full chunk waits for the next entry, so that the last chunk is never empty.
            if len(chunk.entries) >= CHUNK_ENTRIES or size >= CHUNK_BYTES:
                yield chunk
                chunk, size = Chunk(), 0
            chunk.entries.append(entry)
            size += len(entry.raw) if entry.raw is not None else 0
        chunk.last, chunk.digest = True, reading.digest()
        yield chunk
    except ImportProblem as problem:
        # The entries read before the fault still land.
        chunk.last, chunk.problem = True, str(problem)
        yield chunk
    except OSError as error:
        chunk.last, chunk.problem = True, os_reason(error, source.path)
        yield chunk
    finally:
        reading.close()


def parse_chunk(path: str, fmt: str, chunk: Chunk) -> ParseResult:
    """The releases of one chunk and its problems; the last chunk counts the file."""
    result = build_entries(path, fmt, chunk.entries)
    if chunk.problem is not None:
        result.problems.append((path, chunk.problem))
    result.files = 1 if chunk.last else 0
    if chunk.last and not result.releases and not result.problems and not chunk.entries:
        result.problems.append((path, "no release found in this file"))
    return result


def parse_stream(source: SourceFile, data: bytes | None = None) -> Iterator[ParseResult]:
    """Parse *source* (or *data*, its bytes) a chunk at a time (``pressroom parse``)."""
    fmt = "jsonl" if data is not None else source.format
    for chunk in chunks(SourceFile(source.path, fmt), data):
        yield parse_chunk(source.path, fmt, chunk)


def build_entries(path: str, fmt: str, entries: list[Entry]) -> ParseResult:
    """Build the releases of *entries*, each within the parse time limit; problems name the entry."""
    result = ParseResult()
    for entry in entries:
        where = f"line {entry.number}" if fmt == "jsonl" else f"entry {entry.number + 1}"
        if entry.problem is not None:
            result.problems.append((path, f"{where}: {entry.problem}"))
            continue
        stage = "read"
        try:
            with time_limit(PARSE_SECONDS):
                obj = entry.obj if entry.raw is None else _parse_line(entry.raw)
                if not isinstance(obj, dict):
                    raise ImportProblem("not a JSON object")
                key = f"line {entry.number}" if fmt == "jsonl" else str(entry.number)
                draft = entry_draft(obj, fmt, key)
                if draft is None:
                    raise ImportProblem("neither a title nor a body")
                stage = "extract"
                result.add(build_release(draft, path), draft)
        except ImportProblem as problem:
            result.problems.append((path, f"{where}: {problem}"))
        except _Deadline:
            result.problems.append((path, f"{where}: parse time limit exceeded"))
        except RecursionError:
            result.problems.append((path, f"{where}: nested too deeply"))
        except Exception as error:  # a reader's or extractor's bug costs this entry only
            reason = clean_line(str(error))[:100]
            detail = type(error).__name__ + (f": {reason}" if reason else "")
            result.problems.append((path, f"{where}: cannot {stage}: {detail}"))
    return result


def _parse_line(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        # Not UTF-8, or what orjson refuses and the standard parser takes.
        return loads(decode_markup(raw))


def _lines(reading: _Hashing) -> Iterator[Entry]:
    number = 0
    while True:
        line = reading.readline(MAX_ENTRY_BYTES + 1)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if len(line) > MAX_ENTRY_BYTES and not line.endswith(b"\n"):
            # Skip the rest of the line without keeping it.
            while (rest := reading.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield Entry(number, problem=f"larger than {MAX_ENTRY_BYTES >> 20} MB")
            continue
        if line.strip():
            yield Entry(number, raw=line)


def _array(reading: _Hashing) -> Iterator[Entry]:
    import ijson  # only for JSON too large to read whole

    prefix = _list_prefix(reading)
    reading.rewind()
    number = 0
    try:
        for obj in ijson.items(reading, prefix, use_float=True):
            if isinstance(obj, dict):
                yield Entry(number, obj=obj)
                number += 1
    except ijson.JSONError as error:
        reason = clean_line(str(error))[:100]
        raise ImportProblem(f"cannot parse JSON after entry {number}: {reason}") from None


def _list_prefix(reading: _Hashing) -> str:
    """Where the list of releases is: the whole document, or a wrapper's key (``items``)."""
    import ijson

    try:
        for count, (prefix, event, _value) in enumerate(ijson.parse(reading)):
            if event == "start_array" and (prefix == "" or prefix in WRAPPERS):
                return f"{prefix}.item" if prefix else "item"
            if count > _HEAD_EVENTS:
                break
    except ijson.JSONError as error:
        raise ImportProblem(f"cannot parse JSON: {clean_line(str(error))[:100]}") from None
    raise ImportProblem(f"larger than {MAX_FILE_BYTES >> 20} MB and not a list of releases")


class _BytesReader:
    """Bytes already read (standard input) behind the file methods the readers use."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._at + size
        piece = self._data[self._at : end]
        self._at += len(piece)
        return piece

    def readline(self, size: int = -1) -> bytes:
        end = self._data.find(b"\n", self._at)
        end = len(self._data) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self._at + size)
        return self.read(end - self._at)

    def seek(self, at: int) -> None:
        self._at = at

    def close(self) -> None:
        pass


class _Hashing:
    """A reader that hashes what it gives, once: the digest the import's manifest keeps."""

    def __init__(self, stream: IO[bytes] | _BytesReader) -> None:
        self._stream = stream
        self._hash = new_digest()
        self._hashed = 0  # bytes hashed; a rewound stream is not hashed twice
        self._at = 0

    def _took(self, piece: bytes) -> bytes:
        fresh = self._at + len(piece) - self._hashed
        if fresh > 0:
            self._hash.update(piece[len(piece) - fresh :])
            self._hashed += fresh
        self._at += len(piece)
        return piece

    def read(self, size: int = -1) -> bytes:
        return self._took(self._stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._took(self._stream.readline(size))

    def rewind(self) -> None:
        self._stream.seek(0)
        self._at = 0

    def digest(self) -> str:
        while self.read(1 << 20):
            pass
        return self._hash.hexdigest()

    def close(self) -> None:
        self._stream.close()
