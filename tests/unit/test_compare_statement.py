"""match_statements' engine: one direct score per statement pair, then the label."""

from __future__ import annotations

import pytest

from claimdiff.model import Claim, Entity, Label, ReasonKind
from claimdiff.settings import Settings
from claimdiff.statement import (
    STATEMENT_FEATURES,
    embedded_texts,
    match_claims,
    merge_claims,
    residual_vector,
    residuals,
    statement_features,
)

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


@pytest.mark.parametrize(
    ("a", "b", "left"),
    [
        # each side keeps the words the other lacks, in order, as written
        (
            "The S&P 500 eased 0.37 of a point.",
            "The S&P 500 slipped 0.26 point.",
            ("eased 0.37 of a", "slipped 0.26"),
        ),
        # case does not make a word differ; one side adds nothing
        ("Shares Fell.", "shares fell sharply.", ("", "sharply")),
        # the same statement leaves nothing on either side
        ("It rained.", "It rained.", ("", "")),
    ],
)
def test_residuals_are_the_words_each_side_lacks(a: str, b: str, left: tuple[str, str]) -> None:
    assert residuals(a, b) == left


@pytest.mark.parametrize(
    ("left", "similarity", "expected"),
    [
        # two leftovers: their size, not empty, their own similarity
        (("eased 0.37 of a", "slipped 0.26"), 0.4, [4.0, 0.0, 0.4]),
        # one side adds nothing: the leftovers cannot differ in meaning
        (("", "sharply"), 0.1, [1.0, 1.0, 1.0]),
    ],
)
def test_residual_features(left: tuple[str, str], similarity: float, expected: list[float]) -> None:
    assert residual_vector(left, similarity) == expected


def test_embedded_texts_stand_in_for_an_empty_leftover() -> None:
    # the encoder is never asked for an empty string
    assert embedded_texts("Shares fell.", "Shares fell sharply.") == [
        "Shares fell.",
        "Shares fell sharply.",
        ".",
        "sharply",
    ]


def test_lexical_statement_features_leave_the_embedding_parts_at_zero() -> None:
    row = statement_features(statement("Shares fell.", 0), statement("Stocks fell.", 1), LEXICAL)
    values = dict(zip(STATEMENT_FEATURES, row, strict=True))
    assert values["residual_words"] == 1.0 and values["residual_empty"] == 0.0
    assert values["residual_embedding"] == 0.0
    assert not any(v for n, v in values.items() if n.startswith("emb_"))


def test_figures_of_two_kinds_are_two_statements() -> None:
    # a forecast against a result: no conflict, and no one statement either
    expected = statement("Analysts had expected earnings of 53 cents a share last quarter.", 0)
    reported = statement("The company reported earnings of 46 cents a share last quarter.", 1)
    match = match_claims(expected, reported, LEXICAL)
    assert not match.linked and match.label is None
    assert not any(r.kind is ReasonKind.NUMBER and "says" in r.text for r in match.reasons)
    same = statement("The company reported earnings of 53 cents a share last quarter.", 1)
    assert match_claims(expected, same, LEXICAL).score > 0
