"""The coverage matrix model and its sort proxy, tested without a view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from claimdiff import api
from claimdiff.cluster import attach_clusters, coverage_matrix
from claimdiff.model import Claim, Comparison, Document, Label, Link
from tests.conftest import AFP, RFERL, ROOT
from ui import theme as themes
from ui.matrix_model import (
    CLAIM_ROLE,
    COL_COVERAGE,
    COL_LABEL,
    COL_NUMBER,
    EMPTY_MARK,
    FIRST_SOURCE,
    KIND_ROLE,
    CoverageMatrixModel,
    CoverageSortProxyModel,
    excerpt,
)

THIRD = ROOT / "tests" / "data" / "g7-lucca-third-report.txt"


def make_comparison() -> Comparison:
    """Three sources: one claim all three state (one of them differently), one only two state."""
    texts = [
        "Ten people died on Monday. Roads were closed.",
        "Twelve people died on Monday. The mayor resigned.",
        "Ten people died on Monday. Roads were closed for a day.",
    ]
    docs = tuple(
        Document(id=i, title=f"Title {i}", source=src, text=text, sha256=f"sha{i}")
        for i, (src, text) in enumerate(zip(["AFP", "Reuters", "BBC"], texts, strict=True))
    )
    claims = (
        Claim(0, 0, 0, 26, "Ten people died on Monday."),
        Claim(1, 0, 27, 45, "Roads were closed."),
        Claim(2, 1, 0, 29, "Twelve people died on Monday."),
        Claim(3, 1, 30, 49, "The mayor resigned."),
        Claim(4, 2, 0, 26, "Ten people died on Monday."),
        Claim(5, 2, 27, 55, "Roads were closed for a day."),
    )
    links = (
        Link(0, 4, Label.AGREE, 1.0),
        Link(2, 4, Label.CONFLICT, 0.8),
        Link(1, 5, Label.PARTIAL, 0.7),
    )
    return attach_clusters(Comparison(docs, claims, links, id=3, name="test"))


@pytest.fixture
def model() -> CoverageMatrixModel:
    matrix = CoverageMatrixModel()
    matrix.set_comparison(make_comparison())
    return matrix


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


def test_one_row_per_cluster_and_a_column_per_source(model: CoverageMatrixModel) -> None:
    assert model.rowCount() == 2  # "The mayor resigned." is in no cluster
    assert model.columnCount() == FIRST_SOURCE + 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["#", "Label", "Coverage", "AFP", "Reuters", "BBC"]
    # widest coverage first: the deaths (3 sources), then the roads (2)
    assert [cell(model, r, COL_COVERAGE) for r in range(2)] == ["3/3", "2/3"]
    assert [cell(model, r, COL_LABEL) for r in range(2)] == ["Conflict", "Partial"]


def test_cells_hold_the_claim_and_its_label_inside_the_cluster(
    model: CoverageMatrixModel,
) -> None:
    sources = range(FIRST_SOURCE, FIRST_SOURCE + 3)
    assert [cell(model, 0, c, CLAIM_ROLE) for c in sources] == [0, 2, 4]
    # AFP agrees with BBC; Reuters conflicts with BBC, so BBC is painted conflict too
    assert [cell(model, 0, c, KIND_ROLE) for c in sources] == ["agree", "conflict", "conflict"]
    assert cell(model, 0, FIRST_SOURCE + 1) == "Twelve people died on Monday."
    assert cell(model, 0, FIRST_SOURCE + 1, Qt.ItemDataRole.DecorationRole) == (
        themes.LIGHT.color("conflict")
    )


def test_empty_cells_are_clearly_empty(model: CoverageMatrixModel) -> None:
    reuters = FIRST_SOURCE + 1
    assert cell(model, 1, reuters, CLAIM_ROLE) is None
    assert cell(model, 1, reuters) == EMPTY_MARK
    assert cell(model, 1, reuters, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(model, 1, reuters, Qt.ItemDataRole.ToolTipRole) == (
        "Reuters does not state the claim of cluster 2"
    )


@pytest.mark.parametrize(
    ("column", "order", "expected"),
    [
        # coverage ascending puts the widest first; descending the narrowest
        (COL_COVERAGE, Qt.SortOrder.AscendingOrder, ["3/3", "2/3"]),
        (COL_COVERAGE, Qt.SortOrder.DescendingOrder, ["2/3", "3/3"]),
        # a source column: the clusters Reuters states come first
        (FIRST_SOURCE + 1, Qt.SortOrder.AscendingOrder, ["3/3", "2/3"]),
        (FIRST_SOURCE + 1, Qt.SortOrder.DescendingOrder, ["2/3", "3/3"]),
        # label: conflict before partial before agree
        (COL_LABEL, Qt.SortOrder.DescendingOrder, ["2/3", "3/3"]),
        # cluster number
        (COL_NUMBER, Qt.SortOrder.DescendingOrder, ["2/3", "3/3"]),
    ],
)
def test_sorting_by_any_column(
    model: CoverageMatrixModel, column: int, order: Qt.SortOrder, expected: list[str]
) -> None:
    proxy = CoverageSortProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(column, order)
    assert [proxy.index(r, COL_COVERAGE).data() for r in range(2)] == expected


def test_gap_filter_keeps_clusters_some_source_leaves_out(model: CoverageMatrixModel) -> None:
    proxy = CoverageSortProxyModel()
    proxy.setSourceModel(model)
    proxy.set_gaps_only(True)
    assert [proxy.index(r, COL_COVERAGE).data() for r in range(proxy.rowCount())] == ["2/3"]
    proxy.set_gaps_only(False)
    assert proxy.rowCount() == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short claim.", "Short claim."),  # fits: unchanged
        ("word " * 20, "word " * 11 + "word…"),  # cut at a word boundary
    ],
)
def test_excerpt(text: str, expected: str) -> None:
    assert excerpt(text) == expected


@pytest.fixture(scope="module")
def three() -> Comparison:
    return api.compare_files([AFP, RFERL, THIRD], save=False)


def test_real_three_sources_match_coverage_matrix(three: Comparison) -> None:
    matrix = CoverageMatrixModel()
    matrix.set_comparison(three)
    expected = coverage_matrix(three)
    assert matrix.rowCount() == len(three.clusters) == len(expected) > 0
    for number, row in enumerate(expected):
        cells = [cell(matrix, number, FIRST_SOURCE + d, CLAIM_ROLE) for d in range(3)]
        assert tuple(cells) == row.cells
        assert cell(matrix, number, COL_COVERAGE) == f"{row.coverage}/3"
        for document, claim_id in enumerate(row.cells):
            shown = cell(matrix, number, FIRST_SOURCE + document)
            assert shown == (
                EMPTY_MARK if claim_id is None else excerpt(three.claim(claim_id).text)
            )
    assert any(row.coverage == 3 for row in expected)  # the three reports share claims


def test_real_matrix_sorts_by_coverage(three: Comparison) -> None:
    matrix = CoverageMatrixModel()
    matrix.set_comparison(three)
    proxy = CoverageSortProxyModel()
    proxy.setSourceModel(matrix)
    proxy.sort(COL_COVERAGE, Qt.SortOrder.DescendingOrder)
    shown = [int(proxy.index(r, COL_COVERAGE).data()[0]) for r in range(proxy.rowCount())]
    assert shown == sorted(shown) and shown[0] < shown[-1]


def test_no_comparison_means_no_rows() -> None:
    matrix = CoverageMatrixModel()
    matrix.set_comparison(None)
    assert (matrix.rowCount(), matrix.columnCount()) == (0, FIRST_SOURCE)
