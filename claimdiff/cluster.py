"""Group links across many documents into claim clusters and a coverage matrix."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from claimdiff.model import Claim, Cluster, Comparison, Document, Label, Link

_SEVERITY = {Label.AGREE: 0, Label.PARTIAL: 1, Label.CONFLICT: 2}


class _Groups:
    """Union-find that refuses merges putting two claims of one document together."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.parent = {c.id: c.id for c in claims}
        self.docs = {c.id: {c.document} for c in claims}

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def merge(self, a: int, b: int) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if self.docs[root_a] & self.docs[root_b]:
            return False
        self.parent[root_b] = root_a
        self.docs[root_a] |= self.docs.pop(root_b)
        return True


def _anchor(claim: Claim, documents: Sequence[Document]) -> tuple[str, int, str]:
    """A key that does not depend on the order the files were given in."""
    return (documents[claim.document].sha256, claim.start, claim.text)


def build_clusters(comparison: Comparison) -> tuple[Cluster, ...]:
    """Cluster linked claims, at most one claim per document in each cluster.

    Links are merged strongest first, those made on their wording before those made on
    evidence of one event: an evidence link's score says how sure the link is, not how
    alike its claims read, and a claim that states two things ("slammed by Iran ... where
    Tillerson heads on Tuesday") belongs with the one it words alike. A link that would
    bring a second claim of the same document into a cluster is left out of clustering
    (it stays a link). Sorting by content anchors, never by ids, makes the clusters the
    same whatever order the files were given in.
    """
    from claimdiff.evidence import on_evidence

    claims, documents = comparison.claims, comparison.documents

    def order(link: Link) -> tuple[bool, float, tuple[str, int, str], tuple[str, int, str]]:
        ends = sorted((_anchor(claims[link.a], documents), _anchor(claims[link.b], documents)))
        return (on_evidence(link), -link.score, ends[0], ends[1])

    groups = _Groups(claims)
    for link in sorted(comparison.links, key=order):
        groups.merge(link.a, link.b)
    members: dict[int, list[int]] = {}
    for claim in claims:
        members.setdefault(groups.find(claim.id), []).append(claim.id)
    labels: dict[int, Label] = {}
    for link in comparison.links:
        root = groups.find(link.a)
        if root == groups.find(link.b):
            labels[root] = max(labels.get(root, Label.AGREE), link.label, key=_SEVERITY.__getitem__)
    roots = [root for root, ids in members.items() if len(ids) > 1]
    # Widest coverage first, so cluster numbers read 1..n down the coverage matrix.
    roots.sort(
        key=lambda r: (-len(members[r]), min(_anchor(claims[i], documents) for i in members[r]))
    )
    return tuple(
        Cluster(index, tuple(sorted(members[root])), labels.get(root, Label.AGREE))
        for index, root in enumerate(roots)
    )


def attach_clusters(comparison: Comparison) -> Comparison:
    """Return the comparison with its clusters computed from its links."""
    return dataclasses.replace(comparison, clusters=build_clusters(comparison))


@dataclass(frozen=True)
class CoverageRow:
    """One cluster and, per document, the claim it holds there (or None)."""

    cluster: Cluster
    cells: tuple[int | None, ...]

    @property
    def coverage(self) -> int:
        """How many sources state this claim."""
        return sum(cell is not None for cell in self.cells)


def coverage_matrix(comparison: Comparison) -> list[CoverageRow]:
    """Clusters x sources, widest coverage first, then in document order."""
    rows = []
    for cluster in comparison.clusters:
        cells: list[int | None] = [None] * len(comparison.documents)
        for claim_id in cluster.claims:
            cells[comparison.claims[claim_id].document] = claim_id
        rows.append(CoverageRow(cluster, tuple(cells)))
    rows.sort(key=lambda row: (-row.coverage, row.cluster.id))
    return rows
