"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` in a temporary folder.

The server runs as a child of the test process and dies with it (even when the
test run is killed). The server binaries come from the system (Debian's ``postgresql`` package puts
them in ``/usr/lib/postgresql/<version>/bin``, off the PATH). PostgreSQL refuses
to run as root, so as root the server runs as the ``postgres`` system user
(through ``runuser``), in a folder that user owns. ``missing()`` says in one line
why no server can be started here, for a skip; ``PRESSROOM_REQUIRE_POSTGRES=1``
(set by ``.ci/run``) turns that skip into a failure.

Run as a script it starts a server and prints its connection string, for trying
Pressroom against PostgreSQL by hand: ``python -m tests.helpers.pg_server``
(Ctrl-C stops it and deletes its folder); settings as arguments, as a team's server
would have them: ``python -m tests.helpers.pg_server shared_buffers=6GB work_mem=32MB``.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import glob
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REQUIRE_ENV = "PRESSROOM_REQUIRE_POSTGRES"
SUPERUSER = "pressroom"
_SYSTEM_USER = "postgres"
_PREFIX = "pressroom-pg-"


def server_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: on the PATH, else the newest Debian one."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        # /usr/local/bin may hold wrappers: the real binaries sit beside `postgres`.
        real = Path(os.path.realpath(on_path)).parent
        if (real / "postgres").exists() and (real / "initdb").exists():
            return real
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    if on_path and shutil.which("initdb") and shutil.which("postgres"):
        return Path(on_path).parent
    return None


def missing() -> str | None:
    """Why no PostgreSQL server can be started here (one line), or None when one can."""
    if importlib.util.find_spec("psycopg") is None:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if server_bin() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql package"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(_SYSTEM_USER)
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing (needed to start the server as postgres)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """A running server: connect with :attr:`conninfo` (database ``postgres``) or :meth:`dsn`."""

    folder: Path
    port: int
    process: subprocess.Popen[bytes]

    @property
    def conninfo(self) -> str:
        return self.dsn("postgres")

    def dsn(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        """Immediate shutdown (the data is thrown away), then the folder is deleted."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", _SYSTEM_USER, "--", *command]
    return command


def _run(command: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _as_server_user(command), capture_output=True, text=True, check=check, timeout=120
    )


def _become_server_user_and_die_with_parent() -> None:
    """In the server's child process, before it runs ``postgres``: drop root for the
    ``postgres`` user, then ask the kernel for SIGQUIT (immediate shutdown) when the
    test process dies, however it dies: a killed test run leaves no server behind.
    (The order matters: a change of user clears the parent-death signal.)"""
    if os.geteuid() == 0:
        account = pwd.getpwnam(_SYSTEM_USER)
        os.setgroups([])
        os.setgid(account.pw_gid)
        os.setuid(account.pw_uid)
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGQUIT)


def _ready(port: int, process: subprocess.Popen[bytes], seconds: float) -> bool:
    """Wait until the server accepts connections; False if it exited (its port was taken)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                pass
        except OSError:
            time.sleep(0.05)
            continue
        import psycopg

        try:
            with psycopg.connect(f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"):
                return True
        except psycopg.OperationalError:  # accepting, but still starting up
            time.sleep(0.05)
    return False


def _sweep_abandoned() -> None:
    """Delete the folders of servers gone with a killed test run (their process died with
    it, but nothing deleted the folder): no ``postmaster.pid``, untouched for an hour."""
    for folder in Path(tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            idle = time.time() - folder.stat().st_mtime
        except OSError:
            continue
        if idle > 3600 and not (folder / "data" / "postmaster.pid").exists():
            shutil.rmtree(folder, ignore_errors=True)


def start(settings: dict[str, str] | None = None) -> Server:
    """Create a cluster in a new temporary folder and run it on a free port, as a child of
    this process (fast, unsafe settings: no fsync; the data is thrown away). *settings*:
    more server settings (``shared_buffers`` ...), for measuring."""
    problem = missing()
    if problem is not None:
        raise RuntimeError(problem)
    bin_dir = server_bin()
    assert bin_dir is not None
    _sweep_abandoned()
    folder = Path(tempfile.mkdtemp(prefix=_PREFIX))
    if os.geteuid() == 0:
        account = pwd.getpwnam(_SYSTEM_USER)
        os.chown(folder, account.pw_uid, account.pw_gid)
    data = folder / "data"
    try:
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        for _attempt in range(5):
            port = _free_port()
            with open(folder / "server.log", "ab") as log:
                process = subprocess.Popen(
                    [
                        str(bin_dir / "postgres"),
                        "-D",
                        str(data),
                        "-p",
                        str(port),
                        "-k",
                        str(folder),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "full_page_writes=off",
                        "-c",
                        "max_connections=40",
                        *(f"-c{name}={value}" for name, value in (settings or {}).items()),
                    ],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    preexec_fn=_become_server_user_and_die_with_parent,
                )
            if _ready(port, process, 60):
                return Server(folder, port, process)
            if process.poll() is None:
                process.kill()
            process.wait()
        log_tail = (folder / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"PostgreSQL did not start: {log_tail}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


@contextlib.contextmanager
def running(settings: dict[str, str] | None = None) -> Iterator[Server]:
    """A server for the length of the block."""
    server = start(settings)
    try:
        yield server
    finally:
        server.stop()


_shared: list[Server] = []


def shared() -> Server:
    """The server of this test process, started on first use and stopped when it exits
    (both test modules use it; with pytest-xdist, each worker has its own)."""
    if not _shared:
        server = start()
        atexit.register(server.stop)
        _shared.append(server)
    return _shared[0]


def require() -> None:
    """Skip the calling test module, saying why, when no server can run here; fail instead
    when ``PRESSROOM_REQUIRE_POSTGRES`` is set (CI, where they must run)."""
    import pytest

    problem = missing()
    if problem is None:
        return
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set but {problem}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {problem}", allow_module_level=True)


@contextlib.contextmanager
def database(server: Server) -> Iterator[str]:
    """A new empty database on *server* for the block (its connection string), dropped after."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server.conninfo, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield server.dsn(name)
    finally:
        with psycopg.connect(server.conninfo, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main(argv: list[str] | None = None) -> int:
    """Start a server (with ``name=value`` settings from *argv*) until Ctrl-C."""
    settings = dict(arg.split("=", 1) for arg in (sys.argv[1:] if argv is None else argv))
    with running(settings or None) as server:
        print(server.conninfo, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
