"""Apply analysts' curations (confirm, reject, re-link, label, note) to a comparison."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from claimdiff.model import (
    ClaimAnchor,
    Comparison,
    Curation,
    CurationAction,
    Label,
    Link,
    LinkStatus,
)

MANUAL_SCORE = 1.0
"""Score of a link the analyst made: no matcher produced it, the analyst vouches for it."""

Pair = tuple[int, int]


def anchor_of(comparison: Comparison, claim_id: int) -> ClaimAnchor:
    """The anchor of a claim: its document's hash, its text and its offset."""
    claim = comparison.claim(claim_id)
    document = comparison.documents[claim.document]
    return ClaimAnchor(sha256=document.sha256, text=claim.text, start=claim.start)


class AnchorIndex:
    """Finds the claim an anchor points to in one comparison."""

    def __init__(self, comparison: Comparison) -> None:
        self._exact: dict[tuple[str, str, int], int] = {}
        self._by_text: dict[tuple[str, str], list[int]] = {}
        self._document: dict[int, int] = {}
        for claim in comparison.claims:
            sha = comparison.documents[claim.document].sha256
            self._exact[(sha, claim.text, claim.start)] = claim.id
            self._by_text.setdefault((sha, claim.text), []).append(claim.id)
            self._document[claim.id] = claim.document

    def find(self, anchor: ClaimAnchor | None) -> int | None:
        """The claim id, by exact anchor or else by text when that text occurs once."""
        if anchor is None:
            return None
        exact = self._exact.get((anchor.sha256, anchor.text, anchor.start))
        if exact is not None:
            return exact
        # A later pipeline may shift offsets (e.g. trimmed whitespace); the text still holds.
        candidates = self._by_text.get((anchor.sha256, anchor.text), [])
        return candidates[0] if len(candidates) == 1 else None

    def pair(self, curation: Curation) -> Pair | None:
        """The (lower, higher) claim ids a two-claim curation targets, if both match."""
        a, b = self.find(curation.a), self.find(curation.b)
        if a is None or b is None or self._document[a] == self._document[b]:
            return None
        return (a, b) if a < b else (b, a)

    def matches(self, curation: Curation) -> bool:
        """Whether every anchor of the curation points to a claim here."""
        if self.find(curation.a) is None:
            return False
        return curation.b is None or self.find(curation.b) is not None


def apply_curations(comparison: Comparison, curations: Iterable[Curation]) -> Comparison:
    """Return the comparison as the analysts left it; curations apply in the order given.

    REJECT removes a link, CONFIRM marks it confirmed, LABEL overrides its
    label, NOTE appends a note, and RELINK adds a manual link between ``a`` and
    ``b`` (labelled ``value`` if that is a label, else agree). Revoked
    curations and anchors that match no claim here are ignored.
    """
    index = AnchorIndex(comparison)
    links: dict[Pair, Link] = {_key(link): link for link in comparison.links}
    for curation in curations:
        if curation.revoked:
            continue
        pair = index.pair(curation) if curation.b is not None else None
        if pair is not None:
            _apply(links, pair, curation)
    ordered = tuple(links[key] for key in sorted(links))
    return dataclasses.replace(comparison, links=ordered)


def _apply(links: dict[Pair, Link], pair: Pair, curation: Curation) -> None:
    action = curation.action
    link = links.get(pair)
    if action is CurationAction.RELINK:
        links[pair] = _manual_link(pair, link, curation.value)
    elif link is None:
        return
    elif action is CurationAction.REJECT:
        del links[pair]
    elif action is CurationAction.CONFIRM:
        links[pair] = dataclasses.replace(link, status=LinkStatus.CONFIRMED)
    elif action is CurationAction.LABEL:
        label = _label(curation.value)
        if label is not None:
            links[pair] = dataclasses.replace(link, label=label, label_overridden=True)
    elif action is CurationAction.NOTE and curation.value:
        links[pair] = dataclasses.replace(link, notes=(*link.notes, curation.value))


def _manual_link(pair: Pair, existing: Link | None, value: str | None) -> Link:
    label = _label(value)
    if existing is not None:
        if label is None:
            return dataclasses.replace(existing, status=LinkStatus.MANUAL)
        return dataclasses.replace(
            existing, status=LinkStatus.MANUAL, label=label, label_overridden=True
        )
    return Link(
        a=pair[0],
        b=pair[1],
        label=label or Label.AGREE,
        score=MANUAL_SCORE,
        status=LinkStatus.MANUAL,
        label_overridden=label is not None,
    )


def _label(value: str | None) -> Label | None:
    try:
        return Label(value) if value else None
    except ValueError:
        return None


def _key(link: Link) -> Pair:
    return (link.a, link.b) if link.a < link.b else (link.b, link.a)
