"""The issuer of wire releases, scored against 150 labelled from the real corpus.

Run: ``python -m tests.wire_issuers [FOLDER]``: FOLDER is the corpus unpacked (its wire
folders inside); without it, the labelled files are taken from ``../shared/corpus``'s
archive. Prints the share right, then each release that misses. The labels are in
``tests/wire_issuers.json`` (see ``tests/benchmarks/README.md``, "Issuers of wire releases").
"""

from __future__ import annotations

import json
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.ingest.build import parse_paths
from tests.accuracy import single_match

LABELS = Path(__file__).with_name("wire_issuers.json")
ARCHIVE = (
    Path(__file__).resolve().parents[2] / "shared" / "corpus" / "newsworthy-press-releases.tar.gz"
)


@dataclass(frozen=True)
class Scored:
    """One labelled release: what it is labelled, what extraction found."""

    path: str
    expected: list[str]
    got: str | None

    @property
    def right(self) -> bool:
        return single_match("issuer", self.expected, self.got)


def labels() -> list[dict[str, Any]]:
    """The labelled releases that name an issuer (the others say why they are left out)."""
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    return [entry for entry in data["releases"] if entry["issuer"]]


def unpack_labelled(archive: Path, target: Path) -> Path:
    """Only the labelled files of *archive*, unpacked under *target*: a second, not a minute."""
    wanted = {f"./{entry['path']}" for entry in labels()} | {e["path"] for e in labels()}
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if m.name in wanted]
        tar.extractall(target, members=members, filter="data")
    return target


def score(folder: Path) -> list[Scored]:
    """Each labelled release of *folder* (the corpus unpacked), with the issuer found."""
    scored = []
    for entry in labels():
        result = parse_paths([str(folder / entry["path"])])
        got = result.releases[0].issuer if result.releases else None
        scored.append(Scored(entry["path"], [entry["issuer"], *entry["variants"]], got))
    return scored


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(argv[0]) if argv else unpack_labelled(ARCHIVE, Path(scratch))
        scored = score(folder)
    right = sum(s.right for s in scored)
    found = sum(1 for s in scored if s.got)
    print(f"issuer: {right}/{len(scored)} right ({100 * right / len(scored):.1f}%), ", end="")
    print(f"{found} found, {len(scored) - found} none")
    for s in scored:
        if not s.right:
            print(f"  {s.path}\n    expected {s.expected[0]!r}, got {s.got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
