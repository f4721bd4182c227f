"""The one thread that touches the store: TinyDB supports neither threads nor sharing."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from textual.app import App

T = TypeVar("T")


class StoreThread:
    """Runs store work in order on a single thread and reports back on the UI thread."""

    def __init__(self, app: App[object]) -> None:
        self._app = app
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressroom-store")

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], object] | None = None,
        failed: Callable[[BaseException], object] | None = None,
    ) -> Future[T]:
        """Run *work* on the store thread; *done* or *failed* are then called on the UI thread."""

        def run() -> T:
            try:
                result = work()
            except BaseException as exc:
                if failed is not None:
                    self._to_ui(failed, exc)
                raise
            if done is not None:
                self._to_ui(done, result)
            return result

        return self._executor.submit(run)

    def _to_ui(self, callback: Callable[[T], object], value: T) -> None:
        # call_later is thread-safe enough here: it only enqueues a message
        # for the app's loop; call_from_thread would block this thread on
        # the UI, and the UI may be waiting for this thread (at quit).
        if self._app.is_running:
            self._app.call_later(callback, value)

    def run_now(self, work: Callable[[], T], timeout: float = 30.0) -> T:
        """Run *work* on the store thread and wait for it (at quit, to save the last marks)."""
        return self._executor.submit(work).result(timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)
