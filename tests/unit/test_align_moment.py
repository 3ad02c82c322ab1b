"""Two claims that time one kind of event to the same minute link on that (``align.SameMoment``)."""

from __future__ import annotations

import numpy as np
import pytest

from claimdiff.align import BY_MOMENT, Candidate, Scored, link_bases
from claimdiff.evidence import basis_reason
from claimdiff.figures import same_moment
from claimdiff.model import Claim
from claimdiff.settings import Settings


def claim(claim_id: int, doc: int, text: str) -> Claim:
    return Claim(claim_id, doc, 0, len(text), text, sentence=claim_id)


def scored(probability: float) -> Scored:
    return Scored([(0, 0)], np.zeros((1, 0)), (), np.asarray([probability]))


# A blast timed by two reports, one on a 24-hour clock, one on a 12-hour clock.
A = claim(0, 0, "The blast, which struck at 0614 (2214 GMT), shattered windows across Kandy.")
B = claim(1, 1, "Residents said the explosion came at 6:14 a.m. local time.")


def test_one_event_timed_to_the_minute_links_on_a_weak_score() -> None:
    found = link_bases([A], [B], scored(0.02), Settings())
    assert found == [(0, 0, 0.02, BY_MOMENT)]
    reason = basis_reason(Candidate(A.id, B.id, 0.02, BY_MOMENT), A, B)
    assert reason is not None
    assert reason.text == (
        "Linked as one moment although the wording differs: both time one kind of event to"
        ' the same minute ("0614" / "6:14 a.m.").'
    )


def test_the_rule_can_be_switched_off() -> None:
    assert link_bases([A], [B], scored(0.02), Settings(moment_link_threshold=1.01)) == []


@pytest.mark.parametrize(
    "other",
    [
        # a whole hour may be a briefing, a deadline or the event
        "Residents said the explosion came at 6 a.m. local time.",
        # another minute
        "Residents said the explosion came at 6:41 a.m. local time.",
        # the time a statement was made
        "Officials gave news of the explosion at a 6:14 a.m. briefing.",
        # no kind of event in common: a train that left at that minute
        "The first train left Colombo at 6:14 a.m. on time.",
    ],
)
def test_no_moment_in_common(other: str) -> None:
    assert same_moment(A, claim(1, 1, other)) is None


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        # an approximate time at an odd minute was read off a record
        (A.text, "Residents said the explosion came around 6:14 a.m.", True),
        # at a round one it is a guess
        (
            "The blast, which struck at 0615 (2215 GMT), shattered windows across Kandy.",
            "Residents said the explosion came around 6:15 a.m.",
            False,
        ),
    ],
)
def test_an_approximate_time_is_a_minute_only_at_an_odd_minute(x: str, y: str, same: bool) -> None:
    assert (same_moment(claim(0, 0, x), claim(1, 1, y)) is not None) is same
