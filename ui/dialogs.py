"""Dialogs: errors, confirmations, label/note/counterpart pickers and ExportDialog.

The small ``ask_*`` functions are the seams tests replace.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from claimdiff.model import Comparison


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """The one error dialog of the app: a title and a readable sentence, no traceback."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAccessibleName(f"{title} error")
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, text)
    value = value.strip()
    return value if ok and value else None


def ask_note(parent: QWidget | None) -> str | None:
    value, ok = QInputDialog.getMultiLineText(parent, "Add note", "Note on this link:")
    value = value.strip()
    return value if ok and value else None


def ask_counterpart(parent: QWidget | None, comparison: Comparison, claim_id: int) -> int | None:
    """Let the analyst pick another counterpart for a claim."""
    dialog = RelinkDialog(comparison, claim_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def choose_files(parent: QWidget | None, title: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        title,
        "",
        "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx);;All files (*)",
    )
    return paths


class RelinkDialog(QDialog):
    """Lists the claims of the other documents, the likeliest counterparts first with the
    matcher's score, and a filter, to pick a new counterpart."""

    def __init__(self, comparison: Comparison, claim_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Re-link claim")
        claim = comparison.claim(claim_id)
        current = {
            link.b if link.a == claim_id else link.a for link in comparison.links_of(claim_id)
        }
        self.filter = QLineEdit(placeholderText="Filter statements")
        self.filter.setAccessibleName("Filter counterpart statements")
        self.list = QListWidget()
        self.list.setAccessibleName("Possible counterparts, likeliest first")
        self.list.setWordWrap(True)
        from claimdiff import api  # SQLAlchemy and the matcher: not before the window shows

        scores = {s.claim: s.score for s in api.suggest_counterparts(comparison, claim_id)}
        others = [other for other in comparison.claims if other.document != claim.document]
        # the scored ones by score; those the matcher set aside as unrelated after them
        others.sort(key=lambda other: -scores.get(other.id, -1.0))
        for other in others:
            source = comparison.documents[other.document].source
            marker = "  (linked now)" if other.id in current else ""
            score = f"{scores[other.id]:.0%} \u00b7 " if other.id in scores else ""
            item = QListWidgetItem(f"{score}{source}: {other.text}{marker}")
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self.on_filter_text_changed)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt = QLabel(
            f"Link “{escape(claim.text)}” to:<br><small>Likeliest counterparts first; the"
            " percentage is the matcher's score for the pair on its wording.</small>"
        )
        prompt.setTextFormat(Qt.TextFormat.RichText)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def on_filter_text_changed(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(word in item.text().lower() for word in words))

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


class ExportDialog(QDialog):
    """Choose a folder, a base name and the formats; every engine format is offered."""

    def __init__(self, formats: dict[str, str], base: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export report")
        self.folder = QLineEdit(str(base.parent))
        self.folder.setAccessibleName("Export folder")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.on_browse_clicked)
        self.name = QLineEdit(base.name)
        self.name.setAccessibleName("Report file name without extension")
        self.checks: dict[str, QCheckBox] = {}
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form.addRow("&Folder:", row)
        form.addRow("&Name:", self.name)
        for fmt, suffix in formats.items():
            check = QCheckBox(f"{fmt} ({suffix})")
            check.setChecked(True)
            check.setAccessibleName(f"Export {fmt}")
            self.checks[fmt] = check
            form.addRow("" if len(self.checks) > 1 else "Formats:", check)
        self.suffixes = formats
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export to folder", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def targets(self) -> dict[str, str]:
        """Format -> file path, for every checked format."""
        base = Path(self.folder.text()).expanduser() / (self.name.text().strip() or "claimdiff")
        return {
            fmt: str(base.with_name(base.name + self.suffixes[fmt]))
            for fmt, check in self.checks.items()
            if check.isChecked()
        }
