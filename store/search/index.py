"""An inverted index that answers a query in a keystroke, with the same answer as the scan.

Layout (all positions are indexes into the release sequence given to ``build``):

- ``vocab``: every folded token, sorted, so that a prefix is a ``bisect`` range;
- postings in CSR form: the positions of token ``vocab[k]`` are
  ``postings[offsets[k]:offsets[k + 1]]`` (one ``array('I')`` for all rare
  tokens, so a prefix range is one contiguous slice);
- tokens found in more than ``1/dense_ratio`` of the releases are kept as a
  bitmap instead (a Python ``int``, bit *i* = release *i*): it is smaller than
  their postings and ``&``, ``|`` on it run at C speed;
- bitmaps of short prefixes whose expansion is large (``s``, ``co``...), so
  that the first letters typed cost no more than a word;
- one small index per qualifier (org, loc, person, contact, tag, lang,
  source, phone digits): distinct folded values and their postings, scanned
  for the substring;
- release dates as ordinals sorted once, so a date range is two bisects;
- the adjacent-token pairs of every release: ``(a, b)`` when token *b*
  directly follows token *a* in one text field (pairs never span two fields,
  as phrases never do). A pair is the key ``id(a) << 32 | id(b)`` (ids are
  positions in ``vocab``), the keys sorted, so the pairs of *a* followed by a
  token starting with a prefix are one contiguous range; their postings are
  in CSR form too (a release may be listed twice), with bitmaps for the
  frequent pairs, like tokens.

Every condition becomes a bitmap; a clause is the OR of its terms, the query
the AND of its clauses, negations are differences from the universe, and the
result is read out of the final bitmap at C speed. A two-token phrase is
answered exactly by the pair index (``"the proj`` is the union of the pairs
``the`` + ``proj*``). A longer phrase is bounded by the AND of its pairs (a
superset) and only the releases in that margin are checked against the text,
with the same tokenisation as ``Query.matches``, the reference scan, so the
index and the scan cannot disagree.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, pairwise
from typing import TYPE_CHECKING, Any, TypeAlias, overload

import orjson

from store import collector
from store.heap import give_back, large_blocks_mapped
from store.records import Release
from store.search.field_spill import FieldSpill
from store.search.mapped import Bitmap, BitmapRows, MappedArray, Part, part_size, pieces
from store.search.postings import PAIR_SHIFT, Collector, Tokens, UnitWords, tokenized
from store.search.query import (
    FIELDS,
    Query,
    ReleaseStateLike,
    Term,
    field_values,
    release_ordinal,
    release_phones,
    release_text_fields,
    user_tag_matches,
)
from store.search.tokens import (
    field_key,
    fold_for_matching,
    phrase_pattern,
)

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
    import numpy.typing as npt

_MAGIC = b"PRESSROOM-INDEX-2\n"  # 2: with the pair index
_STOP_CHECK_EVERY = 64
# Folded bodies kept for phrase checks: 32M characters, 32-128 MB.
FOLD_CACHE_CHARS = 32 * 1024 * 1024  # releases verified between two looks at should_stop


# Releases read between two reports to a build's progress callback.
_PROGRESS_EVERY = 1000
BuildProgress: TypeAlias = Callable[[int, int], None]


class SearchCancelled(Exception):
    """A search was abandoned because its caller no longer wants the answer."""


_ZERO_TO_BIT = bytes.maketrans(b"01", b"\x00\x01")
_ONE = ord("1")
_PREFIX_LEVELS = (1, 2, 3)
_PHONE_FIELD = "phone"
# The qualifiers an index keeps values of, in the order its builder numbers them.
_VALUE_FIELDS = (*FIELDS, _PHONE_FIELD)


def _positions_to_bitmap(positions: Iterable[int], size: int) -> int:
    """A bitmap with the bits of *positions* set: binary digits in ASCII, read as one int."""
    if size == 0:
        return 0
    digits = bytearray(b"0") * size
    # A plain loop: on CPython 3.11 twice as fast as a map of digits.__setitem__
    # consumed in C (30k positions out of 100k: 1.4 against 2.7 ms).
    for position in positions:
        digits[position] = _ONE
    return int(digits[::-1], 2)


def _bitmap_to_positions(bitmap: int, size: int) -> list[int]:
    """The set bits of *bitmap*, ascending, read out at C speed."""
    if bitmap == 0:
        return []
    selectors = format(bitmap, "b").zfill(size)[::-1].encode("ascii").translate(_ZERO_TO_BIT)
    return list(compress(range(size), selectors))


def _union(
    offsets: array[int], postings: array[int], dense: Mapping[int, int], lo: int, hi: int, size: int
) -> int:
    """The bitmap of the releases of entries ``lo:hi`` of a CSR with *dense* bitmaps."""
    if lo >= hi:
        return 0
    bitmap = 0
    if offsets[hi] > offsets[lo]:
        bitmap = _positions_to_bitmap(postings[offsets[lo] : offsets[hi]], size)
    if isinstance(dense, BitmapRows):
        # An index only written: its bitmaps are rows in a memory map, joined there.
        return bitmap | dense.union(lo, hi)
    if dense and hi - lo < len(dense):
        for k in range(lo, hi):
            found = dense.get(k)
            if found is not None:
                bitmap |= found
    else:
        for k, found in dense.items():
            if lo <= k < hi:
                bitmap |= found
    return bitmap


@dataclass(slots=True)
class _PairIndex:
    """Adjacent-token pairs: sorted ``keys`` and, for each, its releases (CSR plus bitmaps)."""

    keys: array[int]
    offsets: array[int]
    postings: array[int]
    dense: dict[int, int]

    def bitmap(self, first: int, lo: int, hi: int, size: int) -> int:
        """The releases holding token *first* followed by a token of ids ``lo:hi``."""
        start = bisect_left(self.keys, first << PAIR_SHIFT | lo)
        end = bisect_left(self.keys, first << PAIR_SHIFT | hi, start)
        return _union(self.offsets, self.postings, self.dense, start, end, size)


def _phrase_in(
    release: Release, pattern: re.Pattern[str], plain: bool, folded_body: Callable[[], str]
) -> bool:
    """Whether *pattern* (``phrase_pattern``) finds its phrase in one text field of *release*.

    The body first: it is where phrases usually are, and most of the text. A
    *plain* release (see ``text_tokens_and_kind``) is searched in its
    ``lower()``, much cheaper than folding; the folded body of the others
    comes from *folded_body* (cached by the index).
    """
    fold = str.lower if plain else fold_for_matching
    fields = release_text_fields(release)
    fields[0], fields[1] = fields[1], fields[0]
    for number, text in enumerate(fields):
        if "\x00" in text:
            text = text.replace("\x00", " ")
        folded = folded_body() if number == 0 and not plain else fold(text)
        if pattern.search(folded):
            return True
    return False


def _read_exactly(handle: io.BufferedIOBase, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise ValueError("damaged search index: wrong length")
    return data


def _read_array(handle: io.BufferedIOBase, code: str, size: int) -> array[int]:
    """An array of *size* bytes read from *handle* into its own buffer (no copy in between)."""
    out = array(code)
    if size % out.itemsize:
        raise ValueError("damaged search index: wrong length")
    # Zeroed pages copied in (calloc): twice as fast as ``array(code, [0]) * n``.
    out.frombytes(bytes(size))
    if size and handle.readinto(memoryview(out).cast("B")) != size:
        raise ValueError("damaged search index: wrong length")
    return out


def _raw(values: array[int] | MappedArray) -> bytes | MappedArray:
    """The bytes of *values* as a read-only view (typed as bytes: read like them); postings
    placed in a memory map as they are, for the writer to read a window at a time."""
    if isinstance(values, MappedArray):
        return values  # written a window at a time: store.search.mapped.pieces
    return memoryview(values).cast("B").toreadonly()  # type: ignore[return-value]


def _bitmap_parts(dense: Mapping[int, int], keys: list[int], nbytes: int) -> Iterable[Part]:
    """The bitmaps of *dense* for sorted *keys* (all of its keys), as pieces of the file."""
    if isinstance(dense, BitmapRows):
        return dense.parts()  # its rows are in ascending order of entry: the keys'
    return (Bitmap(dense[k], nbytes) for k in keys)


def _ids_digest(ids: Sequence[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update("\x1f".join(ids).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass(slots=True)
class _FieldIndex:
    """Distinct folded values of one qualifier and, for each, the releases holding it."""

    keys: list[str]
    offsets: array[int]
    postings: array[int]

    @classmethod
    def from_lists(cls, lists: Mapping[str, array[int]]) -> _FieldIndex:
        keys = sorted(lists)
        offsets = array("Q", [0])
        postings = array("I")
        for key in keys:
            postings.extend(lists[key])
            offsets.append(len(postings))
        return cls(keys, offsets, postings)

    def positions_containing(self, value: str) -> Iterable[int]:
        offsets, postings = self.offsets, self.postings
        return chain.from_iterable(
            postings[offsets[k] : offsets[k + 1]] for k, key in enumerate(self.keys) if value in key
        )


class _Ids(Sequence[str]):
    """Strings appended one at a time, kept as one UTF-8 buffer and where each ends.

    An import's builder holds every release's id until the index is finished: as
    a list of str, about 75 bytes an id of 16 characters; here 24.
    """

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")

    def append(self, value: str) -> None:
        # surrogatepass: an id read from JSON may hold a lone surrogate, kept as it is.
        self._data += value.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("id index out of range")
        start = self._ends[index - 1] if index else 0
        return self._data[start : self._ends[index]].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        data, start = self._data, 0
        for end in self._ends:
            yield data[start:end].decode("utf-8", "surrogatepass")
            start = end


def packed(values: Iterable[str]) -> Sequence[str]:
    """*values* kept as one UTF-8 buffer and where each ends (24 bytes an id of 16
    characters, 72 a fingerprint, against about 75 and 120 in a list of str)."""
    kept = _Ids()
    for value in values:
        kept.append(value)
    return kept


def release_tokens(release: Release, unit: UnitWords | None = None) -> Tokens | None:
    """What :meth:`IndexBuilder.add` needs of *release*'s text, made where it was parsed
    (*unit*: the words of the releases parsed with it, see ``tokenized``)."""
    return tokenized(release_text_fields(release), unit)


class IndexBuilder:
    """What the index needs of each release, read one release at a time.

    ``SearchIndex.build`` reads a sequence through it; an import feeds it the
    releases it stores as it stores them (the tokenising, most of a build's
    Python work, then happens while files are still being parsed), and the
    index is finished, then put in archive order, once the import is done.
    """

    def __init__(self, scratch: Path | None = None) -> None:
        # *scratch*: the folder for the build's working file (the archive's).
        self.scratch = scratch
        self.collector = Collector(scratch)
        # The qualifiers' values (FIELDS, then the phones) wait in a working file.
        self.values = FieldSpill(len(_VALUE_FIELDS), scratch)
        self.ordinals = array("I")
        self.plain = bytearray()
        self.ids = _Ids()
        # Releases read, then not stored as read (already known, kept apart):
        # left out when the index is finished.
        self.dropped: set[int] = set()
        # Where each release not yet settled was added, by id and content: what a
        # drop looks up (see settle).
        self._positions: dict[tuple[str, str], list[int]] = {}

    def __len__(self) -> int:
        return len(self.ids) - len(self.dropped)

    def drop(self, release: Release) -> None:
        """Leave out a release added before (the last one added with its id and content)
        and not settled since."""
        positions = self._positions.get((release.id, release.fingerprint))
        if positions:
            self.dropped.add(positions.pop())

    def settle(self) -> None:
        """The releases added so far are stored as read: none of them will be dropped.

        An import settles after each batch it writes (a drop is only ever of a
        release of the batch being written), so the table a drop looks in holds
        one batch, not the archive: about 250 bytes a release (a tuple, a list and
        the fingerprint for each) that grew with the file.
        """
        self._positions = {}

    def add(self, release: Release, tokens: Tokens | None = None) -> None:
        """Read *release*; *tokens*: its text already tokenised (:func:`release_tokens`)."""
        position = len(self.ids)
        self.ids.append(release.id)
        self._positions.setdefault((release.id, release.fingerprint), []).append(position)
        fields = release_text_fields(release) if tokens is None else []
        self.plain.append(self.collector.add(position, fields, tokens))
        spill = self.values
        for number, name in enumerate(FIELDS):
            values = {field_key(value) for value in field_values(name, release)}
            values.discard("")
            if values:
                spill.add(number, position, values)
        phones = set(release_phones(release))
        if phones:
            spill.add(len(FIELDS), position, phones)
        self.ordinals.append(release_ordinal(release))

    def finish(
        self,
        releases: Sequence[Release],
        *,
        dense_ratio: int = 32,
        prefix_threshold: int | None = None,
        ids: Sequence[str] | None = None,
        places: Sequence[int] | None = None,
        scratch: Path | None = None,
        written_only: bool = False,
    ) -> SearchIndex:
        """The index over *releases*: the releases added in the order they were added
        (those dropped included: the caller leaves them out, see ``reordered``), or,
        given *places* (where each release added is in *releases*, -1 for one left
        out), over *releases* in their order: a new archive's index made in archive
        order at once, without the copy that ``reordered`` makes of it. *scratch*:
        the folder for the build's working file (the archive's). *written_only*:
        the index is to be written, not searched (its pairs' postings then lie in
        a memory map: see ``Collector.finish``; and its working arrays are each mapped
        on their own, see ``store.heap.large_blocks_mapped``)."""
        # An import's end (the index written, not kept): the process ends soon after.
        with large_blocks_mapped() if written_only else nullcontext():
            return self._finished(
                releases,
                dense_ratio=dense_ratio,
                prefix_threshold=prefix_threshold,
                ids=ids,
                places=places,
                scratch=scratch,
                written_only=written_only,
            )

    def _finished(
        self,
        releases: Sequence[Release],
        *,
        dense_ratio: int,
        prefix_threshold: int | None,
        ids: Sequence[str] | None,
        places: Sequence[int] | None,
        scratch: Path | None,
        written_only: bool,
    ) -> SearchIndex:
        import numpy as np

        size = len(releases)
        where = None
        if places is None:
            if size != len(self.ids):
                raise ValueError("the releases are not the ones added")
        else:
            where = np.asarray(places, dtype=np.int64)
            kept = np.sort(where[where >= 0])
            if len(where) != len(self.ids) or not np.array_equal(kept, np.arange(size)):
                raise ValueError("the places are not a reordering of the releases added")
        vocab, (offsets, postings, dense), (pair_keys, pair_postings) = self.collector.finish(
            size, size // max(1, dense_ratio), where, scratch, mapped=written_only
        )
        self.collector = Collector(self.scratch)
        if where is not None:
            if ids is None:
                placed_ids = [""] * size
                for position, release_id in zip(where.tolist(), self.ids, strict=True):
                    if position >= 0:
                        placed_ids[position] = release_id
                ids = placed_ids
            self._put_in_place(where, size)
        fields = self._field_indexes(where)
        date_order, date_sorted = _date_columns(self.ordinals)
        index = SearchIndex(
            releases,
            vocab,
            offsets,
            postings,
            dense,
            {},
            fields,
            date_order,
            date_sorted,
            self.plain,
            _PairIndex(pair_keys, *pair_postings),
            dense_ratio=dense_ratio,
            prefix_threshold=prefix_threshold,
            ids=ids if ids is not None else self.ids,
            by_id=not written_only,
        )
        index._precompute_prefixes()
        return index

    def _field_indexes(self, where: npt.NDArray[np.int64] | None) -> dict[str, _FieldIndex]:
        """Each qualifier's index, made one at a time from the values waiting in the working
        file (*where*: each release's place, -1 for one left out)."""
        places = None if where is None else where.tolist()
        try:
            fields = {}
            for number, name in enumerate(_VALUE_FIELDS):
                fields[name] = _FieldIndex.from_lists(self.values.lists(number, places))
                give_back()  # the field's table of values, made and let go
            return fields
        finally:
            self.values.close()

    def _put_in_place(self, where: npt.NDArray[np.int64], size: int) -> None:
        """The per-release columns moved to the places *where* gives (-1: dropped)."""
        import numpy as np

        kept = where >= 0
        for column in ("ordinals", "plain"):
            old = getattr(self, column)
            values = np.frombuffer(old, dtype=np.uint32 if column == "ordinals" else np.uint8)
            placed = np.zeros(size, dtype=values.dtype)
            placed[where[kept]] = values[kept]
            setattr(
                self,
                column,
                array("I", placed.tobytes()) if column == "ordinals" else bytearray(placed),
            )


def _let_go(values: object) -> None:
    """The pages of *values* read so far let go, when they lie in a memory map."""
    if isinstance(values, MappedArray):
        values.let_go()


def _date_columns(ordinals: array[int]) -> tuple[array[int], array[int]]:
    """The positions of the dated releases by date (ties by position), and their dates.

    Sorted by numpy, not as a list of (date, position) tuples: those were
    100 bytes a release at the index's peak.
    """
    import numpy as np

    dates = np.frombuffer(ordinals, dtype=np.uint32)
    dated = np.flatnonzero(dates).astype(np.uint32)
    # A stable sort of positions taken in ascending order: ties stay by position.
    order = dated[np.argsort(dates[dated], kind="stable")]
    return _u32(order), _u32(dates[order])


def _u32(values: npt.NDArray[np.uint32]) -> array[int]:
    out = array("I")
    out.frombytes(values.tobytes())
    return out


class SearchIndex:
    """The inverted index over a fixed sequence of releases (see the module docstring)."""

    def __init__(
        self,
        releases: Sequence[Release],
        vocab: list[str],
        offsets: array[int],
        postings: array[int],
        dense: dict[int, int],
        prefixes: dict[str, int],
        fields: dict[str, _FieldIndex],
        date_order: array[int],
        date_sorted: array[int],
        plain: bytearray,
        pairs: _PairIndex,
        *,
        dense_ratio: int = 32,
        prefix_threshold: int | None = None,
        ids: Sequence[str] | None = None,
        by_id: bool = True,
    ) -> None:
        self.releases = releases
        # The releases' ids, given by a caller whose releases are read from
        # disk one by one (store.disk.catalogue), so that none is read for them.
        self.ids: Sequence[str] = ids if ids is not None else [r.id for r in releases]
        self.dense_ratio = dense_ratio
        self.prefix_threshold = prefix_threshold
        self.size = len(releases)
        self._vocab = vocab
        self._offsets = offsets
        self._postings = postings
        self._dense = dense
        self._prefixes = prefixes
        self._fields = fields
        self._date_order = date_order
        self._date_sorted = date_sorted
        self._plain = plain  # 1 where a release's text folds like its lower()
        self._pairs = pairs
        self._universe = (1 << self.size) - 1
        self._fold_cache: dict[int, str] = {}
        self._fold_cache_chars = 0
        self._by_id: dict[str, list[int]] | None = None
        if by_id:
            # Made now, where the index is made or loaded (off the UI thread), not at
            # the first search for a mark. Not for an index only written (*by_id*
            # False: an import's), which may never need it: a list a release.
            self._by_id = self._positions_of_ids()

    @property
    def _positions_by_id(self) -> dict[str, list[int]]:
        if self._by_id is None:
            self._by_id = self._positions_of_ids()
        return self._by_id

    def _positions_of_ids(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        # 100,000 lists at 100k: a collection midway walks the whole archive (0.2 s).
        with collector.paused():
            for position, release_id in enumerate(self.ids):
                found.setdefault(release_id, []).append(position)
        return found

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        releases: Sequence[Release],
        *,
        dense_ratio: int = 32,
        prefix_threshold: int | None = None,
        ids: Sequence[str] | None = None,
        progress: BuildProgress | None = None,
        scratch: Path | None = None,
    ) -> SearchIndex:
        """Index *releases* (kept by reference: phrases are verified against them).

        *releases* is read once, in order; *ids*, when given, are their ids
        (see ``__init__``).

        A token in more than ``len(releases) / dense_ratio`` releases is kept
        as a bitmap; a 1-3 character prefix whose rare tokens hold more than
        *prefix_threshold* postings (default: the number of releases, at least
        20,000) gets a precomputed bitmap. *progress* is told
        ``(releases read, of how many)`` as the releases are read, then
        ``(size, size)`` before the sorting that ends the build. *scratch*: the
        folder for the build's working file (the archive's).
        """
        builder = IndexBuilder(scratch)
        size = len(releases)
        for position, release in enumerate(releases):
            if progress is not None and position % _PROGRESS_EVERY == 0:
                progress(position, size)
            builder.add(release)
        if progress is not None:
            progress(size, size)
        return builder.finish(
            releases, dense_ratio=dense_ratio, prefix_threshold=prefix_threshold, ids=ids
        )

    def _precompute_prefixes(self) -> None:
        threshold = self.prefix_threshold
        if threshold is None:
            threshold = max(self.size, 20_000)
        vocab, offsets = self._vocab, self._offsets
        for length in _PREFIX_LEVELS:
            groups: dict[str, tuple[int, int]] = {}
            for k, token in enumerate(vocab):
                head = token[:length]
                if len(head) < length:
                    continue
                first = groups.get(head)
                groups[head] = (k, k + 1) if first is None else (first[0], k + 1)
            for head, (lo, hi) in groups.items():
                if offsets[hi] - offsets[lo] > threshold:
                    self._prefixes[head] = self._range_bitmap(lo, hi)
                    # An index only written: the postings read go back to the file cache.
                    _let_go(self._postings)

    def grown(
        self,
        releases: Sequence[Release],
        added: Sequence[int],
        removed: Sequence[int] = (),
        *,
        ids: Sequence[str] | None = None,
        delta: SearchIndex | None = None,
        consume: bool = False,
    ) -> SearchIndex:
        """This index without its releases at *removed*, grown by those at *added* of *releases*.

        The other positions of *releases* (ascending) hold this index's other
        releases, in this index's order; a changed release is removed and
        added. *delta*, when given, is the index of the added releases in the
        order of *added* (an import builds it as it stores them). The answers
        are those of ``build(releases)`` (``store.search.growth`` says how,
        and why it is much faster). *consume*: this index is not used again, and
        its largest arrays become the grown index's (grown where they lie).
        """
        from store.search import growth

        chosen, dropped = set(added), set(removed)
        kept = iter(p for p in range(len(releases)) if p not in chosen)
        old_places = [-1 if i in dropped else next(kept, -1) for i in range(self.size)]
        if (
            next(kept, None) is not None
            or sum(p >= 0 for p in old_places) + len(dropped) != self.size
        ):
            raise ValueError("the releases are not this index's and the added ones")
        if delta is None:
            # Never a bitmap in the small index: its entries merge into postings.
            delta = SearchIndex.build([releases[p] for p in added], dense_ratio=1)
        elif delta.size != len(added):
            raise ValueError("the added index is not of the added releases")
        return self._merged(
            delta, growth.Renumbering(old_places, added), releases, ids, consume=consume
        )

    def reordered(
        self,
        releases: Sequence[Release],
        places: Sequence[int],
        *,
        ids: Sequence[str] | None = None,
    ) -> SearchIndex:
        """This index with its release *i* at position ``places[i]`` of *releases* (-1: left
        out): an index built in the order an import read them, put in archive order."""
        from store.search import growth

        kept = sorted(p for p in places if p >= 0)
        if kept != list(range(len(releases))) or len(places) != self.size:
            raise ValueError("the places are not a reordering of this index's releases")
        empty = SearchIndex.build([])
        return self._merged(empty, growth.Renumbering(places, []), releases, ids)

    def _merged(
        self,
        delta: SearchIndex,
        places: Any,
        releases: Sequence[Release],
        ids: Sequence[str] | None,
        *,
        consume: bool = False,
    ) -> SearchIndex:
        """This index and *delta* as one over *releases*, each release where *places* puts it."""
        import numpy as np

        from store.search import growth

        vocab, old_ids, new_ids = growth.merge_keys(self._vocab, delta._vocab)
        offsets, postings, dense = growth.merge_postings(
            (self._offsets, self._postings, self._dense),
            (delta._offsets, delta._postings, delta._dense),
            old_ids,
            new_ids,
            len(vocab),
            places,
            reuse=consume,
        )

        def renamed(keys: array[int], ids: Any) -> Any:
            # A pair key names two tokens: both take their merged ids.
            packed = np.frombuffer(keys, dtype=np.uint64)
            first = ids[(packed >> np.uint64(PAIR_SHIFT)).astype(np.int64)].astype(np.uint64)
            second = ids[(packed & np.uint64(0xFFFFFFFF)).astype(np.int64)].astype(np.uint64)
            return (first << np.uint64(PAIR_SHIFT)) | second

        pair_keys, old_pairs, new_pairs = growth.merge_numeric_keys(
            renamed(self._pairs.keys, old_ids), renamed(delta._pairs.keys, new_ids)
        )
        pair_offsets, pair_postings, pair_dense = growth.merge_postings(
            (self._pairs.offsets, self._pairs.postings, self._pairs.dense),
            (delta._pairs.offsets, delta._pairs.postings, delta._pairs.dense),
            old_pairs,
            new_pairs,
            len(pair_keys),
            places,
            reuse=consume,
        )

        fields = {}
        for name, found in self._fields.items():
            more = delta._fields[name]
            keys, old_keys, new_keys = growth.merge_keys(found.keys, more.keys)
            field_offsets, field_postings, _ = growth.merge_postings(
                (found.offsets, found.postings, {}),
                (more.offsets, more.postings, {}),
                old_keys,
                new_keys,
                len(keys),
                places,
            )
            fields[name] = _FieldIndex(keys, field_offsets, field_postings)

        prefixes = dict(
            zip(self._prefixes, places.spread(list(self._prefixes.values())), strict=True)
        )
        for head in prefixes:
            found_in_added = _bitmap_to_positions(delta._prefix_bitmap(head), delta.size)
            prefixes[head] |= places.bitmap_of_added(found_in_added)

        date_sorted, date_order = growth.merge_sorted_pairs(
            np.frombuffer(self._date_sorted, dtype=np.uint32).astype(np.int64),
            places.old[np.frombuffer(self._date_order, dtype=np.uint32).astype(np.int64)],
            np.frombuffer(delta._date_sorted, dtype=np.uint32).astype(np.int64),
            places.new[np.frombuffer(delta._date_order, dtype=np.uint32).astype(np.int64)],
        )
        plain = np.zeros(places.size, dtype=np.uint8)
        plain[places.old[places.kept]] = np.frombuffer(self._plain, dtype=np.uint8)[places.kept]
        plain[places.new] = np.frombuffer(delta._plain, dtype=np.uint8)
        return SearchIndex(
            releases,
            vocab,
            offsets,
            postings,
            dense,
            prefixes,
            fields,
            date_order,
            date_sorted,
            bytearray(plain.tobytes()),
            _PairIndex(growth.as_array("Q", pair_keys), pair_offsets, pair_postings, pair_dense),
            dense_ratio=self.dense_ratio,
            prefix_threshold=self.prefix_threshold,
            ids=ids,
        )

    # -- searching ----------------------------------------------------------------------------

    def search(
        self,
        query: Query,
        states: Mapping[str, ReleaseStateLike] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[int]:
        """Positions (ascending) of the releases *query* matches; the same set as the scan.

        *should_stop* is asked now and then while phrases are verified release
        by release (the one slow part): when it says yes, :class:`SearchCancelled`
        is raised, so a search the user has typed past stops taking CPU.
        """
        if query.is_empty():
            return list(range(self.size))
        states = states if states is not None else {}
        sure = self._universe
        possible = self._universe
        unsure: list[list[tuple[Term, int | re.Pattern[str]]]] = []
        for clause in query.clauses:
            clause_sure = 0
            clause_possible = 0
            checks: list[tuple[Term, int | re.Pattern[str]]] = []
            for term in clause:
                low, high = self._term_bounds(term, states)
                # What decides a release in the margin: the exact bitmap, or for a
                # phrase the pattern that finds it in the folded text.
                checks.append(
                    (term, low if low == high else phrase_pattern(term.tokens, term.prefix))
                )
                if term.negated:
                    low, high = self._universe & ~high, self._universe & ~low
                clause_sure |= low
                clause_possible |= high
            if clause_sure != clause_possible:
                unsure.append(checks)
            sure &= clause_sure
            possible &= clause_possible
            if not possible:
                return []
        result = _bitmap_to_positions(sure, self.size)
        margin = possible & ~sure
        if margin:
            checked = []
            for count, position in enumerate(_bitmap_to_positions(margin, self.size), 1):
                if should_stop is not None and count % _STOP_CHECK_EVERY == 0 and should_stop():
                    raise SearchCancelled
                if self._verify(position, unsure):
                    checked.append(position)
            if checked:
                result = sorted(result + checked)
        return result

    def _verify(
        self, position: int, clauses: list[list[tuple[Term, int | re.Pattern[str]]]]
    ) -> bool:
        """Whether the release at *position* satisfies every clause that holds a phrase.

        The other clauses hold for it already: it is in their exact bitmaps.
        """
        for checks in clauses:
            for term, decider in checks:
                if isinstance(decider, int):
                    found = bool((decider >> position) & 1)
                else:
                    release = self.releases[position]
                    found = _phrase_in(
                        release,
                        decider,
                        bool(self._plain[position]),
                        partial(self._folded_body, position, release),
                    )
                if found != term.negated:
                    break
            else:
                return False
        return True

    def _folded_body(self, position: int, release: Release) -> str:
        """The folded body of a release that is not plain ASCII, kept while memory allows.

        Folding (NFKD, marks removed) costs ~100 µs for a body with accents; a
        phrase typed letter by letter verifies the same releases at every key.
        """
        folded = self._fold_cache.get(position)
        if folded is None:
            body = release.body.replace("\x00", " ") if "\x00" in release.body else release.body
            folded = fold_for_matching(body)
            if self._fold_cache_chars + len(folded) <= FOLD_CACHE_CHARS:
                self._fold_cache[position] = folded
                self._fold_cache_chars += len(folded)
        return folded

    def _term_bounds(self, term: Term, states: Mapping[str, ReleaseStateLike]) -> tuple[int, int]:
        """(surely matching, possibly matching) bitmaps of one term, ignoring negation."""
        if term.kind == "text":
            return self._text_bounds(term.tokens, term.prefix)
        if term.kind == "field":
            exact = self._field_bitmap(term)
            if term.field == "tag":
                # The user's own tags are not indexed (they change with a key
                # press): looked up in the states, as is:starred is.
                exact |= self._user_tag_bitmap(term.value, states)
        elif term.kind == "date":
            exact = self._date_bitmap(term.start, term.end)
        else:
            exact = self._state_bitmap(term.field, states)
        return exact, exact

    def _text_bounds(self, tokens: tuple[str, ...], prefix: bool) -> tuple[int, int]:
        """Bounds of a word or phrase (the last token a prefix when *prefix*).

        A word and a two-token phrase are exact. A longer phrase is bounded by
        the AND of its pairs: each pair is somewhere in the release, not
        necessarily one after the other, so the releases in it are verified.
        """
        if len(tokens) == 1:
            exact = self._prefix_bitmap(tokens[0]) if prefix else self._token_bitmap(tokens[0])
            return exact, exact
        bound = self._universe
        last = len(tokens) - 2
        # Each distinct pair once: a pasted paragraph repeats "of the" dozens
        # of times, and "the the the ..." (3,000 words) took 6 s at 3k releases.
        pairs = dict.fromkeys(
            (first, second, prefix and number == last)
            for number, (first, second) in enumerate(pairwise(tokens))
        )
        for first, second, is_prefix in pairs:
            bound &= self._pair_bitmap(first, second, is_prefix)
            if not bound:
                return 0, 0
        return (bound, bound) if len(tokens) == 2 else (0, bound)

    def _pair_bitmap(self, first: str, second: str, prefix: bool) -> int:
        """The releases where token *first* is directly followed by *second* in one field."""
        lo, hi = self._vocab_range(first, False)
        if lo == hi:
            return 0
        second_lo, second_hi = self._vocab_range(second, prefix)
        if second_lo == second_hi:
            return 0
        return self._pairs.bitmap(lo, second_lo, second_hi, self.size)

    def _vocab_range(self, token: str, prefix: bool) -> tuple[int, int]:
        """``(lo, hi)``: the ids of *token*, or of every token starting with it when *prefix*."""
        vocab = self._vocab
        lo = bisect_left(vocab, token)
        if not prefix:
            return (lo, lo + 1) if lo < len(vocab) and vocab[lo] == token else (lo, lo)
        hi = bisect_left(vocab, token + "\U0010ffff", lo)
        while hi < len(vocab) and vocab[hi].startswith(token):
            hi += 1  # tokens that themselves hold U+10FFFF after the prefix
        return lo, hi

    def _token_bitmap(self, token: str) -> int:
        return self._range_bitmap(*self._vocab_range(token, False))

    def _prefix_bitmap(self, prefix: str) -> int:
        cached = self._prefixes.get(prefix)
        if cached is not None:
            return cached
        return self._range_bitmap(*self._vocab_range(prefix, True))

    def _range_bitmap(self, lo: int, hi: int) -> int:
        """The union of the releases of ``vocab[lo:hi]``."""
        return _union(self._offsets, self._postings, self._dense, lo, hi, self.size)

    def _field_bitmap(self, term: Term) -> int:
        sources = [self._fields[term.field].positions_containing(term.value)]
        if term.digits:
            sources.append(self._fields[_PHONE_FIELD].positions_containing(term.digits))
        return _positions_to_bitmap(chain.from_iterable(sources), self.size)

    def _date_bitmap(self, start: int, end: int) -> int:
        lo = bisect_left(self._date_sorted, start)
        hi = bisect_right(self._date_sorted, end)
        if lo >= hi:
            return 0
        return _positions_to_bitmap(self._date_order[lo:hi], self.size)

    def _user_tag_bitmap(self, value: str, states: Mapping[str, ReleaseStateLike]) -> int:
        positions_by_id = self._positions_by_id
        chosen = [
            positions_by_id[release_id]
            for release_id, state in states.items()
            if state.tags and release_id in positions_by_id and user_tag_matches(value, state.tags)
        ]
        return _positions_to_bitmap(chain.from_iterable(chosen), self.size)

    def value_positions(self, name: str) -> Iterable[tuple[str, Sequence[int]]]:
        """Each distinct folded value of qualifier *name* and the positions holding it (facets)."""
        found = self._fields.get(name)
        if found is None:
            return ()
        offsets, postings = found.offsets, found.postings
        return ((key, postings[offsets[k] : offsets[k + 1]]) for k, key in enumerate(found.keys))

    def _state_bitmap(self, which: str, states: Mapping[str, ReleaseStateLike]) -> int:
        wanted = "starred" if which == "starred" else "read"
        positions_by_id = self._positions_by_id
        chosen = [
            positions_by_id[release_id]
            for release_id, state in states.items()
            if getattr(state, wanted) and release_id in positions_by_id
        ]
        bitmap = _positions_to_bitmap(chain.from_iterable(chosen), self.size)
        return self._universe & ~bitmap if which == "unread" else bitmap

    # -- storing ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """A compact serialised form; load it with :meth:`from_file` over the same releases."""
        return b"".join(pieces(self.to_parts()))

    def to_parts(self) -> list[Part]:
        """:meth:`to_bytes` in pieces, to be written one after the other (no 300 MB join).

        The arrays are given as views of their memory, not copied (a view is read
        like bytes by ``write`` and ``zlib.crc32``; 250 MB less to copy at 100k);
        the bitmaps as :class:`Bitmap`, made into bytes one at a time as written.
        """
        nbytes = (self.size + 7) // 8
        blobs: list[Part] = [_raw(self._offsets), _raw(self._postings)]
        dense_keys = sorted(self._dense)
        blobs.extend(_bitmap_parts(self._dense, dense_keys, nbytes))
        prefix_keys = sorted(self._prefixes)
        blobs.extend(Bitmap(self._prefixes[p], nbytes) for p in prefix_keys)
        field_names = sorted(self._fields)
        for name in field_names:
            found = self._fields[name]
            blobs.extend((_raw(found.offsets), _raw(found.postings)))
        blobs.extend((_raw(self._date_order), _raw(self._date_sorted), bytes(self._plain)))
        pairs = self._pairs
        blobs.extend((_raw(pairs.keys), _raw(pairs.offsets), _raw(pairs.postings)))
        pair_dense = sorted(pairs.dense)
        blobs.extend(_bitmap_parts(pairs.dense, pair_dense, nbytes))
        meta: dict[str, Any] = {
            "size": self.size,
            "ids": _ids_digest(self.ids),
            "dense_ratio": self.dense_ratio,
            "prefix_threshold": self.prefix_threshold,
            "vocab": self._vocab,
            "dense": dense_keys,
            "prefixes": prefix_keys,
            "fields": {name: self._fields[name].keys for name in field_names},
            "pair_dense": pair_dense,
            "blobs": [part_size(blob) for blob in blobs],
        }
        head = orjson.dumps(meta)
        return [_MAGIC, struct.pack("<Q", len(head)), head, *blobs]

    @classmethod
    def from_file(
        cls,
        handle: io.BufferedIOBase,
        releases: Sequence[Release],
        ids: Sequence[str] | None = None,
    ) -> SearchIndex:
        """Load an index written by :meth:`to_bytes` from *handle* (*ids*: see ``__init__``).

        Each array is read straight into its own memory: at 100k releases the
        file is ~300 MB, and holding it whole besides the arrays made from it
        would double the browser's peak memory.
        Raises ``ValueError`` when it is not an index or was built over other
        releases (the caller rebuilds: the index is derived data).
        """
        if handle.read(len(_MAGIC)) != _MAGIC:
            raise ValueError("not a Pressroom search index")
        try:
            (head_size,) = struct.unpack("<Q", _read_exactly(handle, 8))
            meta = orjson.loads(_read_exactly(handle, head_size))
        except (struct.error, orjson.JSONDecodeError) as error:
            raise ValueError(f"damaged search index: {error}") from error
        if ids is None:
            ids = [release.id for release in releases]
        if meta.get("size") != len(releases) or meta.get("ids") != _ids_digest(ids):
            raise ValueError("the search index was built over other releases")
        if set(meta.get("fields") or ()) != {*FIELDS, _PHONE_FIELD}:
            # Written before a qualifier was added (issuer:): rebuilt, never half-answered.
            raise ValueError("the search index was built by another version")
        pending = iter(meta["blobs"])
        # A mapped file gives its arrays as views (store.search.index_file._Mapped).
        take: Callable[[str, int], array[int]] | None = getattr(handle, "take", None)

        def typed(code: str) -> array[int]:
            if take is not None:
                return take(code, next(pending))
            return _read_array(handle, code, next(pending))

        def blob() -> bytes:
            return _read_exactly(handle, next(pending))

        try:
            offsets, postings = typed("Q"), typed("I")
            dense = {k: int.from_bytes(blob(), "little") for k in meta["dense"]}
            prefixes = {p: int.from_bytes(blob(), "little") for p in meta["prefixes"]}
            fields = {}
            for name, keys in sorted(meta["fields"].items()):
                fields[name] = _FieldIndex(keys, typed("Q"), typed("I"))
            date_order, date_sorted = typed("I"), typed("I")
            plain = bytearray(blob())
            pair_keys, pair_offsets, pair_postings = typed("Q"), typed("Q"), typed("I")
            pair_dense = {k: int.from_bytes(blob(), "little") for k in meta["pair_dense"]}
        except (StopIteration, KeyError) as error:  # fewer blobs or keys than written
            raise ValueError(f"damaged search index: {error!r}") from error
        if next(pending, None) is not None or handle.read(1):
            raise ValueError("damaged search index: wrong length")
        return cls(
            releases,
            meta["vocab"],
            offsets,
            postings,
            dense,
            prefixes,
            fields,
            date_order,
            date_sorted,
            plain,
            _PairIndex(pair_keys, pair_offsets, pair_postings, pair_dense),
            dense_ratio=int(meta.get("dense_ratio") or 32),
            prefix_threshold=meta.get("prefix_threshold"),
            ids=ids,
        )
