"""Counts of people compared by what the people underwent, counts of "others", words after a
bare figure that are no unit, one qualifier table for both figure readers, dates of other
actions in one claim, and a weekday beside a date it does not fall on.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import pytest

from claimdiff.align import Candidate
from claimdiff.compare import classify
from claimdiff.events import event_classes, only_a_person_shared
from claimdiff.extract import Extractor
from claimdiff.model import Document, Label
from claimdiff.slots import Amount, _fate, amounts, amounts_from_text
from tests.unit.helpers import claim, label_of
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2009, 8, 11))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


def test_others_counted_beside_people_are_people(extractor: Extractor) -> None:
    claim = extracted(
        extractor, "The disease killed 58 people and sickened 1,293 others over three days."
    )
    counts = [(x.text, x.unit) for x in amounts(claim) if x.unit == "people"]
    assert counts == [("58 people", "people"), ("1,293 others", "people")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("cases climbed to 1,351 over three days", ""),
        ("the 500 could lose their jobs", ""),
        ("1,351 patients", "patient"),
    ],
)
def test_a_word_after_a_bare_figure_that_is_no_unit(text: str, unit: str) -> None:
    first = amounts_from_text(text)[0]
    assert first.unit == unit


@pytest.mark.parametrize(
    ("x", "y", "label", "reason"),
    [
        # counts of two fates are two quantities, each a detail of its side
        (
            "About 30 people were rescued after flames engulfed the building.",
            "Four people were critically injured in the fire at the building.",
            Label.PARTIAL,
            "Only the first source gives about 30 people.",
        ),
        (
            "The strike also injured at least 87 people, many of them seriously.",
            "The death toll stood at 43 with 61 others wounded in the strike.",
            Label.CONFLICT,
            "The first source says at least 87 people; the second source says 61 others.",
        ),
        # one fate: compared as before
        (
            "A bus crash killed at least 29 people, injuring scores more.",
            "The bus crash killed at least 31 people, injuring 72.",
            Label.CONFLICT,
            "The first source says at least 29 people; the second source says at least 31 people.",
        ),
    ],
)
def test_counts_of_people_compared_by_what_they_underwent(
    extractor: Extractor, x: str, y: str, label: Label, reason: str
) -> None:
    a, b = extracted(extractor, x), extracted(extractor, y, 1)
    found, reasons = label_of(a, b)
    assert found is label
    assert not reason or reason in reasons


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("killing at least 31 people", "dead"),
        ("killing at least 31 people, injuring 72", "dead"),
        ("24 others were critically injured", "hurt"),
        ("30 people were rescued", "rescued"),
        ("the death toll stood at 43", "dead"),
        ("1,293 people who were infected", "sick"),
        ("31 people attended the meeting", ""),
    ],
)
def test_what_a_count_of_people_underwent(text: str, fate: str) -> None:
    first = next(x for x in amounts_from_text(text) if x.value >= 20)
    assert _fate_of(first, text) == fate


def test_a_count_with_no_fate_of_its_own_meets_any(extractor: Extractor) -> None:
    a = extracted(extractor, "Three others remain missing after the storm hit Albay province.")
    b = extracted(extractor, "Three people were missing after the storm hit Albay province.", 1)
    label, reasons = label_of(a, b)
    assert label is not Label.CONFLICT
    assert not [r for r in reasons if "three" in r.lower()]


def _fate_of(amount: Amount, text: str) -> str:
    at = text.find(amount.text)
    return _fate(text[:at], text[at + len(amount.text) :])


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The firm has just under 80,000 employees.", 76_000.0, 80_000.0),
        ("The firm has just over 2,000 employees.", 2_000.0, 2_100.0),
    ],
)
def test_the_extractor_stores_just_under_and_over_as_close_ranges(
    extractor: Extractor, text: str, low: float, high: float
) -> None:
    (quantity,) = extracted(extractor, text).quantities
    assert (quantity.low, quantity.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # the text reader reads a qualifier as the extractor does
        ("more than 80 people", 80.0, 120.0),
        ("up to 50 people", 0.0, 50.0),
        ("in excess of 40 people", 40.0, 60.0),
    ],
)
def test_the_text_reader_ranges_are_the_extractor_s(text: str, low: float, high: float) -> None:
    (found,) = amounts_from_text(text)
    assert (found.low, found.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("x", "y", "label"),
    [
        # the dead counted as deaths or bodies are no count of the hurt
        (
            "There are now eight deaths in the outbreak.",
            "All 57 people have been hospitalized.",
            None,
        ),
        ("Fifteen bodies were pulled from the carriages.", "Twenty-five people are injured.", None),
        # one fate on both sides: compared
        (
            "There are now eight deaths in the outbreak.",
            "Nine people have died in the outbreak.",
            Label.CONFLICT,
        ),
    ],
)
def test_what_a_count_names_tells_its_fate(
    extractor: Extractor, x: str, y: str, label: Label | None
) -> None:
    a, b = extracted(extractor, x), extracted(extractor, y, 1)
    found, reasons = label_of(a, b)
    numbers = [r for r in reasons if " says " in r and "both can be right" not in r]
    if label is None:
        assert not numbers
    else:
        assert found is label
        assert numbers


def test_illnesses_and_infections_are_cases(extractor: Extractor) -> None:
    claim = extracted(extractor, "There were 14 more illnesses and 20 new infections.")
    assert [x.unit for x in amounts(claim)] == ["case", "case"]


def test_a_date_of_another_verb_in_the_claim_dates_another_action(extractor: Extractor) -> None:
    a = extracted(
        extractor, "Kane joined Tottenham's academy aged 11 before making his senior debut in 2011."
    )
    b = extracted(extractor, "Kane joined the Tottenham Hotspur academy in 2004.", 1)
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert (
        "The first source dates it 2011; the second source 2004: of different actions." in reasons
    )


def test_a_date_of_the_predicate_still_conflicts(extractor: Extractor) -> None:
    a = extracted(extractor, "Kane joined the Tottenham academy in 2005.")
    b = extracted(extractor, "Kane joined the Tottenham Hotspur academy in 2004.", 1)
    assert label_of(a, b)[0] is Label.CONFLICT


def test_a_weekday_beside_a_date_it_does_not_fall_on_is_shown(extractor: Extractor) -> None:
    document = Document(
        1,
        "t",
        "s",
        "Cisco said Tuesday (July 18) it would cut about 6,500 jobs.",
        "x",
        published=dt.date(2011, 7, 21),
    )
    b = extractor.extract(document)[0]
    first = Document(0, "t", "s", "Cisco will cut about 6,500 jobs, the company said.", "x")
    a = extractor.extract(replace(first, published=dt.date(2011, 7, 18)))[0]
    link = classify(Candidate(a.id, b.id, 0.9), a, b, documents=[first, document])
    label, reasons = link.label, [r.text for r in link.reasons]
    flag = "The second source writes Tuesday (July 18), but July 18, 2011 was a Monday."
    assert flag in reasons
    assert label is not Label.CONFLICT


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # December 23, 2019 was a Monday
        ("The bus plunged into a ravine on Monday (Dec 23), police said.", dt.date(2019, 12, 24)),
        # far from the report's date, a date without its year may have been given another
        ("The bus plunged into a ravine on Monday (Dec 23), police said.", dt.date(2009, 8, 11)),
    ],
)
def test_a_weekday_beside_its_date_is_not_flagged(
    extractor: Extractor, text: str, published: dt.date
) -> None:
    a = extractor.extract(Document(0, "t", "s", text, "x", published=published))[0]
    b = extracted(extractor, "The bus plunged into a ravine on Monday evening.", 1)
    assert not [r for r in label_of(a, b)[1] if " was a " in r]


def test_one_person_measured_alike_is_no_stranger() -> None:
    # "percent" / "per cent": no content word in common but the person, one measure
    odinga = (("Odinga", "Raila Odinga", "PERSON"),)
    a = claim("Odinga received 48.85 percent of the vote.", names=odinga, predicate="receive")
    b = claim(
        "About 6.94 million (48.5 per cent) polled for Odinga.",
        doc=1,
        names=odinga,
        predicate="poll",
    )
    assert not only_a_person_shared(a, b)
    # a figure on one side only is no measure both give
    c = claim("Odinga scored 280 goals for Tottenham.", names=odinga, predicate="score")
    d = claim("Odinga was born in Walthamstow.", doc=1, names=odinga, predicate="bear")
    assert only_a_person_shared(c, d)


@pytest.mark.parametrize(
    "text",
    [
        "Chokri Belaid was assassinated on Wednesday morning.",
        "Gunmen massacred the villagers.",
        "The hostage was beheaded.",
    ],
)
def test_killing_in_other_words_is_killing(extractor: Extractor, text: str) -> None:
    assert "kill" in event_classes(extracted(extractor, text))


def test_one_person_killed_in_two_words_is_one_event(extractor: Extractor) -> None:
    a = extracted(extractor, "The leftist politician Chokri Belaid was assassinated on Wednesday.")
    b = extracted(extractor, "Opposition leader Chokri Belaid was shot dead on Wednesday.", 1)
    assert not only_a_person_shared(a, b)
