"""Figures, events and words read closer: approximations by their digits, a hurt count met
by a count of people, counts that look like years, acronyms a report defines.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from claimdiff.events import event_classes, only_a_person_shared
from claimdiff.evidence import dated_apart, event_evidence
from claimdiff.extract import Extractor
from claimdiff.figures import same_toll
from claimdiff.model import Document, Label
from claimdiff.slots import amounts, amounts_from_text, consistent
from tests.unit.helpers import extracted as extracted_on
from tests.unit.helpers import label_of

extracted = partial(extracted_on, published=dt.date(2019, 12, 24))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


def figure(text: str):  # type: ignore[no-untyped-def]
    (found,) = amounts_from_text(text)
    return found


@pytest.mark.parametrize(
    ("x", "y", "holds"),
    [
        # a figure given to its hundreds is close; "just under" is just under
        ("about 73,500 people", "just under 80,000 people", False),
        ("about 73,500 people", "74,000 people", True),
        ("about 73,500 people", "73,000 people", True),
        # a round figure is as loose as its qualifier allows
        ("about 8,000 jobs", "7,350 jobs", True),
        ("around 50 people", "44 people", True),
        ("around 50 people", "38 people", False),
        ("just under 80,000 people", "75,000 people", False),
        ("just over 2,000 people", "2,150 people", False),
        ("just over 2,000 people", "2,050 people", True),
        # a range is its own reach, whatever its kind
        ("between 50 and 60 people", "59 people", True),
    ],
)
def test_an_approximate_figure_reaches_as_far_as_its_digits(x: str, y: str, holds: bool) -> None:
    assert consistent(figure(x), figure(y)) is holds


def test_a_range_the_extractor_reads_keeps_its_reach(extractor: Extractor) -> None:
    # MRPC train: read as one range from 0.41 to 70.74 cents, it is not narrowed about 0.41
    b = extracted(extractor, "October heating oil ended down 0.41 cent to 70.74 cents a gallon.")
    (read,) = amounts(b)
    assert (read.low, read.high) == (0.41, 70.74)
    assert consistent(read, figure("69.89 cents"))


def test_a_count_of_people_treated_for_injuries_meets_a_count_of_the_hurt(
    extractor: Extractor,
) -> None:
    a = extracted(extractor, "The health secretary said 72 people were being treated for injuries.")
    b = extracted(
        extractor,
        "A massive explosion gutted the market, killing at least 31 people and injuring 72.",
        1,
    )
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert "Only the second source gives at least 31 people." in reasons
    assert not any("72" in r for r in reasons)  # the 72 are met on both sides
    assert same_toll(a, b) == ("72 people", "72")


def test_a_count_of_the_hurt_meets_only_the_very_count(extractor: Extractor) -> None:
    # "dozens wounded" is no count of the 60 dead
    a = extracted(extractor, "At least 22 people were killed and dozens wounded.")
    b = extracted(extractor, "At least 60 people were killed in the twin attacks.", 1)
    assert label_of(a, b)[0] is Label.CONFLICT


def test_a_word_between_a_figure_and_its_unit_does_not_count(extractor: Extractor) -> None:
    a = extracted(extractor, "The family has ruled Gabon for over 55 years, the coup leaders said.")
    b = extracted(extractor, "The coup would break 53 straight years in power for the family.", 1)
    assert [(x.text, x.unit) for x in amounts(b)] == [("53 straight years", "year")]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert (
        "The first source says over 55 years; the second source says 53 straight years." in reasons
    )


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Russia will send 1969 troops to the region.", [("1969 troops", 1969.0)]),
        ("The 2023 elections were held in February.", []),
    ],
)
def test_a_year_s_digits_before_a_plural_count_it(
    extractor: Extractor, text: str, counted: list[tuple[str, float]]
) -> None:
    claim = extracted(extractor, text)
    assert [(x.text, x.value) for x in amounts(claim)] == counted
    assert bool(claim.dates) is not bool(counted)


def test_troops_personnel_and_peacekeepers_are_one_count(extractor: Extractor) -> None:
    a = extracted(extractor, "The defence ministry said 1,960 personnel would be involved.")
    b = extracted(extractor, "Russia will send 1,200 peacekeepers to the region.", 1)
    assert [x.unit for x in amounts(a) + amounts(b)] == ["soldier", "soldier"]
    assert label_of(a, b)[0] is Label.CONFLICT


def test_losing_one_s_life_is_dying(extractor: Extractor) -> None:
    a = extracted(extractor, "At least two dozen people died.")
    b = extracted(extractor, "No less than 28 people lost their lives.", 1)
    assert "kill" in event_classes(b)
    assert event_evidence(a, b) is not None
    assert label_of(a, b)[0] is Label.CONFLICT


@pytest.mark.parametrize(
    "earlier",
    [
        "Several months earlier, 12 people were killed when a bus crashed.",
        "Three years ago, 12 people were killed when a bus crashed.",
    ],
)
def test_a_time_long_before_recalls_another_event(extractor: Extractor, earlier: str) -> None:
    a = extracted(extractor, earlier)
    b = extracted(extractor, "No less than 28 people lost their lives.", 1)
    assert dated_apart(a, b)
    assert event_evidence(a, b) is None
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert any(r.endswith("of different times.") for r in reasons)


def test_two_days_before_may_be_the_same_event(extractor: Extractor) -> None:
    a = extracted(extractor, "Two days earlier, 12 people were killed when a bus crashed.")
    b = extracted(extractor, "No less than 28 people lost their lives.", 1)
    assert not dated_apart(a, b)


def test_an_acronym_a_report_defines_carries_its_words(extractor: Extractor) -> None:
    text = (
        "Protesters blamed the Transitional Military Council (TMC) for the killings. "
        "But the TMC denied attempting to break the sit-in by force."
    )
    claims = extractor.extract(Document(0, "t", "s", text, "x", published=dt.date(2019, 6, 4)))
    denial = next(c for c in claims if "denied" in c.text)
    assert denial.lemmas[:4] == ("tmc", "transitional", "military", "council")
    defining = next(c for c in claims if "blamed" in c.text)
    assert defining.lemmas.count("military") == 1  # spelled out there already


def test_brackets_that_are_not_initials_define_nothing(extractor: Extractor) -> None:
    text = (
        "The European Consumer Organisation (BEUC) welcomed the fine. "
        "BEUC said consumers had paid too much."
    )
    claims = extractor.extract(Document(0, "t", "s", text, "x", published=dt.date(2019, 6, 4)))
    assert "consumer" in claims[-1].lemmas
    assert "organisation" not in claims[-1].lemmas


def test_two_people_named_on_both_sides_are_no_strangers(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The peace deal, which was signed by Russian President Vladimir Putin, Azerbaijani"
        " President Ilham Aliyev and Armenia's prime minister, took effect on Tuesday.",
    )
    b = extracted(
        extractor,
        "Azerbaijani President Ilham Aliyev and Russian President Vladimir Putin have agreed"
        " on a ceasefire in Nagorno-Karabakh.",
        1,
    )
    assert not only_a_person_shared(a, b)
    one = extracted(extractor, "Russian President Vladimir Putin met reporters.", 1)
    assert only_a_person_shared(a, one)
