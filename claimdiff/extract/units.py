"""Number words, qualifiers and units: the tables quantities are read with."""

from __future__ import annotations

import re

from claimdiff.model import Quantity

CARDINAL_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
"""Number words from zero to twenty; a word's index is its value."""

SMALL_NUMBERS = {word: value for value, word in enumerate(CARDINAL_WORDS)} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
SCALES = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
VAGUE = {
    "tens": (20.0, 99.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
"""Plural number words: "dozens of missiles" means somewhere in this range."""

SCALE_WORDS = frozenset(word for word in SCALES if len(word) > 2)
"""Scales written as words: "dozen", "hundred", "thousand", "million", "billion", "trillion"."""

NUMBER_WORDS = frozenset(CARDINAL_WORDS) | frozenset(SCALES) | frozenset(VAGUE)
"""Words that state a figure: "two", "dozen", "bn", "thousands"."""

JUST_SHARE = 0.05
"""How far "just over" or "just under" a figure strays from it at most, as a share of it."""

QUALIFIERS: tuple[tuple[tuple[str, ...], str, float, float], ...] = (
    (("more", "than"), "more than", 1.0, 1.5),
    (("just", "over"), "more than", 1.0, 1.0 + JUST_SHARE),
    (("over",), "more than", 1.0, 1.5),
    (("above",), "more than", 1.0, 1.5),
    (("upwards", "of"), "more than", 1.0, 1.5),
    (("in", "excess", "of"), "more than", 1.0, 1.5),
    (("at", "least"), "at least", 1.0, 1.5),
    (("no", "fewer", "than"), "at least", 1.0, 1.5),
    (("no", "less", "than"), "at least", 1.0, 1.5),
    (("nearly",), "nearly", 0.85, 1.0),
    (("almost",), "nearly", 0.85, 1.0),
    (("close", "to"), "nearly", 0.85, 1.0),
    (("just", "under"), "nearly", 1.0 - JUST_SHARE, 1.0),
    (("about",), "about", 0.85, 1.15),
    (("around",), "about", 0.85, 1.15),
    (("some",), "about", 0.85, 1.15),
    (("approximately",), "about", 0.85, 1.15),
    (("roughly",), "about", 0.85, 1.15),
    (("an", "estimated"), "about", 0.85, 1.15),
    (("estimated",), "about", 0.85, 1.15),
    (("approx",), "about", 0.85, 1.15),
    (("up", "to"), "up to", 0.0, 1.0),
    (("as", "many", "as"), "up to", 0.0, 1.0),
    (("as", "much", "as"), "up to", 0.0, 1.0),
    (("at", "most"), "up to", 0.0, 1.0),
    (("no", "more", "than"), "up to", 0.0, 1.0),
    (("less", "than"), "less than", 0.0, 1.0),
    (("fewer", "than"), "less than", 0.0, 1.0),
    (("between",), "between", 1.0, 1.0),
    (("under",), "less than", 0.0, 1.0),
)
"""Qualifier phrases before a number: canonical name and the factors giving low and high."""

BOUND_DIRECTIONS = {
    "more than": "lower",
    "at least": "lower",
    "nearly": "upper",
    "up to": "upper",
    "less than": "upper",
}
"""Qualifiers (by canonical name) that bound a figure, and which bound: "more than 80" is a
lower bound, "nearly 80" an upper one."""

VOTES, VOTES_AGAINST = "vote", "vote against"
"""The two figures of a vote's tally ("Lawmakers voted 101-6"): "106 votes" is the first."""

PER = frozenset({"/", "per", "an", "a"})
"""Words that divide one unit by the next: "km/h", "miles per hour", "80 km an hour"."""
HOURS = frozenset({"h", "hr", "hour"})
"""An hour, as a unit divides by it."""

UNITS: dict[str, tuple[str, str, float]] = {
    **dict.fromkeys(
        ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
        ("km", "length", 1000.0),
    ),
    **dict.fromkeys(["m", "metre", "metres", "meter", "meters"], ("m", "length", 1.0)),
    **dict.fromkeys(
        ["cm", "centimetre", "centimetres", "centimeter", "centimeters"], ("cm", "length", 0.01)
    ),
    **dict.fromkeys(["mm", "millimetre", "millimetres"], ("mm", "length", 0.001)),
    **dict.fromkeys(["ft", "foot", "feet"], ("ft", "length", 0.3048)),
    **dict.fromkeys(["mile", "miles", "mi"], ("mile", "length", 1609.344)),
    **dict.fromkeys(["yard", "yards", "yd"], ("yard", "length", 0.9144)),
    **dict.fromkeys(["kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"], ("kg", "mass", 1.0)),
    **dict.fromkeys(["tonne", "tonnes", "ton", "tons"], ("tonne", "mass", 1000.0)),
    **dict.fromkeys(["lb", "lbs"], ("lb", "mass", 0.4536)),
    **dict.fromkeys(["mph"], ("mph", "speed", 0.44704)),
    **dict.fromkeys(["knot", "knots"], ("knot", "speed", 0.514444)),
    **dict.fromkeys(["kph", "km/h", "kmh"], ("km/h", "speed", 1 / 3.6)),
    **dict.fromkeys(["%", "percent", "pct", "per"], ("percent", "share", 1.0)),
    **dict.fromkeys(["year", "years", "yr", "yrs"], ("year", "time", 365.25)),
    **dict.fromkeys(["month", "months"], ("month", "time", 30.44)),
    **dict.fromkeys(["week", "weeks"], ("week", "time", 7.0)),
    **dict.fromkeys(["day", "days"], ("day", "time", 1.0)),
    **dict.fromkeys(["hour", "hours", "hr", "hrs"], ("hour", "time", 1 / 24)),
    **dict.fromkeys(["minute", "minutes", "min", "mins"], ("minute", "time", 1 / 1440)),
    **dict.fromkeys(["people", "persons", "person"], ("people", "", 1.0)),
    **dict.fromkeys(["dead", "killed", "deaths"], ("dead", "", 1.0)),
    **dict.fromkeys(["injured", "wounded", "injuries"], ("injured", "", 1.0)),
    **dict.fromkeys(["magnitude", "strength"], ("magnitude", "", 1.0)),
    **dict.fromkeys(["dollar", "dollars", "usd"], ("USD", "money", 1.0)),
    **dict.fromkeys(["euro", "euros", "eur"], ("EUR", "money", 1.0)),
}
"""Unit words: normalised unit, dimension and factor to the dimension's base unit."""

IMPLIED_BY_NOUN = {"magnitude": "magnitude", "population": "people", "toll": "dead"}
"""A bare number after these nouns counts them: "a magnitude of 5.9", "a population of 120,000"."""
IMPLIED_BY_VERB = {
    "kill": "dead",
    "injure": "injured",
    "wound": "injured",
    "hurt": "injured",
    "die": "dead",
}
"""A bare number that is the object of these verbs counts casualties: "killing 80"."""
TIME_OF_DAY = frozenset({"gmt", "utc", "am", "pm", "a.m.", "p.m.", "hrs", "bst", "est", "local"})
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
RACE_TIME = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)")
"""A time run or taken, to the second: "2:18:10" (hours, minutes, seconds)."""


def to_base(quantity: Quantity) -> tuple[str, float, float]:
    """Dimension and range in the dimension's base unit ("2,000ft" -> length, 609.6 m).

    Units without a known dimension are their own dimension, so only like compares with like.
    """
    entry = next((e for e in UNITS.values() if e[0] == quantity.unit), None)
    if entry is None or not entry[1]:
        return quantity.unit, quantity.low, quantity.high
    return entry[1], quantity.low * entry[2], quantity.high * entry[2]


PARTITIVE = ("its", "the", "their", "his", "her", "these", "those")
"""Words after "of" that make a number count a part: "seven of its villages"."""

PART = " (part)"
"""Unit suffix of a sum that is part of another ("$281 million of the purchase price")."""

_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def plain_number(raw: str) -> str:
    """Digits as Python reads them: "1,200" is 1200, "1,2" (a decimal comma) is 1.2.

    A thousands separator is always followed by three digits.
    """
    if _DECIMAL_COMMA.fullmatch(raw):
        return raw.replace(",", ".")
    return raw.replace(",", "")


NAMING_WORDS = frozenset(
    {"number", "no", "nos", "flight", "ward", "gate", "route", "highway", "interstate"}
    | {"exit", "room", "platform", "terminal", "pier", "berth", "track", "bus", "train"}
    | {"chapter", "article", "section", "clause", "resolution", "channel", "apartment"}
)
"""Words after which a number names a thing ("Flight 370", "Ward number 3", "Gate No. 5",
"Article 5") and counts nothing."""
