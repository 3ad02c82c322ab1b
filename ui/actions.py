"""Every menu action and its shortcuts, in one table (as Meld keeps its accelerators)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui import icons

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One action: its name (slot ``action_<name>``), menu text, keys and menu."""

    name: str
    text: str
    menu: str
    keys: tuple[Key, ...] = ()
    icon: str | None = None
    tip: str = ""
    checkable: bool = False


FILE, EDIT, VIEW, GO, CURATE, HELP = "&File", "&Edit", "&View", "&Go", "&Curate", "&Help"

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new",
        "&New Comparison",
        FILE,
        (QKeySequence.StandardKey.New,),
        "new",
        "Close the current comparison and start again",
    ),
    ActionSpec(
        "open",
        "&Open Articles…",
        FILE,
        (QKeySequence.StandardKey.Open,),
        "open",
        "Compare two or more article files",
    ),
    ActionSpec(
        "add",
        "&Add Articles to Comparison…",
        FILE,
        ("Ctrl+Shift+O",),
        "add",
        "Add files to the current comparison and compare again",
    ),
    ActionSpec(
        "export",
        "&Export Report…",
        FILE,
        ("Ctrl+E",),
        "export",
        "Write the comparison as a report in every format",
    ),
    ActionSpec(
        "cancel",
        "&Cancel Comparison",
        FILE,
        ("Esc",),
        "cancel",
        "Stop the comparison that is running",
    ),
    ActionSpec("quit", "&Quit", FILE, (QKeySequence.StandardKey.Quit, "Ctrl+Q")),
    ActionSpec(
        "find",
        "&Filter Claims…",
        EDIT,
        (QKeySequence.StandardKey.Find,),
        None,
        "Search the claim table",
    ),
    ActionSpec("clear_filters", "C&lear Filters", EDIT, ("Ctrl+Shift+F",)),
    ActionSpec(
        "next_difference",
        "&Next Difference",
        GO,
        ("F7", "Alt+Down"),
        "next",
        "Go to the next partial, conflicting or unique claim",
    ),
    ActionSpec(
        "previous_difference",
        "&Previous Difference",
        GO,
        ("Shift+F7", "Alt+Up"),
        "previous",
        "Go to the previous partial, conflicting or unique claim",
    ),
    ActionSpec("focus_table", "Claim &Table", GO, ("Ctrl+1",)),
    ActionSpec("focus_panes", "&Documents", GO, ("Ctrl+2",)),
    ActionSpec("focus_library", "&Library", GO, ("Ctrl+3",)),
    ActionSpec(
        "confirm",
        "&Confirm Link",
        CURATE,
        ("Ctrl+Return",),
        "confirm",
        "Mark the selected link as checked",
    ),
    ActionSpec(
        "reject", "&Reject Link", CURATE, ("Ctrl+Backspace",), "reject", "Remove the selected link"
    ),
    ActionSpec(
        "relink",
        "Re-&link Claim…",
        CURATE,
        ("Ctrl+L",),
        "relink",
        "Pick another counterpart for the selected claim",
    ),
    ActionSpec(
        "label_agree",
        "Label &Agree",
        CURATE,
        ("Ctrl+Shift+1",),
        None,
        "Override the label of the selected link",
    ),
    ActionSpec("label_partial", "Label &Partial", CURATE, ("Ctrl+Shift+2",)),
    ActionSpec("label_conflict", "Label C&onflict", CURATE, ("Ctrl+Shift+3",)),
    ActionSpec(
        "note",
        "Add &Note…",
        CURATE,
        ("Ctrl+Shift+N",),
        "note",
        "Attach a note to the selected link",
    ),
    ActionSpec(
        "show_matrix",
        "Coverage &Matrix",
        VIEW,
        ("Ctrl+Shift+M",),
        None,
        "Show which source states which claim cluster",
    ),
    ActionSpec(
        "show_cited",
        "Who Is &Cited",
        VIEW,
        ("Ctrl+Shift+W",),
        None,
        "Show who each source attributes its claims to",
    ),
    ActionSpec(
        "show_dates",
        "Dates &Named",
        VIEW,
        ("Ctrl+Shift+D",),
        None,
        "Show what each source dates to each day, earliest first",
    ),
    ActionSpec("toggle_dark", "&Dark Theme", VIEW, ("Ctrl+Shift+T",), "theme", checkable=True),
    ActionSpec("zoom_in", "Zoom &In", VIEW, (QKeySequence.StandardKey.ZoomIn,)),
    ActionSpec("zoom_out", "Zoom &Out", VIEW, (QKeySequence.StandardKey.ZoomOut,)),
    ActionSpec(
        "library_open",
        "&Open Stored Comparison",
        VIEW,
        (),
        None,
        "Open the comparison selected in the library",
    ),
    ActionSpec("library_rename", "&Rename Stored Comparison…", VIEW, ("F2",)),
    ActionSpec("library_delete", "De&lete Stored Comparison…", VIEW, ("Shift+Del",)),
    ActionSpec(
        "sample",
        "Open &Sample Comparison",
        HELP,
        (),
        "sample",
        "Compare the two bundled seed articles",
    ),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", HELP, (QKeySequence.StandardKey.HelpContents,)),
    ActionSpec("about", "&About ClaimDiff", HELP),
)


TOOLBAR_TEXT = {
    "open": "Open",
    "add": "Add",
    "export": "Export",
    "previous_difference": "Previous",
    "next_difference": "Next",
    "confirm": "Confirm",
    "reject": "Reject",
    "relink": "Re-link",
    "note": "Note",
}
"""Short button texts: the menu texts are too long for a toolbar that fits 1280 pixels."""

UNDO_KEYS: tuple[Key, ...] = (QKeySequence.StandardKey.Undo,)
REDO_KEYS: tuple[Key, ...] = (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z")
"""Undo and redo come from the QUndoStack; their keys live here with all the others."""


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """Resolve standard keys (several per platform) and strings, without duplicates."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def build_actions(owner: QWidget, slots: Any) -> dict[str, QAction]:
    """Make a QAction per spec, connected to ``slots.action_<name>``."""
    made: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, owner)
        action.setObjectName(f"action_{spec.name}")
        action.setShortcuts(key_sequences(spec.keys))
        if spec.icon:
            action.setIcon(icons.icon(spec.icon))
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        if spec.name in TOOLBAR_TEXT:
            action.setIconText(TOOLBAR_TEXT[spec.name])
        slot: Callable[..., None] = getattr(slots, f"action_{spec.name}")
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        made[spec.name] = action
    return made


def shortcut_table() -> list[tuple[str, str]]:
    """(action, keys) rows for Help > Keyboard Shortcuts."""
    rows = []
    for spec in ACTIONS:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec.keys)
        )
        rows.append((spec.text.replace("&", ""), keys or "(menu only)"))
    for name, extra in (("Undo", UNDO_KEYS), ("Redo", REDO_KEYS)):
        text = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(extra)
        )
        rows.append((name, text))
    return rows
