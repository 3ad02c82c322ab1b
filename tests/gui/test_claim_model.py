"""The claim table model and its filter proxy, tested without any view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from claimdiff.model import (
    Claim,
    Comparison,
    Document,
    Label,
    Link,
    LinkStatus,
    Reason,
    ReasonKind,
)
from claimdiff.store import ComparisonSummary
from ui.claim_model import (
    CLAIMS_ROLE,
    COL_CLAIM_A,
    COL_CLAIM_B,
    COL_LABEL,
    COL_SCORE,
    COL_SOURCE_A,
    COL_STATUS,
    DOCUMENTS_ROLE,
    KIND_ROLE,
    LINK_ROLE,
    ClaimFilterProxyModel,
    ClaimTableModel,
)
from ui.library import LibraryModel


def make_comparison() -> Comparison:
    texts = [
        "Ten people died on Monday. The mayor resigned.",
        "Twelve people died on Monday. Roads were closed.",
        "Ten people died on Monday.",
    ]
    docs = tuple(
        Document(id=i, title=f"Title {i}", source=src, text=text, sha256=f"sha{i}")
        for i, (src, text) in enumerate(zip(["AFP", "Reuters", "BBC"], texts, strict=True))
    )
    claims = (
        Claim(0, 0, 0, 26, "Ten people died on Monday."),
        Claim(1, 0, 27, 46, "The mayor resigned.", speaker="Jane Doe"),
        Claim(2, 1, 0, 29, "Twelve people died on Monday."),
        Claim(3, 1, 30, 48, "Roads were closed."),
        Claim(4, 2, 0, 26, "Ten people died on Monday."),
    )
    number = Reason(ReasonKind.NUMBER, "Ten", "Twelve", "One source counts ten, the other twelve.")
    links = (
        Link(0, 2, Label.CONFLICT, 0.81, (number,)),
        Link(0, 4, Label.AGREE, 1.0),
        Link(2, 4, Label.CONFLICT, 0.8, (number,)),
    )
    return Comparison(docs, claims, links, id=7, name="test")


@pytest.fixture
def model() -> ClaimTableModel:
    table = ClaimTableModel()
    table.set_comparison(make_comparison())
    return table


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


def test_rows_follow_reading_order(model: ClaimTableModel) -> None:
    # 3 links + "The mayor resigned." + "Roads were closed.", by document then offset
    assert model.rowCount() == 5
    assert [cell(model, r, COL_LABEL) for r in range(5)] == [
        "Conflict",
        "Agree",
        "Unique",
        "Conflict",
        "Unique",
    ]
    assert cell(model, 0, COL_CLAIM_A) == "Ten people died on Monday."
    assert cell(model, 0, COL_CLAIM_B) == "Twelve people died on Monday."
    assert cell(model, 0, COL_SCORE) == "0.81"
    assert cell(model, 2, COL_CLAIM_A) == "The mayor resigned."
    assert cell(model, 2, COL_CLAIM_B) == ""
    assert cell(model, 4, COL_SOURCE_A) == "Reuters"


def test_custom_roles(model: ClaimTableModel) -> None:
    assert cell(model, 3, 0, KIND_ROLE) == "conflict"
    assert cell(model, 3, 0, CLAIMS_ROLE) == (2, 4)
    assert cell(model, 3, 0, DOCUMENTS_ROLE) == (1, 2)
    assert cell(model, 3, 0, LINK_ROLE).reasons[0].kind is ReasonKind.NUMBER
    assert cell(model, 2, 0, LINK_ROLE) is None
    assert model.row_of_claim(0) == 1  # its best link: agree at 1.0
    assert model.row_of_claim(3) == 4
    assert model.row_of_link(2, 4) == 3


def test_curation_updates_cells_without_reset(model: ClaimTableModel) -> None:
    comparison = make_comparison()
    confirmed = dataclasses.replace(comparison.links[1], status=LinkStatus.CONFIRMED)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row()))
    )
    model.modelReset.connect(lambda: resets.append(True))
    model.set_comparison(
        dataclasses.replace(comparison, links=(comparison.links[0], confirmed, comparison.links[2]))
    )
    assert changed == [(1, 1)]
    assert not resets
    assert cell(model, 1, COL_STATUS) == "confirmed"


def test_rejected_link_resets_rows(model: ClaimTableModel) -> None:
    comparison = make_comparison()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_comparison(dataclasses.replace(comparison, links=comparison.links[1:]))
    assert resets == [True]
    assert model.rowCount() == 4  # 2 links, 2 unique: claim 2 still links to claim 4


@pytest.fixture
def proxy(model: ClaimTableModel) -> ClaimFilterProxyModel:
    filtered = ClaimFilterProxyModel()
    filtered.setSourceModel(model)
    return filtered


def shown(proxy: ClaimFilterProxyModel) -> list[str]:
    return [
        f"{proxy.index(r, 0).data(KIND_ROLE)}:{proxy.index(r, COL_CLAIM_A).data()}"
        for r in range(proxy.rowCount())
    ]


@pytest.mark.parametrize(
    ("kind", "document", "text", "expected"),
    [
        # by label
        (
            "conflict",
            None,
            "",
            ["conflict:Ten people died on Monday.", "conflict:Twelve people died on Monday."],
        ),
        # unique claims only
        ("unique", None, "", ["unique:The mayor resigned.", "unique:Roads were closed."]),
        # by document: everything touching BBC (position 2)
        (
            None,
            2,
            "",
            ["agree:Ten people died on Monday.", "conflict:Twelve people died on Monday."],
        ),
        # by words, case-insensitive, every word must occur
        (None, None, "ROADS closed", ["unique:Roads were closed."]),
        # words also match sources and reasons
        (
            None,
            None,
            "twelve reuters",
            ["conflict:Ten people died on Monday.", "conflict:Twelve people died on Monday."],
        ),
        # and who a claim is attributed to, though its text does not name them
        (None, None, "doe", ["unique:The mayor resigned."]),
        # filters combine
        ("agree", 1, "", []),
    ],
)
def test_filters(proxy: ClaimFilterProxyModel, kind, document, text, expected) -> None:  # type: ignore[no-untyped-def]
    proxy.set_kind(kind)
    proxy.set_document(document)
    proxy.set_text(text)
    assert shown(proxy) == expected


def test_sorting_by_score(proxy: ClaimFilterProxyModel) -> None:
    proxy.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    scores = [proxy.index(r, COL_SCORE).data() for r in range(proxy.rowCount())]
    assert scores == ["1.00", "0.81", "0.80", "", ""]


@pytest.mark.parametrize(
    ("make", "headers"),
    [
        # the claim table: nine columns, two of them hidden by the view, not the model
        (ClaimTableModel, ["Label", "Status", "Score", "Source", "Statement"]),
        # the library: name, sources, created
        (LibraryModel, ["Name", "Sources", "Created"]),
    ],
)
def test_table_models_share_counts_and_headers(make, headers: list[str]) -> None:  # type: ignore[no-untyped-def]
    model = make()
    assert model.rowCount() == 0  # nothing shown yet
    named = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(headers))]
    assert named == headers
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.columnCount() >= len(headers)
    # a table has no children: every count below a valid index is zero
    if isinstance(model, ClaimTableModel):
        model.set_comparison(make_comparison())
    else:
        created = dt.datetime(2017, 4, 11, tzinfo=dt.UTC)
        model.set_summaries([ComparisonSummary(3, "AFP vs BBC", created, ("AFP", "BBC"))])
    assert model.rowCount() > 0
    child = model.index(0, 0)
    assert (model.rowCount(child), model.columnCount(child)) == (0, 0)
