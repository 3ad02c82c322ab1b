"""The coverage matrix in the window, and adding a third source to a stored comparison."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from claimdiff.model import LinkStatus
from tests.conftest import ROOT
from tests.gui.helpers import COMPARE_TIMEOUT_MS, compare, drop_files
from ui.claim_model import CLAIMS_ROLE, KIND_ROLE
from ui.matrix_model import CLAIM_ROLE, CLUSTER_ROLE, FIRST_SOURCE
from ui.matrix_model import KIND_ROLE as CELL_KIND
from ui.tally import CLAIMS_ROLE as CITED_CLAIMS
from ui.window import MainWindow

THIRD = ROOT / "tests" / "data" / "g7-lucca-third-report.txt"


def _matrix_index(window: MainWindow, document: int, *, stated: bool = True):  # type: ignore[no-untyped-def]
    """The first visible matrix cell of a document that is (or is not) stated."""
    proxy = window.matrix.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, FIRST_SOURCE + document)
        if (index.data(CLAIM_ROLE) is not None) == stated:
            return index
    raise AssertionError("no such cell in the matrix")


def _select_conflict_or_partial(window: MainWindow) -> tuple[str, str]:
    comparison = window.context.comparison
    assert comparison is not None
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, 0).data(KIND_ROLE) in ("conflict", "partial"):
            window.select_index_row(row)
            link = window.selected_link
            assert link is not None
            return comparison.claim(link.a).text, comparison.claim(link.b).text
    raise AssertionError("the seed pair has no partial or conflicting link")


def test_dropping_a_third_file_grows_the_stored_comparison(
    qtbot, compared: MainWindow, db_url: str
) -> None:  # type: ignore[no-untyped-def]
    before = compared.context.comparison
    assert before is not None and before.id is not None
    texts = _select_conflict_or_partial(compared)
    compared.named_actions["confirm"].trigger()
    stages: list[str] = []
    compared.context.worker.progressed.connect(lambda stage, _share: stages.append(stage))
    grown = compare(qtbot, compared, [THIRD])
    assert stages  # the addition reports progress like a full comparison
    assert grown.id == before.id
    assert [d.sha256 for d in grown.documents[:2]] == [d.sha256 for d in before.documents]
    assert len(grown.documents) == 3 and len(compared.view.panes) == 3
    spanning = [c for c in grown.clusters if len(c.claims) == 3]
    assert spanning, "no cluster spans all three sources"
    assert {grown.claim(c).document for c in spanning[0].claims} == {0, 1, 2}
    # the analyst's confirmation made before the third source arrived still holds
    same = [
        link
        for link in grown.links
        if (grown.claim(link.a).text, grown.claim(link.b).text) == texts
    ]
    assert [link.status for link in same] == [LinkStatus.CONFIRMED]
    # the matrix now has a column per source and a row per cluster
    assert compared.matrix_model.columnCount() == FIRST_SOURCE + 3
    assert compared.matrix_model.rowCount() == len(grown.clusters)
    assert compared.library_model.rowCount() == 1  # grown in place, not stored anew


def test_a_file_already_in_the_comparison_gives_a_readable_message(
    qtbot, compared: MainWindow, seed_paths: list[Path], errors
) -> None:  # type: ignore[no-untyped-def]
    before = compared.context.comparison
    with qtbot.waitSignal(compared.context.runner.error_reported, timeout=COMPARE_TIMEOUT_MS):
        drop_files(compared, [seed_paths[0]])
    assert errors == [
        (
            "Add articles",
            f"Nothing was added; already in this comparison: {seed_paths[0].name}.",
        )
    ]
    assert compared.context.comparison is before


def test_cancelling_an_addition_keeps_the_comparison_shown(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = compared.context.comparison
    drop_files(compared, [THIRD])
    with qtbot.waitSignal(compared.context.worker.started):
        compared.context.compare_now()
    assert compared.cancel_button.isVisible() and compared.progress.isVisible()
    with qtbot.waitSignal(compared.context.worker.comparison_cancelled):
        compared.named_actions["cancel"].trigger()
    assert not compared.cancel_button.isVisible()
    assert compared.context.comparison is before
    assert len(compared.view.panes) == 2


def test_clicking_a_matrix_cell_opens_the_claim_in_context(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    comparison = compare(qtbot, compared, [THIRD])
    compared.named_actions["show_matrix"].trigger()
    assert compared.tabs.currentWidget() is compared.matrix
    index = _matrix_index(compared, 2)
    claim_id, cluster = index.data(CLAIM_ROLE), index.data(CLUSTER_ROLE)
    view = compared.matrix.view
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert compared.selected_claims[0] == claim_id
    assert set(compared.selected_claims) == set(cluster.claims)
    pane = compared.view.panes[comparison.claim(claim_id).document]
    assert pane.position == 2
    top, bottom = pane.claim_span_y(claim_id) or (-1, -1)
    assert top >= 0 and bottom <= pane.viewport().height()  # scrolled into view
    # the claim table follows: its current row is a link inside the cluster
    row_claims = compared.table.view.currentIndex().data(CLAIMS_ROLE)
    assert claim_id in row_claims and set(row_claims) <= set(cluster.claims)
    # the detail panel explains the cell's colour and lists the cluster's third statement
    detail = compared.detail.toPlainText()
    assert detail.lower().lstrip().startswith(index.data(CELL_KIND))
    assert "Also stated in" in detail


def test_enter_on_a_matrix_cell_opens_the_claim(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    compare(qtbot, compared, [THIRD])
    compared.named_actions["show_matrix"].trigger()
    index = _matrix_index(compared, 0)
    compared.matrix.view.setCurrentIndex(index)
    qtbot.keyClick(compared.matrix.view, Qt.Key.Key_Return)
    assert compared.selected_claims[0] == index.data(CLAIM_ROLE)


def test_an_empty_cell_shows_the_claim_in_the_sources_that_state_it(
    qtbot, compared: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    compare(qtbot, compared, [THIRD])
    index = _matrix_index(compared, 2, stated=False)
    compared.matrix.cell_activated.emit(index.data(CLUSTER_ROLE), None)
    assert set(compared.selected_claims) == set(index.data(CLUSTER_ROLE).claims)
    assert "does not state" in compared.statusBar().currentMessage()


def test_selecting_in_the_table_moves_the_matrix_cell(compared: MainWindow) -> None:
    comparison = compared.context.comparison
    assert comparison is not None
    cluster = comparison.clusters[0]
    compared.select_claim(cluster.claims[0])
    current = compared.matrix.view.currentIndex()
    assert current.data(CLAIM_ROLE) == compared.selected_claims[0]


def test_matrix_is_reachable_from_the_keyboard(compared: MainWindow) -> None:
    action = compared.named_actions["show_matrix"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+M")
    view_menu = next(m for m in compared.menuBar().actions() if m.text() == "&View")
    assert action in view_menu.menu().actions()
    compared.named_actions["focus_table"].trigger()
    assert compared.tabs.currentWidget() is compared.table
    action.trigger()
    assert compared.tabs.currentWidget() is compared.matrix
    assert compared.matrix.view.currentIndex().isValid()
    assert compared.matrix.view.accessibleName() == "Coverage matrix"
    assert compared.matrix.summary.text().startswith(f"{compared.matrix_model.rowCount()} claims")


def test_who_is_cited_lists_speakers_by_source_and_opens_their_claims(
    qtbot, compared: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    action = compared.named_actions["show_cited"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+W")
    assert compared.cited.view.rowCount() == 0  # built when first shown, not on every open
    action.trigger()
    assert compared.tabs.currentWidget() is compared.cited
    comparison = compared.context.comparison
    assert comparison is not None
    view = compared.cited.view
    headers = [view.horizontalHeaderItem(c).text() for c in range(view.columnCount())]
    assert headers == ["Speaker", "AFP", "RFE/RL"]
    speakers = [view.item(r, 0).text() for r in range(view.rowCount())]
    assert "Boris Johnson" in speakers  # "Johnson" in one report, in full in the other
    row = speakers.index("Boris Johnson")
    assert view.item(row, 1).text() != "\u2014" and view.item(row, 2).text() != "\u2014"
    assert compared.cited.summary.text().startswith("AFP: ")
    # a click on a cell shows the first claim it counts, a second click the next
    index = view.model().index(row, 1)
    ids = view.item(row, 1).data(CITED_CLAIMS)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert compared.selected_claims[0] == ids[0]
    assert (comparison.claim(ids[0]).speaker or "").endswith("Johnson")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert compared.selected_claims[0] == ids[1 % len(ids)]
    # an empty cell shows nothing new
    empty = next(r for r in range(view.rowCount()) if view.item(r, 1).text() == "\u2014")
    before = compared.selected_claims
    compared.cited.on_cell_activated(empty, 1)
    assert compared.selected_claims == before


def test_dates_list_what_each_source_dates_earliest_first(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = compared.named_actions["show_dates"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+D")
    action.trigger()
    assert compared.tabs.currentWidget() is compared.dates
    view = compared.dates.view
    labels = [view.item(r, 0).text() for r in range(view.rowCount())]
    assert labels[0] == "March 2011" and labels[-1] == "Tue 11 Apr 2017"
    # AFP's "Tuesday" and RFE/RL's "April 11" are one day, under two datelines' reading
    last = view.rowCount() - 1
    assert view.item(last, 1).text() != "\u2014" and view.item(last, 2).text() != "\u2014"
    ids = view.item(last, 2).data(CITED_CLAIMS)
    compared.dates.on_cell_activated(last, 2)
    assert compared.selected_claims[0] == ids[0]
    # sorting by the date column keeps time order, not the alphabet ("Fri" before "March")
    view.sortItems(0, Qt.SortOrder.DescendingOrder)
    assert [view.item(r, 0).text() for r in range(view.rowCount())] == labels[::-1]
    # and a count column sorts by count
    view.sortItems(2, Qt.SortOrder.DescendingOrder)
    counts = [len(view.item(r, 2).data(CITED_CLAIMS)) for r in range(view.rowCount())]
    assert counts == sorted(counts, reverse=True)
