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

    def probability(self, x: Array) -> Array:
        """Probability that each row of ``x`` is a true link."""
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        result: Array = 1.0 / (1.0 + np.exp(-(z @ np.asarray(self.weights) + self.bias)))
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
def shipped() -> dict[str, Combiner]:
    """The combiners shipped in ``claimdiff/data/weights.json``, by name."""
    text = (resources.files("claimdiff") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    return {name: load(value) for name, value in json.loads(text)["models"].items()}


@lru_cache(maxsize=1)
def shipped_note() -> dict[str, Any]:
    """How the shipped combiners were fitted, and the figures measured then."""
    text = (resources.files("claimdiff") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    note: dict[str, Any] = json.loads(text).get("note", {})
    return note


def save(models: dict[str, Combiner], path: Path, note: dict[str, Any]) -> None:
    """Write combiners (and how they were fitted) as JSON."""
    payload = {"note": note, "models": {k: v.as_json() for k, v in models.items()}}
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
