"""Date expressions found in text and resolved against the document's dateline."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimdiff.clock import clock_times
from claimdiff.extract.calendar_words import IN_A_ROW, MONTHS, PERIOD_COUNT, WEEKDAYS
from claimdiff.extract.entities import span_ents
from claimdiff.model import FUTURE, PAST, DateMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_FULL_MONTHS = frozenset(
    name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")
)
_HOLIDAYS = {
    "fourth of july": "4 July",
    "christmas eve": "24 December",
    "christmas day": "25 December",
    "christmas": "25 December",
    "boxing day": "26 December",
    "new year's eve": "31 December",
    "new year's day": "1 January",
    "valentine's day": "14 February",
    "st patrick's day": "17 March",
    "bastille day": "14 July",
    "halloween": "31 October",
}
"""Holidays on a fixed day, as the day they fall on."""
_HOLIDAY = re.compile(
    r"\b(?:" + "|".join(re.escape(k).replace("'", "['\u2019]") for k in _HOLIDAYS) + r")\b",
    re.IGNORECASE,
)


_NOUN_AFTER = re.compile(r"\s+(?!(?:morning|afternoon|evening|night|eve|weekend)\b)[a-z]")


_FINDER = re.compile(
    "|".join(
        [
            r"\b\d{4}-\d{2}-\d{2}\b",
            # "in January of last year", "last April": a month placed by the year around it
            rf"\b(?:(?:in|In|by|By|since|Since|until)\s+)?{_FULL_MONTH}\s+(?:of\s+)?"
            r"(?i:last|next|this)\s+year\b",
            rf"\b(?i:last|next)\s+{_FULL_MONTH}\b(?!\s+\d)",
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",
            rf"\b{_FULL_MONTH},?\s+\d{{4}}\b",  # "October 2014", "October, 2014"
            rf"\b(?:(?i:last|next|this|past|coming)\s+)?{_WEEKDAY}"
            r"(?:\s+(?i:morning|afternoon|evening|night))?\b",
            r"(?i:\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|"
            r"evening)|(?:the\s+)?(?:last|past|this|next|coming)\s+(?:week|month|year|weekend)|"
            r"earlier\s+this\s+(?:week|month|year))\b)",
            # "by the end of the year", "in the second half of the year": the report's year
            r"\b[Oo]f\s+the\s+year\b(?!\s+(?:before|after|earlier|later|ago)\b)",
            rf"(?i:\b{PERIOD_COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago\b)",
            rf"\b(?:in|In|by|By)\s+{_FULL_MONTH}\b(?!\s+\d|,\s*\d{{4}}\b|['\u2019])",
            r"\b(?:in|In|by|By|since|Since|until|from|during|of|before|after)\s+(?:19|20)\d{2}\b"
            r"(?!\s*[-\u2013]\s*\w)",
            r"\b(?:the\s+)?(?:19|20)\d0s\b",
            r"(?<=\()(?:19|20)\d{2}(?=\))",  # "Twister (1996)"
            rf"(?i:(?:\bthe\s+)?{_HOLIDAY.pattern})",  # "on Christmas morning"
        ]
    )
)
_OF_THE_YEAR = re.compile(r"[Oo]f\s+the\s+year")
"""What the finder matches for "by the end of the year": the report's year ("the Person of
the Year" is a title)."""
_PREPOSITION = re.compile(r"^(?:in|by|since|until|from|during|of|before|after)\s+", re.I)
_IN_A_ROW = "|".join(sorted(IN_A_ROW))
_DURATION = re.compile(
    r"^(?:(?:more|less|fewer)\s+than|over|about|around|nearly|almost|some|at\s+least|up\s+to|"
    r"just\s+(?:over|under)|just|only|barely|under|the\s+(?:past|last|next|first)|another)?\s*"
    rf"(?:{PERIOD_COUNT}|a\s+few|\d+(?:\.\d+)?|[a-z]+-[a-z]+)?[\s-]*(?:(?:{_IN_A_ROW})\s+)?(?:years?|months?|weeks?|days?|"
    r"hours?|minutes?|seconds?|decades?|centuries|nights?)(?:[\s-]+(?:long|old))?$",
    re.IGNORECASE,
)
_MODIFIERS = frozenset({"last", "past", "this", "next", "coming", "earlier", "later"})
# fmt: off
_SAYING = frozenset({
    "say", "tell", "add", "state", "report", "write", "note", "explain", "comment", "remark",
    "announce", "declare", "stress", "insist", "reply", "warn", "tweet", "post",
})
# fmt: on
"""Verbs that only pass a statement on; "admitted in April 2003" dates the admission."""
_STATES = frozenset({"say", "tell", "be", "have", "represent", "remain", "mean", "include"})
"""Present-tense verbs that state what is, not what is planned ("Tillerson heads to")."""
_FUTURE_HEADS = frozenset({"due", "schedule", "set", "plan", "expect", "order"})


def is_duration(text: str) -> bool:
    """True for lengths of time ("two days", "50-year-old"), which are quantities, not dates."""
    # "just one minute and": the parser's entity may end on the "and" of "... and 48 seconds"
    text = re.sub(r"\s+(?:and|or)$", "", text.strip())
    # "18 minutes, 11 seconds", "one hour and 48 minutes": a time told in several units
    return all(_DURATION.match(part) for part in _DURATION_PARTS.split(text))


_DURATION_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def resolve(
    text: str, dateline: dt.date | None, future: bool = False, *, past: bool = False
) -> tuple[dt.date | None, str]:
    """Resolve one date expression: its date (or None) and granularity.

    Weekdays are the latest such day on or before the dateline (news reports look
    back) unless ``future``, when they are the next one on or after it. A day and
    month without a year fall in the year that puts them nearest the dateline, or
    before it when ``past`` ("was signed on 3 July" in April: last July), or on or after
    it when ``future`` ("will begin serving his sentence on March 6" in December: next
    March).
    """
    text = _HOLIDAY.sub(lambda m: _HOLIDAYS[_holiday_key(m[0])], text)  # "the Fourth of July"
    words = text.lower().replace(",", " ").replace(".", " ").split()
    absolute = _absolute(text, words, dateline, past=past, future=future)
    if absolute is not None:
        return absolute
    granularity = _relative_granularity(words)
    if dateline is None:
        return None, granularity
    value = _relative(words, dateline, future)
    return (value, granularity) if value is not None else (None, "vague")


def _holiday_key(text: str) -> str:
    return text.lower().replace("\u2019", "'")


_HALF_YEAR = dt.timedelta(days=183)
"""How far after the dateline a day and month without a year may fall and stay in its year:
"on June 1" in a report of March is this June, "on October 1" last October."""


def _absolute(
    text: str,
    words: list[str],
    dateline: dt.date | None,
    *,
    past: bool = False,
    future: bool = False,
) -> tuple[dt.date | None, str] | None:
    """Dates that name their month or year: "April 10", "March 2011", "2011"."""
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3])), "day"
    # "may" is a month only when written "May" ("5 May", "May 5"), never the modal verb
    may = re.search(r"\bMay\b", text) is not None
    month = next((MONTHS[w] for w in words if w in MONTHS and (w != "may" or may)), None)
    year = next((int(w[:4]) for w in words if re.fullmatch(r"(?:1[89]|20)\d{2}s?", w)), None)
    day = next(
        (int(m[1]) for w in words if (m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w))), None
    )
    if month is None:
        if year is not None and text.rstrip().endswith("0s"):
            return dt.date(year, 1, 1), "decade"
        return (dt.date(year, 1, 1), "year") if year is not None else None
    step = _year_step(words, month, dateline) if dateline is not None else None
    if year is None and dateline is not None and step is not None:
        year = dateline.year + step  # "January of last year", "last April", "next March"
    if year is None and dateline is not None:
        year = dateline.year
        probe = _safe_date(year, month, day or 1)
        ahead = dt.timedelta(days=1) if past else _HALF_YEAR  # a past event is not next month's
        if probe is not None and probe > dateline + ahead:
            year -= 1
        elif probe is not None and day and future and probe < dateline:
            year += 1  # "will begin serving his sentence on March 6", written in December
    if year is None:
        return None, "day" if day else "month"
    if day is None:
        return dt.date(year, month, 1), "month"
    return _safe_date(year, month, day), "day"


def _year_step(words: list[str], month: int, dateline: dt.date) -> int | None:
    """How many years from the dateline's a month said with its year is: "January of last
    year" -1, "this April" 0; "last April" is the latest April before the dateline's month
    (-1 in January, 0 in May), "next March" the first after it. None if no word says."""
    for modifier, step in (("last", -1), ("next", 1), ("this", 0)):
        if modifier not in words:
            continue
        at = words.index(modifier)
        if words[at + 1 : at + 2] == ["year"]:
            return step
        if words[at + 1 : at + 2] and words[at + 1] in MONTHS:
            if not step:
                return 0  # "this April": the dateline's year
            before = month < dateline.month if step < 0 else month > dateline.month
            return 0 if before else step
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative_granularity(words: list[str]) -> str:
    if "ago" in words:
        # "12 weeks ago" is a week, not a day: two reports dated a day apart both mean it
        at = words.index("ago")
        unit = words[at - 1].rstrip("s") if at else ""
        return unit if unit in ("week", "month", "year") else "day"
    for unit in ("week", "month", "year", "weekend"):
        if unit in words and "ago" not in words and _MODIFIERS.intersection(words):
            return "week" if unit == "weekend" else unit
    if any(
        w in WEEKDAYS
        or w
        in (
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "night",
            "morning",
            "evening",
            "afternoon",
            "ago",
        )
        for w in words
    ):
        return "day"
    return "vague"


def _relative(words: list[str], dateline: dt.date, future: bool) -> dt.date | None:
    day = dt.timedelta(days=1)
    if "yesterday" in words or words[:2] == ["last", "night"]:
        return dateline - day
    if "tomorrow" in words:
        return dateline + day
    if any(w in ("today", "tonight", "morning", "evening", "afternoon") for w in words) and not any(
        w in WEEKDAYS for w in words
    ):
        return dateline
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        return _weekday(weekday, words, dateline, future)
    if "ago" in words:
        return _ago(words[: words.index("ago")], dateline)
    if not _MODIFIERS.intersection(words):
        return None  # "in the week before the murder" is no particular week
    step = (
        -1
        if any(w in ("last", "past") for w in words)
        else (1 if any(w in ("next", "coming") for w in words) else 0)
    )
    if "week" in words or "weekend" in words:
        monday = dateline - dt.timedelta(days=dateline.weekday())
        return monday + dt.timedelta(days=7 * step)
    if "month" in words:
        index = dateline.year * 12 + dateline.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1)
    if "year" in words:
        return dt.date(dateline.year + step, 1, 1)
    return None


def _ago(words: list[str], dateline: dt.date) -> dt.date | None:
    """ "two days ago", "a few weeks ago", "12 weeks ago"."""
    if not words or words[-1].rstrip("s") not in UNIT_DAYS:
        return None
    unit = UNIT_DAYS[words[-1].rstrip("s")]
    counts = [
        COUNTS[w] if w in COUNTS else int(w) for w in words[:-1] if w in COUNTS or w.isdigit()
    ]
    if "few" in words or "several" in words:
        counts = [3]
    return dateline - dt.timedelta(days=counts[-1] * unit) if counts else None


def _weekday(weekday: int, words: list[str], dateline: dt.date, future: bool) -> dt.date:
    back = (dateline.weekday() - weekday) % 7
    ahead = (weekday - dateline.weekday()) % 7
    if "last" in words or "past" in words:
        return dateline - dt.timedelta(days=back or 7)
    if "next" in words or "coming" in words:
        return dateline + dt.timedelta(days=ahead or 7)
    return dateline + dt.timedelta(days=ahead) if future else dateline - dt.timedelta(days=back)


def counts_things(piece: Span | None) -> bool:
    """Whether a "year" counts the things named after it: "will send 1969 troops". A
    determiner or preposition before it makes it a year again: "the 2023 elections"."""
    if piece is None or len(piece) != 1 or not re.fullmatch(r"\d{4}", piece.text):
        return False
    doc = piece.doc
    before = doc[piece.start - 1] if piece.start else None
    if before is not None and (before.pos_ in ("DET", "ADP", "PRON") or before.tag_ == "PRP$"):
        return False
    return piece.end < len(doc) and doc[piece.end].tag_ == "NNS"


def dates(span: Span, dateline: dt.date | None, offset: int = 0) -> tuple[DateMention, ...]:
    """Every date expression in a span, resolved; offsets are shifted by ``offset``."""
    text = span.text
    base = span.start_char
    found: list[tuple[int, int]] = []
    this_year: set[int] = set()  # "by the end of the year": the report's year
    for match in _FINDER.finditer(text):
        prefix = _PREPOSITION.match(match[0])
        start = match.start() + base + (prefix.end() if prefix else 0)
        found.append((start, match.end() + base))
        if _OF_THE_YEAR.fullmatch(match[0]):
            this_year.add(start)
    for ent in span_ents(span):
        overlaps = any(s < ent.end_char and ent.start_char < e for s, e in found)
        if (
            ent.label_ == "DATE"
            and not overlaps
            and not is_duration(ent.text)
            and ent.text.casefold() not in MONTHS
        ):
            # A bare month the finder passed over is a name ("May's spokeswoman").
            found.append((ent.start_char, ent.end_char))
    # "struck at 2.12 am (2027 GMT)": a time of day, not a year
    clocks = [(t.start + base, t.end + base) for t in clock_times(text)]
    mentions = []
    for start, end in sorted(found):
        if any(s <= start and end <= e for s, e in clocks):
            continue
        expression = text[start - base : end - base]
        if expression.endswith(".") and expression[:-1].split()[-1].casefold() in _FULL_MONTHS:
            end -= 1  # "on 3 July." ends a sentence; "Sept." is an abbreviation
            expression = expression[:-1]
        if _HOLIDAY.fullmatch(re.sub(r"^the\s+", "", expression, flags=re.I)) and (
            _NOUN_AFTER.match(text, end - base)
        ):
            continue  # "the Christmas market" is a market, not a day
        # the words of the date in the parse, where there is one
        piece = span.doc.char_span(start, end, alignment_mode="expand")
        if not span.doc.has_annotation("DEP"):
            piece = None
        if counts_things(piece):
            continue  # "1969 troops": a count, read as a quantity
        tense = _tense(piece)
        told = "this year" if start in this_year else expression
        value, granularity = resolve(told, dateline, tense == FUTURE, past=tense == PAST)
        if value is None and granularity == "vague":
            continue  # "decades", "the 15th century": nothing to compare
        verb = _verb(piece)
        said = verb in _SAYING and not _reports_in(piece)
        if value is not None and dateline is not None and value > dateline:
            tense = FUTURE  # "by the time the overhaul is completed in October 2014"
        mentions.append(
            DateMention(
                expression, value, start + offset, end + offset, granularity, said, verb, tense
            )
        )
    return tuple(mentions)


def _verb(piece: Span | None) -> str:
    """The lemma of the verb a date hangs on ("born on March 7" -> "bear"), or "".

    It tells whether the date is when something was said ("officials said Wednesday",
    "Johnson said on Monday"), and whether two dates are of one action."""
    head = _head(piece)
    if head is None or piece is None:
        return ""
    return head.lemma_.lower() if head.pos_ == "VERB" and head is not piece.root else ""


def _head(piece: Span | None) -> Token | None:
    """The word a date hangs on, past its preposition ("said on Monday" -> "said")."""
    if piece is None:
        return None
    head = piece.root.head
    head = head.head if head.dep_ == "prep" else head
    if head.lower_ in _PARTS_OF_A_YEAR and head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head.head  # "won his debut in the spring of 2013" -> "won"
    return head


_PARTS_OF_A_YEAR = frozenset(
    {"spring", "summer", "autumn", "fall", "winter", "beginning", "start", "end", "middle"}
)
"""Nouns a date may hang on that only place it within the year: "in the spring of 2013"."""


def _reports_in(piece: Span | None) -> bool:
    """Whether "report" is going somewhere, not passing a statement on: "was ordered to
    report to prison on March 6"."""
    head = _head(piece)
    return head is not None and head.lemma_.lower() == "report" and head.dep_ == "xcomp"


_WILL = frozenset({"will", "shall", "'ll", "wo"})
"""Auxiliaries of the future ("wo" is the tagger's "won't")."""


def _tense(piece: Span | None) -> str:
    """Whether the verb governing a date (``piece``, None unparsed) speaks of the future
    ("will meet", "heads"), of the past ("opened", "was signed"), or neither ("")."""
    if piece is None:
        return ""
    verb: Token | None = piece.root
    through = 0  # nouns or adjectives between: "the summit, due on May 3, was cancelled"
    for _ in range(6):
        if verb is None or verb.pos_ in ("VERB", "AUX"):
            break
        if verb.dep_ == "ROOT" and verb.tag_ == "NNS":
            # A sentence rooted in a plural noun is a verb the tagger missed: "Tillerson heads".
            return FUTURE
        through += verb.i != piece.root.i and verb.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
        verb = verb.head if verb.head is not verb else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or through > 1:
        # "will pay $115 a share, a premium to the closing price on Wednesday": a day deep
        # in a noun phrase is not when the verb happens
        return ""
    if any(c.lower_ in _WILL for c in verb.children):
        return FUTURE
    if verb.dep_ == "xcomp" and (
        verb.head.lemma_ in _FUTURE_HEADS
        or verb.head.lower_ == "going"
        # "will begin serving his sentence on March 6"
        or any(c.lower_ in _WILL for c in verb.head.children)
    ):
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _STATES and not through:
        return FUTURE
    past = verb.tag_ == "VBD" or _perfect_or_passive(verb)
    return PAST if past and not through else ""


def _perfect_or_passive(verb: Token) -> bool:
    """ "had risen", "was signed": a participle with a past auxiliary."""
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )
