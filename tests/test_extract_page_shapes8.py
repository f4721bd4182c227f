"""Shapes the dev set's eighth round showed (issue 10): a CMS's "Publié le" line, bullets over a
Markdown heading, a "Titre :" field, a crawler's cut tag before a page's <title>, a labelled
publisher, and people named after their office or rank."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.titled_names import titled_people
from store.ingest.readers.markdown import read_markdown

# A Gendinfo article as a collector transcribed it: the date under a "Publié le" label.
PUBLISHED_ON = """# Les gendarmes mettent fin aux agissements d'un hacker biélorusse

Par la rédaction du site Gendinfo
Publié le 14 mai 2025
© OUEST FRANCE

Le 28 avril 2025, un hacker biélorusse a été condamné par le tribunal judiciaire de Paris.
"""

# The European Commission's energy pages as a content extractor wrote them.
COMMISSION_PAGE = """* 11 March 2025
  * Directorate-General for Energy
  * 1 min read


# EU-Canada High-Level Energy Dialogue
Today, senior officials from Natural Resources Canada met in Houston.
"""

# A page saved as text by a crawler: the tail of the <html> tag before its <title>, the skip
# link after it, the site's two names joined to the headline, the heading again below.
CRAWLED_PAGE = """dsfr--theme#update" lang="fr-FR" data-fr-scheme="system"> Des enquêteurs pour traquer les cyber criminels - Gendinfo - Gendarmerie nationale Accéder au contenu
Accéder au menu
Gendinfo
Accueil
Actualités
2021
Des enquêteurs pour traquer les cyber criminels
Par Antoine Faure
Publié le 15 septembre 2021
Le centre de lutte contre les criminalités numériques traite les rançongiciels.
"""


def test_a_publication_label_before_the_date_is_no_place() -> None:
    found = extract(PUBLISHED_ON)
    assert found.date == "2025-05-14"
    assert found.location is None  # not "Publié"
    labelled = extract(
        "Titre : Une opération\n\nPublication : 06 mars 2026\n\nLe GIGN a interpellé."
    )
    assert labelled.location is None  # not "Publication"
    assert labelled.date == "2026-03-06"


def test_a_dateline_with_a_place_is_still_read() -> None:
    found = extract("Une opération\n\nPARIS, 6 mars 2026 – Le GIGN a interpellé un suspect.")
    assert (found.location, found.date) == ("PARIS", "2026-03-06")


def test_the_heading_under_a_page_s_leading_bullets_is_its_title() -> None:
    (draft,) = read_markdown(COMMISSION_PAGE.encode())
    assert draft.title == "EU-Canada High-Level Energy Dialogue"
    assert draft.issuer == "Directorate-General for Energy"  # the office the bullets name
    assert "11 March 2025" in draft.text  # the bullets stay in the text, the date with them


def test_a_kicker_bullet_over_a_setext_heading() -> None:
    page = "*   PRESS RELEASE\n\nMonetary policy decisions\n=========\n\n11 September 2025\n\nText."
    (draft,) = read_markdown(page.encode())
    assert draft.title == "Monetary policy decisions"
    assert draft.issuer is None  # "PRESS RELEASE" names no body


def test_a_long_list_is_no_preamble() -> None:
    page = "* one\n* two\n* three\n* four\n* five\n* six\n* seven\n\n# Heading\n\nText."
    (draft,) = read_markdown(page.encode())
    assert draft.title is None


def test_a_title_written_as_a_labelled_field() -> None:
    text = "Título : Detenido un peligroso hacker\n\nEncabezamiento : Operación conjunta\n\nTexto."
    assert extract(text).title == "Detenido un peligroso hacker"
    # A headline that only opens with the word keeps it.
    assert extract("Title IX Rule Takes Effect\n\nText of the release.").title == (
        "Title IX Rule Takes Effect"
    )


def test_a_crawled_page_title_gives_the_headline_and_the_issuer() -> None:
    found = extract(CRAWLED_PAGE)
    assert found.title == "Des enquêteurs pour traquer les cyber criminels"
    assert found.issuer == "Gendarmerie nationale"


def test_a_labelled_publisher_names_the_issuer() -> None:
    head = (
        "La Guardia Civil desmantela una red de phishing\n\n"
        "Date: 2025-10-08\nPublisher: Guardia Civil — Portal Web de la Guardia Civil\n\n"
        "Los agentes han detenido a un joven de 25 años.\n"
    )
    assert extract(head).issuer == "Guardia Civil"
    foot = (
        "Commission announces a new call\n\nToday the call opens for projects.\n\n"
        "Details\n\nPublication date\n11 March 2025\n\nAuthor\n"
        "[Directorate-General for Energy](https://commission.europa.eu/energy_en)\n"
    )
    assert extract(foot).issuer == "Directorate-General for Energy"


def test_an_author_who_is_a_person_is_no_issuer() -> None:
    text = "A new report\n\nThe report was published today.\n\n\n\n\n\nAuthor\nJane Doe\n"
    assert extract(text).issuer != "Jane Doe"


def test_people_named_after_their_office() -> None:
    text = (
        "Tomorrow, President Ursula von der Leyen will travel to London. Commissioner for "
        "Energy and Housing, Dan Jørgensen, will meet the Egyptian Minister of Petroleum and "
        "Natural Resources, Karim Badawi, and the Mayor of Athens, Haris Doukas.\n"
    )
    names = {p.name for p in extract("Visit to London\n\n" + text).people}
    assert {"Ursula von der Leyen", "Dan Jørgensen", "Karim Badawi", "Haris Doukas"} <= names


def test_people_named_after_a_french_rank_or_in_a_byline() -> None:
    text = (
        "COMCyberGEND : la gendarmerie monte en puissance\n\nPar le commandant Céline Morin\n\n"
        "Le général de division Marc Boget a officiellement pris la tête du commandement.\n"
    )
    names = {p.name for p in extract(text).people}
    assert {"Céline Morin", "Marc Boget"} <= names


def test_a_title_case_line_gives_no_name_after_an_office() -> None:
    # The run of capitals goes on after the words that would be a name: a headline, not prose.
    assert titled_people("President Trump Signs New Rules For Energy") == []
    assert titled_people("Minister of Energy, Natural Resources and Mines said") == []
