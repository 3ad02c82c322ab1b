"""A thin strip between two panes that draws a band for every link, as Meld does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from claimdiff.model import Comparison, Link
from ui import theme as themes
from ui.panes import DocumentPane

WIDTH = 56
EDGE = 6
"""A band whose claim is scrolled out of view ends this far beyond the strip's edge."""
MARGIN = 200
"""Claims farther than this beyond a pane's viewport end at the strip's edge anyway, so
their exact place is never computed: a paint costs the claims on screen, not all of them."""

Place = tuple[int, int, bool]
"""Top and bottom of a claim in strip coordinates (clamped), and whether it is on screen."""


class _Side:
    """One pane as the strip sees it during one paint."""

    def __init__(self, strip: QWidget, pane: DocumentPane) -> None:
        self.pane = pane
        self.shift = strip.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        self.height = pane.viewport().height()
        self.first, self.last = pane.claims_near_view(MARGIN)
        self.low, self.high = -EDGE, strip.height() + EDGE

    def place(self, claim_id: int, index: int | None = None) -> Place:
        """Where a claim is; ``index`` (its place in the pane's spans) saves a look-up."""
        index = self.pane.span_index(claim_id) if index is None else index
        if index is None or index < self.first:
            return self.low, self.low, False
        if index >= self.last:
            return self.high, self.high, False
        span = self.pane.claim_span_y(claim_id)
        if span is None:
            return self.low, self.low, False
        top, bottom = span
        shown = bottom >= 0 and top <= self.height
        # A claim scrolled out of view ends in a short stub at the edge, not a long line.
        top = min(max(top + self.shift, self.low), self.high)
        bottom = min(max(bottom + self.shift, self.low), self.high)
        return top, bottom, shown


class LinkageWidget(QWidget):
    """Connects the linked claims of the pane on its left with the pane on its right."""

    def __init__(self, left: DocumentPane, right: DocumentPane, parent: Any = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.theme = themes.LIGHT
        self.selected: Link | None = None
        self._for: tuple[Comparison | None, int, int] = (None, -1, -1)
        self._links: list[tuple[Link, int, int]] = []
        self._order: list[tuple[str, int, int]] = []
        """Per band: its label and both claims' indexes in their panes' spans."""
        self._far: list[tuple[Link, str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the neighbouring documents")
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def links(self) -> list[tuple[Link, int, int]]:
        """(link, claim in left pane, claim in right pane) for every link between them."""
        self._collect()
        return list(self._links)

    def far_ends(self) -> list[tuple[Link, str, int]]:
        """Links that skip this strip's neighbours: (link, "left" or "right", claim).

        A claim of the left pane linked to a document beyond the right pane gets
        a marker on the left edge, and a claim of the right pane linked to a
        document before the left pane one on the right edge, so that no link is
        invisible when three or more documents are open.
        """
        self._collect()
        return list(self._far)

    def _collect(self) -> None:
        """Sort the comparison's links into bands and far ends, once per comparison."""
        comparison = self.left.comparison
        if self.right.comparison is not comparison:
            comparison = None
        left, right = self.left.position, self.right.position
        cached = self._for
        if cached[0] is comparison and cached[1:] == (left, right):
            return
        self._for = (comparison, left, right)
        self._links, self._far, self._order = [], [], []
        if comparison is None:
            return
        claims = comparison.claims
        for link in comparison.links:
            doc_a, doc_b = claims[link.a].document, claims[link.b].document
            if (doc_a, doc_b) == (left, right):
                self._links.append((link, link.a, link.b))
            elif (doc_b, doc_a) == (left, right):
                self._links.append((link, link.b, link.a))
            for here, doc_here, doc_there in ((link.a, doc_a, doc_b), (link.b, doc_b, doc_a)):
                if doc_here == left and doc_there > right:
                    self._far.append((link, "left", here))
                elif doc_here == right and doc_there < left:
                    self._far.append((link, "right", here))
        index_left, index_right = self.left.span_index, self.right.span_index
        self._order = [
            (link.label.value, _index(index_left(a)), _index(index_right(b)))
            for link, a, b in self._links
        ]

    def _paint_far_ends(self, painter: QPainter, sides: tuple[_Side, _Side]) -> None:
        width = float(self.width())
        for link, side, claim_id in self._far:
            top, bottom, _ = sides[side == "right"].place(claim_id)
            if bottom < 0 or top > self.height():
                continue
            middle = (top + bottom) / 2
            x0, x1 = (0.0, 10.0) if side == "left" else (width, width - 10.0)
            path = QPainterPath(QPointF(x0, middle - 6))
            path.lineTo(QPointF(x1, middle))
            path.lineTo(QPointF(x0, middle + 6))
            path.closeSubpath()
            painter.fillPath(path, self.theme.color(link.label.value))

    def _sides(self) -> tuple[_Side, _Side]:
        return _Side(self, self.left), _Side(self, self.right)

    def band(self, left_claim: int, right_claim: int) -> QPainterPath | None:
        """The band joining two claims, or None when both are out of view."""
        self._collect()
        if self._for[0] is None:
            return None
        left_side, right_side = self._sides()
        lt, lb, _ = left_side.place(left_claim)
        rt, rb, _ = right_side.place(right_claim)
        return self._path(lt, lb, rt, rb)

    def _path(self, lt: int, lb: int, rt: int, rb: int) -> QPainterPath | None:
        height = self.height()
        if (lb < 0 and rb < 0) or (lt > height and rt > height):
            return None
        width = float(self.width())
        middle = width / 2
        path = QPainterPath(QPointF(0, lt))
        path.cubicTo(QPointF(middle, lt), QPointF(middle, rt), QPointF(width, rt))
        path.lineTo(QPointF(width, rb))
        path.cubicTo(QPointF(middle, rb), QPointF(middle, lb), QPointF(0, lb))
        path.closeSubpath()
        return path

    def _chosen(self) -> tuple[Link, int, int] | None:
        """The selected link's band, if it joins these two panes."""
        selected = self.selected
        if selected is None:
            return None
        for band in self._links:
            link = band[0]
            if link.a == selected.a and link.b == selected.b and link == selected:
                return band
        return None

    def _bands(
        self, sides: tuple[_Side, _Side], chosen: tuple[Link, int, int] | None
    ) -> dict[tuple[int, int, int, int, str, bool], int]:
        """Every band but the chosen one, counted by geometry: the many links whose claims
        are both scrolled away collapse into a few edge-to-edge bands, drawn once each."""
        left_side, right_side = sides
        counts: dict[tuple[int, int, int, int, str, bool], int] = {}
        for band, (label, left_index, right_index) in zip(self._links, self._order, strict=True):
            if band is chosen:
                continue
            lt, lb, left_shown = left_side.place(band[1], left_index)
            rt, rb, right_shown = right_side.place(band[2], right_index)
            key = (lt, lb, rt, rb, label, left_shown and right_shown)
            counts[key] = counts.get(key, 0) + 1
        return counts

    def paintEvent(self, event: QPaintEvent) -> None:
        self._collect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(self.theme.window))
        sides = self._sides()
        chosen = self._chosen()
        for (lt, lb, rt, rb, label, shown), count in self._bands(sides, chosen).items():
            path = self._path(lt, lb, rt, rb)
            if path is None:
                continue
            fill = self.theme.color(label, "tint")
            pen = self.theme.color(label)
            # n identical translucent bands composite to what one band of this alpha gives.
            fill.setAlphaF(_stacked(170 / 255 if shown else 60 / 255, count))
            pen.setAlphaF(_stacked(1.0 if shown else 70 / 255, count))
            painter.fillPath(path, fill)
            painter.setPen(QPen(pen, 1.0))
            painter.drawPath(path)
        self._paint_far_ends(painter, sides)
        if chosen is not None:  # drawn last, so it is never hidden under another band
            link, left_claim, right_claim = chosen
            path = self.band(left_claim, right_claim)
            if path is not None:
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


def _index(found: int | None) -> int:
    return -1 if found is None else found  # not in the pane: treated as above its view


def _stacked(alpha: float, count: int) -> float:
    """The opacity of ``count`` layers of one colour at ``alpha`` each."""
    return 1.0 - (1.0 - alpha) ** count
