"""What each source dates, and to when: the days, months and years its claims name, in order.

Every date mention is resolved against its report's dateline ("on Tuesday" in a report of
2017-04-11 is 2017-04-11), so two reports dated a day apart meet on the same day here. A row
is one day (or week, month, year, decade): the claims of each source that date something to
it, and how many of them only say when something was said ("Johnson said on Monday").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimdiff.extract.calendar_words import DAY_NAMES, MONTH_NAMES
from claimdiff.model import Claim, Comparison, DateMention

GRAINS = ("decade", "year", "month", "week", "day")
"""The granularities a timeline shows, coarsest first; vaguer mentions are left out."""


@dataclass(frozen=True)
class Dated:
    """One day, week, month, year or decade, and the claims of each source dated to it."""

    value: dt.date
    granularity: str
    claims: tuple[tuple[int, ...], ...]
    """Per document (by position), the ids of its claims that name this date, in order."""
    said: tuple[int, ...]
    """Per document, how many of those name it only as when something was said."""
    words: tuple[tuple[str, ...], ...]
    """Per document, how its claims word this date ("Tuesday", "April 11")."""

    @property
    def label(self) -> str:
        return date_label(self.value, self.granularity)

    @property
    def dated_by(self) -> int:
        """How many documents date something to it."""
        return sum(1 for ids in self.claims if ids)


def timeline(comparison: Comparison) -> tuple[Dated, ...]:
    """Every date the comparison's claims name, earliest first."""
    count = len(comparison.documents)
    found: dict[tuple[dt.date, str], list[tuple[Claim, DateMention]]] = {}
    for claim in sorted(comparison.claims, key=lambda c: (c.document, c.start, c.id)):
        for mention in claim.dates:
            if mention.value is not None and mention.granularity in GRAINS:
                found.setdefault((mention.value, mention.granularity), []).append((claim, mention))
    rows = [_dated(value, grain, mentions, count) for (value, grain), mentions in found.items()]
    rows.sort(key=lambda row: (row.value, GRAINS.index(row.granularity)))
    return tuple(rows)


def _dated(
    value: dt.date, grain: str, mentions: list[tuple[Claim, DateMention]], count: int
) -> Dated:
    ids: list[list[int]] = [[] for _ in range(count)]
    said: list[set[int]] = [set() for _ in range(count)]
    happened: list[set[int]] = [set() for _ in range(count)]
    words: list[list[str]] = [[] for _ in range(count)]
    for claim, mention in mentions:
        if not 0 <= claim.document < count:
            continue
        position = claim.document
        if claim.id not in ids[position]:
            ids[position].append(claim.id)
        (said if mention.said else happened)[position].add(claim.id)
        if mention.text not in words[position]:
            words[position].append(mention.text)
    return Dated(
        value=value,
        granularity=grain,
        claims=tuple(tuple(group) for group in ids),
        said=tuple(len(said[k] - happened[k]) for k in range(count)),
        words=tuple(tuple(group) for group in words),
    )


def date_label(value: dt.date, granularity: str) -> str:
    """A date as a timeline row names it: "Tue 11 Apr 2017", "April 2017", "the 1990s".
    In English whatever the locale (``strftime`` would follow the desktop's)."""
    month = MONTH_NAMES[value.month - 1]
    if granularity == "day":
        return f"{DAY_NAMES[value.weekday()][:3]} {value.day} {month[:3]} {value.year}"
    if granularity == "week":
        return f"week of {value.day} {month[:3]} {value.year}"
    if granularity == "month":
        return f"{month} {value.year}"
    if granularity == "decade":
        return f"the {value.year // 10 * 10}s"
    return str(value.year)


def cell_text(row: Dated, position: int) -> str:
    """A date's count in one document: "2", "2 (1 when said)", "—"."""
    ids, said = row.claims[position], row.said[position]
    if not ids:
        return "\u2014"
    return f"{len(ids)} ({said} when said)" if said else str(len(ids))
