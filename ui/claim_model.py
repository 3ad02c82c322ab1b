"""The claim table: every link and every unique claim, as a real Qt model."""

from __future__ import annotations

from operator import itemgetter
from typing import Any, NamedTuple

from PySide6.QtCore import QSortFilterProxyModel, Qt

from claimdiff.model import Comparison, Link
from ui import theme as themes
from ui.highlight import UNIQUE
from ui.table_model import Index, RowTableModel

COL_LABEL, COL_STATUS, COL_SCORE, COL_SOURCE_A, COL_CLAIM_A, COL_SOURCE_B, COL_CLAIM_B = range(7)
COL_REASONS, COL_NOTES = 7, 8
HEADERS = (
    "Label",
    "Status",
    "Score",
    "Source",
    "Statement",
    "Source",
    "Counterpart",
    "Reasons",
    "Notes",
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's label value, or "unique"."""
LINK_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`Link` of the row, or None for a unique claim."""
CLAIMS_ROLE = Qt.ItemDataRole.UserRole + 3
"""The claim ids of the row: (a, b) or (a,)."""
DOCUMENTS_ROLE = Qt.ItemDataRole.UserRole + 4
"""The document positions the row touches."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5
"""Every searchable word of the row, lower-cased."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 6

_KIND_ORDER = {"conflict": 0, "partial": 1, "agree": 2, UNIQUE: 3}


class Row(NamedTuple):
    """One table row: a link (``link`` set) or a claim no link touches.

    A plain tuple: a 5,000-claim comparison has thousands of rows, built on every open.
    """

    kind: str
    a: int
    b: int | None
    link: Link | None

    @property
    def claims(self) -> tuple[int, ...]:
        return (self.a,) if self.b is None else (self.a, self.b)


def rows_of(comparison: Comparison) -> list[Row]:
    """Every link and unique claim in reading order: by document, then by offset of ``a``."""
    place = [(claim.document, claim.start) for claim in comparison.claims]
    # A StrEnum label is its value; str() once per link is cheaper than the enum's .value.
    keyed = [
        ((*place[link.a], *place[link.b]), Row(str(link.label), link.a, link.b, link))
        for link in comparison.links
    ]
    keyed.extend(
        ((*place[claim_id], -1, -1), Row(UNIQUE, claim_id, None, None))
        for claim_id in comparison.unique
    )
    keyed.sort(key=itemgetter(0))
    return [row for _, row in keyed]


class ClaimTableModel(RowTableModel):
    """Rows of a comparison; holds plain values only, never a database session."""

    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: list[Row] = []
        self._search: list[str | None] = []
        """Lower-cased row text, made on first use: filtering must not rebuild it."""
        self._theme = themes.LIGHT

    # -- feeding ------------------------------------------------------------

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a comparison; rows whose claims stay the same only get ``dataChanged``."""
        new_rows = rows_of(comparison) if comparison else []
        same_shape = [(r.a, r.b) for r in new_rows] == [(r.a, r.b) for r in self._rows]
        if not same_shape or comparison is None or self._comparison is None:
            self.beginResetModel()
            self._comparison, self._rows = comparison, new_rows
            self._search = [None] * len(new_rows)
            self.endResetModel()
            return
        old_rows = self._rows
        self._comparison, self._rows = comparison, new_rows
        self._search = [None] * len(new_rows)
        last = self.columnCount() - 1
        for number, (old, new) in enumerate(zip(old_rows, new_rows, strict=True)):
            if old != new:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_LABEL), self.index(len(self._rows) - 1, COL_LABEL)
            )

    def row(self, number: int) -> Row:
        return self._rows[number]

    def documents_of(self, number: int) -> tuple[int, ...]:
        """Document positions a row touches (used by the filter, so no Qt roles)."""
        assert self._comparison is not None
        claims = self._comparison.claims
        return tuple(claims[c].document for c in self._rows[number].claims)

    def row_of_claim(self, claim_id: int) -> int | None:
        """The first row touching a claim: its best link, else its unique row."""
        candidates = [n for n, row in enumerate(self._rows) if claim_id in row.claims]
        if not candidates:
            return None

        def strength(number: int) -> float:
            link = self._rows[number].link
            return link.score if link is not None else 0.0

        return max(candidates, key=strength)

    def row_of_link(self, a: int, b: int) -> int | None:
        for number, row in enumerate(self._rows):
            if (row.a, row.b) == (a, b):
                return number
        return None

    # -- Qt API -------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(row, column)
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 40 else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_LABEL:
            return self._theme.color(row.kind)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_LABEL:
            return self._theme.color(row.kind, "tint")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._custom(index.row(), column, role)

    def _custom(self, number: int, column: int, role: int) -> Any:
        assert self._comparison is not None
        row = self._rows[number]
        if role == KIND_ROLE:
            return row.kind
        if role == LINK_ROLE:
            return row.link
        if role == CLAIMS_ROLE:
            return row.claims
        if role == DOCUMENTS_ROLE:
            return tuple(self._comparison.claim(c).document for c in row.claims)
        if role == SEARCH_ROLE:
            return self.search_text(number)
        if role == SORT_ROLE:
            if column == COL_LABEL:
                return _KIND_ORDER.get(row.kind, 9)
            if column == COL_SCORE:
                return row.link.score if row.link else -1.0
            if column in (COL_SOURCE_A, COL_CLAIM_A):  # reading order: document, then offset
                claim = self._comparison.claim(row.a)
                return claim.document * 100_000_000 + claim.start
            return self._display(row, column).lower()
        return None

    def search_text(self, number: int) -> str:
        """Every searchable word of a row, lower-cased (cached)."""
        cached = self._search[number]
        if cached is None:
            row = self._rows[number]
            cached = " ".join(
                [*(self._display(row, c) for c in range(len(HEADERS))), *self._speakers(row)]
            ).lower()
            self._search[number] = cached
        return cached

    def _speakers(self, row: Row) -> list[str]:
        """Who the row's claims are attributed to: "Johnson" finds "..., he said"."""
        comparison = self._comparison
        assert comparison is not None
        ids = (row.a,) if row.b is None else (row.a, row.b)
        return [speaker for i in ids if (speaker := comparison.claim(i).speaker)]

    def _display(self, row: Row, column: int) -> str:
        comparison = self._comparison
        assert comparison is not None
        link = row.link
        claim_a = comparison.claim(row.a)
        claim_b = comparison.claim(row.b) if row.b is not None else None
        if column == COL_LABEL:
            return themes.SHORT_NAMES.get(row.kind, row.kind)
        if column == COL_STATUS:
            if link is None:
                return ""
            return link.status.value + (" · label set" if link.label_overridden else "")
        if column == COL_SCORE:
            return f"{link.score:.2f}" if link else ""
        if column == COL_SOURCE_A:
            return comparison.documents[claim_a.document].source
        if column == COL_CLAIM_A:
            return claim_a.text
        if column == COL_SOURCE_B:
            return comparison.documents[claim_b.document].source if claim_b else ""
        if column == COL_CLAIM_B:
            return claim_b.text if claim_b else ""
        if column == COL_REASONS:
            return " ".join(reason.text for reason in link.reasons) if link else ""
        if column == COL_NOTES:
            return " · ".join(link.notes) if link else ""
        return ""


class ClaimFilterProxyModel(QSortFilterProxyModel):
    """Filters rows by label, by document and by words in their text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._document: int | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        """Keep only rows of one label ("agree", ..., "unique"); None keeps all."""
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_document(self, document: int | None) -> None:
        """Keep only rows with a claim from one document position; None keeps all."""
        self.beginFilterChange()
        self._document = document
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Keep only rows containing every word of ``text`` (case-insensitive)."""
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimTableModel):
            return True
        # Plain method calls, not data(): this runs for every row on every keystroke.
        if self._kind is not None and model.row(source_row).kind != self._kind:
            return False
        if self._document is not None and self._document not in model.documents_of(source_row):
            return False
        if self._words:
            haystack = model.search_text(source_row)
            return all(word in haystack for word in self._words)
        return True
