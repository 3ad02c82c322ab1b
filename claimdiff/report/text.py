"""A plain-text summary for the terminal."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from claimdiff.model import Comparison
from claimdiff.report.clusters import ClusterView, links_between_clusters
from claimdiff.report.view import LinkView, build_view
from claimdiff.sourcing import cell_text, document_summary, sourcing
from claimdiff.timeline import cell_text as date_cell
from claimdiff.timeline import timeline

# Article text may carry terminal escape sequences ("\x1b[2J"); they are shown, never obeyed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal: control and bidi-override characters become visible escapes."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def summary_lines(comparison: Comparison) -> list[str]:
    """Short figures: documents, claims, links by label, unique claims."""
    counts = comparison.counts()
    head = f"Comparison {comparison.id}: " if comparison.id is not None else ""
    return [
        f"{head}{counts['documents']} documents, {counts['claims']} claims",
        f"links: {counts['links']} ({counts['agree']} agree, {counts['partial']} partial, "
        f"{counts['conflict']} conflict)",
        f"unique claims: {counts['unique']}",
    ]


def matrix_lines(clusters: tuple[ClusterView, ...], documents: int) -> list[str]:
    """The coverage matrix, one narrow column per source, headed by the document's number."""
    if not clusters:
        return ["No statement is shared by two or more sources."]
    width = len(str(documents - 1)) + 1
    head = "".join(f"{index:>{width}}" for index in range(documents))
    lines = [
        f"Coverage matrix: {len(clusters)} clusters x {documents} sources "
        "(A agree, P partial, C conflict inside the cluster; . not stated)",
        f"  cluster  sources {head}",
    ]
    for view in clusters:
        cells = "".join(f"{cell.tag if cell else '.':>{width}}" for cell in view.cells)
        lines.append(f"  {view.number:>7}  {view.coverage:>3}/{documents:<3} {cells}")
    return lines


def _pair(view: LinkView) -> str:
    return f"[{view.a.claim.document}] and [{view.b.claim.document}]"


def cluster_lines(view: ClusterView, documents: int) -> list[str]:
    """One cluster: what each source says, then the differences inside it."""
    lines = [f"Cluster {view.number}  {view.label.upper()}  {view.coverage}/{documents} sources"]
    lines += [f"  [{cell.claim.document}] {cell.tag} {cell.claim.text}" for cell in view.members]
    for title, links in (("conflict", view.conflicts), ("partial", view.partials)):
        for link in links:
            lines.append(f"  {title} {_pair(link)} (first and second source):")
            lines.extend(f"    - {reason.text}" for reason in link.link.reasons)
    return lines


def _cluster_section(comparison: Comparison) -> list[str]:
    # With two sources each cluster is one link, and the links follow in full.
    if len(comparison.documents) < 3:
        return []
    report = build_view(comparison)
    lines = ["", *matrix_lines(report.clusters, len(comparison.documents))]
    for view in report.clusters:
        lines += ["", *cluster_lines(view, len(comparison.documents))]
    outside = links_between_clusters(report)
    if outside:
        lines += [
            "",
            f"Links outside any cluster: {len(outside)} (they join two clusters, or a claim "
            "a cluster could not take); all links follow.",
        ]
    return [*lines, "", "Links:"]


def render_text(comparison: Comparison) -> str:
    """Summary; for 3+ sources the matrix and clusters; every link; unique claims per source."""
    lines = summary_lines(comparison)
    for document in comparison.documents:
        date = document.published.isoformat() if document.published else "no date"
        lines.append(f"  [{document.id}] {document.source} ({date}): {document.title}")
    lines += _cluster_section(comparison)
    lines.append("")
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        lines.append(f"{link.label.value.upper():8} {link.score:.2f}")
        lines.append(f"  [{a.document}] {a.text}")
        lines.append(f"  [{b.document}] {b.text}")
        lines.extend(f"  - {reason.text}" for reason in link.reasons)
    unique = set(comparison.unique)
    for document in comparison.documents:
        own = [c for c in comparison.claims if c.document == document.id and c.id in unique]
        if own:
            lines.append("")
            lines.append(f"Only in {document.source}:")
            lines.extend(f"  - {claim.text}" for claim in own)
    lines += cited_lines(comparison)
    lines += dated_lines(comparison)
    return "\n".join(printable(line) for line in lines) + "\n"


def cited_lines(comparison: Comparison) -> list[str]:
    """Who each source cites: a line per source, then one per speaker."""
    cited = sourcing(comparison)
    names = [document.source for document in comparison.documents]
    lines = ["", "Who each source cites (claims attributed; quoted):"]
    lines += [f"  {document_summary(n, d)}" for n, d in zip(names, cited.documents, strict=True)]
    lines += [
        f"  - {s.name}: {_by_source(s.claims, partial(cell_text, s))}" for s in cited.speakers
    ]
    return lines


def dated_lines(comparison: Comparison) -> list[str]:
    """What each source dates when: one line per date, earliest first."""
    rows = timeline(comparison)
    if not rows:
        return []
    lines = ["", "What each source dates when (claims; when said):"]
    lines += [f"  - {row.label}: {_by_source(row.claims, partial(date_cell, row))}" for row in rows]
    return lines


def _by_source(claims: Sequence[Sequence[int]], cell: Callable[[int], str]) -> str:
    """A row's cells of the sources that have claims in it: "[0] 3 (3 quoted), [1] 1"."""
    return ", ".join(f"[{k}] {cell(k)}" for k, ids in enumerate(claims) if ids)
