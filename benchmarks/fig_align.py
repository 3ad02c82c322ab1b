"""Figure 3: aligning two documents of 5,000 claims, its recall, and growth from 1k to 10k."""

from __future__ import annotations

import dataclasses
import itertools
import math
import time
from typing import TYPE_CHECKING

from benchmarks.claimsets import alignment_claims
from benchmarks.record import Figure

if TYPE_CHECKING:
    from claimdiff.model import Claim
    from claimdiff.settings import Settings

SIZES = (1000, 2000, 5000, 10000)


def _links(a: list[Claim], b: list[Claim], settings: Settings) -> set[tuple[int, int]]:
    from claimdiff.align import align

    return {(c.a, c.b) for c in align(a, b, settings)}


def recall(size: int) -> Figure:
    """Links found with blocking forced on, as a share of those exhaustive scoring finds."""
    from claimdiff.settings import Settings

    settings = Settings()
    if not hasattr(settings, "exhaustive_pairs"):
        return Figure(
            "align_recall",
            f"alignment recall vs exhaustive, {size:,} claims",
            None,
            "%",
            ">= 99 %",
            note="matcher has no exhaustive_pairs setting",
        )
    a, b = alignment_claims(size)
    full = _links(a, b, dataclasses.replace(settings, exhaustive_pairs=10**12))
    blocked = _links(a, b, dataclasses.replace(settings, exhaustive_pairs=0))
    share = 100 * len(full & blocked) / len(full) if full else math.nan
    extra = len(blocked - full)
    return Figure(
        "align_recall",
        f"alignment recall vs exhaustive, {size:,} claims",
        share,
        "%",
        ">= 99 %",
        share >= 99,
        lower_is_better=False,
        note=f"{len(full):,} exhaustive links; blocked adds {extra}",
    )


def measure(sizes: tuple[int, ...] = SIZES, recall_size: int = 1000) -> list[Figure]:
    """Time align() once per size, after a warm-up that loads its tables and models."""
    from claimdiff.settings import Settings

    settings = Settings()
    a, b = alignment_claims(10)
    _links(a, b, settings)  # warm-up: IDF table, combiner weights, encoder
    times: dict[int, float] = {}
    figures = []
    for size in sizes:
        a, b = alignment_claims(size)
        start = time.perf_counter()
        links = _links(a, b, settings)
        seconds = time.perf_counter() - start
        times[size] = seconds
        target = "<= 5 s" if size == 5000 else ""
        figures.append(
            Figure(
                f"align_{size}_s",
                f"alignment, 2 x {size:,} claims",
                seconds,
                "s",
                target,
                seconds <= 5 if target else None,
                note=f"{len(links):,} links",
            )
        )
    low, high = min(times), max(times)
    if high > low:
        growth = times[high] / times[low]
        exponent = math.log(growth) / math.log(high / low)
        ordered = sorted(times)
        steps = ", ".join(
            f"{small / 1000:g}k->{big / 1000:g}k {times[big] / times[small]:.1f}x"
            for small, big in itertools.pairwise(ordered)
        )
        figures.append(
            Figure(
                "align_growth",
                f"alignment growth {low:,} -> {high:,} claims",
                growth,
                "x",
                f"~{high // low}x (linear)",
                note=f"time ~ n^{exponent:.2f}; steps: {steps}",
            )
        )
    if recall_size:
        figures.append(recall(recall_size))
    return figures
