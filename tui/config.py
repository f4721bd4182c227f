"""The user's settings: ``config.toml`` in their config folder, read once at start.

Settings: ``theme`` (a Textual theme, remembered when changed in the app),
``[keys]`` (binding id = key), ``sort`` and ``reverse`` (the order the browser
starts in), ``store`` (the archive's path) and ``user`` (the user's name, for
a shared archive). A mistake in the file never stops Pressroom: each one is
one line naming the file and the line, and that setting keeps its default.

Cheap at start: without a file nothing is imported; with one, ``tomllib``
(a few milliseconds). Textual is imported only by the callers that check
themes and binding ids, which have it loaded anyway.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path

from store.backend import Location, parse_location
from store.sanitize import clean_line

CONFIG_ENV = "PRESSROOM_CONFIG"
DB_ENV = "PRESSROOM_DB"
DEFAULT_THEME = "textual-dark"  # Textual's own default
SORT_KEYS = ("date", "title", "organisation", "place")  # store.archive.SORT_KEYS
MAX_FILE = 64 * 1024  # a larger file is not a settings file someone wrote
SETTINGS = ("theme", "sort", "reverse", "store", "user", "keys")
# A key as Textual names it: "ctrl+f", "f2", "question_mark", "ctrl+shift+up".
# Patterns are compiled when first used (re caches them): not at start.
_KEY = r"(?i)[a-z0-9_+\-]+|."


@dataclass
class Config:
    """Every setting's value, and where each came from: ``file``, ``env``, ``option`` or ``default``."""

    path: Path
    exists: bool = False
    theme: str = DEFAULT_THEME
    keys: dict[str, str] = field(default_factory=dict)
    sort: str = "date"
    reverse: bool = False
    store: Location = field(default_factory=lambda: default_store())
    user: str = field(default_factory=lambda: default_user())
    origins: dict[str, str] = field(default_factory=lambda: dict.fromkeys(SETTINGS, "default"))
    problems: list[str] = field(default_factory=list)

    @property
    def descending(self) -> bool:
        """The direction of :attr:`sort`: dates newest first, words from A, unless reversed."""
        return (self.sort == "date") != self.reverse

    def from_file(self, name: str) -> bool:
        return self.origins.get(name) == "file"


def config_path() -> Path:
    """``$PRESSROOM_CONFIG``, else ``config.toml`` in the user config folder."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return user_config_path("pressroom", appauthor=False) / "config.toml"


def default_store() -> Path:
    return user_data_path("pressroom", appauthor=False) / "releases.json"


def default_user() -> str:
    # getpass reads LOGNAME, USER, ... then the password database, which a
    # container may lack.
    with contextlib.suppress(OSError, KeyError, ImportError):
        return getpass.getuser()
    return ""


def load_config(
    path: Path | None = None,
    *,
    themes: Callable[[], Collection[str]] | None = None,
    bindings: Callable[[], Collection[str]] | None = None,
) -> Config:
    """The settings in *path* (default :func:`config_path`), then ``$PRESSROOM_DB``.

    *themes* and *bindings* give the names a ``theme`` and the ids a ``[keys]``
    entry may take (:func:`theme_names`, :func:`known_bindings`), called only
    when the file sets them; None leaves them unchecked (a command that shows
    no screen need not import Textual). Never raises: every problem is a line
    in :attr:`Config.problems`.
    """
    config = Config(path or config_path())
    text = _read(config)
    if text is not None:
        config.exists = True
        _apply(config, text, themes, bindings)
    env = os.environ.get(DB_ENV)
    if env:
        config.store = parse_location(env)
        config.origins["store"] = "env"
    return config


def _read(config: Config) -> str | None:
    path = config.path
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        config.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
        return None
    if len(raw) > MAX_FILE:
        config.problems.append(f"{path}: larger than {MAX_FILE // 1024} KB, not read")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        config.problems.append(f"{path}:{line}: not UTF-8 text")
        return None


def _apply(
    config: Config,
    text: str,
    themes: Callable[[], Collection[str]] | None,
    bindings: Callable[[], Collection[str]] | None,
) -> None:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # "Invalid value (at line 7, column 9)": the line to the front, as compilers write it.
        message = str(exc)
        found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
        where = f":{found.group(1)}" if found else ""
        reason = message[: found.start()] if found else message
        config.problems.append(f"{config.path}{where}: {reason.lower()}; the file is ignored")
        return

    def problem(key: str, what: str, table: str | None = None) -> None:
        line = _line_of(text, key, table)
        where = f"{config.path}:{line}" if line else str(config.path)
        config.problems.append(f"{where}: {clean_line(what)}")

    for key, value in data.items():
        if key == "theme":
            if not isinstance(value, str):
                problem(key, f"theme must be a string, not {_kind(value)}")
            elif themes is not None and value not in (names := themes()):
                listed = ", ".join(sorted(names))
                problem(key, f'theme "{value}" is not a theme ({listed})')
            else:
                config.theme = value
                config.origins[key] = "file"
        elif key == "sort":
            if value not in SORT_KEYS:
                problem(key, f"sort must be one of {', '.join(SORT_KEYS)}, not {_shown(value)}")
            else:
                config.sort = value
                config.origins[key] = "file"
        elif key == "reverse":
            if not isinstance(value, bool):
                problem(key, f"reverse must be true or false, not {_shown(value)}")
            else:
                config.reverse = value
                config.origins[key] = "file"
        elif key in ("store", "user"):
            if not isinstance(value, str) or not value.strip():
                problem(key, f"{key} must be a non-empty string, not {_shown(value)}")
            elif key == "store":
                config.store = parse_location(value)
                config.origins[key] = "file"
            else:
                config.user = value
                config.origins[key] = "file"
        elif key == "keys":
            if not isinstance(value, dict):
                problem(key, f"keys must be a table ([keys]), not {_kind(value)}")
            else:
                _apply_keys(config, value, bindings() if bindings else None, problem)
        else:
            known = ", ".join(s if s != "keys" else "[keys]" for s in SETTINGS)
            problem(key, f"unknown setting {key!r} (settings: {known})")


def _apply_keys(
    config: Config, table: Mapping[str, Any], bindings: Collection[str] | None, problem: Any
) -> None:
    for binding_id, keys in table.items():
        if isinstance(keys, dict):
            # `[keys] browse.search = "x"` is TOML for a nested table: flatten it back.
            for inner, value in _flatten(binding_id, keys):
                _apply_key(config, inner, value, bindings, problem)
        else:
            _apply_key(config, binding_id, keys, bindings, problem)


def _apply_key(
    config: Config, binding_id: str, keys: object, bindings: Collection[str] | None, problem: Any
) -> None:
    if bindings is not None and binding_id not in bindings:
        short = binding_id.rsplit(".", 1)[-1]
        close = sorted(b for b in bindings if b.rsplit(".", 1)[-1] == short)[:4]
        hint = (
            f" (did you mean {', '.join(close)}?)"
            if close
            else " (pressroom config --keys lists them)"
        )
        problem(binding_id, f"{binding_id!r} is not a binding id{hint}", "keys")
        return
    if (
        not isinstance(keys, str)
        or not all(re.fullmatch(_KEY, k.strip()) for k in keys.split(",") if k.strip())
        or not keys.strip()
    ):
        problem(
            binding_id,
            f'keys for {binding_id!r} must be a string such as "ctrl+f" or "f,/"',
            "keys",
        )
        return
    config.keys[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    config.origins["keys"] = "file"


def _flatten(prefix: str, table: Mapping[str, Any]) -> Iterable[tuple[str, object]]:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            yield from _flatten(name, value)
        else:
            yield name, value


def _line_of(text: str, key: str, table: str | None) -> int | None:
    """The line that sets *key* (in ``[table]``, or at the top level), for the message."""
    current: str | None = None
    # A key as written, bare or quoted ("browse.search" or browse.search).
    setting = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    header = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
    for number, line in enumerate(text.splitlines(), 1):
        found = header.match(line)
        if found:
            current = found.group(1).strip("\"'")
            continue
        if current == table and setting.match(line):
            return number
    return None


def _kind(value: object) -> str:
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    return _kind(value)


# -- remembering the theme ---------------------------------------------------------

_THEME_LINE = r"""^(\s*theme\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^#\s]*)(.*)$"""
_TABLE = r"^\s*\["


def remember_theme(path: Path, theme: str) -> str | None:
    """Set ``theme`` in the file at *path*, every other line kept as written.

    The one setting the app writes is a top-level string, so a line edit
    changes that line alone (its comment kept): the user's comments, order
    and spacing stay byte for byte. The result is parsed before it replaces
    the file, atomically. Returns a one-line problem, or None.
    """
    import tomllib

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read(MAX_FILE + 1)
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path}: theme not remembered: {getattr(exc, 'strerror', None) or exc}"
    lines = text.splitlines(keepends=True)
    value = '"' + theme.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for number, line in enumerate(lines):
        if re.match(_TABLE, line):
            # No theme line before the first table: the new one goes above it.
            lines.insert(number, f"theme = {value}\n")
            break
        found = re.match(_THEME_LINE, line.rstrip("\r\n"))
        if found:
            ending = line[len(line.rstrip("\r\n")) :] or "\n"
            lines[number] = f"{found.group(1)}{value}{found.group(3)}{ending}"
            break
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        if not lines:
            lines.append('# Pressroom\'s settings (see its README, "Configuration").\n')
        lines.append(f"theme = {value}\n")
    updated = "".join(lines)
    try:
        if tomllib.loads(updated).get("theme") != theme:
            return f"{path}: theme not remembered: the file could not be updated safely"
    except tomllib.TOMLDecodeError:
        return f"{path}: theme not remembered: the file is not valid TOML"
    try:
        _write_atomically(path, updated)
    except OSError as exc:
        return f"{path}: theme not remembered: {exc.strerror or exc}"
    return None


def _write_atomically(path: Path, text: str) -> None:
    """A temporary file of our own beside *path*, fsynced, renamed over it (as tui.prefs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o600
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
    import secrets

    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        with open(os.open(tmp, flags, mode), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# -- what Textual knows: themes and binding ids -----------------------------------


def theme_names() -> list[str]:
    """Every theme of Textual's (the command palette's "Change theme" lists these)."""
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


def known_bindings() -> dict[str, tuple[str, str]]:
    """Every binding id of Pressroom's screens and widgets: its default key and description."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import tui.screens
    import tui.widgets

    importlib.import_module("tui.app")
    for package in (tui.screens, tui.widgets):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found: dict[str, tuple[str, str]] = {}
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, (binding.key, binding.description))
    return dict(sorted(found.items()))


# -- what `pressroom config` prints -------------------------------------------------

_ORIGIN_SAID = {"env": f"env ({DB_ENV})", "option": "option (--db)"}


def config_report(config: Config) -> dict[str, Any]:
    """Every setting, its value and where it came from, as ``pressroom config --json`` prints it."""
    values: dict[str, Any] = {
        "theme": config.theme,
        "sort": config.sort,
        "reverse": config.reverse,
        "store": str(config.store),
        "user": config.user,
        "keys": dict(sorted(config.keys.items())),
    }
    return {
        "file": str(config.path),
        "exists": config.exists,
        "settings": {
            name: {"value": values[name], "from": config.origins[name]} for name in SETTINGS
        },
        "problems": list(config.problems),
    }


def config_lines(config: Config) -> list[str]:
    """The same as aligned plain lines: ``name  value  origin``."""
    state = "" if config.exists else " (not there: every setting is its default)"
    rows: list[tuple[str, str, str]] = []
    for name in SETTINGS:
        origin = _ORIGIN_SAID.get(config.origins[name], config.origins[name])
        if name == "keys":
            for binding_id, keys in sorted(config.keys.items()):
                rows.append((f"keys.{clean_line(binding_id)}", clean_line(keys), origin))
            if not config.keys:
                rows.append(("keys", "(as shipped: pressroom config --keys lists them)", origin))
            continue
        value = getattr(config, name)
        shown = (
            ("true" if value else "false") if isinstance(value, bool) else clean_line(str(value))
        )
        rows.append((name, shown, origin))
    name_width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    lines = [f"file: {clean_line(str(config.path))}{state}"]
    lines += [f"{n:<{name_width}}  {v:<{value_width}}  {o}" for n, v, o in rows]
    return lines


def binding_lines(config: Config, bindings: Mapping[str, tuple[str, str]]) -> list[str]:
    """Every binding id with its key (the user's where remapped) and what it does."""
    rows = []
    for binding_id, (key, description) in bindings.items():
        mine = config.keys.get(binding_id)
        rows.append((binding_id, mine or key, description + (" (remapped)" if mine else "")))
    id_width = max((len(r[0]) for r in rows), default=0)
    key_width = max((len(r[1]) for r in rows), default=0)
    return [f"{i:<{id_width}}  {k:<{key_width}}  {d}".rstrip() for i, k, d in rows]
