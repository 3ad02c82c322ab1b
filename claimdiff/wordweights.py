"""Word weights learnt from labelled statement pairs: what a word one side lacks costs."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimdiff.features import WORD_PATTERN

SMOOTHING = 2.0
"""Pseudo-pairs drawing each word's shares towards the shares of all words."""
MIN_PAIRS = 3
"""A word seen in fewer labelled pairs takes the table's default weight."""
CROSS_FOLDS = 5
"""Folds of the cross-fitted column a combiner is trained on (rows by number mod 5)."""


def word_set(text: str) -> frozenset[str]:
    """The distinct words of a statement, lower-cased, as the features count them."""
    return frozenset(w.lower() for w in WORD_PATTERN.findall(text))


@dataclass(frozen=True)
class WordWeights:
    """How much each word tells apart paraphrases from other pairs when one side lacks it.

    The weight is the KL divergence (TF-KLD, Ji and Eisenstein 2013) between two
    Bernoulli distributions: whether a pair holding the word holds it on both sides,
    among paraphrases and among the other pairs. "said" or "the" missing on one side
    costs nearly nothing; a figure, a name or "not" costs a lot.
    """

    weights: Mapping[str, float]
    default: float
    """Weight of a word seen too rarely (or never) to have its own."""

    def unshared(self, a: str, b: str) -> float:
        """The heavier side's summed weight of the words it has and the other lacks.

        The heavier side, not both: what matters is whether one statement says
        something the other does not; two light leftovers do not add up to one.
        """
        wa, wb = word_set(a), word_set(b)
        return max(self.weight(wa - wb), self.weight(wb - wa))

    def weight(self, words: frozenset[str]) -> float:
        """Summed weight of some words."""
        return sum(self.weights.get(w, self.default) for w in words)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"default": self.default, "weights": dict(sorted(self.weights.items()))}


EMPTY = WordWeights({}, 0.0)
"""No table: every word weighs nothing (a model fitted without the column)."""


def load(data: Mapping[str, Any] | None) -> WordWeights:
    """Rebuild a table from its JSON mapping; ``EMPTY`` when there is none."""
    if not data:
        return EMPTY
    return WordWeights(
        {str(k): float(v) for k, v in data["weights"].items()}, float(data["default"])
    )


def _divergence(p: float, q: float) -> float:
    return p * math.log(p / q) + (1.0 - p) * math.log((1.0 - p) / (1.0 - q))


def fit(
    pairs: Sequence[tuple[str, str]],
    labels: Sequence[bool],
    *,
    smoothing: float = SMOOTHING,
    min_pairs: int = MIN_PAIRS,
) -> WordWeights:
    """Fit the table on statement pairs labelled paraphrase (True) or not."""
    # counts[word] = [pairs holding it, pairs holding it on both sides], per class
    counts: dict[str, list[int]] = {}
    for (a, b), label in zip(pairs, labels, strict=True):
        sa, sb = word_set(a), word_set(b)
        at = 2 if label else 0
        for word in sa | sb:
            entry = counts.setdefault(word, [0, 0, 0, 0])
            entry[at] += 1
            entry[at + 1] += word in sa and word in sb
    seen = [sum(c[k] for c in counts.values()) for k in (0, 2)]
    both = [sum(c[k + 1] for c in counts.values()) for k in (0, 2)]
    prior = [(both[k] + 1.0) / (seen[k] + 2.0) for k in (0, 1)]
    weights = {}
    for word, (n_other, b_other, n_para, b_para) in counts.items():
        if n_other + n_para < min_pairs:
            continue
        q = (b_other + smoothing * prior[0]) / (n_other + smoothing)
        p = (b_para + smoothing * prior[1]) / (n_para + smoothing)
        weights[word] = round(_divergence(p, q), 4)
    return WordWeights(weights, round(_divergence(prior[1], prior[0]), 4))


def cross_fitted(
    pairs: Sequence[tuple[str, str]], labels: Sequence[bool], folds: int = CROSS_FOLDS
) -> list[float]:
    """``unshared`` of each pair under a table fitted on the other folds only.

    A table fitted on a pair knows its label; a combiner trained on such values
    would trust the column far more than it deserves on unseen pairs.
    """
    values = [0.0] * len(pairs)
    for fold in range(folds):
        rest = [k for k in range(len(pairs)) if k % folds != fold]
        table = fit([pairs[k] for k in rest], [labels[k] for k in rest])
        for k in range(fold, len(pairs), folds):
            values[k] = table.unshared(*pairs[k])
    return values
