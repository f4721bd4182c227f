"""A release's anatomy read from its text: kicker, headline, dateline, organisations, people, contacts."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from store.ingest.extract.activity_bodies import activity_bodies
from store.ingest.extract.after_contacts import people_after_block
from store.ingest.extract.aliased_names import aliased_people
from store.ingest.extract.announcer import announcer, headline_subject_in_lead
from store.ingest.extract.boilerplate import archive_footer_start, is_about, is_boilerplate
from store.ingest.extract.capital_surnames import capital_surname_people
from store.ingest.extract.codefendants import codefendants
from store.ingest.extract.contact_block import (
    contact_heading,
    contact_line,
    fill_organisations,
    find_contacts,
    is_department,
    letterhead_phone,
)
from store.ingest.extract.contact_sentence_names import named_in_sentence
from store.ingest.extract.crawler_commas import closed_commas
from store.ingest.extract.cued_bodies import cued_bodies
from store.ingest.extract.cut_names import whole_people
from store.ingest.extract.dangling_names import without_dangling_names
from store.ingest.extract.date_line_place import place_of_date_line
from store.ingest.extract.dateline import (
    Dateline,
    find_dateline,
    is_place,
    undashed_dateline,
    undashed_rest,
)
from store.ingest.extract.dates import date_from_match, declared_date, not_far_ahead, search_date
from store.ingest.extract.defined_bodies import defined_bodies
from store.ingest.extract.embargo import read_embargo
from store.ingest.extract.field_offices import (
    with_dashed_parts,
    without_bare_kinds,
    without_field_offices,
)
from store.ingest.extract.firm_words import firm_without_address
from store.ingest.extract.french_subject import french_headline_subject
from store.ingest.extract.glued_about import glued_about, without_open_bracket
from store.ingest.extract.gov_banner import strip_gov_banner
from store.ingest.extract.gov_office import gov_site_name, office_in_header, parent_body
from store.ingest.extract.governing_body import council_owner, is_council
from store.ingest.extract.govuk_page import from_list, strip_govuk_footer, with_bodies
from store.ingest.extract.header_bodies import header_bodies
from store.ingest.extract.headline import (
    FIGURES_DATE,
    first_sentence,
    is_fragment,
    is_headline_line,
    is_placeholder_title,
    split_run_on,
    strip_heading,
    without_credit,
)
from store.ingest.extract.in_charge import in_charge_people, without_in_charge
from store.ingest.extract.indented_paragraph import opens_indented_paragraph
from store.ingest.extract.issuer import (
    about_in_capitals,
    body_of_desk,
    closing_about,
    dominant_acronym,
    headline_legislator,
    headline_subject,
    is_about_in_capitals,
    lead_subject,
    letterhead,
    linked_contact_body,
    most_mentioned,
    office_named_again,
    office_over_date,
    published_by,
    says_what_happened,
)
from store.ingest.extract.issuer_named import with_issuer_named
from store.ingest.extract.kicker import read_kicker, split_kicker
from store.ingest.extract.language import declared_language, guess_language
from store.ingest.extract.legislator_person import with_legislator
from store.ingest.extract.legislatures import legislatures
from store.ingest.extract.links import reduce_links
from store.ingest.extract.listed_bodies import list_neighbours, shared_kinds
from store.ingest.extract.local_offices import local_offices
from store.ingest.extract.member_lists import listed_members
from store.ingest.extract.menu_contacts import without_menu_contacts
from store.ingest.extract.menu_lines import without_menu_lines
from store.ingest.extract.minister_subject import (
    acting_ministry,
    is_ministry_name,
    offices_for_press_services,
)
from store.ingest.extract.name_shapes import capital_defendants
from store.ingest.extract.nicknames import nicknamed_people
from store.ingest.extract.not_people import without_non_people
from store.ingest.extract.office_spellings import without_other_spellings
from store.ingest.extract.office_title import office_in_title
from store.ingest.extract.one_word_firms import one_word_firms
from store.ingest.extract.organisation_parts import (
    folded_acronyms,
    joined_sub_offices,
    whole_around,
    without_fragments,
)
from store.ingest.extract.organisations import (
    MAX_ORGANISATIONS,
    about_names,
    find_organisations,
    initials,
    is_org_word,
    merge_organisations,
    subject_names,
    tidy_organisations,
)
from store.ingest.extract.page_dateline import page_dateline
from store.ingest.extract.page_description import (
    after_standfirst,
    gov_title_site,
    without_description,
)
from store.ingest.extract.page_title_line import split_page_title, without_tag_residue
from store.ingest.extract.people import find_people
from store.ingest.extract.phone_pairs import split_abbreviated_numbers
from store.ingest.extract.portfolio import portfolio_ministry
from store.ingest.extract.press_address import press_address_contact
from store.ingest.extract.press_sentence import press_sentence_contact
from store.ingest.extract.prose_dateline import place_opening_prose
from store.ingest.extract.publisher_field import labelled_publisher
from store.ingest.extract.release_time import is_release_time
from store.ingest.extract.romance_bodies import (
    ROMANCE_LANGUAGES,
    not_bodies,
    romance_bodies,
    whole_portfolios,
    with_more_bodies,
)
from store.ingest.extract.romance_people import romance_people
from store.ingest.extract.run_together import run_together_boilerplate
from store.ingest.extract.same_bodies import one_entry_each
from store.ingest.extract.short_forms import with_short_forms
from store.ingest.extract.sidebar_names import sidebar_people
from store.ingest.extract.site_title import split_site_title
from store.ingest.extract.spaced_letters import collapse_spaced
from store.ingest.extract.spokesperson import is_spokesperson_title, spokesperson_body
from store.ingest.extract.standfirst_dateline import place_under_standfirst
from store.ingest.extract.stated_issuer import (
    closing_self_reference,
    launched_body,
    maker_in_lead,
    source_field,
    today_subject,
)
from store.ingest.extract.statement_author import statement_authors
from store.ingest.extract.title_label import without_title_label
from store.ingest.extract.titled_names import titled_people
from store.ingest.extract.vocabulary import NOT_NAME_WORDS
from store.ingest.extract.voters import merge_people, voters
from store.ingest.extract.whole_names import whole_names
from store.ingest.extract.wire_names import without_distributor
from store.ingest.extract.wire_subject import (
    headline_over_contact,
    subject_after_opening,
    ticker_name,
)
from store.ingest.extract.wrapped_bodies import rejoined
from store.ingest.extract.wrapped_names import joined_names
from store.records import Contact, Link, Person
from store.sanitize import clean_line, clean_text, fold

__all__ = ["Extracted", "extract"]

_TOP_LINES = 12  # kicker, embargo and headline sit within the first lines
_PAGE_DATELINE_LINES = 40  # below the headline, a scraped page's dateline is this near
_MAX_TEXT = 2_000_000  # beyond this, a "release" is not one; keep the work bounded
_HEADLINE_JOIN = 300
_WRAPPED_LINE = 200
_WORD = re.compile(r"\w")
# The full stop itself is matched (and written back before the line break): a pattern that
# opens with a character, not a look-behind, lets the regex engine skip ahead to it.
_GLUED_CONTACTS_HEADING = re.compile(
    r"[.!?](?<=[a-z0-9)][.!?])(?=(?:(?:Media|Press|Investor|Company)\s+)?Contacts?(?:[A-Z]|:))"
)
# A web copy glues a field's heading to its value ("Contact DetailsYeweon Park",
# "Company Websitehttps://..."): the heading gets its own line. Only at a line's start, before
# a capital or a web address, and only for these headings (a word never ends in them).
# The pattern opens with the line break (a literal the regex engine skips ahead to).
_GLUED_HEADING = re.compile(
    r"\n[ \t*_#>]*+(?:Contact (?:Details|Information|Info|Person|Name)|Company (?:Website|Name)|"
    r"(?:Media|Press) (?:Contacts?|Inquiries|Enquiries)|Contacts?(?=[A-Z][a-z]))"
    r"(?=[A-Z]|https?://|www\.)"
)
# An "About" heading glued to its paragraph, which opens with the same name again (a page
# that lost the break after its heading): "About StonegateStonegate Capital Partners is a
# ...", "About Partners GroupPartners Group is ...". Only where the repeated first word
# follows a lowercase letter, a dot or a bracket with no space: a name that is written in
# camel case ("About ZenaTech") repeats nothing. The pattern opens with the line break (a
# literal the regex engine skips ahead to, where "^" is tried at every position): the text
# is given one before its first line.
_GLUED_ABOUT = re.compile(
    r"\n([ \t*_#>]*+About[ ]+(?P<first>[A-Z][\w&'.-]*?[a-z.)])(?:[ ][^\n]{0,80}?[a-z.)])?)"
    r"(?=(?P=first)\b)"
)
# "About Acme Corp: Acme is ..." and "About Acme Corp" on its own line: the issuer's boilerplate.
# A name may open in lower case where a capital or a domain follows in its first word, as
# brands and sites write themselves: "About tZERO", "About iCoreConnect", "About mozilla.org
# and the Mozilla Foundation" (the real corpus has some forty such headings); not "About us".
_ABOUT_ISSUER = re.compile(
    r"[ \t*_#]*(?:About|À propos de|A propos de|Acerca de|Sobre|Über)[ \t]+"
    r"(?:the[ \t]+|l[ae][ \t]+|l['’]|el[ \t]+|die[ \t]+|der[ \t]+|das[ \t]+)?"
    r"(?P<name>(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z]{1,6}(?=[A-Z])|[a-z][a-z0-9-]*(?=\.(?:com|org|net|io|ai|ly|co)\b))"
    r"[^\n:;!?*_|]{1,80}?)[ \t*_]*(?::|$|[ \t]*\n)"
)
# A list item's number before a headline: "4. Secret Service Announces ...".
_LIST_NUMBER = re.compile(r"\d{1,2}\.[ \t]+(?=[A-Z])")
# How many "About" paragraphs are weighed: the issuer's and its partners'.
_MOST_ABOUTS = 4
# "About HR.com and the HR Research Institute": the heading names the issuer first, then its
# institute or foundation; the issuer is the first.
_AND_THE = re.compile(r"[ \t]+(?:and|&)[ \t]+the[ \t]+")
# A wire service's own boilerplate ("About InvestorWire", "About BioMedWire"): the
# distributor, not the issuer.
_WIRE_NAME = re.compile(r"(?i:.*(?:wire|newsbreaks?)|.*press ?release distribution.*)")
# Words run together where a layout lost its line breaks: "Thomas EisenlohrAccentro Real Estate
# AGKantstrasse" is a contact's name, firm and street; "CorporationJustin" a firm's legal form
# and the next line's name. A person's surname or a legal form run into a capital; not a
# name written so ("VirtualDime", "ClearThink"), nor "Elliot McHugh".
_RUN_TOGETHER = re.compile(
    r"^[A-Z][a-z]+[ ][A-Z][a-z]{2,}[A-Z][a-z]|"
    r"(?<![A-Za-z])(?:Corporation|Company|Inc\.?|Ltd\.?|LLC|AG|GmbH|SE)[A-Z][a-z]{2}"
)
# Languages whose articles go before a body's acronym ("la DINUM", "die FSFE", "el CSIC"): the
# only ones where an acronym's article says it names a body.
_ARTICLE_LANGUAGES = frozenset(("fr", "de", "es", "it"))
# A name that ends in a year is a programme's or an event's ("À propos de France 2030", the
# State's investment plan; "About CES 2025"), not the body that issued the release.
_NAMED_FOR_A_YEAR = re.compile(r"[ ](?:19|20)\d\d$")
# Two people's names where a contact's organisation should be: "Barry E. Piatt and Jo Timpe".
_TWO_NAMES = re.compile(
    r"[A-Z][a-z]+(?:[ ][A-Z]\.)?[ ][A-Z][a-z'’-]+[ ]and[ ][A-Z][a-z]+(?:[ ][A-Z]\.)?[ ][A-Z][a-z'’-]+"
)
# A dateline's place taken for a contact's organisation: "WASHINGTON D C".
_DC_PLACE = re.compile(r"[ ,]D\.?[ ]?C\.?$")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&.-]{1,11})\)$")
# A line made only of links: a site's menu or share buttons, never a headline.
_LINK_ONLY_LINE = re.compile(r"[ \t]*(?:!?\[[^\[\]\n]{0,200}\]\([^()\s]{0,500}\)[ \t|·•/–-]*)+")
# The parts of a header line: "Press release | 4 March 2024 | Brussels".
_HEADER_SEPARATOR = re.compile(r"[ \t]*\|[ \t]*|[ \t]+[–—-][ \t]+")
_HEADER_KICKER = re.compile(
    r"(?i:statement|news|news release|daily news|speech|readout|media advisory|press statement|"
    r"press briefing|communiqué|news story|announcement)"
)
# Document symbols of UN and EU releases: "SG/SM/22145", "SC/15612", "IP/24/1234".
_DOC_SYMBOL = re.compile(r"(?:[A-Z]{1,8}/){1,4}[A-Z0-9.-]{1,12}[ \t*]*$")
_SITE_SECTION = re.compile(
    r"(?i:meetings coverage(?: and press releases)?|press releases|news releases|press corner|"
    r"press room|newsroom|news)[ \t]*$"
)
_SKIP_LINK = re.compile(r"skip to (?:main )?content|menu$|search$", re.IGNORECASE)
# A letterhead holds a few short lines: the sender, its address, a date, a contact.
_LETTERHEAD_LINES = 16
_LETTERHEAD_WIDTH = 100
# A contact block's lines under a letterhead: "Contact: Jen Burita/202-296-4190", a phone, a mail.
_CONTACT_LINE = re.compile(
    r"(?i:(?:media |press )?contacts?\b|phone\b|tel\b|e-?mail\b|fax\b)|.*@|[\d ()+./-]{7,}$"
)
# A letterhead's date on the contact's line: "December 7, 2018 Contact: Jane Roe".
_DATE_BEFORE_CONTACT = re.compile(
    r"^[ \t]*[A-Z][a-z]{2,8}\.?[ ]\d{1,2},?[ ]{1,2}\d{4}[ \t]*(?=(?:Media |Press )?Contacts?\b)"
)
# What clean_text would change; most texts have none of it, and the search runs in C.
# A text whose line breaks were lost (a page flattened to one line, as some archives keep
# them): runs of spaces are where its lines and paragraphs were.
_LOST_BREAK = re.compile(r"[ \t]{4,}")
_LOST_BREAKS_MIN = 3
_NEEDS_CLEANING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f"
    "\u2060-\u2064\ufeff\u00ad\ufff9-\ufffb"
    # The surrogates as the pattern's escapes, not characters: mypyc refuses them in a literal.
    r"\ud800-\udfff]"
)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction recovered from one release's text."""

    title: str  # never empty if the text has any words
    title_source: str | None  # "text", "format" or "first line" (store.records.TITLE_SOURCES)
    body: str  # the text after kicker/headline, Markdown links reduced to their label
    kicker: str | None
    issuer: str | None  # the organisation that issued the release, None when unknown
    embargo: (
        str | None
    )  # the embargo line as written, e.g. "EMBARGOED UNTIL 00:01 GMT, 4 March 2024"
    location: str | None  # dateline place as written, without the date
    date: str | None  # ISO YYYY-MM-DD
    date_source: str | None  # "text" or "metadata" (the declared date), None without a date
    organisations: tuple[str, ...]
    people: tuple[Person, ...]
    contacts: tuple[Contact, ...]
    links: tuple[Link, ...]
    language: str | None  # ISO 639-1: en, fr, es, de (others if cheap), None if unsure


@dataclass(slots=True)
class _Top:
    """What the first lines hold: kicker, embargo, headline, and where the body starts."""

    kicker: str | None = None
    embargo: str | None = None
    headline: str | None = None
    headline_lines: tuple[int, ...] = ()
    date: str | None = None
    location: str | None = None  # from a header line: "Press release | 4 March 2024 | Brussels"
    body_from: int = 0
    letterhead_end: int = 0  # the lines above this are a letterhead's (with its contact block)


# How far below a date standing alone the first paragraph of prose is looked for, and
# how many words make one (a page's furniture between them is short lines).
_PROSE_LOOKAHEAD = 40
_PROSE_WORDS = 12


def _place_below(lines: list[str], start: int, date: str) -> str | None:
    """The place opening the first paragraph of prose from *start*, dated *date* or undated."""
    for line in lines[start : start + _PROSE_LOOKAHEAD]:
        # Prose ends its sentences; a subtitle ("### Darknet vendors ... charged") does not.
        if len(line.split()) >= _PROSE_WORDS and line.rstrip().endswith((".", "”", '"', ")")):
            found = find_dateline([line], set())
            if found is not None and found.date in (None, date):
                return found.location
            return None
    return None


# Where a dateline's place is looked for as a minister's portfolio (its lead).
_PORTFOLIO_CHARS = 3000


def _read_top(
    lines: list[str], declared: str | None, paragraphs: bool, navigation: set[str]
) -> _Top:
    start, marker, date, on_marker = _letterhead_end(lines)
    top = _Top(kicker=marker, date=date, body_from=start, letterhead_end=start)
    if on_marker is not None:
        top.headline = on_marker
        top.headline_lines = (start - 1,)
        return top
    seen = 0
    index = start
    while index < len(lines) and seen < _TOP_LINES:
        line = lines[index]
        stripped = strip_heading(line)
        if not stripped:
            index += 1
            continue
        seen += 1
        if (header := _header_line(stripped)) is not None:
            top.kicker = top.kicker or header[0]
            top.date = top.date or header[1]
            top.location = top.location or header[2]
            top.body_from = index + 1
            index += 1
            continue
        if top.headline is None and (_DOC_SYMBOL.match(stripped) or _SITE_SECTION.match(stripped)):
            index += 1
            continue  # "SG/SM/22145", "Meetings Coverage and Press Releases": above the headline
        if (
            stripped.count(" | ") >= 2
            or stripped.count("|") >= 3
            or (navigation and " ".join(stripped.split()) in navigation)
            or _SKIP_LINK.match(stripped)
            or (top.headline is None and is_fragment(stripped))
            or (top.headline is None and _repeats_letterhead(stripped, lines, top.letterhead_end))
        ):
            index += 1
            continue  # a site's navigation bar above the release, a letterhead's piece
        if top.kicker is None and (kicker := split_kicker(stripped)):
            rest = kicker[1]
            dated = search_date(rest) if rest else None
            if rest and (dated is None or len(rest) - (dated.end() - dated.start()) > 15):
                break  # "Press release: Acme buys Beta" is a headline, not a kicker
            top.kicker = kicker[0]
            if dated is not None:
                top.date = date_from_match(dated)
            top.body_from = index + 1
        elif top.embargo is None and (embargo := read_embargo(stripped)):
            top.embargo = embargo
            top.body_from = index + 1
        elif top.headline is None and (end := _contact_block_end(lines, index)) is not None:
            # A contact block above the headline (a letterhead's, or a page's): it is read as
            # the letterhead's contacts, and the headline is looked for below it.
            if top.date is None and (dated := _DATE_BEFORE_CONTACT.match(stripped)):
                found = search_date(dated.group(0))
                top.date = date_from_match(found) if found else None
            top.letterhead_end = top.body_from = end
            index = end
            continue
        elif top.headline is None and _split_top_line(lines, index, declared):
            # The line is read again in its parts; a date that opened it is the date line.
            if (dated := search_date(lines[index])) is not None and dated.start() == 0:
                top.date = top.date or date_from_match(dated)
                index += 1
            elif FIGURES_DATE.fullmatch(lines[index]):
                index += 1
            continue
        elif top.headline is None and is_headline_line(stripped):
            if find_dateline([stripped], set()) is not None:
                break  # the text opens with its dateline: no headline line
            if (top.kicker or top.date) and opens_indented_paragraph(lines, index):
                break  # a PDF's first paragraph under its letterhead: no headline line
            joined, used = _join_wrapped(lines, index, paragraphs)
            if declared and not _same_title(declared, joined) and not _variant(declared, joined):
                kicker_at = _kicker_below(lines, index) if top.kicker is None else None
                if kicker_at is not None:
                    index = kicker_at  # a site's banner or age gate above the kicker
                    continue
                break  # the declared title stands; this line is the body's first
            if used == 1 and (more := _capitals_continued(lines, index, joined)) is not None:
                joined, used = f"{joined} {more[0]}", more[1]
            top.headline = joined
            top.headline_lines = tuple(range(index, index + used))
            top.body_from = index + used
            index += used
            continue
        elif top.headline is None and top.date is None and (m := search_date(stripped)):
            if len(stripped) - (m.end() - m.start()) < 15:
                top.date = date_from_match(m)
                top.location = top.location or place_of_date_line(stripped, m.start())
                top.body_from = index + 1
            else:
                break
        else:
            break
        index += 1
    if top.headline is None and top.kicker is not None and top.letterhead_end:
        top.headline, top.headline_lines = _headline_above_kicker(lines, top.letterhead_end)
    return top


def _headline_above_kicker(lines: list[str], end: int) -> tuple[str | None, tuple[int, ...]]:
    """The headline a page puts alone above its kicker ("Carper Statement on ..." then "For
    Immediate Release: July 19, 2005"), read as a letterhead: a line on its own that says
    what happened, which a sender's name never does."""
    for index, line in enumerate(lines[:end]):
        stripped = " ".join(strip_heading(line).split())
        if not stripped:
            continue
        alone = index + 1 >= end or not lines[index + 1].strip() or split_kicker(lines[index + 1])
        if (
            alone
            and len(stripped.split()) >= 4
            and is_headline_line(stripped)
            and says_what_happened(stripped)
            and search_date(stripped) is None
        ):
            return stripped, (index,)
        break
    return None, ()


def _capitals_continued(lines: list[str], index: int, headline: str) -> tuple[str, int] | None:
    """(the words, lines used) of a headline in capitals that a run of spaces broke off into a
    paragraph of its own ("... FSA TOMORROW" / "MODERNIZATION PLAN"), when the page's other
    copy of its title, above, is broken in the same place: a short line in capitals alone
    could be the dateline's place or a kicker as well."""
    if not headline.isupper() or index + 2 >= len(lines) or lines[index + 1].strip():
        return None
    nxt = " ".join(lines[index + 2].split())
    if not nxt or not nxt.isupper() or len(nxt.split()) > 4 or not is_headline_line(nxt):
        return None
    if read_kicker(nxt) or find_dateline([nxt], set()) is not None:
        return None
    tail = " ".join(lines[index].split())
    for above in range(max(0, index - 12), index - 1):
        if (
            " ".join(lines[above].split()).endswith(tail)
            and not lines[above + 1].strip()
            and above + 2 < index
            and " ".join(lines[above + 2].split()) == nxt
        ):
            return nxt, 3
    return None


def _letterhead_end(lines: list[str]) -> tuple[int, str | None, str | None, str | None]:
    """(where the release's own lines start, kicker, ISO date, headline) for a document that
    opens with a letterhead (text from a PDF): the sender's name, perhaps a date and a contact
    block, then a kicker ("Press Release", "For Immediate Release"), more dates and contacts,
    and only then the headline, or the headline on the kicker's line ("For Immediate Release:
    Acme opens a lab"). (0, None, None, None) for any other text: a kicker on the first line
    is read as today, and prose before any kicker means there is no letterhead."""
    seen = 0
    kicker: str | None = None
    date: str | None = None
    in_contact = False  # within a contact block: its name, office and phone lines follow
    for index, line in enumerate(lines[:80]):
        stripped = " ".join(strip_heading(line).split())
        if not stripped:
            in_contact = False
            continue
        seen += 1
        if seen > _LETTERHEAD_LINES:
            break
        found = split_kicker(stripped)
        if found is not None and (kicker is not None or seen > 1):
            kicker = kicker or found[0]
            rest = found[1]
            rest_date = search_date(rest) if rest else None
            if rest_date is not None and len(rest) - (rest_date.end() - rest_date.start()) < 12:
                date = date or date_from_match(rest_date)
            elif rest and is_headline_line(rest) and not _CONTACT_LINE.match(rest):
                return index + 1, kicker, date, rest  # "For Immediate Release: <headline>"
            continue
        if kicker is None:
            if len(stripped) > _LETTERHEAD_WIDTH or (
                len(stripped.split()) >= 8
                and sum(1 for w in stripped.split() if w[:1].islower()) >= 3
            ):
                return 0, None, None, None  # prose before any kicker: no letterhead
            dated = _date_in(stripped)
            if dated is not None and dated.start() >= 3:
                return 0, None, None, None  # "Woodland Hills - June 25, 2026 /": a dateline
            if dated is not None and date is None:
                date = date_from_match(dated)
            continue
        dated = _date_in(stripped)
        if dated is not None and len(stripped) - (dated.end() - dated.start()) < 12:
            date = date or date_from_match(dated)
            continue
        if _CONTACT_LINE.match(stripped):
            in_contact = True
            continue
        if in_contact and len(stripped) <= 60:
            continue
        return index, kicker, date, None
    return 0, None, None, None


def _date_in(line: str) -> re.Match[str] | None:
    """:func:`search_date` on a line with a digit: read only where a letterhead needs it, not
    on the paragraph of prose that ends the search."""
    return search_date(line) if any(map(str.isdigit, line)) else None


def _not_page_furniture(
    organisations: tuple[str, ...], headline: str, raw: str, main: str, navigation: set[str]
) -> tuple[str, ...]:
    """*organisations* without what a page's furniture made of capitalised words: the
    headline itself ("Obama Statement on Cuba" where a page repeats its title), and the items
    of a site's menus ("Onion Services" in a list of links in the footer) named nowhere else."""
    title = fold(headline)
    menus = navigation | _menu_items(raw) if "[" in raw else navigation
    menu_keys = {fold(label) for label in menus} if menus else set()
    kept = []
    for name in organisations:
        base = name.split(" (", 1)[0]
        key = fold(base)
        words = key.split()
        if len(words) >= 4 and key in title and len(words) >= 0.7 * len(title.split()):
            continue
        if key in menu_keys and main.count(base) <= 1:
            continue
        kept.append(name)
    return tuple(kept)


def _kicker_after(declared: str, heading: str) -> bool:
    """Is *declared* the *heading* with a kicker after it ("... Press Release")?"""
    words = " ".join(declared.split())
    if len(words) <= len(heading) or not words.startswith(heading):
        return False
    rest = words[len(heading) :].strip(" \t-–—|:()[]")
    return bool(rest) and read_kicker(rest) is not None


def _repeats_letterhead(line: str, lines: list[str], end: int) -> bool:
    """A short line below a letterhead that only repeats its words: "Senator Lautenberg"
    under "Senator Frank R Lautenberg"."""
    words = line.split()
    if not end or not 0 < len(words) <= 4:
        return False
    above = {fold(w) for text in lines[:end] for w in text.split()}
    return all(fold(w) in above for w in words)


def _repeated_title(lines: list[str], at: int, headline: str) -> str:
    """The title a page repeats near its top, when the headline line runs on past it: the
    title alone on another line ("Sen Landrieu Votes to Increase Minimum Wage" above "Sen
    Landrieu Votes to Increase Minimum Wage Says a hard day's work ..."), or the words two
    lines open with, each then at a break (a run of spaces, a dash, a date): "Obama
    Statement on Cuba   U S Senator Barack Obama" and "Obama Statement on Cuba Wednesday
    October 24 2007"."""
    words = headline.split()
    if len(words) < 4:
        return headline
    seen = 0
    for index in range(max(0, at - 8), min(len(lines), at + 8)):
        line = lines[index]
        if index == at or len(line) > 400 or not line.strip():
            continue
        seen += 1
        if seen > 12:
            break
        other = strip_heading(line).split()
        if len(other) < 3 or other[0] != words[0]:
            continue
        k = 0
        for mine, theirs in zip(words, other, strict=False):
            if mine != theirs:
                break
            k += 1
        if k < 3 or k >= len(words):
            continue
        if k == len(other) or (
            _breaks_after(lines[at], words, k) and _breaks_after(line, other, k)
        ):
            return " ".join(words[:k])
    return headline


_BREAK = re.compile(r"[ \t]{2,}|[ \t]+[-–—|]+[ \t]+")


def _breaks_after(line: str, words: list[str], k: int) -> bool:
    """Does *line* (whose words are *words*) break after its first *k* words: a run of
    spaces, a dash or a bar, or a date next?"""
    at = 0
    for word in words[:k]:
        at = line.find(word, at) + len(word)
    rest = line[at:]
    if _BREAK.match(rest):
        return True
    date = search_date(rest, 0, 40)
    if date is None:
        return False
    before = rest[: date.start()].split()
    return not before or (len(before) == 1 and before[0].lower().strip(",") in _WEEKDAY_NAMES)


_WEEKDAY_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _split_top_line(lines: list[str], index: int, declared: str | None) -> bool:
    """Split a line at the top that runs the headline on into its date, dateline or first
    paragraph (text scraped from a page): *lines* gets the parts as two lines."""
    line = lines[index]
    if find_dateline([line], set()) is not None:
        return False  # the release opens with its dateline
    parts = split_run_on(line)
    if parts is None:
        return False
    if declared and not (_same_title(declared, parts[0]) or _variant(declared, parts[0])):
        return False  # not the headline: the declared title stands
    lines[index : index + 1] = list(parts)
    return True


def _contact_block_end(lines: list[str], index: int) -> int | None:
    """Where a contact block that opens at *index* ends (its heading, then its name, phone
    and email lines: "Contact: Jane Roe, 202-555-0100"); ``None`` if no such block opens."""
    line = strip_heading(lines[index])
    if "ontact" not in line and "ONTACT" not in line:
        return None  # the headings this reads: "Contact", "Media Contacts", "CONTACT:"
    after = contact_heading(_DATE_BEFORE_CONTACT.sub("", line))
    if after is None:
        return None
    end = index + 1
    # A heading with its contact on its line ("Contact: Jane Roe, 202-555-0100") ends at a
    # blank line; a bare heading ("Contact") has its lines below, after a blank line maybe,
    # and after a blank line only a phone or an address goes on with it (a short headline
    # can look like a name).
    taken = 1 if after.strip(" \t*_:") else 0
    blank = False
    while end < len(lines) and taken < 8:
        stripped = lines[end].strip()
        if not stripped:
            blank = True
            end += 1
            continue
        kind = contact_line(stripped)
        if kind is None or (blank and taken and kind == "name"):
            break
        taken += 1
        blank = False
        end += 1
    return end


def _header_line(line: str) -> tuple[str | None, str | None, str | None] | None:
    """(kicker, ISO date, place) from a header line of parts: "Press release | 4 March 2024 |
    Brussels", "4 March 2024 | News release | Geneva", "European Commission - Press release".
    ``None`` unless every part is one of those, one of them a kicker."""
    if len(line) > 120 or not _HEADER_SEPARATOR.search(line):
        return None
    parts = [part.strip(" \t*_") for part in _HEADER_SEPARATOR.split(line)]
    if not 2 <= len(parts) <= 4:
        return None
    kicker = date = place = None
    others: list[str] = []
    for part in parts:
        found = search_date(part)
        if kicker is None and (read_kicker(part) or _HEADER_KICKER.fullmatch(part)):
            kicker = " ".join(part.split())
        elif date is None and found and len(part) - (found.end() - found.start()) < 12:
            date = date_from_match(found)
        else:
            others.append(part)
    if kicker is None or len(others) > 1:
        return None
    if others:
        if date is not None and is_place(others[0]):
            place = others[0]  # "| Brussels" after the date
        elif date is not None or not _names_a_body(others[0]):
            return None
    return kicker, date, place


def _names_a_body(part: str) -> bool:
    """ "European Commission", "UN Women": a short name in title case, before a kicker."""
    words = part.split()
    return 0 < len(words) <= 8 and all(
        w[:1].isupper() or w in ("of", "for", "and", "the", "de", "du", "la", "&") for w in words
    )


def _kicker_below(lines: list[str], index: int) -> int | None:
    """The index of a kicker line among the next few lines, if one follows."""
    seen = 0
    for at in range(index + 1, min(len(lines), index + 12)):
        stripped = strip_heading(lines[at])
        if not stripped:
            continue
        if read_kicker(stripped):
            return at
        if find_dateline([stripped], set()) is not None:
            break  # the release has begun: a kicker below it is no banner's end
        seen += 1
        if seen >= 3:
            break
    return None


def _join_wrapped(lines: list[str], index: int, paragraphs: bool) -> tuple[str, int]:
    """A headline with the lines that continue it, when a hard wrap broke it."""
    # Spaced capitals ("P R I V A C Y   &   C I V I L") read as words while the gaps between
    # the words are still there: the join below squashes every run of spaces.
    parts = [strip_heading(without_credit(collapse_spaced(lines[index])))]
    used = 1
    if paragraphs and len(parts[0]) <= _WRAPPED_LINE and not lines[index].lstrip().startswith("#"):
        while index + used < len(lines) and used < 4:
            nxt = lines[index + used].strip()
            total = sum(len(p) for p in parts) + len(nxt)
            if not nxt or total > _HEADLINE_JOIN or len(nxt) > _WRAPPED_LINE:
                break
            if not is_headline_line(nxt) or find_dateline([nxt], set()) is not None:
                break
            if nxt.startswith(("* ", "- ", "• ")):
                break
            if nxt[:1].isalnum() and (dated := search_date(nxt, 0, 40)) and dated.start() == 0:
                break  # "September 12  2007   WASHINGTON ...": the dateline, split off a run-on
            parts.append(nxt)
            used += 1
    return " ".join(" ".join(parts).split()), used


def _navigation(head: str) -> set[str]:
    """The labels of the lines in *head* made only of links (a menu), each on one line."""
    # Only lines that open with a link can be such a line, and those are found from the
    # "[" in the text: the pattern tried at every position cost ~20 µs a release.
    found: set[str] = set()
    at = head.find("[")
    while at >= 0:
        start = head.rfind("\n", 0, at) + 1
        end = head.find("\n", at)
        if end < 0:
            end = len(head)
        line = head[start:end]
        if head[start:at].strip(" \t") in ("", "!") and _LINK_ONLY_LINE.fullmatch(line):
            found.add(" ".join(reduce_links(line)[0].split()))
        at = head.find("[", end)
    return found


def _menu_items(text: str) -> set[str]:
    """The labels of the lines of *text* made only of links, bullets allowed: a site's menus
    ("* [Onion Services](../docs/onion-services.html)")."""
    found: set[str] = set()
    at = text.find("[")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        if text[start:at].strip(" \t*+•-") in ("", "!"):
            line = text[start:end].lstrip(" \t*+•-")
            if _LINK_ONLY_LINE.fullmatch(line):
                found.add(" ".join(reduce_links(line)[0].split()))
        at = text.find("[", end)
    return found


def _language(declared: str | None, text: str) -> str | None:
    """The declared language, unless the text is plainly in another one.

    A feed declares one language for all its entries; an entry in French in an
    English feed is French.
    """
    if declared is None:
        return guess_language(text[:3000])
    plain = guess_language(text[:3000], strong=True)
    return plain if plain and plain != declared else declared


def _embargo_near_top(lines: list[str], start: int) -> str | None:
    """An embargo line among the first paragraphs, below the headline."""
    budget = 3000
    for line in lines[start:]:
        budget -= len(line) + 1
        if budget < 0:
            break
        if (
            line
            and line.lstrip(" *_")[:1] in "EeSsUuHhNnBb"
            and (found := read_embargo(line.strip()))
        ):
            return found
    return None


def _variant(declared: str, line: str) -> bool:
    """Is *line* the full headline of which the declared title is a shortened form?

    "Pressemitteilung: Bergwerk Solar nimmt Batteriefabrik in Betrieb" (an HTML
    title) against the page's own headline: most of the declared words recur.
    """
    kicked = split_kicker(declared)
    bare = kicked[1] if kicked and kicked[1] else declared
    # Both open alike; a subtitle below a page's headline says the same in other words
    # ("Boost Revenue with ..." over "Enhance Revenue with ...").
    folded_line = fold(line)
    if fold(bare).split()[:1] != folded_line.split()[:1]:
        return False
    words = set(fold(declared).split())
    heading = set(folded_line.split())
    if len(words) < 3 or len(line) > min(250, 1.6 * len(declared)) or line.endswith("."):
        return False
    return len(words & heading) >= 0.6 * len(words)


def _same_title(declared: str, line: str) -> bool:
    a, b = fold(" ".join(declared.split())), fold(line)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def _plausible_organisation(name: str, prose: str, people: set[str]) -> bool:
    """A contact's organisation worth listing among the release's: it names a body, or the
    release speaks of it; not a person, a place, a phone line or a repeated fragment."""
    if any(ch.isdigit() or ch in ":@/" for ch in name) or fold(name) in people:
        return False
    words = name.split()
    if len(words) > 10 or len(set(name.split(", "))) < len(name.split(", ")):
        return False
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return True
    return name in prose or any(is_org_word(word) for word in words)


def _restore_breaks(text: str) -> str:
    """A text kept as a few very long lines, its breaks turned to runs of spaces: each run
    of four or more spaces becomes a paragraph break again. Ordinary text (lines of a
    paragraph at most, or indented code) is left as it is."""
    head = text[:20_000]
    if len(head) < 400 or head.count("\n") * 300 > len(head):
        return text
    # The first few runs decide: counted as found, not all found first.
    runs = itertools.islice(_LOST_BREAK.finditer(head), _LOST_BREAKS_MIN)
    if sum(1 for _ in runs) < _LOST_BREAKS_MIN:
        return text
    return "\n".join(
        _LOST_BREAK.sub("\n\n", line).strip(" \t") if len(line) > 300 else line
        for line in text.split("\n")
    )


def _split_glued_headings(text: str) -> str:
    """ "Contact DetailsYeweon Park" -> "Contact Details" and "Yeweon Park" on the next line,
    where the heading opens its line."""
    return _GLUED_HEADING.sub("\\g<0>\n", "\n" + text)[1:]


def _issuer(
    tail: list[str], contacts: tuple[Contact, ...], people: set[str], lead: str | None = None
) -> str | None:
    """Who issued the release: the "About X" boilerplate after the prose (of several, the
    one the *lead* names first), else the organisation of the first contact that names one;
    None when neither says."""
    capitals_read = False  # only the first "ABOUT X" in capitals: the others are partners'
    abouts: list[tuple[str, str]] = []  # (name, as the heading writes it)
    for at, line in enumerate(tail):
        if line[:12].lstrip(" \t*_#")[:1] not in "AÀSÜ":
            continue
        m = _ABOUT_ISSUER.match(line)
        found = clean_line(m.group("name")) if m else None
        if glued := glued_about(line):  # the heading run into its paragraph
            found, m = clean_line(glued), None
        heading = found
        if found and m is not None and m.end() >= len(line.rstrip()):
            found = _named_in_full(found, tail[at + 1 : at + 3]) or found
        if (
            m is None
            and found is None
            and not capitals_read
            and is_about_in_capitals(line, any_name=True)
        ):
            capitals_read = True
            found = heading = about_in_capitals(line, "\n".join(tail))
        if found is None:
            continue
        name = without_open_bracket(_AND_THE.split(found, 1)[0]).strip(" ,-–")
        words = name.split()
        if _WIRE_NAME.fullmatch(name) or ". " in name or _NAMED_FOR_A_YEAR.search(name):
            continue
        if not (0 < len(words) <= 8) or "@" in name or fold(name) in people:
            continue
        if len(words) > 1 or (
            fold(name) not in NOT_NAME_WORDS
            and fold(name) not in ("us", "me", "we")
            and not is_org_word(name)
        ):
            abouts.append((name, _AND_THE.split(heading or name, 1)[0]))
            if lead is None or len(abouts) == _MOST_ABOUTS:
                break
    if abouts:
        name = _named_first(abouts, lead) if len(abouts) > 1 and lead else abouts[0][0]
        return _site_owner_named(name, contacts) or name
    for contact in contacts:
        org = contact.organisation
        if (
            org
            and not any(ch in org for ch in "@:/")
            and (len(org.split()) <= 8 or is_ministry_name(org))
            and not _WIRE_NAME.fullmatch(org)
            and fold(org) not in people
            and not _DC_PLACE.search(org)
            and not _TWO_NAMES.fullmatch(org)
            and not is_department(org)  # "Media" over a press officer: no body
            and not is_spokesperson_title(org)  # "Kontakt Sprecher*innen": their role
            and not _RUN_TOGETHER.search(org)
        ):
            return org
    return None


def _named_first(abouts: list[tuple[str, str]], lead: str) -> str:
    """Of the bodies the "About" paragraphs present, the one the lead opens with ("Landon
    Capital Partners, a private equity firm, announced the sale of iMemories", whatever the
    order of the "About iMemories" and "About Landon Capital Partners" paragraphs); the
    first paragraph's when the lead opens with none: a release about an award or a partner
    names the other body first as often."""
    lead = _without_date_left(lead)
    opening = _ARTICLE_START.sub("", lead[:_LEAD_REACH].lstrip(' \t*_"“'), count=1)
    # The name as the lead ends it; else the lead's body named longer than its heading
    # ("GeoVax Labs, Inc. ... reported" under "About GEO-MVA", "About Gedeptin" and
    # "About GeoVax": its products first).
    for ends in (_NAME_ENDS, _LONGER_NAME):
        for name, heading in abouts:
            for spelled in (name, heading):
                key = _ARTICLE_START.sub("", spelled, count=1)
                if opening[: len(key)].casefold() == key.casefold() and ends.match(
                    opening, len(key)
                ):
                    return name
    return abouts[0][0]


def _without_date_left(lead: str) -> str:
    """*lead* without what is left of a dateline before its first word ("May 14, 2026
    (NEWMEDIAWIRE) - "), as far as its first _LEAD_REACH characters tell: a date that starts
    further on is not looked for (the pattern, tried at every position of a long lead, cost
    up to 80 µs), and cutting it would change none of them."""
    # What the pattern needs, looked for first (most leads have no date left, and a lead's
    # pattern that does not match tries every split of its first 200 characters): a year that
    # starts within _LEAD_REACH + 40 characters, and a dash after it within 30 more.
    if _YEAR.search(lead, 0, _LEAD_REACH + 43) is None or not any(
        dash in lead[: _LEAD_REACH + 75] for dash in "-–—"
    ):
        return lead
    left = _DATE_LEFT_NEAR.match(lead)
    return lead if left is None else lead[: left.start(1)] + lead[left.end() :]


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_ARTICLE_START = re.compile(r"(?i:the)[ \t]+")
_DATE_LEFT = re.compile(r"[^\n]{0,40}?\b(?:19|20)\d\d\b[^\n]{0,30}?[ \t][-–—]+[ \t]+")
# The heading's name goes on in the lead with a capitalised word of the same name.
_LONGER_NAME = re.compile(r"[ \t]+[A-Z][A-Za-z.&-]*(?:[ \t,]|$)")
# What ends a body's name at the lead's start: a comma, a bracket, a verb in lower case; not
# another capitalised word ("The Tor Store" is no "About Tor").
_NAME_ENDS = re.compile(r"(?:[,(]|[ \t]+(?:\(|[a-z])|['’]s\b|$)")


# How much of the lead is read for the issuer's name: a long name's length.
_LEAD_REACH = 120
# Its first match that starts within the lead's reach: the lazy prefix tries each start in
# turn, as a search does, and a match that starts further on changes nothing read.
_DATE_LEFT_NEAR = re.compile(rf"(?s:.{{0,{_LEAD_REACH - 1}}}?)({_DATE_LEFT.pattern})")
_LEGAL_WORDS = frozenset(("inc", "llc", "ltd", "corp", "plc", "llp", "gmbh", "ag", "co"))
_SITE_ADDRESS = re.compile(r"([a-z][a-z0-9-]*)\.(?:com|org|net|io|ai|ly|co)", re.IGNORECASE)


def _site_owner_named(name: str, contacts: tuple[Contact, ...]) -> str | None:
    """The contacts' organisation whose name the site's address *name* spells ("Engle Services
    LLC" for "About engleservicesheatingandair.com"): the body, not its web site."""
    site = _SITE_ADDRESS.fullmatch(name)
    if site is None:
        return None
    label = site.group(1).lower()
    for contact in contacts:
        org = contact.organisation
        words = [w for w in fold(org or "").replace(".", "").split() if w not in _LEGAL_WORDS]
        if len(words) >= 2 and label.startswith("".join(words)):
            return org
    return None


# The name that opens a paragraph: capitalised words, with the small words of a name between.
_OPENING_NAME = re.compile(r"[A-Z][\w&'.-]*(?:[ ](?:(?:of|for|the|and|&)[ ])*[A-Z][\w&'.-]*)*")


def _named_in_full(heading_name: str, following: list[str]) -> str | None:
    """The fuller name that the paragraph under an "About X" heading opens with ("About
    Stonegate", then "Stonegate Capital Partners is a ..."), else None."""
    for line in following:
        line = line.strip(" \t*_#")
        if not line:
            continue
        m = _OPENING_NAME.match(line)
        if m is None or not line[m.end() :].startswith((" is ", " was ", " (", ", ")):
            return None
        name = m.group()
        if len(name.split()) <= 8 and fold(name).startswith(fold(heading_name) + " "):
            return name
        return None
    return None


def _stands_in(headline: str, location: str | None, body: str) -> bool:
    """Whether the line read as the headline is no title but the first words of a release
    that states none: the dateline's place alone ("WASHINGTON  D C" split off the first
    paragraph), or the letterhead's name above the date ("PRIVACY & CIVIL LIBERTIES
    OVERSIGHT BOARD"), a body the release names again and a line that says nothing happened."""
    words = headline.split()
    if location and fold(" ".join(words)) == fold(" ".join(location.split())):
        return True
    return (
        len(words) <= 12
        and not says_what_happened(headline)
        and letterhead([headline], body[:5000]) is not None
    )


def _fuller_name(longer: str, shorter: str) -> bool:
    """Whether *longer* is *shorter* with more words around it ("Tor" in "Tor Project")."""
    a, b = fold(longer).split(), fold(shorter).split()
    return len(a) > len(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


# Words glued together where a page lost a line break: "Communications CoordinatorCape Fear".
_GLUED_WORDS = re.compile(r"[a-z]{3}[A-Z][a-z]")
# What may follow a comma in a name: its legal form ("Forum Health, LLC"), not a person's
# "Jr" before a body, nor a list of bodies.
_LEGAL_FORM = re.compile(r"(?:Inc|LLC|Ltd|L\.L\.C|Corp|PLC|LLP|GmbH|AG|S\.A|N\.V|B\.V)\.?$")
_ISSUER_MINOR = frozenset(
    {"of", "for", "the", "and", "&", "de", "du", "des", "la", "le", "del", "für", "und", "et", "y"}
)
# Two bodies joined: "HR.com and the HR Research Institute", "Acme Inc. and Beta Labs".
_TWO_BODIES = re.compile(
    r"\S+\.\S*[ ](?:and|&)[ ]|[ ](?:and|&|und|et|y)[ ](?:the|la|le|les|der|die|el)[ ]"
)


def _one_body(name: str) -> bool:
    """Whether *name* reads as one organisation's whole name: its words capitalised (the small
    ones aside), an organisation's word last; not two bodies ("HR.com and the HR Research
    Institute"), a sentence's words ("Learn more at Acme LLC") or words glued together."""
    words = name.split()
    return (
        len(words) >= 2
        and is_org_word(words[-1])
        and all(_LEGAL_FORM.match(part) for part in name.split(", ")[1:])
        and all(w[:1].isupper() or w[:1].isdigit() or w in _ISSUER_MINOR for w in words)
        and _GLUED_WORDS.search(name) is None
        and _TWO_BODIES.search(name) is None
    )


def _listed(name: str, organisations: tuple[str, ...], named: set[str]) -> bool:
    """Whether *name* is a person's, or among *organisations* already: spelt with "and" for
    "&", with its acronym in brackets, or as that acronym ("PCLOB")."""
    key = fold(name.replace("&", "and"))
    if key in named:
        return True
    acronym = initials(name)
    for org in organisations:
        bare = org.split(" (", 1)[0]
        if fold(bare.replace("&", "and")) == key or org == acronym or org.endswith(f"({acronym})"):
            return True
    return False


def _lead_paragraph(body_lines: list[str], dateline: Dateline | None) -> str | None:
    """The first paragraph of prose, without its dateline."""
    start = 0
    if dateline is not None:
        start = dateline.line_index
        line = body_lines[start]
        cut = re.search(r"(?:--|[–—]|[ \t]-[ \t]|\)[ \t]*[-–—:])", line[:200])
        if cut and len(line) - cut.end() > 40:
            return line[cut.end() :].strip()
    for line in body_lines[start : start + 30]:
        words = line.split()
        if len(words) >= 8 and sum(1 for w in words if w[:1].islower()) >= 0.3 * len(words):
            return undashed_rest(line)
    return None


# How far down a page saved as text its own heading is looked for (its navigation is long),
# and how far below the heading its dateline.
_HEADING_AGAIN_LINES = 400
_UNDER_HEADING_LINES = 30


def _dateline_under_heading(lines: list[str], headline: str, start: int) -> Dateline | None:
    """The dateline below the page's heading, where the heading repeats its <title> (a
    headline split from the site's name) alone on a line after the navigation: the place
    opening the first paragraph of prose, and the date of a line that opens with one ("January
    24, 2025 Portland , ME , United States" on an ice.gov page), its index *start*-based."""
    key = fold(headline)
    # From the heading itself: a .gov page's title line goes with its banner, the heading
    # then standing once, where the text starts (ice.gov's pages saved with their banner).
    for at in range(max(0, start - 1), min(len(lines), _HEADING_AGAIN_LINES)):
        line = lines[at]
        if len(line) < len(headline) or fold(strip_heading(line)) != key:
            continue
        end = min(len(lines), at + 1 + _UNDER_HEADING_LINES)
        date, prose_from = None, at + 1
        for index in range(at + 1, end):
            if (dated := _date_in(lines[index])) is not None and dated.start() == 0:
                # Below the date line: a photo's caption may come between heading and date.
                date, prose_from = date_from_match(dated), index + 1
                break
        for index in range(prose_from, end):
            line = lines[index]
            if len(line.split()) >= _PROSE_WORDS and line.rstrip().endswith((".", "”", '"')):
                # The first paragraph of prose (a subtitle ends no sentence).
                found = find_dateline([line], set())
                if found is not None and found.date in (None, date):
                    return Dateline(found.location, date, index - start)
                break
        return Dateline(None, date, prose_from - 1 - start) if date else None
    return None


# A date set in a letterhead's right-hand column, after a wide gap: "Headquarters,
# Washington, D.C.        April 23, 1993" (NASA's typed releases of the 1990s).
_COLUMN_GAP = re.compile(r"\S[ \t]{4,}(?=\S)")


def _date_beside(lines: list[str]) -> str | None:
    """The date that ends a line above the first paragraph of prose, set apart from the
    line's text by a column's gap: the release's date in a typed letterhead (its office's
    line on the left)."""
    for line in lines[: 2 * _TOP_LINES]:
        if len(line) < _MIN_COLUMN_LINE or (gap := _COLUMN_GAP.search(line.rstrip())) is None:
            words = line.split()
            if len(words) >= 8 and sum(1 for w in words if w[:1].islower()) >= 0.3 * len(words):
                return None  # the prose has begun: a date beside it is no letterhead's
            continue
        rest = line[gap.end() :].strip()
        dated = _date_in(rest)
        if dated is not None and dated.start() == 0 and dated.end() == len(rest):
            return date_from_match(dated)
    return None


_MIN_COLUMN_LINE = 20
# A legislator's release that publishes the letter it sent today: "Senator Boxer sent the
# following letter to President Bush: January 19, 2006", the letter's date after the colon.
_LETTER_DATE = re.compile(r"\bletter\b[^.:\n]{0,80}:[ \t]*(?=\S)")
_LETTER_LINES = 20


def _letter_date(lines: list[str]) -> str | None:
    """The date of the letter a release sent "today" and prints below its lead, where the
    release gives none of its own: the letter's date line, after the sentence that brings
    it in."""
    for line in lines[:_LETTER_LINES]:
        if "letter" not in line or (m := _LETTER_DATE.search(line)) is None:
            continue
        rest = line[m.end() :].strip()
        dated = _date_in(rest)
        if dated is not None and dated.start() == 0 and len(rest) - dated.end() <= 2:
            return date_from_match(dated)
    return None


def _known_organisations(organisations: tuple[str, ...]) -> dict[str, str]:
    """Folded names and acronyms of the release's organisations, for contact blocks."""
    known: dict[str, str] = {}
    for org in organisations:
        m = _ACRONYM.search(org)
        if m:
            known[fold(m.group(1))] = m.group(1)
            known[fold(org[: m.start()].strip())] = org
        else:
            known[fold(org)] = org
    return known


# Longer declared titles are cut to their first sentence (still far beyond any headline).
MAX_DECLARED_TITLE = 1000


def extract(
    text: str,
    *,
    title: str | None = None,
    date: str | None = None,
    language: str | None = None,
) -> Extracted:
    """Read the parts of one release from its plain *text*.

    *title*, *date* and *language* are what the source format declared; they
    win over what the text says, except a title that is only a site name and
    a date: the dateline's date comes first, the declared one is the fallback.

    A bug in an extractor raises: ``store.ingest.build.parse_source`` reports
    it with its file, where the other releases of the file still land.
    """
    raw = text if isinstance(text, str) else ""
    cleaned = _NEEDS_CLEANING.search(raw) is not None
    if cleaned:
        raw = clean_text(raw)
    raw = _restore_breaks(raw[:_MAX_TEXT])
    description = None
    if not (title or "").strip():
        # A crawler's copy of a page, no title declared: the page's description first.
        raw, description = without_description(raw)
    footer = archive_footer_start(raw)
    main, links = reduce_links(raw[:footer])
    main = strip_gov_banner(main)  # a .gov page's banner and menus above its heading
    main = strip_govuk_footer(main)  # a GOV.UK page's share buttons, feedback form, footer
    if "Contact" in main or "Company " in main or "Media " in main or "Press " in main:
        main = _split_glued_headings(main)
    if "About " in main:
        main = _GLUED_ABOUT.sub("\n\\1\n", "\n" + main)[1:]
    if "Contact" in main:
        # A web copy can glue the contacts heading to the sentence before it
        # ("...pre-conditions.ContactsInvestor Relations:"): give it its own line.
        main = _GLUED_CONTACTS_HEADING.sub("\\g<0>\n", main)
    if footer < len(raw):
        links += reduce_links(raw[footer:])[1]
        links = list(dict.fromkeys(links))
    lines = main.split("\n")
    paragraphs = "\n\n" in main[:5000]

    declared = clean_line(title or "")
    if declared and is_placeholder_title(declared):
        declared = ""
    navigation = _navigation(raw[:4000])
    top = _read_top(lines, declared or None, paragraphs, navigation)
    if top.headline:
        top.headline = without_title_label(top.headline)  # "Titre : ...", "Título : ..."
    if top.headline and is_release_time(top.headline):
        top.headline, top.headline_lines = None, ()  # "For release at 2:00 p.m. EST"
    site = None
    if not declared and top.headline and top.headline_lines == (0,):
        # A crawler's copy: a cut tag before the <title>, a skip link after it.
        top.headline = without_tag_residue(top.headline)
        if (paged := split_page_title(top.headline, lines)) is not None:
            top.headline, site = paged  # "Headline - Gendinfo - Gendarmerie nationale"
    # A page saved as text opens with its <title>: "Operation reWired — FBI".
    if (
        not declared
        and site is None
        and top.headline
        and top.headline_lines == (0,)
        and (split := split_site_title(top.headline, lines)) is not None
    ):
        top.headline, site = split
    if site is None and not declared:
        site = gov_title_site(raw)  # "... | ICE": a .gov page's title line, gone with its banner
    if top.headline and top.headline_lines and top.headline != declared:
        top.headline = _repeated_title(lines, top.headline_lines[0], top.headline)
    if (
        top.headline
        and (numbered := _LIST_NUMBER.match(top.headline)) is not None
        and says_what_happened(top.headline[numbered.end() :])
    ):
        # "4. Secret Service Announces ...": the number of a news list the page was taken
        # from. Not a German ordinal ("3. Quartal: Umsatz steigt"): an English verb follows.
        top.headline = top.headline[numbered.end() :]

    if top.embargo is None:
        top.embargo = _embargo_near_top(lines, top.body_from)
    dateline = find_dateline(lines[top.body_from :], set())
    if dateline is None and site is not None and top.headline:
        # A page saved as text: its <title> first, its navigation, then its own heading,
        # under which the date and the dateline come (ice.gov's news pages).
        dateline = _dateline_under_heading(lines, top.headline, top.body_from)
    location = (dateline.location if dateline else None) or top.location
    if location is None and dateline is not None and dateline.date is not None:
        # The page's date on a line of its own (a CMS's "Published Date"), the dateline's
        # place opening its first paragraph of prose below ("WASHINGTON - In recognition ...").
        location = _place_below(lines, top.body_from + dateline.line_index + 1, dateline.date)
        if location is None:  # "Seattle –A 42-year-old ...", "NEWARK, N.J. B A ..."
            location = place_opening_prose(lines[top.body_from + dateline.line_index + 1 :])
        if location is None:  # a one-sentence standfirst over "HARRISBURG – U.S. Attorney ..."
            location = place_under_standfirst(lines[top.body_from + dateline.line_index + 1 :])
    if (
        location
        and top.headline
        and len(location.split()) >= 3
        and fold(top.headline).startswith(fold(location))
    ):
        location = top.location  # the page's title repeated before its date, not a place
    found_date = (dateline.date if dateline else None) or top.date
    if top.date and dateline and dateline.location is None:
        found_date = top.date  # a date line above the text over a labelled date further down
    if location is None and (undashed := undashed_dateline(lines[top.body_from :])):
        location = undashed[0]
        found_date = found_date or undashed[2]
    if (
        location is None
        and description
        and (lead_at := after_standfirst(lines, top.body_from, description)) is not None
        and (undashed := undashed_dateline(lines[lead_at:]))
    ):
        location = undashed[0]  # the lead under the page's standfirst: "Washington, D.C. — ..."
        found_date = found_date or undashed[2]
    if location is None or found_date is None:
        # A page scraped as text runs its kicker, date, contact line and place together.
        page = page_dateline(lines[: top.body_from + _PAGE_DATELINE_LINES], top.headline)
        location = location or page.place
        found_date = found_date or page.date

    if found_date is None:
        found_date = _date_beside(lines) or _letter_date(lines)

    ministry = None
    if location and (ministry := portfolio_ministry(location, main[:_PORTFOLIO_CHARS])):
        location = None  # "Interior - 10.10.2024": the ministry's portfolio, not a place

    body = "\n".join(lines[top.body_from :]).strip("\n")
    if not body.strip() and top.headline is None:
        body = main.strip("\n")

    title_source: str | None = "text"
    if top.headline and declared and not _same_title(declared, top.headline):
        headline = top.headline  # the page's own headline over a shortened <title>
    elif top.headline and declared and _kicker_after(declared, top.headline):
        headline = top.headline  # "July 23rd Public Meeting Press Release" over its heading
    elif declared:
        # A declared title of megabytes (a mail's Subject, a JSON field) is no
        # headline: memory is bounded per release, not per byte of a field.
        headline = declared if len(declared) <= MAX_DECLARED_TITLE else first_sentence(declared)
        title_source = "format"
    elif top.headline:
        headline = top.headline
    else:
        # The release states no headline: its first words stand in for one (TITLE_FALLBACKS).
        headline = ""
        title_source = "first line"
        for line in lines[top.body_from : top.body_from + 40]:
            if _WORD.search(line) and not is_boilerplate(line.strip()):
                headline = first_sentence(collapse_spaced(line))
                break
        if not headline and _WORD.search(raw):
            headline = first_sentence(raw) or clean_line(raw)[:200]
        if not headline:
            title_source = None

    # The contact block and the boilerplate after it are not where people are quoted.
    body_lines = lines[top.body_from :]
    # An email is kept only if the release wrote it literally: checked against the text as
    # given, since cleaning can join an address around a control character ("0\x1f@x.org").
    original = text if isinstance(text, str) else ""
    contacts, block_at = find_contacts(body_lines, 0, original if cleaned else raw, {})
    if not contacts and (in_sentence := press_sentence_contact(main, original if cleaned else raw)):
        contacts = (in_sentence,)  # "Press contact for the Office is ... at (206) 553-4110"
    if not contacts and (desk := press_address_contact(body_lines, original if cleaned else raw)):
        contacts = (desk,)  # "USANCE.PublicInfoOfficer@usdoj.gov" alone under the office line
    if top.letterhead_end:
        # A letterhead's contact block sits above the headline: its contacts come first.
        letterhead_lines = [
            _DATE_BEFORE_CONTACT.sub("", line) for line in lines[: top.letterhead_end]
        ]
        heading, _ = find_contacts(letterhead_lines, 0, original if cleaned else raw, {})
        if not heading and not contacts and (phone := letterhead_phone(letterhead_lines)):
            heading = (phone,)  # "Phone  202 224 5653" under the date: the office's number
        contacts = heading + tuple(c for c in contacts if c not in heading)
    contacts = named_in_sentence(contacts, main)  # "please contact Specialist Jane Doe at ..."
    prose_end = len(body_lines) if block_at is None else block_at
    for i, line in enumerate(body_lines[:prose_end]):
        if i > 2 and (is_about(line) or ("ABOUT" in line and is_about_in_capitals(line, True))):
            prose_end = i
            break
    prose = closed_commas("\n".join(body_lines[:prose_end]))  # "Willis Kylestewa , 41,"
    names_prose = joined_names(prose)  # "... Brandon" / "Arias (a/k/a ...)": a hard wrap
    people = find_people(names_prose)
    if after := people_after_block(body_lines, block_at, contacts):  # a block at the head
        people = merge_people(people, after)
    if listed := voters(prose):  # "Voting for the action were Jane A. Doe, Chair; John Roe; ..."
        people = merge_people(people, listed)
    if agents := in_charge_people(prose):  # "Special Agent in Charge Andre Watson of ..."
        people = merge_people(people, agents)
    if titled := titled_people(prose):  # "the Mayor of Athens, Haris Doukas", "Par X Y"
        people = merge_people(people, titled)
    if beside := sidebar_people(lines):  # "BOARD MEMBERS" down a letterhead's left margin
        people = merge_people(people, beside)
    if defendants := capital_defendants(prose):  # "KAI WEST, a/k/a ..."
        people = merge_people(people, defendants)
    if others := codefendants(prose):  # "co-conspirators Kevin Fusco and ...", "U.S. v. X"
        people = merge_people(people, others)
    if aliased := aliased_people(names_prose):  # "Melissa Scanlan (a/k/a “The Drug Llama”)"
        people = merge_people(people, aliased)
    if nicknamed := nicknamed_people(
        names_prose, [p.name for p in people]
    ):  # 'Thomas "Tommy" Pigott'
        people = merge_people(people, nicknamed)
    if headline and (authors := statement_authors(headline)):  # "Statement of Senator X on"
        people = merge_people(people, list(authors))
    found_language = _language(declared_language(language), main)
    # French, Spanish and German shapes of names, read in releases in those languages
    romance = romance_bodies(body) if found_language in ROMANCE_LANGUAGES else []
    if found_language in ROMANCE_LANGUAGES:
        if cued := romance_people(prose):  # "le colonel X", "X, ministre de ...", "dénommé X"
            people = merge_people(people, cued)
        if capitals := capital_surname_people(prose):  # "Stanislas GUERINI a lancé"
            people = merge_people(people, capitals)
        people = not_bodies(people, romance)  # "la Guardia Civil": a body, not a person
    people = whole_people(people)  # "Rosetta L." of "Rosetta L. San Nicolas": no one whole
    people = without_non_people(people)  # "Although Odom", "Sentencing Guidelines"
    exclude = {fold(p.name) for p in people}
    if location:
        exclude.add(fold(location))
    organisations = find_organisations(body, exclude, tuple(p.name for p in people))
    opening = body_lines[dateline.line_index] if dateline else ""
    if dateline and dateline.date:
        # The subject comes after the dateline's date: "LEEDS, 4 March 2024 – Meridian ..."
        opening = opening[opening.find(" – ") + 3 :] if " – " in opening[:200] else opening
    more = subject_names(headline, opening, exclude) if opening else []
    more += about_names(body_lines[prose_end:])
    organisations = merge_organisations(organisations, more)
    more_bodies = romance + defined_bodies(body)  # "... Border Protection (CBP)"
    more_bodies += listed_members(body, exclude)  # "members include IBM, Intel and SAP"
    more_bodies += legislatures(body)  # "the House of Representatives"
    more_bodies += activity_bodies(body)  # "Homeland Security Investigations"
    more_bodies += one_word_firms(body)  # "Milestone, Inc."
    more_bodies += local_offices(body)  # "Seminole County (Florida) Sheriff’s Office"
    organisations = with_more_bodies(organisations, more_bodies, body, MAX_ORGANISATIONS)
    organisations = whole_portfolios(organisations, body)  # "Ministerio de A, B y C"
    if top.body_from and (header := header_bodies(lines, top.body_from, exclude)):
        # "Department of Justice" / "Office of Public Affairs" over the release: its header
        organisations = merge_organisations(tuple(header), list(organisations))
    known = _known_organisations(organisations)
    if known and any(c.organisation is None for c in contacts):
        contacts = fill_organisations(contacts, known)
    contacts = without_menu_contacts(contacts)  # "Contact" in a menu: its entries, not people
    contacts = tuple(  # "Helix BioPharma Corp.Bay Adelaide Centre": the firm, not its address
        replace(c, organisation=firm_without_address(c.organisation)) for c in contacts
    )
    contacts = offices_for_press_services(contacts, raw)  # "Service presse de <minister>"
    contacts = split_abbreviated_numbers(contacts)  # "01 53 18 42 68 / 42 76": two numbers
    named = {fold(c.name) for c in contacts if c.name} | exclude
    organisations = merge_organisations(
        organisations,
        [
            c.organisation
            for c in contacts
            if c.organisation and _plausible_organisation(c.organisation, prose, named)
        ],
    )

    if found_date:
        date_source: str | None = "text"
    else:
        found_date = declared_date(date)
        if found_date is not None and not not_far_ahead(found_date):
            found_date = None  # a placeholder such as 2099-01-01 in a CMS field
        date_source = "metadata" if found_date else None

    organisations = tidy_organisations(whole_names(organisations, named), named)
    organisations = without_in_charge(organisations)  # "Charge Jo Doe of the DEA": the DEA
    if organisations:
        organisations = _not_page_furniture(organisations, headline, raw, main, navigation)
        organisations = without_fragments(joined_sub_offices(organisations, main), main)
        organisations = whole_around(organisations, main)  # "IRS – Criminal Investigation"
        organisations = folded_acronyms(organisations, main)  # "DEA" beside its full name
        organisations = shared_kinds(organisations, main, MAX_ORGANISATIONS)  # "A and B Police"
        organisations = list_neighbours(organisations, prose, named, MAX_ORGANISATIONS)
    lead = _lead_paragraph(body_lines, dateline)
    # Where the lines were run together, the boilerplate inside the last one (24-7 Press Release).
    run_together = run_together_boilerplate(body_lines[:prose_end])
    tail = run_together + body_lines[prose_end:]
    issuer = _issuer(tail, contacts, named, lead)
    if issuer and lead is not None and headline:
        # Only a contact's organisation says it, and a publisher's or an agency's desk is
        # the contact as often as the issuer's own ("Proactive UK Ltd" under "Newmark
        # Security wraps up strong year"); or only an "About" paragraph inside a run-together
        # body, where a partner's or an award's ("About Castle Connolly") is as common: the
        # body the headline opens with, named in the lead, is the release's.
        weak = _issuer(tail, (), named, lead) is None or (
            run_together and _issuer(body_lines[prose_end:], contacts, named, lead) != issuer
        )
        if weak:
            subject_named = (
                headline_subject_in_lead(headline, lead, body, named)
                or announcer(lead, headline, body, named)  # "The Avon Theatre is proud to ..."
                or subject_after_opening(lead, headline, body, named)
                or ticker_name(headline, body)
            )
            issuer = headline_over_contact(issuer, subject_named)
    if office := office_in_header(lines) or office_in_title(raw):  # "U.S. Attorney's Office, ..."
        bodies = [office, *parent_body(raw)]
        issuer, organisations = office, with_bodies(organisations, bodies)
        organisations = without_other_spellings(organisations, bodies)  # one entry each
    if listed_from := from_list(main):  # GOV.UK's "From:" list: the issuing body first
        issuer, organisations = listed_from[0], with_bodies(organisations, listed_from)
    subject = headline_subject(headline, body) if headline else None
    if issuer and subject and _fuller_name(subject, issuer):
        issuer = subject  # "About Tor" and "The Tor Project Announces ...": the whole name
    if issuer is None:
        issuer = published_by(lines[: top.body_from + 20])  # a CMS's "Published By" field
    if issuer is None:
        # No boilerplate or contact names the issuer: the letterhead above the release,
        # the body its headline opens with, then the subject of its lead sentence.
        above = top.headline_lines[0] if top.headline_lines else top.body_from
        issuer = letterhead(lines[: max(above, 1)], "\n".join(lines[max(above, 1) :]))
        if (
            issuer
            and fold(issuer) == fold(headline)
            and (says_what_happened(headline) or launched_body(headline, body))
        ):
            issuer = None  # the headline above its own repetition, not a letterhead
    if issuer is None:
        issuer = subject or headline_legislator(headline, main)
    if issuer is None and headline:
        issuer = ticker_name(headline, body)  # "Nutriband Inc. (NASDAQ: NTRB): When ..."
    if issuer is None and lead is not None:
        issuer = lead_subject(lead, body)
        if issuer and is_council(issuer):
            # "The Governing Council today decided ...": the body it belongs to.
            issuer = council_owner(organisations, body) or issuer
    if issuer is None:
        issuer = acting_ministry(main)  # "la ministre de la Transformation ... lance aujourd'hui"
    if issuer is None:
        issuer = most_mentioned(body, organisations, headline)
    if issuer is None:
        issuer = spokesperson_body(body, named)  # "Leonard Wolf, Sprecher des Bündnisses"
    if issuer is None:
        issuer = office_named_again(headline, main)
    if issuer is None:
        issuer = closing_about(body_lines, headline)
    if issuer is None and links and contacts:
        issuer = linked_contact_body(
            [(link.label, link.url) for link in links], [c.email for c in contacts if c.email]
        )
    if issuer is None and lead is not None:
        issuer = announcer(lead, headline, body, named)  # "MCN Asia ... is pleased to announce"
    if issuer is None and lead is not None and headline:
        issuer = headline_subject_in_lead(headline, lead, body, named)  # "Front Signs Caps Off ..."
    if issuer is None and lead is not None and headline:
        issuer = subject_after_opening(lead, headline, body, named)  # "This week, Climet announced"
    if issuer is None:
        issuer = office_over_date(lines)
    if issuer is None:
        # A collector's "Source:" field on the body's press room, "Today, X publishes ...".
        issuer = source_field(lines) or today_subject(body_lines)
    if issuer is None and headline:
        issuer = launched_body(headline, body)  # "Launch of the Canadian Digital Service"
    if issuer is None:
        # "Conçu et déployé par X (ACR), ...", "... la gendarmerie démontre sa capacité".
        issuer = maker_in_lead(body_lines) or closing_self_reference(body_lines, organisations)
    if issuer is None:
        issuer = site  # the site's name beside the page's title, when the text names none
    if issuer is None:
        issuer = gov_site_name(raw)  # "... | FinCEN.gov" over a .gov page's banner
    if issuer is None:
        issuer = ministry  # whose portfolio heads the note ("Interior - 10.10.2024")
    if issuer is None and found_language in _ARTICLE_LANGUAGES:
        issuer = dominant_acronym(headline, body)
    if issuer is None:
        issuer = labelled_publisher(lines)  # "Author" / "Directorate-General for Energy"
    if issuer is None and headline and found_language == "fr":
        issuer = french_headline_subject(headline, body)  # "L’Arcep et l’Arcom lancent ..."
    if issuer:
        issuer = body_of_desk(issuer)  # "DEA Public Affairs": the body, not its press desk
    if issuer and _one_body(issuer) and not _listed(issuer, organisations, named):
        # The issuer the text names (its letterhead, its lead) is an organisation it names too;
        # the fragments it was listed under ("Oversight Board", "World Products, Inc") go.
        whole = fold(issuer).rstrip(".")
        kept = (o for o in organisations if " " not in o or fold(o).rstrip(".") not in whole)
        organisations = (*kept, issuer)
    organisations = with_issuer_named(organisations, issuer, prose, named, headline)
    organisations = with_short_forms(organisations, issuer, prose)  # "Parliament adopted ..."
    # Bodies of one word or an acronym, read after the issuer is listed, so that its short
    # forms ("OPT" of Ocean Power Technologies) and first word ("Lee" of "Lee's Famous Recipe
    # Chicken") are not taken for other bodies.
    organisations = cued_bodies(  # "Acme’s CEO", "[ADEME](https://www.ademe.fr/)"
        organisations,
        main,
        named,
        MAX_ORGANISATIONS,
        [(k.label, k.url) for k in links],
        found_language,
    )
    people = with_legislator(people, issuer, main)  # "U S Senator Patty Murray" over the text
    organisations = without_distributor(organisations, body, issuer, headline)  # "About ...Wire"
    organisations = rejoined(organisations, body)  # "University of Notre" / "Dame and ..."
    organisations = with_dashed_parts(organisations, main)  # "IRS - Criminal Investigation"
    organisations = without_bare_kinds(without_field_offices(organisations, main))  # "(DEA) ..."
    organisations = one_entry_each(organisations, main)  # "FBI" and "Federal Bureau of ..."
    organisations = without_menu_lines(organisations, main, issuer)  # "Nos sites Académie ..."
    if found_language in ROMANCE_LANGUAGES:
        organisations = without_dangling_names(organisations, main)  # "Caisse nationale" des ...

    if title_source == "text" and _stands_in(headline, location, body):
        title_source = "first line"

    return Extracted(
        title=headline,
        title_source=title_source,
        issuer=issuer,
        body=body,
        kicker=top.kicker,
        embargo=top.embargo,
        location=location,
        date=found_date,
        date_source=date_source,
        organisations=organisations,
        people=people,
        contacts=contacts,
        links=tuple(links),
        language=found_language,
    )
