"""Near-duplicate releases: the same text issued again (quotes re-typed, a correction, a new date).

Method: bottom-k MinHash over word shingles. A release's body is lowered and
cut into words (punctuation, quote style and whitespace fall away there);
every run of :data:`SHINGLE` consecutive words is hashed, and the release's
sketch is its :data:`SKETCH` smallest shingle hashes. Of the :data:`SKETCH`
smallest hashes of two releases together, the share found in both estimates
the Jaccard similarity of their shingle sets. Candidates meet under their
:data:`KEYS` smallest hashes, so the cost grows with the archive, not with
its square; a candidate pair is a near-duplicate when its estimated
similarity reaches :data:`THRESHOLD`. Near-duplicates are grouped
transitively (a release corrected twice is one group). Accents are kept
(folding them costs more than all the rest) and translations are not found:
they share no words.

Sketches depend only on a release's text, so they are kept beside the store
(``<store>.duplicates``) by content fingerprint: derived data, checksummed,
written atomically, and a new generation of the store computes sketches only
for the releases it has not seen.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import orjson

from store import collector
from store.disk.derived import open_derived, write_derived
from store.records import Release

SHINGLE = 5  # words per shingle: a corrected word changes 5 shingles out of hundreds
SKETCH = 64  # the smallest shingle hashes kept: a similarity estimate within ~0.06 (1 sigma)
KEYS = 8  # the smallest of them are the keys under which candidates meet (a pair at 0.7 is
# missed with p = 0.3^8, at 0.5 with p = 0.004)
# The estimated Jaccard similarity from which two releases are the same text.
# Measured on the real corpus (24,652 releases; README "Related releases"):
# at 0.9, 153 groups (345 releases), 19 of 20 sampled groups the same text
# (reissued, corrected, re-titled, the same body under two headlines); at 0.8,
# 206 groups, among them 39 photographs of one series whose About paragraph
# is most of the text; at 0.7, templated releases of different events (one
# city's name changed) and wire stories that share a long disclaimer.
THRESHOLD = 0.9
MIN_WORDS = 12  # shorter bodies (a headline and a link) are never grouped: too little to compare
MAX_BYTES = 1 << 18  # a longer body is compared on its first 256 KB (the rest costs, tells nothing)

_MAGIC = b"PRESSROOM-DUPLICATES-1\n"
_PARAMS = {"shingle": SHINGLE, "sketch": SKETCH, "hash": "poly-splitmix-1"}
# How the groups kept with the sketches were found: others are found again.
_GROUPING = {"keys": KEYS, "threshold": THRESHOLD}
_NONE = np.uint64(2**64 - 1)  # pads a sketch with fewer than SKETCH shingles

Sketch = npt.NDArray[np.uint64]
SketchMatrix = npt.NDArray[np.uint64]
GroupIds = npt.NDArray[np.int32]

# A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII character
# (but see _punctuation: the quotes, dashes and spaces that re-typing changes).
_WORD_BYTE = np.array([chr(b).isalnum() if b < 128 else True for b in range(256)], dtype=bool)
_PRIME = np.uint64(0x100000001B3)
_POWERS = np.cumprod(np.r_[np.uint64(1), np.full(MAX_BYTES, _PRIME, dtype=np.uint64)])
# The inverse of _PRIME modulo 2**64 (it is odd), by Newton's iteration.
_INVERSE = 1
for _ in range(7):
    _INVERSE = _INVERSE * (2 - 0x100000001B3 * _INVERSE) % 2**64
_INVERSES = np.cumprod(
    np.r_[np.uint64(1), np.full(MAX_BYTES, np.uint64(_INVERSE), dtype=np.uint64)]
)


def duplicates_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.duplicates``, in the same folder."""
    return store_path.with_name(store_path.name + ".duplicates")


def sketch(body: str) -> Sketch | None:
    """The sketch of *body*: its :data:`SKETCH` smallest shingle hashes; None when too short.

    Lower case, punctuation and quote style fall away; a shingle is
    :data:`SHINGLE` consecutive words, hashed on their bytes with one
    separator between words (a polynomial hash over prefix sums, so that all
    of a body's shingles cost a few array operations), then mixed
    (splitmix64) so that the smallest hashes are a uniform sample.
    """
    data = np.frombuffer(body.lower().encode("utf-8", "surrogatepass")[:MAX_BYTES], dtype=np.uint8)
    word = _WORD_BYTE[data]
    _punctuation(data, word)
    # Each run of separators becomes one 0 byte: "a  b" and "a b" hash alike.
    after_word = np.empty_like(word)
    after_word[:1] = False
    after_word[1:] = word[:-1]
    compact = np.where(word, data, 0)[word | after_word]
    letters = compact != 0
    edges = np.zeros(len(letters) + 1, dtype=np.int8)
    edges[1:] = letters
    edges[:-1] -= letters
    starts = np.flatnonzero(edges == -1)
    if len(starts) < MIN_WORDS:
        return None
    ends = np.flatnonzero(edges == 1)
    size = len(compact)
    with np.errstate(over="ignore"):
        prefix = np.zeros(size + 1, dtype=np.uint64)
        np.cumsum((compact + np.uint64(1)) * _POWERS[:size], out=prefix[1:])
        first, last = starts[: len(starts) - SHINGLE + 1], ends[SHINGLE - 1 :]
        hashes = (prefix[last] - prefix[first]) * _INVERSES[first]
        hashes ^= hashes >> np.uint64(30)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(27)
        hashes *= np.uint64(0x94D049BB133111EB)
        hashes ^= hashes >> np.uint64(31)
    hashes.sort()
    distinct = np.empty(len(hashes), dtype=bool)
    distinct[:1] = True
    np.not_equal(hashes[1:], hashes[:-1], out=distinct[1:])
    smallest: Sketch = hashes[distinct][:SKETCH].astype(np.uint64, copy=False)
    if len(smallest) < SKETCH:
        padded = np.full(SKETCH, _NONE, dtype=np.uint64)
        padded[: len(smallest)] = smallest
        return padded
    return smallest


def _punctuation(data: npt.NDArray[np.uint8], word: npt.NDArray[np.bool_]) -> None:
    """Clear *word* over the UTF-8 bytes of punctuation and spaces beyond ASCII.

    U+00A0-U+00BF (no-break space, guillemets, middle dot, signs), U+2000-U+206F
    (spaces, dashes, curly quotes, bullets, ellipsis) and U+3000-U+303F (CJK
    punctuation): the characters in which a re-typed copy differs.
    """
    if len(data) < 2:
        return
    lead, second = data[:-1], data[1:]
    two = np.flatnonzero((lead == 0xC2) & (second >= 0xA0))
    word[two] = word[two + 1] = False
    if len(data) < 3:
        return
    lead, second = data[:-2], data[1:-1]
    three = np.flatnonzero(
        ((lead == 0xE2) & ((second == 0x80) | (second == 0x81)))
        | ((lead == 0xE3) & (second == 0x80))
    )
    word[three] = word[three + 1] = word[three + 2] = False


def similarities(first: SketchMatrix, second: SketchMatrix) -> npt.NDArray[np.float64]:
    """The estimated Jaccard similarity of each pair of rows (bottom-k MinHash).

    Of the :data:`SKETCH` smallest hashes of the two releases' shingles
    together, the share found in both.
    """
    merged = np.sort(np.concatenate([first, second], axis=1), axis=1)
    repeat = np.zeros(merged.shape, dtype=bool)
    repeat[:, 1:] = merged[:, 1:] == merged[:, :-1]
    real = merged != _NONE
    rank = np.cumsum(~repeat & real, axis=1)  # 1 for the smallest distinct hash, ...
    shared = np.count_nonzero(repeat & real & (rank <= SKETCH), axis=1)
    union = np.minimum(rank[:, -1], SKETCH)
    return np.asarray(shared / np.maximum(union, 1), dtype=np.float64)


def similarity(first: Sketch, second: Sketch) -> float:
    """The estimated Jaccard similarity of two releases' sketches (0 to 1)."""
    return float(similarities(first[None, :], second[None, :])[0])


@dataclass(frozen=True, slots=True)
class DuplicateGroups:
    """The near-duplicate groups of an archive: ``group[position]`` (-1: none), positions ascending.

    Positions are those of the archive (newest first), so a group's first
    member is its newest copy.
    """

    group: GroupIds
    members: tuple[tuple[int, ...], ...]

    @property
    def grouped(self) -> int:
        """How many releases have a near-duplicate."""
        return sum(len(m) for m in self.members)

    def copies_of(self, position: int) -> tuple[int, ...]:
        """The other releases in the group of the release at *position*, newest first."""
        number = int(self.group[position]) if 0 <= position < len(self.group) else -1
        if number < 0:
            return ()
        return tuple(p for p in self.members[number] if p != position)

    @classmethod
    def none(cls, size: int) -> DuplicateGroups:
        return cls(np.full(size, -1, dtype=np.int32), ())

    @classmethod
    def of(cls, size: int, members: tuple[tuple[int, ...], ...]) -> DuplicateGroups:
        """The groups of an archive of *size* releases whose members are *members*."""
        group = np.full(size, -1, dtype=np.int32)
        for number, positions in enumerate(members):
            group[list(positions)] = number
        return cls(group, members)


_PAIRS_AT_ONCE = 50_000  # pairs compared in one batch: 50 MB of arrays


def _distinct_pairs(
    first: npt.NDArray[np.int64], second: npt.NDArray[np.int64], size: int
) -> npt.NDArray[np.int64]:
    """The distinct ``(first, second)`` pairs, ordered by first then second.

    Each pair is coded as one integer and the codes sorted: numpy sorts integers without
    Python's global lock. ``np.unique(..., axis=0)`` sorted rows as opaque records holding
    the lock throughout (1.4 s at 100k, the browser's keys waiting on it), and the 1-D
    ``np.unique`` of numpy 2.x hashes under the lock (2 s for 550,000 codes, against 0.1 s
    for the sort).
    """
    codes = np.sort(first.astype(np.int64) * size + second)
    if len(codes):
        codes = codes[np.r_[True, codes[1:] != codes[:-1]]]
    return np.stack([codes // size, codes % size], 1)


def group_sketches(sketches: SketchMatrix, threshold: float = THRESHOLD) -> DuplicateGroups:
    """Group the rows of *sketches* (one per release; a row of padding alone is never grouped).

    Each release is filed under its :data:`KEYS` smallest hashes; the
    releases filed under one key are compared with the first of them (the
    newest), and the pairs at or above *threshold* are joined.
    """
    size = len(sketches)
    if size == 0:
        return DuplicateGroups.none(0)
    keys = sketches[:, :KEYS].ravel()
    owners = np.repeat(np.arange(size), KEYS)
    valid = keys != _NONE
    keys, owners = keys[valid], owners[valid]
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    first_of_run = np.repeat(owners[starts], np.diff(np.r_[starts, len(keys)]))
    candidates = first_of_run != owners
    pairs = _distinct_pairs(first_of_run[candidates], owners[candidates], size)
    parent = list(range(size))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    touched: set[int] = set()
    for start in range(0, len(pairs), _PAIRS_AT_ONCE):
        batch = pairs[start : start + _PAIRS_AT_ONCE]
        close = similarities(sketches[batch[:, 0]], sketches[batch[:, 1]]) >= threshold
        for a, b in batch[close].tolist():
            touched.update((a, b))
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    found: dict[int, list[int]] = {}
    for node in sorted(touched):
        found.setdefault(root(node), []).append(node)
    return DuplicateGroups.of(size, tuple(tuple(m) for m in found.values()))


def fold_duplicates(
    positions: Sequence[int], groups: DuplicateGroups
) -> tuple[Sequence[int], dict[int, int], int]:
    """*positions* (a result, in its order) with each group's copies folded into its newest.

    Returns the positions kept (in the same order), the number of copies each
    kept row of a group stands for (position -> count, only counts of 2 or
    more) and how many positions were folded away. Array operations only: no
    Python loop over the hits (a result of 100k costs a few milliseconds).
    """
    if isinstance(positions, range):
        found = np.arange(positions.start, positions.stop, positions.step, dtype=np.int64)
    else:
        found = np.fromiter(positions, dtype=np.int64, count=len(positions))
    group_of = groups.group[found]
    grouped = np.flatnonzero(group_of >= 0)
    if not len(grouped):
        return positions, {}, 0
    their_positions, their_groups = found[grouped], group_of[grouped]
    # Within each group, the smallest position is the newest copy (archive order).
    order = np.lexsort((their_positions, their_groups))
    sorted_groups = their_groups[order]
    heads = np.empty(len(order), dtype=bool)
    heads[:1] = True
    np.not_equal(sorted_groups[1:], sorted_groups[:-1], out=heads[1:])
    counts = np.diff(np.append(np.flatnonzero(heads), len(order)))
    kept = np.zeros(len(order), dtype=bool)
    kept[order[heads]] = True
    folded = int(len(order) - np.count_nonzero(kept))
    copies = {
        int(p): int(c) for p, c in zip(their_positions[order[heads]], counts, strict=True) if c > 1
    }
    if not folded:
        return positions, {}, 0
    keep = np.ones(len(found), dtype=bool)
    keep[grouped[~kept]] = False
    return found[keep].tolist(), copies, folded


def find_duplicates(
    releases: Sequence[Release],
    fingerprints: Sequence[str],
    store_path: Path | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> DuplicateGroups:
    """The near-duplicate groups of *releases* (in archive order, *fingerprints* theirs).

    With *store_path*, sketches are taken from the file beside it and only
    the releases it lacks are read (from disk, for a catalogued archive) and
    sketched; the file is then rewritten with exactly the current releases.
    *should_stop* abandons the work (returns no groups) when it says so.
    """
    size = len(fingerprints)
    cache = duplicates_path(store_path) if store_path is not None else None
    saved, matrix, kept = _load(cache) if cache is not None else ([], None, None)
    if matrix is not None and saved == list(fingerprints):
        # The archive as the file saw it: nothing to read, and its groups as they were
        # found (the grouping costs 1.6 s of CPU at 100k: once, not at every opening).
        if kept is not None:
            return DuplicateGroups.of(size, kept)
        groups = group_sketches(matrix)
        if cache is not None:
            save_sketches(cache, fingerprints, matrix, groups)
        return groups
    known = dict(zip(saved, matrix, strict=True)) if matrix is not None else {}
    sketches = np.full((size, SKETCH), _NONE, dtype=np.uint64)
    missing = [p for p, f in enumerate(fingerprints) if f not in known]
    for position, fingerprint in enumerate(fingerprints):
        row = known.get(fingerprint)
        if row is not None:
            sketches[position] = row
    # Most missing (a first run): one pass in store order, which reads the file
    # sequentially and keeps no release; a few (an import since): read those.
    chosen = iter(releases) if len(missing) > size // 2 else (releases[p] for p in missing)
    wanted = set(missing) if len(missing) > size // 2 else None
    position_of = iter(range(size)) if wanted is not None else iter(missing)
    computed = 0
    for position, release in zip(position_of, chosen, strict=True):
        if wanted is not None and position not in wanted:
            continue
        if should_stop is not None and computed % 256 == 0 and should_stop():
            return DuplicateGroups.none(size)
        computed += 1
        found = sketch(release.body)
        if found is not None:
            sketches[position] = found
    groups = group_sketches(sketches)
    if cache is not None:
        save_sketches(cache, fingerprints, sketches, groups)
    return groups


def save_sketches(
    path: Path,
    fingerprints: Sequence[str],
    sketches: SketchMatrix,
    groups: DuplicateGroups | None = None,
) -> None:
    """Write the sketches by fingerprint, and the groups found from exactly these
    (derived: a file that cannot be written is not kept)."""
    fields: dict[str, object] = {"params": _PARAMS, "fingerprints": list(fingerprints)}
    if groups is not None:
        fields["grouped"] = {**_GROUPING, "members": [list(m) for m in groups.members]}
    head = orjson.dumps(fields)
    body = struct.pack("<QQ", len(head), len(fingerprints)) + head + sketches.tobytes()
    write_derived(path, _MAGIC, struct.pack("<I", zlib.crc32(body)), body)


def load_sketches(path: Path) -> tuple[list[str], SketchMatrix | None]:
    """The fingerprints and sketches (a row each) kept in *path*; ``([], None)`` when
    missing, damaged or made otherwise."""
    fingerprints, matrix, _ = _load(path)
    return fingerprints, matrix


def _load(
    path: Path,
) -> tuple[list[str], SketchMatrix | None, tuple[tuple[int, ...], ...] | None]:
    """:func:`load_sketches`, and the groups kept with them (None: not kept, or found
    with other settings)."""
    try:
        with open_derived(path) as handle:
            data = handle.read()
    except OSError:
        return [], None, None
    start = len(_MAGIC) + 4
    if not data.startswith(_MAGIC) or len(data) < start + 16:
        return [], None, None
    (crc,) = struct.unpack_from("<I", data, len(_MAGIC))
    if zlib.crc32(memoryview(data)[start:]) != crc:
        # Damaged inside (SECURITY.md D12): rebuilt, never read as something else.
        return [], None, None
    head_size, count = struct.unpack_from("<QQ", data, start)
    start += 16
    if start + head_size + count * SKETCH * 8 != len(data):
        return [], None, None
    try:
        with collector.paused():
            head = orjson.loads(data[start : start + head_size])
    except orjson.JSONDecodeError:
        return [], None, None
    if not isinstance(head, dict) or head.get("params") != _PARAMS:
        return [], None, None
    fingerprints = head.get("fingerprints")
    if not isinstance(fingerprints, list) or len(fingerprints) != count:
        return [], None, None
    matrix = np.frombuffer(data, dtype=np.uint64, offset=start + head_size).reshape(count, SKETCH)
    return [str(f) for f in fingerprints], matrix, _kept_groups(head.get("grouped"), count)


def _kept_groups(grouped: object, size: int) -> tuple[tuple[int, ...], ...] | None:
    """The groups a file keeps, if they were found with today's settings and are well formed
    (each of two or more positions, ascending, in no other group)."""
    if not isinstance(grouped, dict) or any(grouped.get(k) != v for k, v in _GROUPING.items()):
        return None
    members = grouped.get("members")
    if not isinstance(members, list):
        return None
    seen: set[int] = set()
    kept = []
    for positions in members:
        if (
            not isinstance(positions, list)
            or len(positions) < 2
            or not all(type(p) is int and 0 <= p < size for p in positions)
            or positions != sorted(set(positions))
            or seen.intersection(positions)
        ):
            return None
        seen.update(positions)
        kept.append(tuple(positions))
    return tuple(kept)
