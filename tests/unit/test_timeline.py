"""What each source dates when: date mentions grouped by resolved date, earliest first."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from claimdiff.model import Claim, Comparison, DateMention, Document
from claimdiff.timeline import cell_text, date_label, timeline

TUESDAY = dt.date(2017, 4, 11)


def _mention(
    text: str, value: dt.date | None, grain: str = "day", said: bool = False
) -> DateMention:
    return DateMention(text, value, 0, len(text), grain, said)


def _comparison(*sides: list[tuple[DateMention, ...]]) -> Comparison:
    documents, claims = [], []
    for position, side in enumerate(sides):
        sha = hashlib.sha256(str(position).encode()).hexdigest()
        documents.append(Document(position, "t", f"S{position}", "x" * 100, sha))
        for k, dates in enumerate(side):
            claims.append(Claim(len(claims), position, 10 * k, 10 * k + 5, "claim", dates=dates))
    return Comparison(documents=tuple(documents), claims=tuple(claims), links=())


def test_one_day_worded_two_ways_is_one_row() -> None:
    rows = timeline(
        _comparison(
            [
                (_mention("Tuesday", TUESDAY),),
                (_mention("March 2011", dt.date(2011, 3, 1), "month"),),
            ],
            [(_mention("April 11", TUESDAY),)],
        )
    )
    assert [(r.label, r.claims) for r in rows] == [
        ("March 2011", ((1,), ())),  # earliest first
        ("Tue 11 Apr 2017", ((0,), (2,))),
    ]
    assert rows[1].words == (("Tuesday",), ("April 11",))
    assert rows[1].dated_by == 2


def test_dates_only_of_saying_are_counted_apart() -> None:
    monday = dt.date(2017, 4, 10)
    (row,) = timeline(
        _comparison(
            [
                (_mention("Monday", monday, said=True),),
                (_mention("Monday", monday, said=True), _mention("April 10", monday)),
                (_mention("Monday", monday),),
            ]
        )
    )
    # the second claim dates something that happened on Monday too: not only its saying
    assert (row.claims, row.said) == (((0, 1, 2),), (1,))
    assert cell_text(row, 0) == "3 (1 when said)"


def test_vague_and_unresolved_dates_are_left_out() -> None:
    rows = timeline(
        _comparison(
            [
                (_mention("recently", None, "vague"),),
                (_mention("some day", TUESDAY, "vague"),),
                (_mention("2011", dt.date(2011, 1, 1), "year"),),
            ]
        )
    )
    assert [r.label for r in rows] == ["2011"]
    assert cell_text(rows[0], 0) == "1"


def test_a_coarser_date_comes_before_a_day_it_holds() -> None:
    rows = timeline(
        _comparison(
            [
                (_mention("April 3", dt.date(2017, 4, 3)),),
                (_mention("last week", dt.date(2017, 4, 3), "week"),),
            ]
        )
    )
    assert [r.label for r in rows] == ["week of 3 Apr 2017", "Mon 3 Apr 2017"]


@pytest.mark.parametrize(
    ("grain", "value", "label"),
    [
        ("day", TUESDAY, "Tue 11 Apr 2017"),
        ("week", dt.date(2017, 4, 3), "week of 3 Apr 2017"),
        ("month", dt.date(2011, 3, 1), "March 2011"),
        ("year", dt.date(2011, 1, 1), "2011"),
        ("decade", dt.date(1990, 1, 1), "the 1990s"),
    ],
)
def test_date_labels(grain: str, value: dt.date, label: str) -> None:
    assert date_label(value, grain) == label


def test_no_dates_means_no_rows() -> None:
    assert timeline(_comparison([()], [()])) == ()
