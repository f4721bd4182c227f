"""The plain-text reader: a .txt file is one release, its text kept as written."""

from __future__ import annotations

from store.ingest.decoding import decode
from store.ingest.draft import Draft


def read_text(data: bytes) -> list[Draft]:
    """Read one text file as one draft; structure is left to extraction."""
    return [Draft(text=decode(data).strip("\n"), format="txt")]
