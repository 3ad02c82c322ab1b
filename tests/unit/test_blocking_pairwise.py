"""Array pair features and the faster checks equal the per-pair computations they replace."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pytest

from claimdiff import pairwise
from claimdiff.features import PAIR_FEATURES, pair_matrix, profile
from claimdiff.figures import Finding, join
from claimdiff.model import Claim, DateMention, Entity, Label, Reason, ReasonKind
from claimdiff.names import _named_in, _same_name, entity_findings
from claimdiff.slots import entity_lists

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def seed_claims(path: Path, doc: int) -> list[Claim]:
    """The seed article's sentences as claims, its capitalised words as entities; every
    fourth claim is dated, to one of two days."""
    text = path.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
    claims = []
    for k, sentence in enumerate(sentences):
        names = tuple(
            Entity(m.group(0), m.group(0), "PERSON" if k % 3 == 0 else "GPE", m.start(), m.end())
            for m in _NAME.finditer(sentence)
        )
        day = dt.date(2017, 4, 10 + k % 2)
        dates = (DateMention(sentence[:3], day, 0, 3),) if k % 4 == 0 else ()
        claims.append(
            Claim(k, doc, 0, len(sentence), sentence, entities=names, dates=dates, sentence=k)
        )
    return claims


@pytest.fixture(scope="module")
def sides() -> tuple[list[Claim], list[Claim]]:
    return seed_claims(SEEDS[0], 0), seed_claims(SEEDS[1], 1)


@pytest.mark.parametrize("with_embeddings", [True, False])  # the lexical model has none
def test_array_features_equal_pair_matrix(
    sides: tuple[list[Claim], list[Claim]], with_embeddings: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pairwise, "MIN_PAIRS", 0)
    a, b = ([profile(c) for c in side] for side in sides)
    pairs = [(i, j) for i in range(len(a)) for j in range(len(b))]
    rng = np.random.default_rng(3)
    sims = rng.uniform(-1, 1, (len(a), len(b))).astype(np.float32) if with_embeddings else None
    clauses = rng.uniform(-1, 1, (len(a), len(b))).astype(np.float32) if with_embeddings else None
    fast = pairwise.pair_features(a, b, pairs, sims, clauses)
    slow = pair_matrix(a, b, pairs, sims, clauses)
    assert fast.shape == slow.shape == (len(pairs), len(PAIR_FEATURES))
    assert np.max(np.abs(fast - slow)) <= 1e-9
    # every feature takes several values here (no casualties in the seeds; no embeddings
    # without them), so the comparison tests something
    constant = {"casualty_both"} | (set() if with_embeddings else {"embedding", "clause_embedding"})
    varied = [k for k, name in enumerate(PAIR_FEATURES) if name not in constant]
    assert all(len(np.unique(slow[:, k])) > 1 for k in varied)


def test_few_pairs_take_the_per_pair_path(sides: tuple[list[Claim], list[Claim]]) -> None:
    a, b = ([profile(c) for c in side] for side in sides)
    pairs = [(0, 0), (1, 2)]
    assert np.array_equal(pairwise.pair_features(a, b, pairs, None), pair_matrix(a, b, pairs, None))


def entity_findings_reference(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """The list-conflict half of ``entity_findings`` as first written, test by test."""
    findings = []
    for la in entity_lists(a):
        for lb in entity_lists(b):
            shared = [x for x in la if any(_same_name(x, y) for y in lb)]
            only_a = [x for x in la if not _named_in(x, b)]
            only_b = [y for y in lb if not _named_in(y, a)]
            if shared and only_a and only_b:
                ta = join([e.text for e in la])
                tb = join([e.text for e in lb])
                text = f"{names[0]} says {ta}; {names[1]} says {tb}."
                findings.append(Finding(Reason(ReasonKind.ENTITY, ta, tb, text), Label.CONFLICT))
    return findings


def listed(text: str, doc: int, *names: str) -> Claim:
    entities = []
    for name in names:
        start = text.index(name)
        entities.append(Entity(name, name, "GPE", start, start + len(name)))
    return Claim(0, doc, 0, len(text), text, entities=tuple(entities))


LISTS = [
    listed("Iran and North Korea condemned the strike.", 0, "Iran", "North Korea"),
    listed("Russia and Iran condemned the strike.", 1, "Russia", "Iran"),
    listed("Russia, Iran and North Korea condemned it.", 1, "Russia", "Iran", "North Korea"),
    listed("France and Germany welcomed it.", 1, "France", "Germany"),
]


@pytest.mark.parametrize("first", LISTS)
@pytest.mark.parametrize("second", LISTS)
def test_entity_list_conflicts_equal_the_reference(first: Claim, second: Claim) -> None:
    names = ("A", "B")
    expected = entity_findings_reference(first, second, names)
    conflicts = [f for f in entity_findings(first, second, names) if f.weight is Label.CONFLICT]
    assert conflicts == expected


def test_the_reference_finds_a_conflict() -> None:
    assert entity_findings_reference(LISTS[0], LISTS[1], ("A", "B"))  # the case is not empty


def brute_overlap(x: frozenset[object], y: frozenset[object]) -> tuple[float, float]:
    if not x or not y:
        return 0.0, 0.0
    shared = len(x & y)
    return shared / min(len(x), len(y)), float(shared == 0)


# Each case: the sets of side A, the sets of side B.
OVERLAP_CASES = [
    # names: one shared of two, none shared, one side empty
    ([frozenset({"iran", "russia"}), frozenset()], [frozenset({"iran"}), frozenset({"china"})]),
    # figures, as floats: 1.0 and 1 are one number
    ([frozenset({1.0, 12.5}), frozenset({3.0})], [frozenset({1, 7.0}), frozenset({3.0, 12.5})]),
    # every set empty: nothing to share, nothing to clash
    ([frozenset(), frozenset()], [frozenset(), frozenset()]),
]


@pytest.mark.parametrize(("sets_a", "sets_b"), OVERLAP_CASES)
def test_set_overlap_equals_brute_force(
    sets_a: list[frozenset[object]], sets_b: list[frozenset[object]]
) -> None:
    pairs = [(i, j) for i in range(len(sets_a)) for j in range(len(sets_b))]
    rows = np.asarray([i for i, _ in pairs], dtype=np.int64)
    cols = np.asarray([j for _, j in pairs], dtype=np.int64)
    share, clash = pairwise.set_overlap(sets_a, sets_b, rows, cols)  # type: ignore[arg-type]
    expected = [brute_overlap(sets_a[i], sets_b[j]) for i, j in pairs]
    assert list(zip(share.tolist(), clash.tolist(), strict=True)) == expected


def test_string_scores_are_scored_once_and_equal_fresh_ones(
    sides: tuple[list[Claim], list[Claim]], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = ([profile(c) for c in side] for side in sides)
    rows = np.repeat(np.arange(len(a), dtype=np.int64), len(b))
    cols = np.tile(np.arange(len(b), dtype=np.int64), len(a))
    fresh = np.stack(
        [
            pairwise.process.cpdist(
                [a[i].key for i in rows], [b[j].key for j in cols], scorer=scorer, dtype=np.float64
            )
            for scorer in (pairwise.fuzz.token_set_ratio, pairwise.fuzz.token_sort_ratio)
        ],
        axis=1,
    )
    strings = pairwise.StringScores(len(b))
    first = strings.scores(a, b, rows[::3], cols[::3])  # a third of the pairs, blocking's
    scored: list[int] = []
    real = pairwise.process.cpdist

    def counting(left: list[str], right: list[str], **kwargs: object) -> np.ndarray:
        scored.append(len(left))
        return real(left, right, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pairwise.process, "cpdist", counting)
    every = strings.scores(a, b, rows, cols)
    assert np.array_equal(first, fresh[::3])
    assert np.array_equal(every, fresh)
    assert scored == [len(rows) - len(rows[::3])] * 2  # the known third is not scored again
