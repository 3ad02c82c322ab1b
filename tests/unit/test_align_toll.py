"""Two claims that give one toll of one kind of event link on that (``align.SameToll``)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import numpy as np
import pytest

from claimdiff.align import BY_TOLL, Candidate, Scored, choose_bases, link_bases
from claimdiff.evidence import basis_reason
from claimdiff.extract import Extractor
from claimdiff.figures import same_toll
from claimdiff.settings import Settings
from claimdiff.slots import casualty_claim
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2022, 11, 9))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""

QUAKE = (
    "An earthquake in western Nepal killed at least six villagers, four of them children,"
    " as the tremor destroyed mud and brick houses."
)
COLLAPSE = "Six people were killed when some houses collapsed at Gairagaun, police said."


def scored(probability: float) -> Scored:
    return Scored([(0, 0)], np.zeros((1, 0)), (), np.asarray([probability]))


def test_a_count_of_people_of_one_kind_is_a_casualty_count(extractor: Extractor) -> None:
    assert casualty_claim(extracted(extractor, QUAKE)) == "some"


def test_one_toll_links_on_a_weak_score(extractor: Extractor) -> None:
    a, b = extracted(extractor, QUAKE), extracted(extractor, COLLAPSE, doc=1)
    assert link_bases([a], [b], scored(0.02), Settings()) == [(0, 0, 0.02, BY_TOLL)]
    reason = basis_reason(Candidate(a.id, b.id, 0.02, BY_TOLL), a, b)
    assert reason is not None
    assert reason.text == (
        "Linked as one toll although the wording differs: both count the same people killed"
        ' or hurt in one kind of event ("at least six villagers" / "Six people").'
    )


def test_protesters_killed_are_a_toll(extractor: Extractor) -> None:
    # "leaving at least 13 dead" / "13 protesters were killed": one toll
    a = extracted(extractor, "Troops broke up the sit-in on Monday, leaving at least 13 dead.")
    b = extracted(extractor, "The alliance said 13 protesters were killed in the raid.", doc=1)
    assert same_toll(a, b) == ("at least 13 dead", "13 protesters")


def test_the_rule_can_be_switched_off(extractor: Extractor) -> None:
    a, b = extracted(extractor, QUAKE), extracted(extractor, COLLAPSE, doc=1)
    assert link_bases([a], [b], scored(0.02), Settings(toll_link_threshold=1.01)) == []


@pytest.mark.parametrize(
    "other",
    [
        # another toll: a conflict, for the contradiction test to judge, not one fact
        "Seven people were killed when some houses collapsed at Gairagaun, police said.",
        # the same figure, of houses: no count of people
        "Six houses collapsed at Gairagaun, police said.",
        # the same count, of people hurt in another kind of event
        "Six people were arrested after the protest at Gairagaun, police said.",
        # six of them: a count with no casualty beside it
        "Six people fled their homes, police said.",
    ],
)
def test_no_toll_in_common(extractor: Extractor, other: str) -> None:
    assert same_toll(extracted(extractor, QUAKE), extracted(extractor, other, doc=1)) is None


def test_two_tolls_of_people_of_any_kind_conflict(extractor: Extractor) -> None:
    from claimdiff.compare import classify
    from claimdiff.evidence import event_conflict
    from claimdiff.evidence_keys import claim_keys
    from claimdiff.model import Label

    crash = extracted(extractor, "A plane crashed in Oahu, killing all nine people aboard.")
    dead = extracted(extractor, "All eleven passengers were pronounced dead at the scene.", 1)
    link = classify(Candidate(crash.id, dead.id, 0.05), crash, dead)
    assert link.label is Label.CONFLICT
    assert "The first source says nine people; the second source says eleven passengers." in [
        r.text for r in link.reasons
    ]
    # found among weakly worded pairs: the two share an evidence key, and one event
    assert claim_keys(crash, 0) & claim_keys(dead, 1)
    assert event_conflict(crash, dead)
    # passengers who fled are no toll: a count of people against a count of others
    fled = extracted(extractor, "All eleven passengers fled the plane before it burned.", 1)
    assert classify(Candidate(crash.id, fled.id, 0.05), crash, fled).label is not Label.CONFLICT


def test_a_claim_with_no_link_takes_its_toll_past_the_cap() -> None:
    # the report's lead gives its toll, and three claims of the other report give it too:
    # the third, linked to nothing else, is not left unique by the lead's cap of two
    pairs = [(0, 0), (0, 1), (0, 2)]
    weak = Scored(pairs, np.zeros((3, 0)), (), np.asarray([0.2, 0.15, 0.1]))
    settings = Settings(max_links_per_claim=2)
    three = frozenset(pairs)
    assert [j for _, j, *_ in choose_bases(weak, settings, tolls=three)] == [0, 1, 2]
    # a weak pair that is no toll still keeps to the cap
    two = frozenset(pairs[:2])
    assert [j for _, j, *_ in choose_bases(weak, settings, tolls=two)] == [0, 1]
