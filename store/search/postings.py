"""Token and adjacent-pair postings built from every release's token ids, in vectorised passes."""

from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import count, islice
from typing import TYPE_CHECKING, TypeAlias

from store.search.tokens import text_tokens, text_tokens_and_kind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    _U32: TypeAlias = npt.NDArray[np.uint32]
    _U64: TypeAlias = npt.NDArray[np.uint64]
    _Ints: TypeAlias = npt.NDArray[np.int64]

# Position lists in CSR form: (offsets, postings, bitmaps of the dense entries).
Postings: TypeAlias = "tuple[array[int], array[int], dict[int, int]]"

# The text fields of a release are tokenised in one call (one call per field
# costs more than the rest of the build), joined by this word: its
# occurrences mark where a field ends. A release that really holds the word is
# tokenised field by field instead.
FIELD_BREAK = "zq0pressroomfieldbreak0qz"
_BREAK_JOIN = f"\n{FIELD_BREAK}\n"
_BREAK_ID = 0  # provisional id of a field break
_BREAK_WORD_ID = 1  # provisional id of the break word found in a release's text
# A pair key is ``id(a) << PAIR_SHIFT | id(b)``.
PAIR_SHIFT = 32
_LOW32 = 0xFFFFFFFF


# A release's tokens as :meth:`Collector.add` reads them, made beforehand by
# :func:`tokenized`: the tokens joined by newlines (none holds one), and
# whether the text is plain.
Tokens: TypeAlias = tuple[str, bool]


def tokenized(fields: list[str]) -> Tokens | None:
    """The tokens of a release's text *fields*, for :meth:`Collector.add` in another
    process (tokenising is most of an index build's Python work); None for the rare
    release that holds the break word, which the collector reads itself."""
    found, plain = text_tokens_and_kind(_BREAK_JOIN.join(fields))
    if found.count(FIELD_BREAK) != len(fields) - 1:
        return None
    return "\n".join(found), plain


class Collector:
    """The token ids of releases, gathered one release at a time; postings at the end.

    Token ids are given in order of first sight (the sorted vocabulary is only
    known at the end). Id 0 is a field break, one before each field, so a
    pair never spans two fields or two releases; id 1 is the break word itself
    when a release holds it.

    Reading is the per-token Python work (tokenising, one dict lookup a
    token); everything after it, the transposition of tens of millions of
    token occurrences into postings, is a few sorts over numpy arrays in
    :meth:`finish` (20 s of Python loops at the real corpus became 2 s).
    """

    def __init__(self) -> None:
        self.ids: defaultdict[str, int] = defaultdict(count(2).__next__)
        self.ids[FIELD_BREAK] = _BREAK_ID
        self.tokens = array("I")  # every release's token ids, one after the other
        self.lengths = array("I")  # how many of them each release has
        self.break_word = False

    def add(self, position: int, fields: list[str], tokens: Tokens | None = None) -> bool:
        """Read the text *fields* of the release at *position*; whether it is plain.

        Releases are added in order: *position* is the number added before.
        *tokens*: what :func:`tokenized` made of the same fields, elsewhere
        (an import's worker processes), so that only the ids are looked up here.
        """
        if position != len(self.lengths):
            raise ValueError("releases are added in order")
        if tokens is not None:
            text, plain = tokens
            found = text.split("\n") if text else []
            self._extend(array("I", [_BREAK_ID, *map(self.ids.__getitem__, found)]))
            return plain
        found, plain = text_tokens_and_kind(_BREAK_JOIN.join(fields))
        ids = array("I", [_BREAK_ID, *map(self.ids.__getitem__, found)])
        if ids.count(_BREAK_ID) != len(fields):
            ids = self._ids_field_by_field(fields)
        self._extend(ids)
        return plain

    def _extend(self, ids: array[int]) -> None:
        self.tokens.extend(ids)
        self.lengths.append(len(ids))

    def _ids_field_by_field(self, fields: list[str]) -> array[int]:
        # The rare release holding the break word: each field on its own, the
        # word under its own id so that it is not taken for a break.
        ids = array("I")
        for text in fields:
            ids.append(_BREAK_ID)
            for token in text_tokens(text):
                if token == FIELD_BREAK:
                    self.break_word = True
                    ids.append(_BREAK_WORD_ID)
                else:
                    ids.append(self.ids[token])
        return ids

    def finish(
        self, size: int, cut: int, places: _Ints | None = None
    ) -> tuple[list[str], Postings, tuple[array[int], Postings]]:
        """The sorted vocabulary, the token postings and the pairs (sorted keys, postings).

        An entry (token or pair) found in more than *cut* releases is kept as
        a bitmap. A token's postings are its distinct releases; a pair found
        twice in a release keeps both postings (removing them costs more than
        the little memory it saves: such pairs are frequent, mostly bitmaps).
        *places*: where each release added goes among the *size* releases of
        the index (-1: left out, with its tokens); an entry's postings are
        then not in ascending order, which nothing needs (they are read into
        bitmaps).
        """
        import numpy as np

        names = [FIELD_BREAK, FIELD_BREAK, *islice(self.ids, 1, None)]
        found = range(_BREAK_WORD_ID if self.break_word else 2, len(names))
        order = sorted(found, key=names.__getitem__)
        vocab = list(map(names.__getitem__, order))
        self.ids = defaultdict(count(2).__next__)
        # rank[provisional id] = final id (place in vocab); the break's is never used.
        rank = np.zeros(len(names), dtype=np.uint64)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.uint64)
        id_bits = max(1, (len(vocab) - 1).bit_length())
        release_bits = max(1, (size - 1).bit_length())
        if 2 * id_bits + release_bits > 64:
            # 2^22 distinct tokens at 2^20 releases: far beyond any archive kept here.
            raise ValueError("too many distinct tokens and releases for one pair key")

        # Memory is the limit here (tens of millions of occurrences at 100k): the
        # occurrences are sorted a slice of releases at a time, each slice kept
        # as what it adds to the postings, and the postings filled slice by
        # slice (a slice's releases all come after the previous slice's).
        tokens: _U32 = np.frombuffer(self.tokens, dtype=np.uint32)
        lengths: _U32 = np.frombuffer(self.lengths, dtype=np.uint32)
        bounds = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
        token_slices: list[tuple[_U32, _U32]] = []
        pair_slices: list[tuple[_U64, _Ints, _U32]] = []
        for first, last in _slices(bounds, CHUNK_TOKENS):
            part = tokens[bounds[first] : bounds[last]]
            releases: _U32 = np.repeat(np.arange(first, last, dtype=np.uint32), lengths[first:last])
            if places is not None:
                # Each release at its place (-1: left out, its tokens with it).
                mapped = places[releases]
                kept = mapped >= 0
                if not kept.all():
                    part, mapped = part[kept], mapped[kept]
                releases = mapped.astype(np.uint32)
                del mapped, kept
            token_slices.append(_token_slice(part, releases, rank))
            pair_slices.append(_pair_slice(part, releases, rank, id_bits, release_bits))
            del part, releases
        del tokens, lengths, rank
        self.tokens, self.lengths = array("I"), array("I")
        token_postings = _token_postings(token_slices, len(vocab), size, cut)
        del token_slices
        pairs = _pair_postings(pair_slices, size, cut)
        return vocab, token_postings, pairs


# Token occurrences sorted at once (a slice of releases): 8M is about 200 MB of
# working arrays, where the whole of a 100k archive's occurrences took 2 GB.
CHUNK_TOKENS = 8_000_000


def _slices(bounds: _Ints, most: int) -> list[tuple[int, int]]:
    """Consecutive ranges of releases holding about *most* token occurrences each."""
    import numpy as np

    total = len(bounds) - 1
    out: list[tuple[int, int]] = []
    first = 0
    while first < total:
        # The last release whose end stays within the budget (at least one release).
        last = int(np.searchsorted(bounds, bounds[first] + most, side="right")) - 1
        last = min(max(last, first + 1), total)
        out.append((first, last))
        first = last
    return out


def _token_slice(part: _U32, releases: _U32, rank: _U64) -> tuple[_U32, _U32]:
    """The distinct (token, release) of a slice, sorted: final token ids and releases."""
    import numpy as np

    real = part != _BREAK_ID
    keys: _U64 = rank[part[real]]
    keys <<= np.uint64(32)
    np.bitwise_or(keys, releases[real], out=keys)
    del real
    # Not np.unique: its hash table took 7.5 s here, the sort 1 s.
    keys.sort()
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    ids: _U32 = (keys >> np.uint64(32)).astype(np.uint32)
    return ids, (keys & np.uint64(_LOW32)).astype(np.uint32)


def _token_postings(slices: list[tuple[_U32, _U32]], vocab: int, size: int, cut: int) -> Postings:
    """Each token's distinct releases, in vocabulary order, from the slices."""
    import numpy as np

    counts: _Ints = np.zeros(vocab, dtype=np.int64)
    runs: list[tuple[_Ints, _Ints, _U32]] = []
    for ids, releases in slices:
        if len(ids):
            starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
        else:
            starts = np.zeros(0, dtype=np.int64)
        lengths: _Ints = np.diff(np.append(starts, len(ids))).astype(np.int64)
        entries: _Ints = ids[starts].astype(np.int64)
        counts[entries] += lengths
        runs.append((entries, lengths, releases))
    return _csr(_filled(runs, counts), counts, size, cut)


def _filled(runs: list[tuple[_Ints, _Ints, _U32]], counts: _Ints) -> _U32:
    """The postings of every entry (``counts[entry]`` each) from slices of runs.

    A slice is ``(entries, run lengths, releases)``: its releases sorted by
    entry, each entry once with the length of its run. A slice's releases go
    after those of the slices before it in each entry's postings.
    """
    import numpy as np

    postings: _U32 = np.empty(int(counts.sum()), dtype=np.uint32)
    cursor: _Ints = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    for entries, lengths, releases in runs:
        # Where each run goes in the postings, then each release within its run.
        run_starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        target = np.repeat(cursor[entries] - run_starts, lengths)
        target += np.arange(len(releases), dtype=np.int64)
        postings[target] = releases
        cursor[entries] += lengths
    return postings


def _pair_slice(
    part: _U32, releases: _U32, rank: _U64, id_bits: int, release_bits: int
) -> tuple[_U64, _Ints, _U32]:
    """The adjacent pairs of one field in a slice: its distinct keys ``a << 32 | b``
    (sorted), the number of postings of each, and the postings (by key, then release)."""
    import numpy as np

    # Every release starts with a field break: no pair spans two releases or slices.
    adjacent = (part[:-1] != _BREAK_ID) & (part[1:] != _BREAK_ID)
    packed: _U64 = rank[part[:-1][adjacent]]
    packed <<= np.uint64(id_bits + release_bits)
    seconds: _U64 = rank[part[1:][adjacent]]
    seconds <<= np.uint64(release_bits)
    packed |= seconds
    del seconds
    np.bitwise_or(packed, releases[1:][adjacent], out=packed)
    del adjacent
    packed.sort()
    positions: _U32 = (packed & np.uint64((1 << release_bits) - 1)).astype(np.uint32)
    packed >>= np.uint64(release_bits)
    # Back to the stored form a << 32 | b.
    low = packed & np.uint64((1 << id_bits) - 1)
    packed >>= np.uint64(id_bits)
    packed <<= np.uint64(PAIR_SHIFT)
    packed |= low
    del low
    if len(packed):
        starts = np.flatnonzero(np.concatenate(([True], packed[1:] != packed[:-1])))
    else:
        starts = np.zeros(0, dtype=np.int64)
    lengths: _Ints = np.diff(np.append(starts, len(packed))).astype(np.int64)
    return packed[starts], lengths, positions


def _pair_postings(
    slices: list[tuple[_U64, _Ints, _U32]], size: int, cut: int
) -> tuple[array[int], Postings]:
    """The pairs' sorted keys ``a << 32 | b`` and postings, from the slices.

    A pair found twice in a release keeps both postings (removing them costs
    more than the little memory it saves: such pairs are frequent, mostly bitmaps).
    """
    import numpy as np

    if len(slices) == 1:
        keys: _U64 = slices[0][0]
    elif slices:
        # Sorted runs, one a slice: a stable sort (timsort) merges them in a
        # pass where np.unique's sort started afresh (2.4 s at the real corpus).
        keys = np.sort(np.concatenate([piece[0] for piece in slices]), kind="stable")
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    else:
        keys = np.zeros(0, dtype=np.uint64)
    counts: _Ints = np.zeros(len(keys), dtype=np.int64)
    runs: list[tuple[_Ints, _Ints, _U32]] = []
    for slice_keys, lengths, positions in slices:
        entries: _Ints = np.searchsorted(keys, slice_keys).astype(np.int64)
        counts[entries] += lengths
        runs.append((entries, lengths, positions))
    slices.clear()
    return _as_array("Q", keys), _csr(_filled(runs, counts), counts, size, cut)


def _csr(positions: _U32, counts: _Ints, size: int, cut: int) -> Postings:
    """CSR postings of consecutive entries of *counts* positions each; entries over *cut*
    become bitmaps (and hold no postings)."""
    import numpy as np

    bounds = np.concatenate(([0], np.cumsum(counts)))
    dense_entries = np.flatnonzero(counts > cut)
    dense = {
        int(k): _bitmap(positions[bounds[k] : bounds[k + 1]], size) for k in dense_entries.tolist()
    }
    if dense:
        is_dense = np.zeros(len(counts), dtype=bool)
        is_dense[dense_entries] = True
        positions = _without_entries(positions, bounds, is_dense)
        counts = np.where(is_dense, 0, counts)
        bounds = np.concatenate(([0], np.cumsum(counts)))
    return _as_array("Q", bounds), _as_array("I", positions), dense


def _without_entries(positions: _U32, bounds: _Ints, drop: npt.NDArray[np.bool_]) -> _U32:
    """*positions* without the postings of the entries in *drop*, moved down in place
    (a copy of the kept ones would double the largest array of the build)."""
    import numpy as np

    # Runs of consecutive kept entries, as ranges of positions.
    edges = np.flatnonzero(np.diff(np.concatenate(([False], ~drop, [False])).astype(np.int8)))
    write = 0
    for first, last in zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True):
        start, stop = int(bounds[first]), int(bounds[last])
        if start != write:
            # In pieces, so that numpy's copy of an overlapping move stays small.
            for piece in range(start, stop, _MOVE):
                end = min(piece + _MOVE, stop)
                positions[write + piece - start : write + end - start] = positions[piece:end]
        write += stop - start
    return positions[:write]


_MOVE = 1 << 20


def _bitmap(positions: _U32, size: int) -> int:
    """The bitmap with the bits of *positions* set (bit i = release i)."""
    import numpy as np

    bits = np.zeros(size, dtype=np.uint8)
    bits[positions] = 1
    return int.from_bytes(np.packbits(bits, bitorder="little").tobytes(), "little")


def _as_array(code: str, values: npt.NDArray[np.generic]) -> array[int]:
    """A numpy array as an ``array`` of *code* (what the index keeps and writes)."""
    import numpy as np

    out = array(code)
    # One copy: astype() and tobytes() each made another of arrays of hundreds of MB.
    values = np.ascontiguousarray(values, dtype=np.uint64 if out.itemsize == 8 else np.uint32)
    out.frombytes(values.data.cast("B"))
    return out
