"""What the extractor read in a claim, said in words for the analyst."""

from __future__ import annotations

import datetime as dt

from claimdiff.model import Claim, DateMention, Entity, Quantity
from claimdiff.reading import read_as

TEXT = '"We need to act," Johnson said on Monday of the 80 people and the US.'


def test_every_slot_is_said_with_its_resolved_day_and_canonical_names() -> None:
    claim = Claim(
        0,
        0,
        0,
        len(TEXT),
        TEXT,
        speaker="Boris Johnson",
        entities=(
            Entity("Johnson", "Boris Johnson", "PERSON", 18, 25),
            Entity("the US", "United States", "GPE", 62, 68),
            Entity("Monday", "Monday", "DATE", 34, 40),  # a date is no name
        ),
        quantities=(Quantity("80 people", 80.0, "people", "", 80.0, 80.0, 48, 57),),
        dates=(DateMention("Monday", dt.date(2017, 4, 10), 34, 40, said=True),),
        negated=True,
        modality="could",
    )
    assert read_as(claim) == (
        "said by Boris Johnson \u00b7 said on Monday (April 10, 2017) \u00b7 figures 80 people"
        " \u00b7 names Boris Johnson, United States \u00b7 worded in the negative"
        " \u00b7 hedged (could)"
    )


def test_a_month_is_shown_as_written_and_an_empty_claim_says_nothing() -> None:
    text = "The war began in March 2011."
    month = DateMention("March 2011", dt.date(2011, 3, 1), 17, 27, granularity="month")
    assert read_as(Claim(0, 0, 0, len(text), text, dates=(month,))) == "when March 2011"
    assert read_as(Claim(0, 0, 0, 4, "Yes.")) == ""


def test_figures_are_said_as_the_reasons_say_them() -> None:
    text = "Vegetable trader Reynante Manza, 45, cried for the 33 missing."
    claim = Claim(
        0,
        0,
        0,
        len(text),
        text,
        quantities=(
            Quantity("45", 45.0, "year-old", "", 45.0, 45.0, 32, 34),
            Quantity("33", 33.0, "missing", "", 33.0, 33.0, 51, 53),
        ),
    )
    assert read_as(claim) == "figures an age of 45, 33 missing"
