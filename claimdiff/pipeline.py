"""Run the stages in order: extract, align, classify."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from claimdiff import embed
from claimdiff.align import align
from claimdiff.cluster import attach_clusters
from claimdiff.compare import classify
from claimdiff.features import profile
from claimdiff.model import Claim, ClaimDiffError, Comparison, Document, Link
from claimdiff.settings import Settings

if TYPE_CHECKING:
    from claimdiff.extract import Extractor

Progress = Callable[[str, float], None]
"""Called with a stage name and the share of work done (0..1)."""

Cancelled = Callable[[], bool]
"""Returns True once the caller wants the run to stop."""


class ComparisonCancelled(ClaimDiffError):
    """The caller cancelled the comparison before it finished."""


def number_claims(per_document: Sequence[Sequence[Claim]]) -> tuple[Claim, ...]:
    """Give claims comparison-wide ids in document order."""
    claims: list[Claim] = []
    for doc_index, doc_claims in enumerate(per_document):
        for claim in doc_claims:
            claims.append(dataclasses.replace(claim, id=len(claims), document=doc_index))
    return tuple(claims)


def link_claims(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    settings: Settings,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pairs: Sequence[tuple[int, int]] | None = None,
) -> tuple[Link, ...]:
    """Align and classify every pair of documents (or only the ``pairs`` given)."""
    by_doc: list[list[Claim]] = [[] for _ in documents]
    for claim in claims:
        by_doc[claim.document].append(claim)
    if pairs is None:
        pairs = list(combinations(range(len(documents)), 2))
    _embed_once(by_doc, pairs, settings)
    links: list[Link] = []
    for done, (i, j) in enumerate(pairs):
        if cancelled and cancelled():
            raise ComparisonCancelled("comparison cancelled")
        for candidate in align(by_doc[i], by_doc[j], settings):
            a, b = claims[candidate.a], claims[candidate.b]
            links.append(classify(candidate, a, b, documents=documents, settings=settings))
        if progress:
            progress("align", (done + 1) / max(len(pairs), 1))
    return tuple(sorted(links, key=lambda link: (link.a, link.b)))


def _embed_once(
    by_doc: Sequence[Sequence[Claim]], pairs: Sequence[tuple[int, int]], settings: Settings
) -> None:
    """Embed, in one batch, every claim and clause that ``align`` will embed pair by pair.

    The encoder is far faster on one large batch than on many small ones, and
    its cache then serves every document pair; what ``align`` computes is the same.
    """
    if not settings.use_embeddings:
        return
    used = sorted(
        {
            k
            for i, j in pairs
            if by_doc[i]
            and by_doc[j]
            and len(by_doc[i]) + len(by_doc[j]) <= settings.embed_max_claims
            for k in (i, j)
        }
    )
    claims = [claim for k in used for claim in by_doc[k]]
    clauses = [s.text for claim in claims for s in profile(claim).segments]
    if claims:
        embed.embed([claim.text for claim in claims] + clauses)


def _claims_of(
    documents: Sequence[Document],
    extractor: Extractor,
    cached: Mapping[str, Sequence[Claim]],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> list[Sequence[Claim]]:
    """Claims per document: from the cache where possible, otherwise extracted now."""
    if progress:
        progress("extract", 0.0)
    todo = [d for d in documents if d.sha256 not in cached]
    fresh = extractor.extract_many(
        todo, progress=(lambda n, total: progress("extract", n / total)) if progress else None
    )
    made = {d.sha256: claims for d, claims in zip(todo, fresh, strict=True)}
    if cancelled and cancelled():
        raise ComparisonCancelled("comparison cancelled")
    return [made[d.sha256] if d.sha256 in made else tuple(cached[d.sha256]) for d in documents]


def run(
    documents: Sequence[Document],
    extractor: Extractor,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cached: Mapping[str, Sequence[Claim]] | None = None,
) -> Comparison:
    """Compare documents that have already been read.

    ``cached`` maps a document's sha256 to claims extracted earlier by the same
    pipeline version; those documents are not parsed again.
    """
    settings = settings or Settings()
    cached = cached or {}
    docs = tuple(dataclasses.replace(d, id=index) for index, d in enumerate(documents))
    claims = number_claims(_claims_of(docs, extractor, cached, progress, cancelled))
    links = link_claims(docs, claims, settings, progress=progress, cancelled=cancelled)
    comparison = Comparison(
        documents=docs,
        claims=claims,
        links=links,
        warnings=tuple(extractor.warnings),
        settings=settings.as_dict(),
    )
    return attach_clusters(comparison)


def extend(
    comparison: Comparison,
    new_documents: Sequence[Document],
    extractor: Extractor,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cached: Mapping[str, Sequence[Claim]] | None = None,
) -> Comparison:
    """Add documents to a comparison, aligning only the pairs that involve them.

    Claims and links among the existing documents are kept as they are, so a
    third article costs two document pairs, not three.
    """
    settings = settings or Settings()
    cached = cached or {}
    known = {d.sha256 for d in comparison.documents}
    fresh_docs = [d for d in new_documents if d.sha256 not in known]
    if not fresh_docs:
        return comparison
    old_count = len(comparison.documents)
    docs = comparison.documents + tuple(
        dataclasses.replace(d, id=old_count + i) for i, d in enumerate(fresh_docs)
    )
    per_doc: list[Sequence[Claim]] = [
        [c for c in comparison.claims if c.document == i] for i in range(old_count)
    ]
    per_doc += _claims_of(fresh_docs, extractor, cached, progress, cancelled)
    claims = number_claims(per_doc)
    new_pairs = [(i, j) for i, j in combinations(range(len(docs)), 2) if j >= old_count]
    added = link_claims(
        docs, claims, settings, progress=progress, cancelled=cancelled, pairs=new_pairs
    )
    # Old claims keep their ids: number_claims numbers old documents first, in order.
    links = tuple(sorted(comparison.links + added, key=lambda link: (link.a, link.b)))
    return attach_clusters(
        dataclasses.replace(
            comparison,
            documents=docs,
            claims=claims,
            links=links,
            warnings=tuple(dict.fromkeys(comparison.warnings + tuple(extractor.warnings))),
        )
    )
