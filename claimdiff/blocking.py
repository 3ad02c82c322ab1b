"""Candidate pairs for alignment: every pair of small documents, blocked pairs of large ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

from claimdiff import embed
from claimdiff.evidence_keys import claim_keys, evidence_logit
from claimdiff.features import Profile
from claimdiff.memo import per_object
from claimdiff.model import Claim
from claimdiff.pairwise import StringScores
from claimdiff.settings import Settings

Pairs = list[tuple[int, int]]
Index = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def candidate_pairs(
    a: Sequence[Profile],
    b: Sequence[Profile],
    settings: Settings,
    similarity: npt.NDArray[np.float32] | None = None,
    claims: tuple[Sequence[Claim], Sequence[Claim]] | None = None,
    strings: StringScores | None = None,
) -> Pairs:
    """All pairs for small documents; for large ones, each claim's nearest claims.

    Blocking keeps, for every claim, in both directions: the ``block_top_k``
    claims of the other document with the highest IDF cosine over the words
    they share, the ``block_clause_k`` with the best clause cosine (one clause
    of a long sentence can match a short claim), and, when ``similarity`` (the
    a-by-b embedding cosines) is given, its ``block_embed_k`` nearest
    neighbours by embedding: paraphrases that share few rare words. Words found
    in more than ``block_max_share`` of either document's claims are not keys:
    they pair everything with everything.
    """
    if len(a) * len(b) <= settings.exhaustive_pairs:
        return [(i, j) for i in range(len(a)) for j in range(len(b))]
    found = None
    strings = strings if strings is not None else StringScores(len(b))
    # The word and clause joins are array work, mostly done with the GIL released;
    # on a second thread they run while this one finds the evidence keys (Python)
    # and has rapidfuzz score the evidence pairs' strings (no GIL again).
    with ThreadPoolExecutor(max_workers=1) as pool:
        lexical = pool.submit(_lexical_keys, a, b, settings)
        if claims is not None and settings.block_evidence_k:
            found = _evidence_pairs(a, b, claims)
            strings.scores(a, b, found // len(b), found % len(b))
        keys, (rows, cols, cosine) = lexical.result()
    if similarity is not None and settings.block_embed_k:
        keys.append(embedding_neighbours(similarity, settings.block_embed_k))
    if found is not None:
        ei, ej = found // len(b), found % len(b)
        shared = _lookup(rows * len(b) + cols, cosine, found)
        value = evidence_logit(a, b, ei, ej, shared, similarity, strings)
        keys.append(_nearest(ei, ej, value, len(b), settings.block_evidence_k))
    found = np.unique(np.concatenate(keys))
    return list(zip((found // len(b)).tolist(), (found % len(b)).tolist(), strict=True))


def _lexical_keys(
    a: Sequence[Profile], b: Sequence[Profile], settings: Settings
) -> tuple[list[Index], tuple[Index, Index, Floats]]:
    """Keys of each claim's nearest claims by key words, by all words (for claims with few
    key words) and by clause; and every pair sharing a key word, with its cosine."""
    words_a = [(p.weights, p.norm) for p in a]
    words_b = [(p.weights, p.norm) for p in b]
    rows, cols, cosine = shared_weight(words_a, words_b, settings)
    # Variants of one sentence that differ by common words (names from a small pool)
    # tie on their key words: keep them all rather than an arbitrary eight.
    keys = [_nearest(rows, cols, cosine, len(b), settings.block_top_k, ties=True)]
    keys.append(_orphan_keys(words_a, words_b, rows, cols, settings))
    if settings.block_clause_k:
        keys.append(_clause_keys(a, b, settings))
    return keys, (rows, cols, cosine)


def _orphan_keys(
    words_a: Sequence[tuple[dict[str, float], float]],
    words_b: Sequence[tuple[dict[str, float], float]],
    rows: Index,
    cols: Index,
    settings: Settings,
) -> Index:
    """Keys of the nearest claims, by all their words, of claims with few key-word partners.

    "He wants to kill him" has only common words, so no word of it is a key;
    such a claim is compared, by all its words however common, with the whole
    other side.
    """
    k = settings.block_top_k
    found = [np.zeros(0, dtype=np.int64)]
    rare = _rare_words(words_a, words_b, settings)
    for side, (mine, theirs, partners) in enumerate(
        ((words_a, words_b, rows), (words_b, words_a, cols))
    ):
        count = np.bincount(partners, minlength=len(mine))
        keys = np.asarray([len(rare & bag.keys()) for bag, _ in mine])
        few = np.flatnonzero((count < k) | (keys < ORPHAN_KEYS))
        if not len(few):
            continue
        subset = [mine[i] for i in few.tolist()]
        r, c, value = shared_weight(subset, theirs, settings, limit=False)
        _, _, cover = shared_weight(subset, theirs, settings, limit=False, cover=True)
        r = few[r]
        pairs = r * len(words_b) + c if side == 0 else c * len(words_b) + r
        # Nearest by cosine, and by the share of the short claim found in the other.
        found.append(pairs[top_k(r, value, k) | top_k(r, cover, k)])
    return np.concatenate(found)


ORPHAN_KEYS = 3
"""A claim with fewer key words than this is also compared by all its words."""


def _rare_words(
    words_a: Sequence[tuple[dict[str, float], float]],
    words_b: Sequence[tuple[dict[str, float], float]],
    settings: Settings,
) -> set[str]:
    """The words that are keys: in at most ``block_max_share`` of each side's claims."""
    counts = [Counter(w for bag, _ in side for w in bag) for side in (words_a, words_b)]
    caps = [_cap(len(side), settings) for side in (words_a, words_b)]
    return {w for w, n in counts[0].items() if n <= caps[0] and counts[1].get(w, 0) <= caps[1]}


def _cap(size: int, settings: Settings, limit: bool = True) -> int:
    """The most items of ``size`` a key word may be found in."""
    if not limit:
        return max(2, size)
    return max(2, min(int(settings.block_max_share * size), settings.block_max_postings))


def _lookup(keys: Index, values: Floats, wanted: Index) -> Floats:
    """The value of each wanted key among sorted ``keys``; 0 where it is missing."""
    out = np.zeros(len(wanted))
    if len(keys):
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        hit = keys[at] == wanted
        out[hit] = values[at[hit]]
    return out


def _nearest(
    rows: Index, cols: Index, value: Floats, width: int, k: int, ties: bool = False
) -> Index:
    """Keys (row * width + col) of the ``k`` best pairs of every row and every column."""
    if not len(rows) or k <= 0:
        return np.zeros(0, dtype=np.int64)
    by_value = np.argsort(-value, kind="stable")
    keep = top_k(rows, value, k, ties, by_value) | top_k(cols, value, k, ties, by_value)
    return rows[keep] * width + cols[keep]


def _clause_keys(a: Sequence[Profile], b: Sequence[Profile], settings: Settings) -> Index:
    """Keys of the claims with the best clause-to-clause IDF cosine, per claim."""
    owner_a = np.asarray([i for i, p in enumerate(a) for _ in p.segments], dtype=np.int64)
    owner_b = np.asarray([j for j, p in enumerate(b) for _ in p.segments], dtype=np.int64)
    clauses_a = [(s.weights, s.norm) for p in a for s in p.segments]
    clauses_b = [(s.weights, s.norm) for p in b for s in p.segments]
    rows, cols, value = shared_weight(clauses_a, clauses_b, settings, owners=(len(a), len(b)))
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    # The best clause pair of each claim pair stands for the pair. The keys come
    # nearly sorted (by clause of side A), which a stable sort (timsort) is quick at.
    key = owner_a[rows] * len(b) + owner_b[cols]
    order = np.argsort(key, kind="stable")
    key = key[order]
    first = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    best = np.maximum.reduceat(value[order], first)
    key = key[first]
    return _nearest(key // len(b), key % len(b), best, len(b), settings.block_clause_k)


def _evidence_pairs(
    a: Sequence[Profile],
    b: Sequence[Profile],
    claims: tuple[Sequence[Claim], Sequence[Claim]],
) -> Index:
    """Keys of the pairs that could contradict each other about one event, or give one figure.

    A pair that shares few words still links when it contradicts itself about
    one event (``evidence.event_conflict``): figures of one unit, a toll against
    "no casualties", one word graded both ways, different names for one kind of
    event. Each of these needs the two claims to share a key made here, so
    pairs sharing one are candidates, however little wording they share. So are
    pairs giving one figure in one unit: where "20" and "percent" are too common
    in a long document to be key words, "20 percent" still is a key.
    """
    keys_a = [(dict.fromkeys(claim_keys(c, 0) | figure_keys(c), 1.0), 1.0) for c in claims[0]]
    keys_b = [(dict.fromkeys(claim_keys(c, 1) | figure_keys(c), 1.0), 1.0) for c in claims[1]]
    vocabulary = _vocabulary(keys_a, keys_b)
    side_a, side_b = _postings(keys_a, vocabulary), _postings(keys_b, vocabulary)
    rows, cols, _ = _join(side_a, side_b, len(vocabulary), (len(a), len(b)))
    return np.unique(rows * len(b) + cols)


@per_object
def figure_keys(claim: Claim) -> frozenset[str]:
    """One key per figure with a unit: two claims that give "20 percent" may report one fact."""
    from claimdiff.slots import amounts

    return frozenset(f"figure {x.value:g} {x.unit}" for x in amounts(claim) if x.unit)


def shared_weight(
    a: Sequence[tuple[dict[str, float], float]],
    b: Sequence[tuple[dict[str, float], float]],
    settings: Settings,
    owners: tuple[int, int] | None = None,
    *,
    limit: bool = True,
    cover: bool = False,
) -> tuple[Index, Index, Floats]:
    """(row, col, IDF cosine over shared key words) for every pair sharing a key word.

    Each item is a bag of words with its IDF weights and its norm. A word in
    more than ``block_max_share`` of the items (of the ``owners`` claims, when
    items are clauses of claims) is not a key. The cosine counts only key words,
    so it is a lower bound of the full IDF cosine, which differs by the common
    words' small weights. With ``limit`` off, every shared word counts. With
    ``cover``, the value is instead the share of the smaller bag's weight that
    the other holds (``features.idf_overlap``'s cover).
    """
    vocabulary = _vocabulary(a, b)
    side_a = _postings(a, vocabulary)
    side_b = _postings(b, vocabulary)
    size_a, size_b = owners or (len(a), len(b))
    caps = (_cap(size_a, settings, limit), _cap(size_b, settings, limit))
    rows, cols, word = _join(side_a, side_b, len(vocabulary), caps)
    if not len(rows):
        return rows, cols, np.zeros(0)
    weight = side_a[2]
    norms_a = np.asarray([norm for _, norm in a])
    norms_b = np.asarray([norm for _, norm in b])
    key = rows * len(b) + cols
    unique, inverse = np.unique(key, return_inverse=True)
    ui, uj = unique // len(b), unique % len(b)
    if cover:
        mass = np.bincount(inverse, weights=weight[word])
        totals_a = np.asarray([sum(bag.values()) for bag, _ in a])
        totals_b = np.asarray([sum(bag.values()) for bag, _ in b])
        smaller = np.maximum(np.minimum(totals_a[ui], totals_b[uj]), 1e-9)
        return ui, uj, np.minimum(1.0, mass / smaller)
    dot = np.bincount(inverse, weights=weight[word] ** 2)
    return ui, uj, dot / (norms_a[ui] * norms_b[uj])


def _vocabulary(*sides: Sequence[tuple[dict[str, float], float]]) -> dict[str, int]:
    """Every word of the bags, numbered in sorted order.

    Sums over a pair's shared words then run in one order, whatever the order
    of the sets the bags were made from (it varies with the hash seed): the
    ranks of near-equal pairs, and so the candidates, are the same in every run.
    """
    words = {text for side in sides for weights, _ in side for text in weights}
    return {text: k for k, text in enumerate(sorted(words))}


def _postings(
    items: Sequence[tuple[dict[str, float], float]], vocabulary: dict[str, int]
) -> tuple[Index, Index, Floats]:
    """(item, word id, weight) per word of each item, sorted by word id."""
    owner = [index for index, (weights, _) in enumerate(items) for _ in weights]
    word = [vocabulary[text] for weights, _ in items for text in weights]
    weight = [value for weights, _ in items for value in weights.values()]
    words = np.asarray(word, dtype=np.int64)
    order = np.argsort(words, kind="stable")
    return (
        np.asarray(owner, dtype=np.int64)[order],
        words[order],
        np.asarray(weight, dtype=np.float64)[order],
    )


def _join(
    side_a: tuple[Index, Index, Floats],
    side_b: tuple[Index, Index, Floats],
    vocabulary: int,
    caps: tuple[int, int],
) -> tuple[Index, Index, Index]:
    """Every (a item, b item, a posting) that share a word found in at most ``caps`` items.

    The cross product of each word's two postings lists, built with array
    arithmetic rather than a Python loop over words.
    """
    owner_a, word_a, _ = side_a
    owner_b, word_b, _ = side_b
    count_a = np.bincount(word_a, minlength=vocabulary)
    count_b = np.bincount(word_b, minlength=vocabulary)
    start_b = np.concatenate([[0], np.cumsum(count_b)[:-1]])
    usable = (count_a > 0) & (count_b > 0) & (count_a <= caps[0]) & (count_b <= caps[1])
    postings = np.flatnonzero(usable[word_a])
    if not len(postings):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    width = count_b[word_a[postings]]
    posting = np.repeat(postings, width)
    block = np.repeat(np.cumsum(width) - width, width)
    within = np.arange(len(posting)) - block
    return owner_a[posting], owner_b[start_b[word_a[posting]] + within], posting


def embedding_neighbours(similarity: npt.NDArray[np.float32], k: int) -> Index:
    """Keys (row * width + col) of each row's and each column's ``k`` most similar cells."""
    n, m = similarity.shape
    if not n or not m:
        return np.zeros(0, dtype=np.int64)
    kr, kc = min(k, m), min(k, n)
    best_cols = np.argpartition(-similarity, kr - 1, axis=1)[:, :kr]
    best_rows = np.argpartition(-similarity, kc - 1, axis=0)[:kc, :]
    by_row = np.arange(n)[:, None] * m + best_cols
    by_col = best_rows * m + np.arange(m)[None, :]
    return np.concatenate([by_row.ravel(), by_col.ravel()]).astype(np.int64)


def top_k(
    group: Index,
    value: Floats,
    k: int,
    ties: bool = False,
    by_value: Index | None = None,
) -> npt.NDArray[np.bool_]:
    """Mask of the ``k`` highest values within each group (and, with ``ties``, all equal
    to the k-th). ``by_value``, if given, is ``argsort(-value, kind="stable")``.

    Equal values rank in their input order: callers pass pairs in key order, so
    the same pairs win in every run.
    """
    # Two stable sorts (by value, then by group) are faster than np.lexsort on a
    # million pairs; the group sort is a radix sort when the groups fit 16 bits.
    if by_value is None:
        by_value = np.argsort(-value, kind="stable")
    grouped = group[by_value]
    if len(grouped) and int(grouped.max()) < 1 << 16 and int(grouped.min()) >= 0:
        grouped = grouped.astype(np.uint16)
    order = by_value[np.argsort(grouped, kind="stable")]
    sorted_group = group[order]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = sorted_group[1:] != sorted_group[:-1]
    starts = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - starts
    mask = np.zeros(len(order), dtype=bool)
    mask[order[rank < k]] = True
    if ties:
        kth = np.full(int(group.max()) + 1 if len(group) else 0, np.inf)
        at_k = rank == k - 1
        kth[sorted_group[at_k]] = value[order[at_k]]
        mask |= value >= kth[group] * (1 - TIE)
    return mask


TIE = 0.02
"""Values within this share of each other count as equal: variants of one sentence that
differ by a name tie on their key words."""


def clause_cosine(a: Sequence[Profile], b: Sequence[Profile]) -> npt.NDArray[np.float32]:
    """For every claim pair, the best embedding cosine between a clause of each."""
    starts_a = np.cumsum([0] + [len(p.segments) for p in a[:-1]])
    starts_b = np.cumsum([0] + [len(p.segments) for p in b[:-1]])
    ea = embed.embed([s.text for p in a for s in p.segments])
    eb = embed.embed([s.text for p in b for s in p.segments])
    full = embed.cosine(ea, eb)
    rows = np.maximum.reduceat(full, starts_a, axis=0)
    return np.maximum.reduceat(rows, starts_b, axis=1)
