"""A content API's publishing links (GOV.UK's `links.organisations`) name the issuer and
organisations of the item, though its text does not name them."""

from __future__ import annotations

import json
from pathlib import Path

from store.ingest.build import parse_paths
from store.ingest.readers.publishing_links import publishing_bodies

ITEM = {
    "title": "Healthier food in hospitals and schools",
    "first_public_at": "2014-07-29T00:00:00+01:00",
    "details": {
        "body": "<p>New standards will make food served in hospitals healthier, the government "
        "said today. PHE welcomed the change.</p>"
    },
    "links": {
        "primary_publishing_organisation": [{"title": "Department of Health and Social Care"}],
        "organisations": [
            {"title": "Department for Education"},
            {"title": "Department of Health and Social Care"},
            {"title": "Public Health England"},
        ],
    },
}


def test_publishing_bodies_in_order_each_once() -> None:
    assert publishing_bodies(ITEM) == (
        "Department of Health and Social Care",
        "Department for Education",
        "Public Health England",
    )
    assert publishing_bodies({"links": {"organisations": "Home Office"}}) == ()
    assert publishing_bodies({"links": [1, 2]}) == ()


def test_the_linked_bodies_are_organisations_of_the_release(tmp_path: Path) -> None:
    path = tmp_path / "item.json"
    path.write_text(json.dumps(ITEM), encoding="utf-8")
    (release,) = parse_paths([str(path)]).releases
    assert release.issuer == "Department of Health and Social Care"
    assert "Department of Health and Social Care" in release.organisations
    assert "Department for Education" in release.organisations
    # Listed under its acronym in the text: not listed twice.
    assert (
        "Public Health England" not in release.organisations or "PHE" not in release.organisations
    )


def test_a_world_news_storys_embassy_is_its_issuer(tmp_path: Path) -> None:
    # GOV.UK world news: "From: British High Commission Nairobi", linked as a worldwide
    # organisation; the text names another body (the scholarship's secretariat) first.
    item = {
        "title": "Chevening Fellowships open for applications",
        "document_type": "world_location_news_article",
        "first_public_at": "2016-08-01T10:00:00+01:00",
        "details": {
            "body": "<p>The Chevening Secretariat today opened applications for next "
            "year's fellowships in Kenya.</p>"
        },
        "links": {
            "worldwide_organisations": [{"title": "British High Commission Nairobi"}],
            "world_locations": [{"title": "Kenya"}],
        },
    }
    assert publishing_bodies(item) == ("British High Commission Nairobi",)
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    (release,) = parse_paths([str(path)]).releases
    assert release.issuer == "British High Commission Nairobi"
    assert "British High Commission Nairobi" in release.organisations
