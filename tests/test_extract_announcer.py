"""The body a release's lead says is announcing, named again, is its issuer when no "About"
paragraph, contact or letterhead says who issued it."""

from store.ingest.extract.anatomy import extract
from store.ingest.extract.announcer import announcer, headline_subject_in_lead


def release(headline: str, lead: str, more: str = "") -> str:
    return f"# {headline}\n\nFRANKLIN, KY, May 09, 2025 /24-7PressRelease/ -- {lead}\n\n{more}\n"


def test_a_body_pleased_to_announce_with_its_acronym_named_again() -> None:
    r = extract(
        release(
            "Jody Iddings to Join Powertec Solutions International, LLC.",
            "Powertec Solutions International (PSI) is pleased to announce the appointment "
            "of Jody Iddings as Technical Product and Business Development Manager.",
            "Iddings will lead PSI's product line.",
        )
    )
    assert r.issuer == "Powertec Solutions International"


def test_what_the_body_is_may_stand_between_the_name_and_the_verb() -> None:
    r = extract(
        release(
            "MCN Asia Launches a brand-new service in export consulting",
            "MCN Asia, a team of world-class professionals with a solid track record in "
            "international market expansion is pleased to announce the launch of its new "
            "service for Indian exporters.",
        )
    )
    assert r.issuer == "MCN Asia"


def test_a_legal_form_between_the_name_and_what_it_is() -> None:
    r = extract(
        release(
            "The 13th Annual Hall of Fame Induction Gala",
            "Gridiron Greats Assistance Fund, Inc., a non-profit that provides medical and "
            "financial assistance to former players, will host its 13th annual gala in "
            "Chicago on June 7, 2024.",
            "Proceeds go to the Gridiron Greats Assistance Fund.",
        )
    )
    assert r.issuer == "Gridiron Greats Assistance Fund, Inc."


def test_a_person_announcing_is_not_a_body() -> None:
    lead = "Dr. Jane Roe is pleased to announce the opening of her new practice in Franklin."
    assert announcer(lead, "Jane Roe Opens a Practice", lead, set()) is None
    lead = "Jane Roe is pleased to announce the opening of her practice. Jane Roe said so."
    assert announcer(lead, "Jane Roe Opens a Practice", lead, {"jane roe"}) is None
    lead = "Harbor Lane, the author of three novels, is pleased to announce her new book."
    assert announcer(lead, "Harbor Lane Announces a Book", lead, set()) is None


def test_a_name_the_release_does_not_name_again_is_not_taken() -> None:
    lead = "Northwind Labs is pleased to announce a new tool for growers."
    assert announcer(lead, "A new tool for growers", lead, set()) is None
    assert announcer(lead, "Northwind Labs ships a tool", lead, set()) == "Northwind Labs"


def test_announced_alone_is_what_a_news_article_says_too() -> None:
    lead = "Northwind Labs announced on Tuesday that it would cut 200 jobs at Northwind Labs."
    assert announcer(lead, "Northwind Labs to cut jobs", lead, set()) is None


def test_the_headline_subject_the_lead_names_too() -> None:
    r = extract(
        release(
            "Juriscorp Law Offers Clear Legal Support for Probate Matters in Alberta",
            "Juriscorp Law provides probate services to assist families and executors "
            "with the legal process after the loss of a loved one.",
        )
    )
    assert r.issuer == "Juriscorp Law"


def headline_subject(headline: str, lead: str, people: frozenset[str] = frozenset()) -> str | None:
    return headline_subject_in_lead(headline, lead, lead, set(people))


def test_the_lead_decides_where_the_name_ends() -> None:
    # "Attorneys" is no verb: the lead goes on with it.
    assert (
        headline_subject(
            "Lone Star Injury Attorneys Launch Free Rides",
            "Lone Star Injury Attorneys is giving free rides this weekend.",
        )
        is None
    )
    assert (
        headline_subject(
            "Front Signs Caps Off Winter 2025 With Bold Outdoor Signs",
            "Businesses turn to Front Signs for premium outdoor signs.",
        )
        == "Front Signs"
    )
    # A listed company's ticker stands between its name and the verb.
    assert (
        headline_subject(
            "Beeline Holdings (NASDAQ: BLNE) Clears Debt",
            "Beeline Holdings said on Monday it had repaid its notes.",
        )
        == "Beeline Holdings"
    )


def test_no_person_event_or_report_passes_for_the_headline_subject() -> None:
    assert (
        headline_subject("Jane Doe Joins Acme as CEO", "Jane Doe has joined Acme.", {"jane doe"})
        is None
    )
    lead = "Annie Estrin shares what she learned. Estrin was hurt on the runway; Estrin said so."
    assert headline_subject("Annie Estrin Shares Lessons Learned", lead) is None
    lead = "The 2025 HRO Today Forum North America begins on Wednesday in San Antonio."
    assert headline_subject("2025 HRO Today Forum North America Begins Wednesday", lead) is None
    lead = "Under Armour faces an uphill climb as its turnaround falters, analysts say."
    assert headline_subject("Under Armour Faces Uphill Climb", lead) is None
    lead = "Palm Desert buyers are heading to new homes."
    assert headline_subject("Palm Desert Buyers Are Heading To New Homes", lead) is None
