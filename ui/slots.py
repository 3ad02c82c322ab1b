"""The ``action_*`` slots of the main window, one per entry in ``ui.actions.ACTIONS``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from claimdiff.curate import relink_curations
from claimdiff.model import CurationAction, Label
from ui import actions, dialogs, icons
from ui.commands import CurationCommand, DeleteCommand, ExportCommand, RenameCommand

if TYPE_CHECKING:
    from ui.tally import TallyPanel
    from ui.window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def export_formats() -> dict[str, str]:
    """Every report format the engine offers right now, with its file suffix."""
    from claimdiff import report

    suffixes = getattr(report, "SUFFIXES", {})
    return {fmt: suffixes.get(fmt, f".{fmt}") for fmt in report.RENDERERS}


class ActionSlotsMixin(_Base):
    """Menu and toolbar slots; anything that changes state goes through the runner."""

    # -- File ------------------------------------------------------------------------

    def action_new(self) -> None:
        self.context.clear()

    def action_open(self) -> None:
        paths = dialogs.choose_files(self, "Open articles to compare")
        if paths:
            self.context.open_files(paths)

    def action_add(self) -> None:
        paths = dialogs.choose_files(self, "Add articles to the comparison")
        if paths:
            self.context.add_files(paths)

    def action_export(self) -> None:
        comparison = self.context.comparison
        if comparison is None:
            return
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in comparison.name)
        folder = Path(str(self.context.settings.value("export/folder", str(Path.home()))))
        dialog = dialogs.ExportDialog(export_formats(), folder / (stem or "claimdiff"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.export_to(dialog.targets()):
            self.context.settings.setValue("export/folder", dialog.folder.text())

    def export_to(self, targets: dict[str, str]) -> bool:
        return self.context.runner.do(ExportCommand(self.context, targets))

    def action_cancel(self) -> None:
        if self.context.worker.busy:
            self.context.worker.cancel()
            self.statusBar().showMessage("Comparison cancelled; nothing was changed", 8000)

    def action_quit(self) -> None:
        self.close()

    # -- Edit / Go -------------------------------------------------------------------

    def action_find(self) -> None:
        self.table.search.setFocus()
        self.table.search.selectAll()

    def action_clear_filters(self) -> None:
        self.table.clear_filters()

    def action_next_difference(self) -> None:
        self.go_to_difference(forward=True)

    def action_previous_difference(self) -> None:
        self.go_to_difference(forward=False)

    def action_focus_table(self) -> None:
        self.tabs.setCurrentWidget(self.table)
        self.table.view.setFocus()

    def action_focus_panes(self) -> None:
        if self.view.panes:
            self.view.panes[0].setFocus()

    def action_focus_library(self) -> None:
        self.library_dock.show()
        self.library.setFocus()

    # -- Curate ----------------------------------------------------------------------

    def action_confirm(self) -> None:
        self.curate(CurationAction.CONFIRM, "Confirm link")

    def action_reject(self) -> None:
        self.curate(CurationAction.REJECT, "Reject link")

    def action_label_agree(self) -> None:
        self.label_link(Label.AGREE)

    def action_label_partial(self) -> None:
        self.label_link(Label.PARTIAL)

    def action_label_conflict(self) -> None:
        self.label_link(Label.CONFLICT)

    def action_note(self) -> None:
        if self.selected_link is None:
            return
        text = dialogs.ask_note(self)
        if text:
            self.curate(CurationAction.NOTE, "Add note", text)

    def action_relink(self) -> None:
        comparison = self.context.comparison
        if comparison is None or not self.selected_claims:
            return
        claim_id = self.selected_claims[0]
        counterpart = dialogs.ask_counterpart(self, comparison, claim_id)
        if counterpart is not None:
            self.relink(claim_id, counterpart)

    def on_detail_relink_requested(self, counterpart: int) -> None:
        if self.context.comparison is not None and self.selected_claims:
            self.relink(self.selected_claims[0], counterpart)

    def relink(self, claim_id: int, counterpart: int) -> bool:
        comparison = self.context.comparison
        assert comparison is not None
        old = self.selected_link
        made = relink_curations(
            comparison,
            claim_id,
            counterpart,
            replaces=[old] if old is not None else [],
            author=self.context.author,
        )
        return self.context.runner.do(CurationCommand(self.context, made, "Re-link claim"))

    # -- View ------------------------------------------------------------------------

    def action_show_matrix(self) -> None:
        self.tabs.setCurrentWidget(self.matrix)
        self.matrix.view.setFocus()
        if not self.matrix.view.currentIndex().isValid() and self.matrix.proxy.rowCount():
            self.matrix.view.setCurrentIndex(self.matrix.proxy.index(0, 0))

    def action_show_cited(self) -> None:
        self._show_tally(self.cited)

    def action_show_dates(self) -> None:
        self._show_tally(self.dates)

    def _show_tally(self, panel: TallyPanel) -> None:
        self.tabs.setCurrentWidget(panel)
        panel.view.setFocus()
        if panel.view.currentRow() < 0 and panel.view.rowCount():
            panel.view.setCurrentCell(0, 0)

    def action_toggle_dark(self) -> None:
        self.context.set_theme("light" if self.context.theme.dark else "dark")

    def action_zoom_in(self) -> None:
        self.view.set_zoom(1)

    def action_zoom_out(self) -> None:
        self.view.set_zoom(-1)

    def action_library_open(self) -> None:
        comparison_id = self.library.current_id()
        if comparison_id is not None:
            self.open_stored(comparison_id)

    def action_library_rename(self) -> None:
        comparison_id = self.library.current_id()
        if comparison_id is None:
            return
        old = self.library.current_name()
        new = dialogs.ask_text(self, "Rename comparison", "New name:", old)
        if new and new != old:
            self.context.runner.do(RenameCommand(self.context, comparison_id, old, new))

    def action_library_delete(self) -> None:
        comparison_id = self.library.current_id()
        if comparison_id is None:
            return
        name = self.library.current_name()
        text = (
            f"Delete the stored comparison “{name}”?\n\nThe analysts' curations of these "
            "articles are kept, but the comparison itself cannot be restored."
        )
        if dialogs.confirm(self, "Delete comparison", text, "Delete"):
            self.context.runner.do(DeleteCommand(self.context, comparison_id, name))

    # -- Help ------------------------------------------------------------------------

    def action_sample(self) -> None:
        self.context.open_files(icons.sample_paths())
        self.context.compare_now()

    def action_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{name}</td><td><b>{keys}</b></td></tr>"
            for name, keys in actions.shortcut_table()
        )
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def action_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        try:
            ours = version("claimdiff")
        except PackageNotFoundError:
            ours = "(not installed)"
        QMessageBox.about(
            self,
            "About ClaimDiff",
            f"<p><b>ClaimDiff</b> {ours}</p>"
            "<p>Compare how different outlets report the same event: claims, links, "
            "differences.</p>"
            f"<p>Qt {qVersion()}, PySide6 {pyside_version}</p>",
        )
