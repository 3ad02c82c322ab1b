"""apply_curations: each action on a small comparison built from plain values."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from claimdiff.curate import MANUAL_SCORE, AnchorIndex, anchor_of, apply_curations
from claimdiff.model import (
    Claim,
    ClaimAnchor,
    Comparison,
    Curation,
    CurationAction,
    Document,
    Label,
    Link,
    LinkStatus,
)

A_TEXT = "Tillerson will meet Lavrov.\nThe dinner was at Palazzo Orsetti."
B_TEXT = "Tillerson is to meet Lavrov.\nMattis said 20 percent."


def _comparison() -> Comparison:
    documents = tuple(
        Document(i, f"T{i}", f"S{i}", text, hashlib.sha256(text.encode()).hexdigest())
        for i, text in enumerate((A_TEXT, B_TEXT))
    )
    claims: list[Claim] = []
    for document in documents:
        start = 0
        for line in document.text.split("\n"):
            claims.append(Claim(len(claims), document.id, start, start + len(line), line))
            start += len(line) + 1
    return Comparison(documents, tuple(claims), (Link(0, 2, Label.AGREE, 0.9),))


C = _comparison()
MEET_A, DINNER, MEET_B, MATTIS = (anchor_of(C, i) for i in range(4))
NOWHERE = ClaimAnchor("f" * 64, "Nothing like this was said.", 0)


def _cur(
    action: CurationAction, a: ClaimAnchor, b: ClaimAnchor | None, value: str | None = None
) -> Curation:
    return Curation(action, a, b, value)


def _links(*curations: Curation) -> tuple[Link, ...]:
    return apply_curations(C, curations).links


@pytest.mark.parametrize(
    ("curations", "expected"),
    [
        # no curation: the link as the matcher made it
        ((), {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())}),
        # reject removes the link
        ((_cur(CurationAction.REJECT, MEET_A, MEET_B),), {}),
        # anchors given b-to-a still find the link
        ((_cur(CurationAction.REJECT, MEET_B, MEET_A),), {}),
        # confirm marks it reviewed
        (
            (_cur(CurationAction.CONFIRM, MEET_A, MEET_B),),
            {(0, 2): (Label.AGREE, LinkStatus.CONFIRMED, False, ())},
        ),
        # label overrides the label and says so
        (
            (_cur(CurationAction.LABEL, MEET_A, MEET_B, "conflict"),),
            {(0, 2): (Label.CONFLICT, LinkStatus.AUTO, True, ())},
        ),
        # a label that is not a label changes nothing
        (
            (_cur(CurationAction.LABEL, MEET_A, MEET_B, "maybe"),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
        # notes accumulate in order
        (
            (
                _cur(CurationAction.NOTE, MEET_A, MEET_B, "same wire copy"),
                _cur(CurationAction.NOTE, MEET_A, MEET_B, "checked"),
            ),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ("same wire copy", "checked"))},
        ),
        # re-link adds a manual link beside the existing one
        (
            (_cur(CurationAction.RELINK, DINNER, MATTIS),),
            {
                (0, 2): (Label.AGREE, LinkStatus.AUTO, False, ()),
                (1, 3): (Label.AGREE, LinkStatus.MANUAL, False, ()),
            },
        ),
        # re-link with a label gives the manual link that label
        (
            (_cur(CurationAction.RELINK, DINNER, MATTIS, "partial"),),
            {
                (0, 2): (Label.AGREE, LinkStatus.AUTO, False, ()),
                (1, 3): (Label.PARTIAL, LinkStatus.MANUAL, True, ()),
            },
        ),
        # reject then re-link the same pair: the later action wins
        (
            (
                _cur(CurationAction.REJECT, MEET_A, MEET_B),
                _cur(CurationAction.RELINK, MEET_A, MEET_B),
            ),
            {(0, 2): (Label.AGREE, LinkStatus.MANUAL, False, ())},
        ),
        # an anchor from another document is ignored
        (
            (_cur(CurationAction.REJECT, NOWHERE, MEET_B),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
        # two claims of one document never link
        (
            (_cur(CurationAction.RELINK, MEET_A, DINNER),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
        # curations on a link that does not exist do nothing
        (
            (_cur(CurationAction.CONFIRM, DINNER, MATTIS),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
        # a note without a second claim has no link to go on
        (
            (_cur(CurationAction.NOTE, MEET_A, None, "x"),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
        # a revoked (undone) curation is not applied
        (
            (dataclasses.replace(_cur(CurationAction.REJECT, MEET_A, MEET_B), revoked=True),),
            {(0, 2): (Label.AGREE, LinkStatus.AUTO, False, ())},
        ),
    ],
)
def test_apply_curations(
    curations: tuple[Curation, ...], expected: dict[tuple[int, int], tuple[object, ...]]
) -> None:
    links = _links(*curations)
    assert {(k.a, k.b): (k.label, k.status, k.label_overridden, k.notes) for k in links} == expected


def test_manual_link_scores_as_vouched_for() -> None:
    (manual,) = [
        link
        for link in _links(_cur(CurationAction.RELINK, MATTIS, DINNER))
        if link.status is LinkStatus.MANUAL
    ]
    assert (manual.a, manual.b, manual.score, manual.reasons) == (1, 3, MANUAL_SCORE, ())


def test_apply_is_pure() -> None:
    before = C.links
    curated = apply_curations(C, [_cur(CurationAction.REJECT, MEET_A, MEET_B)])
    assert C.links == before and curated.links == ()
    assert curated.documents is C.documents and curated.claims is C.claims


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (MEET_B, 2),  # exact anchor
        (dataclasses.replace(MEET_B, start=3), 2),  # offset moved, text unique in the document
        (dataclasses.replace(MEET_B, sha256="0" * 64), None),  # another document
        (dataclasses.replace(MEET_B, text="Tillerson met Lavrov."), None),  # text changed
        (None, None),  # no anchor at all
    ],
)
def test_anchor_index_find(anchor: ClaimAnchor | None, expected: int | None) -> None:
    assert AnchorIndex(C).find(anchor) == expected


def test_anchor_of_names_document_text_and_offset() -> None:
    assert anchor_of(C, 3) == ClaimAnchor(C.documents[1].sha256, "Mattis said 20 percent.", 29)
