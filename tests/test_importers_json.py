"""The JSON readers: our export form, common release JSON (APIs, CMS dumps) and JSON Lines."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store.ingest.discover import ImportProblem, SourceFile
from store.ingest.draft import Draft
from store.ingest.read import read_source
from store.records import Link, Person, Release, Source


def _read(fmt: str, payload: object | bytes) -> list[Draft]:
    data = payload if isinstance(payload, bytes) else orjson.dumps(payload)
    return read_source(SourceFile(f"/imports/releases.{fmt}", fmt), data)


def test_our_export_round_trips_as_a_record() -> None:
    release = Release(
        id="0123456789abcdef",
        title="Meeting of heads of counter-terrorism agencies",
        body="Marrakesh, 23 June 2021 – Mr. Voronkov said ...",
        source=Source("/old/seed.txt", "txt"),
        kicker="PRESS RELEASE",
        date="2021-06-23",
        location="Marrakesh",
        people=(Person("Vladimir Voronkov", "Under-Secretary-General"),),
        links=(Link("said", "#"),),
        language="en",
        tags=("security",),
    )
    [draft] = _read("json", [release.to_json()])
    assert draft.record == release
    assert (draft.title, draft.date, draft.language) == (release.title, "2021-06-23", "en")
    assert draft.text == release.body and draft.tags == ["security"]
    assert draft.entry_key == "0123456789abcdef"


def test_export_with_a_bad_date_loses_the_date_only() -> None:
    doc = {"id": "x", "title": "T", "body": "B", "kicker": None, "date": "yesterday"}
    [draft] = _read("json", doc)
    assert draft.record is not None and draft.record.date is None and draft.date is None


def test_export_without_title_is_read_as_common_json() -> None:
    [draft] = _read("json", {"id": "x", "title": "", "body": "Body only", "kicker": "K"})
    assert draft.record is None and draft.text == "Body only"


def test_govuk_first_public_at_is_the_release_date() -> None:
    """A written statement published on 20 December 2016 whose record was first saved in May:
    the page shows ``details.first_public_at``, not ``first_published_at``."""
    (draft,) = _read(
        "json",
        {
            "title": "School revenue funding settlement for 2017 to 2018",
            "first_published_at": "2016-05-12T17:07:00.000+00:00",
            "public_updated_at": "2016-12-20T16:58:14+00:00",
            "details": {
                "body": "<p>Today I am announcing details of schools revenue funding.</p>",
                "first_public_at": "2016-12-20T16:58:14+00:00",
            },
        },
    )
    assert draft.date == "2016-12-20"


def test_a_content_items_description_is_its_standfirst() -> None:
    """GOV.UK prints an item's description under its title: the minister making a statement is
    named there, not in the body."""
    (draft,) = _read(
        "json",
        {
            "title": "Statement to Commons on HMP Birmingham",
            "description": "Statement by The Rt Hon Elizabeth Truss MP, Lord Chancellor.",
            "details": {
                "body": "<p>With permission, Mr Speaker, I should like to make a statement.</p>"
            },
        },
    )
    assert draft.text.split("\n\n") == [
        "Statement by The Rt Hon Elizabeth Truss MP, Lord Chancellor.",
        "With permission, Mr Speaker, I should like to make a statement.",
    ]
    # A record whose description is its only text: read once, as the body.
    (plain,) = _read("json", {"title": "Notice", "description": "The office is closed today."})
    assert plain.text == "The office is closed today."


def test_govuk_style_api_results() -> None:
    doc = {
        "results": [
            {
                "title": "Minister opens flood defence",
                "first_published_at": "2024-02-01T10:30:00.000+00:00",
                "details": {
                    "body": "<p>The minister <a href='/flood'>opened</a> it.</p><p>Two</p>"
                },
                "web_url": "https://www.gov.example/news/flood",
                "locale": "en",
                "topics": [{"title": "Environment"}, {"title": "Flooding"}],
            },
            {"headline": "Second", "published": "Thu, 01 Feb 2024 12:00:00 GMT", "text": "Plain"},
            {"unrelated": True},
            "not an object",
        ]
    }
    first, second = _read("json", doc)
    assert first.title == "Minister opens flood defence" and first.date == "2024-02-01"
    assert first.text == "The minister [opened](/flood) it.\n\nTwo"
    assert first.links == [
        Link("Minister opens flood defence", "https://www.gov.example/news/flood")
    ]
    assert first.entry_key == "https://www.gov.example/news/flood"
    assert first.language == "en" and first.tags == ["Environment", "Flooding"]
    assert (second.title, second.date, second.text, second.entry_key) == (
        "Second",
        "2024-02-01",
        "Plain",
        "1",
    )


@pytest.mark.parametrize("wrapper", ["items", "releases", "data"])
def test_wrapped_lists(wrapper: str) -> None:
    drafts = _read("json", {wrapper: [{"title": "A", "body": "x"}, {"name": "B", "content": "y"}]})
    assert [d.title for d in drafts] == ["A", "B"]


def test_wordpress_rendered_fields_and_unsafe_url() -> None:
    doc = {
        "id": 42,
        "title": {"rendered": "Acme &#8217;s news"},
        "content": {"rendered": "<p>Hello</p>"},
        "date": "2024-03-05T10:00:00",
        "link": "javascript:alert(1)",
        "tags": "a, b ,a",
    }
    [draft] = _read("json", doc)
    assert (draft.title, draft.text, draft.date) == ("Acme ’s news", "Hello", "2024-03-05")
    assert draft.links == [] and draft.entry_key == "42" and draft.tags == ["a", "b"]


def test_single_object_plain_body_keeps_paragraphs() -> None:
    [draft] = _read("json", {"title": "T", "body": "Para one.\r\n\r\nPara two."})
    assert draft.text == "Para one.\n\nPara two."
    assert draft.entry_key is None


def test_json_without_releases_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="no releases in this JSON"):
        _read("json", {"count": 0, "results": []})
    with pytest.raises(ImportProblem, match="cannot parse JSON"):
        _read("json", b'{"title": "unterminated')


def test_jsonl_bad_line_does_not_lose_the_others() -> None:
    data = (
        b'{"title": "A", "body": "x", "id": "a-1"}\n{broken\n\n{"title": "B", "text": "y"}\n[1]\n'
    )
    first, second = _read("jsonl", data)
    assert (first.title, first.entry_key, first.format) == ("A", "a-1", "jsonl")
    assert (second.title, second.entry_key) == ("B", "line 4")


def test_jsonl_with_no_good_line_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="no releases in this JSONL"):
        _read("jsonl", b"{broken\nnot json\n")


def test_lone_surrogate_escapes_are_read_and_replaced() -> None:
    [draft] = _read("json", b'{"title": "Bad \\udc80 title", "body": "x"}')
    assert draft.title == "Bad \ufffd title"  # E11


def test_ids_written_by_another_tool_import_and_reimport_as_the_same_releases(
    tmp_path: Path,
) -> None:
    """ "synthetic-000042", numbers, null: once a traceback that stopped the whole import."""
    import json

    from store.disk.release_store import ReleaseStore
    from store.ingest.run import import_paths
    from store.records import is_release_id

    # Pressroom's own JSON form (it has "organisations"), written by another tool.
    lines: list[dict[str, object]] = [
        {"id": f"synthetic-{n:06d}", "title": f"Foreign release {n}", "body": f"Body {n}."}
        for n in range(3)
    ]
    lines += [
        {"id": 42, "title": "Numbered", "body": "x"},
        {"id": None, "title": "No id", "body": "y"},
    ]
    for line in lines:
        line["organisations"] = ["Acme"]
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    other = tmp_path / "plain.txt"
    other.write_text("A plain release\n\nIts text.", encoding="utf-8")
    with ReleaseStore(tmp_path / "releases.json") as store:
        first = import_paths(store, [str(export), str(other)], workers=1)
        again = import_paths(store, [str(export)], workers=1)
        ids = [r.id for r in store.releases()]
    assert (first.imported, first.failed) == (6, [])
    assert (again.imported, again.updated, again.known) == (0, 0, 5)
    assert len(set(ids)) == 6 and all(is_release_id(i) for i in ids)


def test_the_issuer_named_by_a_cms_export() -> None:
    from store.ingest.build import build_release

    docs = [
        {"title": "Plant opens", "body": "LYON - Text.", "company": "Acme Foods SA"},
        {"title": "Grant", "body": "Text.", "publisher": {"name": "City of Lyon", "url": "x"}},
        {"title": "Post", "body": "Text.", "author": "Jane Doe", "publisher": "press@x.org"},
    ]
    drafts = _read("json", docs)
    assert [d.issuer for d in drafts] == ["Acme Foods SA", "City of Lyon", None]
    assert build_release(drafts[0], "/imports/x.json").issuer == "Acme Foods SA"


def test_a_claimed_fingerprint_is_not_believed(tmp_path: Path) -> None:
    """A file in Pressroom's form that claims another release's fingerprint must not make
    that release "already known" when it comes: the fingerprint is the file's content's."""
    from store.disk.release_store import ReleaseStore
    from store.ingest.run import import_paths

    real = tmp_path / "real.txt"
    real.write_text("A real release\n\nIts own text, imported later.", encoding="utf-8")
    with ReleaseStore(tmp_path / "scratch.json") as scratch:
        import_paths(scratch, [str(real)], workers=1)
        [seen] = scratch.releases()
    claimed = seen.fingerprint
    hostile = tmp_path / "hostile.json"
    hostile.write_bytes(
        orjson.dumps(
            [
                {
                    "id": "0123456789abcdef",
                    "title": "Something else",
                    "body": "Other words.",
                    "organisations": [],
                    "fingerprint": claimed,
                }
            ]
        )
    )
    with ReleaseStore(tmp_path / "releases.json") as store:
        first = import_paths(store, [str(hostile)], workers=1)
        second = import_paths(store, [str(real)], workers=1)
        titles = sorted(r.title for r in store.releases())
    assert (first.imported, second.imported, second.known) == (1, 1, 0)
    assert titles == ["A real release", "Something else"]
