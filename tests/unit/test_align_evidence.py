"""Links made on event evidence: their basis, score from the tested record, reason; the news IDF."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from claimdiff import features
from claimdiff.align import (
    BY_EVENT,
    BY_SCORE,
    BY_SIBLING,
    Candidate,
    Scored,
    candidates,
    evidence_record,
    evidence_score,
    link_bases,
)
from claimdiff.compare import classify
from claimdiff.evidence import basis_reason, event_evidence
from claimdiff.extract import Extractor
from claimdiff.fitting import idf_from_frequencies
from claimdiff.ingest import document_from_text
from claimdiff.model import Claim, Label, ReasonKind
from claimdiff.settings import Settings

NOTE: dict[str, object] = {"evidence": {BY_EVENT: [10, 7], BY_SIBLING: [1, 1]}}
"""Counts as ``--fit`` writes them: [links made, links right] per basis."""


def claim(claim_id: int, doc: int, text: str) -> Claim:
    return Claim(claim_id, doc, 0, len(text), text)


CAMP_NONE = claim(0, 0, "There were no immediate reports of any casualties at the camp.")
CAMP_TOLL = claim(1, 1, "Local official Miabek Lang said at least 12 people had been killed.")
MARKETS = claim(2, 1, "Shares closed higher on the stock market.")
SETTINGS = Settings(link_threshold=0.5, mutual_link_threshold=0.5, conflict_link_threshold=0.01)


def scored(matrix: list[list[float]]) -> Scored:
    pairs = [(i, j) for i in range(len(matrix)) for j in range(len(matrix[0]))]
    probability = np.asarray([matrix[i][j] for i, j in pairs])
    return Scored(pairs, np.zeros((len(pairs), 0)), (), probability)


@pytest.mark.parametrize(
    ("basis", "note", "expected"),
    [
        # 7 of 10 right, as (right, links)
        (BY_EVENT, NOTE, (7, 10)),
        # 1 of 1 right
        (BY_SIBLING, NOTE, (1, 1)),
        # a link on its score has no record: its score is its own
        (BY_SCORE, NOTE, None),
        # a basis that was never tested has none
        (BY_EVENT, {}, None),
        # malformed counts give nothing rather than a wrong figure
        (BY_EVENT, {"evidence": {BY_EVENT: "ten"}}, None),
        # no link made on that basis in testing
        (BY_EVENT, {"evidence": {BY_EVENT: [0, 0]}}, None),
    ],
)
def test_evidence_record(
    basis: str, note: dict[str, object], expected: tuple[int, int] | None
) -> None:
    assert evidence_record(basis, note) == expected


@pytest.mark.parametrize(
    ("right", "links", "expected"),
    [
        # 7 of 10: the Wilson lower bound (one-sided 90%), well below the 70% observed
        (7, 10, 0.4973),
        # 70 of 100: more tests, a bound closer to 70%
        (70, 100, 0.6380),
        # 1 of 1 proves little
        (1, 1, 0.3775),
        # never right
        (0, 5, 0.0),
        # no tests at all
        (0, 0, 0.0),
    ],
)
def test_evidence_score_is_the_low_end_of_the_record(
    right: int, links: int, expected: float
) -> None:
    assert evidence_score(right, links) == pytest.approx(expected, abs=1e-3)
    assert evidence_score(right, links) <= (right / links if links else 0.0)


def test_a_weak_contradiction_links_on_event_evidence_and_scores_its_record() -> None:
    # "no casualties" against "12 killed": few shared words, one event
    assert event_evidence(CAMP_NONE, CAMP_TOLL) is not None
    bases = link_bases([CAMP_NONE], [CAMP_TOLL, MARKETS], scored([[0.04, 0.02]]), SETTINGS)
    assert [(i, j, basis) for i, j, _, basis in bases] == [(0, 0, BY_EVENT)]
    [found] = candidates([CAMP_NONE], [CAMP_TOLL, MARKETS], scored([[0.04, 0.02]]), SETTINGS, NOTE)
    assert found == Candidate(0, 1, round(evidence_score(7, 10), 4), BY_EVENT, (7, 10), 0.04)


def test_an_evidence_link_never_scores_below_its_wording() -> None:
    settings = Settings(link_threshold=0.7, mutual_link_threshold=0.7)
    [found] = candidates([CAMP_NONE], [CAMP_TOLL], scored([[0.6]]), settings, NOTE)
    assert found.basis == BY_EVENT and found.score == pytest.approx(0.6)


def test_a_link_on_its_score_keeps_the_model_probability() -> None:
    [found] = candidates([CAMP_NONE], [CAMP_TOLL], scored([[0.9]]), SETTINGS, NOTE)
    assert found == Candidate(0, 1, 0.9, BY_SCORE, None, None)


def test_the_reason_says_why_an_evidence_link_was_made_and_how_it_scores() -> None:
    candidate = Candidate(0, 1, 0.4973, BY_EVENT, (7, 10), 0.04)
    link = classify(candidate, CAMP_NONE, CAMP_TOLL)
    first = link.reasons[0]
    assert link.label is Label.CONFLICT and link.score == pytest.approx(0.4973)
    assert first.kind is ReasonKind.DETAIL
    assert "killed or hurt" in first.text and "no casualties" in first.text
    assert "Its score, 50%, is not its wording's (4%)" in first.text
    assert "right in 7 of 10 tests" in first.text


@pytest.mark.parametrize(
    ("candidate", "needles"),
    [
        # another clause of the sentence carried the link
        (
            Candidate(0, 1, 0.3775, BY_SIBLING, (1, 1), 0.02),
            ("another part of the same sentence", "right in 1 of 1 tests"),
        ),
        # the wording scored above the record: the score is the wording's
        (
            Candidate(0, 1, 0.6, BY_EVENT, (7, 10), 0.6),
            ("Linked as one event", "Its score, 60%, is its wording's"),
        ),
        # an evidence basis never tested: the reason gives no percentages
        (Candidate(0, 1, 0.2, BY_EVENT), ("Linked as one event",)),
    ],
)
def test_basis_reason_texts(candidate: Candidate, needles: tuple[str, ...]) -> None:
    reason = basis_reason(candidate, CAMP_NONE, CAMP_TOLL)
    assert reason is not None and all(n in reason.text for n in needles)
    assert ("%" in reason.text) is (candidate.tested is not None)


def test_a_link_on_its_score_gets_no_basis_reason() -> None:
    assert basis_reason(Candidate(0, 1, 0.9), CAMP_NONE, CAMP_TOLL) is None


def test_idf_from_word_frequencies() -> None:
    table = idf_from_frequencies(
        {"the": 0.05, "killed": 1.6e-4, "quake": 2.8e-6, "seamicro": 0.0}, per_sentence=30
    )
    # a word in every sentence weighs the minimum
    assert table["the"] == pytest.approx(1.0)
    assert table["killed"] == pytest.approx(math.log(1 / (30 * 1.6e-4)) + 1, abs=1e-3)
    # rarer words than the ceiling, and unseen ones, are left to the table's default
    assert "quake" not in table and "seamicro" not in table


def test_shipped_idf_names_a_default_above_every_word() -> None:
    table, default = features.idf_table(), features.idf_default()
    assert len(table) > 5000
    assert max(table.values()) < default
    assert table["the"] < table["killed"] < default


@pytest.mark.parametrize(
    ("text_a", "text_b", "linked"),
    [
        # a quake recalled by its month is another quake than the one of the report
        (
            "A 6.4-magnitude quake hit the town of Zarand in February, killing hundreds.",
            "The quake had a magnitude of 5.9, the geological survey said.",
            False,
        ),
        (
            "A 6.4-magnitude quake hit the town of Zarand in February, killing hundreds.",
            "The quake that struck on Sunday had a magnitude of 5.9.",
            False,
        ),
        # unless the other claim names that month too
        (
            "A 6.4-magnitude quake hit the town of Zarand in February, killing hundreds.",
            "The quake that hit Zarand in February had a magnitude of 5.9.",
            True,
        ),
        # a period the event runs through places nothing
        (
            "The 6.4-magnitude quake was the strongest to hit the region since 2011.",
            "The quake had a magnitude of 5.9, the geological survey said.",
            True,
        ),
        # "this year" runs up to the report: it places nothing apart
        (
            "The 6.4-magnitude quake was the strongest to hit the region this year.",
            "The quake had a magnitude of 5.9, the geological survey said.",
            True,
        ),
        # two ages of one person are one figure, and "the 1990 film" dates a film, not
        # the death
        (
            "Actor John Heard, who played in the 1990 film Home Alone, passed away at the age"
            " of 72.",
            "Anderson confirmed that Heard was born March 7, 1946 and was 71 when he died.",
            True,
        ),
        # but the ages of two people are two figures
        (
            "Duncan Rait, 36, died after slipping on the ridge.",
            "Robert Buckley, 32, died after falling from the ridge.",
            False,
        ),
        # none of a thing against a count of it ties the two to one event
        (
            "No injuries/fires.",
            "The mayor said firefighters were working to put out five fires.",
            True,
        ),
        # "no more than five" is a figure, not none
        (
            "There were no more than five fires, the mayor said.",
            "Firefighters put out seven fires.",
            False,
        ),
        # two precise figures within a percent of each other are one figure told twice
        (
            "Services revenue was $26.64 billion, up from $23.87 billion a year ago.",
            "The services segment missed expectations, coming in at $26.65 billion.",
            True,
        ),
        ("Services revenue was $26.64 billion.", "Mac revenue was $7.95 billion.", False),
        # without a month, two magnitudes of one quake are one figure
        (
            "A 6.4-magnitude quake hit the town, killing hundreds.",
            "The quake had a magnitude of 5.9, the geological survey said.",
            True,
        ),
        # what one count holds and what the other says it does not hold are two groups
        (
            "The 6,500 cuts include about 2,100 employees who took early retirement.",
            "The 5,000 employees moving to Foxconn are not included in the 6,500 cuts.",
            False,
        ),
        # held by both, the two counts are one figure told two ways
        (
            "The 6,500 cuts include about 2,100 employees who took early retirement.",
            "The 6,500 cuts include 5,000 employees moving to Foxconn.",
            True,
        ),
        # one claim's main action told in the other's words: "houses collapsed" in both
        (
            "Five people were seriously injured, including two critically, as eight houses"
            " collapsed, said the police.",
            "It is said dozens of houses in the rural areas have collapsed due to the tremor.",
            True,
        ),
        # the distances of two places are two figures: a story tells many
        (
            "The distribution center is about a mile and a half (2.5 km) south of the bar.",
            "Police were at Sparetime Recreation, a bowling alley about 6.4 kilometres away.",
            False,
        ),
        # a noun of the action is no action done: "the maximum possible sentence"
        (
            "Sam Bankman-Fried has been sentenced to 25 years in prison.",
            "An officer had recommended 100 years, short of the maximum possible sentence"
            " of 110 years.",
            False,
        ),
        # a count of attackers is one figure of the attack, whatever is done to them
        (
            "The attack at the concert hall was carried out by five terrorists.",
            "The FSB said all four terrorists had been arrested near the border.",
            True,
        ),
        # but not a common verb such as "say": two counts of houses, two things done to them
        (
            "Officials said 12 houses were damaged in the storm.",
            "Residents said 40 houses burned down.",
            False,
        ),
    ],
)
def test_which_figures_tie_two_claims_to_one_event(
    extractor: Extractor, text_a: str, text_b: str, linked: bool
) -> None:
    day = dt.date(2005, 11, 28)
    (a,) = extractor.extract(document_from_text(text_a, doc_id=0, published=day))
    (b,) = extractor.extract(document_from_text(text_b, doc_id=1, published=day))
    assert (event_evidence(a, b) is not None) is linked
    assert (event_evidence(b, a) is not None) is linked
