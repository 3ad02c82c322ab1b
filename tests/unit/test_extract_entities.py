"""Entities: canonical names from the alias table, titles stripped, surnames resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.extract import Extractor
from claimdiff.extract.entities import (
    EntityResolver,
    canonical_name,
    canonical_table,
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
