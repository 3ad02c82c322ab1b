"""Dates: expressions found in text and resolved against the dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.extract import Extractor
from claimdiff.extract.dates import is_duration, resolve
from claimdiff.model import DateMention, Document

TUESDAY = dt.date(2017, 4, 11)


def dates_of(extractor: Extractor, text: str, published: dt.date | None) -> list[DateMention]:
    document = Document(0, "t", "s", text, "x", published=published)
    return [d for claim in extractor.extract(document) for d in claim.dates]


@pytest.mark.parametrize(
    ("expression", "value", "granularity"),
    [
        # the dateline's own weekday is the dateline
        ("Tuesday", TUESDAY, "day"),
        # other weekdays look back to the latest one
        ("Monday", dt.date(2017, 4, 10), "day"),
        ("Sunday", dt.date(2017, 4, 9), "day"),
        ("Wednesday", dt.date(2017, 4, 5), "day"),
        # "last" excludes the dateline itself
        ("last Tuesday", dt.date(2017, 4, 4), "day"),
        # "next" looks forward
        ("next Friday", dt.date(2017, 4, 14), "day"),
        # month and day take the dateline's year
        ("April 10", dt.date(2017, 4, 10), "day"),
        ("10 April", dt.date(2017, 4, 10), "day"),
        # a full date needs no dateline
        ("April 7, 2016", dt.date(2016, 4, 7), "day"),
        ("2017-04-01", dt.date(2017, 4, 1), "day"),
        # a late-December date in an April report is last year's
        ("December 30", dt.date(2016, 12, 30), "day"),
        # "May" the month, written either way round
        ("5 May", dt.date(2017, 5, 5), "day"),
        ("5 May 2016", dt.date(2016, 5, 5), "day"),
        # relative days
        ("yesterday", dt.date(2017, 4, 10), "day"),
        ("today", TUESDAY, "day"),
        ("tomorrow", dt.date(2017, 4, 12), "day"),
        ("two days ago", dt.date(2017, 4, 9), "day"),
        ("a few days ago", dt.date(2017, 4, 8), "day"),
        # "12 weeks ago" is that week, not a day: reports a day apart both mean it
        ("12 weeks ago", dt.date(2017, 1, 17), "week"),
        ("four years ago", dt.date(2013, 4, 12), "year"),
        # weeks start on Monday
        ("last week", dt.date(2017, 4, 3), "week"),
        ("this week", dt.date(2017, 4, 10), "week"),
        # months and years
        ("March 2011", dt.date(2011, 3, 1), "month"),
        ("last month", dt.date(2017, 3, 1), "month"),
        ("this year", dt.date(2017, 1, 1), "year"),
        ("2011", dt.date(2011, 1, 1), "year"),
        ("the 1990s", dt.date(1990, 1, 1), "decade"),
        # "the week" with no modifier is no particular week
        ("the week", None, "vague"),
    ],
)
def test_resolve_against_dateline(expression: str, value: dt.date | None, granularity: str) -> None:
    assert resolve(expression, TUESDAY) == (value, granularity)


def test_a_past_event_without_a_year_falls_before_the_dateline() -> None:
    # in an April report, "was signed on 3 July" is last July; "will be held on 3 July" is next
    assert resolve("3 July", TUESDAY, past=True) == (dt.date(2016, 7, 3), "day")
    assert resolve("3 July", TUESDAY) == (dt.date(2017, 7, 3), "day")
    assert resolve("April 10", TUESDAY, past=True) == (dt.date(2017, 4, 10), "day")


def test_a_future_event_without_a_year_falls_on_or_after_the_dateline() -> None:
    # in an April report, "will begin on 6 March" is next March, "began on 6 March" this one
    assert resolve("6 March", TUESDAY, True) == (dt.date(2018, 3, 6), "day")
    assert resolve("6 March", TUESDAY) == (dt.date(2017, 3, 6), "day")
    assert resolve("11 April", TUESDAY, True) == (dt.date(2017, 4, 11), "day")
    # a month alone is left where it was: "will report on its March sales"
    assert resolve("March", TUESDAY, True) == (dt.date(2017, 3, 1), "month")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The deal was signed on 3 July.", dt.date(2016, 7, 3)),  # past tense
        ("The vote will be held on 3 July.", dt.date(2017, 7, 3)),  # future
        ("The summit, due on 3 July, was cancelled.", dt.date(2017, 7, 3)),  # not its verb's
        # the verb a "will" governs, and what one is ordered to do, are still to come
        ("Cohen will begin serving his sentence on 6 March.", dt.date(2018, 3, 6)),
        ("He was ordered to report to prison on 6 March.", dt.date(2018, 3, 6)),
        ("He reported to prison on 6 March.", dt.date(2017, 3, 6)),
    ],
)
def test_the_tense_of_its_verb_places_a_date(
    extractor: Extractor, sentence: str, value: dt.date
) -> None:
    (mention,) = dates_of(extractor, sentence, TUESDAY)
    assert mention.value == value
    assert mention.text == f"{value.day} {value:%B}"  # not the full stop that ends the sentence


@pytest.mark.parametrize(
    ("expression", "value", "granularity"),
    [
        # relative dates stay unresolved without a dateline, but keep their granularity
        ("Monday", None, "day"),
        ("yesterday", None, "day"),
        ("last week", None, "week"),
        ("April 10", None, "day"),
        # absolute dates still resolve
        ("March 2011", dt.date(2011, 3, 1), "month"),
        ("April 7, 2016", dt.date(2016, 4, 7), "day"),
    ],
)
def test_resolve_without_dateline(expression: str, value: dt.date | None, granularity: str) -> None:
    assert resolve(expression, None) == (value, granularity)


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("two days", True),  # a length of time
        ("50-year-old", True),  # an age
        ("more than 25 years", True),  # a qualified length
        ("six-year-long", True),  # a compound length
        ("just one minute and", True),  # the parser's entity, cut before "48 seconds"
        ("Tuesday", False),  # a day
        ("last week", False),  # a relative date
    ],
)
def test_is_duration(text: str, duration: bool) -> None:
    assert is_duration(text) is duration


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # past tense: the latest Monday on or before the dateline
        ("Johnson said on Monday that sanctions were possible.", [("Monday", "2017-04-10")]),
        # present tense of a plan: the next Friday
        ("Tillerson heads to Moscow on Friday for talks.", [("Friday", "2017-04-14")]),
        # future with "will": the next Thursday
        ("The ministers will meet on Thursday in Rome.", [("Thursday", "2017-04-13")]),
        # a month-day date and a relative week in one sentence
        (
            "Since April 4, pressure has grown, and last week it peaked.",
            [("April 4", "2017-04-04"), ("last week", "2017-04-03")],
        ),
        # "May" the person is no month
        ("May's spokeswoman said the talks went well.", []),
        # a duration is no date
        ("The ministers met for two days in Lucca.", []),
        # a day deep in a noun phrase is not when the verb happens: the last Monday
        (
            "The deal represents a premium of about 33% to the last closing price on Monday.",
            [("Monday", "2017-04-10")],
        ),
        # a holiday on a fixed day is that day
        ("The quake struck on the Fourth of July.", [("the Fourth of July", "2016-07-04")]),
        # a year in brackets after a title
        ("He starred in Twister (1996).", [("1996", "1996-01-01")]),
        # "of the year" is the report's year; "the year before" and a title are none
        ("The deal will close in the second half of the year.", [("the year", "2017-01-01")]),
        ("It was the worst storm of the year before the war.", []),
        ("He was named Person of the Year.", []),
    ],
)
def test_dates_in_sentences(
    extractor: Extractor, sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = dates_of(extractor, sentence, TUESDAY)
    assert [(d.text, str(d.value)) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a comma between month and year is still one date
        ("The overhaul is completed in October, 2014.", [("October, 2014", "2014-10-01")]),
        ("It opened in October 2014.", [("October 2014", "2014-10-01")]),
        # but not between a month and a count
        ("In October, 12 people died.", [("October", "2016-10-01")]),
    ],
)
def test_a_month_and_its_year(
    extractor: Extractor, sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = dates_of(extractor, sentence, TUESDAY)
    assert [(d.text, str(d.value)) for d in found] == expected


def test_dates_without_dateline_keep_none(extractor: Extractor) -> None:
    found = dates_of(extractor, "Johnson spoke on Monday and again in March 2011.", None)
    assert [(d.text, d.value, d.granularity) for d in found] == [
        ("Monday", None, "day"),
        ("March 2011", dt.date(2011, 3, 1), "month"),
    ]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("The plane crashed on Monday, officials said.", [False]),  # when it happened
        ("The plane crashed, officials said Wednesday.", [True]),  # when it was said
        ("Johnson said on Monday that sanctions were possible.", [True]),
        ("In April 2003 he admitted to a court that it was a ruse.", [False]),  # the admission
        # reporting to prison is going there, not passing a statement on
        ("He was ordered to report to prison on Monday.", [False]),
        ("Reuters reported on Monday that the deal was off.", [True]),
    ],
)
def test_a_date_of_saying_is_marked(extractor: Extractor, sentence: str, said: list[bool]) -> None:
    assert [d.said for d in dates_of(extractor, sentence, TUESDAY)] == said
