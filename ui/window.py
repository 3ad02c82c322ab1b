"""The main window: compared documents side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QTextBrowser, QWidget

from claimdiff import api


class MainWindow(QMainWindow):
    """Shows the documents of one comparison side by side."""

    def __init__(self, db: str | None = None) -> None:
        super().__init__()
        self.db = db
        self.comparison: api.Comparison | None = None
        self.setWindowTitle("ClaimDiff")
        self._central = QWidget()
        self._layout = QHBoxLayout(self._central)
        self._layout.addWidget(QLabel("Drop two or more articles here"))
        self.setCentralWidget(self._central)

    def open_files(self, paths: list[str]) -> None:
        try:
            self.comparison = api.compare_files(paths, db=self.db)
        except api.ClaimDiffError as error:
            QMessageBox.warning(self, "ClaimDiff", str(error))
            return
        self.show_comparison(self.comparison)

    def show_comparison(self, comparison: api.Comparison) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for document in comparison.documents:
            pane = QTextBrowser()
            pane.setPlainText(document.text)
            self._layout.addWidget(pane)
