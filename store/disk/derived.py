"""Files derived from the store (catalogue, search index): written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_derived(path: Path, *parts: bytes) -> None:
    """Write *parts* to *path* through a temporary file and a rename.

    A reader sees the old file or the new one, never half of one. No fsync:
    a derived file lost in a crash is rebuilt from the store. One that cannot
    be written (a read-only folder, a full disk) is simply not kept.
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
        pass
