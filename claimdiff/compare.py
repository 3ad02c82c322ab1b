"""Label each link agree, partial or conflict, with reasons in plain words."""

from __future__ import annotations

from claimdiff.align import Candidate
from claimdiff.model import Claim, Label, Link, Reason, ReasonKind


def classify(candidate: Candidate, a: Claim, b: Claim) -> Link:
    """Turn a scored candidate pair into a labelled link."""
    reasons: list[Reason] = []
    ents_a = {e.canonical for e in a.entities}
    ents_b = {e.canonical for e in b.entities}
    only_a, only_b = ents_a - ents_b, ents_b - ents_a
    if only_a and only_b:
        reasons.append(
            Reason(
                ReasonKind.ENTITY,
                ", ".join(sorted(only_a)),
                ", ".join(sorted(only_b)),
                f"One source names {', '.join(sorted(only_a))}, the other {', '.join(sorted(only_b))}.",
            )
        )
        label = Label.CONFLICT
    elif only_a or only_b:
        label = Label.PARTIAL
    else:
        label = Label.AGREE
    return Link(candidate.a, candidate.b, label, round(candidate.score, 4), tuple(reasons))
