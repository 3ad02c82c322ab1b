"""A PDF report: the HTML report laid out by QtGui's QTextDocument on A4 pages."""

from __future__ import annotations

import os
import sys
from typing import Any

from claimdiff.model import ClaimDiffError, Comparison
from claimdiff.report.html import render_view_html
from claimdiff.report.view import build_view

MARGIN_MM = 15.0
RESOLUTION_DPI = 300


def render_pdf(comparison: Comparison) -> bytes:
    """Render the report as PDF bytes: A4, page numbers at the foot of each page.

    QtGui is imported here and nowhere else in the engine, so importing
    ``claimdiff`` never loads Qt. Without a display the offscreen platform is used.
    """
    view = build_view(comparison)
    markup = render_view_html(view, print_layout=True)
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    except ImportError as error:
        raise ClaimDiffError(f"PDF export needs PySide6 ({error})") from None
    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(view.title)
    writer.setCreator("ClaimDiff")
    writer.setResolution(RESOLUTION_DPI)
    orientation = (
        QPageLayout.Orientation.Landscape
        if len(view.documents) > 2
        else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(markup)
    # print_() paginates a copy of the document and numbers each page at its foot.
    document.setPageSize(QSizeF())
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def _ensure_application() -> Any:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1] or ["claimdiff"])
    return app
