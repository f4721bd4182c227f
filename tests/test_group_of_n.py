"""A forum of states (issue 10): "G7" alone where the next capitalised word opens a meeting's
or a paper's name ("G7 Digital and Tech Ministers", "G7 Vision on AI Openness")."""

from __future__ import annotations

from store.ingest.extract.organisations import find_organisations


def test_the_forum_not_its_meetings_and_papers() -> None:
    text = (
        "The OSI helped the G7 Deliver Vision On AI Openness. At the G7 Digital and Tech "
        "Ministers' Meeting the G7 Vision on AI openness and the G7 Ministerial Declaration were "
        "adopted by the G7.\n"
    )
    assert [o for o in find_organisations(text, set()) if o.startswith("G7")] == ["G7"]


def test_a_firm_named_like_a_forum_keeps_its_name() -> None:
    text = "G6 Hospitality unveils its upgraded app. G6 Hospitality owns Motel 6 and Studio 6.\n"
    assert [o for o in find_organisations(text, set()) if o.startswith("G6")] == ["G6 Hospitality"]
