"""Read comparable slots out of claims: quantities in common units, entity lists, casualties."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimdiff.clock import clock_times
from claimdiff.extract.calendar_words import TIME_ZONES, WEEKDAYS
from claimdiff.extract.units import (
    BOUND_DIRECTIONS,
    CARDINAL_WORDS,
    NAMING_WORDS,
    PART,
    PARTITIVE,
    QUALIFIERS,
    RACE_TIME,
    UNITS,
    VOTES,
    VOTES_AGAINST,
    plain_number,
)
from claimdiff.memo import per_object
from claimdiff.model import Claim, Entity, Quantity

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
"""Entity types that name someone or something (not dates, numbers or ordinals)."""

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_PLACE_REACH = 45
"""How far after casualty words a place may start and still be where they are: "killed at
least 13 people in neighboring Pakistan"."""

_TO_METRES = {
    "m": 1.0,
    "metre": 1.0,
    "meter": 1.0,
    "km": 1000.0,
    "kilometre": 1000.0,
    "kilometer": 1000.0,
    "mile": 1609.344,
    "ft": 0.3048,
    "foot": 0.3048,
    "feet": 0.3048,
    "yard": 0.9144,
    "mi": 1609.344,
}
_TO_METRES_PER_SECOND = {
    word: factor for word, (_, dimension, factor) in UNITS.items() if dimension == "speed"
}
_UNIT_ALIASES = {
    "percent": "percent",
    "per": "percent",
    "%": "percent",
    "pc": "percent",
    "person": "people",
    "people": "people",
    "dead": "people",
    "died": "people",
    "body": "people",  # "52 bodies have been recovered"
    "death": "people",  # "2,000 deaths": the dead are people
    "fatality": "people",
    "life": "people",  # "took 69 more lives"
    "storey": "story",  # British spelling
    "storeys": "story",
}
_QUALIFIERS = {" ".join(phrase): (low, high) for phrase, _, low, high in QUALIFIERS}
"""How far each qualifier phrase lets the true value stray from the stated one."""
_KINDS = BOUND_DIRECTIONS | {
    " ".join(phrase): BOUND_DIRECTIONS[name]
    for phrase, name, *_ in QUALIFIERS
    if name in BOUND_DIRECTIONS
}
"""The bound a qualifier sets, by its phrase ("just under") or canonical name ("nearly")."""
_WORD_NUMBERS = {word: float(value) for value, word in enumerate(CARDINAL_WORDS[:21])}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_QUALIFIER_RE = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
_LEADING_QUALIFIER = re.compile(rf"(?:{_QUALIFIER_RE})\s+", re.IGNORECASE)
_NUMBER_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUALIFIER_RE})\s+)?"
    r"(?P<num>(?<![\w./-])\d+(?:[.,]\d+)*(?!/\d)|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b)"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion)\b)?"
    r"(?:-(?P<hyphen>[a-z]+(?:-[a-z]+)?)|\s*(?P<unit>%|[a-z]+))?",
    re.IGNORECASE,
)
_RANGE_NUMBER = r"\d+(?:[.,]\d+)?|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b"
_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
"""A digit or a number word: a text without one holds no quantity (most claims)."""
_TEXT_RANGE = re.compile(
    rf"(?P<between>\bbetween\s+)?(?<![\w./-])(?P<lo>{_RANGE_NUMBER})"
    r"\s*(?:-|\u2013|\bto\b|(?(between)\band\b|(?!)))\s*"
    rf"(?P<hi>{_RANGE_NUMBER})\s*(?P<unit>%|[a-z]+)",
    re.IGNORECASE,
)
"""A range with its unit once, at its end: "three to four weeks", "3-4 weeks", "between 50
and 60 people"; "rose from 20 to 30" is a change, and "23-17" a score, not a range."""
_CHANGE_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|in|since|until|from)|\w['\u2019]s)\s+$", re.IGNORECASE
)
"""Words before a year that make it one: "a 2005 peace deal", "Silver's 2015 trial"."""
_MONTHS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_SKIP_UNITS = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "the",
        "a",
        "an",
        "as",
        "by",
        "for",
        "from",
        "with",
        "was",
        "were",
        "had",
        "have",
        "is",
        "are",
        "be",
        "gmt",
        "am",
        "pm",
        "p",
        "a.m",
        "p.m",
        "year-old",
        # a clause or pronoun after a bare number: "Heard was 72 when he died"
        "when",
        "while",
        "after",
        "before",
        "since",
        "until",
        "because",
        "but",
        "than",
        "that",
        "who",
        "which",
        "where",
        "he",
        "she",
        "they",
        "it",
        "we",
        # a preposition or verb after a bare number: "climbed to 1,351 over three days",
        # "500 could lose their jobs"
        "over",
        "under",
        "into",
        "through",
        "during",
        "across",
        "up",
        "down",
        "out",
        "off",
        "each",
        "not",
        "has",
        "could",
        "would",
        "will",
        "can",
        "may",
        "might",
        "said",
    ]
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_TOLL_VERB = re.compile(
    r"\b(?:killed|died|dead|deaths|fatalities|wounded|injured|toll)\b", re.IGNORECASE
)
"""Words that make a bare figure a count of people: "the toll rose to 12", "taking the number
of deaths to 10"."""
_CASUALTY = re.compile(
    r"\b(?:killed|killing|dead|deaths?|died|wounded|injured|injuring|injuries|casualt\w*|"
    r"fatalit\w*|victims?|toll|passed\s+away|lost\s+their\s+lives)\b",
    re.IGNORECASE,
)
_NO_CASUALTY = re.compile(
    r"\b(?:no|nobody|no one|none)\b[^.;]{0,40}?\b(?:killed|dead|deaths?|died|wounded|injured|"
    r"injuries|casualt\w*|fatalit\w*|victims?|hurt)\b",
    re.IGNORECASE,
)
_OF_THE_NOUN = re.compile(rf"\s+of\s+(?:{'|'.join(PARTITIVE)})\s+([a-z]{{3,}})\b", re.IGNORECASE)
_QUAKES = frozenset({"earthquake", "quake", "tremor", "temblor", "aftershock", "shock"})
_AFTER_ASIDE = r"^\)?\s*(?:\([^)]*\)\s*)?"  # "10 km (six miles) deep", "(six miles) deep"
_FORECAST = re.compile(
    r"(?:\b(?:expect\w*|forecast\w*|predict\w*|project(?:s|ed|ion)|fear(?:s|ed)?|"
    r"estimated?\s+to|(?:estimates?|consensus|guidance)\s+(?:of|for))(?:\s+[\w$.,-]+){0,6}"
    r"|\b(?:will|would|could|(?-i:may|might)|likely\s+to|set\s+to)\s+(?:\w+\s+)?"
    r"(?:rise|fall|climb|drop|reach|grow|increase|decrease|top|exceed|surpass|hit|total)\w*"
    r"(?:\s+(?:to|by|as|much|high|about|around|some|more|than|up|over|of))*"
    r"|\b(?:could|(?-i:may|might))\s+be(?:\s+[\w-]+){0,4})\s*$",
    re.IGNORECASE,
)
"""Words right before a figure that make it a forecast: "expecting hundreds of dead",
"could rise to 50", "exceeding estimates of $1.60 EPS"."""
_SHARE_OF = re.compile(
    r"(?:\b(?:percent|per\s+cent|pct)|%)\s+of\s+(?:(?:the|its|their|his|her|[\w.-]+['\u2019]s)\s+)?"
    r"(?:(?:total|entire|whole|global|worldwide|full-time|current)\s+)?$",
    re.IGNORECASE,
)
"""Words before the whole a share is of: "about 8 percent of H-P's nearly 350,000 employees"."""
_CHANCE = re.compile(
    r"\b(?:chance|probability|risk|odds|possibility|likelihood)\s+of"
    r"(?:\s+(?:a|an|the|magnitude|at|least|more|than|over))*\s*$",
    re.IGNORECASE,
)
"""Words right before a figure that it is the threshold of a chance: "a 9 percent chance of a
magnitude 6 plus aftershock" gives the odds of a 6, no forecast that there will be one."""
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
"""A possessive ending right after a figure's noun: "one victim's statement"."""
_CLOCK = re.compile(r"\d\s*[ap]\.?m\b|\d:\d\d", re.IGNORECASE)
_DAY_NAMES = frozenset(WEEKDAYS) | {"today", "yesterday"}
_FROM = re.compile(r"\bfrom\s+(?:(?:level|category|stage|grade)\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?to\s+(?:\S*\d|level\b|category\b)", re.IGNORECASE)
"""A figure a change starts from: "raised the alert from 2 (increasing unrest) to 3"."""
_RANK_BEFORE = re.compile(r"\b(category|level|grade|phase|stage|tier)\s+$", re.IGNORECASE)
AGE_WORDS = r"\b(?:aged?|the\s+age\s+of)\s+"
"""The words of an age as written: "aged 77", "at age 61", "at the age of 72"."""
AGE_BEFORE = re.compile(AGE_WORDS + r"$|\b(?:the\s+)?(?:oldest|youngest)\s+at\s+$", re.IGNORECASE)
"""Words right before a figure that make it an age: "aged 77", "at age 61", "at the age of 72",
"the oldest at 76"."""
_AGE_COPULA = re.compile(r"(?:\b(?:he|she|He|She|and)|\b[A-Z][a-z]+)\s+(?:was|is|turned|turns)\s+$")
_AGE_COPULA_AFTER = re.compile(r"\s*(?:[,.;]|when\b|at\s+the\s+time\b|$)")
"""A bare number a person "was" or "turned", then a pause: "Heard was 72 when he died",
"Heard was born March 7, 1946 and was 71 when he died"."""
AGE_LIMIT = "limit"
"""The role of an age that bounds a group ("children under the age of five"): no one's age,
so two such are no rival figures ("most of those who died were under the age of 2")."""
_GROUP_AGE = re.compile(r"(?i:over|under|above|below)\s+\d{1,3}")
"""A bound on an age as a group's ages are told: "over 75", "under 18"."""
_GROUP_AGE_BEFORE = re.compile(
    r"\b(?:people|victims|dead|deaths|those|patients|residents|passengers|men|women|children|"
    r"casualties|them)\b[^.;]*\b(?:were|are)\s+$",
    re.IGNORECASE,
)
"""People, then "were" or "are" right before the bound: "Half of the people who died in
the heat waves ... were over 75"."""
_AGE_LIMIT = re.compile(
    r"\b(?:under|over|below|above|(?:younger|older)\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_OLD_AFTER = re.compile(r"\s+old\b")
_SECONDS = {"hour": 3600.0, "minute": 60.0, "second": 1.0}
_CLOCK_UNITS = frozenset(word for unit in _SECONDS for word in (unit, f"{unit}s"))
_PER_WORD = re.compile(r"\s+(?:per|an?)$", re.IGNORECASE)  # "$115 per" as extracted
_PER = re.compile(
    r"\s*(?:per|a|an)\s+(?P<per>share|barrel|ounce|tonne|ton|gallon|litre|liter|kilo\w*|"
    r"pound|hour|day|week|month|year|head|person|capita)\b"
    r"(?!\s+(?:ago|earlier|before|later|from|after))",  # "$45.96 billion a year ago"
    re.IGNORECASE,
)
"""A rate's words after its figure: "$115 per share", whose extracted text ends at "per"."""
_ANOTHER = ("another ", "an additional ", "in addition to ")
_EXPECTED = frozenset({"expected", "likely"})  # modalities of a claim that only expects
_EXPECT_CUE = re.compile(
    r"\b(?:expect\w*|likely|forecast\w*|predict\w*|project(?:s|ed|ions?)|anticipat\w*)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"\b(?:while|whereas|but|although|though|after|before|when|as)\b|[;\u2014]", re.IGNORECASE
)


def _expected_here(text: str, start: int, end: int) -> bool:
    """Whether the expectation of a claim that only expects covers the figure at
    ``start:end``: no clause break stands between the figure and a word that expects.
    "Seven bodies have so far been recovered while more than 20 persons were feared
    trapped and likely dead": the seven are no forecast. Where no such word is found, the
    whole claim is taken to expect."""
    cues = [cue.span() for cue in _EXPECT_CUE.finditer(text)]
    if not cues:
        return True
    return any(
        _CLAUSE_BREAK.search(text, min(end, cue_end), max(start, cue_start)) is None
        for cue_start, cue_end in cues
    )


_MORE = re.compile(r"\s+(other|more|further|additional|extra)\b", re.IGNORECASE)
"""A count of some besides those already told: "two other executives", "three more"."""


def _besides(amount: Amount, before: str, rest: str) -> bool:
    """Whether a count is of some besides those already told: "two other executives", "three
    more", "another 12" (``rest``, the text after the count's first word).

    "Other" people hurt, missing or rescued are set apart from the dead, and are all of
    their kind: "Twelve other people were being treated for injuries", after the toll,
    counts the injured. "Three other people died", "another two had been arrested" and
    "three more were injured" count some besides.
    """
    more = _MORE.match(rest)
    lower = before.lower()
    word = more[1].lower() if more else next((w for w in _ANOTHER if lower.endswith(w)), "")
    if not word:
        return False
    return word.strip() not in ("other", "another") or amount.fate not in _BESIDE_THE_DEAD


_BESIDE_THE_DEAD = frozenset({"hurt", "missing", "rescued"})


_EARLIER = re.compile(
    r"(?:\b(?:initially|originally|previously|formerly|(?:the|its|an?)\s+(?:original|previous|"
    r"earlier|prior))\b(?:\s+[\w$'\u2019-]+){0,6}"
    r"|\b(?:previous|earlier|initial|first)\s+(?:reports?|estimates?|figures?|tolls?|counts?)\b"
    r".*"
    r"|\b(?:up|down)\s+from\s+(?:about\s+|around\s+)?$)\s*$",
    re.IGNORECASE,
)
"""Words before a figure that make it an earlier value, not a rival: "initially offered $70
a share", "the original purchase price of $2.6 billion"."""
_HAD_SAID = re.compile(
    r"\bhad\s+(?:(?:first|earlier|initially|previously)\s+)?(?:reported|said|put)\b"
    r"(?:\s+[\w$.,-]+){0,6}\s*$",
    re.IGNORECASE,
)
"""Words before a figure that someone had given: "some outlets had reported that Heard was
72", "The Syrian army had said earlier that six people were killed"."""
HAD_SAID = "had said"
"""The role of a count of people with their fate that someone had given ("The Syrian army
had said earlier that six people were killed"): an earlier value beside the claim's own
count of its unit, and the claim's count where it gives no other. Any other figure someone
had given is an earlier value ("outlets had reported that Heard was 72, but he was 71")."""
_CHANGE_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.IGNORECASE)
"""A figure after "by" is the size of a change, not the value it changed from: "boosting
the original purchase price by 64%"."""
_SOUGHT = re.compile(
    r"\b(?:(?:sought|seek(?:s|ing)?|request(?:s|ed|ing)?|recommend(?:s|ed|ing)?)(?!\s+to\b)"
    r"|(?:ask|call|plead|push|argu)(?:s|e?d|ing)?\s+for|pleas?\s+for|requests?\s+for)"
    r"(?:\s+[\w$.,-]+){0,6}\s*$",
    re.IGNORECASE,
)
"""Words before a figure that make it one asked for, not one given: "dismissed the lawyer's
plea for a lighter sentence of 12 years", "prosecutors had sought 25 years"; not "seeking
to dial back tensions between the two former Cold War adversaries"."""
SOUGHT = "sought"
"""The role of a figure asked for: compared only with one asked for on the other side."""
_EARLIER_AFTER = re.compile(
    r"\s*,?\s*(?:(?:a|one|the)\s+year\s+(?:ago|earlier|before)|(?:a|the)\s+year-ago\b"
    r"|(?:in|for|during)\s+the\s+(?:same|year-ago|prior|previous)\s+(?:period|quarter))",
    re.IGNORECASE,
)
"""Words after a figure that make it an earlier value: "up from $45.96 billion a year ago"."""
_FORECAST_AFTER = re.compile(
    r"\s*(?:analysts?\s+)?(?:estimated|expected|forecast|projected|anticipated|predicted)\b",
    re.IGNORECASE,
)
"""Words right after a figure that make it a forecast: "(versus $45.84 billion estimated)",
"below the $26.70 billion analysts anticipated"."""
_SHOCK_BEFORE = re.compile(r"\b(?:after|fore)shocks?\b[^.;]{0,25}$", re.IGNORECASE)
_SHOCK_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,2}(?:after|fore)shocks?\b", re.IGNORECASE)
_LENGTH_ROLES = {
    "depth": (
        re.compile(r"\bdepths?\b[^,;.\d]{0,15}$", re.IGNORECASE),
        re.compile(_AFTER_ASIDE + r"(?:deep|below|beneath|underground|under)\b", re.IGNORECASE),
    ),
    "height": (
        re.compile(r"\b(?:height|altitude|elevation)\b[^,;.\d]{0,15}$", re.IGNORECASE),
        re.compile(_AFTER_ASIDE + r"(?:high|tall|above)\b", re.IGNORECASE),
    ),
    "distance": (
        re.compile(r"\b(?:within|distance\s+of)\s+(?:about\s+|some\s+)?$", re.IGNORECASE),
        re.compile(
            _AFTER_ASIDE + r"(?:(?:north|south|east|west)[\w-]*|away|off|outside|inland|offshore|"
            r"(?:of|from)\s+(?:the\s+)?(?:city|town|capital|village|border|coast|epicent\w*|"
            r"cent(?:re|er)|[A-Z]))\b"
        ),
    ),
    # "by the 10-kilometre mark", "at the halfway point": a place along a course
    "mark": (re.compile(r"(?!)"), re.compile(_AFTER_ASIDE + r"(?:mark|point)\b", re.IGNORECASE)),
}
"""Words before or after a length that say what it measures."""
_MAGNITUDE = re.compile(r"\bRichter\b|\bmagnitude\b", re.IGNORECASE)
_OF_NOUN = re.compile(r"\b([a-z]{4,})\s+of\s+$", re.IGNORECASE)
_LIST_GLUE = re.compile(
    r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+)"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """A quantity normalised for comparison: a unit and the range of values it allows."""

    text: str
    unit: str
    low: float
    high: float
    value: float
    kind: str = "exact"
    """"exact", "about", "lower" (more than) or "upper" (up to): how the value was hedged."""
    rounding: float = 0.0
    """Half a unit of the last digit stated: "9%" may be 8.76, "300 people" may be 296."""
    role: str = ""
    """What a length measures, where the text says: "depth" ("10 km deep"), "distance" ("200
    km southeast of Zahedan") or "height"; "aftershock" for its magnitude; "forecast" for a
    figure only expected ("could rise to 50"); "chance" for the threshold of odds ("a 9
    percent chance of a magnitude 6"); "earlier" for one that was ("initially
    offered $70 a share"); "more" for a count besides others ("two other executives");
    else ""."""
    fate: str = ""
    """For a count of people, what the words beside it say they underwent: "dead", "hurt",
    "rescued", "evacuated", "missing", "held" or "sick" ("30 people were rescued", "killing
    58 people"); else "". Counts of two fates are two quantities."""
    severity: str = ""
    """For a count of the hurt, how badly, where the words beside it say: "critical",
    "serious" or "slight" ("32 of them were critically injured", "90 of them seriously");
    else "". The badly hurt are some of the hurt, so counts of two severities, or of one
    and none, are two quantities."""

    @property
    def key(self) -> str:
        """The unit and role that figures must share to be one quantity."""
        return f"{self.unit} ({self.role})" if self.role else self.unit


def unit_word(word: str) -> str:
    """A unit word normalised as figures' units are: "fires" -> "fire", "miles" -> "metre"."""
    return _unit(word)[0]


_YOUNG_AGES = {"day": 1 / 365.25, "week": 7 / 365.25, "month": 1 / 12}
"""An age told in days, weeks or months, as a share of a year."""
_YOUNG_AGE_UNITS = frozenset(f"{period}-old" for period in _YOUNG_AGES)


def _unit(word: str) -> tuple[str, float]:
    """Normalise a unit word; lengths become metres so that "700 metres" meets "2,000ft", and
    an age in days, weeks or months years, so that "36-day-old" meets "two-month-old"."""
    w = word.lower().rstrip(".")
    if w in _YOUNG_AGE_UNITS:
        return "year-old", _YOUNG_AGES[w.removesuffix("-old")]
    if w in _TO_METRES:
        return "metre", _TO_METRES[w]
    singular = w[:-1] if w.endswith("s") and w[:-1] in _TO_METRES else w
    if singular in _TO_METRES:
        return "metre", _TO_METRES[singular]
    if w.endswith("metres") or w.endswith("meters"):
        return _unit(w[:-1])
    if w in _TO_METRES_PER_SECOND:
        return "m/s", _TO_METRES_PER_SECOND[w]  # "120 mph" meets "190 km/h"
    w = _UNIT_ALIASES.get(w, w)
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    return _UNIT_ALIASES.get(w, w), 1.0  # "bodies" -> "body" -> "people"


_CELSIUS, _FAHRENHEIT = "\u00b0c", "\u00b0f"
"""Temperatures as ``_unit`` writes their units."""


def amount_from_slot(quantity: Quantity) -> Amount:
    """An extracted quantity slot, with its unit normalised."""
    unit, factor = _unit(quantity.unit) if quantity.unit else ("", 1.0)
    low, high = sorted((quantity.low * factor, quantity.high * factor))
    qualifier = quantity.qualifier.lower().strip()
    kind = _KINDS.get(qualifier, "about" if qualifier and low < high else "exact")
    value = quantity.value * factor
    digits = _DIGITS.search(quantity.text)
    rounding = 0.0
    if digits and (stated := _number(digits.group(0))):
        rounding = _half_digit(digits.group(0), unit == "metre") * abs(value / stated)
    if RACE_TIME.fullmatch(quantity.text):
        rounding = _half_digit(quantity.text.rsplit(":", 1)[1], False)  # "2:18:10": a second
    if unit == _FAHRENHEIT:
        # "(114.6 Fahrenheit)" meets "46\u00b0C": a temperature is compared in Celsius
        unit, rounding = _CELSIUS, rounding * 5 / 9
        low, high, value = ((x - 32) * 5 / 9 for x in (low, high, value))
    return _hedged(Amount(quantity.text, unit, low, high, value, kind, rounding))


APPROXIMATE_DIGITS = 4
"""How many half-units of its last digit an approximate figure may stray: "about 8,000" as
far as its qualifier allows, "about 73,500" no more than ``APPROXIMATE_FLOOR``."""
APPROXIMATE_FLOOR = 0.02
"""The least an approximate figure may stray, as a share of it: "about 73,500" is 72,030 to
74,970."""
_JUST = re.compile(r"just\s+(?:over|under)\b", re.IGNORECASE)


def _hedged(amount: Amount) -> Amount:
    """An approximate figure's range narrowed to what its digits claim: a figure given to its
    last hundred ("about 73,500") is closer than a round one ("about 8,000"). "Just under
    80,000" is already as close as its qualifier's factors (``units.JUST_SHARE``) allow."""
    value = abs(amount.value)
    if not value:
        return amount
    # a range narrowed to what the qualifier or the digits allow is the figure's whole
    # reach: no rounding is added to it ("just under 80,000" is 76,000 to 80,000)
    if _JUST.match(amount.text):
        return replace(amount, rounding=0.0)
    digits = _DIGITS.search(amount.text)
    if amount.kind != "about" or not digits or not _ABOUT.match(amount.text):
        return amount  # a range ("50 to 60", "0.41 cent to 70.74 cents") is its own reach
    raw = plain_number(digits.group(0))
    half = _last_digit_half(raw)  # "around 50" is as round as "about 8,000"
    reach = max(APPROXIMATE_FLOOR, APPROXIMATE_DIGITS * half / (_number(raw) or 1.0)) * value
    return replace(
        amount,
        low=max(amount.low, amount.value - reach),
        high=min(amount.high, amount.value + reach),
        rounding=0.0,
    )


def _half_digit(raw: str, length: bool = False) -> float:
    """Half a unit of the last significant digit of a number as written, at most a tenth
    of it (``ROUNDED_SHARE``).

    Small counts are exact ("10 killed" and "12 killed" differ), but a round length is
    not: "30 miles" is as rounded as "50 km (32 miles)".
    """
    raw = plain_number(raw)
    if "." in raw:
        return _last_digit_half(raw)
    if not raw.isdigit():
        return 0.5
    if int(raw) < 100 and not (length and raw.endswith("0")):
        return 0.5
    return min(_last_digit_half(raw), ROUNDED_SHARE * int(raw))


def _last_digit_half(raw: str) -> float:
    """Half a unit of the last digit of a plain number that is not a trailing zero: 0.005
    for "26.64", 5 for "50", 50 for "73,500" (as "73500")."""
    if "." in raw:
        return 0.5 * 10.0 ** -len(raw.split(".")[1])
    zeros = len(raw) - len(raw.rstrip("0"))
    return 0.5 * 10.0 ** min(zeros, len(raw) - 1)


ROUNDED_SHARE = 0.1
"""Most slack a round figure is read with, as a share of it: "$100,000" may be $90,000 or
$110,000, but not the "$50,000" the other report gives (half its first digit would allow it)."""


def _number(raw: str) -> float | None:
    word = raw.lower()
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    try:
        return float(plain_number(raw))
    except ValueError:
        return None


_NAMED_BY = re.compile(r"\b(?:" + "|".join(sorted(NAMING_WORDS)) + r")\.?\s*$", re.IGNORECASE)
"""A naming word just before a number ("Flight 370", "No. 5")."""
_NAMED_SPAN = 16
"""How far back a naming word may begin: the longest ("interstate", "resolution"), a full
stop and spaces."""


def amounts_from_text(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Amount]:
    """Quantities read from text when the extractor gave none: "more than 80 people".

    Numbers inside a ``skip`` span (offsets into ``text``: names such as "Group of
    Seven") or a time of day ("at 07:21 (01:21 GMT)") are not quantities.
    """
    if not _ANY_NUMBER.search(text):
        return []
    ranges = _ranges_in(text, skip)
    clocks = [(t.start, t.end) for t in clock_times(text)]
    spans = [*skip, *clocks, *(span for span, _ in ranges)]
    found: list[tuple[int, Amount]] = [(start, amount) for (start, _), amount in ranges]
    name_ends = {end for start, end in skip if text[start : start + 1].isupper()}
    for match in _NUMBER_RE.finditer(text):
        value = _number(match["num"])
        if value is None or _MONTHS.search(text[: match.start()]):
            continue
        at = match.start("num")
        if any(start <= at < end for start, end in spans) or text[at - 1 : at] == ":":
            continue  # the seconds of "10:30:15 local time" are no figure of their own
        begin = match.start()
        if match["num"].isdigit() and _NAMED_BY.search(text, max(0, begin - _NAMED_SPAN), begin):
            continue  # "Flight 370", "Gate No. 5": a number that names, not counts
        unit_word = (match["hyphen"] or match["unit"] or "").lower()
        if match["num"].isdigit() and begin - 1 in name_ends and unit_word not in UNITS:
            continue  # "the Boeing 737 crashed": a model the maker's name names
        if match["hyphen"] and match["hyphen"].endswith("old"):
            period = match["hyphen"].lower().lstrip("-").split("-")[0].rstrip("s")
            # "a 36-day-old baby": an age, which ``_unit`` gives in years
            unit_word = f"{period}-old" if period in _YOUNG_AGES else "year-old"
        if match["scale"]:
            value *= _SCALES[match["scale"].lower()]
        if unit_word in {"st", "nd", "rd", "th"}:
            continue  # an ordinal ("15th-century") is not a quantity
        if unit_word == "s" and 1000 <= value <= 2100:
            continue  # a decade ("the 1990s") is a date
        if _YEAR.fullmatch(match["num"]) and _DETERMINER_BEFORE.search(text, 0, match.start()):
            continue  # "a 2005 peace deal", "in 1997": a year
        if (
            match["num"].lower() == "one"
            and unit_word not in UNITS
            and unit_word not in _CLOCK_UNITS
        ):
            continue  # "One said", "one of them": a pronoun, not a count
        if unit_word in _SKIP_UNITS - {"year-old"} or unit_word in _SEVERITY_OF:
            unit_word = ""  # "two critically": how badly two were hurt
        if not unit_word and (after := _OF_THE_NOUN.match(text, match.end())):
            unit_word = after[1].lower()  # "seven of its villages"
        if not unit_word and (before := _OF_NOUN.search(text[: match.start()])):
            unit_word = before[1].lower()  # "a magnitude of 5.9"
        if not unit_word and 1900 <= value <= 2100 and match["num"].isdigit():
            continue  # a bare year is a date, compared as such; "2,000" is no year
        unit, factor = _unit(unit_word) if unit_word else ("", 1.0)
        qualifier = (match["qual"] or "").lower()
        low, high = _QUALIFIERS.get(qualifier, (1.0, 1.0))
        if not qualifier and unit == "metre":
            low, high = 0.9, 1.1  # converted lengths are rounded in the text
        kind = _KINDS.get(qualifier, "about" if qualifier else "exact")
        scaled = value * factor
        stated = _number(match["num"]) or 1.0
        rounding = _half_digit(match["num"], unit == "metre") * abs(scaled / stated)
        amount = Amount(match.group(0), unit, scaled * low, scaled * high, scaled, kind, rounding)
        found.append((match.start(), _hedged(amount)))
    return [amount for _, amount in sorted(found, key=lambda pair: pair[0])]


def _ranges_in(text: str, skip: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], Amount]]:
    """Ranges with their unit at the end ("three to four weeks"), each with its span."""
    ranges = []
    for match in _TEXT_RANGE.finditer(text):
        low, high = _number(match["lo"]), _number(match["hi"])
        word = match["unit"].lower()
        if low is None or high is None or not low < high or word in _SKIP_UNITS:
            continue
        if _CHANGE_BEFORE.search(text, 0, match.start()):
            continue
        if any(start <= match.start() < end for start, end in skip):
            continue
        unit, factor = _unit(word)
        amount = Amount(match.group(0), unit, low * factor, high * factor, low * factor, "about")
        ranges.append(((match.start(), match.end()), amount))
    return ranges


@per_object
def amounts(claim: Claim) -> list[Amount]:
    """The claim's quantities: the extractor's slots, else read from its text.

    A figure inside a date ("12 weeks ago", "four years ago") is part of the date.
    """
    dated = [(d.start - claim.start, d.end - claim.start) for d in claim.dates]
    read = amounts_from_text(claim.text, name_spans(claim) + dated)
    expected = claim.modality in _EXPECTED
    if not claim.quantities:
        alone = [x for x in (_in_context(x, claim.text, expected) for x in read) if x is not None]
        return _read_together(alone, claim.text)
    found = []
    for slot in claim.quantities:
        start = slot.start - claim.start
        if any(begin <= start < end for begin, end in dated):
            continue
        amount = amount_from_slot(slot)
        if not amount.unit:
            amount = replace(amount, unit=_unit_for(amount, read, claim.text))
        if (placed := _in_context(amount, claim.text, expected, start)) is not None:
            found.append(placed)
    return _read_together(found, claim.text)


def _read_together(found: list[Amount], text: str) -> list[Amount]:
    """A claim's figures read beside each other: durations joined, those aboard summed,
    shots counted, parts marked, votes against told apart."""
    joined = _aboard_totals(_durations_joined(found, text), text)
    counted = _paid_in_part(_shots_counted(joined, text), text)
    return _votes_against(_parts_marked(_above_the_usual(counted, text)))


EXCESS = "excess"
"""The role of a figure counted above the usual: "1,500 more people than average died"."""
_THAN_USUAL = re.compile(
    r"(?:\s+(?:more|fewer|less)(?:\s+[a-z]+)?)?\s+than\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:average|usual|normal|expected|typical)\b",
    re.IGNORECASE,
)
_MORE_AT_END = re.compile(r"\b(?:more|fewer|less)(?:\s+[a-z]+)?$", re.IGNORECASE)


def _above_the_usual(found: list[Amount], text: str) -> list[Amount]:
    """ "Nearly 1,500 more people than average died" and "close to 1500 people perished ...,
    1000 more than the average number": each counts those above the usual, one figure (the
    second of the count before it), not a count of all."""
    if "than" not in text:
        return found  # most claims
    marked: list[Amount] = []
    for x in found:
        at = text.find(x.text)
        after = _THAN_USUAL.match(text, at + len(x.text)) if at >= 0 else None
        word = text[after.start() :].split()[0] if after else ""  # "more", or "than"
        if after and (_MORE_AT_END.search(x.text) or word != "than"):
            unit = x.unit
            shown = x.text
            if unit in ("", "more", "fewer", "less") and marked and marked[-1].unit:
                unit = marked[-1].unit  # "1500 people perished ..., 1000 more than"
                shown = f"{x.text} {word}"  # "1000 more"
            x = replace(x, text=shown, unit=unit, role=EXCESS, fate="")
        marked.append(x)
    return marked


_PAID_IN = re.compile(r"\s+in\s+(?:cash|stock|shares|equity)\b", re.IGNORECASE)
_REST_PAID = re.compile(r"\bthe\s+(?:remainder|rest|balance)\b", re.IGNORECASE)


def _paid_in_part(found: list[Amount], text: str) -> list[Amount]:
    """ "paying $281 million in cash for SeaMicro and the remainder in stock": the sum paid
    in one form, with the rest paid in another, is a part of the price ("$334 million"),
    compared with it only where the two agree."""
    if not _REST_PAID.search(text):
        return found  # most claims
    marked = []
    for x in found:
        at = text.find(x.text)
        if at >= 0 and not x.unit.endswith(PART) and _PAID_IN.match(text, at + len(x.text)):
            x = replace(x, unit=f"{x.unit}{PART}")
        marked.append(x)
    return marked


_CREW_AFTER = re.compile(
    r"\s+and\s+(?:(?P<crew>[\w,.-]+)\s+)?crew(?:\s+members)?\b(?!\s+members?\s+of)",
    re.IGNORECASE,
)
"""The crew told after the passengers: "and crew", "and four crew", "and five crew members"."""


_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+|of\s+the\s+)?$", re.IGNORECASE)
_ABOARD_AFTER = re.compile(r"\s+(?:on\s*board|aboard)\b", re.IGNORECASE)


def _aboard_totals(found: list[Amount], text: str) -> list[Amount]:
    """Passengers and crew are all on board: "61 passengers and crew members" counts people,
    and "57 passengers and four crew" counts 61 people besides its two parts, to meet "62
    people aboard". All those aboard killed are a count of those aboard too: "killing all
    nine people aboard" meets "11 people were on board"."""
    out: list[Amount] = []
    for x in found:
        if (at := text.find(x.text)) < 0:
            out.append(x)
            continue
        total = None
        if x.unit == "passenger" and (after := _CREW_AFTER.match(text, at + len(x.text))):
            whole = text[at : after.end()]
            crew = next((y for y in found if y.unit == "crew" and y.text in whole), None)
            if after["crew"] is None:
                x = replace(x, text=whole, unit="people")
            elif crew is not None:
                total = replace(
                    x,
                    text=whole,
                    unit="people",
                    low=x.low + crew.low,
                    high=x.high + crew.high,
                    value=x.value + crew.value,
                    kind=x.kind if crew.kind == "exact" else crew.kind,
                    fate=x.fate or crew.fate,
                )
        out += [x] if total is None else [x, total]
        last = out[-1]
        if (
            last.fate == "dead"
            and _ALL_BEFORE.search(text, 0, at)
            and _ABOARD_AFTER.match(text, at + len(last.text))
        ):
            out.append(replace(last, fate="aboard"))  # "killing all nine people aboard"
    return out


_SHOT_BEFORE = re.compile(r"\bshot\s+(?:(?:him|her|them|dead)\s+)?$", re.IGNORECASE)
_SHOT_TIMES = re.compile(
    r"\bshot\s+(?:(?:him|her|them)\s+)?(?P<times>once|twice|thrice)\b", re.IGNORECASE
)
"""A count of shots told by its verb ("shot four times", "shot twice"); "the region was hit
twice" tells of no shots."""
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_TIMES_WORD = re.compile(r"once|twice|thrice", re.IGNORECASE)
_SHOT_UNITS = frozenset({"shot", "bullet"})


def _shots_counted(found: list[Amount], text: str) -> list[Amount]:
    """Shots told three ways are one count: "fired three shots", "shot four times", "hit by
    two bullets", "shot twice"."""
    out = []
    for x in found:
        if x.unit in _SHOT_UNITS:
            x = replace(x, unit=SHOTS)
        elif (
            x.unit == "time"
            and (at := text.find(x.text)) > 0
            and (shot := _SHOT_BEFORE.search(text, 0, at))
        ):
            x = replace(x, text=text[shot.start() : at + len(x.text)], unit=SHOTS)
        out.append(x)
    if _TIMES_WORD.search(text) is None:
        return out  # most texts
    for match in _SHOT_TIMES.finditer(text):
        value = _TIMES[match["times"].lower()]
        out.append(Amount(match[0], SHOTS, value, value, value))
    return out


SHOTS = "shot"
"""The unit of a count of shots, however told."""


def _votes_against(found: list[Amount]) -> list[Amount]:
    """ "106 votes favouring his removal and six against": beside a count of votes, a count
    "against" is of votes against, as the second figure of "voted 101-6" is."""
    if not any(x.unit == VOTES for x in found):
        return found
    return [replace(x, unit=VOTES_AGAINST) if x.unit == "against" else x for x in found]


def _parts_marked(found: list[Amount]) -> list[Amount]:
    """ "Four of them", "three of whom", "two of the dead": a part of a whole, compared with
    the other side's whole only where the two agree ("killed at least six villagers, four of
    them children" says nothing against "six people died")."""
    return [
        replace(x, unit=f"{x.unit}{PART}")
        if x.unit and not x.unit.endswith(PART) and _OF_COUNTED.search(x.text)
        else x
        for x in found
    ]


_OF_COUNTED = re.compile(
    r"\bof\s+(?:them|whom|those|these|which|the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)$", re.IGNORECASE
)
"""A count of some of a group: "four of them", "two of the dead", "three of the shooting
victims" (a whole with a figure, "12 of the 20 victims", is read as a quantity of its own)."""


def _joined_by(first: str, second: str, text: str) -> str | None:
    """What joins two parts of one length of time in ``text``: " and " ("one minute and 48
    seconds") or a comma ("2 hours, 18 minutes, 11 seconds"); None if they are apart."""
    return next((g for g in (" and ", ", ", ", and ") if f"{first}{g}{second}" in text), None)


def _durations_joined(found: list[Amount], text: str) -> list[Amount]:
    """ "one minute and 48 seconds" is 108 seconds, not a minute and a figure of 48 seconds."""
    joined: list[Amount] = []
    for amount in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.unit in _SECONDS
            and amount.unit in _SECONDS
            and _SECONDS[last.unit] > _SECONDS[amount.unit]
            and (glue := _joined_by(last.text, amount.text, text)) is not None
        ):
            seconds = last.value * _SECONDS[last.unit] / _SECONDS[amount.unit] + amount.value
            joined[-1] = replace(
                amount,
                text=f"{last.text}{glue}{amount.text}",
                value=seconds,
                low=seconds,
                high=seconds,
                kind=last.kind,
                role=last.role,  # "initially put his time at 2 hours, 1 minute, 40 seconds"
            )
            continue
        joined.append(amount)
    return joined


def _in_context(
    amount: Amount, text: str, expected: bool = False, at: int | None = None
) -> Amount | None:
    """What the words around a figure say it measures: "a 7.5 earthquake" is a magnitude,
    "82km deep" a depth, "200 km southeast of Zahedan" a distance, "$115 per share" a price
    per share and "at age 61" an age; "at 2 p.m." is a time of day, no quantity (None).
    In a claim only ``expected`` ("Wall Street was expecting Apple to report earnings of
    $1.63 a share"), every figure is a forecast. ``at`` is where the figure stands in
    ``text``, if known: the first "5" of "More than 5 million people ..., a Category 5
    hurricane" is not the category's."""
    if at is None or text[at : at + len(amount.text)] != amount.text:
        at = text.find(amount.text)
    if at < 0:
        return amount
    before, after = text[:at], text[at + len(amount.text) :]
    if _CLOCK.search(text, at, at + len(amount.text) + 5) and not RACE_TIME.fullmatch(amount.text):
        return None  # "at 2 p.m.", though "in 2:18:10" is a time run
    if amount.text.lower().startswith("one ") and (
        before.lower().endswith("at ") or _POSSESSIVE.match(after)
    ):
        return None  # "at one point", "at one stage"; "one victim's statement" counts none
    amount = _unit_in_context(amount, before, after)
    if amount.unit in _COUNTS_WITH_FATE:
        amount = _with_fate(amount, before, after)
    rate = _PER.match(amount.text + after, len(_PER_WORD.sub("", amount.text)))
    if rate:  # "$115 per" as extracted: the rate is "$115 per share"
        amount = replace(amount, text=(amount.text + after)[: rate.end()].strip())
    if _CHANCE.search(before):
        return replace(amount, role="chance")  # "a 9 percent chance of a magnitude 6"
    if _SHARE_OF.search(before):
        # "laying off 27,000 employees" / "8 percent of H-P's nearly 350,000 employees":
        # the whole a share is of, not a count of the same thing
        return replace(amount, role="whole")
    expected = expected and _expected_here(text, at, at + len(amount.text))
    if expected or _FORECAST.search(before) or _FORECAST_AFTER.match(after):
        return replace(amount, role="forecast")  # "expecting hundreds of dead" is no toll
    # the word after the figure's first word, past its qualifier: "no more than five" is
    # no count besides others
    lead = _LEADING_QUALIFIER.match(amount.text)
    start = lead.end() if lead else 0
    words = amount.text[start:].split(maxsplit=1)
    first = start + (len(words[0]) if words else 0)
    if _besides(amount, before, (amount.text + after)[first:]):
        return replace(amount, role="more")  # "two other executives": not all of them
    if _SOUGHT.search(before):
        return replace(amount, role=SOUGHT)  # "a plea for a lighter sentence of 12 years"
    if not _CHANGE_BY.search(before) and (
        _EARLIER.search(before)
        or _EARLIER_AFTER.match(after)
        or (_FROM.search(before) and _TO_AFTER.match(after))
    ):
        return replace(amount, role="earlier")  # "initially offered $70 a share", "from 2 to 3"
    if _HAD_SAID.search(before):
        # "The army had said earlier that six people were killed": a source's toll;
        # "outlets had reported that Heard was 72, but he was 71": an earlier value
        return replace(amount, role=HAD_SAID if amount.fate else "earlier")

    if amount.unit == "magnitude" and (_SHOCK_BEFORE.search(before) or _SHOCK_AFTER.match(after)):
        return replace(amount, role="aftershock")  # "aftershocks of magnitude 3 and 4"
    if amount.unit != "metre":
        return amount
    for role, (ahead, behind) in _LENGTH_ROLES.items():
        if ahead.search(before) or behind.match(after):
            return replace(amount, role=role)
    return amount


def kind_of_word(words_of: dict[str, str]) -> dict[str, str]:
    """A table of kinds, each with the words that name it ("loss": "loss losses"), turned
    into each word's kind ("losses": "loss")."""
    return {word: kind for kind, words in words_of.items() for word in words.split()}


_SUM_KIND = kind_of_word(
    {
        "revenue": "revenue revenues sales turnover",
        "profit": "profit profits earnings income eps",
        "loss": "loss losses",
        "penalty": "penalty penalties fine fines settlement damages",
        "bribe": "bribe bribes kickback kickbacks",
        "cost": "cost costs expense expenses spending expenditure expenditures",
        "value": "value valuation capitalisation capitalization",
        "debt": "debt debts loan loans",
        "dividend": "dividend dividends",
        "pay": "salary salaries bonus bonuses compensation wages",
        "fee": "fee fees",
        "aid": "aid funding grant grants",
        "bail": "bail",
    }
)
"""Kinds of sums a report gives side by side, by the words that name them: revenue and a
penalty, a profit and a cost, are two sums, however near their figures."""
_SUM_HEAD = "|".join(sorted(_SUM_KIND, key=len, reverse=True))
_SUM_BEFORE = re.compile(
    rf"(?:(?P<mod>[\w-]+)\s+)?\b(?P<head>{_SUM_HEAD})"
    r"(?:\s+in\s+the\s+[\w-]+\s+(?:quarter|half|year))?"
    r"(?:\s+(?:was|were|is|are|of|at|totall?ed|reached|hit|came\s+in\s+at|stood\s+at|"
    r"(?:rose|fell|grew|climbed|dropped|jumped|slipped)\s+to))?\s*$",
    re.IGNORECASE,
)
_SUM_AFTER = re.compile(
    rf"\s*(?:(?:of|in)\s+(?:[\w-]+\s+)?)?(?P<head>{_SUM_HEAD})\b", re.IGNORECASE
)
_SUM_IN_TEXT = re.compile(rf"\b(?P<head>{_SUM_HEAD})$", re.IGNORECASE)
_GENERIC_SUM_WORDS = (
    "the a an its their his her our total net gross overall quarterly annual yearly monthly "
    "adjusted operating record reported estimated expected combined current previous fiscal "
    "full-year first-quarter second-quarter third-quarter fourth-quarter q1 q2 q3 q4 company "
    "group on of and or"
)
_NOT_WHICH = frozenset(_GENERIC_SUM_WORDS.split())
"""Words before a sum's noun that say nothing of which sum it is: "Total revenue", "its
quarterly revenue", "on revenue"."""


def sum_of(amount: Amount, text: str) -> tuple[str, str]:
    """What a sum of money is, as far as the words around it say: its kind ("revenue",
    "penalty"; ``_SUM_KIND``) and the name that says which ("iPad" in "iPad revenue of $6.4
    billion", "Wearables" in "Wearables revenue was $7.52 billion"); "" for what they do not say.

    Only a word with a capital letter names which: "services revenue" may be any revenue.
    """
    at = text.find(amount.text)
    if at < 0:
        return "", ""
    if own := _SUM_IN_TEXT.search(amount.text):  # "a $30 million penalty"
        return _SUM_KIND[own["head"].lower()], ""
    if after := _SUM_AFTER.match(text, at + len(amount.text)):  # "$377.9 million in revenue"
        return _SUM_KIND[after["head"].lower()], ""
    before = _SUM_BEFORE.search(text, 0, at)
    if before is None:
        return "", ""
    which = before["mod"] or ""
    named = (
        any(ch.isupper() for ch in which)
        and which.lower() not in _NOT_WHICH
        and not which.lower().endswith(("'s", "\u2019s"))
    )
    return _SUM_KIND[before["head"].lower()], which if named else ""


def _age_said(amount: Amount, before: str, after: str) -> bool:
    """ "Heard was 72 when he died": an age, though no word says so."""
    return (
        amount.text.isdigit()
        and 0 < amount.value < 120
        and _AGE_COPULA.search(before) is not None
        and _AGE_COPULA_AFTER.match(after) is not None
    )


def _group_age(amount: Amount, before: str, after: str | None = None) -> bool:
    """ "Half of the people who died were over 75,": the bound of a group's ages, though
    no word says age; ``after``, where given, must pause."""
    return (
        _GROUP_AGE.fullmatch(amount.text) is not None
        and 0 < amount.value < 120
        and _GROUP_AGE_BEFORE.search(before) is not None
        and (after is None or _AGE_COPULA_AFTER.match(after) is not None)
    )


def _unit_in_context(amount: Amount, before: str, after: str) -> Amount:
    """An age ("at age 61") or a magnitude ("a 7.5 earthquake", "a magnitude-seven quake")
    that the figure's own words do not say; a day taken for a unit ("at the age of 71
    Friday") is none."""
    if amount.unit in _DAY_NAMES:
        amount = replace(amount, text=amount.text.rsplit(maxsplit=1)[0], unit="")
    if not amount.unit and _group_age(amount, before, after):
        amount = replace(amount, unit="year-old")  # "the people who died were over 75,"
    if amount.unit == "year-old" and (_AGE_LIMIT.search(before) or _group_age(amount, before)):
        return replace(amount, role=AGE_LIMIT)  # "children under the age of five"
    if amount.unit == "year" and _OLD_AFTER.match(after):
        return replace(amount, unit="year-old")  # "77 years old"
    if not amount.unit and (AGE_BEFORE.search(before) or _age_said(amount, before, after)):
        return replace(amount, text=_DIGITS.search(amount.text)[0], unit="year-old")  # type: ignore[index]
    if rank := _RANK_BEFORE.search(before):
        # "a Category 5 hurricane", "alert level 3": a grade on its own scale
        number = _DIGITS.search(amount.text) or re.search(r"\w+", amount.text)
        return replace(amount, text=f"{rank[1]} {number[0]}", unit=rank[1].lower())  # type: ignore[index]
    if amount.unit not in _QUAKES or not 0 < amount.value < 10:
        return amount
    role = "aftershock" * (amount.unit == "aftershock")  # a magnitude of its own
    if "." in amount.text or before.lower().endswith("magnitude "):
        return replace(amount, unit="magnitude", role=role)  # "a 7.5 earthquake"
    if before.lower().endswith("magnitude-"):  # "a magnitude-seven quake": 7 to 7.9
        high = amount.value + 0.99
        return replace(amount, unit="magnitude", role=role, high=high, kind="about")
    return amount


def _unit_for(amount: Amount, read: list[Amount], text: str) -> str:
    """A unit for a bare number: from the text ("a magnitude of 5.9"), a magnitude beside
    "Richter" or "magnitude" ("measuring 7.1 on the Richter scale"), or people if a toll."""
    for other in read:
        if other.unit and abs(other.value - amount.value) < 1e-9:
            return other.unit
    if 0 < amount.value < 10 and "." in amount.text and _MAGNITUDE.search(text):
        return "magnitude"  # "measuring 7.1 on the Richter scale", "5.8 in magnitude"
    at = text.find(amount.text)
    if at >= 0:
        before, after = text[:at], text[at + len(amount.text) :]
        if _group_age(amount, before, after):
            return "year-old"  # "the people who died were over 75,": their ages
        if _age_said(amount, before, after):
            return ""  # an age, read as one in context
    if amount.value >= 1 and _TOLL_VERB.search(text):
        return "people"  # "killed more than 31,000": a death toll counts people
    return ""


def consistent(x: Amount, y: Amount) -> bool:
    """Whether two amounts of one unit can describe the same value.

    Ranges must overlap ("more than 80" allows 87), but two bounds of the same
    direction are figures each source chose: "more than 26,000" and "more than
    31,000" disagree, and so do "at least 115" and "at least 120", for a bound is the
    figure as its source chose to round it. Bounds of two directions that meet at one
    figure that one of them leaves out cannot both hold: "as many as 2,000" / "more than
    2,000". Two approximate figures are each their source's rounding too, and may stray
    ``ABOUT_SLACK`` apart ("about 60 miles" / "about 80 miles" do not agree). A figure is
    read to its last digit ("300 people" may be 296), and a round one with half a percent
    of slack besides; two figures given to four digits or so ("$26.64 billion" / "$26.65
    billion") only to their digits.
    """
    slack = max(x.rounding, y.rounding)
    if not (precise(x) and precise(y)):
        slack += 0.005 * max(abs(x.value), abs(y.value))
    if x.kind == y.kind and x.kind in {"lower", "upper"}:
        if x.unit != "metre":  # a converted length keeps its rounding: "over 30 miles"
            slack = min(slack, BOUND_SLACK * max(abs(x.value), abs(y.value)))
        return abs(x.value - y.value) <= slack
    if x.kind == y.kind == "about" and _ABOUT.match(x.text) and _ABOUT.match(y.text):
        # "about 60 miles south of Las Vegas" / "about 80 miles south": each source's own
        # rounding of what it measured, as two bounds are, though their ranges meet
        apart = abs(x.value - y.value)
        if apart > max(slack, ABOUT_SLACK * max(abs(x.value), abs(y.value))):
            return False
    if {x.kind, y.kind} == {"lower", "upper"}:
        low, high = (x, y) if x.kind == "lower" else (y, x)
        if high.value <= low.value and (_ABOVE.match(low.text) or _BELOW.match(high.text)):
            return False  # "as many as 2,000" / "more than 2,000": no number is both
    return x.low - slack <= y.high and y.low - slack <= x.high


def _qualifier_words(*kinds: str) -> re.Pattern[str]:
    """The words of the extractor's qualifiers of these kinds, at the start of a figure."""
    words = sorted((r"\s+".join(w) for w, kind, *_ in QUALIFIERS if kind in kinds), key=len)
    return re.compile(rf"(?:{'|'.join(reversed(words))})\b", re.IGNORECASE)


_ABOVE = _qualifier_words("more than")
"""A bound that leaves out its own figure: "more than 2,000" is not 2,000."""
_ABOUT = _qualifier_words("about")
"""An approximate figure's words: "about 8,000", "some 700 metres"."""
_BELOW = _qualifier_words("nearly", "less than")
"""An upper bound that leaves out its own figure: "nearly 2,000" is not 2,000."""


ABOUT_SLACK = 0.15
"""How far apart (relative) two approximate figures may be and still be one: "about 1,300"
/ "some 1,200" may be, "about 60 miles" / "about 80 miles" are two."""

BOUND_SLACK = 0.01
"""How far apart (relative) two bounds of one direction may be and still be one figure:
"more than 1,800" / "more than 1,810" may be one rounding of it; "at least 115" / "at least
120" are two."""


PRECISE = 0.002
"""A figure is precise when half its last digit is at most this share of it: "$26.64
billion" is, "300 people" is not."""


def precise(x: Amount) -> bool:
    """Whether a figure is stated to four digits or so: a slip of a percent is a slip."""
    return 0 < x.rounding <= PRECISE * abs(x.value)  # a number word has no digits to count


@per_object
def casualty_claim(claim: Claim) -> str | None:
    """ "none" when the claim reports no casualties, "some" when it counts them, "mixed" when
    it does both ("no deaths there, although earlier reports put the toll at 40"), else None."""
    nones, counts = casualty_spans(claim)
    if nones:
        return "mixed" if counts else "none"
    return "some" if counts else None


@per_object
def casualty_spans(claim: Claim) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the claim says there were no casualties, and where it counts them."""
    nones = [m.span() for m in _NO_CASUALTY.finditer(claim.text)]
    counts = [m.span() for m in casualty_counts(claim.text, nones)]
    # a count that its casualty word, however far before it, tells of ("the death toll from
    # Tanzania's ferry disaster hit 136"); "Fifteen bodies were pulled" counts no toll
    for amount in amounts(claim):
        at = claim.text.find(amount.text)
        if (
            amount.fate in _CASUALTY_FATES
            and _CASUALTY.search(claim.text, 0, max(0, at))
            and not any(s <= at < e for s, e in nones)
        ):
            counts.append((at, at + len(amount.text)))
    return nones, sorted(set(counts))


_CASUALTY_KIND = re.compile(
    r"\b(?:(?P<dead>killed|killing|dead|deaths?|died|fatalit\w*)"
    r"|(?P<hurt>wounded|injured|injuring|injur(?:y|ies)|hurt))\b",
    re.IGNORECASE,
)


def casualty_kinds(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """What the claim's "no casualties" and its counts are of: "dead", "hurt", or both
    where the words do not say ("no casualties", "victims", "the toll").

    "There have been no reports of fatalities" and "injuring 18 people" tell of two things,
    and both can be right."""
    nones, counts = casualty_spans(claim)
    return _kinds_in(claim, nones), _kinds_in(claim, counts)


def _kinds_in(claim: Claim, spans: list[tuple[int, int]]) -> frozenset[str]:
    kinds: set[str] = set()
    for start, end in spans:
        piece = claim.text[start:end]
        found = {m.lastgroup or "" for m in _CASUALTY_KIND.finditer(piece)} - {""}
        fates = {a.fate for a in amounts(claim) if a.text == piece} & _CASUALTY_FATES
        kinds.update(found or fates or _CASUALTY_FATES)
    return frozenset(kinds)


def _place(entity: Entity) -> bool:
    """A place, or a people named for their country ("Pakistani" is Pakistan's)."""
    if entity.label == "NORP":
        return entity.canonical != entity.text
    return entity.label in PLACE_LABELS


_FATE_OF = kind_of_word(
    {
        "dead": "killed killing dead died dying perished drowned",
        "hurt": "injured injuring wounded wounding hurt hospitalised hospitalized treated",
        "rescued": "rescued rescuing saved",
        "evacuated": "evacuated evacuating displaced",
        "missing": "missing",
        "held": "arrested arresting detained detaining",
        "sick": "sickened sickening infected infecting",
        "aboard": "aboard onboard carrying carried",
    }
)
"""What counted people underwent, by the words that say it next to the count. Those aboard
("with 247 people on board") are all that were carried, not the dead among them."""
_TO_ITS_VERB = (
    r" +(?:(?:others?|people|persons?)\s+)?(?:(?:who|that|were|was|are|is|have|has|had|been|"
    r"being|got|remain|remained|remains|reported|later|also|still|now|considered|listed)\s+){0,3}"
    r"(?:(?:to|believed|feared|thought|said|known)\s+(?:to\s+)?have\s+(?:been\s+)?)?"
)
"""The words between a count and what it underwent: "30 people were", "four others were"."""
_FATE_AFTER = re.compile(rf"{_TO_ITS_VERB}(?:\w+ly\s+)?(?P<word>[a-z]+)", re.IGNORECASE)
_FATE_PAST_ASIDE = re.compile(
    r",\s+(?:including|among\s+them)\b[^.;:]{1,60}?\s(?:(?:were|was|are|is|have|has|had|been)"
    rf"\s+){{0,2}}(?:\w+ly\s+)?(?P<word>{'|'.join(_FATE_OF)})\b",
    re.IGNORECASE,
)
"""A count's fate past an aside on who was among them: "Nine people, including four children
were killed", "Five people, including the loco pilot of the Kanchanjunga Express, died"."""
_AGES_ASIDE = re.compile(
    r",?\s+(?:aged\s+|of\s+ages?\s+)?(?:between\s+)?\d{1,2}(?:\s+(?:and|to)\s+|-)\d{1,2}"
    r"(?:\s+years?(?:\s+old)?)?,?(?=\s)"
    r"|,?\s+aged\s+\d{1,2}(?:\s+years?)?,?(?=\s)",
    re.IGNORECASE,
)
"""The ages of those a count counts, between it and their fate: "At least 45 students between
6 and 14 years old were killed", "12 children, aged 6 to 14, were hurt"."""
_FATE_BEFORE = re.compile(r"\b(?P<word>[a-z]+)\s+(?:another\s+|all\s+)?$", re.IGNORECASE)
"""The word right before a count, whose text begins with its qualifier ("killing" before "at
least 31 people"), past "all" ("killing all nine people aboard")."""


_FATAL_BEFORE = re.compile(
    r"\b(?:fatally\s+[a-z]+|shot\s+dead|shot\s+and\s+killed)\s+(?:another\s+)?$", re.IGNORECASE
)
_FATAL_AFTER = re.compile(
    rf"{_TO_ITS_VERB}(?:fatally\s+[a-z]+|shot\s+dead|passed\s+away|lost\s+their\s+lives)\b",
    re.IGNORECASE,
)
"""A death told in two words around a count: "fatally shot at least 12 people", "12 were shot
dead", "1,435 people passed away", "28 people lost their lives"."""
_ON_BOARD_AFTER = re.compile(rf"{_TO_ITS_VERB}on\s+board\b", re.IGNORECASE)
"""Those a count says were aboard, in two words: "247 people on board"."""


def _fate(before: str, after: str, counted: str = "") -> str:
    """What a count of people underwent, from the verb right before it ("killing at least 31
    people"), else the words right after it ("30 people were rescued", "four others were
    critically injured"), but not past a comma ("killing 31 people, injuring 72"), else from
    what it counts (``counted``, the figure as written: "83 deaths") or the noun that its
    verb tells of ("the death toll stood at 43", "infections had reached 1,197")."""
    if aside := _AGES_ASIDE.match(after):
        after = after[aside.end() :]  # "45 students between 6 and 14 years old were killed"
    if _FATAL_BEFORE.search(before[-40:]) or _FATAL_AFTER.match(after):
        return "dead"
    if _ON_BOARD_AFTER.match(after):
        return "aboard"
    for found in (
        _FATE_BEFORE.search(before[-40:]),
        _FATE_AFTER.match(after),
        _FATE_PAST_ASIDE.match(after),
    ):
        if found and (fate := _FATE_OF.get(found["word"].lower())):
            return fate
    if found := (
        _COUNTED_AT_END.search(counted)
        or _COUNTED_NEXT.match(after)
        or _COUNTED_BEFORE.search(before[-60:])
    ):
        return _FATE_OF_COUNT[found["noun"].lower()]
    return ""


_CASUALTY_FATES = frozenset({"dead", "hurt"})
_FATE_OF_COUNT = kind_of_word(
    {
        "dead": "toll deaths dead bodies fatalities lives",
        "hurt": "injuries wounded injured",
        "sick": "cases infections",
    }
)
"""Nouns that count people of one fate: "83 deaths", "cholera cases climbed to 1,351"."""
_COUNTED_BEFORE = re.compile(
    rf"\b(?P<noun>{'|'.join(_FATE_OF_COUNT)})\s+(?:(?![\"\u201c]?(?:and|or|but|while|with)\s)"
    rf"[\"\u201c]?[a-z\u2019'-]+\s+){{1,6}}$",
    re.IGNORECASE,
)
"""A count's noun and verb before a bare figure: "the death toll stood at 43", "infections
had reached 1,197", past a quotation mark ('updated the death toll "raising the number of
martyrs to 13"')."""
_COUNTED_AT_END = re.compile(rf"\s(?P<noun>{'|'.join(_FATE_OF_COUNT)})$", re.IGNORECASE)
_COUNTED_NEXT = re.compile(rf"\s+(?P<noun>{'|'.join(_FATE_OF_COUNT)})\b", re.IGNORECASE)
"""What a figure counts, at its end or right after it: "83 deaths", "12 dead"."""


def same_fate(x: Amount, y: Amount) -> bool:
    """Whether two figures may count the same people: one fate, or one side says none; and
    of the hurt, one severity ("32 critically injured" / "90 seriously injured" are two)."""
    return not (x.fate and y.fate) or (x.fate == y.fate and x.severity == y.severity)


_CONDITION_AFTER = re.compile(
    r"(?:\s+(?:[\w'\u2019-]+\s+){0,4}?(?:were|was|are|is|remain|remained|remains)|"
    rf"{_TO_ITS_VERB})\s*in\s+(?:an?\s+)?(?P<how>critical|serious|grave|stable)\s+condition\b",
    re.IGNORECASE,
)
"""How badly a count was hurt, as a condition, a few words after it: "three victims at West
Cumberland were in critical condition", "35 of them in a serious condition"."""
_CONDITION_OF = {"critical": "critical", "grave": "critical", "serious": "serious", "stable": ""}


def _with_fate(amount: Amount, before: str, after: str) -> Amount:
    """A count of people with what they underwent and, if hurt, how badly, where the words
    around it (``before``, ``after``) say.

    A severity alone tells a wound: "injured hundreds of others, 90 of them seriously". A
    bare count of people killed, hurt, missing or rescued counts people, as a toll does
    ("102 have been rescued"); "another two had been arrested" may count anyone.
    """
    how = _SEVERITY_AFTER.match(after)
    condition = None if how else _CONDITION_AFTER.match(after)
    taken = (_TO_HOSPITAL_BEFORE.search(before[-40:]) and _TO_HOSPITAL.match(after)) or (
        _TAKEN_TO_HOSPITAL.match(after)
    )
    if taken:
        # "sending at least eight people to the local trauma center": some of the hurt; "six
        # people were taken to hospitals with critical injuries": the critically hurt
        wound = _WOUNDS_AFTER.match(after, taken.end())
        severity = _WOUND_SEVERITY[wound["how"].lower()] if wound else HOSPITAL
        return replace(amount, fate="hurt", unit=amount.unit or "people", severity=severity)
    fate = _fate(before, after, amount.text) or ("hurt" if how or condition else "")
    if not fate:
        return amount
    unit = amount.unit or ("people" if fate in _FATES_OF_PEOPLE else "")
    severity = ""
    if fate == "hurt" and how:
        severity = _SEVERITY_OF[how["how"].lower()]
    elif fate == "hurt" and condition:
        severity = _CONDITION_OF[condition["how"].lower()]
    return replace(amount, fate=fate, unit=unit, severity=severity)


HOSPITAL = "hospital"
"""The severity of a count of the hurt taken to hospital: some of the hurt, as the badly hurt
are ("sending at least eight people to the local trauma center" / "injuring 18 people")."""
_CARE = (
    r"to\s+(?:(?:the|a|local|nearby|area|city|regional)\s+){0,2}"
    r"(?:hospitals?|trauma\s+cent(?:er|re)s?|medical\s+cent(?:er|re)s?|clinics?)\b"
)
_TO_HOSPITAL_BEFORE = re.compile(
    r"\b(?:send|sending|sent|take|taking|took|rush|rushing|rushed|transport|transporting|"
    r"transported|airlift|airlifting|airlifted)\s+(?:another\s+|all\s+)?$",
    re.IGNORECASE,
)
_TO_HOSPITAL = re.compile(rf"\s+(?:\w+\s+){{0,2}}?{_CARE}", re.IGNORECASE)
_TAKEN_TO_HOSPITAL = re.compile(
    rf"{_TO_ITS_VERB}(?:taken|sent|rushed|transported|airlifted|brought)\s+{_CARE}",
    re.IGNORECASE,
)
"""A count taken to hospital: "sending at least eight people to the local trauma center",
"Four people were taken to a hospital"."""
_FATES_OF_PEOPLE = _BESIDE_THE_DEAD | {"dead", "aboard"}
"""Fates that make a bare count one of people, as a toll does."""


_SEVERITY_OF = kind_of_word(
    {
        "critical": "critically gravely",
        "serious": "seriously severely grievously badly",
        "slight": "slightly lightly mildly",
    }
)
_WOUNDS_AFTER = re.compile(
    r"\s+with\s+(?P<how>critical|serious|severe|grave|minor|slight)\s+(?:injuries|wounds|burns)\b",
    re.IGNORECASE,
)
"""How badly a count taken to hospital was hurt, said after it: "with critical injuries"."""
_WOUND_SEVERITY = kind_of_word(
    {"critical": "critical grave", "serious": "serious severe", "slight": "minor slight"}
)
_SEVERITY_AFTER = re.compile(
    rf"{_TO_ITS_VERB}(?P<how>{'|'.join(_SEVERITY_OF)})\b(?!\s+ill\b)", re.IGNORECASE
)
"""How badly a count was hurt, in a word after it, before its verb if any ("were critically
injured") or alone ("90 of them seriously"); "critically ill" is no wound."""


PEOPLE_KINDS = frozenset(
    {"employee", "worker", "staff", "villager", "resident", "passenger", "civilian", "person"}
    | {"individual", "adult", "student", "pilgrim", "migrant", "refugee", "miner", "tourist"}
    | {"soldier", "victim", "protester", "demonstrator", "worshipper", "child", "patient"}
    | {"climber", "hiker", "mountaineer", "trekker", "fisherman", "sailor", "guest"}
    | {"spectator", "inmate", "prisoner", "detainee", "hostage", "visitor", "commuter"}
)
"""Units that count people of one kind: met by a count of "people" that agrees with them."""
_COUNTS_OF_PEOPLE = PEOPLE_KINDS | {"", "people"}
_COUNTS_WITH_FATE = _COUNTS_OF_PEOPLE | {"injured"}
"""Units of a count of people that may say what they underwent: "scores injured" too."""


_AFTER_REACH = 25
"""How far after casualty words a count may stand: "killed at least 13", "the toll in Derna
had surpassed 2,000"."""


def _word_end(text: str, at: int) -> int:
    """``at``, moved on to the end of the word (or figure) it falls in: "2,0" is "2,000"."""
    found = _WORD_TAIL.match(text, min(at, len(text)))
    return found.end() if found else at


_WORD_TAIL = re.compile(r"[\w,.]*")


def casualty_counts(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[re.Match[str]]:
    """Casualty words with a count beside them ("killed at least 13"), outside ``skip``."""
    found = []
    for match in _CASUALTY.finditer(text):
        if any(start <= match.start() < end for start, end in skip):
            continue  # "no deaths among the 200 residents" counts no one
        window = text[max(0, match.start() - 40) : _word_end(text, match.end() + _AFTER_REACH)]
        # "killed at least six villagers": a count of people of any kind
        if any(a.value > 0 and a.unit in _COUNTS_OF_PEOPLE for a in amounts_from_text(window)):
            found.append(match)
    return found


def casualty_places(claim: Claim) -> frozenset[str]:
    """Where the claim's casualties (or their absence) are, if it says: "no reported injuries
    in Dubai", "killed at least 13 people in neighbouring Pakistan".

    A place written right after the casualty words counts. A count with none there takes
    every place the claim names ("Pakistani officials said eight people were killed"); a
    "no casualties" with none there takes the places before it ("Sistan Governor Narouyi
    told Iranian media there were no known fatalities"), if any: "There were no reports of
    any casualties at the camp, less than 25 km from the border with Sudan" has none.
    """
    nones, counts = casualty_spans(claim)
    places = [e for e in claim.entities if _place(e)]
    spans = nones if nones and not counts else counts

    def near(end: int) -> set[str]:
        return {canonical(e) for e in places if 0 <= e.start - claim.start - end <= _PLACE_REACH}

    found = set().union(*(near(end) for _, end in spans)) if spans else set()
    if found:
        return frozenset(found)
    if nones and not counts:  # "Narouyi told Iranian media there were no fatalities"
        return frozenset(canonical(e) for e in places if e.end - claim.start <= nones[0][0])
    return frozenset(canonical(e) for e in places)


def count_places(claim: Claim, amount: Amount) -> frozenset[str]:
    """The places a count of people is said to be of, in the claim's own words: a place the
    words after it put it in ("at least 180 people died in landslides in Rio", "killed 13
    people in Sao Paulo state"), or one the claim opens with ("In Teresopolis, ... 146
    deaths"). Empty where it says none so plainly ("an explosion in Jiangsu has killed 44
    people" may tell where the explosion was, not whose toll it is)."""
    at = claim.text.find(amount.text)
    if at < 0:
        return frozenset()
    end = at + len(amount.text)
    found = set()
    if local := _LOCALITY_WHERE.search(claim.text, 0, at):
        found.add(local["place"].lower())  # "a village beside Lake Van where 15 people died"
    for entity in claim.entities:
        start = entity.start - claim.start
        if not _place(entity) and not (
            # "died in the nearby town of Nova Friburgo", tagged a person: a place all the same
            entity.label in _MISTAKEN_PLACE and _IN_PLACE.search(claim.text, 0, start)
        ):
            continue
        if (start >= end and _PLACED_AFTER.fullmatch(claim.text, end, start)) or (
            start < at and _opens_with(claim, entity)
        ):
            found.add(canonical(entity))
    return frozenset(found)


def _opens_with(claim: Claim, entity: Entity) -> bool:
    """Whether the claim opens with the name, as the place of what it tells: "In the town of
    Teresopolis, ..."."""
    return _PLACED_FIRST.fullmatch(claim.text, 0, entity.start - claim.start) is not None


_PLACED_AFTER = re.compile(
    r"(?:(?!\b(?:and|or|while|but)\b)[^,;:.()\u2014]){0,50}?\b(?:in|at|near)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,3}(?:of\s+)?"
)
"""The words between a count and the place it is of: "people died in mudslides in the beach
town of", "were killed in"; not past "and" ("400 people dead and hundreds homeless in
Brazil" places the homeless)."""
LOCALITIES = frozenset(
    {"village", "town", "hamlet", "neighbourhood", "neighborhood", "district", "suburb", "camp"}
)
"""Places a report names by a common noun: a toll "where" one of them is, is that place's."""
_LOCALITY_WHERE = re.compile(
    rf"\b(?:a|the|this|that|one)\s+(?:[a-z-]+\s+){{0,2}}(?P<place>{'|'.join(LOCALITIES)})\b"
    r"[^.;:\u2014]{0,60}?\bwhere\b(?:\s+[a-z]+){0,3}\s+$",
    re.IGNORECASE,
)
"""A locality and "where", then a count: "a village beside Lake Van where he said 15 people
died", "the town where 12 were killed"."""
_MISTAKEN_PLACE = frozenset({"PERSON", "NORP", "ORG"})
_IN_PLACE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+(?:[a-z-]+\s+){0,3}of\s+)?$")
"""The words that put a count in a place the parser took for a name of another kind."""
_PLACED_FIRST = re.compile(r"\W*(?:In|At)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:of\s+)?")
"""The words that open a claim with the place its counts are of: "In the town of"."""


@per_object  # asked for both claims of every pair whose counts of people are compared
def opening_places(claim: Claim) -> frozenset[str]:
    """The places a claim opens with, as where all it counts is ("In the town of Teresopolis,
    at least 161 people were reported killed"): a report's breakdown by place."""
    return frozenset(
        canonical(e)
        for e in claim.entities
        if _opens_with(claim, e) and (_place(e) or e.label in _MISTAKEN_PLACE)
    )


def places_apart(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two counts are said to be of different places: each names one, and no name of
    one shares a word with a name of the other ("Van" / "Van city centre" may be one)."""
    if not x or not y:
        return False
    words = {w for name in x for w in name.lower().split()}
    return not any(w in words for name in y for w in name.lower().split())


@per_object
def name_spans(claim: Claim) -> list[tuple[int, int]]:
    """Where the claim's names are, as offsets into its text: numbers there are not amounts."""
    return [(e.start - claim.start, e.end - claim.start) for e in name_entities(claim)]


@per_object
def name_entities(claim: Claim) -> list[Entity]:
    """Entities that name someone or something, in text order; not a time zone the tagger
    took for an organisation ("10 a.m. PDT", "1023 GMT")."""
    return [e for e in claim.entities if e.label in NAME_LABELS and e.text not in TIME_ZONES]


@per_object
def entity_lists(claim: Claim) -> list[tuple[Entity, ...]]:
    """Runs of two or more names joined by commas or "and": "Iran and North Korea"."""
    names = name_entities(claim)
    lists: list[list[Entity]] = []
    for entity in names:
        if lists:
            last = lists[-1][-1]
            glue = claim.text[last.end - claim.start : entity.start - claim.start]
            after = claim.text[entity.end - claim.start :]
            if (
                last.end <= entity.start
                and _LIST_GLUE.match(glue)
                and not _NOT_A_MEMBER.match(after)
            ):
                lists[-1].append(entity)
                continue
        lists.append([entity])
    return [tuple(group) for group in lists if len(group) > 1]


_NOT_A_MEMBER = re.compile(
    r"['\u2019]s\b|-[a-z]|\s+(?:said|says|told|added|reported)\b|\s+(?i:spokes(?:man|woman|person|"
    r"men|women)|(?:secretar(?:y|ies)|minister|official|chief|director|analyst|correspondent|"
    r"governor|chairman|authorit(?:y|ies)|source|expert|attorney|prosecutor|sheriff|mayor|"
    r"coroner|commissioner)s?)\b"
)
"""What follows a name after a comma that is no list member: "Barbara Comstock, Ashcroft's
press secretary", "..., Justice Department spokeswoman", "... like Indonesia, Amrozi said",
"... the state of California, Sacramento County District Attorney Anne Marie Schubert
said"; nor is a name that modifies a word ("Ukraine and Russian-backed separatists")."""


def canonical(entity: Entity) -> str:
    """A comparable key for an entity: canonical form, lower case, no leading article, no
    accents ("Teresópolis" / "Teresopolis", "São Paulo" / "Sao Paulo")."""
    key = unaccented(entity.canonical.lower().replace("-", " ").strip())  # "al-Qaida"
    return key[4:] if key.startswith("the ") else key


def unaccented(text: str) -> str:
    """The text without its accents: "Teresópolis" reads "Teresopolis"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
