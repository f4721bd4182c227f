"""An id written in a file is a claim: it never replaces a release from another source silently."""

from __future__ import annotations

from pathlib import Path

import orjson

from store.disk.release_store import ReleaseStore
from store.ingest.run import ImportSummary, import_paths
from store.records import Release, Source

RELEASE = "# Harbour Board plans dredging\n\nGENEVA, 3 March 2024 -- The Harbour Board met.\n"


def _import(store_path: Path, *paths: Path) -> ImportSummary:
    with ReleaseStore(store_path) as store:
        return import_paths(store, [str(p) for p in paths], workers=1)


def _stored(store_path: Path) -> dict[str, Release]:
    with ReleaseStore(store_path) as store:
        return {release.id: release for release in store.releases()}


def _export(path: Path, release: Release) -> Path:
    path.write_bytes(orjson.dumps([release.to_json()]))
    return path


def test_an_export_claiming_the_id_of_another_release_is_kept_apart_and_said(
    tmp_path: Path,
) -> None:
    store_path = tmp_path / "releases.json"
    original = tmp_path / "harbour.md"
    original.write_text(RELEASE, encoding="utf-8")
    _import(store_path, original)
    [(taken_id, kept)] = _stored(store_path).items()
    forged = Release(
        id=taken_id,
        title="Someone else's release",
        body="Entirely different text.",
        source=Source("/elsewhere/other.txt", "txt"),
    )
    summary = _import(store_path, _export(tmp_path / "other.json", forged))
    stored = _stored(store_path)
    assert stored[taken_id] == kept  # not replaced
    assert summary.imported == 1 and summary.updated == 0 and not summary.failed
    [(where, notice)] = summary.notices
    assert where == str(tmp_path / "other.json")
    assert notice.startswith(f"release {taken_id} (Someone else's release) has the id of a release")
    [apart] = [r for r in stored.values() if r.id != taken_id]
    assert apart.title == "Someone else's release" and notice.endswith(apart.id)
    again = _import(store_path, tmp_path / "other.json")  # the same file again: known
    assert (again.imported, again.known, again.notices) == (0, 1, [])


def test_an_export_of_the_same_release_updates_it(tmp_path: Path) -> None:
    # The round trip the id is kept for: the export names the same source.
    store_path = tmp_path / "releases.json"
    original = tmp_path / "harbour.md"
    original.write_text(RELEASE, encoding="utf-8")
    _import(store_path, original)
    [kept] = _stored(store_path).values()
    edited = kept.with_changes(body=kept.body + " Dredging starts in May.")
    summary = _import(store_path, _export(tmp_path / "export.json", edited))
    assert (summary.updated, summary.notices) == (1, [])
    assert _stored(store_path)[kept.id].body.endswith("Dredging starts in May.")


def test_the_summary_says_which_release_was_kept_apart(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from tui.cli.render import print_summary

    summary = ImportSummary(files_total=1, files_done=1, imported=1)
    summary.notices.append(("/in/x\x1b[31m.json", "release 00ff (T) has the id of ...; kept apart"))
    out = io.StringIO()
    print_summary(Console(file=out, width=200), summary)
    [_, note] = out.getvalue().splitlines()
    assert note.startswith("  note: /in/x") and note.endswith("kept apart")
    assert "\x1b" not in note
