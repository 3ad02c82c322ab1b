"""Build the curations an analyst's click stands for, as plain values."""

from __future__ import annotations

from claimdiff.model import ClaimAnchor, Comparison, Curation, CurationAction, Link


def anchor(comparison: Comparison, claim_id: int) -> ClaimAnchor:
    """Anchor a claim by its document's hash and its own text, which survive re-runs."""
    claim = comparison.claim(claim_id)
    return ClaimAnchor(comparison.documents[claim.document].sha256, claim.text, claim.start)


def on_link(
    comparison: Comparison,
    link: Link,
    action: CurationAction,
    author: str,
    value: str | None = None,
) -> Curation:
    """A curation of one existing link: confirm, reject, label or note."""
    return Curation(
        action=action,
        a=anchor(comparison, link.a),
        b=anchor(comparison, link.b),
        value=value,
        author=author,
        comparison=comparison.id,
    )


def relink(
    comparison: Comparison, claim_id: int, counterpart: int, old: Link | None, author: str
) -> list[Curation]:
    """Link a claim to another counterpart; the link it replaces is rejected."""
    made = [
        Curation(
            action=CurationAction.RELINK,
            a=anchor(comparison, claim_id),
            b=anchor(comparison, counterpart),
            author=author,
            comparison=comparison.id,
        )
    ]
    if old is not None and {old.a, old.b} != {claim_id, counterpart}:
        made.append(on_link(comparison, old, CurationAction.REJECT, author))
    return made
