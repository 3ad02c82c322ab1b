"""The application context: database, settings, undo stack, runner and worker, passed explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack

from claimdiff.model import ClaimDiffError, Comparison, Curation, Document
from ui import theme as themes
from ui.commands import CommandRunner
from ui.engine import api
from ui.worker import CompareRequest, CompareResult, CompareWorker

if TYPE_CHECKING:
    from claimdiff.store import Store

MAX_RECENT = 10
DEBOUNCE_MS = 250
"""Files dropped in quick succession start one comparison, not several."""


class AppContext(QObject):
    """Everything the window and commands share; there are no module-level globals."""

    comparison_changed = Signal(object, bool)
    """(Comparison or None, fresh): fresh is False when only curations changed."""
    documents_changed = Signal(object)
    """The documents gathered so far, when there are too few to compare."""
    library_changed = Signal()
    theme_changed = Signal(object)
    recent_changed = Signal()

    def __init__(self, db: str | None, settings: QSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        # Empty lets the engine pick its default (CLAIMDIFF_AUTHOR, else the login name),
        # so the app and the CLI sign curations the same way.
        self.author = str(settings.value("curation/author", "") or "")
        self.theme = themes.theme_named(str(settings.value("view/theme", "light")))
        self.comparison: Comparison | None = None
        self.curations: tuple[Curation, ...] = ()
        self.documents: tuple[Document, ...] = ()
        self.undo_stack = QUndoStack(self)
        self.runner = CommandRunner(self, self)
        self.worker = CompareWorker(self)
        self.worker.comparison_finished.connect(self.on_worker_finished)
        self.worker.comparison_failed.connect(self.on_worker_failed)
        self._store: Store | None = None
        self._pending: list[str] = []
        self._in_flight: tuple[str, ...] = ()
        self._request_title = "Compare"
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.on_debounce_timeout)

    # -- database -----------------------------------------------------------

    def store(self) -> Store:
        """The GUI thread's own Store (the worker opens another)."""
        if self._store is None:
            self._store = api().open_store(self.db)
        return self._store

    def close(self) -> None:
        """Stop the worker and close the database; nothing half-written stays behind."""
        self._debounce.stop()
        self.worker.cancel()
        self.worker.wait()
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- documents and comparisons ------------------------------------------

    def add_files(self, paths: Sequence[str]) -> None:
        """Add files to the current set; the comparison re-runs shortly after."""
        if not paths:
            return
        self._pending.extend(str(path) for path in paths)
        self.add_recent(paths)
        self._debounce.start()

    def open_files(self, paths: Sequence[str]) -> None:
        """Start a new comparison of exactly these files."""
        self.clear()
        self.add_files(paths)

    def open_stored(self, comparison_id: int) -> None:
        """Read a stored comparison back, on the worker (large ones take a moment)."""
        self.clear()
        self._request_title = "Open comparison"
        self.worker.start(CompareRequest(db=self.db, stored=comparison_id))

    def compare_now(self) -> None:
        """Skip the debounce delay (command line and screenshot mode)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.on_debounce_timeout()

    def on_debounce_timeout(self) -> None:
        # A run still going is superseded, so its files travel on with the new request.
        carried = self._in_flight if self.worker.busy else ()
        paths = tuple(dict.fromkeys((*carried, *self._pending)))
        self._pending = []
        self._in_flight = paths
        current = self.comparison
        if current is not None and current.id is not None:
            # A stored comparison grows: only the new document pairs are aligned, and its
            # id, name and curations stay.
            self._request_title = "Add articles"
            self.worker.start(CompareRequest(paths=paths, db=self.db, extend=current.id))
            return
        self._request_title = "Compare"
        self.worker.start(CompareRequest(self.documents, paths, self.db))

    def on_worker_finished(self, result: CompareResult) -> None:
        self._in_flight = ()
        self.documents = result.documents
        names = ", ".join(Path(path).name for path in result.skipped)
        if result.unchanged:
            self.runner.report(
                self._request_title, f"nothing was added; already in this comparison: {names}"
            )
            shown = self.comparison.documents if self.comparison else ()
            if result.comparison is not None and len(result.documents) != len(shown):
                # A cancelled run had already stored these files: show what is stored.
                self.show(result.comparison, fresh=False)
            return
        if result.comparison is None:
            self.documents_changed.emit(result.documents)
        else:
            self.library_changed.emit()
            self.show(result.comparison, fresh=self.comparison is None)
        if names:  # after showing, so the comparison's summary does not hide it
            self.runner.message_posted.emit(f"{names}: already in the comparison, skipped")

    def on_worker_failed(self, message: str) -> None:
        self._in_flight = ()
        self.runner.report(self._request_title, message)

    def show(self, comparison: Comparison, *, fresh: bool) -> None:
        """Make a comparison the current one."""
        if fresh:
            self.undo_stack.clear()
        self.comparison = comparison
        self.documents = comparison.documents
        self.curations = self._read_curations(comparison)
        self.comparison_changed.emit(comparison, True)

    def _read_curations(self, comparison: Comparison) -> tuple[Curation, ...]:
        """The analysts' actions on these texts, for the detail panel's history."""
        if comparison.id is None:
            return ()
        try:
            return tuple(api().curations_for(comparison, db=self.store()))
        except ClaimDiffError as error:  # the history is a nicety; the comparison still shows
            self.runner.message_posted.emit(f"Curation history unavailable: {error}")
            return ()

    def reload(self) -> None:
        """Read the current comparison again, with curations applied."""
        if self.comparison is None or self.comparison.id is None:
            return
        self.comparison = api().load_comparison(self.comparison.id, db=self.store())
        self.curations = self._read_curations(self.comparison)
        self.comparison_changed.emit(self.comparison, False)

    def clear(self) -> None:
        """Back to the empty state."""
        self.worker.cancel()
        self._pending = []
        self._in_flight = ()
        self.comparison = None
        self.curations = ()
        self.documents = ()
        self.undo_stack.clear()
        self.comparison_changed.emit(None, True)

    # -- settings -----------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = themes.theme_named(name)
        self.settings.setValue("view/theme", self.theme.name)
        self.theme_changed.emit(self.theme)

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in (value or [])]

    def add_recent(self, paths: Sequence[str]) -> None:
        recent = self.recent_files()
        for path in paths:
            text = str(path)
            if text in recent:
                recent.remove(text)
            recent.insert(0, text)
        self.settings.setValue("recent/files", recent[:MAX_RECENT])
        self.recent_changed.emit()
