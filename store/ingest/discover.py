"""Finding importable files and reading each into drafts: the entry point of every import.

``discover`` turns the paths a user names into source files (or problems,
refused before a byte is read); ``read_source`` turns one source into drafts,
one per release, within the size and time limits of ``store.ingest.limits``. Neither
raises anything but ImportProblem for a bad file, so one bad file never stops
an import (SECURITY.md section 4).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from store.ingest.limits import MAX_FILE_BYTES, ImportProblem
from store.sanitize import clean_line

__all__ = [
    "AUTO",
    "FORMATS",
    "STDIN",
    "ImportProblem",
    "SourceFile",
    "discover",
    "os_reason",
    "read_bytes",
]

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    # A site's page as its PHP source (readers/php_page.py): the HTML it prints, not the code.
    ".php": "php",
    ".phtml": "php",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".eml": "eml",
    ".rss": "feed",
    ".xml": "feed",
    ".atom": "feed",
}

STDIN = "-"
AUTO = "auto"  # the format of standard input, sniffed from its content

# Read a release at a time (store.ingest.stream): no limit on the file's size.
STREAMED_FORMATS = ("json", "jsonl")

TOO_LARGE = f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to import (absolute path, or ``-`` for standard input) and its format."""

    path: str
    format: str


def discover(
    paths: Sequence[str], archive: str | None = None
) -> Iterator[SourceFile | tuple[str, ImportProblem]]:
    """Yield a SourceFile for every importable file under *paths*, or (path, problem).

    Folders are walked recursively in sorted order, skipping hidden entries and
    (silently) files of unknown type; a file named explicitly with an unknown
    type is a problem. FIFOs, devices, sockets (and links to them), empty files
    and files over the size limit are refused here, before any byte is read.
    ``-`` stands for standard input, whose format is sniffed when it is read.
    Each file is yielded once even if named twice. *archive*: the store file
    being imported into, never read as a source (it is JSON, and often kept in
    the folder of the releases it holds): left out of a folder, refused when named.
    """
    seen: set[str] = set()
    own = _identity(archive)
    for given in paths:
        if given == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                yield SourceFile(STDIN, AUTO)
            continue
        path = os.path.abspath(given)
        try:
            info = os.stat(path)
        except OSError as error:
            yield path, ImportProblem(os_reason(error, path))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, seen, own)
            continue
        if path in seen:
            continue
        seen.add(path)
        suffix = os.path.splitext(path)[1]
        fmt = _format_of(os.path.basename(path))
        problem = _refusal(info, fmt)
        if (info.st_dev, info.st_ino) == own:
            problem = ImportProblem("the archive being imported into, not a source")
        if problem is None and fmt is None:
            problem = ImportProblem(
                f"unknown file type ({clean_line(suffix)})" if suffix else "unknown file type"
            )
        if problem is not None:
            yield path, problem
        elif fmt is not None:
            yield SourceFile(path, fmt)


def _identity(path: str | None) -> tuple[int, int] | None:
    """The device and inode of *path*, which names it under any spelling or link."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None  # not there yet: a new archive is in no folder walked
    return info.st_dev, info.st_ino


def _walk(
    root: str, seen: set[str], own: tuple[int, int] | None = None
) -> Iterator[SourceFile | tuple[str, ImportProblem]]:
    """Depth-first in sorted path order, without recursion and without following folder links."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    listing = _listing(root)
    if isinstance(listing, ImportProblem):
        yield root, listing
        return
    stack.append(listing)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        # A file named just ".md" (two in the real corpus) is a release without a
        # slug, not a hidden file; ".git", "._x.md" (macOS forks) and the like are.
        if entry.name.startswith(".") and entry.name.lower() not in FORMATS:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith("."):
                    listing = _listing(entry.path)
                    if isinstance(listing, ImportProblem):
                        yield entry.path, listing
                    else:
                        stack.append(listing)
                continue
            fmt = _format_of(entry.name)
            if fmt is None or entry.path in seen:
                continue
            seen.add(entry.path)
            info = entry.stat(follow_symlinks=True)
            if (info.st_dev, info.st_ino) == own:
                continue  # the archive itself, kept beside its releases
            problem = _refusal(info, fmt)
        except OSError as error:
            yield entry.path, ImportProblem(os_reason(error, entry.path))
            continue
        yield (entry.path, problem) if problem else SourceFile(entry.path, fmt)


def _listing(folder: str) -> Iterator[os.DirEntry[str]] | ImportProblem:
    try:
        with os.scandir(folder) as entries:
            return iter(sorted(entries, key=lambda entry: entry.name))
    except OSError as error:
        return ImportProblem(os_reason(error, folder, "cannot open folder"))


def _format_of(name: str) -> str | None:
    lowered = name.lower()
    return FORMATS.get(lowered) or FORMATS.get(os.path.splitext(lowered)[1])


def _refusal(info: os.stat_result, fmt: str | None = None) -> ImportProblem | None:
    if stat.S_ISDIR(info.st_mode):
        return ImportProblem("a folder link (not followed)")
    if not stat.S_ISREG(info.st_mode):
        return ImportProblem("not a regular file")
    if info.st_size == 0:
        return ImportProblem("empty file")
    if info.st_size > MAX_FILE_BYTES and fmt not in STREAMED_FORMATS:
        return ImportProblem(TOO_LARGE)
    return None


def read_bytes(source: SourceFile) -> bytes:
    """The bytes of *source* (a file, or standard input), at most the size limit plus one."""
    return _read_stdin() if source.path == STDIN else _read_file(source.path)


def open_source(path: str, fmt: str | None = None) -> BinaryIO:
    """*path* opened for reading as a file to import, or ImportProblem.

    Never blocking (a file swapped for a FIFO after discover() must not hang
    the open), and refused unless it is a regular file within the size limit
    of its format *fmt* (none for the formats read a release at a time).
    """
    fd, _size = _open_checked(path, fmt)
    try:
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_checked(path: str, fmt: str | None = None) -> tuple[int, int]:
    """The descriptor of *path* opened as :func:`open_source` opens it, and its size."""
    # O_NONBLOCK: a file swapped for a FIFO after discover() must not hang the open.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise ImportProblem(os_reason(error, path)) from None
    try:
        st = os.fstat(fd)
        problem = _refusal(st, fmt)
        if problem is not None:
            raise problem
        return fd, st.st_size
    except BaseException:
        os.close(fd)
        raise


def _read_file(path: str) -> bytes:
    # Read from the descriptor itself: a buffered file object (os.fdopen) made and
    # closed for every file cost a third of reading one (most are a few kilobytes).
    fd, size = _open_checked(path)
    try:
        return _read_bounded(partial(_read_fully, fd), size)
    except OSError as error:
        raise ImportProblem(os_reason(error, path)) from None
    finally:
        os.close(fd)


def _read_fully(fd: int, wanted: int) -> bytes:
    """Up to *wanted* bytes of *fd*, fewer only at its end: what a buffered file's
    ``read(wanted)`` gives (one ``os.read`` may give fewer, as when a signal comes)."""
    chunk = os.read(fd, wanted)
    if len(chunk) >= wanted or not chunk:
        return chunk
    chunks = [chunk]
    got = len(chunk)
    while got < wanted and (more := os.read(fd, wanted - got)):
        chunks.append(more)
        got += len(more)
    return b"".join(chunks)


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise ImportProblem("standard input is not available")
    return _read_bounded(stream.read)


def _read_bounded(read: Callable[[int], bytes], known_size: int | None = None) -> bytes:
    chunks: list[bytes] = []
    size = 0
    if known_size is not None:
        # A regular file's size is known: one read of that size plus a byte, instead of a
        # 1 MiB buffer allocated (and shrunk, then allocated again to find the end) for a
        # file of a few kilobytes. Short of what was asked, it is the file's end.
        wanted = min(known_size, MAX_FILE_BYTES) + 1
        chunk = read(wanted)
        if len(chunk) < wanted:
            return chunk
        chunks.append(chunk)
        size = len(chunk)  # the file grew since: read on, within the limit
    while size <= MAX_FILE_BYTES:
        chunk = read(min(1 << 20, MAX_FILE_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_FILE_BYTES:
        raise ImportProblem(TOO_LARGE)
    return b"".join(chunks)


def os_reason(error: OSError, path: str, prefix: str = "cannot read") -> str:
    if error.errno == errno.ENOENT:
        return "no such file or folder" if not os.path.islink(path) else "broken link"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{prefix}: permission denied"
    if error.errno == errno.ELOOP:
        return "too many levels of links"
    return f"{prefix}: {clean_line(error.strerror or type(error).__name__)}"
