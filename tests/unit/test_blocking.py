"""Blocking: the sparse joins equal brute force, and the keys keep what can link."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from claimdiff.blocking import candidate_pairs, embedding_neighbours, shared_weight, top_k
from claimdiff.evidence import event_conflict
from claimdiff.evidence_keys import claim_keys, evidence_keys
from claimdiff.features import profile
from claimdiff.model import Claim, Entity
from claimdiff.settings import Settings


def claim(text: str, index: int = 0, doc: int = 0, **slots: object) -> Claim:
    return Claim(index, doc, 0, len(text), text, **slots)  # type: ignore[arg-type]


def bags(rng: random.Random, count: int, vocabulary: int) -> list[tuple[dict[str, float], float]]:
    out = []
    for _ in range(count):
        words = rng.sample(range(vocabulary), rng.randint(0, 6))
        weights = {f"w{k}": 1.0 + k % 7 for k in words}
        out.append((weights, float(np.sqrt(sum(v * v for v in weights.values()))) or 1.0))
    return out


# Each case: seed, items per side, vocabulary size, block_max_share.
JOIN_CASES = [
    (1, 40, 30, 1.0),  # no cap: every shared word is a key
    (2, 60, 25, 0.1),  # common words (in more than 6 items) are not keys
    (3, 5, 400, 0.5),  # few items, rare words: most pairs share nothing
]


@pytest.mark.parametrize(("seed", "count", "vocabulary", "share"), JOIN_CASES)
def test_shared_weight_equals_brute_force(
    seed: int, count: int, vocabulary: int, share: float
) -> None:
    rng = random.Random(seed)
    a, b = bags(rng, count, vocabulary), bags(rng, count + 3, vocabulary)
    settings = Settings(block_max_share=share)
    rows, cols, value = shared_weight(a, b, settings)
    got = {(i, j): v for i, j, v in zip(rows.tolist(), cols.tolist(), value.tolist(), strict=True)}
    cap_a, cap_b = max(2, int(share * len(a))), max(2, int(share * len(b)))
    in_a = {w: sum(w in x for x, _ in a) for x, _ in a for w in x}
    in_b = {w: sum(w in y for y, _ in b) for y, _ in b for w in y}
    expected = {}
    for (i, (x, nx)), (j, (y, ny)) in itertools.product(enumerate(a), enumerate(b)):
        keys = [w for w in x.keys() & y.keys() if in_a[w] <= cap_a and in_b[w] <= cap_b]
        if keys:
            expected[(i, j)] = sum(x[w] ** 2 for w in keys) / (nx * ny)
    assert got.keys() == expected.keys()
    assert all(abs(got[p] - expected[p]) < 1e-12 for p in expected)
    assert expected  # the case joins something


def test_top_k_keeps_the_best_of_each_group() -> None:
    rng = np.random.default_rng(5)
    group = rng.integers(0, 12, 300)
    value = rng.random(300)
    mask = top_k(group, value, 3)
    for g in range(12):
        members = np.flatnonzero(group == g)
        best = set(members[np.argsort(-value[members])][:3].tolist())
        assert set(np.flatnonzero(mask & (group == g)).tolist()) == best


def test_embedding_neighbours_are_each_rows_and_columns_best() -> None:
    rng = np.random.default_rng(9)
    similarity = rng.random((30, 20)).astype(np.float32)
    found = set(embedding_neighbours(similarity, 2).tolist())
    expected = set()
    for i in range(30):
        expected |= {i * 20 + int(j) for j in np.argsort(-similarity[i])[:2]}
    for j in range(20):
        expected |= {int(i) * 20 + j for i in np.argsort(-similarity[:, j])[:2]}
    assert found == expected


# Pairs that contradict each other about one event; blocking must give them a shared key.
CONFLICTS = [
    # a toll against "no casualties"
    ("No casualties were reported.", "Twelve people were killed in the blast."),
    # one word graded both ways
    ("The hospital was insufficiently equipped.", "The hospital was well equipped."),
    # figures of a specific unit
    ("The storm destroyed five villages.", "Seven villages were flattened by the storm."),
    ("The company paid 40 million dollars.", "The firm paid 55 million dollars."),
    # figures of a generic unit under one kind of event, both saying the same of them
    ("Seven people died in the attack.", "The attack killed 11 people."),
]
PREDICATES = {
    "died": "die",
    "killed": "kill",
    "destroyed": "destroy",
    "flattened": "flatten",
    "paid": "pay",
}


def _predicate(text: str) -> str | None:
    return next((lemma for word, lemma in PREDICATES.items() if word in text), None)


@pytest.mark.parametrize(("text_a", "text_b"), CONFLICTS)
def test_contradicting_pairs_share_an_evidence_key(text_a: str, text_b: str) -> None:
    a = claim(text_a, predicate=_predicate(text_a))
    b = claim(text_b, doc=1, predicate=_predicate(text_b))
    assert event_conflict(a, b)
    keys_a = evidence_keys(a, profile(a), 0)
    keys_b = evidence_keys(b, profile(b), 1)
    assert keys_a & keys_b


TEXTS = [text for pair in CONFLICTS for text in pair] + [
    "Stocks rose 3 percent on Monday.",
    "The index fell 2 percent.",
    "Iran and North Korea condemned the strike.",
    "Russia and Iran condemned the strike.",
    "The minister visited the port.",
    "Twenty people were injured in the fire.",
]


def test_every_conflict_among_many_claims_shares_a_key() -> None:
    a = [claim(t, k) for k, t in enumerate(TEXTS)]
    b = [claim(t, k, doc=1) for k, t in enumerate(TEXTS)]
    conflicts = 0
    for x, y in itertools.product(a, b):
        if event_conflict(x, y):
            conflicts += 1
            assert evidence_keys(x, profile(x), 0) & evidence_keys(y, profile(y), 1), (x, y)
    assert conflicts >= len(CONFLICTS)


def test_different_lists_of_names_for_one_event_share_a_key() -> None:
    text_a, text_b = "Iran and North Korea condemned the strike.", "Russia and Iran slammed it."
    a = claim(
        text_a,
        entities=(Entity("Iran", "Iran", "GPE", 0, 4), Entity("North Korea", "N.K.", "GPE", 9, 20)),
    )
    b = claim(
        text_b,
        doc=1,
        entities=(Entity("Russia", "Russia", "GPE", 0, 6), Entity("Iran", "Iran", "GPE", 11, 15)),
    )
    assert event_conflict(a, b)
    assert evidence_keys(a, profile(a), 0) & evidence_keys(b, profile(b), 1)


def test_small_documents_are_scored_exhaustively() -> None:
    a = [profile(claim(t, k)) for k, t in enumerate(TEXTS[:4])]
    b = [profile(claim(t, k, doc=1)) for k, t in enumerate(TEXTS[:3])]
    assert candidate_pairs(a, b, Settings()) == [(i, j) for i in range(4) for j in range(3)]


def test_blocking_adds_contradictions_and_embedding_neighbours() -> None:
    texts_a = ["No casualties were reported.", "The port reopened on Monday."]
    texts_b = ["The ferry service resumed.", "Twelve people were killed in the blast."]
    claims_a = [claim(t, k) for k, t in enumerate(texts_a)]
    claims_b = [claim(t, k, doc=1) for k, t in enumerate(texts_b)]
    a, b = [profile(c) for c in claims_a], [profile(c) for c in claims_b]
    forced = Settings(exhaustive_pairs=0, block_embed_k=1)
    # the two share no word: without evidence keys or embeddings nothing pairs them
    assert candidate_pairs(a, b, forced) == []
    assert (0, 1) in candidate_pairs(a, b, forced, claims=(claims_a, claims_b))
    similarity = np.asarray([[0.1, 0.2], [0.9, 0.3]], dtype=np.float32)
    with_neighbours = candidate_pairs(a, b, forced, similarity)
    assert (1, 0) in with_neighbours  # the port and the ferry: paraphrase-like neighbours


def test_claims_giving_one_figure_in_one_unit_are_candidates() -> None:
    # Every claim has "62" and "percent", so neither word is a key; only the first claims
    # give 62 percent, and that is their key. Their key words lead elsewhere: to two
    # claims on the other side that name Harrisburg, or Montana.
    texts_a = ["Turnout in Harrisburg reached 62 percent on Sunday."]
    texts_a += [f"Montana group{k} holds 62 seats in region{k}, {k + 100} percent." for k in (0, 1)]
    texts_a += [f"Group{k} holds 62 seats in region{k}, {k + 100} percent." for k in range(2, 30)]
    texts_b = ["Nearly 62 percent of Montana voters cast ballots."]
    texts_b += [f"Harrisburg district{k} cast 62 votes, {k + 200} percent." for k in (0, 1)]
    texts_b += [f"District{k} cast 62 votes in county{k}, {k + 200} percent." for k in range(2, 30)]
    claims_a = [claim(t, k) for k, t in enumerate(texts_a)]
    claims_b = [claim(t, k, doc=1) for k, t in enumerate(texts_b)]
    a, b = [profile(c) for c in claims_a], [profile(c) for c in claims_b]
    settings = Settings(exhaustive_pairs=0, block_max_share=0.1, block_top_k=2, block_clause_k=0)
    assert (0, 0) not in candidate_pairs(a, b, settings)
    found = candidate_pairs(a, b, settings, claims=(claims_a, claims_b))
    assert (0, 0) in found
    assert len(found) < len(a) * len(b) / 4  # no other pair shares a figure


def test_a_claim_of_common_words_meets_its_nearest_claims() -> None:
    # "wolves" and "want" are in every claim, so they are no keys; the first claims
    # share nothing else, yet are each other's nearest by all their words.
    texts_a = ["Wolves want it."] + [f"Wolves want food{k} and shelter{k}." for k in range(19)]
    texts_b = ["The wolves want it badly."] + [
        f"Wolves want thing{k} at place{k}." for k in range(19)
    ]
    a = [profile(claim(t, k)) for k, t in enumerate(texts_a)]
    b = [profile(claim(t, k, doc=1)) for k, t in enumerate(texts_b)]
    settings = Settings(exhaustive_pairs=0, block_max_share=0.1, block_top_k=2, block_clause_k=0)
    found = candidate_pairs(a, b, settings)
    assert (0, 0) in found
    assert len(found) < len(a) * len(b) / 4  # still blocked


def test_top_k_with_ties_keeps_every_pair_equal_to_the_kth() -> None:
    group = np.asarray([0, 0, 0, 0, 0, 1, 1], dtype=np.int64)
    value = np.asarray([0.9, 0.5, 0.5, 0.5, 0.1, 0.3, 0.2])
    assert top_k(group, value, 2).tolist() == [True, True, False, False, False, True, True]
    with_ties = top_k(group, value, 2, ties=True)
    assert with_ties.tolist() == [True, True, True, True, False, True, True]


def test_shared_weight_sums_in_one_order_whatever_the_bags_order() -> None:
    # A set's order varies with the hash seed, and so did the order of each bag's
    # words; the sums over shared words must not, or near-ties rank differently
    # from run to run and blocking keeps different candidates.
    rng = random.Random(3)
    side_a, side_b = [], []
    for side in (side_a, side_b):
        for _ in range(200):
            weights = {f"w{k}": rng.uniform(1, 9) for k in rng.sample(range(60), 8)}
            side.append((weights, float(np.sqrt(sum(v * v for v in weights.values())))))
    settings = Settings(block_max_share=1.0, block_max_postings=1000)

    def flipped(side: list[tuple[dict[str, float], float]]) -> list[tuple[dict[str, float], float]]:
        return [(dict(reversed(list(weights.items()))), norm) for weights, norm in side]

    first = shared_weight(side_a, side_b, settings)
    again = shared_weight(flipped(side_a), flipped(side_b), settings)
    assert len(first[0]) > 1000  # the sides share many words
    assert all(np.array_equal(x, y) for x, y in zip(first, again, strict=True))


def test_profile_weights_come_in_sorted_order() -> None:
    prof = profile(claim("Zebras, antelopes and lions crossed the Mara river at dawn."))
    assert list(prof.weights) == sorted(prof.weights)
    assert len(prof.weights) >= 6


# Each case: group ids, k, ties.
TOP_K_CASES = [
    (np.arange(300) % 12, 3, False),  # small ids: the group sort is a radix sort
    (np.arange(300) % 12 + 70_000, 3, False),  # ids beyond 16 bits: the general sort
    (np.arange(300) % 7, 5, True),  # ties: every value close to the k-th is kept
]


@pytest.mark.parametrize(("group", "k", "ties"), TOP_K_CASES)
def test_top_k_is_the_same_with_a_shared_value_order(group: np.ndarray, k: int, ties: bool) -> None:
    rng = np.random.default_rng(8)
    value = np.round(rng.random(len(group)), 2)  # rounded: many equal values
    alone = top_k(group.astype(np.int64), value, k, ties)
    by_value = np.argsort(-value, kind="stable")
    shared = top_k(group.astype(np.int64), value, k, ties, by_value)
    assert np.array_equal(alone, shared)
    for g in np.unique(group):  # and it is each group's best k, ties to the input order
        members = np.flatnonzero(group == g)
        best = members[np.argsort(-value[members], kind="stable")][:k]
        assert set(best.tolist()) <= set(np.flatnonzero(alone & (group == g)).tolist())


@pytest.mark.parametrize(("text_a", "text_b"), CONFLICTS)
def test_claim_keys_are_the_evidence_keys(text_a: str, text_b: str) -> None:
    a, b = claim(text_a), claim(text_b, doc=1)
    assert claim_keys(a, 0) == evidence_keys(a, profile(a), 0)
    assert claim_keys(b, 1) == evidence_keys(b, profile(b), 1)
    assert claim_keys(a, 0) & claim_keys(b, 1)  # the pair's shared key, once more
