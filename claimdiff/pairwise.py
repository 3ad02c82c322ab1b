"""The pair features of many candidate pairs at once, as arrays equal to ``pair_matrix``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from claimdiff.events import rename_people
from claimdiff.features import PAIR_FEATURES, Profile, pair_matrix

Vector = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]

ARRAY_FEATURES = (
    "fuzz_set",
    "fuzz_sort",
    "idf_cosine",
    "idf_cover",
    "entity_share",
    "entity_clash",
    "number_share",
    "number_clash",
    "embedding",
    "length_ratio",
    "clause_idf",
    "clause_embedding",
    "unit_share",
    "casualty_both",
    "event_share",
)
"""The features computed here, in order; any other list falls back to ``pair_matrix``."""

MIN_PAIRS = 20_000
"""Below this many pairs the per-pair code is as fast, and array set-up is not worth it."""


def pair_features(
    a: Sequence[Profile],
    b: Sequence[Profile],
    pairs: Sequence[tuple[int, int]],
    embeddings: npt.NDArray[np.float32] | None,
    clause_embeddings: npt.NDArray[np.float32] | None = None,
) -> Vector:
    """PAIR_FEATURES for each (i, j) in ``pairs``, as ``features.pair_matrix`` gives them.

    Blocked alignment of large documents scores 100,000 pairs and more; per
    pair in Python that is most of its time. Here the string scores run in
    rapidfuzz over all pairs at once (on two threads), the IDF overlaps are
    sums over the shared words of all pairs at once, and only the set features
    of the few pairs where both claims have entities, numbers or units loop.
    """
    if PAIR_FEATURES != ARRAY_FEATURES or len(pairs) < MIN_PAIRS:
        return pair_matrix(a, b, pairs, embeddings, clause_embeddings)
    rows = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
    out = np.zeros((len(pairs), len(ARRAY_FEATURES)))
    keys_a, keys_b = [a[i].key for i, _ in pairs], [b[j].key for _, j in pairs]
    for k, scorer in enumerate((fuzz.token_set_ratio, fuzz.token_sort_ratio)):
        scores = process.cpdist(keys_a, keys_b, scorer=scorer, workers=2, dtype=np.float64)
        out[:, k] = scores / 100.0
    out[:, 2], out[:, 3] = _idf_overlap(a, b, rows, cols)
    _set_features(a, b, rows, cols, out)
    embedding = embeddings[rows, cols].astype(np.float64) if embeddings is not None else 0.0
    out[:, 8] = embedding
    size_a = np.asarray([len(p.words) or 1 for p in a], dtype=np.float64)[rows]
    size_b = np.asarray([len(p.words) or 1 for p in b], dtype=np.float64)[cols]
    out[:, 9] = np.minimum(size_a, size_b) / np.maximum(size_a, size_b)
    out[:, 10] = _clause_overlap(a, b, rows, cols)
    if clause_embeddings is None:
        out[:, 11] = embedding
    else:
        out[:, 11] = np.maximum(embedding, clause_embeddings[rows, cols].astype(np.float64))
    casualties_a = np.asarray([p.casualties for p in a], dtype=bool)
    casualties_b = np.asarray([p.casualties for p in b], dtype=bool)
    out[:, 13] = casualties_a[rows] & casualties_b[cols]
    return out


def _set_features(
    a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index, out: Vector
) -> None:
    """Entity, number, unit and event features: zero unless both claims have some."""
    has_a = np.asarray([bool(p.entities or p.numbers or p.units or p.events) for p in a])
    has_b = np.asarray([bool(p.entities or p.numbers or p.units or p.events) for p in b])
    some = np.flatnonzero(has_a[rows] & has_b[cols])
    for k, i, j in zip(some.tolist(), rows[some].tolist(), cols[some].tolist(), strict=True):
        x, y = a[i], b[j]
        if x.entities and y.entities:
            named = rename_people(x.entities, x.persons, y.persons)
            out[k, 4], out[k, 5] = _share(named, y.entities)
        if x.numbers and y.numbers:
            out[k, 6], out[k, 7] = _share(x.numbers, y.numbers)
        if x.units and y.units:
            out[k, 12] = float(bool(x.units & y.units))
        if x.events and y.events:
            out[k, 14] = _share(x.events, y.events)[0]


def _share(
    x: frozenset[str] | frozenset[float], y: frozenset[str] | frozenset[float]
) -> tuple[float, float]:
    shared = len(x & y)
    return shared / min(len(x), len(y)), float(shared == 0)


def _bags(
    items: Sequence[dict[str, float]], vocabulary: dict[str, int]
) -> tuple[Index, Index, Vector]:
    """Each bag's words as (start offsets, word ids, weights), bag after bag."""
    ids: list[int] = []
    weights: list[float] = []
    starts = [0]
    for bag in items:
        for word, weight in bag.items():
            ids.append(vocabulary.setdefault(word, len(vocabulary)))
            weights.append(weight)
        starts.append(len(ids))
    return np.asarray(starts, dtype=np.int64), np.asarray(ids, dtype=np.int64), np.asarray(weights)


def _expand(starts: Index, which: Index) -> tuple[Index, Index]:
    """For each entry of ``which`` (a bag), the positions of its words; and the entry of each."""
    length = starts[which + 1] - starts[which]
    owner = np.repeat(np.arange(len(which), dtype=np.int64), length)
    offset = np.arange(int(length.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(length) - length, length
    )
    return starts[which][owner] + offset, owner


def _shared_sums(
    bags_a: tuple[Index, Index, Vector],
    bags_b: tuple[Index, Index, Vector],
    left: Index,
    right: Index,
    size: int,
) -> tuple[Vector, Vector]:
    """For each (left[k], right[k]) bag pair: the sums of w^2 and of w over shared words.

    The weights are the left bag's, as in ``features.idf_overlap``.
    """
    starts_a, ids_a, weights_a = bags_a
    starts_b, ids_b, _ = bags_b
    at_a, owner_a = _expand(starts_a, left)
    at_b, owner_b = _expand(starts_b, right)
    key_a = owner_a * size + ids_a[at_a]
    key_b = owner_b * size + ids_b[at_b]
    shared = np.isin(key_a, key_b, assume_unique=True)
    weight = weights_a[at_a[shared]]
    owner = owner_a[shared]
    squares = np.bincount(owner, weights=weight * weight, minlength=len(left)).astype(np.float64)
    sums = np.bincount(owner, weights=weight, minlength=len(left)).astype(np.float64)
    return squares, sums


def _idf_overlap(
    a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index
) -> tuple[Vector, Vector]:
    """``features.idf_overlap`` of every pair: IDF cosine and cover of the shorter claim."""
    vocabulary: dict[str, int] = {}
    bags_a = _bags([p.weights for p in a], vocabulary)
    bags_b = _bags([p.weights for p in b], vocabulary)
    dot, mass = _shared_sums(bags_a, bags_b, rows, cols, len(vocabulary))
    norm_a = np.asarray([p.norm for p in a])[rows]
    norm_b = np.asarray([p.norm for p in b])[cols]
    total_a = np.asarray([sum(p.weights.values()) for p in a])[rows]
    total_b = np.asarray([sum(p.weights.values()) for p in b])[cols]
    smaller = np.minimum(total_a, total_b)
    smaller[smaller == 0] = 1.0
    found = mass > 0
    cosine = np.where(found, dot / (norm_a * norm_b), 0.0)
    cover = np.where(found, np.minimum(1.0, mass / smaller), 0.0)
    return cosine, cover


def _clause_overlap(a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index) -> Vector:
    """``features.clause_overlap`` of every pair: the best IDF cosine of two clauses."""
    vocabulary: dict[str, int] = {}
    bags_a = _bags([s.weights for p in a for s in p.segments], vocabulary)
    bags_b = _bags([s.weights for p in b for s in p.segments], vocabulary)
    first_a = np.cumsum([0] + [len(p.segments) for p in a])
    first_b = np.cumsum([0] + [len(p.segments) for p in b])
    count_a = (first_a[1:] - first_a[:-1])[rows]
    count_b = (first_b[1:] - first_b[:-1])[cols]
    # Every clause pair of every claim pair: pair k has count_a[k] * count_b[k] of them.
    per_pair = count_a * count_b
    pair = np.repeat(np.arange(len(rows), dtype=np.int64), per_pair)
    within = np.arange(int(per_pair.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(per_pair) - per_pair, per_pair
    )
    left = first_a[rows][pair] + within // count_b[pair]
    right = first_b[cols][pair] + within % count_b[pair]
    dot, mass = _shared_sums(bags_a, bags_b, left, right, len(vocabulary))
    norms_a = np.asarray([s.norm for p in a for s in p.segments])
    norms_b = np.asarray([s.norm for p in b for s in p.segments])
    value = np.where(mass > 0, dot / (norms_a[left] * norms_b[right]), 0.0)
    best = np.zeros(len(rows))
    np.maximum.at(best, pair, value)
    return best
