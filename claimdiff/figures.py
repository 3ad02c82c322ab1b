"""Figures and dates of two claims compared: numbers with units, casualty counts, days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimdiff.extract.units import NUMBER_WORDS, PART
from claimdiff.model import Claim, DateMention, Label, Reason, ReasonKind
from claimdiff.slots import Amount, amounts, casualty_claim, consistent


@dataclass(frozen=True)
class Finding:
    """A reason and how much it weighs: CONFLICT, PARTIAL for a detail, or AGREE for a
    difference that may be none ("John" / "he"), shown when the link is not agree."""

    reason: Reason
    weight: Label


def join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _by_unit(found: list[Amount]) -> dict[str, list[Amount]]:
    grouped: dict[str, list[Amount]] = {}
    for item in found:
        if item.unit:
            grouped.setdefault(item.unit, []).append(item)
    return grouped


FAR_APART = 20.0
"""Two figures of one unit more than this many times apart are not one quantity reported
twice: "320,000 killed since 2011" (a war) and "more than 80 killed" (one attack)."""

GENERIC_UNITS = frozenset({"people", "year", "year-old", "day", "week", "month", "hour", "time"})
"""Units that count anything: sharing one says nothing about sharing the quantity."""


def by_unit(a: Claim, b: Claim) -> tuple[dict[str, list[Amount]], dict[str, list[Amount]]]:
    """Both claims' figures by unit, a part counted as its whole's unit where it matches.

    "$281 million of the purchase price" is the same figure as "$281 million in cash",
    but says nothing against a price of "$334 million".
    """
    ua, ub = _by_unit(amounts(a)), _by_unit(amounts(b))
    for mine, theirs in ((ua, ub), (ub, ua)):
        for unit in [u for u in mine if u.endswith(PART)]:
            whole = unit.removesuffix(PART)
            if any(consistent(x, y) for x in mine[unit] for y in theirs.get(whole, ())):
                mine.setdefault(whole, []).extend(mine.pop(unit))
    return ua, ub


def number_conflicts(a: Claim, b: Claim) -> list[tuple[str, str, str, bool]]:
    """(unit, text a, text b, far apart) for each unit whose values cannot agree."""
    return _conflicts(a, b, *by_unit(a, b))


def _conflicts(
    a: Claim, b: Claim, ua: dict[str, list[Amount]], ub: dict[str, list[Amount]]
) -> list[tuple[str, str, str, bool]]:
    found = []
    for unit in sorted(ua.keys() & ub.keys()):
        xs, ys = ua[unit], ub[unit]
        if any(consistent(x, y) for x in xs for y in ys):
            # one figure met is enough, unless both give a part of their whole: then
            # part meets part and whole meets whole ("12 of the 20" / "15 of the 20")
            pa, pb = _parts(xs), _parts(ys)
            if not pa or not pb or (_meet(pa, pb) and _meet(_wholes(xs), _wholes(ys))):
                continue
            xs, ys = pa, pb
        far = all(_far_apart(x, y) for x in xs for y in ys)
        ta = _listed([_shown(x.text, a) for x in xs])
        tb = _listed([_shown(y.text, b) for y in ys])
        found.append((unit, ta, tb, far))
    return found


def _counts_speaker(amount: Amount, claim: Claim) -> bool:
    """ "One friend, who asked not to be named, said": a count of who speaks is attribution."""
    return claim.speaker is not None and amount.text.lower() == claim.speaker.lower()


def _parts(found: list[Amount]) -> list[Amount]:
    """The figures that hold another: "12 of the 20 victims" holds "20 victims"."""
    return [x for x in found if any(_holds(x, o) for o in found)]


def _wholes(found: list[Amount]) -> list[Amount]:
    """The figures that another holds: "20 victims" in "12 of the 20 victims"."""
    return [x for x in found if any(_holds(o, x) for o in found)]


def _holds(part: Amount, whole: Amount) -> bool:
    return part.text != whole.text and whole.text in part.text


def _meet(xs: list[Amount], ys: list[Amount]) -> bool:
    return any(consistent(x, y) for x in xs for y in ys)


def _listed(texts: list[str]) -> str:
    """Figures joined for a reason, a part's whole ("12 of the 20 victims") said once."""
    return join([t for t in texts if not any(t != o and t in o for o in texts)])


_COMPOUND = re.compile(r"\w-[a-z]+$", re.IGNORECASE)
_SCORE = re.compile(r"\d+[-\u2013]\d+")  # "a 2-1 ruling", "a 62-43 vote"
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
_NOT_NOUNS = frozenset({"of", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with"})


def _shown(text: str, claim: Claim) -> str:
    """A figure as a reason shows it: a compound adjective takes its noun ("six-year-long war").

    Only a common noun: "a 36-year-old Duncan Rait" stays "36-year-old". An age keeps
    its word: "aged 77".
    """
    at = claim.text.find(text)
    if at > 0 and _AGED.search(claim.text, 0, at):
        return f"aged {text}"  # "aged 77": the figure alone would not say what it counts
    if text.split(maxsplit=1)[0].lower() in NUMBER_WORDS:
        text = text[:1].lower() + text[1:]  # "Two helicopters" opened its sentence
    at = at if _COMPOUND.search(text) or _SCORE.fullmatch(text) else -1
    word = _NEXT_WORD.match(claim.text, at + len(text)) if at >= 0 else None
    return f"{text} {word[1]}" if word and word[1] not in _NOT_NOUNS else text


_AGE = re.compile(r"\baged (?=\d)")


def _worded(shown: str) -> str:
    """Figures as a sentence says them: "gives an age of 77", not "gives aged 77"."""
    return _AGE.sub("an age of ", shown)


def _far_apart(x: Amount, y: Amount) -> bool:
    low, high = sorted((abs(x.value), abs(y.value)))
    return low > 0 and high / low > FAR_APART


def number_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Different numbers for the same quantity conflict; a number on one side is a detail."""
    ua, ub = by_unit(a, b)
    findings = []
    # a score is two figures ("23-17": for and against) with one text: one reason for both
    conflicts: dict[tuple[str, str], bool] = {}
    for _, ta, tb, far in _conflicts(a, b, ua, ub):
        conflicts[ta, tb] = conflicts.get((ta, tb), True) and far
    for (ta, tb), far in conflicts.items():
        if far:
            text = (
                f"{names[0]} gives {_worded(ta)} and {names[1]} {_worded(tb)}:"
                " too far apart to be one figure."
            )
            findings.append(Finding(Reason(ReasonKind.NUMBER, ta, tb, text), Label.PARTIAL))
        else:
            text = f"{names[0]} says {_worded(ta)}; {names[1]} says {_worded(tb)}."
            findings.append(Finding(Reason(ReasonKind.NUMBER, ta, tb, text), Label.CONFLICT))
    bare = [[x for x in amounts(c) if not x.unit] for c in (a, b)]
    for side, (mine, theirs) in enumerate(((ua, ub), (ub, ua))):
        claim = b if side else a
        # "He was 77" states the figure of "aged 77" without its unit.
        only = [
            _shown(x.text, claim)
            for u in sorted(mine.keys() - theirs.keys())
            for x in mine[u]
            if not any(consistent(x, y) for y in bare[1 - side]) and not _counts_speaker(x, claim)
        ]
        if only:
            shown = _listed(only)
            values = ("", shown) if side else (shown, "")
            text = f"Only {names[side]} gives {_worded(shown)}."
            findings.append(Finding(Reason(ReasonKind.NUMBER, *values, text), Label.PARTIAL))
    return findings


def casualty_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """ "No casualties" on one side against a death or injury count on the other."""
    if not casualties_apart(a, b):
        return []
    none_side = 0 if casualty_claim(a) == "none" else 1
    some_side = 1 - none_side
    text = (
        f"{names[none_side]} reports no casualties; "
        f"{names[some_side]} reports people killed or hurt."
    )
    values = ("no casualties", "casualties") if none_side == 0 else ("casualties", "no casualties")
    return [Finding(Reason(ReasonKind.NUMBER, *values, text), Label.CONFLICT)]


def casualties_apart(a: Claim, b: Claim) -> bool:
    """One claim reports no casualties, the other counts them."""
    return {casualty_claim(a), casualty_claim(b)} == {"none", "some"}


def date_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Resolved dates that cannot be the same day conflict ("Tuesday" = "April 11" agree).

    A date on one side only is a detail the other omits.
    """
    dated = [[d for d in c.dates if d.value is not None] for c in (a, b)]
    if not dated[0] and not dated[1]:
        return _weekday_findings(a, b, names)  # no dateline: "Tuesday" / "Wednesday" as written
    if bool(dated[0]) != bool(dated[1]):
        side = 0 if dated[0] else 1
        shown = join([_dated(d) for d in dated[side]])
        written = join([d.text for d in dated[side]])  # what the app lights up in the text
        values = (written, "") if side == 0 else ("", written)
        text = f"Only {names[side]} says when: {shown}."
        return [Finding(Reason(ReasonKind.DATE, *values, text), Label.PARTIAL)]
    da, db = ({d.value for d in c.dates if d.value and d.granularity == "day"} for c in (a, b))
    if not da or not db or da & db:
        return []
    ta = join([d.text for d in a.dates if d.value in da])
    tb = join([d.text for d in b.dates if d.value in db])
    # the year only where the dates span more than one: "April 10" / "April 11"
    years = len({v.year for v in da | db}) > 1
    when = [join([_day(v, years) for v in sorted(days)]) for days in (da, db)]
    text = f"{names[0]} dates it {ta} ({when[0]}); {names[1]} {tb} ({when[1]})."
    if ta.lower() == tb.lower() and not _ABSOLUTE.search(ta):
        # "yesterday" in two reports dated a day apart: each tells of its own day, as a
        # story that goes on ("was being questioned") would; not shown to be one event
        text = text[:-1] + ": the same word in reports dated apart."
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.CONFLICT)]


_ABSOLUTE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _weekday_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Weekdays no dateline resolves still differ when no day of one is a day of the other.

    A detail, not a conflict: without datelines the day may be when each source reported
    ("said Sunday") rather than when it happened ("ambushed the convoy Saturday").
    """
    days = [
        {
            m[0].capitalize(): d.text
            for d in c.dates
            if d.value is None
            for m in _WEEKDAY.finditer(d.text)
        }
        for c in (a, b)
    ]
    if not days[0] or not days[1] or days[0].keys() & days[1].keys():
        return []
    ta, tb = (join(list(side.values())) for side in days)
    text = f"{names[0]} says {ta}; {names[1]} says {tb}."
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]


def _day(value: dt.date, year: bool = False) -> str:
    """ "April 11", or "April 11, 2017"."""
    return f"{value:%B} {value.day}" + (f", {value.year}" if year else "")


def _dated(mention: DateMention) -> str:
    """A date as written, with the day it resolves to: "Tuesday (April 11)"."""
    value = mention.value
    if value is None or mention.granularity != "day" or f"{value:%B}" in mention.text:
        return mention.text
    return f"{mention.text} ({_day(value)})"
