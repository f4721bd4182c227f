"""What the browser remembers between runs: search history, sort order, sidebar, folding.

Kept in ``releases.json.prefs`` beside the store (as the marks sit in
``releases.json.state``): a small JSON file, written atomically (a temporary
file, fsync, rename), bounded in size. A damaged or foreign file is ignored,
never fatal: the browser starts with no history and the default order, and
the next save replaces it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from store.archive import SORT_KEYS, SortOrder
from store.disk.derived import open_derived
from store.sanitize import clean_line

HISTORY_SIZE = 100  # searches kept (the search bar keeps as many)
MAX_QUERY = 500  # characters of one remembered search
MAX_FILE = 256 * 1024  # a larger file is not read (it is not ours)


@dataclass
class Prefs:
    history: list[str] = field(default_factory=list)
    order: SortOrder = field(default_factory=SortOrder)
    sidebar: bool = False  # the saved-searches sidebar shown (b)
    fold: bool = True  # near-duplicates folded into one row of the list (z)


def prefs_path(db: Path) -> Path:
    """The preferences file beside the store at *db*."""
    return db.with_name(db.name + ".prefs")


def load_prefs(db: Path) -> Prefs:
    """The preferences kept beside *db*; defaults for a missing, damaged or foreign file."""
    path = prefs_path(db)
    try:
        # Not through a link, not a FIFO or a device, and bounded (SECURITY.md D9).
        with open_derived(path) as handle:
            raw = handle.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            return Prefs()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    prefs = Prefs()
    history = data.get("history")
    if isinstance(history, list):
        kept = [clean_line(h)[:MAX_QUERY] for h in history if isinstance(h, str)]
        prefs.history = [h for h in kept if h][-HISTORY_SIZE:]
    if isinstance(data.get("sidebar"), bool):
        prefs.sidebar = data["sidebar"]
    if isinstance(data.get("fold"), bool):
        prefs.fold = data["fold"]
    sort = data.get("sort")
    if isinstance(sort, dict) and sort.get("key") in SORT_KEYS:
        descending = sort.get("descending")
        prefs.order = SortOrder(
            str(sort["key"]),
            descending if isinstance(descending, bool) else sort["key"] == "date",
        )
    return prefs


def user_state_folder() -> Path:
    """Where this user's own files for a shared archive (a team's database) are kept."""
    from platformdirs import user_state_path

    return user_state_path("pressroom")


def save_prefs(db: Path, prefs: Prefs) -> None:
    """Write *prefs* beside *db* atomically; a failure leaves the old file and is not raised."""
    path = prefs_path(db)
    data = {
        "version": 1,
        "history": [h[:MAX_QUERY] for h in prefs.history[-HISTORY_SIZE:]],
        "sort": {"key": prefs.order.key, "descending": prefs.order.descending},
        "sidebar": prefs.sidebar,
        "fold": prefs.fold,
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        # The state folder of a team archive's preferences may not exist yet.
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new file of our own: never through a link planted at that name (SECURITY.md D9).
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with open(os.open(tmp, flags, 0o600), "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
