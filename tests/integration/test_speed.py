"""The fast paths give what the straightforward computations give, on the seed pair."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from claimdiff import embed, memo, pipeline
from claimdiff.api import read_documents
from claimdiff.extract import Extractor
from claimdiff.features import profile
from claimdiff.model import Claim, Document
from claimdiff.settings import Settings
from claimdiff.slots import amounts, casualty_claim


@pytest.fixture(scope="module")
def seeds(extractor: Extractor) -> tuple[tuple[Document, ...], tuple[Claim, ...]]:
    root = Path(__file__).resolve().parents[2] / "seeds"
    documents = read_documents(sorted(root.glob("*.txt")))
    documents = [dataclasses.replace(d, id=i) for i, d in enumerate(documents)]
    return tuple(documents), pipeline.number_claims(extractor.extract_many(documents))


def test_memoised_profiles_and_amounts_equal_fresh_ones(
    seeds: tuple[tuple[Document, ...], tuple[Claim, ...]],
) -> None:
    _, claims = seeds
    assert len(claims) > 20
    for func in (profile, amounts, casualty_claim):
        memo.clear()
        memoised = [func(c) for c in claims] + [func(c) for c in claims]  # type: ignore[operator]
        fresh = [func.__wrapped__(c) for c in claims]  # type: ignore[attr-defined]
        assert memoised == fresh + fresh


def test_batched_embeddings_equal_one_by_one(
    seeds: tuple[tuple[Document, ...], tuple[Claim, ...]],
) -> None:
    _, claims = seeds
    texts = [c.text for c in claims[:12]] + [
        s.text for c in claims[:12] for s in profile(c).segments
    ]
    embed._cache.clear()
    batched = embed.embed(texts)
    embed._cache.clear()
    single = np.vstack([embed.embed([t]) for t in texts])
    assert batched.shape == (len(texts), 512)
    assert np.abs(batched - single).max() < 1e-6


def test_links_with_one_embedding_batch_equal_pair_by_pair(
    seeds: tuple[tuple[Document, ...], tuple[Claim, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    documents, claims = seeds
    settings = Settings()
    embed._cache.clear()
    fast = pipeline.link_claims(documents, claims, settings)
    assert embed._cache  # the batch filled the cache
    embed._cache.clear()
    memo.clear()
    monkeypatch.setattr(pipeline, "_embed_once", lambda *args: None)
    plain = pipeline.link_claims(documents, claims, settings)
    assert len(fast) >= 5
    assert fast == plain


def test_preload_loads_the_encoder_once() -> None:
    thread = embed.preload()
    if thread is not None:
        thread.join()
    assert embed._model is not None
    assert embed.preload() is None  # loaded: nothing more to start
