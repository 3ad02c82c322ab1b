"""A CSV report: a row per link, per unique claim and per coverage-matrix cell, for spreadsheets."""

from __future__ import annotations

import csv
import io

from claimdiff.model import Claim, Comparison, Link
from claimdiff.report.clusters import ClusterView
from claimdiff.report.view import build_view

COLUMNS = (
    "row",
    "label",
    "score",
    "status",
    "a_document",
    "a_source",
    "a_start",
    "a_end",
    "a_text",
    "b_document",
    "b_source",
    "b_start",
    "b_end",
    "b_text",
    "reasons",
    "reason_kinds",
    "cluster",
    "claim",
    "coverage",
    "a_speaker",
    "b_speaker",
)
"""Header row. ``row`` is ``link``, ``unique`` or ``cluster``.

A unique claim fills only the ``a_`` side. A ``cluster`` row is one cell of the
coverage matrix: the cluster's id (as in the JSON) and label, one document on
the ``a_`` side, and the claim that document holds there (``claim``, offsets,
text), or empty claim columns where the document does not state it. A link row
inside a cluster gives the cluster's id, so filtering on ``cluster`` shows a
cluster's cells and the links (with their reasons) that make it. The first
sixteen columns are as before, so older readers are unaffected. ``a_speaker`` and
``b_speaker`` (the last two) say who each claim is attributed to, in canonical form, or
are empty: a pivot on them gives who each source cites.
"""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _side(comparison: Comparison, claim: Claim) -> list[object]:
    source = comparison.documents[claim.document].source
    return [claim.document, source, claim.start, claim.end, claim.text]


def _link_row(comparison: Comparison, link: Link) -> list[object]:
    a, b = comparison.claim(link.a), comparison.claim(link.b)
    return [
        "link",
        link.label.value,
        f"{link.score:.3f}",
        link.status.value,
        *_side(comparison, a),
        *_side(comparison, b),
        " | ".join(reason.text for reason in link.reasons),
        " | ".join(reason.kind.value for reason in link.reasons),
    ]


def _cluster_rows(comparison: Comparison, view: ClusterView) -> list[list[object]]:
    rows: list[list[object]] = []
    for document, cell in zip(comparison.documents, view.cells, strict=True):
        if cell is None:
            side: list[object] = [document.id, document.source, "", "", ""]
        else:
            side = _side(comparison, cell.claim)
        claim = "" if cell is None else cell.claim.id
        speaker = "" if cell is None else cell.claim.speaker
        rows.append(
            [
                "cluster",
                view.label,
                "",
                "",
                *side,
                *[""] * 7,
                view.cluster.id,
                claim,
                view.coverage,
                speaker,
                "",
            ]
        )
    return rows


def _cluster_of_links(clusters: tuple[ClusterView, ...]) -> dict[tuple[int, int], int]:
    return {
        (v.link.a, v.link.b): cluster.cluster.id
        for cluster in clusters
        for v in (*cluster.conflicts, *cluster.partials, *cluster.agreements)
    }


def render_csv(comparison: Comparison) -> str:
    """Render the CSV report (UTF-8, comma-separated, RFC 4180 quoting)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    clusters = build_view(comparison).clusters
    cluster_of = _cluster_of_links(clusters)
    for link in sorted(comparison.links, key=lambda link: (link.a, link.b)):
        speakers = [comparison.claim(link.a).speaker, comparison.claim(link.b).speaker]
        extra = [cluster_of.get((link.a, link.b), ""), "", "", *speakers]
        writer.writerow([safe_cell(cell) for cell in [*_link_row(comparison, link), *extra]])
    for claim_id in comparison.unique:
        claim = comparison.claim(claim_id)
        row = ["unique", "", "", "", *_side(comparison, claim), *[""] * 10, claim.speaker, ""]
        writer.writerow([safe_cell(cell) for cell in row])
    # Matrix order: widest coverage first; within a cluster, the documents' column order.
    for cluster in clusters:
        for row in _cluster_rows(comparison, cluster):
            writer.writerow([safe_cell(cell) for cell in row])
    return stream.getvalue()
