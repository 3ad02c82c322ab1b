"""Times of day in a claim's text ("at 1:53 p.m. local time", "1353 (1023 GMT)", "8.40am").

Read from the text alone, without spaCy, so that ``figures`` compares them for statements
as well as for extracted claims. A time is kept in minutes after midnight
with its zone as written ("GMT", "PDT"), or "" for local time or none given, so that
"struck at 1353 (1023 GMT)" and "hit at 1:53 p.m. local time" meet on 13:53.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ClockTime:
    """A time of day as written, and where it stands in the text."""

    text: str
    minutes: int
    zone: str
    approximate: bool
    start: int
    end: int
    side: int = 0
    """-1 for a time an event came shortly before ("shortly before noon"), 1 for one it came
    shortly after, else 0."""

    @property
    def shown(self) -> str:
        """The time as a reason shows it: the text, with its zone if the text lacks it."""
        return f"{self.text} {self.zone}" if self.zone and self.zone not in self.text else self.text


_MERIDIEM = r"(?P<ampm>[ap])(?:\.\s?m\b\.?|\s?m\b)"  # "p.m.", "pm"; not the full stop after "pm."
_TWELVE = re.compile(
    rf"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s?{_MERIDIEM}",
    re.IGNORECASE,
)
"""A 12-hour time: "1:53 p.m.", "8.40am", "3 p.m."."""
_TWENTY_FOUR = re.compile(
    r"(?<![\w.:$])(?P<hour>[01]?\d|2[0-3])[:h](?P<minute>[0-5]\d)(?![\w:]|\.\d)"
    r"|(?:\bat\s+|\()(?P<hour4>[01]\d|2[0-3])(?P<minute4>[0-5]\d)(?=\s*(?:\(|GMT|UTC|hrs|hours"
    r"|local|IST|CET|EST|EDT|PST|PDT))",
    re.IGNORECASE,
)
"""A 24-hour time: "17:33", "at 1353 (", "(1023 GMT"."""
_MAYBE = re.compile(r"\d|noon|midday|midnight", re.IGNORECASE)
"""What every time of day holds: a digit, or the word of its hour."""
_NOON = re.compile(r"\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
_ZONE = re.compile(
    r"[\s,(]*(?P<zone>GMT|UTC|[A-Z][A-Z]?[SD]T|IST|CET|CEST|local(?:\s+time)?)\b",
)
_APPROXIMATE = re.compile(
    r"\b(?:around|about|approximately|roughly|some|shortly|just|soon|nearly|almost)"
    r"(?:\s+(?P<side>after|before))?\s+(?:at\s+)?$",
    re.IGNORECASE,
)


def clock_times(text: str) -> list[ClockTime]:
    """Every time of day in ``text``, in text order."""
    if _MAYBE.search(text) is None:
        return []  # most texts: no digit, no noon
    found: list[ClockTime] = []
    taken: list[tuple[int, int]] = []
    for match in _TWELVE.finditer(text):
        hour = int(match["hour"]) % 12 + (12 if match["ampm"].lower() == "p" else 0)
        minutes = hour * 60 + int(match["minute"] or 0)
        found.append(_timed(text, match.start(), match.end(), minutes))
        taken.append(match.span())
    for match in _TWENTY_FOUR.finditer(text):
        start = match.start("hour") if match["hour"] else match.start("hour4")
        if any(s <= start < e for s, e in taken):
            continue
        hh, mm = ("hour", "minute") if match["hour"] else ("hour4", "minute4")
        clock = int(match[hh]) * 60 + int(match[mm])
        found.append(_timed(text, start, match.end(), clock))
    for match in _NOON.finditer(text):
        minutes = 0 if match["word"].lower() == "midnight" else 12 * 60
        found.append(_timed(text, match.start(), match.end(), minutes))
    return sorted(found, key=lambda t: t.start)


def _timed(text: str, start: int, end: int, minutes: int) -> ClockTime:
    zone = _ZONE.match(text, end)
    label = ""
    if zone is not None and not zone["zone"].lower().startswith("local"):
        label = zone["zone"].upper()
    approximate = _APPROXIMATE.search(text, 0, start)
    side = {"before": -1, "after": 1}.get(((approximate and approximate["side"]) or "").lower(), 0)
    return ClockTime(
        text[start:end].strip(), minutes, label, approximate is not None, start, end, side
    )


def same_time(x: ClockTime, y: ClockTime) -> bool:
    """Whether two times of one zone can be the same moment: within five minutes, or within
    the reach of an approximate one. "About 3 p.m." reaches less than half an hour ("3:22
    p.m." can be it; "around 5:30pm" / "around 5:00pm" cannot); an approximate time given
    to the minute, a quarter of an hour ("around 4.30 am" is not "4:10 am", "around 3.10am"
    can be "03:00")."""
    if x.side or y.side:
        # "shortly before noon" is the half hour up to noon: "around 11:30" can be it
        (low_x, high_x), (low_y, high_y) = _span(x), _span(y)
        apart = max(low_x, low_y) - min(high_x, high_y)
        return apart <= 5 or 24 * 60 - (max(high_x, high_y) - min(low_x, low_y)) <= 5
    gap = abs(x.minutes - y.minutes)
    gap = min(gap, 24 * 60 - gap)
    return gap <= max(_reach(x), _reach(y), 5)


def _span(time: ClockTime) -> tuple[int, int]:
    """The first and last minute a time may stand for."""
    if time.side < 0:
        return time.minutes - SHORTLY, time.minutes
    if time.side > 0:
        return time.minutes, time.minutes + SHORTLY
    return time.minutes - _reach(time), time.minutes + _reach(time)


SHORTLY = 30
"""How far "shortly before" or "shortly after" a time reaches, in minutes."""


def _reach(time: ClockTime) -> int:
    """How many minutes either side an approximate time may stand for."""
    if not time.approximate:
        return 0
    return APPROXIMATE_HOUR if time.minutes % 60 == 0 else APPROXIMATE_MINUTE


APPROXIMATE_HOUR = 29
"""Reach of an approximate time given to the hour, in minutes: "about 3 p.m."."""
APPROXIMATE_MINUTE = 15
"""Reach of an approximate time given to the minute: "around 4.30 am"."""
