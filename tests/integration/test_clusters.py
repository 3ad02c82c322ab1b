"""Claim clusters across three reports of the G7 meeting, in every file order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from claimdiff import api
from claimdiff.cluster import coverage_matrix
from claimdiff.model import Comparison
from tests.conftest import AFP, RFERL

THIRD = Path(__file__).resolve().parent.parent / "data" / "g7-lucca-third-report.txt"


def _cluster_sets(comparison: Comparison) -> set[frozenset[tuple[str, str]]]:
    """Clusters as sets of (document hash, claim text): independent of file order."""
    return {
        frozenset(
            (comparison.documents[comparison.claims[i].document].sha256, comparison.claims[i].text)
            for i in cluster.claims
        )
        for cluster in comparison.clusters
    }


@pytest.fixture(scope="module")
def orders() -> list[Comparison]:
    paths = [AFP, RFERL, THIRD]
    return [api.compare_files(list(order), save=False) for order in itertools.permutations(paths)]


def test_same_clusters_in_any_file_order(orders: list[Comparison]) -> None:
    first = _cluster_sets(orders[0])
    assert first, "three reports of one event must share at least one cluster"
    for comparison in orders[1:]:
        assert _cluster_sets(comparison) == first


@pytest.mark.parametrize(
    "needles",
    [
        # All three list the G7 members.
        ("the US as well as Britain", "The G7 consists of", "The G7 groups"),
        # All three say Tillerson goes on to Moscow to meet Lavrov.
        ("Tillerson heads on Tuesday", "scheduled to meet in Moscow", "travel to Moscow"),
    ],
)
def test_shared_statements_span_all_three_sources(
    orders: list[Comparison], needles: tuple[str, str, str]
) -> None:
    comparison = orders[0]
    wanted = []
    for needle in needles:
        matches = [c.id for c in comparison.claims if needle in c.text]
        assert matches, needle
        wanted.append(set(matches))
    spanning = [
        cluster
        for cluster in comparison.clusters
        if all(set(cluster.claims) & ids for ids in wanted)
    ]
    assert spanning, f"no cluster spans all three sources for {needles}"


def test_coverage_matrix_has_one_cell_per_source(orders: list[Comparison]) -> None:
    comparison = orders[0]
    rows = coverage_matrix(comparison)
    assert len(rows) == len(comparison.clusters)
    assert rows[0].coverage == 3
    for row in rows:
        for doc_index, cell in enumerate(row.cells):
            if cell is not None:
                assert comparison.claims[cell].document == doc_index
    coverages = [row.coverage for row in rows]
    assert coverages == sorted(coverages, reverse=True)
