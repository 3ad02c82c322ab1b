"""The opening statements of two reports link on a lower score (``align.lead_link``)."""

from __future__ import annotations

import numpy as np

from claimdiff.align import BY_LEAD, BY_SCORE, Candidate, Scored, link_bases
from claimdiff.compare import classify
from claimdiff.model import Claim
from claimdiff.settings import Settings

SETTINGS = Settings(
    link_threshold=0.5,
    mutual_link_threshold=0.5,
    conflict_link_threshold=0.5,
    lead_link_threshold=0.1,
)


def claim(claim_id: int, doc: int, sentence: int, text: str) -> Claim:
    return Claim(claim_id, doc, 0, len(text), text, sentence=sentence)


# Two reports of a factory closing; each opens with it, in other words.
A_OPEN = claim(0, 0, 0, "The carmaker will shut its plant in Leeds by March.")
A_LATER = claim(1, 0, 1, "Unions said the decision came without warning.")
B_OPEN = claim(2, 1, 0, "Production in Leeds is to end next spring, the company announced.")
B_LATER = claim(3, 1, 1, "Union leaders complained they had no warning of the decision.")


def scored(matrix: list[list[float]]) -> Scored:
    pairs = [(i, j) for i in range(len(matrix)) for j in range(len(matrix[0]))]
    probability = np.asarray([matrix[i][j] for i, j in pairs])
    return Scored(pairs, np.zeros((len(pairs), 0)), (), probability)


def test_the_openings_link_though_each_has_a_better_pair() -> None:
    # each opening's best pair is the other report's second sentence
    found = link_bases(
        [A_OPEN, A_LATER], [B_OPEN, B_LATER], scored([[0.3, 0.6], [0.6, 0.2]]), SETTINGS
    )
    assert (0, 0, 0.3, BY_LEAD) in found
    assert {(i, j) for i, j, _, basis in found if basis == BY_SCORE} == {(0, 1), (1, 0)}


def test_openings_below_the_lead_threshold_stay_apart() -> None:
    found = link_bases(
        [A_OPEN, A_LATER], [B_OPEN, B_LATER], scored([[0.05, 0.6], [0.6, 0.2]]), SETTINGS
    )
    assert all(basis != BY_LEAD for *_, basis in found)


def test_no_lead_link_where_the_openings_are_linked_already() -> None:
    # the second claim of A's opening sentence is linked to B's: nothing to add
    a_open_too = claim(4, 0, 0, "About 900 jobs will go.")
    found = link_bases(
        [A_OPEN, a_open_too, A_LATER],
        [B_OPEN, B_LATER],
        scored([[0.3, 0.1], [0.7, 0.1], [0.1, 0.8]]),
        SETTINGS,
    )
    assert [(i, j, basis) for i, j, _, basis in found] == [(2, 1, BY_SCORE), (1, 0, BY_SCORE)]


def test_the_opening_is_the_first_sentence_with_claims() -> None:
    # a document whose first claim is in its third sentence (a title and a byline had none)
    late_open = claim(5, 1, 2, "Production in Leeds is to end next spring.")
    late_next = claim(6, 1, 3, "Union leaders complained they had no warning.")
    found = link_bases(
        [A_OPEN, A_LATER], [late_open, late_next], scored([[0.2, 0.1], [0.1, 0.9]]), SETTINGS
    )
    assert (0, 0, 0.2, BY_LEAD) in found


def test_openings_whose_figures_tell_two_facts_apart_do_not_link() -> None:
    toll = claim(7, 0, 0, "The civil war has killed more than 320,000 people since 2011.")
    strike = claim(8, 1, 0, "An air strike killed more than 80 people on Tuesday.")
    assert link_bases([toll], [strike], scored([[0.3]]), SETTINGS) == []


def test_a_lead_link_says_why_it_was_made() -> None:
    link = classify(Candidate(0, 2, 0.3, BY_LEAD), A_OPEN, B_OPEN)
    assert link.reasons[0].text.startswith("Linked as the opening statement of both reports")
    assert link.score == 0.3


def test_the_default_threshold_links_openings_worded_far_apart() -> None:
    # "announced it was laying off 27,000 employees" / "plans to cut 27,000 jobs": 0.08,
    # each opening's best pair being another
    defaults = Settings()
    pair = scored([[0.07, 0.2], [0.2, 0.9]])
    found = link_bases([A_OPEN, A_LATER], [B_OPEN, B_LATER], pair, defaults)
    assert (0, 0, 0.07, BY_LEAD) in found
    # far below it, they stay apart
    pair = scored([[0.03, 0.2], [0.2, 0.9]])
    found = link_bases([A_OPEN, A_LATER], [B_OPEN, B_LATER], pair, defaults)
    assert all(basis != BY_LEAD for *_, basis in found)
