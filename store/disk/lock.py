"""The cross-process write lock of a store file: ``<store>.lock`` held with ``flock``.

Only writers take it, and only for one read-merge-write; readers never need
it because the store file is only ever replaced whole (see store.disk.storage).
The kernel drops a ``flock`` when its holder dies, so a killed importer never
leaves the store locked. The lock file itself is never deleted: unlinking a
file other processes may be waiting on would let two writers in at once.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from store.errors import StoreError, StoreLockedError
from store.sanitize import clean_line

DEFAULT_TIMEOUT = 10.0  # seconds; an import batch takes well under a second to write

# Waiting polls: flock has no timeout of its own, and the alarm signal that
# could interrupt a blocking flock never reaches a worker thread.
_FIRST_POLL = 0.001
_LONGEST_POLL = 0.005
# A writer that releases the lock while another process waits for it holds
# back this long before taking it again: otherwise a polling waiter starves
# behind an importer's back-to-back batches. Longer than the longest poll.
# Waiters say they wait by writing a mark into the lock file (the pid line
# is before it); the next holder's truncation clears it.
_COURTESY = 0.012
_WAITING_MARK = b"w"
_WAITING_OFFSET = 32


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
        self._hold_back_until = 0.0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        pause = self._hold_back_until - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        fd = self._open_lock_file()
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

    def _open_lock_file(self) -> int:
        """The lock file, opened only if it is a regular file of its own (SECURITY.md D9).

        Never through a symbolic link (a link to the user's file would have it
        truncated and a pid written into it) and never blocking (a FIFO in its
        place would hang every command).
        """
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            why = "it is a symbolic link" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
            raise StoreError(
                f"cannot lock {_shown(self.store_path)} for writing: {_shown(self.path)} "
                f"cannot be used ({why}); remove it if no Pressroom is running"
            ) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StoreError(
                f"cannot lock {_shown(self.store_path)} for writing: {_shown(self.path)} is not "
                "a regular file; remove it if no Pressroom is running"
            )
        return fd

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth or self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if _someone_waits(fd):
                self._hold_back_until = time.monotonic() + _COURTESY
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
                    f"cannot lock {_shown(self.store_path)} for writing ({exc.strerror or exc})"
                ) from exc
            _say_waiting(fd)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreLockedError(
                    f"{_shown(self.store_path)} is being written by another process"
                    f"{_holder(fd)}; try again"
                )
            time.sleep(min(pause, remaining))
            pause = min(pause * 2, _LONGEST_POLL)


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, _WAITING_OFFSET, 0).decode("ascii", "replace").split("\n")[0]
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


def _say_waiting(fd: int) -> None:
    # Only a courtesy: if the mark cannot be written the waiter still gets the lock, later.
    with suppress(OSError):
        os.pwrite(fd, _WAITING_MARK, _WAITING_OFFSET)


def _someone_waits(fd: int) -> bool:
    try:
        return os.pread(fd, 1, _WAITING_OFFSET) == _WAITING_MARK
    except OSError:
        return False


def _shown(path: Path) -> str:
    return clean_line(os.fspath(path))
