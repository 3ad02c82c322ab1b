"""Fitting the stacked statements model: cross-fitted top, vetoed pairs left out."""

from __future__ import annotations

import numpy as np

from claimdiff import combiner
from claimdiff.model import Claim
from claimdiff.statement import LEFTOVER_WEIGHT, STATEMENT_FEATURES
from claimdiff.statement_fit import LEXICAL_BASE, StatementData, fit_stacked

ROWS = 60


def data(flip_vetoed: bool = False) -> StatementData:
    """Paraphrases repeat a statement; the other pairs change its last word."""
    rng = np.random.default_rng(7)
    gold = np.arange(ROWS) % 2 == 0
    texts = [
        ("Shares fell in Tokyo.", "Shares fell in Tokyo." if g else f"Shares fell in city{k}.")
        for k, g in enumerate(gold)
    ]
    x = rng.normal(size=(ROWS, len(STATEMENT_FEATURES)))
    x[:, STATEMENT_FEATURES.index("word_cover_min")] = np.where(gold, 1.0, 0.75)
    vetoed = np.arange(ROWS) % 10 == 3
    y = gold.astype(float)
    if flip_vetoed:
        y[vetoed] = 1.0 - y[vetoed]
    claims = [
        (Claim(2 * k, 0, 0, 1, a), Claim(2 * k + 1, 1, 0, 1, b)) for k, (a, b) in enumerate(texts)
    ]
    return StatementData(claims, texts, x, y, vetoed)


def test_the_top_weighs_the_base_and_the_leftover_weight() -> None:
    model, table = fit_stacked(data(), np.arange(ROWS), LEXICAL_BASE)
    assert model.base.features == LEXICAL_BASE
    assert model.top.features == (combiner.BASE_LOGIT, LEFTOVER_WEIGHT)
    # the base separates the pairs; its cross-fitted log-odds count for paraphrase
    assert model.top.weights[0] > 0
    # "tokyo" is shared by every paraphrase and by no other pair: missing, it counts against
    assert model.top.weights[1] < 0
    # each "cityN" is in one pair only: the table's default weighs the unshared words
    assert table.unshared("Shares fell in Tokyo.", "Shares fell in city3.") > 0
    assert table.unshared("Shares fell in Tokyo.", "Shares fell in Tokyo.") == 0


def test_vetoed_pairs_do_not_move_the_combiners() -> None:
    # the veto decides those pairs whatever their score, so their gold is not fitted
    plain, _ = fit_stacked(data(), np.arange(ROWS), LEXICAL_BASE)
    flipped, _ = fit_stacked(data(flip_vetoed=True), np.arange(ROWS), LEXICAL_BASE)
    assert plain.base == flipped.base
