"""The ``pressroom`` command: import, parse, search, show, and opening the browser."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import orjson
from rich.console import Console
from rich.text import Text

from store.backend import Location, ServerArchive, parse_location
from store.disk.release_store import ReleaseStore
from store.errors import StoreError
from store.records import Release
from store.sanitize import clean_line
from tui import __version__
from tui.cli.examples import add_examples
from tui.config import default_store

if TYPE_CHECKING:
    import store.doctor as doctor_module
    from store.backend import BrowsedArchive
    from store.ingest.run import ImportSummary, ImportTarget

# When the command started, near enough: this module is the first the entry
# point imports. An import's rate is counted from here to its end.
STARTED = time.monotonic()

COMMANDS = (
    *("import", "parse", "search", "show", "doctor", "samples", "export", "contacts"),
    *("copy", "config", "serve", "completion"),
)
DB_ENV = "PRESSROOM_DB"


class UsageError(Exception):
    """A mistake on the command line: one line for the user, exit status 2."""


def default_db() -> Location:
    """``$PRESSROOM_DB``, else ``store`` in config.toml, else ``releases.json`` in the user data folder."""
    from tui.config import load_config

    return load_config().store


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP: end now, saying so; nothing acknowledged is lost.

    Not by raising here: an exception from a signal handler can land inside
    the process pool's locks, and the exit then waits for ever on a worker
    (seen in tests). Ending at once is safe: every store write is a temporary
    file renamed into place (SECURITY.md D2: 50 kill -9s at random moments),
    and an import's workers end with this process (PR_SET_PDEATHSIG).
    """
    if os.isatty(2):
        os.write(2, b"\x1b[?25h")  # a progress bar hides the cursor while it runs
    name = signal.Signals(signum).name
    os.write(2, f"\npressroom: stopped by {name}\n".encode())
    os._exit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        # A terminal closed or a service stopped ends a command at once: an
        # import's written batches stay, its worker processes end with it
        # (the browser handles these signals itself once it runs).
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _terminate)
    try:
        return _dispatch(args)
    except UsageError as exc:
        _error(str(exc))
        return 2
    except StoreError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # `pressroom search x | head`: the reader left, which is not an error.
        _silence_stdout()
        return 0


def _stderr() -> Console:
    return Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)


def _error(message: str) -> None:
    """One line on stderr, never wrapped, never read as markup."""
    _stderr().print(Text(f"pressroom: {clean_line(message)}"))


def _dispatch(args: list[str]) -> int:
    if args and args[0] in COMMANDS:
        command, rest = args[0], args[1:]
    else:
        command, rest = "browse", args
    parser = _parser(command)
    if command == "search":
        rest = _query_words_last(rest)
    elif command == "export":
        from tui.cli.exporting import EXPORT_OPTIONS

        rest = _query_words_last(rest, EXPORT_OPTIONS)
    ns = parser.parse_args(rest)
    if command not in _SHOW_SETTINGS_PROBLEMS:
        from tui.config import load_config

        for problem in load_config().problems:
            _error(problem)
    handler: Callable[[argparse.Namespace], int] = _HANDLERS[command]
    return handler(ns)


# The commands that report a mistake in config.toml themselves (the browser
# as a notification); the others say it on stderr.
_SHOW_SETTINGS_PROBLEMS = ("browse", "samples", "serve", "config")

# The options of `search` and whether each takes a value; any other word is
# the query's, "-word" (leave out) and "-\"a phrase\"" included.
_SEARCH_OPTIONS = {
    "--db": True,
    "--limit": True,
    "--json": False,
    "--prefix": False,
    "-h": False,
    "--help": False,
}


def _query_words_last(args: list[str], known: dict[str, bool] = _SEARCH_OPTIONS) -> list[str]:
    """``search harbour -dredging --json`` as argparse can read it: options, ``--``, the words.

    The query language writes a word to leave out as ``-word``, which
    argparse would take for an unknown option; the words keep their order.
    """
    options: list[str] = []
    words: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        name = arg.split("=", 1)[0]
        if arg == "--":
            words.extend(args[index + 1 :])
            break
        if name in known:
            options.append(arg)
            if known[name] and "=" not in arg and index + 1 < len(args):
                index += 1
                options.append(args[index])
        else:
            words.append(arg)
        index += 1
    return [*options, "--", *words] if words else options


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see pressroom --help)")


def _parser(command: str) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="FILE|URL",
        type=parse_location,
        help=(
            "the store file, or a team archive's postgresql:// address "
            f"(default: ${DB_ENV}, else store in config.toml, else {default_store()})"
        ),
    )
    prog = "pressroom" if command == "browse" else f"pressroom {command}"
    if command == "browse":
        parser = _Parser(
            prog=prog,
            parents=[common],
            description="A terminal archive of press releases. Opens the browser; "
            "PATHs are imported first (already-known releases are skipped).",
        )
        parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import")
        parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
        parser.add_argument(
            "--restore-backup",
            action="store_true",
            help="put the store's previous generation (FILE.bak) back in place and exit",
        )
        add_examples(parser, command)
        return parser
    parser = _Parser(prog=prog, parents=[common])
    if command in ("import", "parse"):
        parser.description = (
            "Import files, folders (recursively) and feeds into the store."
            if command == "import"
            else "Print each parsed release as one JSON object per line; store nothing."
        )
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin"
        )
        if command == "import":
            parser.add_argument(
                "--json", action="store_true", help="the summary as one JSON object on stdout"
            )
    elif command == "search":
        parser.description = "Search the store; prints the matching releases, newest first."
        parser.add_argument("query", nargs="+", metavar="QUERY")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.add_argument(
            "--limit", type=int, default=50, metavar="N", help="at most N results (0: all)"
        )
        parser.add_argument(
            "--prefix",
            action="store_true",
            help="the last word matches as a prefix, as the word being typed in the browser",
        )
    elif command in ("export", "contacts"):
        from tui.cli import exporting

        if command == "export":
            exporting.add_export_arguments(parser)
        else:
            exporting.add_contacts_arguments(parser)
    elif command == "copy":
        from tui.cli.copying import add_copy_arguments

        add_copy_arguments(parser)
    elif command == "show":
        parser.description = "Show one release by its id (or a unique prefix of it)."
        parser.add_argument("id")
        parser.add_argument("--json", action="store_true", help="the release as one JSON object")
    elif command == "config":
        parser.description = (
            "Print where the settings file is, whether it exists, and every setting "
            "with its value and where it came from (file, env, option or default)."
        )
        parser.add_argument("--json", action="store_true", help="the settings as one JSON object")
        parser.add_argument(
            "--keys", action="store_true", help="every binding id, its key and what it does"
        )
    elif command == "serve":
        parser.description = (
            "Serve the browser as a web page (textual-serve): each page that connects "
            "runs its own Pressroom on the store."
        )
        parser.add_argument(
            "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="the port to listen on (default: 8000)"
        )
        parser.add_argument(
            "--public-url",
            metavar="URL",
            help="the address the pages use to connect back, when it is not http://HOST:PORT",
        )
    elif command == "completion":
        parser.description = "Print a shell completion script for bash or zsh."
        parser.add_argument("shell", choices=("bash", "zsh"))
    elif command == "samples":
        parser.description = (
            "Import the sample releases that come with Pressroom into the store, "
            "then open the browser on them (already-imported samples are skipped)."
        )
    elif command == "doctor":
        parser.description = (
            "Check the store and the files beside it (backup, marks, catalogue, index, locks), "
            "say what is wrong and offer each repair; nothing changes without a yes."
        )
        parser.add_argument(
            "--yes", action="store_true", help="make every proposed repair without asking"
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="the report as one JSON object; repairs only with --yes, never asked",
        )
    add_examples(parser, command)
    return parser


def _open_store(ns: argparse.Namespace) -> ImportTarget:
    """The store to import into: a store file, or a team's database."""
    from store.backend import open_store

    return open_store(ns.db or default_db(), user=_user())


def _stdout() -> Console:
    # Piped output is not hard-wrapped: a paragraph stays one line for the next tool.
    return Console(markup=False, highlight=False, emoji=False, soft_wrap=not sys.stdout.isatty())


def _run_import(store: ImportTarget, paths: Sequence[str]) -> tuple[ImportSummary, str | None]:
    """Import with a progress bar on a terminal when it takes more than a moment; and why
    the search index was not finished, if it was not (the releases are stored then)."""
    # Imported here: the parsers are not needed to open the browser or search.
    from store import collector
    from store.ingest.run import import_paths
    from store.search.index import IndexBuilder
    from tui.cli.progress import ImportProgress

    # The search index reads each release as it arrives from the worker
    # processes, while they parse the next files.
    # (A database keeps its own indexes as the rows arrive.)
    local = isinstance(store, ReleaseStore) and store.path is not None
    # Its working file beside the archive (its token ids wait there while it reads).
    added = IndexBuilder(store.path.parent) if local and store.path is not None else None
    unfinished: str | None = None
    # A command that ends with the import: no full collection walks what it holds meanwhile.
    with ImportProgress(_stderr()) as bar, collector.young_only():
        summary = import_paths(store, paths, progress=bar.update, index=added)
        if isinstance(store, ReleaseStore) and local and (summary.imported or summary.updated):
            # Finish the search index now, while the user waits anyway, so that
            # the browser opens on a ready index, and its catalogue with it
            # (store.disk.catalogue).
            from store.archive import Archive

            # Its tables are not needed to catalogue the store or finish the index.
            store.let_go()
            # Written for the browser, not needed here (store.search.index_file).
            try:
                Archive(store, catalogue_on_disk=True).build_index(
                    progress=bar.indexing, added=added, keep=False
                )
            except (OSError, MemoryError, StoreError) as exc:
                # Its sorts run in threads beside this one (store.search.postings): one
                # that fails ends the finish here, as does a catalogue that cannot be read
                # back (store.disk.saved_pieces). The index file is written whole or not
                # at all, and the releases are stored already: the browser makes the
                # index when it next opens the archive.
                unfinished = _failure(exc)
    # The rate a user meets: the whole command, index and start included.
    summary.seconds = time.monotonic() - STARTED
    return summary, unfinished


def _failure(exc: OSError | MemoryError | StoreError) -> str:
    """What went wrong, in a few words (an OSError's own words, without its number)."""
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, StoreError):
        return str(exc)  # one line for the user (a catalogue that could not be read)
    return exc.strerror if exc.strerror else str(exc)


def cmd_import(ns: argparse.Namespace) -> int:
    from tui.cli.render import print_summary

    with closing(_open_store(ns)) as store:
        summary, unfinished = _run_import(store, ns.paths)
    if ns.json:
        from tui.cli.reports import summary_json

        sys.stdout.buffer.write(orjson.dumps(summary_json(summary)) + b"\n")
        sys.stdout.flush()
    else:
        print_summary(_stderr(), summary)
    if unfinished is not None:
        _tell_unfinished(summary, unfinished)
        return 1
    return 0 if summary.succeeded else 1


def _tell_unfinished(summary: ImportSummary, reason: str) -> None:
    _error(
        f"the search index was not finished ({reason}); the {summary.stored:,} "
        "releases are stored, and the index is made when the archive is next opened"
    )


def cmd_parse(ns: argparse.Namespace) -> int:
    from store.ingest.build import parse_sources
    from store.ingest.discover import discover

    # Printed as they come: a JSON Lines file of any size is parsed a chunk
    # of releases at a time, and never held whole.
    out = sys.stdout.buffer
    found = failed = 0
    for result in parse_sources(discover(ns.paths)):
        for release in result.releases:
            out.write(orjson.dumps(release.to_json()) + b"\n")
        found += len(result.releases)
        for path, reason in result.problems:
            out.flush()
            _error(f"{path}: {reason}")
        failed += len(result.problems)
    out.flush()
    return 0 if found or not failed else 1


def cmd_search(ns: argparse.Namespace) -> int:
    from store.search.query import parse_query
    from tui.cli.render import print_release_table

    if ns.limit < 0:
        raise UsageError("--limit must be 0 or more")
    # A trailing space makes the last word whole; without it (--prefix) the
    # last word matches as a prefix, as it does while typed in the browser.
    text = " ".join(ns.query)
    query = parse_query(text if ns.prefix else text + " ")
    # The browser's path: the catalogue, and the search index when it is
    # current (a scan otherwise); only the releases printed are read whole.
    with _opened(ns) as archive:
        archive.build_index(cached_only=True)
        # is:starred and is:unread look at the user's marks.
        result = archive.search(query, states=archive.read_marks())
        total = len(result)
        hits = list(result[: ns.limit] if ns.limit else result)
    for hint in query.hints:
        _error(hint)
    cut = len(hits) < total
    if cut and (ns.json or not sys.stdout.isatty()):
        # Piped output must not end silently short (a terminal's table says so itself).
        _stderr().print(Text(f"{len(hits):,} of {total:,} shown; --limit 0 for all"))
    if ns.json:
        out = sys.stdout.buffer
        for release in hits:
            out.write(orjson.dumps(release.to_json()) + b"\n")
        out.flush()
    else:
        print_release_table(_stdout(), hits, total)
    return 0


def cmd_show(ns: argparse.Namespace) -> int:
    from tui.cli.render import print_release

    with _opened(ns) as archive:
        release = _find(archive, ns.id)
    if ns.json:
        sys.stdout.buffer.write(orjson.dumps(release.to_json()) + b"\n")
        sys.stdout.flush()
    else:
        print_release(_stdout(), release)
    return 0


def cmd_doctor(ns: argparse.Namespace) -> int:
    from store import doctor
    from tui.cli.plain import plain_text

    db = _store_file(ns.db or default_db(), "doctor")
    out = _stdout()

    def say(text: str) -> None:
        out.print(plain_text(text), soft_wrap=True)

    report = doctor.check(db)
    if ns.json:
        return _doctor_json(db, report, repair=ns.yes)
    say(f"checking {report.store}")
    for checked in report.files:
        say(f"  {checked.file}: {checked.summary}")
    for note in report.notes:
        say(f"note: {note.file}: {note.problem}")
    problems = report.problems
    if not problems:
        say("everything is fine")
        return 0
    say(f"{len(problems)} problem{'s' if len(problems) > 1 else ''}:")
    for number, finding in enumerate(problems, 1):
        say(f"  {number}. {finding.file}: {finding.problem}")
        if finding.repair is not None:
            say(f"     repair: {finding.repair}")
    if report.busy is not None:
        say(f"nothing was changed: no repair while {report.busy} writes to the store")
        return 1
    repairable = [(n, f) for n, f in enumerate(problems, 1) if f.apply is not None]
    if not repairable:
        return 1
    asking = not ns.yes
    if asking and not sys.stdin.isatty():
        say(
            "nothing was changed: run `pressroom doctor --yes` to make these repairs, "
            "or run it in a terminal to be asked for each"
        )
        return 1
    for number, finding in repairable:
        if asking:
            try:
                answer = out.input(Text(f"repair {number} ({finding.file})? [y/N] "))
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                say(f"  {number}: left as it is")
                continue
        try:
            say(f"  {number}: {doctor.repair(finding)}")
        except (StoreError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            say(f"  {number}: not repaired: {reason}")
    remaining = doctor.check(db).problems
    if not remaining:
        say("everything is fine now")
        return 0
    say("still wrong:")
    for finding in remaining:
        say(f"  {finding.file}: {finding.problem}")
    return 1


def _doctor_json(db: Path, report: doctor_module.Report, *, repair: bool) -> int:
    """``doctor --json``: the report; with ``--yes`` the repairs, then the report after them."""
    from store import doctor
    from tui.cli.reports import report_json

    data = report_json(report)
    if repair and report.busy is None:
        repaired = []
        for finding in report.problems:
            if finding.apply is None:
                continue
            try:
                done = {"file": finding.file, "repaired": doctor.repair(finding)}
            except (StoreError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                done = {"file": finding.file, "not_repaired": reason}
            repaired.append(done)
        data["repairs"] = repaired
        data["after"] = report_json(doctor.check(db))
    sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
    sys.stdout.flush()
    return 1 if (data.get("after") or data)["problems"] else 0


def cmd_browse(ns: argparse.Namespace) -> int:
    # Before anything imports Textual, which reads its frame rate on import;
    # the other commands never import it.
    from tui.runtime.textual_internals import set_frame_rate

    set_frame_rate()
    from tui.config import known_bindings, load_config, theme_names

    config = load_config(themes=theme_names, bindings=known_bindings)
    db = ns.db or config.store
    if ns.restore_backup:
        db = _store_file(db, "--restore-backup")
        restored = ReleaseStore.restore_backup(db)
        _error(f"restored {restored} from its backup")
        return 0
    if ns.paths:
        from tui.cli.render import print_summary

        for path in ns.paths:
            # `pressroom serach x`: a typo of a command, not a file to import.
            if path != "-" and os.sep not in path and not os.path.exists(path):
                commands = ", ".join(COMMANDS)
                raise UsageError(f"{path!r} is neither a command ({commands}) nor a file or folder")

        from store.backend import open_store

        with closing(open_store(db, user=config.user)) as store:
            summary, unfinished = _run_import(store, ns.paths)
        print_summary(_stderr(), summary)
        if not summary.succeeded:
            return 1
        if unfinished is not None:
            _tell_unfinished(summary, unfinished)  # the browser makes it as it opens
    from tui.serve import is_served

    # Under `pressroom serve` the app's output goes to a web page, not a terminal.
    if not is_served() and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the browser needs a terminal; use pressroom search or show in scripts")
    from tui.archive_opening import ArchiveOpening

    # Opened on the store thread while Textual and the screens import (tui.archive_opening).
    opening = ArchiveOpening.start(db, user=config.user)
    from tui.app import PressroomApp
    from tui.runtime.leaving import end_process
    from tui.runtime.textual_internals import screen_on_the_terminal

    app = PressroomApp(db, config, opening, leave_builds=True)
    with screen_on_the_terminal():
        app.run()
    # Marks are written and the terminal is given back: the background builds still
    # running and the archive's millions of objects are not waited for.
    end_process(app.return_code or 0, app.session.store_closed)


def cmd_config(ns: argparse.Namespace) -> int:
    from tui.config import (
        binding_lines,
        config_lines,
        config_report,
        known_bindings,
        load_config,
        theme_names,
    )

    config = load_config(themes=theme_names, bindings=known_bindings)
    if ns.db is not None:
        config.store, config.origins["store"] = ns.db, "option"
    if ns.keys:
        bindings = known_bindings()
        if ns.json:
            keys = {
                binding_id: {"key": config.keys.get(binding_id, key), "description": description}
                for binding_id, (key, description) in bindings.items()
            }
            sys.stdout.buffer.write(orjson.dumps(keys) + b"\n")
        else:
            sys.stdout.write("".join(line + "\n" for line in binding_lines(config, bindings)))
    elif ns.json:
        sys.stdout.buffer.write(orjson.dumps(config_report(config)) + b"\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in config_lines(config)))
    sys.stdout.flush()
    for problem in config.problems:
        _error(problem)
    return 1 if config.problems else 0


def cmd_serve(ns: argparse.Namespace) -> int:
    from tui.config import load_config
    from tui.serve import ServeUnavailable, make_server

    config = load_config()
    for problem in config.problems:
        _error(problem)
    if not 0 < ns.port < 65536:
        raise UsageError(f"--port {ns.port} is not a port (1-65535)")
    try:
        server = make_server(
            _resolved(ns.db or config.store), ns.host, ns.port, sys.stdout, ns.public_url
        )
        server.serve()
    except ServeUnavailable as exc:
        _error(str(exc))
        return 1
    except OSError as exc:
        raise UsageError(f"cannot listen on {ns.host}:{ns.port}: {exc.strerror or exc}") from None
    return 0


def cmd_completion(ns: argparse.Namespace) -> int:
    from tui.cli.completion import completion_script

    sys.stdout.write(completion_script(ns.shell))
    sys.stdout.flush()
    return 0


def cmd_samples(ns: argparse.Namespace) -> int:
    from tui.sample_releases import bundled_samples

    samples = bundled_samples()
    if samples is None:
        raise UsageError("this installation of Pressroom has no sample releases")
    ns.paths = [str(samples)]
    ns.restore_backup = False
    return cmd_browse(ns)


def _resolved(location: Location) -> Location:
    """A store file's absolute path (the served pages start in another folder); a database as it is."""
    return location.resolve() if isinstance(location, Path) else location


def _store_file(location: Location, what: str) -> Path:
    """*location* when it is a store file; a database is refused in one line."""
    if isinstance(location, ServerArchive):
        raise UsageError(
            f"{what} works on a store file; {location} is a PostgreSQL database, "
            "kept by its server (its own checks and backups)"
        )
    return location


@contextmanager
def _opened(ns: argparse.Namespace) -> Iterator[BrowsedArchive]:
    """The archive of --db (or the default) opened for reading, closed after."""
    from store.backend import open_archive

    archive = open_archive(ns.db or default_db(), user=_user(), read_only=True)
    try:
        yield archive
    finally:
        archive.close()


def _user() -> str:
    """Whose marks a team archive shows: ``user`` in config.toml, else the OS user's name."""
    from tui.config import load_config

    return load_config().user


def _find(archive: BrowsedArchive, wanted: str) -> Release:
    release = archive.get(wanted)
    if release is not None:
        return release
    prefix = wanted.lower()
    matches = sorted({i for i in archive.ids if i.startswith(prefix)}) if wanted else []
    if len(matches) == 1:
        found = archive.get(matches[0])
        assert found is not None
        return found
    if matches:
        raise UsageError(f"{wanted!r} matches {len(matches)} releases; give more of the id")
    raise UsageError(f"no release with id {wanted!r}")


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def cmd_export(ns: argparse.Namespace) -> int:
    from tui.cli.exporting import cmd_export as export

    return export(ns)


def cmd_contacts(ns: argparse.Namespace) -> int:
    from tui.cli.exporting import cmd_contacts as contacts

    return contacts(ns)


def cmd_copy(ns: argparse.Namespace) -> int:
    from tui.cli.copying import cmd_copy as copy

    return copy(ns)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "browse": cmd_browse,
    "import": cmd_import,
    "parse": cmd_parse,
    "search": cmd_search,
    "show": cmd_show,
    "doctor": cmd_doctor,
    "export": cmd_export,
    "contacts": cmd_contacts,
    "copy": cmd_copy,
    "samples": cmd_samples,
    "config": cmd_config,
    "serve": cmd_serve,
    "completion": cmd_completion,
}
