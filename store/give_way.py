"""Long builds in the browser's background that step aside while the user types."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar, cast

__all__ = ["EVERY", "BuildStopped", "handed_over", "looked_at"]

T = TypeVar("T")

# Items between two looks at should_stop. A build's item is 5-20 µs of work at
# 100k (a release's contacts, a directory entry's merge), so 256 of them are a
# few milliseconds: a key typed meanwhile waits no longer than that for the
# interpreter's lock, where a build that never looked held half of it for seconds.
EVERY = 256


class BuildStopped(Exception):
    """A background build was abandoned: whoever asked for it is gone."""


def looked_at(
    items: Iterable[T], should_stop: Callable[[], bool] | None, every: int = EVERY
) -> Iterator[T]:
    """*items*, asking *should_stop* before the first and then every *every* of them.

    *should_stop* may wait (the browser's waits out a burst of typing, see
    ``PauseCollector.wait_for_pause``) and says True when the build is to end:
    then :class:`BuildStopped` is raised where the build stands.
    """
    if should_stop is None:
        yield from items
        return
    for n, item in enumerate(items):
        if not n % every and should_stop():
            raise BuildStopped
        yield item


def handed_over(items: list[T]) -> Iterator[T]:
    """*items* one by one, each let go of by the list as it is given (the list ends empty).

    For a build that is the last to read a big list of objects: each is freed when the
    build is done with it, between its looks at should_stop, instead of all of them at
    once when the list goes (a release's contact blocks at 100k: 50 ms holding the
    interpreter's lock in one go, against the key typed meanwhile).
    """
    emptied = cast("list[T | None]", items)
    for position, item in enumerate(items):
        emptied[position] = None
        yield item
    items.clear()
