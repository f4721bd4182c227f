"""Token and adjacent-pair postings built from every release's token ids, in vectorised passes."""

from __future__ import annotations

import os
from array import array
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from itertools import count, islice
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar, cast

from store.heap import give_back
from store.search.mapped import WINDOW_BYTES, BitmapRows, MappedArray
from store.search.tokens import text_tokens, text_tokens_and_kind, token_text_and_kind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    _U32: TypeAlias = npt.NDArray[np.uint32]
    _U64: TypeAlias = npt.NDArray[np.uint64]
    _Ints: TypeAlias = npt.NDArray[np.int64]

_T = TypeVar("_T")

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
# :func:`tokenized` (in an import's worker processes), in one of two forms:
# - the tokens separated by whitespace (none holds any), and whether the text is
#   plain; the collector looks each token up;
# - the distinct tokens of the releases tokenised with it (a :class:`UnitWords`'
#   list, shared by them), the place of each of its tokens in that list, and
#   whether the text is plain; the lookups by token were made where it was parsed.
Tokens: TypeAlias = "tuple[str, bool] | tuple[list[str], array[int], bool]"


class UnitWords:
    """The distinct tokens of releases tokenised together (a unit of an import's
    work), in order of first sight.

    The importing process gives every token of the archive its id, one dict
    lookup a token, and it is the one process there is. Where it is the slower
    side of an import (releases that cost little to parse, such as Pressroom's
    own JSON Lines: at 100,000 releases of 600 tokens, the lookups were a sixth
    of its work), a unit's releases' tokens are sent as places in this list: the
    lookups by token move to the workers, which are several, and the importing
    process looks each distinct token of a unit up once (about 12,000 for 256
    releases) and turns the places into ids in one vectorised step a release.
    """

    __slots__ = ("_places", "words")

    def __init__(self) -> None:
        self._places: defaultdict[str, int] = defaultdict(count().__next__)
        self.words: list[str] = []

    def places(self, text: str) -> array[int]:
        """The places of *text*'s tokens (separated by whitespace) in the list."""
        return array("I", map(self._places.__getitem__, text.split()))

    def close(self) -> None:
        """Complete the list the tokens made so far refer to (before they are sent)."""
        self.words.extend(islice(self._places, len(self.words), None))


def tokenized(fields: list[str], unit: UnitWords | None = None) -> Tokens | None:
    """The tokens of a release's text *fields*, for :meth:`Collector.add` in another
    process (tokenising is most of an index build's Python work); None for the rare
    release that holds the break word, which the collector reads itself. *unit*: the
    tokens are given as places in the words of the releases tokenised with this one
    (the unit is closed once they all are)."""
    text, plain = token_text_and_kind(_BREAK_JOIN.join(fields))
    # Counted in the string, not in its tokens (the list is not made here): each
    # break is an occurrence, so as many occurrences as breaks means no token
    # other than a break holds the word, let alone is it.
    if text.count(FIELD_BREAK) != len(fields) - 1:
        return None
    if unit is None:
        return text, plain
    return unit.words, unit.places(text), plain


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

    def __init__(self, scratch: Path | None = None) -> None:
        self.ids: defaultdict[str, int] = defaultdict(count(2).__next__)
        self.ids[FIELD_BREAK] = _BREAK_ID
        # Every release's token ids, one after the other: the latest of them; the
        # others wait in the build's working file (folder *scratch*), so that an
        # import's memory does not grow with its file (2-3 KB a release).
        self.tokens = array("I")
        self.lengths = array("I")  # how many of them each release has
        self.break_word = False
        self.scratch = scratch
        self._spill: _Spill | None = None
        self._spilled = 0  # token ids written to the working file
        # The unit of work the last tokens made elsewhere came from, and its words' ids.
        self._unit_words: list[str] | None = None
        self._unit_ids: _U32 | None = None

    def _spill_tokens(self) -> None:
        if self._spill is None:
            self._spill = _Spill(self.scratch)
        self._spill.write(self.tokens)
        self._spilled += len(self.tokens)
        self.tokens = array("I")

    def add(self, position: int, fields: list[str], tokens: Tokens | None = None) -> bool:
        """Read the text *fields* of the release at *position*; whether it is plain.

        Releases are added in order: *position* is the number added before.
        *tokens*: what :func:`tokenized` made of the same fields, elsewhere
        (an import's worker processes), so that at most the ids are looked up here.
        """
        if position != len(self.lengths):
            raise ValueError("releases are added in order")
        match tokens:
            case (str() as text, bool() as plain):
                # Appended where they are kept, not gathered in a list first (per
                # token: the importing process does this for every token of the archive).
                self.tokens.append(_BREAK_ID)
                found = text.split()
                self.tokens.extend(map(self.ids.__getitem__, found))
                self.lengths.append(len(found) + 1)
            case (words, places, plain):
                self._add_places(words, places)
            case _:
                plain = self._add_read(fields)
        if len(self.tokens) >= SPILL_TOKENS:
            self._spill_tokens()
        return plain

    def _add_places(self, words: list[str], places: array[int]) -> None:
        import numpy as np

        unit_ids = self._unit_ids
        if words is not self._unit_words or unit_ids is None:
            # A new unit: its distinct tokens' ids, looked up once for its releases.
            unit_ids = np.fromiter(map(self.ids.__getitem__, words), np.uint32, len(words))
            self._unit_words, self._unit_ids = words, unit_ids
        self.tokens.append(_BREAK_ID)
        self.tokens.frombytes(unit_ids[np.frombuffer(places, dtype=np.uint32)].tobytes())
        self.lengths.append(len(places) + 1)

    def _add_read(self, fields: list[str]) -> bool:
        found, plain = text_tokens_and_kind(_BREAK_JOIN.join(fields))
        ids = array("I", [_BREAK_ID, *map(self.ids.__getitem__, found)])
        if ids.count(_BREAK_ID) != len(fields):
            ids = self._ids_field_by_field(fields)
        self.tokens.extend(ids)
        self.lengths.append(len(ids))
        return plain

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
        self,
        size: int,
        cut: int,
        places: _Ints | None = None,
        scratch: Path | None = None,
        *,
        mapped: bool = False,
    ) -> tuple[list[str], Postings, tuple[array[int], Postings]]:
        """The sorted vocabulary, the token postings and the pairs (sorted keys, postings).

        An entry (token or pair) found in more than *cut* releases is kept as
        a bitmap. A token's postings are its distinct releases; a pair found
        twice in a release keeps both postings (removing them costs more than
        the little memory it saves: such pairs are frequent, mostly bitmaps).
        *places*: where each release added goes among the *size* releases of
        the index (-1: left out, with its tokens); an entry's postings are
        then not in ascending order, which nothing needs (they are read into
        bitmaps). *scratch*: the folder for the build's working file (the
        archive's own; the system's temporary folder when None). *mapped*: the
        postings, and the pairs' keys and offsets (most of an index, and what
        grows with it), are placed in memory maps of working files there
        (:class:`MappedArray`), for an index that is written and not kept: then
        they are not the process's memory.
        """
        import numpy as np

        names = [FIELD_BREAK, FIELD_BREAK, *islice(self.ids, 1, None)]
        found = range(_BREAK_WORD_ID if self.break_word else 2, len(names))
        order = sorted(found, key=names.__getitem__)
        vocab = list(map(names.__getitem__, order))
        self.ids = defaultdict(count(2).__next__)
        self._unit_words = self._unit_ids = None
        # rank[provisional id] = final id (place in vocab); the break's is never used.
        rank = np.zeros(len(names), dtype=np.uint64)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.uint64)
        # Let go before the slices (a list and an int a word, words a release in a
        # synthetic archive): vocab and rank hold all that is needed of them.
        del names, order, found
        id_bits = max(1, (len(vocab) - 1).bit_length())
        release_bits = max(1, (size - 1).bit_length())
        if 2 * id_bits + release_bits > 64:
            # 2^22 distinct tokens at 2^20 releases: far beyond any archive kept here.
            raise ValueError("too many distinct tokens and releases for one pair key")

        # Memory is the limit here (tens of millions of occurrences at 100k): the
        # occurrences are sorted a slice of releases at a time, and what each
        # slice adds to the postings (its releases, a few hundred MB at 100k) waits
        # on disk, not in memory, until every slice is counted and the postings
        # can be placed; the token ids wait there too while the slices are made.
        lengths: _U32 = np.frombuffer(self.lengths, dtype=np.uint32)
        if self._spill is None:
            self._spill = _Spill(scratch)
        # While the slices are sorted the words wait as one string (no token holds
        # whitespace), not as an object each: a word a release in a synthetic archive.
        words, vocab_size = "\n".join(vocab), len(vocab)
        del vocab
        give_back()  # before the slices' working arrays: what the catalogue's build freed
        with self._spill as spill:
            # The token ids are the first thing in the working file, in order.
            self._spill_tokens()
            self._spill, stored, self._spilled = None, (0, self._spilled), 0
            token_runs, pair_slices, pair_keys = _sorted_slices(
                spill, stored, lengths, places, rank, id_bits, release_bits
            )
            del lengths, rank
            self.lengths = array("I")
            # What the slices' threads and the keys' merge freed goes back to the system
            # before the postings are placed: glibc kept 100-300 MB of it (free pages in
            # the middle of its heaps), held through the rest of the finish.
            give_back()
            token_postings = _token_postings(token_runs, vocab_size, size, cut, spill, mapped)
            del token_runs
            give_back()
            # Handed over in a list, so that this frame does not keep them alive once
            # _pair_postings has placed them (8 bytes a distinct pair).
            given = [pair_keys]
            del pair_keys
            pairs = _pair_postings(given, pair_slices, size, cut, spill, mapped)
        give_back()
        vocab = words.split("\n") if vocab_size else []
        return vocab, token_postings, pairs


def _sorted_slices(
    spill: _Spill,
    stored: _Stored,
    lengths: _U32,
    places: _Ints | None,
    rank: _U64,
    id_bits: int,
    release_bits: int,
) -> tuple[list[_Run], list[_Run], _U64]:
    """Every slice's token runs and pair runs, waiting in *spill*, and the distinct sorted
    keys of every pair found (the index keeps them all). *stored*: the token ids of the
    releases, one after the other, each release's *lengths* of them."""
    import numpy as np

    bounds = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
    slices = iter(_slices(bounds, CHUNK_TOKENS))
    token_runs: list[_Run] = []
    pair_runs: list[_Run] = []
    pair_keys: _U64 = np.zeros(0, dtype=np.uint64)
    with _SliceWorkers() as workers:
        following = _read_slice(spill, stored, bounds, lengths, places, next(slices, None))
        while following is not None:
            part, releases = following
            # A slice's tokens and its pairs are sorted at once, in two threads (numpy
            # lets go of the interpreter while it sorts): the end of an import, when
            # the parse workers are idle, uses two cores. The pairs, the longer, first.
            # Each thread is handed the slice in a list it empties, and lets it go once its
            # keys are made: the slice (8 bytes a token) is freed while the sorts run, not
            # held beside them until both return.
            pairs = workers.run(_pair_slice, [part, releases], rank, id_bits, release_bits)
            tokens = workers.run(_token_slice, [part, releases], rank)
            del part, releases, following
            # What a slice found waits in the working file too (about 10 MB a
            # slice): kept here, the slices' runs grew with the archive.
            entries, runs, held = tokens.result()
            token_runs.append((spill.write(entries), spill.write(runs), spill.write(held)))
            del entries, runs, held, tokens
            # The next slice is read while the pairs are sorted: once the tokens'
            # working arrays are freed, not before (read at once, a slice more was held).
            following = _read_slice(spill, stored, bounds, lengths, places, next(slices, None))
            keys, runs, held = pairs.result()
            del pairs
            pair_runs.append((spill.write_wide(keys), spill.write(runs), spill.write(held)))
            del keys, runs, held
            give_back()  # the slice's working arrays, a few hundred MB, freed
    # The pairs' distinct keys (8 bytes each, a dozen a release) merged once the slices'
    # working arrays are freed: merged as each slice was sorted, they and a second copy
    # of them were held beside those arrays, the finish's peak.
    for stored_keys, _, _ in pair_runs:
        pair_keys = _merged_keys(pair_keys, spill.read_wide(stored_keys))
    return token_runs, pair_runs, pair_keys


def _read_slice(
    spill: _Spill,
    stored: _Stored,
    bounds: _Ints,
    lengths: _U32,
    places: _Ints | None,
    releases_range: tuple[int, int] | None,
) -> tuple[_U32, _U32] | None:
    """The token ids of the releases *first* to *last* (*releases_range*) and the place of
    the release of each (None: no slice left)."""
    import numpy as np

    if releases_range is None:
        return None
    first, last = releases_range
    part = spill.read(stored, int(bounds[first]), int(bounds[last] - bounds[first]))
    counts = lengths[first:last]
    if places is None:
        return part, np.repeat(np.arange(first, last, dtype=np.uint32), counts)
    # Each release at its place (-1: left out, its tokens with it), found a release at a
    # time and then repeated for its tokens: looked up a token at a time, the places
    # (64 bits), whether each is kept and the 32-bit copy were 13 bytes a token beside
    # the slice, read while the slice before is sorted (the real corpus's peak).
    placed = places[first:last]
    kept = placed >= 0
    if not kept.all():
        part = part[np.repeat(kept, counts)]
        placed, counts = placed[kept], counts[kept]
    return part, np.repeat(placed.astype(np.uint32), counts)


# Token ids kept in memory while releases are read, before they are written to
# the working file: 16 MB (about 6,000 releases).
SPILL_TOKENS = 4_000_000

# Token occurrences sorted at once (a slice of releases): 8M is about 200 MB of
# working arrays, where the whole of a 100k archive's occurrences took 2 GB.
CHUNK_TOKENS = 8_000_000


# Threads that sort a slice's tokens and pairs at once (1: one after the other, here).
SLICE_THREADS = 2


class _SliceWorkers:
    """Threads that work a slice's token and pair sorts side by side.

    Threads, not the import's parse workers: numpy lets go of the interpreter
    in the sorts, gathers and shifts that are nearly all of a slice's work (a
    pure Python loop run beside one kept its full share of a core), and a
    thread reads the slice where it lies, where a process needed it sent to
    it and what it found sent back.
    """

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        threads = min(SLICE_THREADS, os.cpu_count() or 1)
        self._pool = (
            ThreadPoolExecutor(threads, thread_name_prefix="pressroom-slice")
            if threads > 1
            else None
        )

    def __enter__(self) -> _SliceWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            # Interrupted: the sort not begun is dropped, a running one ends (seconds).
            self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self, work: Callable[..., _T], *args: object) -> Future[_T] | _Done[_T]:
        """*work* on *args*, in a thread when there are several (else here, now)."""
        if self._pool is not None:
            return self._pool.submit(work, *args)
        return _Done(work(*args))


class _Done(Generic[_T]):
    """What a work run at once gave, read as a thread's (``result``)."""

    __slots__ = ("_value",)

    def __init__(self, value: _T) -> None:
        self._value = value

    def result(self) -> _T:
        return self._value


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


# A slice's runs, in the working file: the entries it holds (ascending; a pair's
# key in 64 bits), how many postings each adds, and the postings.
_Run: TypeAlias = "tuple[_Stored, _Stored, _Stored]"
# Where an array waits in the spill file: its offset in bytes and its length.
_Stored: TypeAlias = tuple[int, int]


class _Spill:
    """A working file, deleted when closed, where arrays wait between two passes.

    The pages written stay in the system's file cache rather than in the
    build's own memory, and are read back one slice at a time.
    """

    def __init__(self, folder: Path | None) -> None:
        import tempfile

        # Unnamed where the system allows: nothing is left behind by a crash.
        # Closed (and so deleted) when the build leaves its `with` block.
        self.handle = tempfile.TemporaryFile(dir=folder, prefix=".pressroom-build-")  # noqa: SIM115
        self.end = 0
        self.folder = folder

    def __enter__(self) -> _Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, values: array[int] | _U32) -> _Stored:
        """Write uint32 *values* at the end of the file; where they are."""
        where = (self.end, len(values))
        self.handle.seek(self.end)
        view = (memoryview(values) if isinstance(values, array) else values.data).cast("B")
        self.handle.write(view)
        self.end += view.nbytes
        return where

    def write_wide(self, values: _U64) -> _Stored:
        """Write uint64 *values* (as twice as many uint32); read back by :meth:`read_wide`."""
        import numpy as np

        return self.write(np.ascontiguousarray(values).view(np.uint32))

    def read_wide(self, stored: _Stored) -> _U64:
        """The uint64 values written by :meth:`write_wide`."""
        import numpy as np

        return self.read(stored).view(np.uint64)

    def read(self, stored: _Stored, first: int = 0, count: int | None = None) -> _U32:
        """The uint32 values *first* to *first* + *count* of an array written before."""
        import numpy as np

        offset, length = stored
        count = length - first if count is None else count
        out: _U32 = np.empty(count, dtype=np.uint32)
        self.handle.seek(offset + 4 * first)
        view = out.data.cast("B")
        got = 0
        while got < view.nbytes:
            read = self.handle.readinto(view[got:])
            if not read:
                raise OSError("the index build's working file was cut short")
            got += read
        return out


# Occurrences made into sort keys at once (8 MB of keys): the working arrays of a
# piece, not of a whole slice.
_PACK_STEP = 1 << 20


def _token_slice(given: list[_U32], rank: _U64) -> tuple[_U32, _U32, _U32]:
    """The distinct (token, release) of a slice, sorted: the final token ids it holds,
    how many releases each, and the releases. *given*: the slice's token ids and the
    release of each, taken from the list (let go here once the keys are made)."""
    import numpy as np

    part, releases = given
    given.clear()
    real = part != _BREAK_ID
    keys: _U64 = np.empty(int(np.count_nonzero(real)), dtype=np.uint64)
    at = 0
    # Made a piece at a time where they are kept: made at once, their working
    # arrays held two more copies of the slice's keys (two slices are sorted at once).
    for start in range(0, len(part), _PACK_STEP):
        here = real[start : start + _PACK_STEP]
        piece: _U64 = rank[part[start : start + _PACK_STEP][here]]
        piece <<= np.uint64(32)
        piece |= releases[start : start + _PACK_STEP][here]
        keys[at : at + len(piece)] = piece
        at += len(piece)
    del real, part, releases
    # Not np.unique: its hash table took 7.5 s here, the sort 1 s.
    keys.sort()
    keys = _distinct(keys)
    # The low 32 bits (a cast to 32 bits keeps them): the releases.
    found: _U32 = keys.astype(np.uint32)
    keys >>= np.uint64(32)
    entries, lengths = _runs(keys)
    return entries.astype(np.uint32), lengths, found


def _runs(keys: _U64) -> tuple[_U64, _U32]:
    """The distinct values of sorted *keys* and how many times each comes. *keys* are
    used up: when most are distinct, the distinct ones are moved to their front (the
    values given are a view of them)."""
    import numpy as np

    if not len(keys):
        return keys[:0].copy(), np.zeros(0, dtype=np.uint32)
    first = _firsts(keys)
    count = int(np.count_nonzero(first))
    # Where each run starts, in 32 bits (a slice holds fewer than 2^32 keys), and the
    # distinct keys, found a piece at a time: numpy's 64-bit positions of every
    # distinct pair of a slice were its largest working arrays (real corpus: the
    # import's peak 630 -> 499 MiB with two slices' sorts at once).
    starts: _U32 = np.empty(count, dtype=np.uint32)
    # The real corpus's pairs are mostly distinct: a new array for them was one more
    # copy of a slice's keys (a piece's distinct keys are copied out of it before they
    # are written, at or before where they were). Few: a new array, not the whole kept.
    distinct: _U64 = keys[:count] if 2 * count > len(keys) else np.empty(count, keys.dtype)
    at = 0
    for start in range(0, len(keys), _PACK_STEP):
        found = np.flatnonzero(first[start : start + _PACK_STEP])
        distinct[at : at + len(found)] = keys[start : start + _PACK_STEP][found]
        found += start
        starts[at : at + len(found)] = found
        at += len(found)
    del first
    lengths: _U32 = np.empty(count, dtype=np.uint32)
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1])
    lengths[-1] = len(keys) - int(starts[-1])
    return distinct, lengths


def _firsts(keys: _U64) -> npt.NDArray[np.bool_]:
    """Whether each of sorted *keys* (at least one) is the first of its value."""
    import numpy as np

    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return first


def _token_postings(
    runs: list[_Run], vocab: int, size: int, cut: int, spill: _Spill, mapped: bool
) -> Postings:
    """Each token's distinct releases, in vocabulary order, from the slices."""
    import numpy as np

    counts: _U32 = np.zeros(vocab, dtype=np.uint32)
    for entries, lengths, _ in runs:
        counts[spill.read(entries)] += spill.read(lengths)
    offsets, placed, dense = _placed(runs, [counts], size, cut, spill, mapped)
    # Its offsets, one a token, are read to find the prefixes: kept in memory.
    return _as_array("Q", offsets), placed, dense


def _pair_slice(
    given: list[_U32], rank: _U64, id_bits: int, release_bits: int
) -> tuple[_U64, _U32, _U32]:
    """The adjacent pairs of one field in a slice: its distinct keys ``a << 32 | b``
    (sorted), the number of postings of each, and the postings (by key, then release).
    *given*: as :func:`_token_slice` takes it."""
    import numpy as np

    part, releases = given
    given.clear()
    # Every release starts with a field break: no pair spans two releases or slices.
    firsts, seconds, owners = part[:-1], part[1:], releases[1:]
    adjacent = (firsts != _BREAK_ID) & (seconds != _BREAK_ID)
    packed: _U64 = np.empty(int(np.count_nonzero(adjacent)), dtype=np.uint64)
    at = 0
    # A piece at a time, as the tokens' keys (_token_slice).
    for start in range(0, len(adjacent), _PACK_STEP):
        stop = start + _PACK_STEP
        here = adjacent[start:stop]
        piece: _U64 = rank[firsts[start:stop][here]]
        piece <<= np.uint64(id_bits + release_bits)
        second: _U64 = rank[seconds[start:stop][here]]
        second <<= np.uint64(release_bits)
        piece |= second
        piece |= owners[start:stop][here]
        packed[at : at + len(piece)] = piece
        at += len(piece)
    del adjacent, firsts, seconds, owners, part, releases
    packed.sort()
    # The low bits, through a 32-bit cast (no 64-bit copy of every key).
    positions: _U32 = packed.astype(np.uint32)
    positions &= np.uint32((1 << release_bits) - 1)
    packed >>= np.uint64(release_bits)
    keys, lengths = _runs(packed)
    del packed
    # Back to the stored form a << 32 | b, for the distinct keys only (both forms
    # order pairs alike): done to every key, it held one more copy of them all; and a
    # piece at a time (the low bits of all of them were one more copy of the keys).
    low_bits = np.uint64((1 << id_bits) - 1)
    for start in range(0, len(keys), _PACK_STEP):
        piece = keys[start : start + _PACK_STEP]
        low = piece & low_bits
        piece >>= np.uint64(id_bits)
        piece <<= np.uint64(PAIR_SHIFT)
        piece |= low
    return keys, lengths, positions


def _merged_keys(keys: _U64, more: _U64) -> _U64:
    """The distinct sorted values of two sorted arrays of distinct values."""
    import numpy as np

    if not len(keys):
        return more.copy()
    # Only the keys not yet known are inserted, each where it goes: the whole
    # joined, sorted and made distinct held about four copies of every pair key
    # found so far (8 bytes each, tens of millions at a million releases), now two.
    at = np.searchsorted(keys, more)
    inside = at < len(keys)
    known = np.zeros(len(more), dtype=bool)
    known[inside] = keys[at[inside]] == more[inside]
    fresh = ~known
    # Keys inserted at one place keep their order (more is sorted): the result is.
    merged: _U64 = np.insert(keys, at[fresh], more[fresh])
    return merged


def _distinct(keys: _U64) -> _U64:
    """Sorted *keys* with each value once, moved to the front of *keys* (a view of it):
    a piece at a time, not into a copy of them all."""

    if not len(keys):
        return keys
    first = _firsts(keys)
    at = 0
    for start in range(0, len(keys), _PACK_STEP):
        # A copy of the piece's distinct keys, written at or before where they were.
        piece = keys[start : start + _PACK_STEP][first[start : start + _PACK_STEP]]
        keys[at : at + len(piece)] = piece
        at += len(piece)
    return keys[:at]


def _pair_postings(
    given: list[_U64], slices: list[_Run], size: int, cut: int, spill: _Spill, mapped: bool
) -> tuple[array[int], Postings]:
    """The pairs' sorted keys ``a << 32 | b`` and postings, from the slices: *given*
    holds the keys of every slice (taken from it), each slice's own waiting in the
    working file.

    A pair found twice in a release keeps both postings (removing them costs
    more than the little memory it saves: such pairs are frequent, mostly bitmaps).
    *mapped*: the keys, offsets and postings are placed in memory maps (see :func:`_placed`).
    """
    import numpy as np

    keys = given.pop()
    # How many postings each pair has (32 bits: a pair is in fewer than 2^32 places).
    counts: _U32 = np.zeros(len(keys), dtype=np.uint32)
    runs: list[_Run] = []
    for stored_keys, lengths, held in slices:
        # The slice's keys by their place among all keys: what _placed reads.
        entries: _U32 = np.searchsorted(keys, spill.read_wide(stored_keys)).astype(np.uint32)
        counts[entries] += spill.read(lengths)
        runs.append((spill.write(entries), lengths, held))
        del entries
    slices.clear()
    # Placed where they are kept, then let go, before the postings are placed.
    kept = _kept_array("Q", keys, spill.folder, mapped)
    del keys
    offsets, placed, dense = _placed(runs, [counts], size, cut, spill, mapped)
    return kept, (_kept_array("Q", offsets, spill.folder, mapped), placed, dense)


# Postings an entry's places are counted in 32 bits below (see _placed).
_NARROW_PLACES = 1 << 32

# Postings placed at once: the working arrays of a group of runs are a few
# times this many 8-byte values.
_PLACE_CHUNK = 1 << 21


def _placed(
    runs: list[_Run],
    given: list[_U32],
    size: int,
    cut: int,
    spill: _Spill,
    mapped: bool = False,
) -> tuple[_Ints, array[int], dict[int, int]]:
    """CSR offsets and postings of consecutive entries of ``counts[entry]`` postings each (*given*
    holds *counts*, taken from it and used up), from slices of runs whose releases
    wait in *spill*; entries over *cut* become bitmaps (and hold no postings). A
    slice's releases go after those of the slices before it in each entry's postings.
    *mapped*: the postings and offsets are placed in memory maps beside the working
    file (:class:`MappedArray`, standing for the arrays).

    What is held besides the postings is 9 bytes an entry (whether it is a bitmap,
    and where its next posting goes), not the 41 it was: at a million releases the
    pairs' entries are tens of millions.
    """
    import numpy as np

    counts = given.pop()
    is_dense = counts > cut
    dense_entries = np.flatnonzero(is_dense)
    # cursor[k + 1]: where entry k's next posting goes; once all are placed, where it
    # ends, so that cursor is then the offsets (cursor[0] stays 0).
    counts[is_dense] = 0
    total = int(counts.sum(dtype=np.int64))
    # 32 bits while every place fits in them (the pairs' postings at 230,000 releases
    # are about 100 million): 4 bytes an entry, not 8, held while all are placed, and
    # the pairs' entries grow with the file (15 million at 230,000).
    wide = np.uint32 if total < _NARROW_PLACES else np.int64
    cursor: _Ints = np.zeros(len(counts) + 1, dtype=wide)
    np.cumsum(counts[:-1], dtype=wide, out=cursor[2:])
    del counts
    # The postings are made where the index keeps them (an array of the final
    # size), not copied there from a numpy array: that copy was the build's peak.
    placed_in: MappedArray | None = None
    if mapped:
        # No room for the map (or no maps on that file system): in memory.
        with suppress(OSError):
            placed_in = MappedArray(total, spill.folder)
    if placed_in is None:
        out = array("I", [0]) * total
        postings: _U32 = np.frombuffer(out, dtype=np.uint32)
    else:
        # Read and sliced like the array by the index, written by windows (index_file).
        out = cast("array[int]", placed_in)
        postings = placed_in.numpy()
    next_slot = cursor[1:]
    # The bitmaps of the dense entries, one row of bytes each, filled as the
    # releases are read (bit i of a row: release i). *mapped*: in a memory map too,
    # and left there (see BitmapRows); as ints, they were 1 bit a release each
    # for thousands of entries, held until the index was written.
    row_bytes = (size + 7) // 8
    bits_in: MappedArray | None = None
    if mapped:
        with suppress(OSError):
            bits_in = MappedArray(len(dense_entries) * row_bytes, spill.folder, "B")
    bits: npt.NDArray[np.uint8] = (
        np.zeros(len(dense_entries) * row_bytes, dtype=np.uint8)
        if bits_in is None
        else bits_in.numpy()
    )
    while runs:
        stored_entries, stored_lengths, stored = runs.pop(0)
        entries, lengths = spill.read(stored_entries), spill.read(stored_lengths)
        ends = np.cumsum(lengths, dtype=np.int64)
        first_run = 0
        while first_run < len(entries):
            # A group of whole runs holding about _PLACE_CHUNK postings.
            start = int(ends[first_run - 1]) if first_run else 0
            last_run = int(np.searchsorted(ends, start + _PLACE_CHUNK, side="right"))
            last_run = min(max(last_run, first_run + 1), len(entries))
            stop = int(ends[last_run - 1])
            group = entries[first_run:last_run].astype(np.int64)
            group_lengths = lengths[first_run:last_run]
            found = spill.read(stored, start, stop - start)
            dense = is_dense[group]
            if dense.any():
                # A dense entry's releases go into its bitmap, the others into postings.
                in_dense = np.repeat(dense, group_lengths)
                rows = np.searchsorted(dense_entries, group[dense])
                owners = np.repeat(rows, group_lengths[dense])
                _set_bits(bits, owners, found[in_dense], row_bytes)
                found = found[~in_dense]
                group, group_lengths = group[~dense], group_lengths[~dense]
                del in_dense, owners, rows
            # Where each posting goes: its run's cursor, then its place in the run.
            run_starts = np.concatenate(([0], np.cumsum(group_lengths, dtype=np.int64)[:-1]))
            target = np.repeat(next_slot[group] - run_starts, group_lengths)
            target += np.arange(len(found), dtype=np.int64)
            postings[target] = found
            next_slot[group] += group_lengths
            del dense, target, found, run_starts
            first_run = last_run
            if placed_in is not None:
                placed_in.let_go()  # the pages written go to the file cache
            if bits_in is not None:
                bits_in.let_go()
    del postings, next_slot, is_dense
    if bits_in is not None:
        del bits
        return (
            cursor,
            out,
            cast("dict[int, int]", BitmapRows(dense_entries.tolist(), bits_in, row_bytes)),
        )
    dense_bitmaps = {
        int(entry): int.from_bytes(
            bits[row * row_bytes : (row + 1) * row_bytes].tobytes(), "little"
        )
        for row, entry in enumerate(dense_entries.tolist())
    }
    return cursor, out, dense_bitmaps


def _set_bits(bits: npt.NDArray[np.uint8], rows: _Ints, releases: _U32, row_bytes: int) -> None:
    """Set bit *releases* of each of *rows* in the rows of bytes *bits*."""
    import numpy as np

    where = rows * row_bytes + (releases >> 3)
    values = np.left_shift(1, releases & 7).astype(np.uint8)
    # Bits of one byte are or-ed together first (a plain assignment keeps one
    # of them): equal bytes made neighbours. They arrive in order (entries
    # ascending, each entry's releases ascending), so the sort is rarely needed.
    if len(where) > 1 and not (where[1:] >= where[:-1]).all():
        order = np.argsort(where, kind="stable")
        where, values = where[order], values[order]
    starts = np.flatnonzero(np.concatenate(([True], where[1:] != where[:-1])))
    bits[where[starts]] |= np.bitwise_or.reduceat(values, starts)


def _kept_array(
    code: str, values: npt.NDArray[np.generic], folder: Path | None, mapped: bool
) -> array[int]:
    """*values* as the index keeps them: an ``array`` of *code*, or when *mapped* a
    :class:`MappedArray` standing for it (in memory when there is no room for a map)."""
    if mapped:
        with suppress(OSError):
            kept = MappedArray(len(values), folder, code)
            into = kept.numpy()
            # A window at a time, each let go once written: copied whole, the map's
            # pages were all resident beside *values* (the pairs' offsets at the end
            # of their placing: 8 bytes a distinct pair twice, the finish's peak at 1 GB).
            step = WINDOW_BYTES // kept.itemsize
            for start in range(0, len(values), step):
                into[start : start + step] = values[start : start + step]
                kept.let_go(start * kept.itemsize, step * kept.itemsize)
            del into
            return cast("array[int]", kept)
    return _as_array(code, values)


def _as_array(code: str, values: npt.NDArray[np.generic]) -> array[int]:
    """A numpy array as an ``array`` of *code* (what the index keeps and writes)."""
    import numpy as np

    out = array(code)
    # One copy: astype() and tobytes() each made another of arrays of hundreds of MB.
    values = np.ascontiguousarray(values, dtype=np.uint64 if out.itemsize == 8 else np.uint32)
    out.frombytes(values.data.cast("B"))
    return out
