"""Claim clusters and the coverage matrix as report views: which source states what."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from claimdiff.cluster import coverage_matrix
from claimdiff.model import Claim, Cluster, Comparison, Link
from claimdiff.report.view import (
    LABEL_ORDER,
    LinkView,
    Piece,
    ReportView,
    differing_values,
    mark_values,
)

MATRIX_EXCERPT_COLUMNS = 4
"""Up to this many sources a matrix cell quotes its claim; with more it shows a check mark."""

MATRIX_NAMED_COLUMNS = 8
"""Up to this many sources the matrix header names each one; beyond, it numbers them."""

EXCERPT_CHARS = {2: 110, 3: 90, 4: 64}
"""How long a cell's excerpt may be, by the number of sources sharing the page width."""

CHECK = "\u2713"
"""The mark a matrix cell shows when there is no room for an excerpt."""


@dataclass(frozen=True)
class CellView:
    """One matrix cell: the claim a source holds in a cluster and its label inside the cluster."""

    claim: Claim
    source: str
    label: str
    pieces: tuple[Piece, ...]
    excerpt: str
    links: tuple[int, ...]

    @property
    def tag(self) -> str:
        """``C`` conflict, ``P`` partial, ``A`` agree: the label without relying on colour."""
        return self.label[0].upper()


@dataclass(frozen=True)
class ClusterView:
    """A cluster as the reports show it: one cell per source, its conflicts and other differences.

    ``cells`` follows the documents' column order, with None where a source does
    not state the claim. ``conflicts``, ``partials`` and ``agreements`` are the
    links inside the cluster, numbered as in the report's list of links.
    """

    cluster: Cluster
    cells: tuple[CellView | None, ...]
    conflicts: tuple[LinkView, ...]
    partials: tuple[LinkView, ...]
    agreements: tuple[LinkView, ...]
    absent: tuple[str, ...]

    @property
    def number(self) -> int:
        """The cluster's number for readers: its JSON id plus one, like documents."""
        return self.cluster.id + 1

    @property
    def label(self) -> str:
        return self.cluster.label.value

    @property
    def coverage(self) -> int:
        """How many sources state this claim."""
        return sum(cell is not None for cell in self.cells)

    @property
    def members(self) -> tuple[CellView, ...]:
        """The cluster's claims, one per source that states it, in column order."""
        return tuple(cell for cell in self.cells if cell is not None)


def excerpt(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "\u2026"


def build_cluster_views(
    comparison: Comparison, links: Sequence[LinkView]
) -> tuple[ClusterView, ...]:
    """Every cluster in matrix order: widest coverage first, then by cluster id.

    Cluster ids and the row order come from ``claimdiff.cluster``, which sorts
    by content, so the same files in any order give the same rows; only the
    columns follow the order the documents were given in.
    """
    width = len(comparison.documents)
    limit = EXCERPT_CHARS.get(width, 0) if width <= MATRIX_EXCERPT_COLUMNS else 0
    views = []
    for row in coverage_matrix(comparison):
        inside = set(row.cluster.claims)
        own = [v for v in links if v.link.a in inside and v.link.b in inside]
        # Mark only what differs inside this cluster, not across links to other clusters.
        values = differing_values(replace(comparison, links=tuple(v.link for v in own)))
        cells = tuple(
            None if claim_id is None else _cell(comparison, claim_id, own, values, limit)
            for claim_id in row.cells
        )
        absent = tuple(
            document.source
            for document, cell in zip(comparison.documents, cells, strict=True)
            if cell is None
        )
        views.append(
            ClusterView(
                cluster=row.cluster,
                cells=cells,
                conflicts=tuple(v for v in own if v.label == "conflict"),
                partials=tuple(v for v in own if v.label == "partial"),
                agreements=tuple(v for v in own if v.label == "agree"),
                absent=absent,
            )
        )
    return tuple(views)


def _cell(
    comparison: Comparison,
    claim_id: int,
    links: Sequence[LinkView],
    values: dict[int, set[str]],
    limit: int,
) -> CellView:
    claim = comparison.claim(claim_id)
    touching = [v for v in links if claim_id in (v.link.a, v.link.b)]
    return CellView(
        claim=claim,
        source=comparison.documents[claim.document].source,
        label=_strongest(v.link for v in touching),
        pieces=mark_values(claim.text, values.get(claim_id, ()), claim),
        excerpt=excerpt(claim.text, limit) if limit else "",
        links=tuple(v.number for v in touching),
    )


def _strongest(links: Iterable[Link]) -> str:
    labels = [link.label.value for link in links]
    return min(labels, key=LABEL_ORDER.index, default="agree")


def links_between_clusters(view: ReportView) -> tuple[LinkView, ...]:
    """Links no cluster holds whole, in the report's link order.

    They join two clusters, or a cluster and a claim it could not take because
    it already holds a claim of that source; the reports point to them so no
    conflict is lost from view.
    """
    inside = {
        v.number
        for cluster in view.clusters
        for v in (*cluster.conflicts, *cluster.partials, *cluster.agreements)
    }
    return tuple(v for v in view.links if v.number not in inside)
