"""Files derived from the store (catalogue, search index): written whole or not at all."""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def open_derived(path: Path) -> io.BufferedReader:
    """A derived file opened for reading, if it is a regular file of its own (SECURITY.md D9).

    Never through a symbolic link (a catalogue linked to ``/dev/zero`` grew
    until MemoryError) and never blocking (a FIFO in its place hung every
    command). Raises OSError otherwise: the caller rebuilds the file.
    """
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{path.name} is not a regular file")
    return open(fd, "rb", closefd=True)


def write_derived(path: Path, *parts: bytes | memoryview) -> bool:
    """Write *parts* to *path* (see :func:`write_derived_pieces`)."""
    return write_derived_pieces(path, parts)


def write_derived_pieces(path: Path, parts: Iterable[bytes | memoryview]) -> bool:
    """Write *parts*, taken one at a time, to *path* through a temporary file and a rename.

    A reader sees the old file or the new one, never half of one. No fsync:
    a derived file lost in a crash is rebuilt from the store. One that cannot
    be written (a read-only folder, a full disk) is simply not kept: then False.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                for part in parts:
                    out.write(part)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
