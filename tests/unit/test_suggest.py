"""Counterparts offered for re-linking a claim, ranked by the matcher's score."""

from __future__ import annotations

import pytest

from claimdiff import suggest
from claimdiff.model import Claim, Comparison, Document
from claimdiff.suggest import suggestions

SOURCES = (
    ("The ministers met in Lucca on Tuesday.", "Johnson called for new sanctions on Russia."),
    ("Britain's Johnson urged fresh sanctions against Russia.", "The weather was fine."),
    ("Sanctions on Russia were urged by Johnson.", "Foreign ministers gathered in Lucca."),
)


def _comparison() -> Comparison:
    documents, claims = [], []
    for position, sentences in enumerate(SOURCES):
        text = " ".join(sentences)
        documents.append(Document(position, "t", f"S{position}", text, f"sha{position}"))
        for sentence in sentences:
            start = text.index(sentence)
            claims.append(Claim(len(claims), position, start, start + len(sentence), sentence))
    return Comparison(tuple(documents), tuple(claims), ())


def test_the_likeliest_counterpart_comes_first_in_each_other_source() -> None:
    comparison = _comparison()
    found = suggestions(comparison, 1)  # "Johnson called for new sanctions on Russia."
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert {comparison.claim(s.claim).document for s in found} == {1, 2}
    assert found[0].claim in (2, 4) and {2, 4} <= {s.claim for s in found[:2]}
    assert all(0.0 <= s.score <= 1.0 for s in found)
    assert suggestions(comparison, 1, limit=1) == found[:1]


def test_a_pair_scores_the_same_from_either_claim() -> None:
    comparison = _comparison()
    forward = {s.claim: s.score for s in suggestions(comparison, 1)}
    backward = {s.claim: s.score for s in suggestions(comparison, 4)}
    assert forward[4] == backward[1]  # scored as the comparison scored it: earlier source left


def test_large_sources_score_the_claim_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison = _comparison()
    full = suggestions(comparison, 1)
    monkeypatch.setattr(suggest, "FULL_PAIRS", 1)
    alone = suggestions(comparison, 1)
    assert [s.claim for s in alone][:2] == [s.claim for s in full][:2]
    assert {s.claim for s in alone} == {s.claim for s in full}
