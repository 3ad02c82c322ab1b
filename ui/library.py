"""The library: stored comparisons, to reopen, rename or delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.table_model import Index, RowTableModel

if TYPE_CHECKING:
    from claimdiff.store import ComparisonSummary

COL_NAME, COL_DOCUMENTS, COL_CREATED = range(3)
HEADERS = ("Name", "Sources", "Created")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class LibraryModel(RowTableModel):
    """One row per stored comparison, newest first."""

    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ComparisonSummary] = []

    def set_summaries(self, summaries: list[ComparisonSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> ComparisonSummary:
        return self._rows[row]

    def row_of(self, comparison_id: int) -> int | None:
        for number, summary in enumerate(self._rows):
            if summary.id == comparison_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == ID_ROLE:
            return summary.id
        if role == NAME_ROLE:
            return summary.name
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            return f"{summary.name}\nSources: {', '.join(summary.documents)}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == COL_NAME:
                return summary.name
            if column == COL_DOCUMENTS:
                return ", ".join(summary.documents)
            return summary.created.strftime("%Y-%m-%d %H:%M") if summary.created else ""
        return None


class LibraryView(QTableView):
    """The library table; Enter reopens, F2 renames, Delete deletes (after asking)."""

    open_requested = Signal(int)

    def __init__(self, model: LibraryModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Stored comparisons")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.setColumnHidden(COL_DOCUMENTS, True)  # shown in the name's tooltip instead
        self.horizontalHeader().setSectionResizeMode(
            COL_CREATED, QHeaderView.ResizeMode.ResizeToContents
        )
        self.setWordWrap(False)
        self.activated.connect(self.on_row_activated)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return None if not index.isValid() else int(index.data(ID_ROLE))

    def current_name(self) -> str:
        index = self.currentIndex()
        return "" if not index.isValid() else str(index.data(NAME_ROLE))

    def on_row_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(int(index.data(ID_ROLE)))
