"""Names of days and months, importable without spaCy (``figures`` and ``slots`` read them)."""

from __future__ import annotations

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days of the week in English, Monday first (``date.weekday()``), whatever the locale:
``strftime``'s "%A" follows the desktop's once Qt has set it."""
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months in English, January first, whatever the locale (unlike "%B")."""
WEEKDAYS = {name.lower(): index for index, name in enumerate(DAY_NAMES)}
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# fmt: off
TIME_ZONES = frozenset({
    "GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
    "PDT", "BST", "CET", "CEST", "IST", "JST", "AEST",
})
# fmt: on
"""Time zones as news writes them after a clock time: "10 a.m. PDT", "1023 GMT"."""


PERIOD_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)"
"""How many days, weeks or years a text counts back or on, as a pattern: "two", "several"."""
IN_A_ROW = frozenset({"straight", "consecutive", "successive", "full", "whole"})
"""Words between a count and its unit of time that do not count: "53 straight years"."""
