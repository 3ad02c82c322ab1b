"""The main window: documents side by side, the claim table, the detail panel and the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
)

from claimdiff.model import Comparison, CurationAction, Document, Label, Link
from ui import APPLICATION_NAME, actions, icons
from ui import theme as themes
from ui.cited import CitedPanel, DatesPanel
from ui.claim_model import KIND_ROLE, ClaimFilterProxyModel, ClaimTableModel
from ui.context import AppContext
from ui.detail import DetailPanel
from ui.empty import EmptyState
from ui.library import LibraryModel, LibraryView
from ui.matrix import CoverageMatrixPanel
from ui.matrix_model import CoverageMatrixModel
from ui.selection import SelectionMixin
from ui.slots import ActionSlotsMixin
from ui.workspace import ClaimTablePanel, ComparisonView

STAGES = {"load": "Reading articles", "extract": "Finding claims", "align": "Matching claims"}


class MainWindow(ActionSlotsMixin, SelectionMixin, QMainWindow):
    """Shows one comparison; every change goes through ``context.runner``."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.setParent(self)  # the context lives exactly as long as its window
        context.runner.parent_widget = self
        self.setWindowTitle(APPLICATION_NAME)
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.named_actions = actions.build_actions(self, self)
        self.model = ClaimTableModel(self)
        self.proxy = ClaimFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.library_model = LibraryModel(self)
        self.matrix_model = CoverageMatrixModel(self)
        self._difference_rows: list[int] | None = None
        self.position_timer = QTimer(self)
        self.position_timer.setSingleShot(True)
        self.position_timer.setInterval(0)
        self.position_timer.timeout.connect(self.update_position)
        self._build_widgets()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.selected_claims: tuple[int, ...] = ()
        self.selected_link: Link | None = None
        self.apply_theme(context.theme)
        self.restore_layout()
        self.update_actions()

    # -- construction --------------------------------------------------------

    def _build_widgets(self) -> None:
        self.view = ComparisonView()
        self.table = ClaimTablePanel(self.proxy)
        self.detail = DetailPanel()
        self.matrix = CoverageMatrixPanel(self.matrix_model)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bottomTabs")
        self.tabs.setAccessibleName("Claim table, coverage matrix, who is cited and dates")
        self.tabs.addTab(self.table, "Claims")
        self.tabs.addTab(self.matrix, "Coverage matrix")
        self.tabs.setTabToolTip(1, "Which source states which claim (Ctrl+Shift+M)")
        self.cited = CitedPanel()
        self.tabs.addTab(self.cited, "Cited")
        self.tabs.setTabToolTip(2, "Who each source cites, and how often (Ctrl+Shift+W)")
        self.dates = DatesPanel()
        self.tabs.addTab(self.dates, "Dates")
        self.tabs.setTabToolTip(
            3, "What each source dates to each day, earliest first (Ctrl+Shift+D)"
        )
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(self.tabs)
        self.bottom.addWidget(self.detail)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.empty = EmptyState(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.library = LibraryView(self.library_model)
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library)
        self.library_dock.setAccessibleName("Library of stored comparisons")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.resizeDocks([self.library_dock], [210], Qt.Orientation.Horizontal)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.undo_action = self.context.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(actions.key_sequences(actions.UNDO_KEYS))
        self.undo_action.setIcon(icons.icon("undo"))
        self.undo_action.setIconText("Undo")  # the menu says what; the button stays short
        self.redo_action = self.context.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(actions.key_sequences(actions.REDO_KEYS))
        self.redo_action.setIcon(icons.icon("redo"))
        self.redo_action.setIconText("Redo")
        for name in (
            "open",
            "add",
            "export",
            None,
            "previous_difference",
            "next_difference",
            None,
            "confirm",
            "reject",
            "relink",
            "note",
        ):
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.named_actions[name])
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.toolbar = toolbar

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in actions.ACTIONS:
            menu = menus.get(spec.menu) or self.menuBar().addMenu(spec.menu)
            menus[spec.menu] = menu
            if spec.name == "export":
                self.recent_menu = menu.addMenu("Open &Recent")
                self.recent_menu.setAccessibleName("Recent files")
            if spec.name == "find":
                menu.addAction(self.undo_action)
                menu.addAction(self.redo_action)
                menu.addSeparator()
            if spec.name in ("quit", "label_agree", "library_open", "toggle_dark"):
                menu.addSeparator()
            menu.addAction(spec_action := self.named_actions[spec.name])
            spec_action.setParent(self)
        menus[actions.VIEW].addAction(self.library_dock.toggleViewAction())
        self.refresh_recent()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.position_label = QLabel()
        self.position_label.setAccessibleName("Difference position")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Comparison progress")
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.named_actions["cancel"])
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setAccessibleName("Cancel comparison")
        for widget in (self.position_label, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
        self.progress.hide()
        self.cancel_button.hide()

    def _connect(self) -> None:
        ctx = self.context
        ctx.comparison_changed.connect(self.on_context_comparison_changed)
        ctx.documents_changed.connect(self.on_context_documents_changed)
        ctx.library_changed.connect(self.refresh_library)
        ctx.recent_changed.connect(self.refresh_recent)
        ctx.theme_changed.connect(self.apply_theme)
        ctx.runner.message_posted.connect(self.on_runner_message_posted)
        ctx.worker.engine_loaded.connect(self.on_worker_engine_loaded)
        ctx.worker.started.connect(self.on_worker_started)
        ctx.worker.progressed.connect(self.on_worker_progressed)
        for signal in (
            ctx.worker.comparison_finished,
            ctx.worker.comparison_failed,
            ctx.worker.comparison_cancelled,
        ):
            signal.connect(self.on_worker_stopped)
        ctx.undo_stack.indexChanged.connect(self.on_undo_index_changed)
        self.table.view.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        for signal in (
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.dataChanged,
        ):
            signal.connect(self.on_proxy_rows_changed)
        self.library.open_requested.connect(self.open_stored)
        self.view.claim_clicked.connect(self.on_pane_claim_clicked)
        self.detail.relink_requested.connect(self.on_detail_relink_requested)
        self.matrix.cell_activated.connect(self.on_matrix_cell_activated)
        self.cited.claim_chosen.connect(self.select_claim)
        self.dates.claim_chosen.connect(self.select_claim)

    def on_runner_message_posted(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def on_undo_index_changed(self, _index: int) -> None:
        self.update_actions()

    # -- comparison shown ------------------------------------------------------

    def on_context_comparison_changed(self, comparison: Comparison | None, fresh: bool) -> None:
        self.matrix_model.set_comparison(comparison)
        self.cited.set_comparison(comparison)
        self.dates.set_comparison(comparison)
        if comparison is None:
            self.model.set_comparison(None)
            self.empty.show_documents(())
            self.stack.setCurrentWidget(self.empty)
            self.setWindowTitle(APPLICATION_NAME)
            self.show_selection((), None)
            self.update_actions()
            return
        keep = (self.selected_claims, self.selected_link) if not fresh else ((), None)
        self.view.set_comparison(comparison, self.context.theme)
        self.model.set_comparison(comparison)
        self.table.set_documents([d.source for d in comparison.documents])
        self.stack.setCurrentWidget(self.splitter)
        self.setWindowTitle(f"{comparison.name} - {APPLICATION_NAME}")
        counts = comparison.counts()
        self.statusBar().showMessage(
            f"{counts['links']} links ({counts['agree']} agree, {counts['partial']} partial, "
            f"{counts['conflict']} conflict), {counts['unique']} claims in one source only",
            10000,
        )
        self.restore_selection(*keep)
        self.library.selectRow(self.library_model.row_of(comparison.id or -1) or 0)

    def on_context_documents_changed(self, documents: tuple[Document, ...]) -> None:
        self.empty.show_documents(documents)
        self.stack.setCurrentWidget(self.empty)

    # -- worker ----------------------------------------------------------------

    def on_worker_engine_loaded(self, problem: str) -> None:
        """The engine is imported now, so the library can be read without a pause."""
        if problem:
            self.statusBar().showMessage(f"Language model not loaded: {problem}", 15000)
        self.refresh_library()

    def on_worker_started(self, _number: int) -> None:
        self.progress.setValue(0)
        self.progress.setFormat("Starting…")
        self.progress.show()
        self.cancel_button.show()
        self.update_actions()

    def on_worker_progressed(self, stage: str, share: float) -> None:
        self.progress.setValue(int(share * 100))
        self.progress.setFormat(f"{STAGES.get(stage, stage.capitalize())} %p%")

    def on_worker_stopped(self, *_args: Any) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.update_actions()

    # -- drag and drop -----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.on_files_dropped(paths)

    def on_files_dropped(self, paths: list[str]) -> None:
        """Dropped files join the current comparison, which then runs again."""
        names = ", ".join(Path(path).name for path in paths)
        self.statusBar().showMessage(f"Adding {names}…", 5000)
        self.context.add_files(paths)

    # -- library and recent files -----------------------------------------------

    def refresh_library(self) -> None:
        try:
            summaries = self.context.store().list_comparisons()
        except Exception as error:  # an unreadable database must not stop the window
            self.context.runner.fail("Library", error)
            summaries = []
        self.library_model.set_summaries(summaries)

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.context.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.context.add_files([p]))
        self.recent_menu.setEnabled(bool(recent))

    # -- theme and layout ----------------------------------------------------------

    def apply_theme(self, theme: themes.Theme) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            themes.apply(app, theme)
        self.model.set_theme(theme)
        self.matrix_model.set_theme(theme)
        self.view.set_theme(theme)
        self.detail.theme = theme
        for panel in (self.cited, self.dates):  # their empty cells take the theme's grey
            panel.set_comparison(self.context.comparison)
        self.named_actions["toggle_dark"].setChecked(theme.dark)
        if self.selected_claims and self.context.comparison is not None:
            self.detail.show_row(
                self.context.comparison,
                self.selected_claims,
                self.selected_link,
                self.context.curations,
            )

    def restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for key, splitter in (("window/split", self.splitter), ("window/bottom", self.bottom)):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
            else:
                splitter.setSizes([540, 300] if splitter is self.splitter else [860, 380])

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/split", self.splitter.saveState())
        settings.setValue("window/bottom", self.bottom.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.context.close()
        super().closeEvent(event)

    # -- enabling -------------------------------------------------------------------

    def update_actions(self) -> None:
        has = self.context.comparison is not None
        link = self.selected_link is not None
        busy = self.context.worker.busy
        for name in ("confirm", "reject", "note", "label_agree", "label_partial", "label_conflict"):
            self.named_actions[name].setEnabled(link)
        self.named_actions["relink"].setEnabled(bool(self.selected_claims))
        for name in ("export", "next_difference", "previous_difference", "add"):
            self.named_actions[name].setEnabled(
                has or (name == "add" and bool(self.context.documents))
            )
        self.named_actions["cancel"].setEnabled(busy)

    def selected_row_kind(self) -> str | None:
        index = self.table.view.currentIndex()
        return None if not index.isValid() else str(index.data(KIND_ROLE))

    def on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row(self.proxy.mapToSource(current).row())
            self.show_selection(row.claims, row.link)

    def open_stored(self, comparison_id: int) -> None:
        self.context.open_stored(comparison_id)

    def curate(self, action: CurationAction, title: str, value: str | None = None) -> bool:
        from claimdiff.curate import link_curation
        from ui.commands import CurationCommand

        comparison, link = self.context.comparison, self.selected_link
        if comparison is None or link is None:
            return False
        made = link_curation(comparison, link, action, value=value, author=self.context.author)
        return self.context.runner.do(CurationCommand(self.context, [made], title))

    def label_link(self, label: Label) -> bool:
        return self.curate(CurationAction.LABEL, f"Label link {label.value}", label.value)
