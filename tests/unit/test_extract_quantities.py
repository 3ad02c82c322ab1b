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
    # a range with "between ... and"
    ("Between 50 and 60 people were hurt.",
     "Between 50 and 60 people", 50, "people", "between", 50, 60),
    # a range with a hyphen
    ("The 50-60 people fled.", "50-60 people", 50, "people", "between", 50, 60),
    # a range with "to"
    ("They found 20 to 30 bodies.", "20 to 30 bodies", 20, "body", "between", 20, 30),
    # a glued "m" before a counted noun is million, not metres
    ("Some 1.2m people were affected.", "Some 1.2m people", 1.2e6, "people", "about", 1.02e6,
     1.38e6),
    # ... and metres before anything else
    ("He ran the 100m sprint.", "100m", 100, "m", "exact", 100, 100),
    # "or more" makes a lower bound
    ("Turnout was 80 or more percent.", "80 or more percent", 80, "percent", "at least", 80, 120),
    # a range whose ends both carry the unit
    ("He said 40 percent to 70 percent of the buildings fell.",
     "40 percent to 70 percent", 40, "percent", "between", 40, 70),
    # a bare number after "magnitude of" is a magnitude
    ("The survey said it had a magnitude of 5.9.", "5.9", 5.9, "magnitude", "exact", 5.9, 5.9),
    # a bare number killed is a death toll
    ("The quake killed more than 31,000 in Bam.",
     "more than 31,000", 31_000, "dead", "more than", 31_000, 46_500),
    # a bare number injured is a count of the injured
    ("A quake hit Iran, killing 10 people and injuring 80.", "80", 80, "injured", "exact", 80, 80),
    # "a population of" counts people
    ("Qeshm has a population of 120,000.", "120,000", 120_000, "people", "exact", 120_000,
     120_000),
    # an age after "aged"
    ("The godfather has died in jail, aged 77.", "77", 77, "year-old", "exact", 77, 77),
    # ... and after a person named by a common noun
    ("The victim, 34, was pronounced dead.", "34", 34, "year-old", "exact", 34, 34),
    # a hyphenated number word is one number, not "Twenty-" and "eight people"
    ("Twenty-eight people were believed to be at the camp.",
     "Twenty-eight people", 28, "people", "exact", 28, 28),
    # ... also in lower case, after a qualifier
    ("At least sixty-one people were wounded.",
     "At least sixty-one people", 61, "people", "at least", 61, 91.5),
    # a magnitude written as a compound
    ("The 6.1-magnitude quake struck the island.",
     "6.1-magnitude", 6.1, "magnitude", "exact", 6.1, 6.1),
    # a range of sums, each with its currency sign
    ("Analysts put it at $10 billion-$15 billion.",
     "$10 billion-$15 billion", 10e9, "USD", "between", 10e9, 15e9),
    # a decimal comma
    ("Wyeth said 1,2 million women take it.",
     "1,2 million women", 1.2e6, "woman", "exact", 1.2e6, 1.2e6),
    # a part of a counted whole counts the same things ...
    ("Police said 12 of the 20 victims were children.",
     "12 of the 20 victims", 12, "victim", "exact", 12, 12),
    # ... and the whole is read as well, with or without "the"
    ("Police said 12 of the 20 victims were children.",
     "20 victims", 20, "victim", "exact", 20, 20),
    ("Seven of nine Democratic candidates spoke.",
     "nine Democratic candidates", 9, "candidate", "exact", 9, 9),
    ("Transfers from 4 of the company's 40 accounts totaled $3 billion.",
     "40 accounts", 40, "account", "exact", 40, 40),
    # money "of the" something is a part of it, not the whole sum
    ("AMD said $281 million of the purchase price will be in cash.",
     "$281 million of the purchase price", 281e6, "USD (part)", "exact", 281e6, 281e6),
    # but a count "of its" villages is the count of villages
    ("The quake damaged seven of its villages.",
     "seven of its villages", 7, "village", "exact", 7, 7),
    # a score or a tally: each side is a figure of its own
    ("The Colts won 23-17.", "23-17", 23, "score", "exact", 23, 23),
    # a speed the tokenizer cut into "km", "/", "h", at the end of a sentence
    ("Gusts reached 190 km/h.", "190 km/h", 190, "km/h", "exact", 190, 190),
    # a speed written out: "miles per hour" is a speed, not a distance of 96 miles
    ("It packed sustained winds of 96 miles per hour.",
     "96 miles per hour", 96, "mph", "exact", 96, 96),
    ("The wind blew at 80 kilometres an hour.",
     "80 kilometres an hour", 80, "km/h", "exact", 80, 80),
    ("Winds reached 65 knots.", "65 knots", 65, "knot", "exact", 65, 65),
    # "no more than" is an upper bound, "no less than" a lower one
    ("There were no more than five fires.", "no more than five fires", 5, "fire", "up to", 0, 5),
    ("No less than 40 people died.", "No less than 40 people", 40, "people", "at least", 40, 60),
    # the subject of the next verb is no part of a sum of money
    ("It came in below the $26.70 billion analysts anticipated.",
     "$26.70 billion", 26.7e9, "USD", "exact", 26.7e9, 26.7e9),
    # ... nor a noun that only qualifies the next one
    ("They ran a $40 million mortgage fraud ring.",
     "$40 million", 4e7, "USD", "exact", 4e7, 4e7),
    # a count of dozens, and "a" before a scale word
    ("Two dozen people were killed.", "Two dozen people", 24, "people", "exact", 24, 24),
    ("More than a thousand people fled.",
     "More than a thousand people", 1000, "people", "more than", 1000, 1500),
    # a scale glued to its figure, as British and agency copy writes sums
    ("The minister took bribes worth $1.5bn.", "$1.5bn", 1.5e9, "USD", "exact", 1.5e9, 1.5e9),
    ("It will cost 5bn euros.", "5bn euros", 5e9, "EUR", "exact", 5e9, 5e9),
    # ... also at the end of a sentence, where "m." read as an abbreviation
    ("Profits rose to £2.3m.", "£2.3m", 2.3e6, "GBP", "exact", 2.3e6, 2.3e6),
    # a scale after a hyphen, as an adjective writes it
    ("Xerox paid a $10-million penalty.", "$10-million penalty", 1e7, "USD", "exact", 1e7, 1e7),
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
        # a year before a noun, after an article, is a year: "a 2005 peace deal"
        ("South Sudan split off under a 2005 peace deal.", "2005"),
        # a season is no score
        ("The 2016-17 season ended.", "2016-17"),
        # a number that names a thing counts nothing
        ("Flight 370 vanished with 239 people on board.", "370"),
        ("Houses collapsed at Ward number 3 of Purbichauki rural municipality.", "3"),
        ("The blast hit Gate No. 5 of the stadium.", "5"),
        # a number after a maker's name names a model
        ("The Fokker 100 aircraft had 93 passengers on board.", "100"),
        ("Bek Air grounded its Fokker 100 aircraft.", "100"),
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


def test_a_score_is_read_as_two_figures(extractor: Extractor) -> None:
    found = quantities_of(extractor, "The bill passed 218-214.")
    assert [(q.unit, q.value) for q in found] == [("score", 218), ("score against", 214)]
    # a vote's tally counts votes, as "106 votes ... and six against" does
    found = quantities_of(extractor, "Lawmakers voted 101-6 to oust Castillo.")
    assert [(q.unit, q.value) for q in found] == [("vote", 101), ("vote against", 6)]
    # a rising pair is a range, not a score
    (rise,) = quantities_of(extractor, "It rose 50-60 percent.")
    assert (rise.qualifier, rise.low, rise.high) == ("between", 50, 60)


@pytest.mark.parametrize(
    "text",
    [
        "Flight 370 vanished over the sea.",
        "Houses collapsed at Ward number 3 of Purbichauki rural municipality.",
        "The blast hit Gate No. 5 of the stadium.",
    ],
)
def test_a_number_that_names_is_no_figure_of_a_claim(extractor: Extractor, text: str) -> None:
    from claimdiff.slots import amounts

    (claim,) = extractor.extract(Document(0, "t", "s", text, "x"))
    assert amounts(claim) == []  # neither a slot nor a figure read from the text


def test_homes_and_houses_are_one_unit(extractor: Extractor) -> None:
    # "about 12,000 homes collapsed" and "more than 22,550 houses collapsed" count one thing
    homes = quantities_of(extractor, "About 12,000 homes collapsed in Ludian.")
    houses = quantities_of(extractor, "More than 22,550 houses collapsed.")
    assert [q.unit for q in homes] == [q.unit for q in houses] == ["house"]


@pytest.mark.parametrize(
    ("first", "second", "unit"),
    [
        # attackers under any name: "five terrorists" / "all four gunmen"
        ("The attack was carried out by five terrorists.", "Police held four gunmen.", "attacker"),
        # soldiers: "12 service members" / "15 other troops"
        ("Another 12 service members were wounded.", "Officials said 15 troops died.", "soldier"),
        # a crew counted with or without "members"
        ("The plane had five crew members on board.", "It carried six crew.", "crew"),
    ],
)
def test_counted_synonyms_count_one_thing(
    extractor: Extractor, first: str, second: str, unit: str
) -> None:
    units = [{q.unit for q in quantities_of(extractor, text)} for text in (first, second)]
    assert unit in units[0] and unit in units[1], units
