"""The pair features of many candidate pairs at once, as arrays equal to ``pair_matrix``."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

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
    "bigram_share",
    "date_share",
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
    strings: StringScores | None = None,
) -> Vector:
    """PAIR_FEATURES for each (i, j) in ``pairs``, as ``features.pair_matrix`` gives them.

    ``strings`` holds the string scores of pairs scored before (by blocking).

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
    strings = strings if strings is not None else StringScores(len(b))
    # rapidfuzz scores the strings without the GIL: on a second thread it runs
    # while this one does the array work.
    with ThreadPoolExecutor(max_workers=1) as pool:
        ratios = pool.submit(strings.scores, a, b, rows, cols)
        _word_features(a, b, rows, cols, out)
        _set_features(a, b, rows, cols, out)
        _embedding_features(embeddings, clause_embeddings, rows, cols, out)
        out[:, :2] = ratios.result() / 100.0
    casualties_a = np.asarray([p.casualties for p in a], dtype=bool)
    casualties_b = np.asarray([p.casualties for p in b], dtype=bool)
    out[:, 13] = casualties_a[rows] & casualties_b[cols]
    out[:, 15] = _bigram_share(a, b, rows, cols)
    return out


def _word_features(
    a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index, out: Vector
) -> None:
    """IDF cosine and cover, length ratio and the best clause cosine of every pair."""
    out[:, 2], out[:, 3] = _idf_overlap(a, b, rows, cols)
    size_a = np.asarray([len(p.words) or 1 for p in a], dtype=np.float64)[rows]
    size_b = np.asarray([len(p.words) or 1 for p in b], dtype=np.float64)[cols]
    out[:, 9] = np.minimum(size_a, size_b) / np.maximum(size_a, size_b)
    out[:, 10] = _clause_overlap(a, b, rows, cols)


def _embedding_features(
    embeddings: npt.NDArray[np.float32] | None,
    clause_embeddings: npt.NDArray[np.float32] | None,
    rows: Index,
    cols: Index,
    out: Vector,
) -> None:
    """The embedding cosine of every pair, and the best of it and its clauses' cosine."""
    embedding = embeddings[rows, cols].astype(np.float64) if embeddings is not None else 0.0
    out[:, 8] = embedding
    if clause_embeddings is None:
        out[:, 11] = embedding
    else:
        out[:, 11] = np.maximum(embedding, clause_embeddings[rows, cols].astype(np.float64))


def _bigram_share(a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index) -> Vector:
    """``bigram_share`` of every pair: shared content-lemma bigrams over the fewer of the two."""
    vocabulary: dict[str, int] = {}
    bags_a = _bags([dict.fromkeys(p.bigrams, 1.0) for p in a], vocabulary)
    bags_b = _bags([dict.fromkeys(p.bigrams, 1.0) for p in b], vocabulary)
    _, shared = _shared_sums(bags_a, bags_b, rows, cols, len(vocabulary))
    size_a = np.asarray([len(p.bigrams) for p in a], dtype=np.float64)[rows]
    size_b = np.asarray([len(p.bigrams) for p in b], dtype=np.float64)[cols]
    fewer = np.minimum(size_a, size_b)
    return np.divide(shared, fewer, out=np.zeros(len(rows)), where=fewer > 0)


class StringScores:
    """rapidfuzz token-set and token-sort ratios (0-100) of claim pairs, each pair scored once.

    Blocking ranks 200,000 pairs that may contradict each other by their string
    scores, and a third of them are among the pairs later scored in full: one
    instance serves both, for one pair of documents (``width`` is side B's size).
    """

    def __init__(self, width: int) -> None:
        self.width = width
        self._keys = np.zeros(0, dtype=np.int64)
        self._values = np.zeros((0, 2))

    def scores(
        self, a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index
    ) -> Vector:
        """The two ratios of each (rows[k], cols[k]) pair, as an n x 2 array."""
        key = rows * self.width + cols
        out = np.zeros((len(key), 2))
        if len(self._keys):
            at = np.minimum(np.searchsorted(self._keys, key), len(self._keys) - 1)
            known = self._keys[at] == key
            out[known] = self._values[at[known]]
        else:
            known = np.zeros(len(key), dtype=bool)
        new = np.flatnonzero(~known)
        if not len(new):
            return out
        keys_a = [a[i].key for i in rows[new].tolist()]
        keys_b = [b[j].key for j in cols[new].tolist()]
        for k, scorer in enumerate((fuzz.token_set_ratio, fuzz.token_sort_ratio)):
            out[new, k] = process.cpdist(keys_a, keys_b, scorer=scorer, workers=2, dtype=np.float64)
        self._remember(key[new], out[new])
        return out

    def _remember(self, key: Index, values: Vector) -> None:
        keys = np.concatenate([self._keys, key])
        keys, first = np.unique(keys, return_index=True)
        self._keys, self._values = keys, np.concatenate([self._values, values])[first]


def _set_features(
    a: Sequence[Profile], b: Sequence[Profile], rows: Index, cols: Index, out: Vector
) -> None:
    """Entity, number, unit, event and day features: zero unless both claims have some."""
    out[:, 4], out[:, 5] = set_overlap([p.entities for p in a], [p.entities for p in b], rows, cols)
    # A person named in full on one side and in part on the other is one entity
    # (``events.rename_people``): redo the pairs where both claims name people.
    persons_a = np.asarray([bool(p.persons) for p in a])
    persons_b = np.asarray([bool(p.persons) for p in b])
    for k in np.flatnonzero(persons_a[rows] & persons_b[cols]).tolist():
        x, y = a[int(rows[k])], b[int(cols[k])]
        named = rename_people(x.entities, x.persons, y.persons)
        out[k, 4], out[k, 5] = _share(named, y.entities)
    out[:, 6], out[:, 7] = set_overlap([p.numbers for p in a], [p.numbers for p in b], rows, cols)
    share, _ = set_overlap([p.units for p in a], [p.units for p in b], rows, cols)
    out[:, 12] = share > 0
    out[:, 14], _ = set_overlap([p.events for p in a], [p.events for p in b], rows, cols)
    share, _ = set_overlap([p.days for p in a], [p.days for p in b], rows, cols)
    out[:, 16] = share > 0


def set_overlap(
    sets_a: Sequence[frozenset[str] | frozenset[float]],
    sets_b: Sequence[frozenset[str] | frozenset[float]],
    rows: Index,
    cols: Index,
) -> tuple[Vector, Vector]:
    """For each pair (rows[k], cols[k]): the share of the smaller set found in the other,
    and 1.0 if they share nothing; both 0.0 unless both sets have members."""
    share, clash = np.zeros(len(rows)), np.zeros(len(rows))
    size_a = np.asarray([len(x) for x in sets_a], dtype=np.int64)
    size_b = np.asarray([len(y) for y in sets_b], dtype=np.int64)
    both = np.flatnonzero((size_a[rows] > 0) & (size_b[cols] > 0))
    if not len(both):
        return share, clash
    vocabulary: dict[str | float, int] = {}
    members_a = _members(sets_a, vocabulary)
    members_b = _members(sets_b, vocabulary)
    at_a, owner_a = _expand(members_a[0], rows[both])
    at_b, owner_b = _expand(members_b[0], cols[both])
    found = _found_in(
        owner_a * len(vocabulary) + members_a[1][at_a],
        owner_b * len(vocabulary) + members_b[1][at_b],
    )
    shared = np.bincount(owner_a[found], minlength=len(both))
    smaller = np.minimum(size_a[rows[both]], size_b[cols[both]])
    share[both] = shared / smaller
    clash[both] = shared == 0
    return share, clash


def _share(x: frozenset[str], y: frozenset[str]) -> tuple[float, float]:
    """``set_overlap`` of one pair."""
    if not x or not y:
        return 0.0, 0.0
    shared = len(x & y)
    return shared / min(len(x), len(y)), float(shared == 0)


def _members(
    sets: Sequence[frozenset[str] | frozenset[float]], vocabulary: dict[str | float, int]
) -> tuple[Index, Index]:
    """Each set's members as (start offsets, member ids), set after set, ids ascending."""
    ids = [vocabulary.setdefault(item, len(vocabulary)) for members in sets for item in members]
    starts = np.cumsum([0] + [len(members) for members in sets]).astype(np.int64)
    return starts, _sorted_within(starts, np.asarray(ids, dtype=np.int64))[0]


def _bags(
    items: Sequence[dict[str, float]], vocabulary: dict[str, int]
) -> tuple[Index, Index, Vector]:
    """Each bag's words as (start offsets, word ids, weights), bag after bag, ids ascending."""
    ids = [vocabulary.setdefault(word, len(vocabulary)) for bag in items for word in bag]
    weights = [weight for bag in items for weight in bag.values()]
    starts = np.cumsum([0] + [len(bag) for bag in items]).astype(np.int64)
    ordered, order = _sorted_within(starts, np.asarray(ids, dtype=np.int64))
    return starts, ordered, np.asarray(weights, dtype=np.float64)[order]


def _sorted_within(starts: Index, ids: Index) -> tuple[Index, Index]:
    """``ids`` sorted within each run ``starts[k]:starts[k + 1]``, and the order that does it.

    With every bag's ids ascending, the keys (entry, id) that ``_shared_sums``
    builds ascend too, and finding the shared ones is a binary search, not a sort.
    """
    owner = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts))
    order = np.lexsort((ids, owner))
    return ids[order], order


def _found_in(keys: Index, ascending: Index) -> npt.NDArray[np.bool_]:
    """Which of ``keys`` are in the ascending array ``ascending``."""
    if not len(ascending):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(ascending, keys), len(ascending) - 1)
    return np.asarray(ascending[at] == keys)


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
    shared = _found_in(key_a, key_b)
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
