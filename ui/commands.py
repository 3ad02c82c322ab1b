"""One way to run a user operation: errors in one dialog, undo through QUndoStack.

Modelled on git-cola's ``cmds.do``: every state-changing operation is a
command object handed to :meth:`CommandRunner.do`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from claimdiff.model import ClaimDiffError, Curation
from ui import dialogs
from ui.engine import api

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

ErrorDialog = Callable[[QWidget | None, str, str], None]


class Command(Protocol):
    """A user operation. ``undo``/``redo`` are only called when ``undoable``."""

    title: str
    undoable: bool

    def do(self) -> str:
        """Run; return a short message for the status bar."""
        ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class CommandRunner(QObject):
    """Runs commands, reports their errors and pushes undoable ones."""

    message_posted = Signal(str)
    error_reported = Signal(str, str)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget: QWidget | None = None
        self.show_dialog: ErrorDialog = dialogs.show_error

    def do(self, command: Command) -> bool:
        """Run a command; on success push it to the undo stack if it can be undone."""
        try:
            message = command.do()
        except Exception as error:  # every failure ends in one readable dialog
            self.fail(command.title, error)
            return False
        if command.undoable:
            self.context.undo_stack.push(_UndoEntry(command, self))
        if message:
            self.message_posted.emit(message)
        return True

    def guard(self, title: str, step: Callable[[], None]) -> None:
        """Run an undo or redo step, reporting instead of raising."""
        try:
            step()
        except Exception as error:
            self.fail(title, error)

    def fail(self, title: str, error: BaseException) -> None:
        if isinstance(error, ClaimDiffError):
            message = str(error)
        else:
            log.error("%s failed", title, exc_info=error)
            message = f"Unexpected error ({type(error).__name__}): {error}"
        self.report(title, message)

    def report(self, title: str, message: str) -> None:
        """Show an error in the status bar and in one dialog."""
        self.message_posted.emit(f"{title}: {message}")
        self.error_reported.emit(title, message)
        self.show_dialog(self.parent_widget, title, _sentence(message))


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return "Something went wrong."
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


class _UndoEntry(QUndoCommand):
    """Adapts a command to QUndoStack; the first redo already happened in ``do``."""

    def __init__(self, command: Command, runner: CommandRunner) -> None:
        super().__init__(command.title)
        self.command = command
        self.runner = runner
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.runner.guard(f"Redo {self.command.title}", self.command.redo)

    def undo(self) -> None:
        self.runner.guard(f"Undo {self.command.title}", self.command.undo)


class CurationCommand:
    """Stores analyst actions as one step; undo revokes them, redo restores them."""

    undoable = True

    def __init__(self, context: AppContext, curations: Sequence[Curation], title: str) -> None:
        self.context = context
        self.curations = tuple(curations)
        self.title = title
        self.stored: list[Curation] = []

    def do(self) -> str:
        store = self.context.store()
        try:
            for curation in self.curations:
                self.stored.append(api().add_curation(curation, db=store))
        except Exception:
            self._revoke_stored()  # a half-done step must not stay applied
            raise
        self.context.reload()
        return f"{self.title}: saved"

    def _revoke_stored(self) -> None:
        for curation in reversed(self.stored):
            if curation.id is not None:
                api().revoke_curation(curation.id, db=self.context.store())
        self.stored = []

    def _ids(self) -> list[int]:
        return [c.id for c in self.stored if c.id is not None]

    def undo(self) -> None:
        for curation_id in reversed(self._ids()):
            api().revoke_curation(curation_id, db=self.context.store())
        self.context.reload()
        self.context.runner.message_posted.emit(f"Undone: {self.title}")

    def redo(self) -> None:
        for curation_id in self._ids():
            api().restore_curation(curation_id, db=self.context.store())
        self.context.reload()
        self.context.runner.message_posted.emit(f"Redone: {self.title}")


class RenameCommand:
    """Renames a stored comparison; undo restores the old name."""

    undoable = True

    def __init__(self, context: AppContext, comparison_id: int, old: str, new: str) -> None:
        self.context = context
        self.comparison_id, self.old, self.new = comparison_id, old, new
        self.title = f"Rename to “{new}”"

    def _rename(self, name: str) -> None:
        api().rename_comparison(self.comparison_id, name, db=self.context.store())
        self.context.library_changed.emit()
        if self.context.comparison and self.context.comparison.id == self.comparison_id:
            self.context.reload()

    def do(self) -> str:
        self._rename(self.new)
        return f"Renamed to “{self.new}”"

    def undo(self) -> None:
        self._rename(self.old)

    def redo(self) -> None:
        self._rename(self.new)


class DeleteCommand:
    """Deletes a stored comparison (asked for confirmation before; not undoable)."""

    undoable = False

    def __init__(self, context: AppContext, comparison_id: int, name: str) -> None:
        self.context = context
        self.comparison_id, self.name = comparison_id, name
        self.title = f"Delete “{name}”"

    def do(self) -> str:
        api().delete_comparison(self.comparison_id, db=self.context.store())
        if self.context.comparison and self.context.comparison.id == self.comparison_id:
            self.context.clear()
        self.context.library_changed.emit()
        return f"Deleted “{self.name}”"

    def undo(self) -> None:  # pragma: no cover - never pushed
        raise NotImplementedError

    def redo(self) -> None:  # pragma: no cover - never pushed
        raise NotImplementedError


class ExportCommand:
    """Writes a report in each chosen format next to one base path."""

    undoable = False

    def __init__(self, context: AppContext, targets: dict[str, str]) -> None:
        self.context = context
        self.targets = targets
        self.title = "Export"
        self.written: list[str] = []

    def do(self) -> str:
        from claimdiff.report import write_report

        comparison = self.context.comparison
        if comparison is None:
            raise ClaimDiffError("nothing to export yet: compare two or more articles first")
        for fmt, path in self.targets.items():
            self.written.append(str(write_report(comparison, fmt, path)))
        return f"Exported {len(self.written)} report(s) to {self._folder()}"

    def _folder(self) -> str:
        from pathlib import Path

        folders = {str(Path(path).parent) for path in self.written}
        return ", ".join(sorted(folders))

    def undo(self) -> None:  # pragma: no cover - never pushed
        raise NotImplementedError

    def redo(self) -> None:  # pragma: no cover - never pushed
        raise NotImplementedError
