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
- release dates as ordinals sorted once, so a date range is two bisects.

Every condition becomes a bitmap; a clause is the OR of its terms, the query
the AND of its clauses, negations are differences from the universe, and the
result is read out of the final bitmap at C speed. Phrases are bounded by the
bitmaps of their tokens (a superset) and only the releases in that margin are
checked with ``Query.matches``, the reference scan, so the index and the scan
cannot disagree.
"""

from __future__ import annotations

import hashlib
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, repeat
from typing import Any

import orjson

from store.query import (
    FIELDS,
    Query,
    ReleaseStateLike,
    Term,
    field_values,
    release_ordinal,
    release_phones,
    release_text_fields,
)
from store.records import Release
from store.text_tokens import field_key, fold_for_matching, phrase_pattern, text_tokens_and_kind

_MAGIC = b"PRESSROOM-INDEX-1\n"
_STOP_CHECK_EVERY = 64
# Folded bodies kept for phrase checks: 32M characters, 32-128 MB.
FOLD_CACHE_CHARS = 32 * 1024 * 1024  # releases verified between two looks at should_stop


class SearchCancelled(Exception):
    """A search was abandoned because its caller no longer wants the answer."""


_ZERO_TO_BIT = bytes.maketrans(b"01", b"\x00\x01")
_PREFIX_LEVELS = (1, 2, 3)
_PHONE_FIELD = "phone"


def _shifted(positions: array[int], shift: int) -> array[int]:
    return array("I", map(shift.__add__, positions)) if shift else positions


def _positions_to_bitmap(positions: Iterable[int], size: int) -> int:
    """A bitmap with the bits of *positions* set, built at C speed."""
    if size == 0:
        return 0
    buf = bytearray(b"0") * size
    deque(map(buf.__setitem__, positions, repeat(49)), maxlen=0)
    return int(buf[::-1], 2)


def _bitmap_to_positions(bitmap: int, size: int) -> list[int]:
    """The set bits of *bitmap*, ascending, read out at C speed."""
    if bitmap == 0:
        return []
    selectors = format(bitmap, "b").zfill(size)[::-1].encode("ascii").translate(_ZERO_TO_BIT)
    return list(compress(range(size), selectors))


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


def _ids_digest(releases: Sequence[Release]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update("\x1f".join(release.id for release in releases).encode("utf-8", "surrogatepass"))
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

    def merged(self, tail: _FieldIndex, shift: int) -> _FieldIndex:
        """This index followed by *tail*, whose positions start at *shift*."""
        lists: dict[str, array[int]] = {}
        for source, offset in ((self, 0), (tail, shift)):
            for k, key in enumerate(source.keys):
                found = source.postings[source.offsets[k] : source.offsets[k + 1]]
                lists.setdefault(key, array("I")).extend(_shifted(found, offset))
        return _FieldIndex.from_lists(lists)

    def positions_containing(self, value: str) -> Iterable[int]:
        offsets, postings = self.offsets, self.postings
        return chain.from_iterable(
            postings[offsets[k] : offsets[k + 1]] for k, key in enumerate(self.keys) if value in key
        )

    def memory_bytes(self) -> int:
        return (
            sum(len(key) + 49 for key in self.keys)
            + self.offsets.itemsize * len(self.offsets)
            + self.postings.itemsize * len(self.postings)
        )


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
        *,
        dense_ratio: int = 32,
        prefix_threshold: int | None = None,
    ) -> None:
        self.releases = releases
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
        self._universe = (1 << self.size) - 1
        self._positions_by_id: dict[str, list[int]] = {}
        self._fold_cache: dict[int, str] = {}
        self._fold_cache_chars = 0
        for position, release in enumerate(releases):
            self._positions_by_id.setdefault(release.id, []).append(position)

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        releases: Sequence[Release],
        *,
        dense_ratio: int = 32,
        prefix_threshold: int | None = None,
    ) -> SearchIndex:
        """Index *releases* (kept by reference: phrases are verified against them).

        A token in more than ``len(releases) / dense_ratio`` releases is kept
        as a bitmap; a 1-3 character prefix whose rare tokens hold more than
        *prefix_threshold* postings (default: the number of releases, at least
        20,000) gets a precomputed bitmap.
        """
        size = len(releases)
        lists: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
        field_lists: dict[str, defaultdict[str, array[int]]] = {
            name: defaultdict(partial(array, "I")) for name in (*FIELDS, _PHONE_FIELD)
        }
        ordinals = array("I")
        plain = bytearray()
        append = array.append
        for position, release in enumerate(releases):
            found_tokens, is_plain = text_tokens_and_kind("\n".join(release_text_fields(release)))
            tokens = set(found_tokens)
            plain.append(is_plain)
            deque(map(append, map(lists.__getitem__, tokens), repeat(position)), maxlen=0)
            for name in FIELDS:
                keys = {field_key(value) for value in field_values(name, release)}
                bucket = field_lists[name]
                for key in keys:
                    if key:
                        bucket[key].append(position)
            for digits in set(release_phones(release)):
                field_lists[_PHONE_FIELD][digits].append(position)
            ordinals.append(release_ordinal(release))

        dense_cut = size // max(1, dense_ratio)
        vocab = sorted(lists)
        offsets = array("Q", [0])
        postings = array("I")
        dense: dict[int, int] = {}
        for k, token in enumerate(vocab):
            found = lists[token]
            if len(found) > dense_cut:
                dense[k] = _positions_to_bitmap(found, size)
            else:
                postings.extend(found)
            offsets.append(len(postings))
        del lists

        fields = {name: _FieldIndex.from_lists(found) for name, found in field_lists.items()}
        dated = sorted((o, p) for p, o in enumerate(ordinals) if o)
        date_order = array("I", [p for _, p in dated])
        date_sorted = array("I", [o for o, _ in dated])
        index = cls(
            releases,
            vocab,
            offsets,
            postings,
            dense,
            {},
            fields,
            date_order,
            date_sorted,
            plain,
            dense_ratio=dense_ratio,
            prefix_threshold=prefix_threshold,
        )
        index._precompute_prefixes()
        return index

    def extended(self, releases: Sequence[Release]) -> SearchIndex:
        """The index of *releases*, whose first ``self.size`` are the ones indexed here.

        Only the new releases are read (an import adds to the archive without
        a rebuild); the result is a new index, this one is unchanged. Releases
        edited or removed in the meantime need a full :meth:`build`.
        Raises ``ValueError`` when *releases* does not start with this index's.
        """
        old = self.size
        if len(releases) < old or any(releases[i].id != self.releases[i].id for i in range(old)):
            raise ValueError("the releases do not extend the indexed ones")
        tail = SearchIndex.build(
            releases[old:], dense_ratio=self.dense_ratio, prefix_threshold=10**18
        )
        size = len(releases)
        dense_cut = size // max(1, self.dense_ratio)

        vocab = sorted(set(self._vocab).union(tail._vocab))
        offsets = array("Q", [0])
        postings = array("I")
        dense: dict[int, int] = {}
        mine = {token: k for k, token in enumerate(self._vocab)}
        theirs = {token: k for k, token in enumerate(tail._vocab)}
        empty = array("I")
        for k, token in enumerate(vocab):
            a = mine.get(token, -1)
            b = theirs.get(token, -1)
            before = self._slice(a) if a >= 0 and a not in self._dense else empty
            after = _shifted(tail._slice(b), old) if b >= 0 and b not in tail._dense else empty
            bitmap = self._dense.get(a, 0) | (tail._dense.get(b, 0) << old)
            if bitmap or len(before) + len(after) > dense_cut:
                if before or after:
                    bitmap |= _positions_to_bitmap(chain(before, after), size)
                dense[k] = bitmap
            else:
                postings.extend(before)
                postings.extend(after)
            offsets.append(len(postings))

        fields = {name: self._fields[name].merged(tail._fields[name], old) for name in self._fields}
        dated = sorted(
            chain(
                zip(self._date_sorted, self._date_order, strict=True),
                zip(tail._date_sorted, _shifted(tail._date_order, old), strict=True),
            )
        )
        index = SearchIndex(
            releases,
            vocab,
            offsets,
            postings,
            dense,
            {},
            fields,
            array("I", [p for _, p in dated]),
            array("I", [o for o, _ in dated]),
            self._plain + tail._plain,
            dense_ratio=self.dense_ratio,
            prefix_threshold=self.prefix_threshold,
        )
        index._precompute_prefixes()
        return index

    def _slice(self, k: int) -> array[int]:
        return self._postings[self._offsets[k] : self._offsets[k + 1]]

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

    def count(self, query: Query, states: Mapping[str, ReleaseStateLike] | None = None) -> int:
        """How many releases *query* matches."""
        return len(self.search(query, states))

    def _term_bounds(self, term: Term, states: Mapping[str, ReleaseStateLike]) -> tuple[int, int]:
        """(surely matching, possibly matching) bitmaps of one term, ignoring negation."""
        if term.kind == "text":
            tokens = term.tokens
            if len(tokens) == 1:
                exact = (
                    self._prefix_bitmap(tokens[0]) if term.prefix else self._token_bitmap(tokens[0])
                )
                return exact, exact
            bound = self._universe
            for token in tokens[:-1]:
                bound &= self._token_bitmap(token)
                if not bound:
                    return 0, 0
            last = (
                self._prefix_bitmap(tokens[-1]) if term.prefix else self._token_bitmap(tokens[-1])
            )
            return 0, bound & last
        if term.kind == "field":
            exact = self._field_bitmap(term)
        elif term.kind == "date":
            exact = self._date_bitmap(term.start, term.end)
        else:
            exact = self._state_bitmap(term.field, states)
        return exact, exact

    def _token_bitmap(self, token: str) -> int:
        k = bisect_left(self._vocab, token)
        if k == len(self._vocab) or self._vocab[k] != token:
            return 0
        return self._range_bitmap(k, k + 1)

    def _prefix_bitmap(self, prefix: str) -> int:
        cached = self._prefixes.get(prefix)
        if cached is not None:
            return cached
        lo = bisect_left(self._vocab, prefix)
        hi = bisect_left(self._vocab, prefix + "\U0010ffff", lo)
        while hi < len(self._vocab) and self._vocab[hi].startswith(prefix):
            hi += 1  # tokens that themselves hold U+10FFFF after the prefix
        return self._range_bitmap(lo, hi)

    def _range_bitmap(self, lo: int, hi: int) -> int:
        """The union of the releases of ``vocab[lo:hi]``."""
        if lo >= hi:
            return 0
        offsets = self._offsets
        bitmap = 0
        if offsets[hi] > offsets[lo]:
            bitmap = _positions_to_bitmap(self._postings[offsets[lo] : offsets[hi]], self.size)
        dense = self._dense
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

    # -- measuring and storing ------------------------------------------------------------

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocab)

    def memory_bytes(self) -> int:
        """An estimate of the index's own memory (the releases themselves not counted)."""
        bitmap_bytes = sum((self.size + 7) // 8 + 32 for _ in chain(self._dense, self._prefixes))
        return (
            sum(len(token) + 49 + 8 for token in self._vocab)  # str objects + list slots
            + 8 * len(self._offsets)
            + 4 * len(self._postings)
            + bitmap_bytes
            + sum(field.memory_bytes() for field in self._fields.values())
            + 8 * (len(self._date_order) + len(self._date_sorted))
            + len(self._plain)
            + 120 * len(self._positions_by_id)
        )

    def to_bytes(self) -> bytes:
        """A compact serialised form; load it with :meth:`from_bytes` over the same releases."""
        nbytes = (self.size + 7) // 8
        blobs: list[bytes] = [self._offsets.tobytes(), self._postings.tobytes()]
        dense_keys = sorted(self._dense)
        blobs.extend(self._dense[k].to_bytes(nbytes, "little") for k in dense_keys)
        prefix_keys = sorted(self._prefixes)
        blobs.extend(self._prefixes[p].to_bytes(nbytes, "little") for p in prefix_keys)
        field_names = sorted(self._fields)
        for name in field_names:
            found = self._fields[name]
            blobs.extend((found.offsets.tobytes(), found.postings.tobytes()))
        blobs.extend((self._date_order.tobytes(), self._date_sorted.tobytes(), bytes(self._plain)))
        meta: dict[str, Any] = {
            "size": self.size,
            "ids": _ids_digest(self.releases),
            "dense_ratio": self.dense_ratio,
            "prefix_threshold": self.prefix_threshold,
            "vocab": self._vocab,
            "dense": dense_keys,
            "prefixes": prefix_keys,
            "fields": {name: self._fields[name].keys for name in field_names},
            "blobs": [len(blob) for blob in blobs],
        }
        head = orjson.dumps(meta)
        return b"".join((_MAGIC, struct.pack("<Q", len(head)), head, *blobs))

    @classmethod
    def from_bytes(cls, data: bytes, releases: Sequence[Release]) -> SearchIndex:
        """Load an index written by :meth:`to_bytes`.

        Raises ``ValueError`` when *data* is not an index or was built over
        other releases (the caller rebuilds: the index is derived data).
        """
        if not data.startswith(_MAGIC):
            raise ValueError("not a Pressroom search index")
        start = len(_MAGIC)
        try:
            (head_size,) = struct.unpack_from("<Q", data, start)
            start += 8
            meta = orjson.loads(data[start : start + head_size])
            start += head_size
        except (struct.error, orjson.JSONDecodeError) as error:
            raise ValueError(f"damaged search index: {error}") from error
        if meta.get("size") != len(releases) or meta.get("ids") != _ids_digest(releases):
            raise ValueError("the search index was built over other releases")
        view = memoryview(data)
        sizes: list[int] = meta["blobs"]
        if start + sum(sizes) != len(data):
            raise ValueError("damaged search index: wrong length")
        chunks: list[memoryview] = []
        for length in sizes:
            chunks.append(view[start : start + length])
            start += length
        pending = iter(chunks)

        def typed(code: str) -> array[int]:
            out = array(code)
            out.frombytes(next(pending))
            return out

        offsets, postings = typed("Q"), typed("I")
        dense = {k: int.from_bytes(next(pending), "little") for k in meta["dense"]}
        prefixes = {p: int.from_bytes(next(pending), "little") for p in meta["prefixes"]}
        fields = {}
        for name, keys in sorted(meta["fields"].items()):
            fields[name] = _FieldIndex(keys, typed("Q"), typed("I"))
        date_order, date_sorted = typed("I"), typed("I")
        plain = bytearray(next(pending))
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
            dense_ratio=int(meta.get("dense_ratio") or 32),
            prefix_threshold=meta.get("prefix_threshold"),
        )
