"""A CSV report: one row per link and one per unique claim, for spreadsheets."""

from __future__ import annotations

import csv
import io

from claimdiff.model import Claim, Comparison, Link

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
)
"""Header row. ``row`` is ``link`` or ``unique``; a unique claim fills only the ``a_`` side."""

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


def render_csv(comparison: Comparison) -> str:
    """Render the CSV report (UTF-8, comma-separated, RFC 4180 quoting)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for link in sorted(comparison.links, key=lambda link: (link.a, link.b)):
        writer.writerow([safe_cell(cell) for cell in _link_row(comparison, link)])
    for claim_id in comparison.unique:
        claim = comparison.claim(claim_id)
        row = ["unique", "", "", "", *_side(comparison, claim), "", "", "", "", "", "", ""]
        writer.writerow([safe_cell(cell) for cell in row])
    return stream.getvalue()
