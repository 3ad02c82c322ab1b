"""Who each source cites: speakers down, sources across, claims counted in each cell."""

from __future__ import annotations

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
from claimdiff.sourcing import Sourcing, cell_text, document_summary, sourcing

CLAIMS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ids of the claims a cell counts."""


class CitedPanel(QWidget):
    """A summary line per source above a table of speakers by source.

    Activating a cell shows the first claim it counts; activating it again shows the next.
    A speaker's name counts the claims of every source.
    """

    claim_chosen = Signal(int)
    """The id of a claim the analyst asked to see."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Attribution summary")
        self.view = QTableWidget()
        self.view.setObjectName("citedTable")
        self.view.setAccessibleName("Who each source cites")
        self.view.setAccessibleDescription(
            "One row per speaker, one column per source: the claims the source attributes to "
            "the speaker, and how many quote them. Press Enter on a cell to see those claims "
            "one after another."
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
        self.cited = Sourcing((), ())
        self._pending: Comparison | None = None
        self._stale = False

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show who the comparison's sources cite; None empties the table. The table is
        built when the tab is first shown: a 5,000-claim comparison opens no slower."""
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
            self.cited = Sourcing((), ())
            self.view.setRowCount(0)
            self.view.setColumnCount(0)
            self.summary.clear()
            return
        self.cited = sourcing(comparison)
        names = [document.source for document in comparison.documents]
        self.summary.setText(
            " · ".join(
                document_summary(name, counts)
                for name, counts in zip(names, self.cited.documents, strict=True)
            )
            if self.cited.speakers
            else "No claim is attributed to anyone."
        )
        self.view.setColumnCount(1 + len(names))
        self.view.setHorizontalHeaderLabels(["Speaker", *names])
        self.view.setRowCount(len(self.cited.speakers))
        for row, speaker in enumerate(self.cited.speakers):
            name = QTableWidgetItem(speaker.name)
            name.setToolTip(f"Cited by {speaker.cited_by} of {len(names)} sources")
            name.setData(CLAIMS_ROLE, [i for ids in speaker.claims for i in ids])
            self.view.setItem(row, 0, name)
            for position, source in enumerate(names):
                ids = speaker.claims[position]
                item = QTableWidgetItem(cell_text(speaker, position))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(CLAIMS_ROLE, list(ids))
                if ids:
                    item.setToolTip(
                        f"{source} attributes {len(ids)} claim{'s' if len(ids) != 1 else ''} "
                        f"to {speaker.name}:\n"
                        + "\n".join(f"• {_excerpt(comparison.claim(i).text)}" for i in ids)
                    )
                else:
                    item.setToolTip(f"{source} does not cite {speaker.name}")
                    item.setForeground(self.palette().placeholderText())
                self.view.setItem(row, position + 1, item)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(names) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

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


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
