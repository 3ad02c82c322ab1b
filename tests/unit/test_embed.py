"""Cosine similarity: the one-thread path for small products equals the plain product."""

from __future__ import annotations

import numpy as np
import pytest

from claimdiff import embed


@pytest.mark.parametrize(
    "rows",
    [
        (3, 4),  # tiny: one BLAS thread
        (60, 70),  # a document pair's clauses: one BLAS thread
        (600, 500),  # above _SMALL_PRODUCT: all threads
    ],
)
def test_cosine_equals_plain_product(rows: tuple[int, int]) -> None:
    rng = np.random.default_rng(7)
    a = rng.standard_normal((rows[0], 512)).astype(np.float32)
    b = rng.standard_normal((rows[1], 512)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    result = embed.cosine(a, b)
    assert result.dtype == np.float32 and result.shape == rows
    assert np.array_equal(result, np.clip(a @ b.T, -1.0, 1.0))
    assert np.allclose(result, a.astype(np.float64) @ b.T.astype(np.float64), atol=1e-5)
