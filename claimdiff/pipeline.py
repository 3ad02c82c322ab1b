"""Run the stages in order: extract, align, classify."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, TypeAlias

from claimdiff.cluster import attach_clusters
from claimdiff.linkcache import LinkCache
from claimdiff.model import Claim, ClaimDiffError, Comparison, Document, Link
from claimdiff.settings import Settings

if TYPE_CHECKING:
    from claimdiff.align import Candidate
    from claimdiff.extract import Extractor

    ExtractorSource: TypeAlias = Extractor | Callable[[], Extractor]
    """An extractor, or a function that makes one when a document needs parsing."""

Progress = Callable[[str, float], None]
"""Called with a stage name and the share of work done (0..1)."""

Cancelled = Callable[[], bool]
"""Returns True once the caller wants the run to stop."""


class ComparisonCancelled(ClaimDiffError):
    """The caller cancelled the comparison before it finished."""


def stop_if_cancelled(cancelled: Cancelled | None) -> None:
    """Raise :class:`ComparisonCancelled` once the caller has asked the run to stop."""
    if cancelled is not None and cancelled():
        raise ComparisonCancelled("comparison cancelled")


class _LazyExtractor:
    """The extractor, made on first use: a run whose claims are all cached never loads spaCy."""

    def __init__(self, source: ExtractorSource) -> None:
        self._source = source
        self._extractor: Extractor | None = None if callable(source) else source

    def extract_many(
        self, documents: Sequence[Document], progress: Callable[[int, int], None] | None
    ) -> list[tuple[Claim, ...]]:
        """The claims of each document; with none to parse, a factory is never called.

        An extractor given ready-made still hears of an empty batch: the CLI's
        extraction worker (``claimdiff.worker``), which starts loading spaCy before
        the cache is read, ends its child process then.
        """
        if self._extractor is None:
            if not documents:
                return []
            assert callable(self._source)
            self._extractor = self._source()
        return self._extractor.extract_many(documents, progress=progress)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self._extractor.warnings) if self._extractor is not None else ()


# The matcher (numpy, rapidfuzz, regex tables) is imported on first use: a run whose
# pairs are all cached never needs it.


def align(a: Sequence[Claim], b: Sequence[Claim], settings: Settings) -> list[Candidate]:
    """``claimdiff.align.align``, imported when a document pair is first aligned."""
    from claimdiff.align import align as align_pair

    return align_pair(a, b, settings)


def classify(
    candidate: Candidate, a: Claim, b: Claim, documents: Sequence[Document], settings: Settings
) -> Link:
    """``claimdiff.compare.classify``, imported when a document pair is first aligned."""
    from claimdiff.compare import classify as classify_pair

    return classify_pair(candidate, a, b, documents=documents, settings=settings)


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
    cache: LinkCache | None = None,
) -> tuple[Link, ...]:
    """Align and classify every pair of documents (or only the ``pairs`` given).

    With a ``cache``, pairs whose links it holds are not aligned again, and the
    links of every pair aligned here are handed to it (``cache.add``) for storing.
    """
    by_doc: list[list[Claim]] = [[] for _ in documents]
    for claim in claims:
        by_doc[claim.document].append(claim)
    if pairs is None:
        pairs = list(combinations(range(len(documents)), 2))
    found: dict[tuple[int, int], list[Link]] = {}
    if cache is not None:
        for i, j in pairs:
            hit = cache.links(documents[i], documents[j], by_doc[i], by_doc[j])
            if hit is not None:
                found[i, j] = hit
    _embed_once(by_doc, [pair for pair in pairs if pair not in found], settings)
    links: list[Link] = []
    for done, (i, j) in enumerate(pairs):
        stop_if_cancelled(cancelled)
        pair_links = found.get((i, j))
        if pair_links is None:
            pair_links = [
                classify(c, claims[c.a], claims[c.b], documents, settings)
                for c in align(by_doc[i], by_doc[j], settings)
            ]
            if cache is not None:
                cache.add(documents[i], documents[j], by_doc[i], by_doc[j], pair_links)
        links.extend(pair_links)
        if progress:
            progress("align", (done + 1) / max(len(pairs), 1))
    return tuple(sorted(links, key=lambda link: (link.a, link.b)))


def _embed_once(
    by_doc: Sequence[Sequence[Claim]], pairs: Sequence[tuple[int, int]], settings: Settings
) -> None:
    """Embed, a batch per document, every claim and clause that ``align`` will embed pair by pair.

    The encoder is far faster on a few large batches than on many small ones, and
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
    if used:
        from claimdiff import embed
        from claimdiff.features import profile

        embed.embed_documents(
            [
                [claim.text for claim in by_doc[k]]
                + [s.text for claim in by_doc[k] for s in profile(claim).segments]
                for k in used
            ]
        )


def _claims_of(
    documents: Sequence[Document],
    extractor: _LazyExtractor,
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
    stop_if_cancelled(cancelled)
    return [made[d.sha256] if d.sha256 in made else tuple(cached[d.sha256]) for d in documents]


def run(
    documents: Sequence[Document],
    extractor: ExtractorSource,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cached: Mapping[str, Sequence[Claim]] | None = None,
    link_cache: LinkCache | None = None,
) -> Comparison:
    """Compare documents that have already been read.

    ``cached`` maps a document's sha256 to claims extracted earlier by the same
    pipeline version; those documents are not parsed again. ``link_cache``
    holds links of document pairs aligned before (see :func:`link_claims`).
    ``extractor`` may be a function that makes one: it is called only if some
    document is not in ``cached``.
    """
    settings = settings or Settings()
    source = _LazyExtractor(extractor)
    docs = tuple(dataclasses.replace(d, id=index) for index, d in enumerate(documents))
    claims = number_claims(_claims_of(docs, source, cached or {}, progress, cancelled))
    links = link_claims(
        docs, claims, settings, progress=progress, cancelled=cancelled, cache=link_cache
    )
    comparison = Comparison(
        documents=docs,
        claims=claims,
        links=links,
        warnings=source.warnings,
        settings=settings.as_dict(),
    )
    return attach_clusters(comparison)


def new_pairs(old_count: int, total: int) -> list[tuple[int, int]]:
    """The document pairs that adding documents ``old_count..total-1`` brings."""
    return [(i, j) for i, j in combinations(range(total), 2) if j >= old_count]


def extend(
    comparison: Comparison,
    new_documents: Sequence[Document],
    extractor: ExtractorSource,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cached: Mapping[str, Sequence[Claim]] | None = None,
    link_cache: LinkCache | None = None,
) -> Comparison:
    """Add documents to a comparison, aligning only the pairs that involve them.

    Claims and links among the existing documents are kept as they are, so a
    third article costs two document pairs, not three (none if ``link_cache``
    holds them).
    """
    settings = settings or Settings()
    known = {d.sha256 for d in comparison.documents}
    fresh_docs = [d for d in new_documents if d.sha256 not in known]
    if not fresh_docs:
        return comparison
    source = _LazyExtractor(extractor)
    old_count = len(comparison.documents)
    docs = comparison.documents + tuple(
        dataclasses.replace(d, id=old_count + i) for i, d in enumerate(fresh_docs)
    )
    per_doc: list[Sequence[Claim]] = [
        [c for c in comparison.claims if c.document == i] for i in range(old_count)
    ]
    per_doc += _claims_of(fresh_docs, source, cached or {}, progress, cancelled)
    claims = number_claims(per_doc)
    added = link_claims(
        docs,
        claims,
        settings,
        progress=progress,
        cancelled=cancelled,
        pairs=new_pairs(old_count, len(docs)),
        cache=link_cache,
    )
    # Old claims keep their ids: number_claims numbers old documents first, in order.
    links = tuple(sorted(comparison.links + added, key=lambda link: (link.a, link.b)))
    return attach_clusters(
        dataclasses.replace(
            comparison,
            documents=docs,
            claims=claims,
            links=links,
            warnings=tuple(dict.fromkeys(comparison.warnings + source.warnings)),
        )
    )
