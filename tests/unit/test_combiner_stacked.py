"""Stacked combiners: a base's log-odds and a few more features through a small top."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimdiff import combiner

BASE = combiner.Combiner(("a", "b"), (1.0, 0.0), (2.0, 1.0), (0.5, -1.0), 0.25)
TOP = combiner.Combiner((combiner.BASE_LOGIT, "c"), (0.0, 0.0), (1.0, 1.0), (2.0, 1.0), -0.5)


def test_logit_is_the_log_odds_of_the_probability() -> None:
    x = np.asarray([[3.0, 1.0], [1.0, -2.0]])
    # standardised: (1, 1) and (0, -2); 0.5 - 1 + 0.25 and 0 + 2 + 0.25
    assert BASE.logit(x) == pytest.approx([-0.25, 2.25])
    assert BASE.probability(x) == pytest.approx(1.0 / (1.0 + np.exp(-BASE.logit(x))))


def test_stacked_feeds_the_base_logit_to_the_top() -> None:
    stacked = combiner.Stacked(BASE, TOP)
    assert stacked.features == ("a", "b", "c")
    x = np.asarray([[3.0, 1.0, 0.5], [1.0, -2.0, -1.0]])
    # top: 2 * base logit + c - 0.5
    expected = 1.0 / (1.0 + np.exp(-(2.0 * np.asarray([-0.25, 2.25]) + x[:, 2] - 0.5)))
    assert stacked.probability(x) == pytest.approx(expected)


def test_save_writes_the_top_and_tables_beside_unchanged_models(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    table = {"default": 0.1, "weights": {"said": 0.01}}
    combiner.save(
        {"statements": BASE},
        path,
        {"rows": 2},
        stacked={"statements": combiner.Stacked(BASE, TOP)},
        tables={"words": table},
    )
    payload = json.loads(path.read_text(encoding="utf-8"))
    # plain models load as before; the stacked one names its base by its own name
    assert combiner.load(payload["models"]["statements"]) == BASE
    assert combiner.load(payload["stacked"]["statements"]["top"]) == TOP
    assert payload["tables"]["words"] == table


def test_a_stacked_model_needs_its_base_among_the_models(tmp_path: Path) -> None:
    other = combiner.Combiner(("a",), (0.0,), (1.0,), (1.0,), 0.0)
    with pytest.raises(ValueError, match="statements"):
        combiner.save(
            {"statements": other},
            tmp_path / "weights.json",
            {},
            stacked={"statements": combiner.Stacked(BASE, TOP)},
        )


def test_shipped_stacked_models_rest_on_the_shipped_bases() -> None:
    bases = combiner.shipped()
    for name, model in combiner.shipped_stacked().items():
        assert model.base == bases[name]
        assert model.top.features[0] == combiner.BASE_LOGIT
