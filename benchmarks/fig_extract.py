"""Figure 2: claim extraction on a 200-article corpus against bare ``nlp.pipe``."""

from __future__ import annotations

from benchmarks import corpus
from benchmarks.measure import best_of
from benchmarks.record import Figure


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
    bare, _ = best_of(repeat, lambda: sum(1 for _ in nlp.pipe(texts)))
    extract, claims = best_of(repeat, lambda: extractor.extract_many(documents))
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
