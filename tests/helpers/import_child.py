"""An importer in a child process: adds synthetic releases in batches, printing each
acknowledged id once ``add_batch`` has returned (the durability promise under test).

Usage: python -m tests.helpers.import_child STORE TAG START COUNT BATCH [BODY_SIZE [GO_FILE]]
Prints ``ready`` once the store is open, waits for GO_FILE to exist if one is
given (so that two importers start together), then prints one id per line,
flushed per batch.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from store.disk.release_store import ReleaseStore
from tests.helpers.synthetic_releases import synthetic_release


def main(argv: list[str]) -> int:
    path, tag, start, count, batch_size = argv[:5]
    body_size = int(argv[5]) if len(argv) > 5 else 400
    go_file = Path(argv[6]) if len(argv) > 6 else None
    first, total, size = int(start), int(count), int(batch_size)
    with ReleaseStore(path, lock_timeout=60) as store:
        print("ready", flush=True)
        while go_file is not None and not go_file.exists():
            time.sleep(0.005)
        for begin in range(first, first + total, size):
            end = min(begin + size, first + total)
            batch = [synthetic_release(n, tag=tag, body_size=body_size) for n in range(begin, end)]
            store.add_batch(batch)
            sys.stdout.write("".join(f"{release.id}\n" for release in batch))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
