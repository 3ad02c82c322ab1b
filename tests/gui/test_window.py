"""The main window on the seed pair: drop, select, filter, curate, undo, export, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from claimdiff import api
from claimdiff.model import CurationAction, Label, LinkStatus
from claimdiff.reading import read_as
from tests.gui.helpers import COMPARE_TIMEOUT_MS, claim_point, compare, drop_files
from ui import dialogs
from ui.claim_model import KIND_ROLE
from ui.empty import EMPTY_TITLE
from ui.slots import export_formats
from ui.window import MainWindow


def test_empty_window_explains_what_to_do(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.empty
    assert window.empty.title.text() == EMPTY_TITLE
    assert not window.named_actions["export"].isEnabled()


def test_dropping_two_files_shows_the_comparison(
    qtbot, window: MainWindow, seed_paths: list[Path], db_url: str
) -> None:
    comparison = compare(qtbot, window, seed_paths)
    assert window.stack.currentWidget() is window.splitter
    assert [pane.toPlainText() for pane in window.view.panes] == [
        d.text for d in comparison.documents
    ]
    assert window.model.rowCount() == len(comparison.links) + len(comparison.unique)
    assert [c.header.text() for c in window.view.columns] == [
        d.source for d in comparison.documents
    ]
    stored = api.open_store(db_url).list_comparisons()
    assert [s.id for s in stored] == [comparison.id]
    assert window.library_model.rowCount() == 1


def test_a_dropped_file_joins_the_current_comparison(
    qtbot, compared: MainWindow, seed_paths: list[Path], tmp_path: Path
) -> None:
    third = tmp_path / "wire.txt"
    third.write_text(
        "LUCCA, Italy (Wire) -- Foreign ministers of the Group of Seven met in Lucca on "
        "Tuesday. Tillerson is scheduled to meet Sergei Lavrov in Moscow.\n",
        encoding="utf-8",
    )
    before = compared.context.comparison
    assert before is not None
    comparison = compare(qtbot, compared, [third])
    assert len(comparison.documents) == 3
    assert [d.sha256 for d in comparison.documents[:2]] == [d.sha256 for d in before.documents]
    assert (
        comparison.documents[2].text.startswith("LUCCA") or "Lucca" in comparison.documents[2].text
    )
    assert len(compared.view.panes) == 3
    assert len(compared.view.strips) == 2
    assert compared.table.document.count() == 4  # "All documents" + three sources


def test_clicking_a_claim_selects_its_counterpart(qtbot, compared: MainWindow) -> None:
    comparison = compared.context.comparison
    assert comparison is not None
    link = max(comparison.links, key=lambda candidate: candidate.score)
    left, right = compared.view.panes
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=claim_point(left, link.a))
    assert compared.selected_link is not None
    assert link.a in compared.selected_claims
    other = compared.selected_link.b
    assert comparison.claim(other).document == 1
    assert other in right._selected  # the counterpart is painted as selected
    top, bottom = right.claim_span_y(other) or (-1, -1)
    assert top >= 0 and bottom <= right.viewport().height()  # and scrolled into view
    current = compared.table.view.currentIndex()
    assert compared.proxy.mapToSource(current).row() == compared.model.row_of_link(
        compared.selected_link.a, other
    )
    assert comparison.claim(link.a).text[:20] in compared.detail.toPlainText()


def test_filters_narrow_the_table(compared: MainWindow) -> None:
    comparison = compared.context.comparison
    assert comparison is not None
    panel = compared.table
    panel.kind.setCurrentIndex(panel.kind.findData("conflict"))
    kinds = {compared.proxy.index(r, 0).data(KIND_ROLE) for r in range(compared.proxy.rowCount())}
    assert compared.proxy.rowCount() == comparison.counts()["conflict"]
    assert kinds <= {"conflict"}
    panel.clear_filters()
    panel.search.setText("Tillerson")
    rows = compared.proxy.rowCount()
    assert rows > 0
    for row in range(rows):
        text = " ".join(str(compared.proxy.index(row, c).data() or "") for c in range(9))
        assert "tillerson" in text.lower()
    panel.clear_filters()
    panel.document.setCurrentIndex(panel.document.findData(1))
    unique_afp = [c for c in comparison.unique if comparison.claim(c).document == 0]
    assert compared.proxy.rowCount() == compared.model.rowCount() - len(unique_afp)
    shown, total = compared.proxy.rowCount(), compared.model.rowCount()
    assert panel.count.text() == (f"{shown} of {total} rows" if shown != total else f"{total} rows")


def test_next_difference_walks_the_table(qtbot, compared: MainWindow) -> None:
    total = len(compared.difference_rows())
    assert compared.selected_link is None and total > 2
    with qtbot.waitActive(compared):  # shortcuts reach active windows only (Xvfb has no WM)
        compared.activateWindow()
    qtbot.keyClick(compared, Qt.Key.Key_F7)
    assert compared.position_label.text() == f"1 of {total}"
    qtbot.keyClick(compared, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert compared.position_label.text() == f"2 of {total}"
    qtbot.keyClick(compared, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert compared.position_label.text() == f"1 of {total}"
    qtbot.keyClick(compared, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert compared.position_label.text() == f"{total} of {total}"  # wraps around


def _select_first_link(window: MainWindow) -> tuple[int, int]:
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, 0).data(KIND_ROLE) in ("conflict", "partial"):
            window.select_index_row(row)
            assert window.selected_link is not None
            return window.selected_link.a, window.selected_link.b
    raise AssertionError("the seed pair has no conflicting link")


def _stored_link(db_url: str, comparison_id: int, pair: tuple[int, int]):  # type: ignore[no-untyped-def]
    for link in api.load_comparison(comparison_id, db=db_url).links:
        if (link.a, link.b) == pair:
            return link
    return None


def test_confirm_undo_redo_are_stored(compared: MainWindow, db_url: str) -> None:
    comparison_id = compared.context.comparison.id  # type: ignore[union-attr]
    pair = _select_first_link(compared)
    compared.named_actions["confirm"].trigger()
    assert _stored_link(db_url, comparison_id, pair).status is LinkStatus.CONFIRMED
    assert (
        compared.selected_link is not None and compared.selected_link.status is LinkStatus.CONFIRMED
    )
    curations = api.curations_for(compared.context.comparison, db=db_url)
    assert [c.action for c in curations] == [CurationAction.CONFIRM]
    assert curations[0].author  # signed by someone
    assert f"confirm by {curations[0].author}" in compared.detail.toPlainText()
    compared.undo_action.trigger()
    assert _stored_link(db_url, comparison_id, pair).status is LinkStatus.AUTO
    assert api.curations_for(compared.context.comparison, db=db_url) == ()
    compared.redo_action.trigger()
    assert _stored_link(db_url, comparison_id, pair).status is LinkStatus.CONFIRMED


def test_reject_label_and_note(compared: MainWindow, db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    comparison_id = compared.context.comparison.id  # type: ignore[union-attr]
    pair = _select_first_link(compared)
    compared.named_actions["label_agree"].trigger()
    link = _stored_link(db_url, comparison_id, pair)
    assert link.label is Label.AGREE and link.label_overridden
    monkeypatch.setattr(dialogs, "ask_note", lambda _parent: "Checked with the wire copy.")
    compared.named_actions["note"].trigger()
    assert _stored_link(db_url, comparison_id, pair).notes == ("Checked with the wire copy.",)
    assert "Checked with the wire copy." in compared.detail.toPlainText()
    compared.named_actions["reject"].trigger()
    assert _stored_link(db_url, comparison_id, pair) is None
    compared.undo_action.trigger()
    assert _stored_link(db_url, comparison_id, pair) is not None


def test_relink_picks_another_counterpart(compared: MainWindow, db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    comparison = compared.context.comparison
    assert comparison is not None
    a, old_b = _select_first_link(compared)
    linked = {link.b for link in comparison.links_of(a)} | {a}
    new_b = next(c.id for c in comparison.claims if c.document == 1 and c.id not in linked)
    monkeypatch.setattr(dialogs, "ask_counterpart", lambda _p, _c, _claim: new_b)
    compared.named_actions["relink"].trigger()
    stored = {(x.a, x.b): x for x in api.load_comparison(comparison.id, db=db_url).links}  # type: ignore[arg-type]
    assert stored[(a, new_b)].status is LinkStatus.MANUAL
    assert (a, old_b) not in stored
    compared.undo_action.trigger()
    stored = {(x.a, x.b) for x in api.load_comparison(comparison.id, db=db_url).links}  # type: ignore[arg-type]
    assert (a, old_b) in stored and (a, new_b) not in stored


def test_export_writes_every_format(compared: MainWindow, tmp_path: Path) -> None:
    formats = export_formats()
    assert {"text", "json", "html"} <= set(formats)
    dialog = dialogs.ExportDialog(formats, tmp_path / "out" / "lucca", compared)
    targets = dialog.targets()
    assert set(targets) == set(formats)
    assert compared.export_to(targets)
    comparison = compared.context.comparison
    assert comparison is not None
    data = json.loads(Path(targets["json"]).read_text(encoding="utf-8"))
    assert len(data["documents"]) == 2
    html = Path(targets["html"]).read_text(encoding="utf-8")
    assert comparison.documents[0].source in html
    for path in targets.values():
        assert Path(path).stat().st_size > 0


def test_bad_file_shows_an_error_and_keeps_the_comparison(
    qtbot, compared: MainWindow, tmp_path: Path, errors
) -> None:  # type: ignore[no-untyped-def]
    before = compared.context.comparison
    missing = tmp_path / "gone.txt"
    with qtbot.waitSignal(compared.context.runner.error_reported, timeout=COMPARE_TIMEOUT_MS):
        drop_files(compared, [missing])
    assert len(errors) == 1
    title, message = errors[0]
    assert title == "Add articles"  # the stored comparison grows, so this is an addition
    assert "gone.txt" in message and "Traceback" not in message
    assert compared.context.comparison is before
    assert compared.stack.currentWidget() is compared.splitter


def test_store_error_is_reported_not_raised(compared: MainWindow, errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def locked(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise api.ClaimDiffError("database error: database is locked")

    monkeypatch.setattr(api, "add_curation", locked)
    _select_first_link(compared)
    compared.named_actions["confirm"].trigger()
    assert errors == [("Confirm link", "Database error: database is locked.")]
    assert compared.context.undo_stack.count() == 0
    assert "database is locked" in compared.statusBar().currentMessage()


def test_library_rename_and_delete(compared: MainWindow, db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compared.library.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args: "Lucca, two sources")
    compared.named_actions["library_rename"].trigger()
    assert [s.name for s in api.open_store(db_url).list_comparisons()] == ["Lucca, two sources"]
    assert compared.windowTitle().startswith("Lucca, two sources")
    compared.library.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    compared.named_actions["library_delete"].trigger()
    assert len(api.open_store(db_url).list_comparisons()) == 1  # declined: kept
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    compared.named_actions["library_delete"].trigger()
    assert api.open_store(db_url).list_comparisons() == []
    assert compared.stack.currentWidget() is compared.empty


def test_reopen_from_library(qtbot, compared: MainWindow) -> None:
    comparison = compared.context.comparison
    assert comparison is not None and comparison.id is not None
    compared.named_actions["new"].trigger()
    assert compared.stack.currentWidget() is compared.empty
    compared.library.selectRow(0)
    with qtbot.waitSignal(
        compared.context.comparison_changed,
        timeout=COMPARE_TIMEOUT_MS,
        check_params_cb=lambda shown, _fresh: shown is not None,
    ):
        compared.named_actions["library_open"].trigger()
    assert compared.context.comparison is not None
    assert compared.context.comparison.id == comparison.id
    assert compared.model.rowCount() == len(comparison.links) + len(comparison.unique)


def test_missing_model_warning_is_shown(compared: MainWindow) -> None:
    import dataclasses

    comparison = compared.context.comparison
    assert comparison is not None
    warned = dataclasses.replace(comparison, warnings=("spaCy model xx is not installed",))
    compared.context.show(warned, fresh=True)
    assert compared.view.banner.isVisibleTo(compared)
    assert "spaCy model xx is not installed" in compared.view.banner.text()


def test_theme_and_recent_files_are_remembered(compared: MainWindow, settings, seed_paths) -> None:  # type: ignore[no-untyped-def]
    compared.named_actions["toggle_dark"].trigger()
    assert settings.value("view/theme") == "dark"
    assert compared.context.theme.dark
    assert (
        compared.model.data(compared.model.index(0, 0), Qt.ItemDataRole.BackgroundRole).name()
        == compared.context.theme.tint[compared.model.row(0).kind].lower()
    )
    recent = compared.context.recent_files()
    assert [Path(p).name for p in recent[:2]] == [p.name for p in reversed(seed_paths)]
    assert compared.recent_menu.actions()


def test_every_action_is_keyboard_reachable(window: MainWindow) -> None:
    for name, action in window.named_actions.items():
        in_menu = any(action in menu.actions() for menu in _menus(window))
        assert in_menu or not action.shortcut().isEmpty(), name


def _menus(window: MainWindow) -> list:  # type: ignore[type-arg]
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    return menus + [m for menu in menus for a in menu.actions() if (m := a.menu())]


@pytest.mark.parametrize("name", ["open", "export", "next_difference", "confirm", "undo"])
def test_main_actions_have_shortcuts(window: MainWindow, name: str) -> None:
    action = window.undo_action if name == "undo" else window.named_actions[name]
    assert not action.shortcut().isEmpty()


def test_sample_comparison_opens_the_seed_pair(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.context.comparison_changed,
        timeout=COMPARE_TIMEOUT_MS,
        check_params_cb=lambda comparison, _fresh: comparison is not None,
    ):
        window.named_actions["sample"].trigger()
    comparison = window.context.comparison
    assert comparison is not None
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    assert [d.text[:60] in text for d, text in zip(comparison.documents, texts, strict=True)] == [
        True,
        True,
    ]


def test_a_newer_drop_supersedes_a_running_comparison(
    qtbot, window: MainWindow, seed_paths: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    drop_files(window, [seed_paths[0]])
    context.compare_now()
    first = context.worker.latest
    assert context.worker.busy
    with qtbot.waitSignal(
        context.comparison_changed,
        timeout=COMPARE_TIMEOUT_MS,
        check_params_cb=lambda comparison, _fresh: comparison is not None,
    ):
        drop_files(window, [seed_paths[1]])
        context.compare_now()
    assert context.worker.latest == first + 1
    comparison = context.comparison
    assert comparison is not None
    assert [Path(d.path or "").name for d in comparison.documents] == [p.name for p in seed_paths]


def test_cancel_drops_the_running_comparison(
    qtbot, window: MainWindow, seed_paths: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    drop_files(window, seed_paths)
    context.compare_now()
    assert window.named_actions["cancel"].isEnabled()
    with qtbot.waitSignal(context.worker._signals.finished_or_failed, timeout=COMPARE_TIMEOUT_MS):
        window.named_actions["cancel"].trigger()
    assert not context.worker.busy
    assert context.comparison is None
    assert window.stack.currentWidget() is window.empty
    assert "cancelled" in window.statusBar().currentMessage()


def test_widgets_have_accessible_names(compared: MainWindow) -> None:
    widgets = [
        compared.table.view,
        compared.table.search,
        compared.table.kind,
        compared.table.document,
        compared.detail,
        compared.library,
        compared.view.legend,
        compared.progress,
        compared.cancel_button,
        compared.position_label,
        compared.toolbar,
        *compared.view.panes,
        *compared.view.strips,
    ]
    names = [widget.accessibleName() for widget in widgets]
    assert all(names), names
    assert compared.view.panes[0].accessibleName() == "Text of AFP"


def test_layout_is_saved_and_restored(qtbot, db_url: str, settings) -> None:  # type: ignore[no-untyped-def]
    from ui.app import make_window

    first = make_window(db_url, settings)
    qtbot.addWidget(first)
    first.show()
    first.library_dock.hide()
    first.splitter.setSizes([300, 500])
    first.close()
    assert settings.value("window/state") is not None
    second = make_window(db_url, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.library_dock.isHidden()
    top, bottom = second.splitter.sizes()
    assert top < bottom  # the analyst's split came back, not the default 540/300
    second.close()


def test_curations_survive_adding_a_file(qtbot, compared: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    comparison = compared.context.comparison
    assert comparison is not None
    a, b = _select_first_link(compared)
    texts = (comparison.claim(a).text, comparison.claim(b).text)
    compared.named_actions["confirm"].trigger()
    third = tmp_path / "wire.txt"
    third.write_text(
        "Foreign ministers met in Lucca on Tuesday to discuss Syria.\n", encoding="utf-8"
    )
    rerun = compare(qtbot, compared, [third])
    # The stored comparison grows in place: same id, one more document.
    assert rerun.id == comparison.id and len(rerun.documents) == 3
    same = [
        link
        for link in rerun.links
        if (rerun.claim(link.a).text, rerun.claim(link.b).text) == texts
    ]
    assert [link.status for link in same] == [LinkStatus.CONFIRMED]


def test_one_file_asks_for_another(qtbot, window: MainWindow, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.context.documents_changed, timeout=COMPARE_TIMEOUT_MS):
        drop_files(window, [seed_paths[0]])
    assert window.stack.currentWidget() is window.empty
    assert window.empty.title.text() == "Loaded AFP. Drop one more article to compare."
    assert window.context.comparison is None
    assert window.named_actions["add"].isEnabled()


def test_a_bug_in_a_slot_ends_in_the_error_dialog(window: MainWindow, errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from ui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window)
    error = ValueError("boom")
    sys.excepthook(ValueError, error, error.__traceback__)
    assert errors == [("Unexpected error", "Unexpected error (ValueError): boom.")]


def test_relink_dialog_lists_other_documents(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    comparison = compared.context.comparison
    assert comparison is not None
    a, b = _select_first_link(compared)
    dialog = dialogs.RelinkDialog(comparison, a, compared)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    others = [c for c in comparison.claims if c.document != comparison.claim(a).document]
    assert len(texts) == len(others)
    assert any(t.endswith("(linked now)") and comparison.claim(b).text in t for t in texts)
    # the likeliest counterparts first, with the matcher's score
    scores = [int(t.split("%")[0]) for t in texts if "% \u00b7 " in t]
    assert scores and scores == sorted(scores, reverse=True)
    (best,) = [s for s in api.suggest_counterparts(comparison, a, limit=1)]
    assert dialog.list.item(0).data(Qt.ItemDataRole.UserRole) == best.claim
    assert dialog.chosen() == best.claim  # preselected
    word = comparison.claim(b).text.split()[-1].strip(".").lower()
    dialog.filter.setText(word)
    shown = [
        dialog.list.item(r).text()
        for r in range(dialog.list.count())
        if not dialog.list.item(r).isHidden()
    ]
    assert shown and all(word in text.lower() for text in shown)


def test_a_unique_claim_shows_the_closest_statement_of_the_other_source(
    compared: MainWindow,
) -> None:
    comparison = compared.context.comparison
    assert comparison is not None
    for row in range(compared.proxy.rowCount()):
        if compared.proxy.index(row, 0).data(KIND_ROLE) == "unique":
            compared.select_index_row(row)
            break
    claim_id = compared.selected_claims[0]
    assert not comparison.links_of(claim_id)
    (best,) = api.suggest_counterparts(comparison, claim_id, limit=1)
    other = comparison.claim(best.claim)
    text = compared.detail.toPlainText()
    read = read_as(comparison.claim(claim_id))  # the seeds' first unique claim has a date
    assert read and f"Read as: {read}" in text
    source = comparison.documents[other.document].source
    # a faint score says so: the closest may still be a counterpart the matcher missed
    faint = ": little in common" if best.score < 0.1 else ""
    assert f"Closest in {source} (scored {best.score:.0%}{faint})" in text
    assert other.text in text
    # "Link to it" links the two, as Re-link would
    assert f'href="relink:{best.claim}"' in compared.detail.toHtml()
    compared.detail.anchorClicked.emit(QUrl(f"relink:{best.claim}"))
    linked = compared.context.comparison
    assert linked is not None
    assert {(k.a, k.b) for k in linked.links_of(claim_id)} == {
        (min(claim_id, best.claim), max(claim_id, best.claim))
    }
    compared.undo_action.trigger()
    assert compared.context.comparison is not None
    assert not compared.context.comparison.links_of(claim_id)


def test_enter_in_a_pane_selects_the_claim_at_the_caret(qtbot, compared: MainWindow) -> None:  # type: ignore[no-untyped-def]
    comparison = compared.context.comparison
    assert comparison is not None
    right = compared.view.panes[1]
    claim = next(c for c in comparison.claims if c.document == 1 and len(c.text) > 10)
    cursor = right.textCursor()
    cursor.setPosition(right.qt_offset(claim.start + 5))
    right.setTextCursor(cursor)
    right.setFocus()
    qtbot.keyClick(right, Qt.Key.Key_Return)
    assert claim.id in compared.selected_claims
    assert right.textCursor().position() == right.qt_offset(claim.start + 5)


def test_three_documents_mark_links_that_skip_a_pane(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_claim_model import make_comparison

    window.context.show(make_comparison(), fresh=True)
    assert len(window.view.panes) == 3
    first, second = window.view.strips
    # AFP-Reuters (0-2) is a band in the first strip; AFP-BBC (0-4) skips Reuters
    assert [(link.a, link.b) for link, _, _ in first.links()] == [(0, 2)]
    assert [(link.a, link.b, side) for link, side, _ in first.far_ends()] == [(0, 4, "left")]
    assert [(link.a, link.b) for link, _, _ in second.links()] == [(2, 4)]
    assert [(link.a, link.b, side) for link, side, _ in second.far_ends()] == [(0, 4, "right")]
    assert not first.grab().isNull()  # paints bands and markers without error
