"""A release's row as a line of COPY's text format, made where the release is parsed.

Building a row (tokens, lexemes, keys, JSON) is most of an import's Python time
(~0.5 ms a release): an import makes the lines in its parse workers, so that the
importing process only hands ready bytes to ``COPY`` (``PostgresStore.add_rows``).
The format is PostgreSQL's text COPY format: columns split by a tab, ``\\N`` for
NULL, a backslash, tab, newline and carriage return escaped; arrays and bytea in
their text input forms, escaped the same way.
"""

from __future__ import annotations

from store.pg.columns import ReleaseRow, release_row, stored_form, tsvector_text
from store.records import Release
from store.search.query import FIELDS


def copy_text(text: str) -> str:
    """*text* escaped for one column of a text-format COPY line."""
    if "\\" in text or "\n" in text or "\r" in text or "\t" in text:
        return (
            text.replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
    return text  # most columns of most releases: no copy of the string made


def array_text(values: list[str]) -> str:
    """A ``text[]`` in its input form, every element quoted (so that none is read as NULL,
    nor split at a comma or a brace), escaped for COPY."""
    if not values:
        return "{}"
    quoted = (value.replace("\\", "\\\\").replace('"', '\\"') for value in values)
    return copy_text('{"' + '","'.join(quoted) + '"}')


def _maybe(text: str | None) -> str:
    return "\\N" if text is None else copy_text(text)


def copy_line(row: ReleaseRow) -> bytes:
    """*row* as one line of COPY's text format, UTF-8, its columns in ``ROW_COLUMNS``' order.

    Written out column by column (its types are known): a generic formatter, one call
    and one type test a column, took a fifth of the row's time.
    """
    keys = row.keys
    return (
        "\t".join(
            (
                copy_text(row.id),
                copy_text(row.document),
                copy_text(row.fingerprint),
                copy_text(row.source_path),
                _maybe(row.date),
                _maybe(row.location),
                _maybe(row.issuer),
                array_text(row.organisations),
                "\\N" if row.day is None else str(row.day),
                "t" if row.undated else "f",
                copy_text(row.date_key),
                copy_text(row.title_key),
                copy_text(row.organisation_key),
                copy_text(row.place_key),
                copy_text(tsvector_text(row.words)),
                "t" if row.words_complete else "f",
                copy_text(row.token_text),
                *[copy_text(keys[name]) for name in FIELDS],
                array_text(row.tag_folds),
                copy_text(row.phones),
                str(row.sample),
                "\\\\x" + row.initials.hex(),  # bytea's hex form, its backslash escaped
            )
        )
        + "\n"
    ).encode()


def prepared(release: Release) -> tuple[Release, bytes]:
    """*release* as PostgreSQL can hold it (``columns.storable``) and its row's COPY line."""
    release, document = stored_form(release)
    return release, copy_line(release_row(release, document))
