"""A small logistic-regression combiner of pair features, fitted with numpy."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True)
class Combiner:
    """Standardise features, then a weighted sum through the logistic function."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, x: Array) -> Array:
        """Log-odds that each row of ``x`` is a true link."""
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        result: Array = z @ np.asarray(self.weights) + self.bias
        return result

    def probability(self, x: Array) -> Array:
        """Probability that each row of ``x`` is a true link."""
        result: Array = 1.0 / (1.0 + np.exp(-self.logit(x)))
        return result

    def without(self, drop: Sequence[str]) -> tuple[str, ...]:
        """The feature names left once ``drop`` is removed (for ablations)."""
        return tuple(f for f in self.features if f not in drop)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
        }


BASE_LOGIT = "base_logit"
"""The first feature of a stacked combiner's top: the base combiner's log-odds."""


@dataclass(frozen=True)
class Stacked:
    """A base combiner whose log-odds feed, with a few more features, a small top combiner.

    The top is fitted on cross-fitted log-odds of the base (each row scored by a base
    fitted without it), so it learns how far the base is to be trusted on unseen pairs
    next to features the base cannot weigh honestly in-sample.
    """

    base: Combiner
    top: Combiner

    @property
    def features(self) -> tuple[str, ...]:
        """The base's features, then the top's own (the columns ``probability`` takes)."""
        return self.base.features + self.top.features[1:]

    def probability(self, x: Array) -> Array:
        """Probability that each row of ``x`` (columns as ``features``) is a true link."""
        split = len(self.base.features)
        logit = self.base.logit(x[:, :split])
        return self.top.probability(np.column_stack([logit, x[:, split:]]))


def fit(
    x: Array,
    y: Array,
    names: Sequence[str],
    *,
    l2: float | Array = 1.0,
    positive_weight: float = 1.0,
    steps: int = 50,
) -> Combiner:
    """Fit L2-regularised logistic regression by Newton's method.

    ``l2`` is one penalty for every feature, or one per feature: the many
    embedding dimensions need far stronger shrinkage than a handful of scores.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    sample = np.where(y > 0.5, positive_weight, 1.0)
    w = np.zeros(z.shape[1])
    penalty = np.append(
        np.broadcast_to(np.asarray(l2, dtype=np.float64), (x.shape[1],)), 0.0
    )  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (sample * (p - y)) + penalty * w
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Combiner(
        tuple(names),
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in w[:-1]),
        float(w[-1]),
    )


def load(data: dict[str, Any]) -> Combiner:
    """Rebuild a combiner from its JSON mapping."""
    return Combiner(
        tuple(data["features"]),
        tuple(data["mean"]),
        tuple(data["scale"]),
        tuple(data["weights"]),
        float(data["bias"]),
    )


@lru_cache(maxsize=1)
def _shipped_json() -> dict[str, Any]:
    text = (resources.files("claimdiff") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    payload: dict[str, Any] = json.loads(text)
    return payload


@lru_cache(maxsize=1)
def shipped() -> dict[str, Combiner]:
    """The combiners shipped in ``claimdiff/data/weights.json``, by name."""
    return {name: load(value) for name, value in _shipped_json()["models"].items()}


@lru_cache(maxsize=1)
def shipped_stacked() -> dict[str, Stacked]:
    """The stacked combiners shipped, by name; each base is the shipped model of that name."""
    bases = shipped()
    return {
        name: Stacked(bases[name], load(value["top"]))
        for name, value in _shipped_json().get("stacked", {}).items()
    }


def shipped_table(name: str) -> dict[str, Any] | None:
    """A fitted table shipped next to the combiners (``tables`` section), or None."""
    table: dict[str, Any] | None = _shipped_json().get("tables", {}).get(name)
    return table


@lru_cache(maxsize=1)
def shipped_note() -> dict[str, Any]:
    """How the shipped combiners were fitted, and the figures measured then."""
    note: dict[str, Any] = _shipped_json().get("note", {})
    return note


def clear_cache() -> None:
    """Forget the shipped file's contents (after it was rewritten)."""
    for cached in (_shipped_json, shipped, shipped_stacked, shipped_note):
        cached.cache_clear()


def save(
    models: dict[str, Combiner],
    path: Path,
    note: dict[str, Any],
    *,
    stacked: dict[str, Stacked] | None = None,
    tables: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Write combiners (and how they were fitted) as JSON.

    A stacked combiner is written as its top only; its base is the model of the same
    name in ``models``, which must be that base.
    """
    for name, model in (stacked or {}).items():
        if models.get(name) != model.base:
            raise ValueError(f"stacked combiner {name!r} needs its base among the models")
    payload: dict[str, Any] = {"note": note, "models": {k: v.as_json() for k, v in models.items()}}
    if stacked:
        payload["stacked"] = {k: {"top": v.top.as_json()} for k, v in stacked.items()}
    if tables:
        payload["tables"] = tables
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
