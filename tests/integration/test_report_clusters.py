"""Cluster and coverage-matrix reports for three real reports of the G7 meeting."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from claimdiff import api
from claimdiff.model import Comparison
from claimdiff.report import render
from claimdiff.report.view import build_view
from tests.conftest import AFP, RFERL

THIRD = Path(__file__).resolve().parent.parent / "data" / "g7-lucca-third-report.txt"
MEMBERS = ("The G-7 gathering in the Tuscan city", "The G7 consists of", "The G7 groups")


@pytest.fixture(scope="module")
def three() -> tuple[Comparison, Comparison]:
    """The same three files given in two orders."""
    forward = api.compare_files([AFP, RFERL, THIRD], save=False)
    backward = api.compare_files([THIRD, RFERL, AFP], save=False)
    return forward, backward


def _rows(comparison: Comparison) -> list[tuple[str, int, dict[str, str]]]:
    return [
        (c.label, c.coverage, {cell.source: cell.claim.text for cell in c.members})
        for c in build_view(comparison).clusters
    ]


def test_reports_show_the_same_clusters_in_any_file_order(
    three: tuple[Comparison, Comparison],
) -> None:
    forward, backward = three
    assert _rows(forward) == _rows(backward)
    assert [c.number for c in build_view(forward).clusters] == [
        c.number for c in build_view(backward).clusters
    ]


def test_markdown_matrix_row_shows_all_three_sources_stating_the_members(
    three: tuple[Comparison, Comparison],
) -> None:
    md = render(three[0], "markdown")
    assert isinstance(md, str)
    header = next(line for line in md.splitlines() if line.startswith("| # | Sources |"))
    assert header == "| # | Sources | 1. AFP | 2. RFE/RL | 3. Reuters |"
    row = next(line for line in md.splitlines() if MEMBERS[2] in line)
    assert "| 3/3 |" in row and all(member in row for member in MEMBERS)
    assert "\u2014" not in row  # no source is missing from this row


def test_csv_matrix_cells_point_at_the_claims_text(three: tuple[Comparison, Comparison]) -> None:
    comparison = three[1]
    content = render(comparison, "csv")
    assert isinstance(content, str)
    cells = [r for r in csv.DictReader(io.StringIO(content)) if r["row"] == "cluster"]
    assert len(cells) == 3 * len(comparison.clusters)
    for r in cells:
        document = comparison.documents[int(r["a_document"])]
        assert r["a_source"] == document.source
        if r["claim"]:
            assert document.text[int(r["a_start"]) : int(r["a_end"])] == r["a_text"]
    stated = [r for r in cells if r["claim"]]
    assert len(stated) == sum(len(c.claims) for c in comparison.clusters)


def test_unique_claims_stay_out_of_every_cluster(three: tuple[Comparison, Comparison]) -> None:
    comparison = three[0]
    view = build_view(comparison)
    clustered = {cell.claim.id for c in view.clusters for cell in c.members}
    linked = {i for link in comparison.links for i in (link.a, link.b)}
    for document in view.documents:
        unique = {claim.id for claim in document.unique}
        assert not unique & (clustered | linked)
        own = {c.id for c in comparison.claims if c.document == document.document.id}
        assert own - linked == unique  # every unlinked claim of the source is listed
    assert sum(len(d.unique) for d in view.documents) == len(comparison.unique)


def test_text_and_pdf_carry_the_matrix_and_clusters(three: tuple[Comparison, Comparison]) -> None:
    comparison = three[0]
    text = render(comparison, "text")
    assert isinstance(text, str)
    lines = text.splitlines()
    head = lines.index("  cluster  sources  0 1 2")
    body = lines[head + 1 : head + 1 + len(comparison.clusters)]
    assert all(len(line.split()) == 5 for line in body)  # number, coverage, three cells
    assert body[0].split()[1] == "3/3"
    pdf = render(comparison, "pdf")
    assert isinstance(pdf, bytes)
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape for three sources
    # Extracted text splits words at kerning ("C overage"), so compare without spaces.
    letters = "".join("".join((p.extract_text() or "") for p in reader.pages).split())
    assert f"Coveragematrix({len(comparison.clusters)}clusters" in letters
    assert f"Claimclusters({len(comparison.clusters)})" in letters
    # Every reason of the links inside clusters is printed (letters and digits only:
    # the PDF sets typographic quotes and ligatures, and splits words at kerning).
    inside = {claim for cluster in comparison.clusters for claim in cluster.claims}
    reasons = [
        reason.text
        for link in comparison.links
        if link.a in inside and link.b in inside
        for reason in link.reasons
    ]
    assert reasons, "the G7 clusters hold links with reasons"
    alnum = "".join(ch for ch in unicodedata.normalize("NFKC", letters) if ch.isalnum())
    for reason in reasons:
        assert "".join(ch for ch in reason if ch.isalnum()) in alnum
