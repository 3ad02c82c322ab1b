"""Apply analysts' curations (confirm, reject, re-link, label, note) to a comparison."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from claimdiff.model import (
    ClaimAnchor,
    ClaimDiffError,
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


class CurationError(ClaimDiffError):
    """A curation that cannot be made: no such claim, no such link, a bad label."""


ON_LINKS = (
    CurationAction.CONFIRM,
    CurationAction.REJECT,
    CurationAction.LABEL,
    CurationAction.NOTE,
)
"""Actions on a link that exists; RELINK makes one."""


def check_claim(comparison: Comparison, claim_id: int) -> None:
    """Raise :class:`CurationError` unless the comparison has this claim."""
    if not 0 <= claim_id < len(comparison.claims) or comparison.claims[claim_id].id != claim_id:
        last = len(comparison.claims) - 1
        raise CurationError(f"comparison {comparison.id} has no claim {claim_id} (claims 0-{last})")


def link_between(comparison: Comparison, a: int, b: int) -> Link:
    """The link of two claims, in either order; :class:`CurationError` when there is none."""
    for claim_id in (a, b):
        check_claim(comparison, claim_id)
    for link in comparison.links_of(a):
        if {link.a, link.b} == {a, b}:
            return link
    raise CurationError(f"claims {a} and {b} are not linked; 'relink' links them")


def link_curation(
    comparison: Comparison,
    link: Link,
    action: CurationAction,
    *,
    value: str | None = None,
    author: str = "",
) -> Curation:
    """A curation of one existing link: confirm, reject, label (``value``) or note (``value``)."""
    if action not in ON_LINKS:
        raise CurationError(f"'{action.value}' is not an action on a link")
    if action is CurationAction.LABEL:
        _check_label(value)
    if action is CurationAction.NOTE and not (value or "").strip():
        raise CurationError("a note needs some text")
    return Curation(
        action=action,
        a=anchor_of(comparison, link.a),
        b=anchor_of(comparison, link.b),
        value=value.strip() if value else None,
        author=author,
        comparison=comparison.id,
    )


def _check_label(value: str | None) -> None:
    if _label(value) is None:
        labels = ", ".join(label.value for label in Label)
        raise CurationError(f"'{value}' is no label; give one of {labels}")


def relink_curations(
    comparison: Comparison,
    claim_id: int,
    counterpart: int,
    *,
    replaces: Sequence[Link] | None = None,
    label: str | None = None,
    author: str = "",
) -> list[Curation]:
    """Link a claim to another counterpart, rejecting the links this one replaces.

    ``replaces`` defaults to the claim's links to the counterpart's source: a
    re-link says which statement of that source is its counterpart. The
    curations share one time, so that an undo takes them back together. ``label``
    labels the new link.
    """
    for either in (claim_id, counterpart):
        check_claim(comparison, either)
    source = comparison.claim(counterpart).document
    if comparison.claim(claim_id).document == source:
        raise CurationError(f"claims {claim_id} and {counterpart} are in the same source")
    if replaces is None:
        replaces = [
            link
            for link in comparison.links_of(claim_id)
            if comparison.claim(link.b if link.a == claim_id else link.a).document == source
        ]
    if label is not None:
        _check_label(label)
    made = Curation(
        action=CurationAction.RELINK,
        a=anchor_of(comparison, claim_id),
        b=anchor_of(comparison, counterpart),
        value=label,
        author=author,
        created=dt.datetime.now(dt.UTC),
        comparison=comparison.id,
    )
    rejected = [
        dataclasses.replace(
            link_curation(comparison, old, CurationAction.REJECT, author=author),
            created=made.created,
        )
        for old in replaces
        if {old.a, old.b} != {claim_id, counterpart}
    ]
    return [made, *rejected]


def last_action(history: Sequence[Curation], *, revoked: bool, author: str) -> list[Curation]:
    """The curations of an author's latest action to undo (``revoked`` False) or to redo.

    One action is the curations made at one time by one author (a re-link and the
    rejection it implies). Undo takes back the author's latest action in force; redo
    brings back the earliest one undone after it, as an editor's undo stack does: an
    action made after an undo leaves nothing to redo. Another analyst's actions on a
    shared database are never taken back.
    """
    mine = [c for c in history if c.author == author]
    live = [c for c in mine if not c.revoked]
    if not revoked:
        return _group(live[-1], live) if live else []
    newest = max((_when(c) for c in live), default=None)
    undone = [c for c in mine if c.revoked and (newest is None or _when(c) > newest)]
    return _group(undone[0], undone) if undone else []


def _when(curation: Curation) -> tuple[dt.datetime, int]:
    created = curation.created or dt.datetime.min.replace(tzinfo=dt.UTC)
    return (created, curation.id or 0)


def _group(first: Curation, among: Sequence[Curation]) -> list[Curation]:
    return [c for c in among if (c.created, c.author) == (first.created, first.author)]


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
