"""Terminal input that survives bytes that are not UTF-8.

Textual 8.2.8's input thread decodes with a strict UTF-8 decoder, so one
Latin-1 byte typed or pasted into the terminal raises UnicodeDecodeError in
that thread and ends the app with a traceback. Decoding with replacement
turns such a byte into U+FFFD instead.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from textual.drivers import linux_driver


def _lenient(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    decoder_class = codecs.getincrementaldecoder(encoding)
    return lambda: decoder_class(errors="replace")


def tolerate_invalid_utf8() -> None:
    """Make the Linux driver decode terminal input with replacement (idempotent)."""
    linux_driver.getincrementaldecoder = _lenient  # type: ignore[assignment]
