"""A thin strip between two panes that draws a band for every link, as Meld does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from claimdiff.model import Link
from ui import theme as themes
from ui.panes import DocumentPane

WIDTH = 56


class LinkageWidget(QWidget):
    """Connects the linked claims of the pane on its left with the pane on its right."""

    def __init__(self, left: DocumentPane, right: DocumentPane, parent: Any = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.theme = themes.LIGHT
        self.selected: Link | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the neighbouring documents")
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def links(self) -> list[tuple[Link, int, int]]:
        """(link, claim in left pane, claim in right pane) for every link between them."""
        comparison = self.left.comparison
        if comparison is None or self.right.comparison is not comparison:
            return []
        found = []
        for link in comparison.links:
            doc_a = comparison.claim(link.a).document
            doc_b = comparison.claim(link.b).document
            if (doc_a, doc_b) == (self.left.position, self.right.position):
                found.append((link, link.a, link.b))
            elif (doc_b, doc_a) == (self.left.position, self.right.position):
                found.append((link, link.b, link.a))
        return found

    def far_ends(self) -> list[tuple[Link, str, int]]:
        """Links that skip this strip's neighbours: (link, "left" or "right", claim).

        A claim of the left pane linked to a document beyond the right pane gets
        a marker on the left edge, and a claim of the right pane linked to a
        document before the left pane one on the right edge, so that no link is
        invisible when three or more documents are open.
        """
        comparison = self.left.comparison
        if comparison is None or self.right.comparison is not comparison:
            return []
        left, right = self.left.position, self.right.position
        found = []
        for link in comparison.links:
            for here, there in ((link.a, link.b), (link.b, link.a)):
                doc_here = comparison.claim(here).document
                doc_there = comparison.claim(there).document
                if doc_here == left and doc_there > right:
                    found.append((link, "left", here))
                elif doc_here == right and doc_there < left:
                    found.append((link, "right", here))
        return found

    def _paint_far_ends(self, painter: QPainter) -> None:
        width = float(self.width())
        for link, side, claim in self.far_ends():
            pane = self.left if side == "left" else self.right
            span = pane.claim_span_y(claim)
            if span is None:
                continue
            top, bottom = (self._y(pane, y) for y in span)
            if bottom < 0 or top > self.height():
                continue
            middle = (top + bottom) / 2
            x0, x1 = (0.0, 10.0) if side == "left" else (width, width - 10.0)
            path = QPainterPath(QPointF(x0, middle - 6))
            path.lineTo(QPointF(x1, middle))
            path.lineTo(QPointF(x0, middle + 6))
            path.closeSubpath()
            painter.fillPath(path, self.theme.color(link.label.value))

    def _y(self, pane: DocumentPane, y: int) -> int:
        return self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, y))).y()

    def band(self, left_claim: int, right_claim: int) -> QPainterPath | None:
        """The band joining two claims, or None when both are out of view."""
        left_span = self.left.claim_span_y(left_claim)
        right_span = self.right.claim_span_y(right_claim)
        if left_span is None or right_span is None:
            return None
        lt, lb = (self._y(self.left, y) for y in left_span)
        rt, rb = (self._y(self.right, y) for y in right_span)
        height = self.height()
        if (lb < 0 and rb < 0) or (lt > height and rt > height):
            return None
        # A claim scrolled out of view ends in a short stub at the edge, not a long line.
        lt, lb, rt, rb = (min(max(y, -6), height + 6) for y in (lt, lb, rt, rb))
        width = float(self.width())
        middle = width / 2
        path = QPainterPath(QPointF(0, lt))
        path.cubicTo(QPointF(middle, lt), QPointF(middle, rt), QPointF(width, rt))
        path.lineTo(QPointF(width, rb))
        path.cubicTo(QPointF(middle, rb), QPointF(middle, lb), QPointF(0, lb))
        path.closeSubpath()
        return path

    def _on_screen(self, left_claim: int, right_claim: int) -> bool:
        """Both ends at least partly visible."""
        for pane, claim in ((self.left, left_claim), (self.right, right_claim)):
            span = pane.claim_span_y(claim)
            if span is None or span[1] < 0 or span[0] > pane.viewport().height():
                return False
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(self.theme.window))
        chosen = None
        for link, left_claim, right_claim in self.links():
            path = self.band(left_claim, right_claim)
            if path is None:
                continue
            if link == self.selected:
                chosen = (link, path)
                continue
            fill = self.theme.color(link.label.value, "tint")
            pen = self.theme.color(link.label.value)
            shown = self._on_screen(left_claim, right_claim)
            fill.setAlpha(170 if shown else 60)
            pen.setAlpha(255 if shown else 70)
            painter.fillPath(path, fill)
            painter.setPen(QPen(pen, 1.0))
            painter.drawPath(path)
        self._paint_far_ends(painter)
        if chosen is not None:  # drawn last, so it is never hidden under another band
            link, path = chosen
            painter.fillPath(path, self.theme.color(link.label.value, "strong"))
            painter.setPen(QPen(self.theme.color(link.label.value), 2.2))
            painter.drawPath(path)
        painter.end()

    def set_selected(self, link: Link | None) -> None:
        self.selected = link
        self.update()

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        self.update()
