"""Find candidate claim pairs across two documents, score them and pick the links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from heapq import nlargest

import numpy as np
import numpy.typing as npt

from claimdiff import combiner, embed
from claimdiff.features import (
    CONTEXT_FEATURES,
    PAIR_FEATURES,
    Profile,
    context_matrix,
    pair_matrix,
    profile,
)
from claimdiff.model import Claim
from claimdiff.settings import Settings

Pairs = list[tuple[int, int]]


@dataclass(frozen=True)
class Candidate:
    """A scored pair of claims from two different documents."""

    a: int
    b: int
    score: float


@dataclass(frozen=True)
class Scored:
    """Every candidate pair of two claim lists, its features and its link probability."""

    pairs: Pairs
    features: npt.NDArray[np.float64]
    names: tuple[str, ...]
    probability: npt.NDArray[np.float64]


def candidate_pairs(a: Sequence[Profile], b: Sequence[Profile], settings: Settings) -> Pairs:
    """All pairs for small documents; for large ones, pairs that share rare words.

    Blocking keeps, for every claim, the ``block_top_k`` claims of the other
    document with the most IDF weight in common, in both directions.
    """
    if len(a) * len(b) <= settings.exhaustive_pairs:
        return [(i, j) for i in range(len(a)) for j in range(len(b))]
    postings: dict[str, list[int]] = defaultdict(list)
    for j, prof in enumerate(b):
        for word in prof.words:
            postings[word].append(j)
    best_of_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    chosen: set[tuple[int, int]] = set()
    k = settings.block_top_k
    for i, prof in enumerate(a):
        overlap: dict[int, float] = defaultdict(float)
        for word, weight in prof.weights.items():
            for j in postings.get(word, ()):
                overlap[j] += weight * weight
        for j, value in overlap.items():
            share = value / (prof.norm * b[j].norm)
            best_of_b[j].append((share, i))
        chosen.update((i, j) for j in nlargest(k, overlap, key=overlap.__getitem__))
    for j, scored in best_of_b.items():
        chosen.update((i, j) for _, i in nlargest(k, scored))
    return sorted(chosen)


def clause_cosine(a: Sequence[Profile], b: Sequence[Profile]) -> npt.NDArray[np.float32]:
    """For every claim pair, the best embedding cosine between a clause of each."""
    starts_a = np.cumsum([0] + [len(p.segments) for p in a[:-1]])
    starts_b = np.cumsum([0] + [len(p.segments) for p in b[:-1]])
    ea = embed.embed([s.text for p in a for s in p.segments])
    eb = embed.embed([s.text for p in b for s in p.segments])
    full = embed.cosine(ea, eb)
    rows = np.maximum.reduceat(full, starts_a, axis=0)
    return np.maximum.reduceat(rows, starts_b, axis=1)


def score(
    a: Sequence[Claim],
    b: Sequence[Claim],
    settings: Settings,
    *,
    model: combiner.Combiner | None = None,
) -> Scored:
    """Score every candidate pair of two claim lists with the learned combiner."""
    pa, pb = [profile(c) for c in a], [profile(c) for c in b]
    pairs = candidate_pairs(pa, pb, settings)
    use_embeddings = settings.use_embeddings and len(a) + len(b) <= settings.embed_max_claims
    sims = clause_sims = None
    if use_embeddings and pairs:
        sims = embed.cosine(embed.embed([c.text for c in a]), embed.embed([c.text for c in b]))
        clause_sims = clause_cosine(pa, pb)
    base = pair_matrix(pa, pb, pairs, sims, clause_sims)
    context = context_matrix(base, pairs, (len(a), len(b)))
    features = np.hstack([base, context])
    names = PAIR_FEATURES + CONTEXT_FEATURES
    if model is None:
        model = combiner.shipped()["pairs" if use_embeddings else "pairs_lexical"]
    columns = [names.index(n) for n in model.features]
    probability = model.probability(features[:, columns]) if pairs else np.zeros(0)
    return Scored(pairs, features, names, probability)


def choose(
    scored: Scored, settings: Settings, contradicting: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[int, int, float]]:
    """Apply the linking rules: a threshold, best-of-row/column, and a cap per claim.

    A pair links when its probability reaches ``link_threshold`` and it is
    within ``secondary_margin`` of the best pair of one of its two claims; a
    claim keeps at most ``max_links_per_claim`` links, best first. Pairs in
    ``contradicting`` (the same quantity with different values) need only
    ``conflict_link_threshold``: two reports that disagree about a death toll
    share few words, yet the analyst most needs to see them side by side.
    """
    row_best: dict[int, float] = defaultdict(float)
    col_best: dict[int, float] = defaultdict(float)
    for (i, j), p in zip(scored.pairs, scored.probability, strict=True):
        row_best[i] = max(row_best[i], float(p))
        col_best[j] = max(col_best[j], float(p))
    ranked = sorted(
        zip(scored.pairs, scored.probability, strict=True), key=lambda item: -float(item[1])
    )
    used_a: dict[int, int] = defaultdict(int)
    used_b: dict[int, int] = defaultdict(int)
    links = []
    cap = settings.max_links_per_claim
    for (i, j), p in ranked:
        value = float(p)
        if value < settings.conflict_link_threshold:
            break
        if value >= settings.link_threshold:
            near_best = value >= min(row_best[i], col_best[j]) - settings.secondary_margin
        else:
            near_best = (i, j) in contradicting
        if near_best and used_a[i] < cap and used_b[j] < cap:
            used_a[i] += 1
            used_b[j] += 1
            links.append((i, j, value))
    return links


def contradictions(
    a: Sequence[Claim], b: Sequence[Claim], scored: Scored, settings: Settings
) -> frozenset[tuple[int, int]]:
    """Weakly scored pairs that give different numbers for the same quantity."""
    from claimdiff.compare import contradicts  # compare builds on align's Candidate

    low, high = settings.conflict_link_threshold, settings.link_threshold
    return frozenset(
        (i, j)
        for (i, j), p in zip(scored.pairs, scored.probability, strict=True)
        if low <= p < high and contradicts(a[i], b[j])
    )


def align(a: Sequence[Claim], b: Sequence[Claim], settings: Settings) -> list[Candidate]:
    """Return the pairs of claims that should be linked, best first."""
    if not a or not b:
        return []
    scored = score(a, b, settings)
    chosen = choose(scored, settings, contradictions(a, b, scored, settings))
    return [Candidate(a[i].id, b[j].id, round(p, 4)) for i, j, p in chosen]
