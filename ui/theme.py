"""Colours of the app: light and dark palettes, colour-blind safe (Okabe-Ito)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from claimdiff import resources
from claimdiff.model import ReasonKind

UNIQUE = "unique"
"""The pseudo-label of a claim that no link touches."""

KINDS = ("agree", "partial", "conflict", UNIQUE)
"""Every highlight kind, in legend order."""

KIND_NAMES = {
    "agree": "Agree",
    "partial": "Partial",
    "conflict": "Conflict",
    UNIQUE: "Only in one source",
}
SHORT_NAMES = {**KIND_NAMES, UNIQUE: "Unique"}


@dataclass(frozen=True)
class Theme:
    """One palette: window colours, label colours and their background tints."""

    name: str
    dark: bool
    window: str
    base: str
    text: str
    muted: str
    selection: str
    label: dict[str, str]
    """Saturated colour per kind: borders, connector lines, legend chips."""
    tint: dict[str, str]
    """Light background tint per kind, for claim highlights behind text."""
    strong: dict[str, str]
    """Stronger tint per kind, for the selected claim."""
    reason: dict[ReasonKind, str]
    """Background of differing tokens, by reason kind."""

    def color(self, kind: str, role: str = "label") -> QColor:
        """A QColor for a kind: ``role`` is "label", "tint" or "strong"."""
        table = {"label": self.label, "tint": self.tint, "strong": self.strong}[role]
        return QColor(table.get(kind, table[UNIQUE]))

    def reason_color(self, kind: ReasonKind) -> QColor:
        return QColor(self.reason.get(kind, self.reason[ReasonKind.DETAIL]))


# Okabe & Ito (2008): blue, orange, vermillion stay distinct under deuteranopia,
# protanopia and tritanopia; grey carries "no counterpart" without competing.
_REASONS_LIGHT = {
    ReasonKind.NUMBER: "#F5C6DD",  # reddish purple tint
    ReasonKind.DATE: "#A8E0CF",  # bluish green tint
    ReasonKind.ENTITY: "#B5DDF5",  # sky blue tint
    ReasonKind.SPEAKER: "#F7EF9E",  # yellow tint
    ReasonKind.NEGATION: "#F4B58A",  # vermillion tint
    ReasonKind.MODALITY: "#F4B58A",
    ReasonKind.QUOTE: "#F7D88C",  # orange tint
    ReasonKind.DETAIL: "#D9D9D9",
}
_REASONS_DARK = {
    ReasonKind.NUMBER: "#7A3D5E",
    ReasonKind.DATE: "#1F6652",
    ReasonKind.ENTITY: "#245F82",
    ReasonKind.SPEAKER: "#6E6A1C",
    ReasonKind.NEGATION: "#84401A",
    ReasonKind.MODALITY: "#84401A",
    ReasonKind.QUOTE: "#7A5A12",
    ReasonKind.DETAIL: "#555555",
}

LIGHT = Theme(
    name="light",
    dark=False,
    window="#F4F4F2",
    base="#FFFFFF",
    text="#1A1A1A",
    muted="#5F5F5F",
    selection="#0072B2",
    label={"agree": "#0072B2", "partial": "#E69F00", "conflict": "#D55E00", UNIQUE: "#8C8C8C"},
    tint={"agree": "#DCEBF5", "partial": "#FBEBC7", "conflict": "#F8DCCB", UNIQUE: "#ECECEC"},
    strong={"agree": "#A9CDE6", "partial": "#F5D27E", "conflict": "#EFAE87", UNIQUE: "#CFCFCF"},
    reason=_REASONS_LIGHT,
)

DARK = Theme(
    name="dark",
    dark=True,
    window="#232629",
    base="#1B1D20",
    text="#E8E8E8",
    muted="#A6A6A6",
    selection="#56B4E9",
    label={"agree": "#3A9AD9", "partial": "#E69F00", "conflict": "#E8743B", UNIQUE: "#9A9A9A"},
    tint={"agree": "#14354A", "partial": "#4A4012", "conflict": "#5A2216", UNIQUE: "#303236"},
    strong={"agree": "#1E5478", "partial": "#75640F", "conflict": "#8A3315", UNIQUE: "#4A4D52"},
    reason=_REASONS_DARK,
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def theme_named(name: str | None) -> Theme:
    """The theme with this name; light when unknown."""
    return THEMES.get(name or "", LIGHT)


def palette(theme: Theme) -> QPalette:
    """A QPalette for the Fusion style in this theme's colours."""
    pal = QPalette()
    window, base, text = QColor(theme.window), QColor(theme.base), QColor(theme.text)
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor(theme.muted)),
        (QPalette.ColorRole.Highlight, QColor(theme.selection)),
        # White on the dark theme's light sky blue reads poorly; near-black does not.
        (QPalette.ColorRole.HighlightedText, QColor("#111111" if theme.dark else "#FFFFFF")),
        (QPalette.ColorRole.Link, QColor(theme.label["agree"])),
    ):
        pal.setColor(role, color)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.muted))
    return pal


def stylesheet(theme: Theme) -> str:
    """The app stylesheet (resources/themes/app.qss) filled with this theme's colours."""
    template = resources.read_text("themes", "app.qss")
    values = {
        "window": theme.window,
        "base": theme.base,
        "text": theme.text,
        "muted": theme.muted,
        "banner": theme.tint["partial"],
        "banner_border": theme.label["partial"],
    }
    for key, value in sorted(values.items(), key=lambda item: -len(item[0])):
        template = template.replace("@" + key, value)
    return template


def apply(app: QApplication, theme: Theme) -> None:
    """Switch the whole application to a theme."""
    app.setStyle("Fusion")
    app.setPalette(palette(theme))
    app.setStyleSheet(stylesheet(theme))
