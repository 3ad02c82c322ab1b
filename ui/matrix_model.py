"""The coverage matrix: claim clusters x sources, as a real Qt model behind a sort proxy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from claimdiff.cluster import coverage_matrix
from claimdiff.model import Cluster, Comparison, Label
from ui import theme as themes
from ui.highlight import UNIQUE

COL_NUMBER, COL_LABEL, COL_COVERAGE = range(3)
FIRST_SOURCE = 3
"""Column of the first document; document ``n`` sits in column ``FIRST_SOURCE + n``."""
FIXED_HEADERS = ("#", "Label", "Coverage")

CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The claim id a source cell holds, or None (also None outside source columns)."""
CLUSTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`~claimdiff.model.Cluster` of the row."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
"""The label a cell (or the row, outside source columns) is painted with; "" when empty."""
COVERAGE_ROLE = Qt.ItemDataRole.UserRole + 4
"""How many sources state the row's claim."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 5

EXCERPT_CHARS = 60
EMPTY_MARK = "—"
"""What an empty cell shows: the source does not state this claim."""

Index = QModelIndex | QPersistentModelIndex

_SEVERITY = {Label.AGREE.value: 0, Label.PARTIAL.value: 1, Label.CONFLICT.value: 2}


@dataclass(frozen=True)
class MatrixRow:
    """One cluster, its claim per document (or None) and the label of each of those claims."""

    cluster: Cluster
    cells: tuple[int | None, ...]
    kinds: tuple[str, ...]
    label: str

    @property
    def number(self) -> int:
        """The cluster's number as analysts read it (1-based)."""
        return self.cluster.id + 1

    @property
    def coverage(self) -> int:
        return sum(cell is not None for cell in self.cells)


def matrix_rows(comparison: Comparison) -> list[MatrixRow]:
    """The rows of :func:`claimdiff.cluster.coverage_matrix`, with a label per cell.

    A cell's label is its claim's most severe link to another claim of the same
    cluster, so a conflict stands out in the source that states it differently.
    """
    kinds = _kinds_inside_clusters(comparison)
    rows = []
    for coverage_row in coverage_matrix(comparison):
        cells = coverage_row.cells
        rows.append(
            MatrixRow(
                cluster=coverage_row.cluster,
                cells=cells,
                kinds=tuple("" if c is None else kinds.get(c, UNIQUE) for c in cells),
                label=coverage_row.cluster.label.value,
            )
        )
    return rows


def _kinds_inside_clusters(comparison: Comparison) -> dict[int, str]:
    """Claim id -> its most severe link label within its own cluster (one pass over links)."""
    cluster_of = {c: cluster.id for cluster in comparison.clusters for c in cluster.claims}
    kinds: dict[int, str] = {}
    for link in comparison.links:
        home = cluster_of.get(link.a)
        if home is None or cluster_of.get(link.b) != home:
            continue
        for claim_id in (link.a, link.b):
            known = kinds.get(claim_id)
            if known is None or _SEVERITY[link.label.value] > _SEVERITY[known]:
                kinds[claim_id] = link.label.value
    return kinds


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a statement, cut at a word and marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


class CoverageMatrixModel(QAbstractTableModel):
    """Which source states what: one row per cluster, one column per document."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: list[MatrixRow] = []
        self._theme = themes.LIGHT

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._rows = matrix_rows(comparison) if comparison is not None else []
        self.endResetModel()

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def row(self, number: int) -> MatrixRow:
        return self._rows[number]

    def document_count(self) -> int:
        return len(self._comparison.documents) if self._comparison is not None else 0

    def cell_of_claim(self, claim_id: int) -> tuple[int, int] | None:
        """(row, column) of the cell holding a claim, if it is in a cluster."""
        for number, row in enumerate(self._rows):
            if claim_id in row.cells:
                return number, FIRST_SOURCE + row.cells.index(claim_id)
        return None

    # -- Qt API -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_SOURCE + self.document_count()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._comparison is None:
            return None
        if section < FIRST_SOURCE:
            return FIXED_HEADERS[section] if role == Qt.ItemDataRole.DisplayRole else None
        position = section - FIRST_SOURCE
        document = self._comparison.documents[position]
        if role == Qt.ItemDataRole.DisplayRole:
            same = sum(d.source == document.source for d in self._comparison.documents)
            # Two articles from one outlet need telling apart: number them by position.
            return document.source if same == 1 else f"{document.source} ({position + 1})"
        if role == Qt.ItemDataRole.ToolTipRole:
            date = document.published.isoformat() if document.published else "no date"
            return f"{document.source}, {date}: {document.title}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        row, column = self._rows[index.row()], index.column()
        kind = self._kind(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(row, column)
        if role == Qt.ItemDataRole.DecorationRole and kind:
            return self._theme.color(kind)
        if role == Qt.ItemDataRole.BackgroundRole and kind:
            return self._theme.color(kind, "tint")
        if role == Qt.ItemDataRole.ForegroundRole and not kind:
            return self._theme.color(UNIQUE)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            centred = column in (COL_NUMBER, COL_COVERAGE) or not kind
            horizontal = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return self._custom(row, column, role, kind)

    def _custom(self, row: MatrixRow, column: int, role: int, kind: str) -> Any:
        if role == CLAIM_ROLE:
            return row.cells[column - FIRST_SOURCE] if column >= FIRST_SOURCE else None
        if role == CLUSTER_ROLE:
            return row.cluster
        if role == KIND_ROLE:
            return kind
        if role == COVERAGE_ROLE:
            return row.coverage
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _kind(self, row: MatrixRow, column: int) -> str:
        if column == COL_LABEL:
            return row.label
        if column >= FIRST_SOURCE:
            return row.kinds[column - FIRST_SOURCE]
        return ""

    def _display(self, row: MatrixRow, column: int) -> str:
        assert self._comparison is not None
        if column == COL_NUMBER:
            return str(row.number)
        if column == COL_LABEL:
            return themes.SHORT_NAMES.get(row.label, row.label)
        if column == COL_COVERAGE:
            return f"{row.coverage}/{len(row.cells)}"
        claim_id = row.cells[column - FIRST_SOURCE]
        if claim_id is None:
            return EMPTY_MARK
        return excerpt(self._comparison.claim(claim_id).text)

    def _describe(self, row: MatrixRow, column: int) -> str:
        """Tooltip and screen-reader text: the whole statement, or who does not state it."""
        assert self._comparison is not None
        if column < FIRST_SOURCE:
            sources = len(row.cells)
            return (
                f"Cluster {row.number}: {themes.KIND_NAMES.get(row.label, row.label)}, "
                f"stated by {row.coverage} of {sources} sources"
            )
        source = self._comparison.documents[column - FIRST_SOURCE].source
        claim_id = row.cells[column - FIRST_SOURCE]
        if claim_id is None:
            return f"{source} does not state the claim of cluster {row.number}"
        kind = themes.KIND_NAMES.get(row.kinds[column - FIRST_SOURCE], "")
        return f"{source} ({kind}): {self._comparison.claim(claim_id).text}"

    def _sort_key(self, row: MatrixRow, column: int) -> Any:
        """Ascending order: lowest number, widest coverage, worst label, stated first."""
        if column == COL_NUMBER:
            return row.number
        if column == COL_LABEL:
            return (-_SEVERITY.get(row.label, 0), -row.coverage, row.number)
        if column == COL_COVERAGE:
            return (-row.coverage, row.number)
        assert self._comparison is not None
        claim_id = row.cells[column - FIRST_SOURCE]
        if claim_id is None:
            return (1, 0, row.number)
        return (0, self._comparison.claim(claim_id).start, row.number)


class CoverageSortProxyModel(QSortFilterProxyModel):
    """Sorts the matrix by any column; optionally hides clusters every source states."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._gaps_only = False
        self.setSortRole(SORT_ROLE)

    def set_gaps_only(self, gaps_only: bool) -> None:
        """Keep only clusters that some source leaves out (the coverage gaps)."""
        self.beginFilterChange()
        self._gaps_only = gaps_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        # Sort keys are tuples, which QVariant cannot order; compare them in Python.
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self._gaps_only or not isinstance(model, CoverageMatrixModel):
            return True
        row = model.row(source_row)
        return row.coverage < len(row.cells)
