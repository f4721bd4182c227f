"""Reading one source into drafts: its format's reader, within the size and time limits."""

from __future__ import annotations

import codecs
from collections.abc import Callable

import orjson

from store.ingest.discover import AUTO, TOO_LARGE, SourceFile, read_bytes
from store.ingest.draft import Draft
from store.ingest.limits import MAX_FILE_BYTES, PARSE_SECONDS, ImportProblem, _Deadline, time_limit
from store.ingest.readers.email_message import read_email
from store.ingest.readers.feed import feed_kind, read_feed
from store.ingest.readers.html import read_html
from store.ingest.readers.jsonform import read_json, read_jsonl
from store.ingest.readers.markdown import read_markdown
from store.ingest.readers.php_page import read_php
from store.ingest.readers.plaintext import read_text
from store.sanitize import clean_line

_READERS: dict[str, Callable[[bytes], list[Draft]]] = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
    "php": read_php,
    "json": read_json,
    "jsonl": read_jsonl,
    "eml": read_email,
    "feed": read_feed,
    "rss": read_feed,
    "atom": read_feed,
}

_MAIL_HEADERS = (
    b"from:",
    b"to:",
    b"subject:",
    b"date:",
    b"received:",
    b"return-path:",
    b"message-id:",
    b"mime-version:",
    b"delivered-to:",
    b"reply-to:",
    b"content-type:",
)


def read_source(source: SourceFile, data: bytes | None = None) -> list[Draft]:
    """Read *source* (or *data*, its content) into drafts, one per release.

    The size limit is enforced while reading (at most limit + 1 bytes are
    read) and the parse time limit around the parse. Raises ImportProblem
    for anything wrong, and never any other exception.
    """
    try:
        if data is None:
            data = read_bytes(source)
        if len(data) > MAX_FILE_BYTES:
            raise ImportProblem(TOO_LARGE)
        if not data.strip():
            raise ImportProblem("empty file")
        fmt = sniff(data) if source.format == AUTO else source.format
        reader = _READERS.get(fmt)
        if reader is None:
            raise ImportProblem(f"unknown format {clean_line(fmt)!r}")
        with time_limit(PARSE_SECONDS):
            drafts = [d for d in reader(data) if d.text or d.title or d.record]
        if not drafts:
            raise ImportProblem("no text in this file")
        return drafts
    except ImportProblem:
        raise
    except _Deadline:
        # The alarm fired in the instant between the end of the parse and disarming it.
        raise ImportProblem("parse time limit exceeded") from None
    except RecursionError:
        raise ImportProblem("cannot read: nested too deeply") from None
    except MemoryError:
        raise ImportProblem("cannot read: out of memory") from None
    except Exception as error:  # a reader bug or a library's surprise must not stop the import
        reason = clean_line(str(error))[:100] or type(error).__name__
        raise ImportProblem(f"cannot read: {reason}") from None


def sniff(data: bytes) -> str:
    """Guess the format of content without a file name (standard input)."""
    head = _head_text(data).lstrip().lower()
    if head.startswith(("{", "[")):
        return "jsonl" if _is_json_lines(data) else "json"
    if head.startswith("<"):
        kind = feed_kind(data)
        if kind is not None:
            return kind
        return "html"
    first_line = head.split("\n", 1)[0].encode("utf-8", "ignore")
    if first_line.startswith(_MAIL_HEADERS) or first_line.startswith(b"from "):
        return "eml"
    if head.startswith(("# ", "---\n")) or "](" in head:
        return "md"
    return "txt"


def _head_text(data: bytes) -> str:
    head = data[:4096]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")


def _is_json_lines(data: bytes) -> bool:
    """Two or more lines that each start a JSON object, the first parsing on its own."""
    lines = [line for line in data[: 1 << 20].split(b"\n", 3)[:3] if line.strip()]
    if len(lines) < 2 or not lines[1].lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(orjson.loads(lines[0].lstrip(codecs.BOM_UTF8)), dict)
    except orjson.JSONDecodeError:
        return False
