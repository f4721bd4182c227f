"""One entry for each body a release names (issue 10): an acronym beside its full name, a
country or an article before it, a legal form after it, "Justice Department" beside
"Department of Justice", a parent written only with its office."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.same_bodies import one_entry_each


def test_an_acronym_is_folded_into_the_name_it_spells() -> None:
    found = ("FBI", "Auburn Police Department", "Federal Bureau of Investigation")
    assert one_entry_each(found) == (
        "Federal Bureau of Investigation (FBI)",
        "Auburn Police Department",
    )


def test_spellings_of_one_body_are_one_entry_the_longest_kept() -> None:
    found = (
        "Department of Energy",
        "Mehr Demokratie",
        "Justice Department",
        "U.S. Department of Energy",
        "Mehr Demokratie e.V.",
        "U.S. Department of Justice",
        "Federal Bureau of Investigation (FBI)",
        "Federal Bureau of Investigation",
    )
    assert one_entry_each(found) == (
        "U.S. Department of Energy",
        "Mehr Demokratie e.V.",
        "U.S. Department of Justice",
        "Federal Bureau of Investigation (FBI)",
    )


def test_an_acronym_the_text_defines_joins_its_name() -> None:
    text = "agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) said"
    found = ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "ATF")
    assert one_entry_each(found, text) == (
        "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)",
    )


def test_a_parent_named_only_with_its_office_is_that_office() -> None:
    text = "investigated by the FBI Mobile Field Office and the FBI’s Child Exploitation Unit."
    found = ("FBI Mobile Field Office", "FBI")
    assert one_entry_each(found, text) == ("FBI Mobile Field Office",)
    text += " The FBI investigated."  # named alone too: a body of its own
    assert one_entry_each(found, text) == found


def test_different_bodies_stay_apart() -> None:
    found = ("Department of Energy", "Department of Justice", "DOE", "Bank of England", "BOE")
    assert one_entry_each(found) == found  # "DOE" and "BOE": two names each could spell


def test_a_release_lists_a_parent_written_only_with_its_office_once() -> None:
    """A U.S. Attorney's page: "FBI" only ever before its office's name, one body."""
    text = (
        "Auburn Man Sentenced for Child Exploitation\n\nMONTGOMERY, Ala. – An Auburn man was "
        "sentenced today to prison, the U.S. Attorney said. The FBI Mobile Field Office and the "
        "Auburn Police Department investigated the case, with help from the FBI’s Child "
        "Exploitation Operations Unit.\n"
    )
    assert extract(text).organisations == ("FBI Mobile Field Office", "Auburn Police Department")


def test_a_short_form_the_full_name_opens_with_is_that_body() -> None:
    found = (
        "Kokomo Police",
        "United States District Court",
        "Kokomo Police Department",
        "United States District Court for the Southern District of Illinois",
        "Boise Police Department",
    )
    assert one_entry_each(found) == (
        "Kokomo Police Department",
        "United States District Court for the Southern District of Illinois",
        "Boise Police Department",
    )


def test_a_body_s_channel_is_the_body() -> None:
    found = ("Library of Congress", "Library of Congress Website", "Library of Congress Web")
    assert one_entry_each(found) == ("Library of Congress",)
    assert one_entry_each(("U.S. Attorney’s Office on Facebook", "FBI")) == (
        "U.S. Attorney’s Office",
        "FBI",
    )


def test_two_bodies_a_run_joined_are_two_entries() -> None:
    found = (
        "HSI and Hazleton Police Department",
        "Montana Division of Criminal Investigation and U.S. Postal Inspection",
        "Department of Health and Human Services",
        "AI and Big Data Center of Excellence",
        "Baker and McKenzie",
    )
    assert one_entry_each(found) == (
        "HSI",
        "Hazleton Police Department",
        "Montana Division of Criminal Investigation",
        "U.S. Postal Inspection",
        "Department of Health and Human Services",
        "AI and Big Data Center of Excellence",
        "Baker and McKenzie",
    )


def test_a_name_cut_at_its_of_is_one_name() -> None:
    text = "said Grinstead, FDA Office of Criminal Investigations Kansas City Field Office. We"
    found = ("FDA Office", "Criminal Investigations Kansas City Field Office", "DEA")
    assert one_entry_each(found, text) == (
        "FDA Office of Criminal Investigations Kansas City Field Office",
        "DEA",
    )
    # two bodies the text never writes as one stay two
    found = ("Department of Justice", "Criminal Division")
    assert one_entry_each(found, "the Department of Justice and its Criminal Division") == found


def test_an_office_named_again_without_its_agency_is_one_entry() -> None:
    found = (
        "FBI Indianapolis Field Office",
        "Kokomo Police Department",
        "Indianapolis Field Office",
    )
    assert one_entry_each(found) == ("FBI Indianapolis Field Office", "Kokomo Police Department")
    # not a word that only looks like an acronym once folded ("French", "FBI-led")
    found = ("French Ministry of Justice", "Ministry of Justice")
    assert one_entry_each(found) == found


def test_a_name_cut_at_its_comma_is_the_whole_name() -> None:
    found = ("Bureau of Alcohol", "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)")
    assert one_entry_each(found) == ("Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)",)
    found = ("US Secret Service", "US Secret Service, San Francisco Field Office")
    assert one_entry_each(found) == found  # a body and its office


def test_an_officer_s_title_and_a_body_are_not_split_as_two_bodies() -> None:
    assert one_entry_each(("BlueWave CTO and Waterfall Network", "Acme")) == (
        "BlueWave CTO and Waterfall Network",
        "Acme",
    )
    assert one_entry_each(("Company on LinkedIn", "Syntekabio Co., Ltd.")) == (
        "Syntekabio Co., Ltd.",
    )


def test_a_sentence_s_number_and_a_county_cut_at_its_comma() -> None:
    text = (
        "supervised by the U.S. Probation Office for 3 years. It was investigated by the "
        "Dickinson County, Kansas Sheriff’s Office and the FBI."
    )
    found = ("U.S. Probation Office for 3", "Kansas Sheriff’s Office", "FBI")
    assert one_entry_each(found, text) == (
        "U.S. Probation Office",
        "Dickinson County, Kansas Sheriff’s Office",
        "FBI",
    )


def test_a_firm_s_board_and_the_firm_stay_two() -> None:
    text = "The Supervisory Board of KAP AG appointed Ralph Rumberg."
    assert one_entry_each(("Supervisory Board", "KAP AG"), text) == ("Supervisory Board", "KAP AG")


def test_a_county_before_another_body_is_not_its_name() -> None:
    text = "the Palm Beach County, Fuller Center hosted the event."
    assert one_entry_each(("Fuller Center", "Acme"), text) == ("Fuller Center", "Acme")
