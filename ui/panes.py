"""One pane per document: claims highlighted by label, differing words by reason."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from claimdiff.model import Comparison, Link
from ui import highlight
from ui import theme as themes


def utf16_offsets(text: str) -> list[int] | None:
    """Map str offsets to Qt's UTF-16 offsets; None when they are the same."""
    # Both tests run in C; only texts with characters beyond the BMP build a table.
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return None
    return [0, *accumulate(2 if ch > "\uffff" else 1 for ch in text)]


class DocumentPane(QTextBrowser):
    """The text of one document with claims painted as extra selections.

    Only the claims in and around the visible text are highlighted; scrolling,
    resizing and the layout growing move that window along. A 5,000-claim
    document opens without placing thousands of cursors nobody sees yet.
    """

    claim_clicked = Signal(int)
    """A claim id, when the analyst clicks inside a claim."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.position = 0
        self._offsets: list[int] | None = None
        self._theme = themes.LIGHT
        self._selected: set[int] = set()
        self._link: Link | None = None
        self._spans: list[highlight.Span] = []
        """This document's claims in text order, with the label each is painted with."""
        self._starts: list[int] = []
        self._index: dict[int, int] = {}
        self._window: tuple[int, int] | None = None
        """Indexes into the spans of the claims highlighted now."""
        self._formats: dict[tuple[str, object], QTextCharFormat] = {}
        self._cursors: dict[tuple[int, int], QTextCursor] = {}
        self._geometry: dict[int, tuple[int, int]] = {}
        """Claim id -> (top, bottom) in document coordinates, until the layout changes."""
        self._shown: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        """(margin, scroll value, width, height) -> claims near the view, until the layout
        changes."""
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        layout = self.document().documentLayout()
        layout.documentSizeChanged.connect(self.on_layout_size_changed)
        self.verticalScrollBar().valueChanged.connect(self.on_scroll_value_changed)

    def set_document(
        self,
        comparison: Comparison,
        position: int,
        theme: themes.Theme,
        kinds: dict[int, str] | None = None,
    ) -> None:
        """Show document ``position`` of a comparison (``kinds``: its claim kinds, if known)."""
        document = comparison.documents[position]
        same_text = self.comparison is not None and (
            self.comparison.documents[self.position].sha256 == document.sha256
        )
        if theme is not self._theme:
            self._formats.clear()
        self.comparison, self.position, self._theme = comparison, position, theme
        self._set_spans(highlight.claim_spans(comparison, position, kinds))
        self._window = None
        self._forget_layout()
        if not same_text:
            # Offsets and cursors first: setting the text already reports layout changes.
            self._cursors.clear()
            self._offsets = utf16_offsets(document.text)
            self.setPlainText(document.text)
            self._space_lines()
        source = document.source
        self.setAccessibleName(f"Text of {source}")
        self.setAccessibleDescription(
            f"Article from {source}; claims are highlighted by how they compare"
        )
        self.repaint_claims()

    def _set_spans(self, spans: list[highlight.Span]) -> None:
        self._spans = sorted(spans, key=lambda span: (span.start, span.end))
        self._starts = [span.start for span in self._spans]
        self._index = {span.claim: number for number, span in enumerate(self._spans)}

    def _space_lines(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        self._formats.clear()
        self.repaint_claims()

    def qt_offset(self, offset: int) -> int:
        return self._offsets[offset] if self._offsets else offset

    def py_offset(self, qt_offset: int) -> int:
        if not self._offsets:
            return qt_offset
        return min(bisect_left(self._offsets, qt_offset), len(self._offsets) - 1)

    def select(self, claims: set[int], link: Link | None) -> None:
        """Emphasise these claims and, for a link, its differing words."""
        self._selected, self._link = claims, link
        self.repaint_claims()

    def claims_near_view(self, margin: int) -> tuple[int, int]:
        """Indexes ``[low, high)`` into :attr:`spans` of the claims from ``margin`` pixels
        above the viewport to ``margin`` pixels below it.

        Found by galloping search over claim tops (they grow with the offset), starting
        where the viewport's centre is: a few claims are measured, not all of them.
        Claim geometry forces the layout that far, so the answer holds while a large
        text is still being laid out, when hit tests may not.
        """
        if not self._spans:
            return 0, 0
        viewport = self.viewport()
        key = (margin, self.verticalScrollBar().value(), viewport.width(), viewport.height())
        window = self._shown.get(key)
        if window is None:
            centre = self.cursorForPosition(QPoint(viewport.width() // 2, viewport.height() // 2))
            guess = bisect_right(self._starts, self.py_offset(centre.position()))
            first = self._first_top_at(-margin, guess)
            last = self._first_top_at(viewport.height() + margin + 1, first)
            # Two more above: a long claim may start above the margin and reach into view.
            window = (max(first - 2, 0), last)
            self._shown[key] = window
        return window

    @property
    def spans(self) -> list[highlight.Span]:
        """This document's claim spans in text order."""
        return self._spans

    def span_index(self, claim_id: int) -> int | None:
        """Where a claim of this document sits in :attr:`spans`."""
        return self._index.get(claim_id)

    def _top(self, index: int) -> int:
        span = self.claim_span_y(self._spans[index].claim)
        return span[0] if span is not None else 0

    def _first_top_at(self, y: int, guess: int) -> int:
        """The first span index whose top is at or below viewport ``y``."""
        low, high, step = 0, len(self._spans), 1  # tops above y before low, at/below from high
        guess = min(guess, high - 1)
        if self._top(guess) >= y:
            high = guess
            while high - step >= 0 and self._top(high - step) >= y:
                high, step = high - step, step * 2
            low = max(high - step + 1, 0)
        else:
            low = guess + 1
            while low + step - 1 < high and self._top(low + step - 1) < y:
                low, step = low + step, step * 2
            high = min(low + step - 1, high)
        while low < high:
            middle = (low + high) // 2
            if self._top(middle) >= y:
                high = middle
            else:
                low = middle + 1
        return low

    def repaint_claims(self) -> None:
        """Highlight the claims in and around the visible text (the rest waits for scrolling)."""
        if self.comparison is None or not self.isVisible():
            # A hidden pane has no layout to measure: the show event highlights it.
            self._window = None
            self.setExtraSelections([])
            return
        self._window = low, high = self.claims_near_view(max(self.viewport().height(), 300))
        selections = [
            self._selection(span.start, span.end, self._claim_format(span))
            for span in self._spans[low:high]
        ]
        if self._link is not None:
            for claim_id, spans in highlight.link_spans(self.comparison, self._link).items():
                if self.comparison.claim(claim_id).document != self.position:
                    continue
                for span in spans:
                    selections.append(
                        self._selection(span.start, span.end, self._token_format(span))
                    )
        self.setExtraSelections(selections)

    def _follow_view(self) -> None:
        """Move the highlighted window along when the visible claims leave it."""
        if self.comparison is None or not self.isVisible():
            return
        low, high = self.claims_near_view(0)
        window = self._window
        if window is None or low < window[0] or high > window[1]:
            self.repaint_claims()

    def _claim_format(self, span: highlight.Span) -> QTextCharFormat:
        chosen = span.claim in self._selected
        key = (span.kind, chosen)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(self._theme.color(span.kind, "strong" if chosen else "tint"))
            if chosen:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(self._theme.color(span.kind))
            self._formats[key] = fmt
        return fmt

    def _token_format(self, span: highlight.TokenSpan) -> QTextCharFormat:
        key = ("reason", span.reason.value)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(self._theme.reason_color(span.reason))
            fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[key] = fmt
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        # Cursors are kept per span: placing thousands of them anew on every click is slow.
        cursor = self._cursors.get((start, end))
        if cursor is None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.qt_offset(start))
            cursor.setPosition(self.qt_offset(end), QTextCursor.MoveMode.KeepAnchor)
            self._cursors[(start, end)] = cursor
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def claim_span_y(self, claim_id: int) -> tuple[int, int] | None:
        """Top and bottom of a claim in viewport coordinates."""
        if self.comparison is None:
            return None
        span = self._geometry.get(claim_id)
        if span is None:
            claim = self.comparison.claim(claim_id)
            if claim.document != self.position:
                return None
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.qt_offset(claim.start))
            offset = self.verticalScrollBar().value()
            top = self.cursorRect(cursor).top() + offset
            cursor.setPosition(self.qt_offset(max(claim.start, claim.end - 1)))
            span = (top, self.cursorRect(cursor).bottom() + offset)
            self._geometry[claim_id] = span
        offset = self.verticalScrollBar().value()
        return span[0] - offset, span[1] - offset

    def _forget_layout(self) -> None:
        self._geometry.clear()
        self._shown.clear()

    def on_layout_size_changed(self, _size: object) -> None:
        self._forget_layout()  # the layout grew or re-flowed (large texts lay out in steps)
        self._follow_view()

    def on_scroll_value_changed(self, _value: int) -> None:
        self._follow_view()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_view()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_layout()  # lines re-wrap, so every claim may move
        super().resizeEvent(event)
        self._follow_view()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._forget_layout()
        super().changeEvent(event)

    def scroll_to_claim(self, claim_id: int) -> None:
        """Scroll so the claim sits in the upper third, unless it is fully visible."""
        span = self.claim_span_y(claim_id)
        if span is None:
            return
        top, bottom = span
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        self.click_at(event.position().toPoint())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keyboard users move the caret and press Enter to select the claim under it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.comparison is not None:
            offset = self.py_offset(self.textCursor().position())
            claim_id = highlight.claim_at(self.comparison, self.position, offset)
            if claim_id is not None:
                self.claim_clicked.emit(claim_id)
                return
        super().keyPressEvent(event)

    def click_at(self, point: QPoint) -> None:
        """Select the claim under a viewport point, if any."""
        if self.comparison is None:
            return
        offset = self.py_offset(self.cursorForPosition(point).position())
        claim_id = highlight.claim_at(self.comparison, self.position, offset)
        if claim_id is not None:
            self.claim_clicked.emit(claim_id)


class PaneColumn(QWidget):
    """A document pane under a header naming the source, title and date."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setObjectName("paneHeader")
        self.subheader = QLabel()
        self.subheader.setObjectName("paneSubheader")
        self.subheader.setWordWrap(False)
        self.subheader.setMinimumWidth(50)
        self.pane = DocumentPane()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.pane, 1)

    def set_document(
        self,
        comparison: Comparison,
        position: int,
        theme: themes.Theme,
        kinds: dict[int, str] | None = None,
    ) -> None:
        self.pane.set_document(comparison, position, theme, kinds)
        document = comparison.documents[position]
        claims = len(self.pane.spans)
        date = document.published.isoformat() if document.published else "no date"
        same = sum(d.source == document.source for d in comparison.documents)
        # Two articles from one outlet: number them as the coverage matrix does.
        self.header.setText(document.source if same == 1 else f"{document.source} ({position + 1})")
        self.subheader.setText(f"{date}  ·  {claims} claims  ·  {document.title}")
        self.subheader.setToolTip(document.path or "")
