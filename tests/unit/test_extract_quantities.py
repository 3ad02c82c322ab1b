"""Quantities: value, normalised unit, qualifier and the range it allows."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.extract import Extractor
from claimdiff.extract.quantities import to_base
from claimdiff.model import Document, Quantity


def quantities_of(extractor: Extractor, text: str) -> list[Quantity]:
    document = Document(0, "t", "s", text, "x", published=dt.date(2017, 4, 11))
    return [q for claim in extractor.extract(document) for q in claim.quantities]


# fmt: off
QUANTITY_CASES = [
    # a lower bound: "more than" allows higher values only
    ("An air strike killed more than 80 people in the town.",
     "more than 80 people", 80, "people", "more than", 80, 120),
    # an approximation is a symmetric range around the value
    ("The strikes damaged about 20 percent of the aircraft.",
     "about 20 percent", 20, "percent", "about", 17, 23),
    # the percent sign is the same unit as the word
    ("Turnout rose to 20% in the city.", "20%", 20, "percent", "exact", 20, 20),
    # thousands separators
    ("The conflict has killed more than 320,000 people.",
     "more than 320,000 people", 320_000, "people", "more than", 320_000, 480_000),
    # a spelled number counts its noun (lemmatised)
    ("Ministers from five countries joined the talks.",
     "five countries", 5, "country", "exact", 5, 5),
    # a distance in miles, with "about"
    ("The house stood about 50 miles north of the city.",
     "about 50 miles", 50, "mile", "about", 42.5, 57.5),
    # an age is its own unit, never a distance
    ("A 50-year-old man was arrested on Sunday.",
     "50-year-old", 50, "year-old", "exact", 50, 50),
    # a unit glued to the number
    ("The climbers fell from the 2,000ft ridge.", "2,000ft", 2000, "ft", "exact", 2000, 2000),
    # "some" before a number is an approximation
    ("They were found some 700 metres below the summit.",
     "some 700 metres", 700, "m", "about", 595, 805),
    # plural number words give a range
    ("The navy fired dozens of cruise missiles at the base.",
     "dozens of cruise missiles", 24, "missile", "several", 24, 99),
    # "tens of thousands" multiplies the two ranges
    ("The region is home to tens of thousands of fighters.",
     "tens of thousands of fighters", 20_000, "fighter", "several", 20_000, 99_999),
    # a scale word multiplies the number
    ("Some 2 million people died in the war.",
     "Some 2 million people", 2_000_000, "people", "about", 1_700_000, 2_300_000),
    # a currency sign and a glued scale letter
    ("The firm paid $5m for the site.", "$5m", 5_000_000, "USD", "exact", 5e6, 5e6),
    # "up to" allows anything below the value
    ("Up to 12 people may have died.", "Up to 12 people", 12, "people", "up to", 0, 12),
    # "at least" is a lower bound
    ("The quake killed at least 10 people.",
     "at least 10 people", 10, "people", "at least", 10, 15),
    # a fraction becomes a share in percent
    ("Two-thirds of homes were damaged.", "Two-thirds", 200 / 3, "percent", "exact", 200 / 3,
     200 / 3),
    # an age in apposition to a name
    ("John Jenkin, 23, was arrested.", "23", 23, "year-old", "exact", 23, 23),
    # an age after "aged"
    ("The godfather has died in jail, aged 77.", "77", 77, "year-old", "exact", 77, 77),
    # a magnitude written as a compound
    ("The 6.1-magnitude quake struck the island.",
     "6.1-magnitude", 6.1, "magnitude", "exact", 6.1, 6.1),
]
# fmt: on
"""Sentence, quantity text, value, unit, qualifier, low, high."""


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "qualifier", "low", "high"), QUANTITY_CASES
)
def test_quantity_slots(
    extractor: Extractor,
    sentence: str,
    text: str,
    value: float,
    unit: str,
    qualifier: str,
    low: float,
    high: float,
) -> None:
    found = quantities_of(extractor, sentence)
    match = [q for q in found if q.text == text]
    assert match, f"{text!r} not among {[q.text for q in found]}"
    q = match[0]
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert sentence[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # a year inside a date is no quantity
        ("The war began in March 2011 and has not ended.", "2011"),
        # nor is a bare year after a preposition
        ("The peace deal was signed in 2005.", "2005"),
        # a clock time is no quantity
        ("Witnesses heard three explosions at 3 p.m. (1200 GMT).", "1200"),
        # an ordinal is no quantity
        ("It was the 15th-century palace of the dukes.", "15"),
        # a number inside a name is no quantity
        ("The G7 ministers met in Lucca.", "7"),
        # "one of" is a pronoun, not a count
        ("One of the ministers left early.", "One"),
    ],
)
def test_not_quantities(extractor: Extractor, sentence: str, absent: str) -> None:
    found = quantities_of(extractor, sentence)
    assert all(absent not in q.text for q in found), found


def test_age_and_distance_are_different_quantities(extractor: Extractor) -> None:
    age = quantities_of(extractor, "A 50-year-old man was found.")
    distance = quantities_of(extractor, "The body was found about 50 miles north of Millom.")
    assert [q.unit for q in age] == ["year-old"]
    assert [q.unit for q in distance] == ["mile"]


@pytest.mark.parametrize(
    ("quantity", "dimension", "low", "high"),
    [
        # feet convert to metres so "2,000ft" can meet "some 700 metres"
        (Quantity("2,000ft", 2000, "ft", "exact", 2000, 2000, 0, 7), "length", 609.6, 609.6),
        # kilometres convert too
        (Quantity("5 km", 5, "km", "exact", 5, 5, 0, 4), "length", 5000, 5000),
        # a counted noun is its own dimension
        (Quantity("80 people", 80, "people", "more than", 80, 120, 0, 9), "people", 80, 120),
    ],
)
def test_to_base(quantity: Quantity, dimension: str, low: float, high: float) -> None:
    assert to_base(quantity) == (dimension, pytest.approx(low), pytest.approx(high))
