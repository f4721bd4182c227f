"""The errors the release store raises: each one reads as a single line for the user."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something went wrong reading or writing the store; ``str(e)`` is one line for the user."""


class DamagedStoreError(StoreError):
    """The store file cannot be read as a Pressroom store; it was moved aside, not emptied.

    ``path`` is the store file, ``quarantined`` where the damaged bytes now are
    (unchanged), ``backup`` the previous generation if one exists and parses.
    """

    def __init__(self, message: str, *, path: Path, quarantined: Path, backup: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.quarantined = quarantined
        self.backup = backup


class NewerSchemaError(StoreError):
    """The store was written by a newer Pressroom; it is left untouched."""

    def __init__(self, message: str, *, path: Path | None, schema: int) -> None:
        super().__init__(message)
        self.path = path
        self.schema = schema


class StoreLockedError(StoreError):
    """Another process held the store's write lock for longer than the timeout."""
