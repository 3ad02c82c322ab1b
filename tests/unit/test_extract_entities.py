"""Entities: canonical names from the alias table, titles stripped, surnames resolved."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Span

from claimdiff.extract import Extractor
from claimdiff.extract.entities import (
    EntityResolver,
    canonical_name,
    canonical_table,
    join_name_parts,
    name_span,
    ruler_patterns,
    strip_titles,
)
from claimdiff.model import Document


@pytest.mark.parametrize(
    ("written", "label", "canonical"),
    [
        # every spelling of the United States
        ("US", "GPE", "United States"),
        ("U.S.", "GPE", "United States"),
        ("the United States", "GPE", "United States"),
        ("USA", "GPE", "United States"),
        ("United States", "GPE", "United States"),
        # the Group of Seven
        ("G-7", "ORG", "G7"),
        ("G7", "ORG", "G7"),
        ("the Group of Seven", "ORG", "G7"),
        # Britain
        ("UK", "GPE", "United Kingdom"),
        ("Britain", "GPE", "United Kingdom"),
        ("the United Kingdom", "GPE", "United Kingdom"),
        # the Emirates
        ("UAE", "GPE", "United Arab Emirates"),
        ("the United Arab Emirates", "GPE", "United Arab Emirates"),
        # Russia
        ("the Russian Federation", "GPE", "Russia"),
        ("Russia", "GPE", "Russia"),
        # a country's other names, and names transliterated several ways
        ("Burma", "GPE", "Myanmar"),
        ("Côte d'Ivoire", "GPE", "Ivory Coast"),
        ("Hizbollah", "ORG", "Hezbollah"),
        ("al Qaida", "ORG", "al-Qaeda"),
        ("Moammar Gadhafi", "PERSON", "Muammar Gaddafi"),
        ("the Fed", "ORG", "Federal Reserve"),
        ("MSF", "ORG", "Doctors Without Borders"),
        # a demonym names its country
        ("Russian", "NORP", "Russia"),
        ("French", "NORP", "France"),
        # a possessive and curly apostrophe are dropped
        ("Assad\u2019s", "PERSON", "Assad"),
        # titles are stripped from people
        ("British Foreign Secretary Boris Johnson", "PERSON", "Boris Johnson"),
        ("U.S. President Donald Trump", "PERSON", "Donald Trump"),
        ("Mr Alishbandi", "PERSON", "Alishbandi"),
        # legal forms are dropped from organisations, and known ones take their canonical name
        ("Intel Corp.", "ORG", "Intel"),
        ("Advanced Micro Devices Inc.", "ORG", "Advanced Micro Devices"),
        ("AMD", "ORG", "Advanced Micro Devices"),
        ("Lenovo Group Ltd.", "ORG", "Lenovo Group"),
        # a nickname in quotes is no part of the name
        ('Vincent "the Chin" Gigante', "PERSON", "Vincent Gigante"),
        # a name outside the table is kept as written
        ("Lucca", "GPE", "Lucca"),
        # a country's initials open a longer name: the same expansion as the initials alone
        ("US Geological Survey", "ORG", "United States Geological Survey"),
        ("U.S. Geological Survey", "ORG", "United States Geological Survey"),
        # but a country written as a word is part of the name
        ("America Online", "ORG", "America Online"),
        # a generic place word after the name is dropped
        ("Qeshm island", "GPE", "Qeshm"),
        ("Kerman province", "GPE", "Kerman"),
        ("Hormozgan Province", "GPE", "Hormozgan"),
        ("Tasman Glacier area", "LOC", "Tasman Glacier"),
        # but not where the capitalised word is the name itself
        ("Rhode Island", "GPE", "Rhode Island"),
        ("Orange County", "GPE", "Orange County"),
        # nor from an organisation
        ("Islamic State", "ORG", "Islamic State"),
        # "news agency" after an agency's name
        ("IRNA news agency", "ORG", "IRNA"),
        ("Xinhua news agency", "ORG", "Xinhua"),
        ("news agency", "ORG", "news agency"),
        # a short acronym names something only in capitals: "Us" of "tells Us" is a magazine
        ("Us", "GPE", "Us"),
        ("Who", "ORG", "Who"),
        ("WHO", "ORG", "World Health Organization"),
        # a longer one in British style is still the acronym
        ("Nato", "ORG", "NATO"),
        # an acronym or ticker in brackets after a name, even one the tagger cut off
        (
            "The Philippine Institute of Volcanology and Seismology (Phivolcs",
            "ORG",
            "Philippine Institute of Volcanology and Seismology",
        ),
        ("Apple Inc. (AAPL)", "ORG", "Apple"),
        # a juror is named without the title
        ("Juror Marvin Carson", "PERSON", "Marvin Carson"),
        # a sentence's full stop the tagger left on a name, but not an abbreviation's
        ("Bentiu.", "GPE", "Bentiu"),
        ("Calif.", "GPE", "Calif."),
    ],
)
def test_canonical_name(written: str, label: str, canonical: str) -> None:
    assert canonical_name(written, label)[0] == canonical


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),  # a two-word title
        ("Secretary of State Rex Tillerson", "Rex Tillerson"),  # a three-word title
        ("President", "President"),  # a bare title is left alone
        ("Jean-Marc Ayrault", "Jean-Marc Ayrault"),  # nothing to strip
    ],
)
def test_strip_titles(name: str, stripped: str) -> None:
    assert strip_titles(name) == stripped


def test_surname_resolves_to_earlier_full_name() -> None:
    resolver = EntityResolver()
    assert resolver.resolve("Tillerson", "PERSON") == ("Tillerson", "PERSON")  # nothing known yet
    assert resolver.resolve("U.S. Secretary of State Rex Tillerson", "PERSON")[0] == "Rex Tillerson"
    # later mentions, even one the tagger calls an organisation, resolve to the full name
    assert resolver.resolve("Tillerson", "ORG") == ("Rex Tillerson", "PERSON")
    assert resolver.person("Tillerson") == "Rex Tillerson"


def test_table_is_data_with_ruler_patterns() -> None:
    table = canonical_table()
    assert table.aliases["g7"] == ("G7", "ORG")
    patterns = {p["pattern"] for p in ruler_patterns()}
    assert {"G-7", "U.S.", "UAE", "Group of Seven"} <= patterns
    # single ordinary words are left to the tagger, so "Latin America" is not cut short
    assert "America" not in patterns and "Britain" not in patterns


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "G-7" is found by the name table even where the tagger misses it
        (
            "The G-7 gathering brought ministers from the US and Britain.",
            ["G7", "United States", "United Kingdom"],
        ),
        # the Emirates and the UAE are one entity
        (
            "Ministers from the United Arab Emirates and the UAE met.",
            ["United Arab Emirates", "United Arab Emirates"],
        ),
        # dates and numbers are not entities
        ("On April 10, more than 80 people died in Syria.", ["Syria"]),
        # the end of a title names nothing; a body named for it does
        (
            "US Secretary of State Rex Tillerson will travel to Moscow after the meeting.",
            ["United States", "Rex Tillerson", "Moscow"],
        ),
        ("The State Department said the talks were useful.", ["State Department"]),
        # nor does the start of one
        (
            "Interior Minister Christophe Castaner said three members of the National Police"
            " saw a suspect.",
            ["Christophe Castaner", "National Police"],
        ),
        ("The Interior Ministry said it was calm.", ["Interior Ministry"]),
    ],
)
def test_entities_in_sentences(extractor: Extractor, sentence: str, expected: list[str]) -> None:
    document = Document(0, "t", "s", sentence, "x", published=dt.date(2017, 4, 11))
    entities = [e for claim in extractor.extract(document) for e in claim.entities]
    assert [e.canonical for e in entities] == expected
    assert all(sentence[e.start : e.end] == e.text for e in entities)


def test_surname_resolved_within_a_document(extractor: Extractor) -> None:
    text = (
        "U.S. Secretary of State Rex Tillerson is due to fly to Moscow.\n\n"
        "Tillerson is scheduled to meet Sergei Lavrov."
    )
    claims = extractor.extract(Document(0, "t", "s", text, "x"))
    names = [e.canonical for e in claims[1].entities if e.label == "PERSON"]
    assert names == ["Rex Tillerson", "Sergei Lavrov"]


def _tagged(words: list[str], ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Run the name-parts step on a doc tagged by hand."""
    doc = spacy.blank("en").make_doc(" ".join(words))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return [(e.text, e.label_) for e in join_name_parts(doc).ents]


def test_a_stray_word_before_a_person_is_part_of_the_name() -> None:
    # the tagger's reading of "spokesman Sawarmi Khaled Saad": a place, then a person
    words = ["spokesman", "Sawarmi", "Khaled", "Saad", "denied", "it"]
    found = _tagged(words, [(1, 2, "GPE"), (2, 4, "PERSON")])
    assert found == [("Sawarmi Khaled Saad", "PERSON")]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        # a place the name table knows stays a place: "US President Trump" without the title
        (["the", "US", "Donald", "Trump"], [(1, 2, "GPE"), (2, 4, "PERSON")]),
        # a people's name too
        (["Syrian", "Bashar", "Assad"], [(0, 1, "NORP"), (1, 3, "PERSON")]),
        # two words are not a stray word
        (["New", "Jersey", "Chris", "Christie"], [(0, 2, "GPE"), (2, 4, "PERSON")]),
        # a common word: "Secretary of State Rex Tillerson"
        (["of", "State", "Rex", "Tillerson"], [(1, 2, "ORG"), (2, 4, "PERSON")]),
        # a word between them
        (["Sawarmi", "and", "Khaled", "Saad"], [(0, 1, "GPE"), (2, 4, "PERSON")]),
    ],
)
def test_other_neighbours_of_a_person_stay_apart(
    words: list[str], ents: list[tuple[int, int, str]]
) -> None:
    assert len(_tagged(words, ents)) == len(ents)


def test_a_split_name_is_one_speaker(extractor: Extractor) -> None:
    text = "Sudan Armed Forces spokesman Sawarmi Khaled Saad denied any links to the raid."
    (claim,) = extractor.extract(Document(0, "t", "s", text, "x"))
    people = [e.text for e in claim.entities if e.label == "PERSON"]
    assert people == ["Sawarmi Khaled Saad"]
    assert claim.speaker == "Sawarmi Khaled Saad"


@pytest.mark.parametrize(
    ("written", "label", "expected"),
    [
        # the tagger takes a titled name for a work of art or a body: a person
        ("Honolulu Mayor Kirk Caldwell", "WORK_OF_ART", ("Kirk Caldwell", "PERSON")),
        ("Honolulu Fire Department Chief Manuel P. Neves", "ORG", ("Manuel P. Neves", "PERSON")),
        ("Secretary of State Rex Tillerson", "ORG", ("Rex Tillerson", "PERSON")),
        # a person's place and body before the title are no part of the name
        ("San Antonio police Chief William McManus", "PERSON", ("William McManus", "PERSON")),
        # bodies and buildings that open with a title stay what they are
        ("Prime Minister's Office", "ORG", ("Prime Minister's Office", "ORG")),
        ("Chief Executive Officer Group", "ORG", ("Chief Executive Officer Group", "ORG")),
        (
            "President Barack Obama Presidential Library",
            "FAC",
            ("President Barack Obama Presidential Library", "FAC"),
        ),
        # one word after a title may be a body's name ("President Hotel")
        ("President Hotel", "ORG", ("President Hotel", "ORG")),
    ],
)
def test_a_titled_name_is_a_person(written: str, label: str, expected: tuple[str, str]) -> None:
    assert canonical_name(written, label) == expected


def test_one_of_a_people_is_no_person(extractor: Extractor) -> None:
    # the tagger takes "The New Zealander" for a man's name: it names a people
    assert canonical_name("The New Zealander", "PERSON") == ("New Zealand", "NORP")
    text = (
        "The New Zealander, who lived in Australia, had been dropped off by helicopter and was"
        " walking to a hut when he fell in the Tasman Glacier area."
    )
    (claim,) = extractor.extract(Document(0, "t", "s", text, "x"))
    assert not [e for e in claim.entities if e.label == "PERSON"]
    assert ("New Zealand", "NORP") in {(e.canonical, e.label) for e in claim.entities}


@pytest.mark.parametrize(
    ("text", "label", "canonical"),
    [
        ("Mt. Kanlaon", "LOC", "Mount Kanlaon"),  # "Mt." is "Mount"
        ("Mount Kanlaon", "LOC", "Mount Kanlaon"),
        ("Philippine", "NORP", "Philippines"),  # the adjective names the country
    ],
)
def test_more_spellings_of_one_place(text: str, label: str, canonical: str) -> None:
    assert canonical_name(text, label)[0] == canonical


@pytest.mark.parametrize(
    ("words", "ent", "name"),
    [
        # a bracket the name does not close: the tagger ran on into an aside
        (
            ["The", "Institute", "of", "Volcanology", "(", "Phivolcs", ")", "said"],
            (0, 6, "ORG"),
            "The Institute of Volcanology",
        ),
        (["in", "Apollo", "13", "(", "1995", ")"], (1, 5, "WORK_OF_ART"), "Apollo 13"),
        # a closed bracket is part of the name
        (["the", "Institute", "(", "Phivolcs", ")"], (1, 5, "ORG"), "Institute ( Phivolcs )"),
        # a year after a possessive is no part of the name: "Silver's 2015 trial"
        (["of", "Silver", "'s", "2015", "trial"], (1, 4, "ORG"), "Silver 's"),
        # a score after a person's name
        (["Tottenham", "Hotspur", "2", "-", "0"], (0, 5, "PERSON"), "Tottenham Hotspur"),
        # a figure in another name stays
        (["the", "Group", "of", "7"], (1, 4, "ORG"), "Group of 7"),
    ],
)
def test_the_name_part_of_a_tagged_entity(
    words: list[str], ent: tuple[int, int, str], name: str
) -> None:
    doc = spacy.blank("en").make_doc(" ".join(words))
    assert name_span(Span(doc, ent[0], ent[1], label=ent[2])).text == name
