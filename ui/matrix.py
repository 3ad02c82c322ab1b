"""The coverage matrix view: which source states which claim cluster, sortable by any column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.matrix_model import (
    CLAIM_ROLE,
    CLUSTER_ROLE,
    COL_COVERAGE,
    COL_LABEL,
    COL_NUMBER,
    FIRST_SOURCE,
    CoverageMatrixModel,
    CoverageSortProxyModel,
)

STRETCH_UP_TO = 5
"""With this many sources or fewer, source columns share the width; beyond, they scroll."""


class CoverageMatrixPanel(QWidget):
    """A summary line and a filter above the clusters x sources table."""

    cell_activated = Signal(object, object)
    """(Cluster, claim id or None) of a cell the analyst clicked or pressed Enter on."""

    def __init__(self, model: CoverageMatrixModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = CoverageSortProxyModel(self)
        self.proxy.setSourceModel(model)
        self.summary = QLabel()
        self.summary.setAccessibleName("Coverage summary")
        self.gaps_only = QCheckBox("Only clusters some source &leaves out")
        self.gaps_only.setAccessibleName("Show only coverage gaps")
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setObjectName("coverageMatrix")
        self.view.setAccessibleName("Coverage matrix")
        self.view.setAccessibleDescription(
            "One row per claim cluster, one column per source; empty cells mean the source "
            "does not state the claim. Press Enter on a cell to open the claim in its document."
        )
        # Rows arrive widest coverage first; sorting starts only when a header is clicked.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.gaps_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.gaps_only.toggled.connect(self.proxy.set_gaps_only)
        self.view.clicked.connect(self.on_view_activated)
        self.view.activated.connect(self.on_view_activated)
        model.modelReset.connect(self.on_model_reset)

    def on_model_reset(self) -> None:
        self._size_columns()
        self._summarise()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        em = self.view.fontMetrics().horizontalAdvance("M")
        # Room for the header text and its sort arrow, whatever the font.
        fitted = header.fontMetrics().horizontalAdvance("Coverage") + 3 * em
        label = header.fontMetrics().horizontalAdvance("Conflict") + 4 * em  # icon and arrow
        for column, width in ((COL_NUMBER, 3 * em), (COL_LABEL, label), (COL_COVERAGE, fitted)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        sources = self.model.document_count()
        mode = (
            QHeaderView.ResizeMode.Stretch
            if sources <= STRETCH_UP_TO
            else QHeaderView.ResizeMode.Interactive
        )
        for column in range(FIRST_SOURCE, FIRST_SOURCE + sources):
            header.setSectionResizeMode(column, mode)
            if mode == QHeaderView.ResizeMode.Interactive:
                self.view.setColumnWidth(column, 16 * em)

    def _summarise(self) -> None:
        rows = [self.model.row(n) for n in range(self.model.rowCount())]
        sources = self.model.document_count()
        if not rows:
            self.summary.setText("No claim is stated by more than one source.")
            return
        everywhere = sum(row.coverage == sources for row in rows)
        disputed = sum(row.label != "agree" for row in rows)
        self.summary.setText(
            f"{len(rows)} claims stated by several sources · {everywhere} by all {sources} · "
            f"{disputed} with differences"
        )

    def on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cell_activated.emit(index.data(CLUSTER_ROLE), index.data(CLAIM_ROLE))

    def select_claim(self, claim_id: int) -> bool:
        """Make the cell holding a claim current (without emitting ``cell_activated``)."""
        found = self.model.cell_of_claim(claim_id)
        if found is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(*found))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True
