"""A catalogue's fresh rows while its store is read: a few buffers, not objects a release."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

# A sort key's parts in bytes that sort as archive_order's tuple: NUL, the smallest
# byte, is escaped in each part, and the date's part ends with two of them, which sort
# before anything an escaped part goes on with (a date that begins another sorts first).
_NUL, _ESCAPED_NUL, _END = "\0", "\0\1", b"\0\0"


def order_key(order: tuple[int, str, str]) -> bytes:
    """*order* (``catalogue.archive_order``'s tuple) as bytes that sort the same way.

    Compared as bytes, UTF-8 sorts as the code points it encodes (lone surrogates
    included, written with ``surrogatepass``), so the tuples' order is kept, ties too.
    """
    flag, date, title = order
    return b"%d%s%s%s" % (
        flag,
        date.replace(_NUL, _ESCAPED_NUL).encode("utf-8", "surrogatepass"),
        _END,
        title.replace(_NUL, _ESCAPED_NUL).encode("utf-8", "surrogatepass"),
    )


class FreshRows:
    """The rows a catalogue's build reads from its store, by store key, in store order,
    until they are sorted into archive order.

    As a tuple of Python objects each (the sort key's tuple and two strings, the row's
    JSON, three ints) they were about 600 bytes a release of small blocks, every one of
    them alive at once at an import's end: Python's allocator took new arenas for them
    (51 MiB at 230,000 releases), and the few objects that outlived the build kept most
    of those arenas from being handed back through the index's finish. Here a row is its
    JSON and its sort key appended to two buffers and three numbers to arrays; only the
    table by store key, which a journal's entry replaces or removes, is a dict.
    """

    def __init__(self) -> None:
        self._rows = bytearray()
        self._row_ends = array("Q", [0])
        self._keys = bytearray()
        self._key_ends = array("Q", [0])
        self.offsets = array("Q")
        self.lengths = array("I")
        self.checks = array("I")
        # Store key -> row number: a key given again keeps its place (a dict's way, as the
        # dict of tuples it replaces did); one removed and given again goes last.
        self._numbers: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._numbers)

    def put(self, key: str, row: bytes, order: bytes, offset: int, length: int, check: int) -> None:
        """The row (its JSON) of the document *key* lying at *offset*, *order* its sort key
        (:func:`order_key`)."""
        number = len(self.offsets)
        self._rows += row
        self._row_ends.append(len(self._rows))
        self._keys += order
        self._key_ends.append(len(self._keys))
        self.offsets.append(offset)
        self.lengths.append(length)
        self.checks.append(check)
        self._numbers[key] = number

    def pop(self, key: str) -> None:
        """Forget the row of *key*, if there is one (removed or replaced by the journal)."""
        self._numbers.pop(key, None)

    def sorted(self) -> list[int]:
        """The row numbers in archive order (a stable sort: ties in store order); the table
        by store key is let go."""
        numbers = list(self._numbers.values())
        self._numbers = {}
        keys, ends = memoryview(self._keys), self._key_ends

        def key(number: int) -> bytes:
            return keys[ends[number] : ends[number + 1]].tobytes()

        numbers.sort(key=key)
        return numbers

    def row(self) -> Callable[[int], memoryview]:
        """A function giving a row's JSON by its number (a view of the buffer)."""
        rows, ends = memoryview(self._rows), self._row_ends

        def row(number: int) -> memoryview:
            return rows[ends[number] : ends[number + 1]]

        return row

    def each(self, numbers: list[int]) -> Iterator[tuple[memoryview, int, int, int]]:
        """The JSON, offset, length and CRC-32 of the rows *numbers*, in that order."""
        row = self.row()
        for number in numbers:
            yield row(number), self.offsets[number], self.lengths[number], self.checks[number]
