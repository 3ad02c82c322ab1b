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


def recall(size: int, *, embeddings: bool = True) -> Figure:
    """Links found with blocking forced on, as a share of those exhaustive scoring finds."""
    from claimdiff.settings import Settings

    settings = Settings(use_embeddings=embeddings)
    mode = "lexical + embeddings" if embeddings else "lexical only"
    name = "align_recall" if embeddings else "align_recall_lexical"
    label = f"alignment recall vs exhaustive, {size:,} claims, {mode}"
    a, b = alignment_claims(size)
    full = _links(a, b, dataclasses.replace(settings, exhaustive_pairs=10**12))
    blocked = _links(a, b, dataclasses.replace(settings, exhaustive_pairs=0))
    return _recall_figure(name, label, full, blocked)


def _recall_figure(
    name: str, label: str, full: set[tuple[int, int]], blocked: set[tuple[int, int]]
) -> Figure:
    share = 100 * len(full & blocked) / len(full) if full else math.nan
    extra = len(blocked - full)
    return Figure(
        name,
        label,
        share,
        "%",
        ">= 99 %",
        share >= 99,
        lower_is_better=False,
        note=f"{len(full):,} exhaustive links; blocked adds {extra}",
    )


def sampled_recall(size: int, sample: int) -> Figure:
    """Recall at ``size`` claims, estimated on ``sample`` claims of side A against all of B.

    Exhaustive scoring of 2 x 5,000 claims is 25 M pairs. The candidates are
    those blocking finds for the whole of both sides (so each claim competes
    for its top-k places with all 5,000 claims); links are then chosen on the
    sample's pairs only, once from those candidates and once from every pair.
    """
    import random

    from claimdiff import align, blocking
    from claimdiff.features import profile
    from claimdiff.settings import Settings

    settings = Settings()
    a, b = alignment_claims(size)
    rows = sorted(random.Random(size).sample(range(len(a)), sample))
    profiles_a, profiles_b = [profile(c) for c in a], [profile(c) for c in b]
    forced = dataclasses.replace(settings, exhaustive_pairs=0)
    similarity = None
    if settings.use_embeddings and len(a) + len(b) <= settings.embed_max_claims:
        from claimdiff import embed

        similarity = embed.cosine(
            embed.embed([c.text for c in a]), embed.embed([c.text for c in b])
        )
    found = blocking.candidate_pairs(profiles_a, profiles_b, forced, similarity, (a, b))
    place = {row: k for k, row in enumerate(rows)}
    kept = [(place[i], j) for i, j in found if i in place]
    part = [a[i] for i in rows]
    full = _links(part, b, dataclasses.replace(settings, exhaustive_pairs=10**12))
    original = align.candidate_pairs
    align.candidate_pairs = lambda *args, **kwargs: kept  # the whole sides' candidates
    try:
        blocked = _links(part, b, forced)
    finally:
        align.candidate_pairs = original
    label = f"alignment recall vs exhaustive, {size:,} claims ({sample} sampled)"
    return _recall_figure(f"align_recall_{size}", label, full, blocked)


def _timed(size: int, settings: Settings, repeats: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and links of the median of ``repeats`` runs of align().

    Each run gets claims loaded afresh (profiles are memoised per claim object,
    and a second run on the same objects would skip them) and embeds them afresh.
    """
    from claimdiff import embed

    runs = []
    for _ in range(repeats):
        a, b = alignment_claims(size)
        # The encoder keeps the vectors of texts it has seen; each run embeds afresh.
        embed._cache.clear()
        start, cpu = time.perf_counter(), time.process_time()
        links = _links(a, b, settings)
        # CPU time of this process (all its threads): on a shared machine the wall
        # time says as much about the neighbours as about alignment.
        runs.append((time.perf_counter() - start, time.process_time() - cpu, len(links)))
    return sorted(runs)[len(runs) // 2]


def _warm_up() -> None:
    """Load what a first alignment loads once: IDF table, combiners, their note, encoder."""
    from claimdiff import combiner
    from claimdiff.settings import Settings

    a, b = alignment_claims(10)
    _links(a, b, Settings())
    _links(a, b, Settings(use_embeddings=False))
    combiner.shipped_note()


def _time_figure(key: str, label: str, timed: tuple[float, float, int]) -> Figure:
    seconds, cpu, links = timed
    target = "<= 5 s" if key == "align_5000_s" else ""
    return Figure(
        key,
        label,
        seconds,
        "s",
        target,
        seconds <= 5 if target else None,
        note=f"{links:,} links; {cpu:.1f} s CPU",
    )


def _growth(times: dict[int, tuple[float, float]]) -> Figure | None:
    """How wall time grows from the smallest size to the largest; CPU time in the note."""
    low, high = min(times), max(times)
    if high <= low:
        return None
    growth = times[high][0] / times[low][0]
    exponent = math.log(growth) / math.log(high / low)
    # CPU time is the steadier measure on a shared machine.
    cpu = math.log(times[high][1] / max(times[low][1], 1e-9)) / math.log(high / low)
    steps = ", ".join(
        f"{small / 1000:g}k->{big / 1000:g}k {times[big][0] / times[small][0]:.1f}x"
        for small, big in itertools.pairwise(sorted(times))
    )
    return Figure(
        "align_growth",
        f"alignment growth {low:,} -> {high:,} claims, lexical model",
        growth,
        "x",
        f"~{high // low}x (linear)",
        note=f"time ~ n^{exponent:.2f}, CPU time ~ n^{cpu:.2f}; steps: {steps}",
    )


def measure(
    sizes: tuple[int, ...] = SIZES,
    recall_size: int = 1000,
    sample_size: int | None = None,
    repeats: int = 3,
) -> list[Figure]:
    """Time align() per size (median of ``repeats`` runs; one above 5,000), after a warm-up.

    Every size is timed with the lexical model, so that growth compares like with
    like: with default settings 2 x 1,000 claims are embedded (``embed_max_claims``
    is 3,000 claims), which took longer than aligning 2 x 2,000 without, and made
    the growth look sub-linear. The smallest size is also timed with embeddings.
    Recall is measured at ``recall_size`` claims exhaustively, with and without
    embeddings, and estimated on a sample at ``sample_size`` (by default 5,000
    when that size is timed).
    """
    if sample_size is None:
        sample_size = 5000 if 5000 in sizes else 0
    from claimdiff.settings import Settings

    _warm_up()
    lexical = Settings(use_embeddings=False)
    times: dict[int, tuple[float, float]] = {}
    figures = []
    for size in sizes:
        timed = _timed(size, lexical, repeats if size <= 5000 else 1)
        times[size] = timed[0], timed[1]
        label = f"alignment, 2 x {size:,} claims, lexical model"
        figures.append(_time_figure(f"align_{size}_s", label, timed))
    if sizes:
        small = min(sizes)
        label = f"alignment, 2 x {small:,} claims, with embeddings"
        timed = _timed(small, Settings(), repeats)
        figures.append(_time_figure(f"align_{small}_embed_s", label, timed))
    growth = _growth(times) if times else None
    if growth is not None:
        figures.append(growth)
    if recall_size:
        figures.append(recall(recall_size))
        figures.append(recall(recall_size, embeddings=False))
    if sample_size:
        figures.append(sampled_recall(sample_size, 200))
    return figures
