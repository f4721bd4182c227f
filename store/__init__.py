"""Pressroom's domain layer: what the browser and the command line share, by role.

Layout (DESIGN.md, "Layers"):

- at the top, what every interface uses: ``records`` (the release and its
  parts), ``archive`` (releases in order, search, sorting, facets),
  ``contacts`` (the contact directory), ``errors``, ``sanitize``;
- ``ingest``: finding files, the format readers, decoding, limits, and the
  extraction of a release's parts; ``ingest.run`` is an import;
- ``search``: the query language, tokens, the index and its file;
- ``disk``: atomic storage, the lock, the release store, and the files derived
  from it (catalogue, index file).

The names below are the public API, importable as ``from store import X``.
Each is loaded when first asked for, so that ``import store`` costs nothing
and a search never loads the format readers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.archive import Archive, Facets, ResultView, SortOrder
    from store.contacts import ContactDirectory, DirectoryEntry
    from store.disk.release_store import ReleaseState, ReleaseStore
    from store.errors import DamagedStoreError, NewerSchemaError, StoreError, StoreLockedError
    from store.ingest.build import ParseResult, parse_paths
    from store.ingest.run import ImportSummary, import_paths
    from store.records import Contact, Link, Person, Release, Source
    from store.sanitize import clean_line, clean_text
    from store.search.query import Query, parse_query

_HOMES = {
    "store.records": ("Contact", "Link", "Person", "Release", "Source"),
    "store.archive": ("Archive", "Facets", "ResultView", "SortOrder"),
    "store.contacts": ("ContactDirectory", "DirectoryEntry"),
    "store.errors": ("DamagedStoreError", "NewerSchemaError", "StoreError", "StoreLockedError"),
    "store.sanitize": ("clean_line", "clean_text"),
    "store.disk.release_store": ("ReleaseState", "ReleaseStore"),
    "store.search.query": ("Query", "parse_query"),
    "store.ingest.build": ("ParseResult", "parse_paths"),
    "store.ingest.run": ("ImportSummary", "import_paths"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Archive",
    "Contact",
    "ContactDirectory",
    "DamagedStoreError",
    "DirectoryEntry",
    "Facets",
    "ImportSummary",
    "Link",
    "NewerSchemaError",
    "ParseResult",
    "Person",
    "Query",
    "Release",
    "ReleaseState",
    "ReleaseStore",
    "ResultView",
    "SortOrder",
    "Source",
    "StoreError",
    "StoreLockedError",
    "clean_line",
    "clean_text",
    "import_paths",
    "parse_paths",
    "parse_query",
]


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    return getattr(import_module(module), name)
