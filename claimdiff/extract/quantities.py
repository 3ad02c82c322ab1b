"""Numbers with their unit, qualifier and the range the qualifier allows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff.extract.dates import is_duration
from claimdiff.extract.entities import span_ents
from claimdiff.model import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$|^\.\d+$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        [
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
        ]
    )
} | {
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

QUALIFIERS: tuple[tuple[tuple[str, ...], str, float, float], ...] = (
    (("more", "than"), "more than", 1.0, 1.5),
    (("just", "over"), "more than", 1.0, 1.2),
    (("over",), "more than", 1.0, 1.5),
    (("above",), "more than", 1.0, 1.5),
    (("upwards", "of"), "more than", 1.0, 1.5),
    (("in", "excess", "of"), "more than", 1.0, 1.5),
    (("at", "least"), "at least", 1.0, 1.5),
    (("no", "fewer", "than"), "at least", 1.0, 1.5),
    (("nearly",), "nearly", 0.85, 1.0),
    (("almost",), "nearly", 0.85, 1.0),
    (("close", "to"), "nearly", 0.85, 1.0),
    (("just", "under"), "nearly", 0.85, 1.0),
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
    (("under",), "less than", 0.0, 1.0),
)
"""Qualifier phrases before a number: canonical name and the factors giving low and high."""

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
    **dict.fromkeys(["kph", "km/h"], ("km/h", "speed", 0.27778)),
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
    **dict.fromkeys(["magnitude"], ("magnitude", "", 1.0)),
    **dict.fromkeys(["dollar", "dollars", "usd"], ("USD", "money", 1.0)),
    **dict.fromkeys(["euro", "euros", "eur"], ("EUR", "money", 1.0)),
}
"""Unit words: normalised unit, dimension and factor to the dimension's base unit."""

TIME_OF_DAY = frozenset({"gmt", "utc", "am", "pm", "a.m.", "p.m.", "hrs", "bst", "est", "local"})
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_EXCLUDED_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "ORDINAL",
        "ORG",
        "PRODUCT",
        "FAC",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PERSON",
        "GPE",
        "LOC",
    }
)


def to_base(quantity: Quantity) -> tuple[str, float, float]:
    """Dimension and range in the dimension's base unit ("2,000ft" -> length, 609.6 m).

    Units without a known dimension are their own dimension, so only like compares with like.
    """
    entry = next((e for e in UNITS.values() if e[0] == quantity.unit), None)
    if entry is None or not entry[1]:
        return quantity.unit, quantity.low, quantity.high
    return entry[1], quantity.low * entry[2], quantity.high * entry[2]


def quantities(span: Span, offset: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in a span; offsets are shifted by ``offset``."""
    doc = span.doc
    skip = _excluded_tokens(span)
    found: list[Quantity] = []
    i = span.start
    while i < span.end:
        if i in skip or not _is_number(doc[i]):
            i += 1
            continue
        quantity, i = _read_quantity(doc, i, span.end, offset)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _excluded_tokens(span: Span) -> set[int]:
    """Tokens inside dates, times, ordinals and names ("G7", "Boeing 737")."""
    skip: set[int] = set()
    for ent in span_ents(span):
        if ent.label_ in ("DATE", "TIME") and (is_duration(ent.text) or _age(ent)):
            continue
        if ent.label_ in _EXCLUDED_LABELS:
            skip.update(range(ent.start, ent.end))
    return skip


def _age(ent: Span) -> bool:
    """ "John Jenkin, 23," - spaCy tags an age as a date."""
    return len(ent) == 1 and ent.text.isdigit() and _age_position(ent.doc, ent.start)


def _age_position(doc: Doc, i: int) -> bool:
    """ "Alice McMeekin, 58," or "has died, aged 77": a bare number that is an age."""
    if i >= 1 and doc[i - 1].lower_ in ("aged", "age"):
        return True
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].ent_type_ != "PERSON":
        return False
    return i + 1 >= len(doc) or doc[i + 1].is_punct


def _is_number(token: Token) -> bool:
    text = token.lower_
    if _DIGITS.match(text):
        return not _looks_like_year(token)
    if text in VAGUE:
        return True
    if _word_value(text) is None or text == "zero":
        return False
    if text != "one":
        return True
    # "one" is often a pronoun ("one of the ..."); then it counts nothing.
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.dep_ == "nummod" or (after is not None and after.lower_ in UNITS)


def _word_value(text: str) -> float | None:
    """Value of a spelled number: "five", "twenty-five"."""
    if text in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[text])
    tens, _, units = text.partition("-")
    if tens in SMALL_NUMBERS and units in SMALL_NUMBERS and SMALL_NUMBERS[units] < 10:
        return float(SMALL_NUMBERS[tens] + SMALL_NUMBERS[units])
    return None


def _looks_like_year(token: Token) -> bool:
    text = token.text
    if len(text) != 4 or not text.isdigit() or not 1800 <= int(text) <= 2100:
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is None or (after.lower_ not in UNITS and after.pos_ not in ("NOUN", "ADJ"))


def _read_value(doc: Doc, i: int, end: int) -> tuple[float, float, float, int]:
    """Parse the number starting at token ``i``: value, low, high and the index after it."""
    word = doc[i].lower_
    if word in VAGUE:
        low, high = VAGUE[word]
        j = i + 1
        if j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in VAGUE:
            # "tens of thousands", "hundreds of thousands"
            base = VAGUE[doc[j + 1].lower_][0] / 2
            return low * base, low * base, (high + 1) * base - 1, j + 2
        return low, low, high, j
    spelled = _word_value(word)
    value = spelled if spelled is not None else float(word.replace(",", ""))
    money = i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS
    j = i + 1
    while j < end:
        nxt = doc[j].lower_
        glued = doc[j - 1].whitespace_ == ""
        if nxt in SCALES and (len(nxt) > 2 or nxt in ("bn", "tn", "mn") or (money and glued)):
            # "5m" is five million after a currency sign, five metres otherwise.
            value *= SCALES[nxt]
        elif nxt in SMALL_NUMBERS and SMALL_NUMBERS[nxt] < 10 and doc[j - 1].lower_ in _TENS:
            value += SMALL_NUMBERS[nxt]
        elif nxt == "-" and j + 1 < end and doc[j + 1].lower_ in SMALL_NUMBERS:
            j += 1
            continue
        else:
            break
        j += 1
    return value, value, value, j


def _read_quantity(doc: Doc, i: int, end: int, offset: int) -> tuple[Quantity | None, int]:
    value, low, high, j = _read_value(doc, i, end)
    vague = low != high
    qualifier, lo_f, hi_f, q_start = _qualifier(doc, i)
    begin = q_start
    unit = ""
    if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS:
        unit = CURRENCY_SIGNS[doc[i - 1].lower_]
        begin = min(begin, i - 1)
    found, unit_end = _unit(doc, i, j, end)
    unit = unit or found
    if unit in TIME_OF_DAY:
        return None, unit_end  # "1200 GMT", "3 pm": a clock time
    if unit in FRACTIONS:
        # "two-thirds" of the homes is a share: 66.7 percent.
        value, low, high, unit = (value / FRACTIONS[unit] * 100,) * 3 + ("percent",)
    if not unit and not vague and j == i + 1 and _age_position(doc, i) and value < 130:
        unit = "year-old"
    if vague:
        qualifier = qualifier if qualifier != "exact" else "several"
    else:
        low, high = value * lo_f, value * hi_f
    if (
        qualifier == "exact"
        and j + 1 < end
        and doc[j].lower_ in ("or", "and")
        and doc[j + 1].lower_ in ("more", "over")
    ):
        qualifier, high = "at least", value * 1.5
    last = max(unit_end, j) - 1
    start_char = doc[begin].idx
    end_char = doc[last].idx + len(doc[last].text)
    text = doc[begin : last + 1].text
    return (
        Quantity(text, value, unit, qualifier, low, high, start_char + offset, end_char + offset),
        max(unit_end, j),
    )


def _qualifier(doc: Doc, i: int) -> tuple[str, float, float, int]:
    """The qualifier phrase right before token ``i`` (skipping a currency sign)."""
    at = i - 1 if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS else i
    for phrase, name, lo_f, hi_f in QUALIFIERS:
        start = at - len(phrase)
        if start >= 0 and tuple(t.lower_ for t in doc[start:at]) == phrase:
            return name, lo_f, hi_f, start
    return "exact", 1.0, 1.0, i


def _unit(doc: Doc, i: int, j: int, end: int) -> tuple[str, int]:
    """Normalised unit of the number spanning tokens i..j, and the index after it."""
    if j >= end:
        return "", j
    nxt = doc[j]
    if nxt.text == "-" and j + 1 < end and doc[j + 1].is_alpha:
        return _compound_unit(doc, j, end)
    if nxt.lower_ == "per" and j + 1 < end and doc[j + 1].lower_ == "cent":
        return "percent", j + 2
    if nxt.lower_ in UNITS:
        return UNITS[nxt.lower_][0], j + 1
    if nxt.lower_ == "of" and j + 1 < end:
        noun = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.i < end:
            return _noun_unit(noun), noun.i + 1
    head = doc[i].head
    if doc[i].dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and j <= head.i < min(end, j + 4):
        return _noun_unit(head), head.i + 1
    if nxt.pos_ == "NOUN":
        return _noun_unit(nxt), j + 1
    return "", j


def _compound_unit(doc: Doc, j: int, end: int) -> tuple[str, int]:
    """ "50-year-old" -> "year-old"; "six-year-long" -> "year"; "6.1-magnitude" -> "magnitude"."""
    words: list[str] = []
    k = j
    while k + 1 < end and doc[k].text == "-" and doc[k + 1].is_alpha:
        words.append(doc[k + 1].lower_)
        k += 2
    if words[-1] == "old" and len(words) > 1:
        return f"{UNITS.get(words[0], (words[0],))[0]}-old", k
    if words[-1] == "long" and len(words) > 1:
        words = words[:-1]
    first = words[0]
    return (UNITS[first][0] if first in UNITS else doc[j + 1].lemma_.lower() or first), k


def _noun_unit(noun: Token) -> str:
    word = noun.lower_
    if word in UNITS:
        return UNITS[word][0]
    return (noun.lemma_ or word).lower()
