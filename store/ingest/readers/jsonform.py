"""The JSON readers (json, jsonl): our own export form and common release JSON from APIs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from store.disk.release_store import ReleaseState
from store.ingest.decoding import decode_markup
from store.ingest.draft import Draft
from store.ingest.limits import ImportProblem
from store.ingest.readers.contacts import contact_block, is_contact_key, read_contacts
from store.ingest.readers.drupal_node import administration_office
from store.ingest.readers.fields import entry_key, iso_date, language_tag, short_text, web_url
from store.ingest.readers.html import html_to_text, looks_like_html
from store.ingest.readers.publishing_links import publishing_bodies
from store.records import Contact, Link, Release
from store.sanitize import clean_optional, clean_text
from store.tags import clean_tags

# Keys under which APIs wrap their list of releases.
WRAPPERS = ("items", "results", "releases", "data", "entries", "articles", "posts", "news")
_TITLE_KEYS = ("title", "headline", "name")
_DATE_KEYS = ("first_published_at", "published_at", "date", "published", "datePublished")
_BODY_KEYS = ("body", "content", "text", "description")
# A standfirst a CMS keeps apart from the body (eLife's "impactStatement"): the body's first paragraph.
_STANDFIRST_KEYS = ("standfirst", "impactStatement", "impact_statement", "dek", "strapline", "lede")
# The issuer's boilerplate a CMS keeps apart ("about": blocks or text): after the body.
_ABOUT_KEYS = ("about", "boilerplate", "aboutUs", "about_us")
# A body given as typed blocks (eLife, Editor.js, headless CMSs): at most this many, this deep.
_MAX_BLOCKS = 2000
_MAX_DEPTH = 6
_URL_KEYS = ("url", "link", "web_url")
_LANGUAGE_KEYS = ("lang", "language", "locale")
_TAG_KEYS = ("tags", "keywords", "topics")
# Who issued the release, as CMS and newsroom exports name it (never "author":
# in most CMS exports that is a person or a user number).
_ISSUER_KEYS = ("issuer", "company", "organisation", "organization", "publisher")
# Keys only our export has; with "id", "title" and "body" they mark Release.to_json output.
_EXPORT_KEYS = ("kicker", "people", "contacts", "organisations", "embargo", "fingerprint")


def read_json(data: bytes) -> list[Draft]:
    """Read a JSON file: one release, a list of them, or an object wrapping a list."""
    document = loads(decode_markup(data))
    entries = _entries(document)
    drafts = []
    for index, obj in enumerate(entries):
        draft = entry_draft(obj, "json", None if len(entries) == 1 else str(index))
        if draft is not None:
            drafts.append(draft)
    if not drafts:
        raise ImportProblem("no releases in this JSON")
    return drafts


def read_jsonl(data: bytes) -> list[Draft]:
    """Read JSON Lines: one release object per line; a bad line does not lose the others."""
    drafts = []
    for number, line in enumerate(decode_markup(data).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except ImportProblem:
            continue
        if isinstance(obj, dict):
            draft = entry_draft(obj, "jsonl", f"line {number}")
            if draft is not None:
                drafts.append(draft)
    if not drafts:
        raise ImportProblem("no releases in this JSONL")
    return drafts


def loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        problem = error
    try:
        # The standard parser accepts what orjson refuses but a sloppy exporter
        # writes: lone surrogate escapes (cleaned to U+FFFD later), NaN.
        return json.loads(text)
    except (ValueError, RecursionError):
        raise ImportProblem(f"cannot parse JSON: {_short(problem)}") from None


def _entries(document: Any) -> list[Mapping[str, Any]]:
    if isinstance(document, list):
        return [item for item in document if isinstance(item, dict)]
    if not isinstance(document, dict):
        return []
    if not _has_release_fields(document):
        for key in WRAPPERS:
            wrapped = document.get(key)
            if isinstance(wrapped, list):
                return [item for item in wrapped if isinstance(item, dict)]
            if isinstance(wrapped, dict) and _has_release_fields(wrapped):
                return [wrapped]
    return [document]


def _has_release_fields(obj: Mapping[str, Any]) -> bool:
    return any(isinstance(obj.get(key), str | dict) for key in (*_TITLE_KEYS, *_BODY_KEYS))


def entry_draft(obj: Mapping[str, Any], fmt: str, index: str | None) -> Draft | None:
    """One release object to a draft, or None if it has neither a title nor a body."""
    key = entry_key(obj.get("id")) or web_url(_first(obj, _URL_KEYS)) or index
    if "id" in obj and "title" in obj and "body" in obj and any(k in obj for k in _EXPORT_KEYS):
        record = _exported_release(obj)
        if record is not None:
            return Draft(
                text=record.body,
                format=fmt,
                title=record.title,
                date=record.date,
                links=list(record.links),
                language=record.language,
                tags=list(record.tags),
                entry_key=key,
                record=record,
                marks=_exported_marks(obj.get("marks")),
            )
    title = _title(_first(obj, _TITLE_KEYS))
    contacts = _contacts(obj)
    body = _body(obj, contacts)
    if not title and not body:
        return None
    url = web_url(_first(obj, _URL_KEYS))
    return Draft(
        text=body,
        contacts=contacts,
        format=fmt,
        title=title,
        date=_date(obj),
        links=[Link(label=title or url, url=url)] if url else [],
        language=language_tag(_first(obj, _LANGUAGE_KEYS)),
        tags=_tags(_first(obj, _TAG_KEYS)),
        entry_key=key,
        issuer=_issuer(obj) or _contacts_body(contacts),
        filed_under=_breadcrumb_office(obj) or administration_office(obj),
        organisations=publishing_bodies(obj),
    )


# Longer than a body's name: a contact's address or description in its organisation field.
_MAX_BODY_WORDS = 8


def _contacts_body(contacts: list[Contact]) -> str | None:
    """The organisation of the record's first media contact, when the record names no
    publisher: an eLife press package's contacts are eLife's press officers
    (``"affiliations": [{"name": ["eLife"]}]``); a release several bodies announce lists the
    first of them, whose press office wrote it, first."""
    for contact in contacts[:1]:
        org = contact.organisation
        if (
            org
            and org[:1].isalpha()
            and any(ch.isupper() for ch in org)  # "eLife" too
            and len(org.split()) <= _MAX_BODY_WORDS
            and not any(ch.isdigit() or ch in "@:/" for ch in org)
        ):
            return org
    return None


def _exported_release(obj: Mapping[str, Any]) -> Release | None:
    # The fingerprint is computed from what the file says, never taken from it: a file that
    # claimed another release's would make that release "already known" when it comes.
    record = Release.from_json({**obj, "fingerprint": ""})
    if not record.title:
        return None
    if record.date is not None and iso_date(record.date) != record.date:
        # Never keep a date we cannot read as YYYY-MM-DD: it would be wrong everywhere.
        record = record.with_changes(date=None)
    return record


def _exported_marks(marks: Any) -> ReleaseState | None:
    """The user's marks an export carries (store.export): read, starred, their own tags.

    Only what has the type an export writes counts: ``"read": "no"`` is not read.
    """
    if not isinstance(marks, Mapping):
        return None
    return ReleaseState(
        read=marks.get("read") is True,
        starred=marks.get("starred") is True,
        tags=clean_tags(marks.get("tags")),
    )


def _first(obj: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _rendered(value: Any) -> Any:
    # WordPress and similar APIs: {"title": {"rendered": "<b>...</b>"}}.
    if isinstance(value, dict):
        for key in ("rendered", "value", "html", "text", "body"):
            if isinstance(value.get(key), str):
                return value[key]
    return value


def _title(value: Any) -> str | None:
    value = _rendered(value)
    if not isinstance(value, str):
        return None
    if looks_like_html(value):
        value = html_to_text(value).text
    return clean_optional(value)


def _body(obj: Mapping[str, Any], contacts: list[Contact]) -> str:
    details = obj.get("details")
    candidates = [details.get("body")] if isinstance(details, dict) else []
    candidates += [obj.get(key) for key in _BODY_KEYS]
    candidates += [_drupal_field(obj, _DRUPAL_BODY)]
    for candidate in candidates:
        text = _text(_rendered(candidate))
        if not text:
            continue
        standfirst = _text(
            _rendered(
                _first(obj, _STANDFIRST_KEYS)
                or _drupal_field(obj, _DRUPAL_STANDFIRST)
                or _summary(obj, candidate)
            )
        )
        if standfirst and not text.startswith(standfirst[:200]):
            text = f"{standfirst}\n\n{text}"
        # Contacts and the issuer's boilerplate where a release prints them, after the body,
        # for extraction to read as it reads them in any release.
        contact = _drupal_contact(obj)
        if contact is None:
            contact = contact_block("Media contacts:", contacts, text)
        about = _text(_rendered(_first(obj, _ABOUT_KEYS)))
        return "\n\n".join(part for part in (text, contact, about) if part)
    return ""


def _summary(obj: Mapping[str, Any], body: Any) -> Any:
    """A content item's ``description`` over its ``details.body``: the summary GOV.UK prints
    under the title ("Statement by The Rt Hon Elizabeth Truss MP, Lord Chancellor ..."), part
    of the page a reader sees. Not a description that is itself the body read."""
    details = obj.get("details")
    if isinstance(details, dict) and body is details.get("body"):
        return obj.get("description")
    return None


def _text(value: Any) -> str:
    """Plain text of a body field: a string (HTML or not) or a list of typed blocks."""
    if isinstance(value, list):
        paragraphs: list[str] = []
        _blocks(value, paragraphs, 0)
        return "\n\n".join(paragraphs)
    if not isinstance(value, str) or not value.strip():
        return ""
    return html_to_text(value).text if looks_like_html(value) else clean_text(value).strip()


def _blocks(blocks: list[Any], out: list[str], depth: int) -> None:
    """Paragraphs of a block list: ``{"type": "paragraph", "text": ...}``, sections with a
    ``title`` and their own ``content``, list blocks with ``items``, Editor.js ``data``.
    Blocks without text (images, embeds) are left out; their captions are not the release."""
    if depth > _MAX_DEPTH:
        return
    for block in blocks:
        if len(out) >= _MAX_BLOCKS:
            return
        if isinstance(block, str):
            if plain := _text(block):
                out.append(plain)
            continue
        if not isinstance(block, dict):
            continue
        data = block.get("data")
        fields = data if isinstance(data, dict) else block
        nested = fields.get("content")
        if isinstance(nested, list):  # a section: its heading, then its blocks
            title = fields.get("title")
            if isinstance(title, str) and (heading := _text(title)):  # never a list: no loop back
                out.append(heading)
            _blocks(nested, out, depth + 1)
            continue
        text = fields.get("text")
        if text is None and isinstance(fields.get("value"), str):
            text = fields["value"]
        if isinstance(text, str):
            if paragraph := _text(text):
                out.append(paragraph)
        elif isinstance(fields.get("items"), list):
            items = [_text(item) if isinstance(item, str) else "" for item in fields["items"]]
            if listed := "\n".join(f"- {item}" for item in items[:_MAX_BLOCKS] if item):
                out.append(listed)


def _contacts(obj: Mapping[str, Any]) -> list[Contact]:
    """The press contacts a record declares in a field (mediaContacts, press_contact, ...)."""
    for key, value in obj.items():
        if is_contact_key(key) and value not in (None, "", [], {}):
            return read_contacts(value)
    return []


# Drupal's exports name a content type's own fields "field" + the name: "fieldPressReleaseFulltext"
# ({"processed": "<p>..."}), "field_release_date"; VA.gov's news story keeps its text in
# "fieldFullStory" and its lede in "fieldIntroText".
_DRUPAL_BODY = ("fulltext", "body", "fullstory")
_DRUPAL_STANDFIRST = ("introtext",)
_DRUPAL_DATE = ("releasedate", "date", "publishdate")
# When a record states no publication date, the time its CMS created it (Drupal's node
# "created", a Unix time; "created_at" elsewhere): a story is created when it is written.
_CREATED_KEYS = ("created", "created_at", "createdAt")


def _drupal_field(obj: Mapping[str, Any], endings: tuple[str, ...]) -> Any:
    for key, value in obj.items():
        name = key.lower().replace("_", "")
        if name.startswith("field") and name.endswith(endings):
            if isinstance(value, dict) and "processed" in value:
                return value["processed"]
            return value
    return None


def _drupal_contact(obj: Mapping[str, Any]) -> str | None:
    """A Drupal release's contact entity ("fieldPressReleaseContact": name, role, phone,
    email) as the contact line a release prints, for the contact reader to find."""
    entities = _drupal_field(obj, ("contact",))
    if isinstance(entities, dict):
        entities = [entities]
    if not isinstance(entities, list):
        return None
    lines = []
    for item in entities[:5]:
        entity = item.get("entity", item) if isinstance(item, dict) else None
        if not isinstance(entity, dict):
            continue
        parts = [
            short_text(entity.get(key), 200)
            for key in ("title", "fieldDescription", "fieldPhoneNumber", "fieldEmailAddress")
        ]
        if any(parts):
            lines.append(", ".join(p for p in parts if p))
    return "Media contact: " + "\n".join(lines) if lines else None


def _date(obj: Mapping[str, Any]) -> str | None:
    details = obj.get("details")
    if isinstance(details, dict) and (day := iso_date(details.get("first_public_at"))):
        # GOV.UK's content store: the day the page says it was first published, which its
        # frontends show; "first_published_at" can be when the record was made (a written
        # statement of 20 December 2016 first saved on 12 May).
        return day
    for key in _DATE_KEYS:
        day = iso_date(obj.get(key))
        if day:
            return day
    declared = _drupal_field(obj, _DRUPAL_DATE)
    if isinstance(declared, dict):
        declared = declared.get("value")
    if isinstance(declared, str) and (day := iso_date(declared)):
        return day
    for key in _CREATED_KEYS:
        if day := iso_date(obj.get(key)):
            return day
    return None


# A content API's links from an item to the bodies that published it (GOV.UK's content
# store: "links": {"primary_publishing_organisation": [{"title": "Home Office"}], ...}).
_PUBLISHING_LINKS = ("primary_publishing_organisation", "organisations", "worldwide_organisations")


def _issuer(obj: Mapping[str, Any]) -> str | None:
    links = obj.get("links")
    if isinstance(links, dict):
        for key in _PUBLISHING_LINKS:
            linked = links.get(key)
            if isinstance(linked, list) and linked and isinstance(linked[0], dict):
                name = short_text(linked[0].get("title"), 200)
                if name:
                    return name
    for key in _ISSUER_KEYS:
        value = obj.get(key)
        if isinstance(value, dict):  # {"publisher": {"name": "...", "url": "..."}}
            value = _first(value, ("name", "title", "label"))
        name = short_text(value, 200)
        if name and "@" not in name:
            return name
    return None


# A breadcrumb's entries that name a kind of page, not the office whose pages they are.
_SECTION_WORDS = frozenset(
    [
        "home",
        "news",
        "newsroom",
        "stories",
        "story",
        "press",
        "media",
        "releases",
        "release",
        "updates",
        "events",
        "blog",
        "articles",
        "about",
        "accueil",
        "actualites",
        "actualités",
        "noticias",
        "prensa",
        "presse",
    ]
)


def _breadcrumb_office(obj: Mapping[str, Any]) -> str | None:
    """The office a Drupal record's breadcrumb files it under (VA.gov's "Home > VA Eastern
    Oklahoma health care > Stories"): the first entry that is neither the site's home, nor
    a kind of page, nor the record itself. A site's sections are its offices' pages there."""
    url = obj.get("entityUrl")
    crumbs = url.get("breadcrumb") if isinstance(url, dict) else None
    if not isinstance(crumbs, list):
        return None
    title = short_text(obj.get("title"), 300)
    for crumb in crumbs[:6]:
        text = short_text(crumb.get("text"), 120) if isinstance(crumb, dict) else None
        if not text or text == title:
            continue
        words = text.lower().split()
        if all(word in _SECTION_WORDS for word in words):
            continue
        return text if any(ch.isupper() for ch in text) else None
    return None


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        return []
    tags: list[str] = []
    for item in items[:200]:
        if isinstance(item, dict):
            item = _first(item, ("name", "title", "label", "term"))
        tag = short_text(item, 100)
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _short(error: Exception) -> str:
    return clean_text(str(error))[:120]
