"""Two claims that give one toll of one kind of event link on that (``align.SameToll``)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from claimdiff.align import BY_TOLL, Candidate, Scored, link_bases
from claimdiff.evidence import basis_reason
from claimdiff.extract import Extractor
from claimdiff.figures import same_toll
from claimdiff.model import Claim, Document
from claimdiff.settings import Settings
from claimdiff.slots import casualty_claim

QUAKE = (
    "An earthquake in western Nepal killed at least six villagers, four of them children,"
    " as the tremor destroyed mud and brick houses."
)
COLLAPSE = "Six people were killed when some houses collapsed at Gairagaun, police said."


def extracted(extractor: Extractor, text: str, doc: int = 0) -> Claim:
    """The first claim the real pipeline finds in a text."""
    document = Document(doc, "t", "s", text, "x", published=dt.date(2022, 11, 9))
    return extractor.extract(document)[0]


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
