"""Where the bundled sample releases are: in the installed package, or in the clone."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def bundled_samples() -> Path | None:
    """The folder of sample releases, or None when this installation has none.

    A wheel (``pip install .``, ``pipx install``) carries them as
    ``tui/samples/`` (see setup.py); an editable install or a clone reads
    the repository's own ``samples/`` folder, the one copy kept in git.
    """
    packaged = files("tui").joinpath("samples")
    if packaged.is_dir():
        # A package installed from a wheel is a plain folder: the path stays
        # valid after the context ends (a zipped one would not be importable
        # by the folder import anyway).
        with as_file(packaged) as folder:
            if folder.is_dir():
                return Path(folder)
    clone = Path(__file__).resolve().parent.parent / "samples"
    return clone if clone.is_dir() else None
