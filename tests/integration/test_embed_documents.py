"""Embedding a batch per document: the vectors depend on the documents, not on threads or timing."""

from __future__ import annotations

import numpy as np
import pytest

from claimdiff import embed

DOC_A = [
    "G7 foreign ministers met in Lucca on Monday.",
    "Boris Johnson cancelled his trip to Moscow.",
    "The ministers discussed Syria.",
]
DOC_B = [
    "The ministers discussed Syria.",  # also in DOC_A: its vector comes from DOC_A's batch
    "Rex Tillerson will travel to Moscow on Tuesday.",
    "Sanctions against Russia were not agreed.",
]
DOC_C = ["Italy hosted the meeting.", "Italy hosted the meeting."]  # a repeat within a document


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    embed._cache.clear()


def test_each_document_is_one_batch_of_its_new_texts() -> None:
    embed.embed_documents([DOC_A, DOC_B, DOC_C])
    together = {text: embed._cache[text].copy() for text in DOC_A + DOC_B + DOC_C}
    embed._cache.clear()
    # The same batches one after the other, on this thread: the same bits.
    first = embed.embed(DOC_A)
    second = embed.embed(DOC_B[1:])
    third = embed.embed(DOC_C[:1])
    assert np.array_equal(np.stack([together[t] for t in DOC_A]), first)
    assert np.array_equal(np.stack([together[t] for t in DOC_B[1:]]), second)
    assert np.array_equal(together[DOC_C[0]], third[0])
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)


def test_texts_embedded_before_are_left_out_of_the_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    embed.embed(DOC_A)
    batches: list[list[str]] = []
    model = embed._encoder()
    encode = model.encode

    def spy(texts: list[str]) -> object:
        batches.append(list(texts))
        return encode(texts)

    monkeypatch.setattr(model, "encode", spy)
    embed.embed_documents([DOC_A, DOC_B, []])
    assert batches == [DOC_B[1:]]  # DOC_A cached, DOC_B's shared sentence too, [] skipped
    embed.embed_documents([DOC_A, DOC_B])
    assert batches == [DOC_B[1:]]  # all cached now: the encoder is not called


def test_an_encoder_error_is_raised_in_the_callers_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = embed._encoder()
    encode = model.encode

    def fail_on_b(texts: list[str]) -> object:
        if texts[0] == DOC_B[1]:
            raise ValueError("cannot encode DOC_B")
        return encode(texts)

    monkeypatch.setattr(model, "encode", fail_on_b)
    # Whichever thread meets DOC_B first, the error surfaces here (not as a thread warning).
    with pytest.raises(ValueError, match="cannot encode DOC_B"):
        embed.embed_documents([DOC_A, DOC_B, DOC_C])
    assert not embed._cache  # nothing half-stored
