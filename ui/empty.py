"""The first-run page: what to do, and buttons to do it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from claimdiff.model import Document

if TYPE_CHECKING:
    from ui.window import MainWindow

EMPTY_TITLE = "Drop two or more articles here"


class EmptyState(QWidget):
    """The first-run page: what to do, and two buttons to do it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.title = QLabel(EMPTY_TITLE)
        self.title.setObjectName("emptyTitle")
        self.hint = QLabel(
            "Plain text, Markdown, HTML, PDF or Word files, or use File ▸ Open (Ctrl+O).\n"
            "Help ▸ Open Sample Comparison shows two reports of the 2017 G7 meeting in Lucca."
        )
        self.hint.setObjectName("emptyHint")
        self.setAccessibleName("Empty comparison")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for label in (self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        for name in ("open", "sample"):
            button = QPushButton(
                window.named_actions[name].text().replace("…", "").replace("&", "")
            )
            button.setIcon(window.named_actions[name].icon())
            button.clicked.connect(window.named_actions[name].trigger)
            button.setMaximumWidth(280)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def show_documents(self, documents: tuple[Document, ...]) -> None:
        if not documents:
            self.title.setText(EMPTY_TITLE)
            return
        names = ", ".join(document.source for document in documents)
        self.title.setText(f"Loaded {names}. Drop one more article to compare.")
