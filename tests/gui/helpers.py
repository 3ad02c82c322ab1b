"""Helpers for GUI tests: simulated drops and clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor

from claimdiff import api
from ui.panes import DocumentPane
from ui.window import MainWindow

COMPARE_TIMEOUT_MS = 120_000
"""The first comparison loads spaCy; generous, since a slow CI box is not a failure."""


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Deliver a real QDropEvent with file URLs to the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()


def claim_point(pane: DocumentPane, claim_id: int) -> QPoint:
    """A viewport point inside a claim (scrolled into view first)."""
    assert pane.comparison is not None
    claim = pane.comparison.claim(claim_id)
    pane.scroll_to_claim(claim_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.qt_offset(claim.start + min(3, len(claim.text) - 1)))
    return pane.cursorRect(cursor).center()


def compare(qtbot, window: MainWindow, paths: list[Path]) -> api.Comparison:  # type: ignore[no-untyped-def]
    """Drop files on the window and wait until their comparison is shown."""
    with qtbot.waitSignal(window.context.comparison_changed, timeout=COMPARE_TIMEOUT_MS):
        drop_files(window, paths)
    assert window.context.comparison is not None
    return window.context.comparison
