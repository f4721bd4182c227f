"""Names cut at a hard-wrapped line's end (issue 10: text from PDFs and wrapped pages): made
whole across one line break of a paragraph, not across a paragraph's end or from a list set in
two columns."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.wrapped_bodies import rejoined

_PDF = (  # the Tax Court's PDF statements as text, each line as the PDF broke it
    "          The United States Tax Court announced today that  Judge Patrick J. Urda has been\n"
    "elected Chief Judge to serve a two-  year term beginning June 1, 2025, the Court said.\n"
    "Judge Urda then served as a Law Clerk in the Seventh Circuit for two years, and moved\n"
    "to the Justice Department in Washington, where he argued appeals for more than a decade.\n"
    "       Judge Urda was born in    South Bend, Indiana.  He received a Bachelor of Arts degree,\n"
    "summa cum laude, from the University of Notre Dame and a Juris Doctor from Harvard\n"
    "Law School. Before his appointment  to the Court, he practiced law with McDermott Will &\n"
    "Emery and served on details to the Criminal Division’s Office of Overseas Prosecutorial\n"
    "Development Assistance and Training and the Office of Legal Policy. Judge Urda is a former\n"
    "professor, and holds an LL.M. Securities and Financial Regulation from Georgetown University\n"
    "Law Center. The Tax Division of the Department of Justice took part in the ceremony today.\n"
    "       If you have any questions, please refer to the website or contact the Public\n"
    "Affairs Office at (202) 521-3355.\n"
)


def test_names_cut_at_a_line_end_are_made_whole() -> None:
    """Lines that go on mid-sentence with a small letter make the text hard-wrapped."""
    found = (
        "Law School",
        "Office of Overseas Prosecutorial",
        "Law Center",
        "Affairs Office",
        "Tax Division",
    )
    assert rejoined(found, _PDF) == (
        "Harvard Law School",
        "Office of Overseas Prosecutorial Development Assistance and Training",
        "Georgetown University Law Center",
        "Public Affairs Office",
        "Tax Division",
    )


def test_no_join_across_a_paragraph_a_kind_or_a_column() -> None:
    text = (
        "The funds go to the Mississippi Department of Health and the Rankin County Board of\n"
        "Supervisors\n\nJackson, Miss. – The awards were announced by the Ministerio de Educación\n"
        "\nGracias a todos, the programme goes on with the partners named in this long line.\n"
        "Senior VP of Technology       President, International Technical\n"
        "Allied Signal, Inc.           Underwriters\n"
    )
    found = ("Rankin County Board of Supervisors", "Ministerio de Educación", "Allied Signal, Inc.")
    assert rejoined(found, text) == found


def test_a_statement_from_a_pdf_lists_the_whole_school() -> None:
    text = "UNITED STATES TAX COURT\n\nPRESS RELEASE\n\n" + _PDF
    assert "Harvard Law School" in extract(text).organisations


def test_no_join_across_a_sentence_s_end() -> None:
    text = (
        "A long line of prose that goes on and on about the testnet of the UPCX Wallet.\n"
        "Innovative Payment and Asset Management Solutions are what the firm offers its clients.\n"
    )
    found = ("Innovative Payment and Asset Management Solutions",)
    assert rejoined(found, text) == found


def test_no_join_from_a_paragraph_s_line() -> None:
    """A wire's paragraph is one long line: the line after it is another paragraph; nor in a
    text whose lines never go on mid-sentence (a wire's list of names)."""
    listed = (
        "Here is the full list of the companies the desk follows, ranked by Fundamental Institutions\n"
        "SKYX Platforms Corp. leads the list this week on volume and on its price, said the desk.\n"
    )
    assert rejoined(("SKYX Platforms Corp.",), listed) == ("SKYX Platforms Corp.",)
    text = (
        "* Sony Pictures – From Miami to the World: How the 305 Ignited Latine Turnout and Made "
        "Sony Pictures’ Bad Boys: Ride or Die a Box Office Champ\n"
        "Hispanic Heritage Foundation\n"
    )
    found = ("Hispanic Heritage Foundation",)
    assert rejoined(found, text) == found
