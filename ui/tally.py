"""A table of claims counted by row and by source: who each source cites, what it dates when.

Each cell counts claims of one source; clicking it (or pressing Enter on it) shows the first
of them, clicking again the next. The row's own label goes through the claims of every
source. The table is built when the tab is first shown, so opening a large comparison is
no slower for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from claimdiff.model import Comparison
from ui.matrix_model import excerpt

CLAIMS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ids of the claims a cell counts."""
ORDER_ROLE = Qt.ItemDataRole.UserRole + 2
"""What a column sorts by: the count of a cell, the order of a row's label."""


class _Item(QTableWidgetItem):
    """A cell that sorts by its ``ORDER_ROLE``: "10" after "9", dates in time order."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(ORDER_ROLE), other.data(ORDER_ROLE)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return super().__lt__(other)
        return bool(mine < theirs)


@dataclass(frozen=True)
class Cell:
    """One source's claims in one row."""

    text: str
    claims: tuple[int, ...]
    tooltip: str


@dataclass(frozen=True)
class Row:
    label: str
    tooltip: str
    cells: tuple[Cell, ...]
    order: str | int = ""
    """How the label column sorts: a name, or the row's place (dates, earliest first)."""


@dataclass(frozen=True)
class Tally:
    """What a tally panel shows: a summary line, a header for the labels, the rows."""

    summary: str
    heading: str
    sources: tuple[str, ...]
    rows: tuple[Row, ...]


class TallyPanel(QWidget):
    """A summary line above a table of rows by source, each cell counting claims."""

    claim_chosen = Signal(int)
    """The id of a claim the analyst asked to see."""

    def __init__(
        self,
        tally_of: Callable[[Comparison], Tally],
        name: str,
        description: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.tally_of = tally_of
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(f"{name}: summary")
        self.view = QTableWidget()
        self.view.setAccessibleName(name)
        self.view.setAccessibleDescription(
            f"{description} Press Enter on a cell to see its claims one after another."
        )
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        # a click, or Enter; a double click's activation would count one step twice
        self.view.cellClicked.connect(self.on_cell_activated)
        self.view.cellActivated.connect(self.on_cell_entered)
        self._turn: dict[tuple[int, ...], int] = {}
        self._pending: Comparison | None = None
        self._stale = False

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the comparison's tally (built when the tab is shown); None empties it."""
        self._pending = comparison
        self._stale = True
        if self.isVisible():
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._build()
        super().showEvent(event)

    def _build(self) -> None:
        comparison, self._stale = self._pending, False
        self._turn.clear()
        self.view.setSortingEnabled(False)
        self.view.clear()
        if comparison is None:
            self.view.setRowCount(0)
            self.view.setColumnCount(0)
            self.summary.clear()
            return
        tally = self.tally_of(comparison)
        self.summary.setText(tally.summary)
        self.view.setColumnCount(1 + len(tally.sources))
        self.view.setHorizontalHeaderLabels([tally.heading, *tally.sources])
        self.view.setRowCount(len(tally.rows))
        faint = self.palette().placeholderText()
        for number, row in enumerate(tally.rows):
            label = _Item(row.label)
            label.setData(ORDER_ROLE, row.order if row.order != "" else number)
            label.setToolTip(row.tooltip)
            label.setData(CLAIMS_ROLE, [i for cell in row.cells for i in cell.claims])
            self.view.setItem(number, 0, label)
            for column, cell in enumerate(row.cells, start=1):
                item = _Item(cell.text)
                item.setData(ORDER_ROLE, len(cell.claims))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(CLAIMS_ROLE, list(cell.claims))
                item.setToolTip(cell.tooltip)
                if not cell.claims:
                    item.setForeground(faint)
                self.view.setItem(number, column, item)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(tally.sources) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def on_cell_entered(self, row: int, column: int) -> None:
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.on_cell_activated(row, column)

    def on_cell_activated(self, row: int, column: int) -> None:
        item = self.view.item(row, column)
        ids = tuple(item.data(CLAIMS_ROLE) or ()) if item is not None else ()
        if not ids:
            return
        turn = self._turn.get(ids, -1) + 1
        self._turn[ids] = turn
        self.claim_chosen.emit(ids[turn % len(ids)])


TOOLTIP_CHARS = 90
"""Characters of a claim on one line of a cell's tooltip."""


def listed(comparison: Comparison, ids: tuple[int, ...]) -> str:
    """Claims as a tooltip lists them, one bullet each."""
    return "\n".join(f"• {excerpt(comparison.claim(i).text, TOOLTIP_CHARS)}" for i in ids)
