"""The learnt word table of the statements model: what a word one statement lacks costs."""

from __future__ import annotations

import math

import pytest

from claimdiff import wordweights
from claimdiff.model import Claim
from claimdiff.settings import Settings
from claimdiff.statement import LEFTOVER_WEIGHT, STATEMENT_FEATURES, statement_features

# Paraphrases keep their figure and drop "said"; other pairs differ in the figure.
PAIRS = [
    (("Shares fell 5 percent, he said.", "Shares fell 5 percent."), True),
    (("Profit rose 3 percent, she said.", "Profit rose 3 percent."), True),
    (("Sales rose 7 percent, they said.", "Sales rose 7 percent."), True),
    (("Shares fell 5 percent.", "Shares fell 9 percent."), False),
    (("Profit rose 3 percent.", "Profit rose 8 percent."), False),
    (("Sales rose 7 percent.", "Sales rose 2 percent."), False),
]
TEXTS = [texts for texts, _ in PAIRS]
LABELS = [label for _, label in PAIRS]


def test_a_word_that_tells_pairs_apart_weighs_more_than_one_that_does_not() -> None:
    table = wordweights.fit(TEXTS, LABELS, min_pairs=1)
    # "percent" is on both sides of every pair: it tells nothing apart
    assert table.weights["percent"] < 0.05
    # "said" is on one side of every paraphrase and of no other pair: telling too
    assert table.weights["said"] > table.weights["percent"]
    # the figures are shared by paraphrases and not by the other pairs
    assert table.weights["5"] > table.weights["percent"]


def test_a_rare_word_takes_the_default() -> None:
    table = wordweights.fit(TEXTS, LABELS, min_pairs=3)
    # "shares" is in two pairs only, "percent" in all six
    assert "shares" not in table.weights and "percent" in table.weights
    assert table.unshared("shares", "") == pytest.approx(table.default)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # words are compared lower-cased: only "sharply" is unshared
        ("Shares Fell.", "shares fell sharply.", 0.5),
        # one word on each side: the heavier side counts, not both
        ("Shares fell 5 percent.", "Shares fell 9 percent.", 0.25),
        # two words on one side add up; an unknown word takes the default
        ("Shares fell 9 percent, analysts said.", "Shares fell 5 percent.", 0.125 + 2.0),
        # the same statement leaves nothing unshared
        ("It rained.", "It rained.", 0.0),
    ],
)
def test_unshared_weighs_the_heavier_leftover(a: str, b: str, expected: float) -> None:
    table = wordweights.WordWeights({"sharply": 0.5, "5": 0.25, "9": 0.125, "said": 1.0}, 1.0)
    assert table.unshared(a, b) == pytest.approx(expected)


def test_the_table_survives_json() -> None:
    table = wordweights.fit(TEXTS, LABELS, min_pairs=1)
    again = wordweights.load(table.as_json())
    assert again == table
    # no table at all (weights fitted before round 5): every word weighs nothing
    assert wordweights.load(None).unshared("a b", "c") == 0.0


def test_cross_fitted_values_come_from_tables_that_did_not_see_the_pair() -> None:
    texts, labels = TEXTS * 2, LABELS * 2
    values = wordweights.cross_fitted(texts, labels, folds=2)
    for k in (0, 3):
        rest = [i for i in range(len(texts)) if i % 2 != k % 2]
        table = wordweights.fit([texts[i] for i in rest], [labels[i] for i in rest])
        assert values[k] == pytest.approx(table.unshared(*texts[k]))


def test_weights_are_kl_divergences() -> None:
    table = wordweights.fit(TEXTS, LABELS, smoothing=2.0, min_pairs=1)
    # "5": in 1 paraphrase (on both sides) and 1 other pair (on one side)
    both = sum(len(wordweights.word_set(a) & wordweights.word_set(b)) for a, b in TEXTS[:3])
    seen = sum(len(wordweights.word_set(a) | wordweights.word_set(b)) for a, b in TEXTS[:3])
    both_o = sum(len(wordweights.word_set(a) & wordweights.word_set(b)) for a, b in TEXTS[3:])
    seen_o = sum(len(wordweights.word_set(a) | wordweights.word_set(b)) for a, b in TEXTS[3:])
    prior_p, prior_q = (both + 1) / (seen + 2), (both_o + 1) / (seen_o + 2)
    p, q = (1 + 2 * prior_p) / 3, (0 + 2 * prior_q) / 3
    expected = p * math.log(p / q) + (1 - p) * math.log((1 - p) / (1 - q))
    assert table.weights["5"] == pytest.approx(expected, abs=1e-4)


def test_statement_features_carry_the_leftover_weight() -> None:
    a = Claim(0, 0, 0, 22, "Shares fell 5 percent.")
    b = Claim(1, 1, 0, 22, "Shares fell 9 percent.")
    table = wordweights.WordWeights({"5": 0.25, "9": 0.5}, 0.0)
    row = statement_features(a, b, Settings(use_embeddings=False), table)
    assert len(row) == len(STATEMENT_FEATURES)
    assert row[STATEMENT_FEATURES.index(LEFTOVER_WEIGHT)] == pytest.approx(0.5)


def test_statement_feature_names_are_unique() -> None:
    # match_claims finds columns by name: a name used twice would read the wrong column
    assert len(set(STATEMENT_FEATURES)) == len(STATEMENT_FEATURES)
