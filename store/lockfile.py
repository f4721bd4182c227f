"""The cross-process write lock of a store file: ``<store>.lock`` held with ``flock``.

Only writers take it, and only for one read-merge-write; readers never need
it because the store file is only ever replaced whole (see store.storage).
The kernel drops a ``flock`` when its holder dies, so a killed importer never
leaves the store locked. The lock file itself is never deleted: unlinking a
file other processes may be waiting on would let two writers in at once.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from store.errors import StoreError, StoreLockedError

DEFAULT_TIMEOUT = 10.0  # seconds; an import batch takes well under a second to write

# Waiting polls with backoff: flock has no timeout of its own, and a blocking
# flock in a signal-driven wait would not be interruptible cleanly.
_FIRST_POLL = 0.005
_LONGEST_POLL = 0.1


def lock_path_for(store_path: Path) -> Path:
    """Where the lock of *store_path* lives (next to it, so on the same file system)."""
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    """An exclusive, re-entrant (within one thread) lock on a store file.

    ``with lock:`` acquires it, waiting up to *timeout* seconds, then raises
    :class:`StoreLockedError` naming the holder's pid.
    """

    def __init__(self, store_path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.store_path = store_path
        self.path = lock_path_for(store_path)
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise StoreError(
                f"cannot lock {self.store_path} for writing ({exc.strerror or exc})"
            ) from exc
        try:
            self._wait_for(fd)
            # The pid is only for the message another waiter shows; the lock is the flock.
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth or self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def _wait_for(self, fd: int) -> None:
        deadline = time.monotonic() + self.timeout
        pause = _FIRST_POLL
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            except OSError as exc:
                raise StoreError(
                    f"cannot lock {self.store_path} for writing ({exc.strerror or exc})"
                ) from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreLockedError(
                    f"{self.store_path} is being written by another process{_holder(fd)}; try again"
                )
            time.sleep(min(pause, remaining))
            pause = min(pause * 2, _LONGEST_POLL)


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""
