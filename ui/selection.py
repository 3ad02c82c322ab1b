"""Keeping panes, table and detail panel on the same claim; next/previous difference."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel

from claimdiff.model import Cluster, Label, Link
from ui.claim_model import KIND_ROLE
from ui.highlight import UNIQUE
from ui.matrix_model import CLUSTER_ROLE, COVERAGE_ROLE
from ui.matrix_model import KIND_ROLE as ROW_KIND

SEVERITY = {Label.AGREE: 0, Label.PARTIAL: 1, Label.CONFLICT: 2}

if TYPE_CHECKING:
    from ui.window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class SelectionMixin(_Base):
    """The selection is a tuple of claim ids plus the link between them, if any."""

    def show_selection(self, claims: tuple[int, ...], link: Link | None) -> None:
        """Paint the selection in every pane, scroll it into view and describe it."""
        self.selected_claims, self.selected_link = claims, link
        comparison = self.context.comparison
        self.view.select(set(claims), link)
        if comparison is None or not claims:
            self.detail.show_nothing()
        else:
            self.view.scroll_to(claims)
            self.detail.show_row(comparison, claims, link, self.context.curations)
            self.matrix.select_claim(claims[0])
        self.update_position()
        self.update_actions()

    def select_claim(self, claim_id: int) -> None:
        """Select a claim and its best counterpart, in the table when the row is shown."""
        source_row = self.model.row_of_claim(claim_id)
        if source_row is None:
            return
        row = self.model.row(source_row)
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.select_index_row(index.row())
        else:  # filtered out of the table: the panes and detail panel still follow
            self.table.view.selectionModel().clearSelection()
            self.show_selection(row.claims, row.link)

    def select_index_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.view.selectionModel().setCurrentIndex(index, flags)
        self.table.view.scrollTo(index)

    def on_pane_claim_clicked(self, claim_id: int) -> None:
        self.select_claim(claim_id)

    def on_matrix_cell_activated(self, cluster: Cluster | None, claim_id: int | None) -> None:
        comparison = self.context.comparison
        if comparison is None or cluster is None:
            return
        if claim_id is None:  # an empty cell: show what the other sources say
            self.statusBar().showMessage(
                "This source does not state the claim; showing it in the sources that do", 6000
            )
            claim_id = min(cluster.claims, key=lambda c: comparison.claim(c).document)
        self.select_in_cluster(claim_id, cluster)

    def select_in_cluster(self, claim_id: int, cluster: Cluster) -> None:
        """Select a claim with every counterpart of its cluster, in the panes and the table."""
        comparison = self.context.comparison
        assert comparison is not None
        members = set(cluster.claims)
        inside = [
            link
            for link in comparison.links
            if claim_id in (link.a, link.b) and {link.a, link.b} <= members
        ]
        # The most severe link first: it is why the matrix cell has its colour.
        link = max(inside, key=lambda found: (SEVERITY[found.label], found.score), default=None)
        source_row = (
            self.model.row_of_link(link.a, link.b) if link else self.model.row_of_claim(claim_id)
        )
        index = (
            self.proxy.mapFromSource(self.model.index(source_row, 0))
            if source_row is not None
            else None
        )
        if index is not None and index.isValid():
            self.select_index_row(index.row())
        else:  # filtered out of the table: the panes and detail panel still follow
            self.table.view.selectionModel().clearSelection()
        others = sorted(members - {claim_id}, key=lambda c: comparison.claim(c).document)
        self.show_selection((claim_id, *others), link)

    def restore_selection(self, claims: tuple[int, ...], link: Link | None) -> None:
        """After a reload, select the same link (or claim) again if it still exists."""
        if link is not None:
            source_row = self.model.row_of_link(link.a, link.b)
            if source_row is not None:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if index.isValid():
                    self.select_index_row(index.row())
                    row = self.model.row(source_row)
                    self.show_selection(row.claims, row.link)
                    return
        if claims:
            self.select_claim(claims[0])
        else:
            self.show_selection((), None)

    # -- differences -----------------------------------------------------------------

    def difference_rows(self) -> list[int]:
        """Table rows (as filtered and sorted) that are not plain agreement (cached)."""
        if self._difference_rows is None:
            proxy, model = self.proxy, self.model
            if proxy.sortColumn() < 0 and proxy.rowCount() == model.rowCount():
                # Unsorted and unfiltered: rows are the model's own, so no index per row.
                kinds = (model.row(row).kind for row in range(model.rowCount()))
                rows = [row for row, kind in enumerate(kinds) if kind != "agree"]
            else:
                rows = [
                    row
                    for row in range(proxy.rowCount())
                    if proxy.index(row, 0).data(KIND_ROLE) != "agree"
                ]
            self._difference_rows = rows
        return self._difference_rows

    def on_proxy_rows_changed(self, *_args: object) -> None:
        # A filter change removes rows one by one; recount once, after the last of them.
        self._difference_rows = None
        self.position_timer.start()

    def go_to_difference(self, forward: bool) -> None:
        rows = self.difference_rows()
        if not rows:
            self.statusBar().showMessage("No differences in the rows shown", 5000)
            return
        current = self.table.view.currentIndex().row() if self.selected_claims else -1
        if forward:
            later = [row for row in rows if row > current]
            target = later[0] if later else rows[0]
        else:
            earlier = [row for row in rows if 0 <= row < current]
            target = earlier[-1] if earlier else rows[-1]
        self.select_index_row(target)

    def select_first_link_difference(self) -> None:
        """Select the first partial or conflicting link (for screenshots and first looks)."""
        for row in self.difference_rows():
            if self.proxy.index(row, 0).data(KIND_ROLE) != UNIQUE:
                self.select_index_row(row)
                return
        self.go_to_difference(forward=True)

    def select_first_cluster_difference(self) -> None:
        """Open the first matrix row every source states with a difference (for screenshots)."""
        proxy = self.matrix.proxy
        rows = [proxy.index(row, 0) for row in range(proxy.rowCount())]
        sources = len(self.context.comparison.documents) if self.context.comparison else 0
        best = [i for i in rows if i.data(COVERAGE_ROLE) == sources and i.data(ROW_KIND) != "agree"]
        chosen = (best or rows or [None])[0]
        if chosen is None:
            return
        cluster = chosen.data(CLUSTER_ROLE)
        self.select_in_cluster(min(cluster.claims), cluster)

    def update_position(self) -> None:
        rows = self.difference_rows() if self.context.comparison is not None else []
        current = self.table.view.currentIndex()
        if current.isValid() and current.row() in rows and self.selected_claims:
            self.position_label.setText(f"{rows.index(current.row()) + 1} of {len(rows)}")
        elif rows:
            self.position_label.setText(f"{len(rows)} differences")
        else:
            self.position_label.setText("")
        self.position_label.setToolTip("Differences: partial, conflicting and unique claims")
