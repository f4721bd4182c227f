"""The issuer of wire releases in shapes the real corpus showed with none (tests/wire_issuers.json)."""

from store.ingest.extract.anatomy import extract


def run_together(headline: str, *paragraphs: str) -> str:
    """A 24-7 Press Release file: the body on one line, its paragraphs parted by two spaces."""
    body = "  ".join(paragraphs)
    return f"# {headline}\n\nCHICAGO, IL, June 09, 2025 /24-7PressRelease/ -- {body}\n"


def test_the_about_heading_inside_a_body_run_into_one_line() -> None:
    text = run_together(
        "Illinois Closes Child Support Loophole",
        "Child support payers in Illinois may see significant changes in their court-ordered "
        "obligations thanks to a recent amendment to the Illinois Marriage and Dissolution Act.",
        "Now, courts are explicitly empowered to calculate child support based on the paying "
        "parent's potential income rather than their reported earnings, as the statute says.",
        "As experienced Lake Forest, IL family lawyers, the attorneys at the firm anticipate a "
        "rash of petitions seeking a post-judgment modification of their existing orders.",
        "About Hurst, Robin, Kay & Allen, LLC",
        "Hurst, Robin, Kay & Allen, LLC is a full-service family law firm serving clients across "
        "Chicagoland. They exclusively practice family law and divorce matters.",
    )
    assert extract(text).issuer == "Hurst, Robin, Kay & Allen, LLC"


def test_two_spaces_between_sentences_of_whole_lines_find_no_heading() -> None:
    # Whole lines typed with two spaces after each full stop: "About" opening a sentence
    # there is no heading.
    text = (
        "# Markets Steady\n\nNEW YORK, NY, June 09, 2025 /24-7PressRelease/ -- Stocks were "
        "flat on Monday.  About 40 companies reported.  Traders waited for the Federal "
        "Reserve's decision on rates, due on Wednesday afternoon.\n"
    )
    assert extract(text).issuer is None


def release(headline: str, lead: str) -> str:
    return f"# {headline}\n\n--News Direct--\n\n{lead}\n\nMore follows about the work done.\n"


def test_a_brand_of_one_word_with_a_capital_inside_opens_the_headline() -> None:
    text = release(
        "CollectionPro Revolutionizes Out-of-Network Recovery with Legal Expertise",
        "In the current healthcare payment environment, where providers face shrinking "
        "reimbursements, CollectionPro Services LLC has emerged as a beacon of hope.",
    )
    assert extract(text).issuer == "CollectionPro"


def test_a_brand_written_in_lower_case_first() -> None:
    text = release(
        "pgEdge Launches Latest Release of Its Distributed Postgres Cloud Edition",
        "pgEdge, Inc., the leading company dedicated to distributed Postgres, today announced "
        "the latest release of pgEdge Cloud for multi-region applications.",
    )
    assert extract(text).issuer == "pgEdge"


def test_a_surname_of_one_word_is_still_no_issuer() -> None:
    text = release(
        "McDonald Wins Regional Chess Title After Ten Rounds",
        "McDonald, a retired teacher from Ohio, won the regional chess title on Sunday "
        "after ten rounds of play against forty players.",
    )
    assert extract(text).issuer is None


def test_a_headline_written_as_a_sentence_with_a_trade_mark() -> None:
    text = release(
        "Ocean Power Technologies™ looks to expand growth teaming with a defense contractor",
        "Ocean Power Technologies CEO Philipp Stratmann unveiled a teaming agreement with a "
        "major international defense contractor for maritime domain awareness.",
    )
    assert extract(text).issuer == "Ocean Power Technologies"


def test_the_company_named_before_its_ticker_in_the_headline() -> None:
    text = release(
        "Nutriband Inc. (NASDAQ: NTRB): When Market Confidence Validates Scientific Innovation",
        "The pharmaceutical sector rewards the companies that close a gap in pain management "
        "safety, and Nutriband's AVERSA Fentanyl is one such product ahead of its filing.",
    )
    assert extract(text).issuer == "Nutriband Inc."


def test_a_newsletters_kicker_before_the_company_and_its_ticker() -> None:
    text = release(
        "BioMedNewsBreaks – Acme Therapeutics (OTC: ACMT) Begins a Trial",
        "The trial of the company's lead drug started in March at four sites, and Acme "
        "Therapeutics expects first results in the autumn of next year.",
    )
    assert extract(text).issuer == "Acme Therapeutics"


def test_the_leads_subject_after_an_opening_phrase_when_the_headline_names_it() -> None:
    text = release(
        "Industry Leader Climet Partners with Phizzle; First Joint Value Proposition",
        "December 19, 2024 - This week, Climet officially announced Phizzle, Inc as an "
        "authorized software partner for cleanroom particle counters. Climet makes them in "
        "Redlands, and Climet sells them worldwide.",
    )
    assert extract(text).issuer == "Climet"


def test_the_leads_subject_after_an_opening_phrase_not_in_the_headline_is_not_taken() -> None:
    text = release(
        "Cleanroom Software Gains a New Partner This Winter",
        "This week, Climet officially announced Phizzle, Inc as an authorized software "
        "partner for cleanroom particle counters.",
    )
    assert extract(text).issuer != "Climet"


def test_the_headlines_company_over_a_publishers_contact() -> None:
    text = (
        "# Newmark Security wraps up strong year as positive momentum continues\n\n"
        "--News Direct--\n\nNewmark Security PLC CEO Marie-Claire Dwek takes Proactive's "
        "Stephen Gunnion through the company's trading update for the year to 30 April.\n\n"
        "Contact Details\n\nProactive UK Ltd\n\n+44 20 7989 0813\n\nuk@proactiveinvestors.com\n"
    )
    assert extract(text).issuer == "Newmark Security"


def test_the_contacts_own_body_stays_when_the_headline_names_it_shorter() -> None:
    text = (
        "# Acme Widgets wraps up strong year as positive momentum continues\n\n"
        "--News Direct--\n\nAcme Widgets CEO Jane Roe reviewed the trading update for the year "
        "to 30 April with analysts on Monday morning.\n\n"
        "Contact Details\n\nAcme Widgets Corp.\n\n+44 20 7989 0813\n\npress@acmewidgets.com\n"
    )
    assert extract(text).issuer == "Acme Widgets Corp."


def test_the_subject_of_the_leads_second_sentence_after_as() -> None:
    text = run_together(
        "Creative Biolabs: Engineered Strain Design in Microbial Therapeutics",
        "Engineered therapeutic strains have emerged as a critical element in modern medicine. "
        "As global biotechnological specialists, Creative Biolabs has a clear focus on "
        "providing efficient and precise engineering strain design services.",
        "At the heart of these strains is the gene editing of target microorganisms, which the "
        "company's scientists have studied for many years in their own laboratories.",
    )
    assert extract(text).issuer == "Creative Biolabs"


def test_a_long_name_the_headline_shortens() -> None:
    text = release(
        "Courageous Conservatives PAC to Rep. Pat Curry Ahead of June 6 Hearing",
        "The Courageous Conservatives Political Action Committee, dedicated to electing "
        "leaders who uphold conservative values, will argue against a lawsuit in court.",
    )
    assert extract(text).issuer == "Courageous Conservatives Political Action Committee"


def test_a_surname_as_the_leads_subject_is_no_body() -> None:
    text = release(
        "Medine to Leave the Board This Summer",
        "Chairman David Medine said he will resign. Medine has notified the White House of "
        "his intent to resign from the Board. Medine joined it in 2013, and Medine chaired it.",
    )
    assert extract(text).issuer != "Medine"


def test_a_run_together_about_of_someone_else_gives_way_to_the_announcing_body() -> None:
    text = run_together(
        "Avon Theatre to Honor Music Legend Clive Davis With 2025 Lifetime Achievement Award",
        "The Avon Theatre Film Center is proud to announce that Clive Davis, a legendary music "
        "executive and producer, will receive its 2025 Lifetime Achievement Award in June.",
        "The award will be presented at the Avon's annual gala, where friends of the Avon "
        "Theatre Film Center gather to celebrate film and music in Stamford.",
        "About Clive Davis",
        "Clive Davis is a five-time Grammy-winning record producer and music executive whose "
        "career spans more than six decades.",
    )
    assert extract(text).issuer == "Avon Theatre Film Center"


def test_a_run_together_about_heading_keeps_no_link_and_names_someone() -> None:
    text = run_together(
        "A Spring Auction for the Families of Those Who Served",
        "Donated items will be auctioned off to benefit the society's work across the country "
        "this spring, from furniture to art and rare books.",
        "The auction opens in April and runs for three weeks online, with every dollar raised "
        "going to the society's programs for families.",
        "Bidders may register on the society's site from March, and volunteers will deliver "
        "the larger items to winning bidders in the Lower Mainland free of charge.",
        "Last year's auction raised more than forty thousand dollars, a record the organisers "
        "hope to beat with the help of local businesses and many new donors.",
        "About Memorial Ribbon Society https://memorialribbon.ca",
        "The Memorial Ribbon Society of Canada honours those who served.",
    )
    assert extract(text).issuer == "Memorial Ribbon Society"


def test_a_ceo_after_the_company_in_the_headline_is_cut_off() -> None:
    text = (
        "# Condor Gold CEO Mark Child Provides Comprehensive Update on La India Project\n\n"
        "--News Direct--\n\nCondor Gold CEO Mark Child joined Steve Darling from Proactive to "
        "offer a detailed update on the La India project in Nicaragua.\n\n"
        "Contact Details\n\nProactive UK Ltd\n\n+44 20 7989 0813\n\nuk@proactiveinvestors.com\n"
    )
    assert extract(text).issuer == "Condor Gold"


def test_a_run_together_about_of_the_award_gives_way_to_the_leads_subject() -> None:
    text = run_together(
        "U.S. Dermatology Partners named a Castle Connolly Practice Center of Excellence",
        "U.S. Dermatology Partners, a leading multi-state network of dermatology practices, "
        "has been named a Castle Connolly Practice Center of Excellence for its care.",
        "The designation recognises practices whose physicians have been chosen as top doctors "
        "by their peers, and whose patients report a consistently excellent experience.",
        "Its physicians serve patients in Texas, Arizona, Colorado and five other states, "
        "with more than a hundred clinics open six days a week.",
        "About Castle Connolly",
        "Castle Connolly identifies top doctors through a peer nomination process.",
    )
    assert extract(text).issuer == "U.S. Dermatology Partners"


def test_an_event_with_its_year_is_no_leads_subject() -> None:
    text = release(
        "[Pangyo Event] 2025 Global Accelerating Program Orientation Held in Pangyo",
        "The 2025 Global Accelerating Program Orientation was held on March 6 at the Gyeonggi "
        "Startup Campus, where forty startups met their mentors.",
    )
    assert extract(text).issuer != "2025 Global Accelerating Program Orientation"
