"""The comparison area: legend, warnings, document panes with linkage strips, claim table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from claimdiff.model import Comparison, Link, ReasonKind
from ui import highlight
from ui import theme as themes
from ui.claim_model import (
    COL_CLAIM_A,
    COL_CLAIM_B,
    COL_LABEL,
    COL_NOTES,
    COL_REASONS,
    COL_SCORE,
    COL_SOURCE_A,
    COL_SOURCE_B,
    COL_STATUS,
    ClaimFilterProxyModel,
)
from ui.linkage import LinkageWidget
from ui.panes import PaneColumn

PANE_MIN_WIDTH = 300
"""Narrower panes are unreadable: with many sources the panes scroll sideways instead."""

LEGEND_REASONS = (
    ReasonKind.NUMBER,
    ReasonKind.DATE,
    ReasonKind.ENTITY,
    ReasonKind.SPEAKER,
    ReasonKind.NEGATION,
    ReasonKind.QUOTE,
)


class Swatch(QWidget):
    """A small colour chip for the legend."""

    def __init__(self, color: str, border: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.color, self.border = color, border
        self.setFixedSize(14, 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QColor(self.border))
        painter.setBrush(QColor(self.color))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class Legend(QWidget):
    """What each colour means: link labels, then differing-word reasons."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Colour legend")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self.set_theme(themes.LIGHT)

    def set_theme(self, theme: themes.Theme) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # deleteLater waits for the event loop; never paint it again
                widget.deleteLater()
        for kind in themes.KINDS:
            self._add(theme.tint[kind], theme.label[kind], themes.KIND_NAMES[kind])
        self._layout.addSpacing(18)
        self._layout.addWidget(QLabel("Differing words:"))
        for reason in LEGEND_REASONS:
            self._add(theme.reason[reason], theme.muted, reason.value)
        self._layout.addStretch(1)
        names = ", ".join(themes.KIND_NAMES[kind] for kind in themes.KINDS)
        self.setAccessibleDescription(f"Claim colours: {names}")

    def _add(self, color: str, border: str, text: str) -> None:
        self._layout.addWidget(Swatch(color, border))
        label = QLabel(text)
        label.setObjectName("legendItem")
        self._layout.addWidget(label)


class ComparisonView(QWidget):
    """Panes side by side, one per document, with a linkage strip between neighbours."""

    claim_clicked = Signal(int)
    """A claim id clicked in any pane."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[PaneColumn] = []
        self.strips: list[LinkageWidget] = []
        self.legend = Legend()
        self.banner = QLabel()
        self.banner.setObjectName("warningBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Warnings")
        self.banner.hide()
        row = QWidget()
        self._row = QHBoxLayout(row)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(row)
        self.scroll.setAccessibleName("Documents side by side")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

    @property
    def panes(self) -> list[Any]:
        return [column.pane for column in self.columns]

    def set_comparison(self, comparison: Comparison, theme: themes.Theme) -> None:
        """Show every document of a comparison."""
        count = len(comparison.documents)
        if count != len(self.columns):
            self._rebuild(count)
        kinds = highlight.claim_kinds(comparison)  # once for every pane
        for position, column in enumerate(self.columns):
            column.set_document(comparison, position, theme, kinds)
        for strip in self.strips:
            strip.set_theme(theme)
        warnings = comparison.warnings
        self.banner.setVisible(bool(warnings))
        self.banner.setText("⚠ " + "\n⚠ ".join(warnings) if warnings else "")

    def _rebuild(self, count: int) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.columns = [PaneColumn() for _ in range(count)]
        for column in self.columns:
            column.setMinimumWidth(PANE_MIN_WIDTH)
            column.pane.claim_clicked.connect(self.claim_clicked)
        self.strips = []
        for position, column in enumerate(self.columns):
            if position:
                strip = LinkageWidget(self.columns[position - 1].pane, column.pane)
                self.strips.append(strip)
                self._row.addWidget(strip)
            self._row.addWidget(column, 1)

    def select(self, claims: set[int], link: Link | None) -> None:
        for pane in self.panes:
            pane.select(claims, link)
        for strip in self.strips:
            strip.set_selected(link)

    def scroll_to(self, claims: tuple[int, ...]) -> None:
        for pane in self.panes:
            for claim_id in claims:
                if pane.comparison and pane.comparison.claim(claim_id).document == pane.position:
                    pane.scroll_to_claim(claim_id)
                    break
        if claims and self.panes and self.panes[0].comparison is not None:
            # With more sources than fit, bring the first claim's pane into view.
            document = self.panes[0].comparison.claim(claims[0]).document
            if document < len(self.columns):
                self.scroll.ensureWidgetVisible(self.columns[document], 0, 0)
        for strip in self.strips:
            strip.update()

    def set_theme(self, theme: themes.Theme) -> None:
        self.legend.set_theme(theme)
        for pane in self.panes:
            pane.set_theme(theme)
        for strip in self.strips:
            strip.set_theme(theme)

    def set_zoom(self, step: int) -> None:
        for pane in self.panes:
            (pane.zoomIn if step > 0 else pane.zoomOut)(abs(step))
        for strip in self.strips:
            strip.update()


class ClaimTablePanel(QWidget):
    """Filters (label, document, words) above the claim table."""

    def __init__(self, proxy: ClaimFilterProxyModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by label")
        self.kind.addItem("All labels", None)
        for kind in themes.KINDS:
            self.kind.addItem(themes.KIND_NAMES[kind], kind)
        self.document = QComboBox()
        self.document.setAccessibleName("Filter by document")
        self.document.addItem("All documents", None)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Search statements, sources, speakers, reasons, notes (Ctrl+F)"
        )
        self.search.setAccessibleName("Search claims")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setAccessibleName("Rows shown")
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setAccessibleName("Claim table")
        # Rows arrive in reading order; sorting starts only when a header is clicked.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self._size_columns()
        bar = QHBoxLayout()
        show = QLabel("&Show:")
        show.setBuddy(self.kind)
        bar.addWidget(show)
        bar.addWidget(self.kind)
        bar.addWidget(self.document)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.document.currentIndexChanged.connect(self.on_document_changed)
        self.search.textChanged.connect(self.on_search_changed)
        proxy.rowsInserted.connect(self.update_count)
        proxy.rowsRemoved.connect(self.update_count)
        proxy.modelReset.connect(self.update_count)
        proxy.layoutChanged.connect(self.update_count)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (COL_CLAIM_A, COL_CLAIM_B):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not ResizeToContents: that measures every row on each reset.
        em = self.view.fontMetrics().horizontalAdvance("M")
        widths = {
            COL_LABEL: 9 * em,
            COL_SCORE: 4 * em,
            COL_STATUS: 5 * em,
            COL_SOURCE_A: 6 * em,
            COL_SOURCE_B: 6 * em,
            COL_REASONS: 14 * em,
            COL_NOTES: 9 * em,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        # Reasons and notes are read in the detail panel; the header menu shows them here.
        for column in (COL_REASONS, COL_NOTES):
            self.view.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_menu_requested)

    def on_header_menu_requested(self, point: QPoint) -> None:
        menu = QMenu(self)
        model = self.view.model()
        for column in range(model.columnCount()):
            name = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.view.setColumnHidden(c, not shown))
        menu.exec(self.view.horizontalHeader().mapToGlobal(point))

    def set_documents(self, sources: list[str]) -> None:
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        self.document.addItem("All documents", None)
        for position, source in enumerate(sources):
            self.document.addItem(source, position)
        index = self.document.findData(current) if current is not None else 0
        self.document.setCurrentIndex(max(index, 0))
        self.document.blockSignals(False)
        self.proxy.set_document(self.document.currentData())

    def clear_filters(self) -> None:
        self.kind.setCurrentIndex(0)
        self.document.setCurrentIndex(0)
        self.search.clear()

    def on_kind_changed(self, _index: int) -> None:
        self.proxy.set_kind(self.kind.currentData())

    def on_document_changed(self, _index: int) -> None:
        self.proxy.set_document(self.document.currentData())

    def on_search_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.proxy.sourceModel().rowCount()
        self.count.setText(f"{shown} of {total} rows" if shown != total else f"{total} rows")
