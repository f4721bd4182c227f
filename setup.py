"""What pyproject.toml cannot say: the top-level ``samples/`` shipped inside the package.

The sample releases stay where a reader of the repository finds them (one copy
in git), and a wheel carries them as ``tui/samples/`` so that ``pressroom
samples`` works wherever Pressroom is installed (``tui.sample_releases``).
Each folder of samples is named as a package of its own: setuptools warns
about any data folder that is importable but not listed.
"""

from pathlib import Path

from setuptools import find_packages, setup

SAMPLES = Path(__file__).resolve().parent / "samples"
sample_packages = ["tui.samples"] + [
    f"tui.samples.{folder.name}" for folder in sorted(SAMPLES.iterdir()) if folder.is_dir()
]

setup(
    # Every package of the two layers; tests (and their synthetic corpus) never ship.
    packages=[*find_packages(include=["store", "store.*", "tui", "tui.*"]), *sample_packages],
    package_dir={"tui.samples": "samples"},
    package_data={
        "tui": ["*.tcss", "screens/*.tcss", "widgets/*.tcss"],
        # The given names that tell a contact's colleague from a firm (given_names.py).
        "store.ingest.extract": ["given_names.txt"],
        **{name: ["*"] for name in sample_packages},
    },
)
