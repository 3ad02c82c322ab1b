"""Figure 2: claim extraction on a 200-article corpus against bare ``nlp.pipe``."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from benchmarks import corpus
from benchmarks.measure import best_of
from benchmarks.record import Figure

if TYPE_CHECKING:
    from claimdiff.model import Claim


def measure(size: int = 200, repeat: int = 2) -> list[Figure]:
    """Both sides parse the same texts with the same loaded pipeline, in this process."""
    from claimdiff.api import get_extractor
    from claimdiff.ingest import document_from_text

    articles = corpus.corpus(size)
    documents = [
        document_from_text(a.text, doc_id=i, path=f"{a.name}.txt") for i, a in enumerate(articles)
    ]
    extractor = get_extractor()
    nlp = extractor.nlp  # the model load is figure 1's business, not this one's
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm-up: first-call allocations
    # Alternate the two, so a change in machine load hits both sides alike.
    bare, extract = math.inf, math.inf
    claims: list[tuple[Claim, ...]] = []
    for _ in range(max(1, repeat)):
        bare = min(bare, best_of(1, lambda: sum(1 for _ in nlp.pipe(texts)))[0])
        seconds, claims = best_of(1, lambda: extractor.extract_many(documents))
        extract = min(extract, seconds)
    share = 100 * bare / extract
    count = sum(len(c) for c in claims)
    pipes = ",".join(nlp.pipe_names)
    return [
        Figure(
            "extract_bare_wps",
            f"bare nlp.pipe, {size} articles",
            words / bare,
            "words/s",
            lower_is_better=False,
            note=f"{words:,} words; pipes {pipes}",
        ),
        Figure(
            "extract_wps",
            f"extraction, {size} articles",
            words / extract,
            "words/s",
            lower_is_better=False,
            note=f"{count:,} claims in {extract:.1f} s",
        ),
        Figure(
            "extract_share",
            "extraction / bare nlp.pipe throughput",
            share,
            "%",
            ">= 80 %",
            share >= 80,
            lower_is_better=False,
            note=f"best of {repeat}",
        ),
    ]
