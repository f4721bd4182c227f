"""Two browsers and two importers on one PostgreSQL server, driven from outside as a team would.

    python -m tests.benchmarks.pg_team postgresql://pressroom@127.0.0.1:PORT/postgres \\
        --code /tmp/base

On the server given (its ``postgres`` database, for creating two): the browsers run in
tmux (``pressroom`` with ``PRESSROOM_DB``, each with a ``config.toml`` naming its user,
alice and bob, and data folders of its own), opened on the empty archive; then two
importers (carol and dave) are started together on the same folders of the real
corpus, twice (an empty archive, then one that holds releases). Every 0.1 s the
database's count and each browser's count line (``tmux capture-pane``) are read:
printed, for each count the database reached, how long until each browser showed it.
The same folders imported once, by one importer, into a second database are the
reference: the archive must hold the same ids, each fingerprint once. Then alice stars
her first row, bob his, bob unstars it: each user's marks are read back from the
database. Needs tmux. It is a script, not a test.

With ``--importers alice,bob`` the importers are the browsers' own users (each with a
home of its own beside its browser's), so that each browser is timed showing the other
desk's imports. Last, ``pressroom copy`` both ways as each browser's user: the team's
archive to a store file (``is:starred`` there is that user's stars, ``pressroom search
--json``) and that file back into a new database (the user's marks there, read from
``pressroom.marks``), each compared with the team archive's ids.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg

from tests.benchmarks.checkouts import LAUNCH

ROUNDS = (
    ("/work/data/rc/newmediawire",),
    ("/work/data/rc/pressservices", "/work/data/rc/newsworthy"),
)
BROWSERS = ("alice", "bob")
IMPORTERS = ("carol", "dave")


class Team:
    """The browsers' and importers' environments, in *folder*."""

    def __init__(self, folder: Path, code: Path, dsn: str) -> None:
        self.folder, self.code, self.dsn = folder, code, dsn

    def env(self, home_name: str, dsn: str | None = None, user: str = "") -> dict[str, str]:
        home = self.folder / home_name
        home.mkdir(parents=True, exist_ok=True)
        (home / "config.toml").write_text(f'user = "{user or home_name}"\n')
        return {
            "PYTHONPATH": str(self.code),
            "PRESSROOM_CONFIG": str(home / "config.toml"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "PRESSROOM_DB": dsn or self.dsn,
        }

    def importer(self, user: str, paths: tuple[str, ...], dsn: str | None = None) -> Any:
        # A browser's user imports from a home of its own, beside the browser's.
        home = f"{user}-import" if user in BROWSERS else user
        return subprocess.Popen(
            [sys.executable, "-P", "-c", LAUNCH, "import", *paths, "--json"],
            env={**os.environ, **self.env(home, dsn, user)},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self.folder,
        )

    def pressroom(self, user: str, *args: str) -> str:
        """``pressroom ARGS`` run as *user* (from the home of that user's importer); its output."""
        done = subprocess.run(
            [sys.executable, "-P", "-c", LAUNCH, *args],
            env={**os.environ, **self.env(f"{user}-copy", None, user)},
            capture_output=True,
            text=True,
            cwd=self.folder,
        )
        return (done.stdout + done.stderr).strip()

    def open_browser(self, user: str) -> None:
        _tmux("kill-session", "-t", _session(user))
        settings = [f"{name}={value}" for name, value in self.env(user).items()]
        _tmux(
            "new-session", "-d", "-s", _session(user), "-x", "150", "-y", "40",
            "env", *settings, "TERM=xterm-256color", sys.executable, "-P", "-c", LAUNCH,
        )  # fmt: skip


def _session(user: str) -> str:
    return f"pg-team-{user}"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def shown(user: str) -> int | None:
    """The count in the browser's top line ("4,404 releases"), or None."""
    found = re.findall(r"([\d,]+) releases", _tmux("capture-pane", "-p", "-t", _session(user)))
    return int(found[0].replace(",", "")) if found else None


def ids(dsn: str) -> tuple[set[str], int]:
    """The archive's ids and its number of distinct fingerprints."""
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT id, fingerprint FROM pressroom.releases").fetchall()
    return {row[0] for row in rows}, len({row[1] for row in rows})


def one_round(
    team: Team,
    paths: tuple[str, ...],
    watch: psycopg.Connection[Any],
    importers: tuple[str, ...] = IMPORTERS,
) -> None:
    """Both importers on *paths* at once; each browser's lag behind the database's count."""
    count = "SELECT count(*) FROM pressroom.releases"
    before = watch.execute(count).fetchone()[0]  # type: ignore[index]
    running = {user: team.importer(user, paths) for user in importers}
    started = time.monotonic()
    ended: dict[str, float] = {}
    timeline: list[tuple[float, int, list[int | None]]] = []
    while True:
        now = time.monotonic() - started
        for user, process in running.items():
            if user not in ended and process.poll() is not None:
                ended[user] = now
        stored = watch.execute(count).fetchone()[0]  # type: ignore[index]
        timeline.append((now, stored, [shown(user) for user in BROWSERS]))
        caught_up = all(n == stored for n in timeline[-1][2])
        if len(ended) == len(running) and (caught_up or now - max(ended.values()) > 10):
            break
        time.sleep(0.1)
    lags: dict[str, list[float | None]] = {user: [] for user in BROWSERS}
    last = before
    for at, (moment, stored, _shown) in enumerate(timeline):
        if stored == last:
            continue
        last = stored
        for place, user in enumerate(BROWSERS):
            caught = [t for t, _n, counts in timeline[at:] if (counts[place] or 0) >= stored]
            lags[user].append(round(caught[0] - moment, 2) if caught else None)
    print(f"{', '.join(Path(p).name for p in paths)}: {before} -> {last} releases", flush=True)
    for user, process in running.items():
        out = process.stdout.read().decode().strip().splitlines() if process.stdout else []
        print(f"  {user}: exit {process.returncode} at {ended[user]:.1f} s: {out[-1:]}")
    for user in BROWSERS:
        print(f"  {user}'s browser behind the database's {len(lags[user])} counts, s: {lags[user]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("admin", help="the server's postgres database (two are created)")
    parser.add_argument("--code", type=Path, default=Path("."), help="the checkout to run")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/pg-team"))
    parser.add_argument(
        "--importers",
        default=",".join(IMPORTERS),
        help="the two importers' users (alice,bob: the browsers' own, each importing)",
    )
    args = parser.parse_args(argv)
    importers = tuple(args.importers.split(","))
    server = args.admin.rsplit("/", 1)[0]
    dsn, reference = f"{server}/team", f"{server}/team_reference"
    with psycopg.connect(args.admin, autocommit=True) as admin:
        for name in ("team", "team_reference"):
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {name}")
    team = Team(args.folder, args.code.resolve(), dsn)
    for paths in ROUNDS:
        for path in paths:
            team.importer("reference", (path,), reference).wait()
    for user in BROWSERS:
        team.open_browser(user)
    time.sleep(6)
    print("browsers open, showing", [shown(user) for user in BROWSERS], flush=True)
    with psycopg.connect(dsn, autocommit=True) as watch:
        for paths in ROUNDS:
            one_round(team, paths, watch, importers)
    team_ids, fingerprints = ids(dsn)
    reference_ids, _ = ids(reference)
    print(
        f"{len(team_ids)} releases, {fingerprints} fingerprints; the reference's ids:"
        f" {team_ids == reference_ids} ({len(reference_ids)})"
    )
    # alice and bob each star the row under their cursor; bob then takes his star back.
    for keys in (("alice", "s"), ("bob", "s"), ("bob", "s")):
        _tmux("send-keys", "-t", _session(keys[0]), keys[1])
        time.sleep(1.5)
    with psycopg.connect(dsn) as conn:
        marks = conn.execute(
            "SELECT user_name, release_id, starred, read FROM pressroom.marks ORDER BY 1, 2"
        ).fetchall()
    print("marks:", marks)
    for user in BROWSERS:
        _tmux("kill-session", "-t", _session(user))
    copy_both_ways(team, server, team_ids, marks)
    return 0


def copy_both_ways(team: Team, server: str, team_ids: set[str], marks: list[Any]) -> None:
    """Each browser's user copies the team's archive to a store file and that file back into
    a database of its own: the same ids each way, and that user's stars, no one else's."""
    for user in BROWSERS:
        offline = team.folder / f"{user}-offline.json"
        offline.unlink(missing_ok=True)
        back = f"{server}/team_back_{user}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS team_back_{user} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE team_back_{user}")
        out = team.pressroom(user, "copy", "--from", team.dsn, "--to", str(offline), "--json")
        print(f"  {user}: copy to {offline.name}: {out.splitlines()[-1:]}")
        listed = team.pressroom(user, "search", "", "--db", str(offline), "--json", "--limit", "0")
        offline_ids = {
            line.split('"id":"', 1)[1][:16] for line in listed.splitlines() if '"id":"' in line
        }
        starred = team.pressroom(user, "search", "is:starred", "--db", str(offline), "--json")
        stars = sorted(
            line.split('"id":"', 1)[1][:16] for line in starred.splitlines() if '"id":"' in line
        )
        own = sorted(m[1] for m in marks if m[0] == user and m[2])
        print(
            f"    offline: {len(offline_ids)} releases, the team's ids: {offline_ids == team_ids};"
            f" is:starred {stars}, {user}'s stars in the team archive {own}: {stars == own}"
        )
        out = team.pressroom(user, "copy", "--from", str(offline), "--to", back, "--json")
        print(f"  {user}: copy back to team_back_{user}: {out.splitlines()[-1:]}")
        back_ids, _ = ids(back)
        with psycopg.connect(back) as conn:
            back_marks = conn.execute(
                "SELECT user_name, release_id FROM pressroom.marks WHERE starred ORDER BY 2"
            ).fetchall()
        print(
            f"    back: {len(back_ids)} releases, the team's ids: {back_ids == team_ids};"
            f" stars {back_marks}: {[m[1] for m in back_marks] == own}"
            f" and all {user}'s: {all(m[0] == user for m in back_marks)}"
        )


if __name__ == "__main__":
    sys.exit(main())
