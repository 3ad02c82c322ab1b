"""Candidate pairs for alignment: every pair of small documents, blocked pairs of large ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from claimdiff import embed
from claimdiff.features import Profile
from claimdiff.model import Claim
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
    keys: list[Index] = []
    words_a = [(p.weights, p.norm) for p in a]
    words_b = [(p.weights, p.norm) for p in b]
    rows, cols, cosine = shared_weight(words_a, words_b, settings)
    # Variants of one sentence that differ by common words (names from a small pool)
    # tie on their key words: keep them all rather than an arbitrary eight.
    keys.append(_nearest(rows, cols, cosine, len(b), settings.block_top_k, ties=True))
    keys.append(_orphan_keys(words_a, words_b, rows, cols, settings))
    if settings.block_clause_k:
        keys.append(_clause_keys(a, b, settings))
    if similarity is not None and settings.block_embed_k:
        keys.append(embedding_neighbours(similarity, settings.block_embed_k))
    if claims is not None and settings.block_evidence_k:
        found = _evidence_pairs(a, b, claims)
        ei, ej = found // len(b), found % len(b)
        shared = _lookup(rows * len(b) + cols, cosine, found)
        value = evidence_logit(a, b, ei, ej, shared, similarity)
        keys.append(_nearest(ei, ej, value, len(b), settings.block_evidence_k))
    found = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return list(zip((found // len(b)).tolist(), (found % len(b)).tolist(), strict=True))


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
    keep = top_k(rows, value, k, ties) | top_k(cols, value, k, ties)
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
    # The best clause pair of each claim pair stands for the pair.
    key = owner_a[rows] * len(b) + owner_b[cols]
    order = np.lexsort((-value, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    best = order[first]
    return _nearest(
        owner_a[rows[best]], owner_b[cols[best]], value[best], len(b), settings.block_clause_k
    )


def _evidence_pairs(
    a: Sequence[Profile],
    b: Sequence[Profile],
    claims: tuple[Sequence[Claim], Sequence[Claim]],
) -> Index:
    """Keys of the pairs that could contradict each other about one event.

    A pair that shares few words still links when it contradicts itself about
    one event (``evidence.event_conflict``): figures of one unit, a toll against
    "no casualties", one word graded both ways, different names for one kind of
    event. Each of these needs the two claims to share a key made here, so
    pairs sharing one are candidates, however little wording they share.
    """
    keys_a = [
        (dict.fromkeys(evidence_keys(c, p, 0), 1.0), 1.0) for c, p in zip(claims[0], a, strict=True)
    ]
    keys_b = [
        (dict.fromkeys(evidence_keys(c, p, 1), 1.0), 1.0) for c, p in zip(claims[1], b, strict=True)
    ]
    vocabulary: dict[str, int] = {}
    side_a, side_b = _postings(keys_a, vocabulary), _postings(keys_b, vocabulary)
    rows, cols, _ = _join(side_a, side_b, len(vocabulary), (len(a), len(b)))
    return np.unique(rows * len(b) + cols)


def evidence_logit(
    a: Sequence[Profile],
    b: Sequence[Profile],
    rows: Index,
    cols: Index,
    cosine: Floats,
    similarity: npt.NDArray[np.float32] | None,
) -> Floats:
    """A cheap estimate of the link model's logit for each (rows, cols) pair.

    A contradicting pair links on a low score, so which of a claim's many such
    pairs link depends on the score itself, not on how alike the two read. The
    features that are cheap to get for many pairs enter the shipped model as
    they are; the others sit at their mean, where they add nothing.
    """
    from claimdiff import combiner

    model = combiner.shipped()["pairs" if similarity is not None else "pairs_lexical"]
    known: dict[str, Floats] = {"idf_cosine": cosine}
    if similarity is not None:
        known["embedding"] = similarity[rows, cols].astype(np.float64)
    size_a = np.asarray([len(p.words) or 1 for p in a], dtype=np.float64)
    size_b = np.asarray([len(p.words) or 1 for p in b], dtype=np.float64)
    la, lb = size_a[rows], size_b[cols]
    known["length_ratio"] = np.minimum(la, lb) / np.maximum(la, lb)
    keys_a = [a[i].key for i in rows.tolist()]
    keys_b = [b[j].key for j in cols.tolist()]
    known["fuzz_set"] = (
        process.cpdist(keys_a, keys_b, scorer=fuzz.token_set_ratio, workers=-1) / 100.0
    )
    known["fuzz_sort"] = (
        process.cpdist(keys_a, keys_b, scorer=fuzz.token_sort_ratio, workers=-1) / 100.0
    )
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    known["unit_share"] = np.asarray([bool(a[i].units & b[j].units) for i, j in pairs], dtype=float)
    known["event_share"] = np.asarray([_share(a[i].events, b[j].events) for i, j in pairs])
    known["number_share"] = np.asarray([_share(a[i].numbers, b[j].numbers) for i, j in pairs])
    logit = np.full(len(rows), model.bias)
    for name, mean, scale, weight in zip(
        model.features, model.mean, model.scale, model.weights, strict=True
    ):
        if name in known:
            logit += weight * (known[name] - mean) / scale
    return logit


def _share(x: frozenset[str] | frozenset[float], y: frozenset[str] | frozenset[float]) -> float:
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def evidence_keys(claim: Claim, prof: Profile, side: int) -> set[str]:
    """Keys two claims share when they may contradict each other about one event.

    Side B's keys for opposite states are flipped ("no casualties" meets "some").
    """
    from claimdiff.compare import GENERIC_UNITS
    from claimdiff.events import graded
    from claimdiff.slots import amounts, casualty_claim, entity_lists

    keys = set()
    for amount in amounts(claim):
        if amount.unit and amount.unit not in GENERIC_UNITS:
            keys.add(f"unit {amount.unit}")
        elif amount.unit:
            keys.update(f"unit {amount.unit} {event}" for event in prof.events)
    state = casualty_claim(claim)
    if state:
        keys.add(f"casualty {state if side == 0 else {'none': 'some', 'some': 'none'}[state]}")
    for head, (_, positive) in graded(claim).items():
        keys.add(f"graded {head} {positive != bool(side)}")
    if entity_lists(claim):  # names match loosely ("N.Y." / "New York"): key on the event
        keys.update(f"list {event}" for event in prof.events)
    return keys


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
    vocabulary: dict[str, int] = {}
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


def _postings(
    items: Sequence[tuple[dict[str, float], float]], vocabulary: dict[str, int]
) -> tuple[Index, Index, Floats]:
    """(item, word id, weight) per word of each item, sorted by word id."""
    owner, word, weight = [], [], []
    for index, (weights, _) in enumerate(items):
        for text, value in weights.items():
            owner.append(index)
            word.append(vocabulary.setdefault(text, len(vocabulary)))
            weight.append(value)
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


def top_k(group: Index, value: Floats, k: int, ties: bool = False) -> npt.NDArray[np.bool_]:
    """Mask of the ``k`` highest values within each group (and, with ``ties``, all equal
    to the k-th)."""
    # Two stable sorts (by value, then by group; radix sort for the integers) are
    # faster than np.lexsort on a million pairs.
    by_value = np.argsort(-value, kind="stable")
    order = by_value[np.argsort(group[by_value], kind="stable")]
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
