"""Two catalogue files compared whole but for the store's signature in their header.

    python -m tests.benchmarks.catalogue_cmp A.catalogue B.catalogue

The signature is the store file's size, mtime and journal size (storage.identity_of):
two imports of the same file by two codes write equal catalogues that differ there (and
in the CRC-32 that covers it). Prints both signatures, whether the rest of the header is
equal, and whether every byte after the header is; exits 1 when they are not.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Any

import orjson

from store.disk.catalogue import _MAGIC


def _read(path: Path) -> tuple[Any, dict[str, Any], int, bytes]:
    data = path.read_bytes()
    if not data.startswith(_MAGIC):
        raise SystemExit(f"{path}: not a catalogue of this version")
    start = len(_MAGIC) + 4  # the CRC-32, which covers the signature too
    head_size, count, _contacts = struct.unpack_from("<QQQ", data, start)
    start += 24
    head = orjson.loads(data[start : start + head_size])
    signature = head.pop("signature")
    return signature, head, count, data[start + head_size :]


def main(argv: list[str]) -> int:
    first, second = (_read(Path(name)) for name in argv[:2])
    print("signatures", first[0], second[0])
    same_head = first[1] == second[1] and first[2] == second[2]
    same_body = first[3] == second[3]
    print(f"rows {first[2]} and {second[2]}; header without the signature equal: {same_head}")
    print(f"columns, offsets, lengths, checks and contacts equal: {same_body}")
    return 0 if same_head and same_body else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
