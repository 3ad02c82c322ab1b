"""Alignment's faster linking: the same links as the plain rules, with fewer tests."""

from __future__ import annotations

import gc
from collections import defaultdict

import numpy as np
import pytest

from claimdiff import align as align_module
from claimdiff import evidence
from claimdiff.align import Contradictions, Scored, best_per_claim, choose, contradictions, score
from claimdiff.extract import Extractor
from claimdiff.ingest import read_document
from claimdiff.model import Claim
from claimdiff.settings import Settings
from tests.conftest import AFP, RFERL


@pytest.fixture(scope="module")
def seeds(extractor: Extractor) -> tuple[list[Claim], list[Claim]]:
    documents = [read_document(path, n) for n, path in enumerate((AFP, RFERL))]
    a, b = extractor.extract_many(documents)
    return a, b


@pytest.mark.parametrize("cap", [1, 2, 3])  # fewer links per claim, fewer pairs to test
def test_testing_on_demand_links_the_same_pairs_with_fewer_tests(
    seeds: tuple[list[Claim], list[Claim]], cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = seeds
    settings = Settings(use_embeddings=False, max_links_per_claim=cap)
    scored = score(a, b, settings)
    tested: list[tuple[int, int]] = []
    real = evidence.event_conflict

    def counting(x: Claim, y: Claim) -> bool:
        tested.append((x.id, y.id))
        return real(x, y)

    monkeypatch.setattr(evidence, "event_conflict", counting)
    every = contradictions(a, b, scored, settings)  # each weak pair with a shared key tested
    eager = len(tested)
    tested.clear()
    lazy = choose(scored, settings, Contradictions(a, b, scored, settings))
    assert lazy == choose(scored, settings, every)
    assert every  # the seeds hold a contradiction about one event
    assert len(tested) < eager  # pairs whose claims had no room left were never tested
    assert len(set(tested)) == len(tested)  # and none twice


def test_a_pair_is_tested_once(seeds: tuple[list[Claim], list[Claim]]) -> None:
    a, b = seeds
    settings = Settings(use_embeddings=False)
    scored = score(a, b, settings)
    found = Contradictions(a, b, scored, settings)
    pair = next(iter(contradictions(a, b, scored, settings)))
    assert pair in found and pair in found
    assert (len(a) + 5, 0) not in found  # no such pair: not a candidate, not weak


def test_best_per_claim_is_each_rows_and_columns_best() -> None:
    rng = np.random.default_rng(4)
    pairs = [(i, j) for i in range(6) for j in range(5) if (i + j) % 3]
    probability = rng.random(len(pairs))
    scored = Scored(pairs, np.zeros((len(pairs), 0)), (), probability)
    rows: dict[int, float] = defaultdict(float)
    cols: dict[int, float] = defaultdict(float)
    for (i, j), p in zip(pairs, probability.tolist(), strict=True):
        rows[i], cols[j] = max(rows[i], p), max(cols[j], p)
    row_best, col_best = best_per_claim(scored)
    assert row_best == [rows[i] for i in range(6)]
    assert col_best == [cols[j] for j in range(5)]


def test_alignment_pauses_the_collector_and_restarts_it(
    seeds: tuple[list[Claim], list[Claim]], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = seeds
    during: list[bool] = []
    real = align_module.candidates

    def watching(*args: object, **kwargs: object) -> list[align_module.Candidate]:
        during.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(align_module, "candidates", watching)
    assert gc.isenabled()
    links = align_module.align(a, b, Settings(use_embeddings=False))
    assert links  # the seeds link
    assert during == [False]
    assert gc.isenabled()
