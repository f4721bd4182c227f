"""The files an import has read, by path, stat signature and content digest, so that an
unchanged file is not parsed again.

Kept beside the store as ``releases.json.seen``, derived data like the index:
lost or damaged, the next import parses every file again and writes it anew.
An entry is used only while the releases it names (by content fingerprint)
are all in the store, so a store put back from its backup, or moved, never
hides a file's releases behind an entry.

A file whose stat signature is as recorded is not even read. One whose
signature changed (touched, copied, unpacked again), or that was recorded
while it could still change unseen, is read and hashed: parsed only if its
bytes changed.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from store.disk.derived import open_derived, write_derived

_HEADER = b"PRESSROOM-SEEN-1 "
# A file changed this short a time before it was looked at may change again
# within the same timestamp and look unchanged (git's "racily clean" files):
# its signature alone is not trusted next time, its bytes are compared.
RACY_SECONDS = 2.0
# What is read of the manifest at most: far beyond a million files' entries.
_MAX_BYTES = 1 << 30

Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def manifest_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.seen``, in the same folder."""
    return store_path.with_name(store_path.name + ".seen")


@dataclass(frozen=True, slots=True)
class Look:
    """A file's stat signature when an import looked at it, and whether it was racy then."""

    signature: Signature
    racy: bool


def look_at(path: str) -> Look | None:
    """The file's signature: size, modification and change times, inode.

    None for what is not a regular file or cannot be looked at.
    """
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    newest = max(info.st_mtime_ns, info.st_ctime_ns)
    racy = time.time_ns() - newest < RACY_SECONDS * 1e9
    return Look((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino), racy)


def new_digest() -> hashlib.blake2b:
    """The hash that says two readings of a file hold the same bytes, to be fed in pieces."""
    return hashlib.blake2b(digest_size=16)


def digest_of(data: bytes) -> str:
    """The digest of *data*, a file's whole content (see :func:`new_digest`)."""
    digest = new_digest()
    digest.update(data)
    return digest.hexdigest()


def digest_of_file(path: str) -> str | None:
    """The digest of the file at *path*, read in pieces; None when it cannot be read."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, new_digest).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class Entry:
    """What an import found in one file."""

    look: Look
    digest: str
    fingerprints: tuple[str, ...]  # of the releases read from it, all stored


@dataclass(slots=True)
class Manifest:
    """Path -> what an import found there."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def usable(self, path: str, stored: Collection[str]) -> Entry | None:
        """The entry of *path* if its releases are all still in the store (*stored*:
        the store's fingerprints)."""
        entry = self.entries.get(path)
        if entry is None or not all(fingerprint in stored for fingerprint in entry.fingerprints):
            return None
        return entry

    def remember(self, path: str, entry: Entry | None) -> None:
        """Record what *path* gave; None (nothing to trust) forgets it."""
        if entry is None or not entry.fingerprints:
            self.entries.pop(path, None)
        else:
            self.entries[path] = entry

    def pruned(self, stored: Collection[str]) -> Manifest:
        """Without the entries whose releases are no longer all in the store."""
        return Manifest(
            {path: entry for path in self.entries if (entry := self.usable(path, stored))}
        )

    def to_bytes(self) -> bytes:
        body = orjson.dumps(
            {
                _key(path): [
                    *entry.look.signature,
                    int(entry.look.racy),
                    entry.digest,
                    entry.fingerprints,
                ]
                for path, entry in self.entries.items()
            }
        )
        return _HEADER + digest_of(body).encode() + b"\n" + body


def load(path: Path) -> Manifest:
    """The manifest at *path*; an empty one when it is missing, damaged or not whole."""
    try:
        with open_derived(path) as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return Manifest()
    return _parse(data) or Manifest()


def inspect(path: Path) -> Manifest | None:
    """The manifest at *path* as it is: None when it is damaged or cannot be read
    (``load`` takes either for an empty one; ``pressroom doctor`` says which)."""
    try:
        with open_derived(path) as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return None
    return _parse(data)


def save(path: Path, manifest: Manifest) -> None:
    """Write the manifest atomically (not kept when it cannot be written)."""
    write_derived(path, manifest.to_bytes())


def _parse(data: bytes) -> Manifest | None:
    head, _, body = data.partition(b"\n")
    if len(data) > _MAX_BYTES or not head.startswith(_HEADER):
        return None
    # A derived file proves it is whole before it is used (SECURITY.md D12).
    if head[len(_HEADER) :] != digest_of(body).encode():
        return None
    try:
        raw = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(raw, Mapping):
        return None
    manifest = Manifest()
    for key, value in raw.items():
        entry = _entry(value)
        if entry is not None:
            manifest.entries[_path(key)] = entry
    return manifest


# A file name that is not UTF-8 (os.fsdecode gives it lone surrogates, which
# JSON cannot hold) is kept as the hex of its bytes behind a NUL, which no
# path holds.
_RAW = "\0raw:"


def _key(path: str) -> str:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return _RAW + os.fsencode(path).hex()
    return path


def _path(key: str) -> str:
    if key.startswith(_RAW):
        try:
            return os.fsdecode(bytes.fromhex(key[len(_RAW) :]))
        except ValueError:
            return key
    return key


def _entry(value: object) -> Entry | None:
    if not (isinstance(value, list) and len(value) == 7):
        return None
    *numbers, racy, digest, prints = value
    if not (
        all(type(n) is int for n in numbers)
        and racy in (0, 1)
        and isinstance(digest, str)
        and isinstance(prints, list)
        and all(isinstance(p, str) for p in prints)
    ):
        return None
    size, mtime, ctime, inode = numbers
    return Entry(Look((size, mtime, ctime, inode), bool(racy)), digest, tuple(prints))
