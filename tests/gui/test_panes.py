"""Panes and linkage strips on a long comparison: what is on screen is highlighted and drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from claimdiff.model import Claim, Comparison, Document, Label, Link
from ui.highlight import UNIQUE
from ui.panes import DocumentPane, utf16_offsets
from ui.window import MainWindow

CLAIMS = 400
LABELS = (Label.AGREE, Label.PARTIAL, Label.CONFLICT)


def _document(position: int, numbers: list[int]) -> tuple[Document, list[Claim]]:
    lines, claims, offset = [], [], 0
    for number in numbers:
        line = f"Statement {number} says that {number} officials met on day {number % 28 + 1}."
        claims.append(Claim(0, position, offset, offset + len(line), line))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    return Document(position, f"T{position}", f"S{position}", text, f"sha{position}"), claims


def long_comparison() -> Comparison:
    """Two documents of 400 one-line claims; B states them in reverse order, so links cross."""
    doc_a, claims_a = _document(0, list(range(CLAIMS)))
    doc_b, claims_b = _document(1, list(reversed(range(CLAIMS))))
    claims = [
        Claim(number, c.document, c.start, c.end, c.text)
        for number, c in enumerate([*claims_a, *claims_b])
    ]
    # Claim n of A states what claim 2 * CLAIMS - 1 - n of B states; every fifth is unique.
    links = tuple(Link(n, 2 * CLAIMS - 1 - n, LABELS[n % 3], 0.9) for n in range(CLAIMS) if n % 5)
    return Comparison((doc_a, doc_b), tuple(claims), links)


@pytest.fixture
def shown(window: MainWindow) -> Comparison:
    comparison = long_comparison()
    window.context.show(comparison, fresh=True)
    QApplication.processEvents()
    return comparison


def _scroll(pane: DocumentPane, share: float) -> None:
    bar = pane.verticalScrollBar()
    bar.setValue(int(bar.maximum() * share))
    QApplication.processEvents()


def _in_view(pane: DocumentPane, margin: int = 0) -> set[int]:
    """Every claim of the pane at least partly within ``margin`` pixels of the viewport."""
    found = set()
    for span in pane.spans:
        top, bottom = pane.claim_span_y(span.claim) or (0, -1)
        if bottom >= -margin and top <= pane.viewport().height() + margin:
            found.add(span.claim)
    return found


def _highlighted(pane: DocumentPane) -> dict[int, str]:
    """Claim id -> background colour of its highlight, from the pane's extra selections."""
    by_offsets = {(span.start, span.end): span.claim for span in pane.spans}
    found = {}
    for selection in pane.extraSelections():
        cursor = selection.cursor
        start, end = pane.py_offset(cursor.selectionStart()), pane.py_offset(cursor.selectionEnd())
        if (start, end) in by_offsets:
            found[by_offsets[(start, end)]] = selection.format.background().color().name()
    return found


@pytest.mark.parametrize("share", [0.0, 0.37, 1.0])  # top, somewhere inside, the very end
def test_claims_in_view_are_highlighted_in_their_colour(
    window: MainWindow, shown: Comparison, share: float
) -> None:
    pane = window.view.panes[0]
    _scroll(pane, share)
    visible = _in_view(pane)
    highlighted = _highlighted(pane)
    assert visible and visible <= set(highlighted)
    theme = window.context.theme
    for claim_id in visible:
        kind = LABELS[claim_id % 3].value if claim_id % 5 else UNIQUE
        assert highlighted[claim_id] == theme.color(kind, "tint").name()
    # Only the claims near the view are highlighted, not all 400 of them.
    assert len(highlighted) < CLAIMS / 2


@pytest.mark.parametrize("margin", [0, 200])  # the visible claims; those the strips measure
def test_claims_near_view_are_exactly_those_within_the_margin(
    window: MainWindow, shown: Comparison, margin: int
) -> None:
    pane = window.view.panes[1]
    _scroll(pane, 0.61)
    low, high = pane.claims_near_view(margin)
    expected = {pane.spans.index(s) for s in pane.spans if s.claim in _in_view(pane, margin)}
    assert expected and expected <= set(range(low, high))
    assert high - low <= len(expected) + 2  # plus two above, for claims that start higher


def test_selecting_a_far_claim_scrolls_and_highlights_its_counterpart(
    window: MainWindow, shown: Comparison
) -> None:
    left, right = window.view.panes
    window.select_claim(301)  # near the end of A; its counterpart is near the start of B
    assert window.selected_claims == (301, 2 * CLAIMS - 1 - 301)
    counterpart = window.selected_claims[1]
    assert counterpart in _in_view(right)
    strong = window.context.theme.color(LABELS[301 % 3].value, "strong").name()
    assert _highlighted(right)[counterpart] == strong
    assert _highlighted(left)[301] == strong


def test_crossing_links_out_of_view_share_one_band(window: MainWindow, shown: Comparison) -> None:
    left, right = window.view.panes
    _scroll(left, 0.5)
    _scroll(right, 0.5)
    strip = window.view.strips[0]
    bands = {a: (b, strip.band(a, b)) for _, a, b in strip.links()}
    assert len(bands) == len(shown.links)
    # Claims 11, 12 and 23 of A are far above the middle and their counterparts in B far
    # below it: each band joins the strip's top edge to its bottom edge, all the same one.
    rects = set()
    for claim_id in (11, 12, 23):
        path = bands[claim_id][1]
        assert path is not None
        rects.add(path.boundingRect().getRect())
    assert len(rects) == 1
    _, top, _, height = rects.pop()
    assert top < 0 and top + height > strip.height()
    # A link with both claims in view ends exactly at both claims.
    both = [a for a, (b, _) in bands.items() if a in _in_view(left) and b in _in_view(right)]
    assert both
    claim_id = both[0]
    other, path = bands[claim_id]
    assert path is not None
    ends = []
    for pane, claim in ((left, claim_id), (right, other)):
        shift = strip.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        span = pane.claim_span_y(claim)
        assert span is not None
        ends.extend(y + shift for y in span)
    rect = path.boundingRect()
    assert abs(rect.top() - min(ends)) < 1 and abs(rect.bottom() - max(ends)) < 1


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("plain ascii", None),  # the same offsets: no table
        ("café, naïve", None),  # accents are one UTF-16 unit each
        ("a😀b", [0, 1, 3, 4]),  # an emoji takes two UTF-16 units
        ("🎉🎉", [0, 2, 4]),  # two in a row
        ("", None),  # empty text
    ],
)
def test_utf16_offsets(text: str, table: list[int] | None) -> None:
    assert utf16_offsets(text) == table


def test_py_offset_inverts_qt_offset(window: MainWindow) -> None:
    text = "I 😀 it. Next 🎉 claim."
    document = Document(0, "T", "S", text, "sha-emoji")
    other = Document(1, "T", "S", "Plain.", "sha-plain")
    claims = (Claim(0, 0, 0, 7, text[0:7]), Claim(1, 0, 8, len(text), text[8:]))
    comparison = Comparison((document, other), claims, ())
    window.context.show(comparison, fresh=True)
    pane = window.view.panes[0]
    for offset in range(len(text) + 1):
        assert pane.py_offset(pane.qt_offset(offset)) == offset
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.qt_offset(8))
    cursor.setPosition(pane.qt_offset(len(text)), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == text[8:]  # "Next 🎉 claim.", past the first emoji
