"""match_statements' engine: one direct score per statement pair, then the label."""

from __future__ import annotations

import pytest

from claimdiff.model import Claim, Entity, Label, ReasonKind
from claimdiff.settings import Settings
from claimdiff.statement import STATEMENT_FEATURES, match_claims, merge_claims, statement_features

LEXICAL = Settings(use_embeddings=False)


def statement(text: str, doc: int) -> Claim:
    lemmas = tuple(w.strip(".,").lower() for w in text.split())
    return Claim(doc, doc, 0, len(text), text, lemmas=lemmas)


# Each case: two statements -> linked?, label when linked
CASES = [
    # the same report in other words links
    (
        "The army bombed the refugee camp near the border on Thursday.",
        "The refugee camp near the border was bombed by the army on Thursday.",
        True,
        None,
    ),
    # the same event with a different death toll links as a conflict
    (
        "The bomb attack on the market left 24 dead, police said.",
        "The bomb attack on the market left five dead, police said.",
        True,
        Label.CONFLICT,
    ),
    # unrelated statements do not link
    (
        "The central bank raised interest rates by a quarter point.",
        "The army bombed the refugee camp near the border on Thursday.",
        False,
        None,
    ),
]


@pytest.mark.parametrize(("a", "b", "linked", "label"), CASES)
def test_statements_are_scored_directly(a: str, b: str, linked: bool, label: Label | None) -> None:
    match = match_claims(statement(a, 0), statement(b, 1), LEXICAL)
    assert match.linked is linked
    assert 0.0 <= match.score <= 1.0
    if not linked:
        assert match.label is None and match.score < LEXICAL.statement_threshold
    elif label is not None:
        assert match.label is label
        assert any(r.kind is ReasonKind.NUMBER for r in match.reasons)


def test_unlinked_pairs_still_get_a_graded_score() -> None:
    close = match_claims(
        statement("The army bombed the camp.", 0),
        statement("Army planes bombed a school.", 1),
        LEXICAL,
    )
    far = match_claims(
        statement("The army bombed the camp.", 0),
        statement("Rates rose by a quarter point.", 1),
        LEXICAL,
    )
    assert close.score > far.score


def test_merge_claims_keeps_every_clause_slot() -> None:
    text = "Iran condemned the strike, and Russia said it was illegal."
    iran = Entity("Iran", "Iran", "GPE", 0, 4)
    russia = Entity("Russia", "Russia", "GPE", 31, 37)
    clauses = [
        Claim(0, 0, 0, 24, text[:24], entities=(iran,), lemmas=("iran", "condemn")),
        Claim(1, 0, 31, len(text), text[31:], entities=(russia,), speaker="Russia"),
    ]
    merged = merge_claims(clauses, text, 0)
    assert merged.text == text
    assert [e.text for e in merged.entities] == ["Iran", "Russia"]
    assert merged.speaker == "Russia"
    assert merged.lemmas == ("iran", "condemn")


def test_feature_vector_matches_the_names() -> None:
    row = statement_features(statement("Five dead.", 0), statement("5 dead.", 1), LEXICAL)
    assert len(row) == len(STATEMENT_FEATURES)
