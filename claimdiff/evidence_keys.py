"""Evidence keys: what two claims must share to contradict each other about one event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from claimdiff.features import Profile, profile
from claimdiff.memo import per_object
from claimdiff.model import Claim
from claimdiff.pairwise import Index, StringScores, Vector, set_overlap


def evidence_logit(
    a: Sequence[Profile],
    b: Sequence[Profile],
    rows: Index,
    cols: Index,
    cosine: Vector,
    similarity: npt.NDArray[np.float32] | None,
    strings: StringScores | None = None,
) -> Vector:
    """A cheap estimate of the link model's logit for each (rows, cols) pair.

    A contradicting pair links on a low score, so which of a claim's many such
    pairs link depends on the score itself, not on how alike the two read. The
    features that are cheap to get for many pairs enter the shipped model as
    they are; the others sit at their mean, where they add nothing.
    """
    from claimdiff import combiner

    model = combiner.shipped()["pairs" if similarity is not None else "pairs_lexical"]
    known: dict[str, npt.NDArray[np.floating[Any]]] = {"idf_cosine": cosine}
    if similarity is not None:
        known["embedding"] = similarity[rows, cols].astype(np.float64)
    size_a = np.asarray([len(p.words) or 1 for p in a], dtype=np.float64)
    size_b = np.asarray([len(p.words) or 1 for p in b], dtype=np.float64)
    la, lb = size_a[rows], size_b[cols]
    known["length_ratio"] = np.minimum(la, lb) / np.maximum(la, lb)
    ratios = (strings or StringScores(len(b))).scores(a, b, rows, cols)
    # Rounded as rapidfuzz's default float32 result was, so the ranking stays as it was.
    known["fuzz_set"] = ratios[:, 0].astype(np.float32) / 100.0
    known["fuzz_sort"] = ratios[:, 1].astype(np.float32) / 100.0
    units, _ = set_overlap([p.units for p in a], [p.units for p in b], rows, cols)
    known["unit_share"] = (units > 0).astype(np.float64)
    known["event_share"], _ = set_overlap([p.events for p in a], [p.events for p in b], rows, cols)
    known["number_share"], _ = set_overlap(
        [p.numbers for p in a], [p.numbers for p in b], rows, cols
    )
    logit = np.full(len(rows), model.bias)
    for name, mean, scale, weight in zip(
        model.features, model.mean, model.scale, model.weights, strict=True
    ):
        if name in known:
            logit += weight * (known[name] - mean) / scale
    return logit


_OPPOSITE = {"none": "some", "some": "none"}


def claim_keys(claim: Claim, side: int) -> frozenset[str]:
    """``evidence_keys`` of a claim on ``side`` (0 or 1), computed once per claim object."""
    return _keys_b(claim) if side else _keys_a(claim)


@per_object
def _keys_a(claim: Claim) -> frozenset[str]:
    return frozenset(evidence_keys(claim, profile(claim), 0))


@per_object
def _keys_b(claim: Claim) -> frozenset[str]:
    return frozenset(evidence_keys(claim, profile(claim), 1))


def evidence_keys(claim: Claim, prof: Profile, side: int) -> set[str]:
    """Keys two claims share when they may contradict each other about one event.

    Side B's keys for opposite states are flipped ("no casualties" meets "some").
    """
    from claimdiff.events import graded, persons
    from claimdiff.figures import claim_times, none_units, specific_unit
    from claimdiff.slots import PEOPLE_KINDS, amounts, casualty_claim, entity_lists, precise

    keys = set()
    for amount in amounts(claim):
        if amount.unit and specific_unit(amount.unit):
            keys.add(f"unit {amount.unit}")
        elif amount.unit:
            keys.update(f"unit {amount.unit} {event}" for event in prof.events)
        if amount.unit and amount.kind == "exact" and precise(amount):
            # "$26.64 billion" / "$26.65 billion": within a percent, so within one of the
            # buckets of two significant digits around it
            keys.update(
                f"near {amount.unit} {_two_digits(amount.value * f)}" for f in (0.99, 1, 1.01)
            )
        if amount.unit == "year-old":  # an age is one figure of one person
            keys.update(f"age {e.canonical.split()[-1].lower()}" for e in persons(claim))
    keys.update(f"unit {unit}" for unit in none_units(claim.text))  # "No injuries/fires."
    state = casualty_claim(claim)
    if state == "some" and any(a.unit in PEOPLE_KINDS for a in amounts(claim)):
        # a toll of passengers meets a toll of people (``figures.tolls``)
        keys.update(f"unit people {event}" for event in prof.events)
    if state in _OPPOSITE:  # a "mixed" claim holds both and contradicts neither
        keys.add(f"casualty {state if side == 0 else _OPPOSITE[state]}")
    for head, (_, positive) in graded(claim).items():
        keys.add(f"graded {head} {positive != bool(side)}")
    if entity_lists(claim):  # names match loosely ("N.Y." / "New York"): key on the event
        keys.update(f"list {event}" for event in prof.events)
    if claim_times(claim):  # "departed at 07:21" / "took off at 7.05 am"
        keys.update(f"clock {event}" for event in prof.events)
    return keys


def _two_digits(value: float) -> str:
    return f"{value:.2g}"
