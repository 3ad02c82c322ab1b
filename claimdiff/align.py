"""Find candidate claim pairs across two documents, score them and pick the links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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


BY_SCORE = "score"
"""Linked on its score: the words match."""
BY_EVENT = "event"
"""Linked on evidence that both claims report one event, with a contradiction."""
BY_SIBLING = "sibling"
"""Linked because another clause of its sentence is linked, and this clause contradicts."""


@dataclass(frozen=True)
class Candidate:
    """A scored pair of claims from two different documents.

    ``score`` is the model's link probability. A pair linked on other evidence
    (``basis``) also carries ``tested``: the share of links made on that evidence
    that were right when tested (``evidence_rate``), which is what the analyst
    should read instead of a low wording score. It is not the score, because
    clusters merge links by score, strongest first: a calibrated 0.67 on a
    conflict would outrank the wording links of a two-part sentence.
    """

    a: int
    b: int
    score: float
    basis: str = BY_SCORE
    tested: float | None = None


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
    document with the most IDF weight in common, in both directions. Words
    found in more than ``block_max_share`` of either document's claims are
    ignored for blocking: they pair everything with everything.
    """
    if len(a) * len(b) <= settings.exhaustive_pairs:
        return [(i, j) for i in range(len(a)) for j in range(len(b))]
    rows, cols, gain = _shared_words(a, b, settings)
    if not len(rows):
        return []
    key = rows.astype(np.int64) * len(b) + cols
    unique, inverse = np.unique(key, return_inverse=True)
    overlap = np.bincount(inverse, weights=gain).astype(np.float64)
    ui, uj = unique // len(b), unique % len(b)
    keep = _top_k(ui, overlap, settings.block_top_k) | _top_k(uj, overlap, settings.block_top_k)
    return sorted(zip(ui[keep].tolist(), uj[keep].tolist(), strict=True))


def _shared_words(
    a: Sequence[Profile], b: Sequence[Profile], settings: Settings
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Every (a claim, b claim, squared IDF) for each word the two claims share."""
    postings_a: dict[str, list[int]] = defaultdict(list)
    postings_b: dict[str, list[int]] = defaultdict(list)
    for i, prof in enumerate(a):
        for word in prof.words:
            postings_a[word].append(i)
    for j, prof in enumerate(b):
        for word in prof.words:
            postings_b[word].append(j)
    cap_a = max(2, int(settings.block_max_share * len(a)))
    cap_b = max(2, int(settings.block_max_share * len(b)))
    rows, cols, gain = [], [], []
    for word, in_a in postings_a.items():
        in_b = postings_b.get(word)
        if not in_b or len(in_a) > cap_a or len(in_b) > cap_b:
            continue
        weight = a[in_a[0]].weights[word] ** 2
        rows.append(np.repeat(np.asarray(in_a), len(in_b)))
        cols.append(np.tile(np.asarray(in_b), len(in_a)))
        gain.append(np.full(len(in_a) * len(in_b), weight))
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(gain)


def _top_k(
    group: npt.NDArray[np.int64], value: npt.NDArray[np.float64], k: int
) -> npt.NDArray[np.bool_]:
    """Mask of the ``k`` highest values within each group."""
    order = np.lexsort((-value, group))
    sorted_group = group[order]
    starts = np.searchsorted(sorted_group, sorted_group, side="left")
    rank = np.arange(len(order)) - starts
    mask = np.zeros(len(order), dtype=bool)
    mask[order[rank < k]] = True
    return mask


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
        elif value >= settings.mutual_link_threshold and value >= max(row_best[i], col_best[j]):
            near_best = True  # the best pair of both its claims
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
    """Weakly scored pairs that contradict each other about one event (``event_conflict``)."""
    from claimdiff.evidence import event_conflict  # evidence builds on align's Candidate

    low, high = settings.conflict_link_threshold, settings.link_threshold
    return frozenset(
        (i, j)
        for (i, j), p in zip(scored.pairs, scored.probability, strict=True)
        if low <= p < high and event_conflict(a[i], b[j])
    )


def sibling_conflicts(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    chosen: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Link clauses that contradict a claim already linked to another clause of their sentence.

    "He saw no casualties, but Lang said 12 people had been killed": once the
    first clause links to "no casualties were reported", the second one is
    about the same event, and its contradiction is what the analyst must see.
    """
    from claimdiff.compare import contradicts

    probability = dict(zip(scored.pairs, (float(p) for p in scored.probability), strict=True))
    taken = {(i, j) for i, j, _ in chosen}
    siblings_a = _siblings(a)
    siblings_b = _siblings(b)
    extra = []
    for i, j, _ in chosen:
        around = [(i, k) for k in siblings_b[j]] + [(k, j) for k in siblings_a[i]]
        for pair in around:
            if pair not in taken and contradicts(a[pair[0]], b[pair[1]]):
                taken.add(pair)
                extra.append((pair[0], pair[1], probability.get(pair, 0.0)))
    return extra


def _siblings(claims: Sequence[Claim]) -> list[list[int]]:
    """For each claim, the other claims cut from the same sentence."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        by_sentence[claim.sentence].append(index)
    return [[k for k in by_sentence[c.sentence] if k != index] for index, c in enumerate(claims)]


def evidence_rate(basis: str, note: dict[str, object] | None = None) -> float:
    """The share of links made on ``basis`` that were right when tested, smoothed.

    Counted by ``claimdiff eval --fit`` over the dev pairs, each scored by a
    model fitted on the others (``note.evidence`` in weights.json); a link made
    on the score alone, or a basis never tested, gives 0.
    """
    found = (note if note is not None else combiner.shipped_note()).get("evidence", {})
    counts = found.get(basis) if isinstance(found, dict) else None
    if basis == BY_SCORE or not isinstance(counts, list) or len(counts) != 2:
        return 0.0
    links, right = counts
    return float(right + 1) / float(links + 2)


def link_bases(
    a: Sequence[Claim], b: Sequence[Claim], scored: Scored, settings: Settings
) -> list[tuple[int, int, float, str]]:
    """Choose the links of a scored pair: (i, j, probability, basis) for each."""
    row_best: dict[int, float] = defaultdict(float)
    col_best: dict[int, float] = defaultdict(float)
    for (i, j), p in zip(scored.pairs, scored.probability, strict=True):
        row_best[i] = max(row_best[i], float(p))
        col_best[j] = max(col_best[j], float(p))
    chosen = choose(scored, settings, contradictions(a, b, scored, settings))
    out = []
    for i, j, p in chosen:
        mutual = p >= settings.mutual_link_threshold and p >= max(row_best[i], col_best[j])
        basis = BY_SCORE if p >= settings.link_threshold or mutual else BY_EVENT
        out.append((i, j, p, basis))
    out += [(i, j, p, BY_SIBLING) for i, j, p in sibling_conflicts(a, b, scored, chosen)]
    return out


def candidates(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    settings: Settings,
    note: dict[str, object] | None = None,
) -> list[Candidate]:
    """The links of a scored pair as candidates; evidence links carry their tested rate."""
    out = []
    for i, j, p, basis in link_bases(a, b, scored, settings):
        rate = evidence_rate(basis, note)
        tested = round(rate, 4) if rate > 0 else None
        out.append(Candidate(a[i].id, b[j].id, round(p, 4), basis, tested))
    return out


def align(a: Sequence[Claim], b: Sequence[Claim], settings: Settings) -> list[Candidate]:
    """Return the pairs of claims that should be linked, best first."""
    if not a or not b:
        return []
    return candidates(a, b, score(a, b, settings), settings)
