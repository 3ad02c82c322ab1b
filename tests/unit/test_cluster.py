"""Clustering links into claim clusters, without spaCy."""

from __future__ import annotations

import pytest

from claimdiff.cluster import build_clusters, coverage_matrix
from claimdiff.model import Claim, Comparison, Document, Label, Link, Reason, ReasonKind


def _doc(index: int) -> Document:
    return Document(index, f"t{index}", f"s{index}", "x", sha256=f"{index:064x}")


def _claim(claim_id: int, document: int, start: int = 0) -> Claim:
    return Claim(claim_id, document, start, start + 1, f"claim {claim_id}")


def _comparison(links: list[Link], claims: list[Claim], docs: int = 3) -> Comparison:
    return Comparison(tuple(_doc(i) for i in range(docs)), tuple(claims), tuple(links))


CLAIMS = [_claim(0, 0), _claim(1, 0, 5), _claim(2, 1), _claim(3, 2), _claim(4, 1, 9)]


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        # A chain across three documents is one cluster.
        ([Link(0, 2, Label.AGREE, 0.9), Link(2, 3, Label.AGREE, 0.8)], [(0, 2, 3)]),
        # The weaker link would bring a second claim of document 0 in: it is left out.
        ([Link(0, 2, Label.AGREE, 0.9), Link(1, 2, Label.PARTIAL, 0.6)], [(0, 2)]),
        # Two separate statements stay two clusters.
        ([Link(0, 2, Label.AGREE, 0.9), Link(1, 4, Label.AGREE, 0.7)], [(0, 2), (1, 4)]),
        # No links, no clusters: every claim is unique.
        ([], []),
    ],
)
def test_clusters(links: list[Link], expected: list[tuple[int, ...]]) -> None:
    clusters = build_clusters(_comparison(links, CLAIMS))
    assert sorted(c.claims for c in clusters) == expected


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # The most severe link decides the cluster label.
        ((Label.AGREE, Label.CONFLICT), Label.CONFLICT),
        ((Label.AGREE, Label.PARTIAL), Label.PARTIAL),
        ((Label.AGREE, Label.AGREE), Label.AGREE),
    ],
)
def test_cluster_label(labels: tuple[Label, Label], expected: Label) -> None:
    links = [Link(0, 2, labels[0], 0.9), Link(2, 3, labels[1], 0.8)]
    (cluster,) = build_clusters(_comparison(links, CLAIMS))
    assert cluster.label is expected


def test_a_link_made_on_evidence_merges_after_links_made_on_wording() -> None:
    # claim 2 (document 1) reads like claim 0 (0.61) and contradicts claim 1 about one
    # event (an evidence link scored 0.66 from its record): it clusters with claim 0
    basis = Reason(ReasonKind.DETAIL, "", "", "Linked as one event although the wording differs.")
    links = [
        Link(1, 2, Label.CONFLICT, 0.66, (basis,)),
        Link(0, 2, Label.PARTIAL, 0.61),
        Link(0, 3, Label.AGREE, 0.9),
    ]
    claims = [_claim(0, 0), _claim(1, 0, 5), _claim(2, 1), _claim(3, 2)]
    clusters = build_clusters(_comparison(links, claims))
    assert sorted(c.claims for c in clusters) == [(0, 2, 3)]
    plain = [Link(1, 2, Label.CONFLICT, 0.66), *links[1:]]
    assert sorted(c.claims for c in build_clusters(_comparison(plain, claims))) == [(0, 3), (1, 2)]


def test_coverage_matrix_rows() -> None:
    links = [
        Link(0, 2, Label.AGREE, 0.9),
        Link(2, 3, Label.AGREE, 0.8),
        Link(1, 4, Label.AGREE, 0.7),
    ]
    comparison = _comparison(links, CLAIMS)
    comparison = Comparison(
        comparison.documents, comparison.claims, comparison.links, build_clusters(comparison)
    )
    rows = coverage_matrix(comparison)
    assert [row.cells for row in rows] == [(0, 2, 3), (1, 4, None)]
    assert [row.coverage for row in rows] == [3, 2]
