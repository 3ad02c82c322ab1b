"""Figures and dates of two claims compared: numbers with units, casualty counts, days."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from claimdiff.clock import ClockTime, clock_times, same_time
from claimdiff.events import (
    WEAK_CLASSES,
    event_classes,
    persons,
    predicate_class,
    same_person_name,
    same_predicate,
    shared_events,
)
from claimdiff.extract.calendar_words import DAY_NAMES, MONTH_NAMES, WEEKDAYS
from claimdiff.extract.units import CURRENCY_SIGNS, NUMBER_WORDS, PART, UNITS
from claimdiff.memo import per_object
from claimdiff.model import FUTURE, Claim, DateMention, Label, Reason, ReasonKind
from claimdiff.slots import (
    AGE_BEFORE,
    AGE_LIMIT,
    AGE_WORDS,
    HAD_SAID,
    HOSPITAL,
    LOCALITIES,
    PEOPLE_KINDS,
    SOUGHT,
    Amount,
    amounts,
    casualty_claim,
    casualty_kinds,
    casualty_places,
    casualty_spans,
    consistent,
    count_places,
    opening_places,
    places_apart,
    precise,
    same_fate,
    sum_of,
    unit_word,
)
from claimdiff.slots import canonical as entity_key


@dataclass(frozen=True)
class Finding:
    """A reason and how much it weighs: CONFLICT, PARTIAL for a detail, or AGREE for a
    difference that may be none ("John" / "he"), shown without making a link partial."""

    reason: Reason
    weight: Label


def join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _by_unit(found: list[Amount], *, roles: bool = True) -> dict[str, list[Amount]]:
    """Figures by unit, and by role too unless ``roles`` is false."""
    grouped: dict[str, list[Amount]] = {}
    for item in found:
        if item.unit:
            grouped.setdefault(item.key if roles else item.unit, []).append(item)
    return grouped


FAR_APART = 20.0
"""Two figures of one unit more than this many times apart are not one quantity reported
twice: "320,000 killed since 2011" (a war) and "more than 80 killed" (one attack)."""

GENERIC_UNITS = frozenset(
    {"people", "year", "year-old", "day", "week", "month", "hour", "minute", "second", "time"}
)
"""Units that count anything: sharing one says nothing about sharing the quantity."""

COMMON_MEASURES = frozenset(
    {"percent"}
    | {sign.lower() for sign in CURRENCY_SIGNS.values()}
    | {unit.lower() for unit, dimension, _ in UNITS.values() if dimension == "money"}
)
"""Money and shares, which a story gives for many things at once (a price, revenue, a fine;
a rise, a premium): two different figures say nothing of one event without one kind of
event on both sides."""

MEASURES = frozenset(
    {"metre", "m/s", "magnitude", "kg", "tonne", "lb", "year-old", "score", "category"}
)
"""Units that measure one property of a thing (its depth, its strength, an age), not a count
of things: two figures of one are one quantity whatever verb each claim tells it with."""


EARLIER = " (earlier)"
"""How the key of an earlier value ends (``slots.Amount.key``)."""


def unit_of(key: str) -> str:
    """The unit of a figure's key, without its role: "metre (depth)" -> "metre"."""
    return key.split(" (", 1)[0]


ONE_PER_EVENT = frozenset({"attacker"})
"""Counts a story gives once for its event, whatever is done to them: "carried out by five
terrorists" and "all four terrorists had been arrested" count the same attackers."""


def specific_unit(key: str) -> bool:
    """Whether two figures of this unit say something of one event: not "people", a year
    or a sum of money, which a story gives for many things."""
    unit = unit_of(key)
    return unit not in GENERIC_UNITS and unit not in COMMON_MEASURES


def by_unit(a: Claim, b: Claim) -> tuple[dict[str, list[Amount]], dict[str, list[Amount]]]:
    """Both claims' figures by unit, a part counted as its whole's unit where it matches.

    "$281 million of the purchase price" is the same figure as "$281 million in cash",
    but says nothing against a price of "$334 million".
    """
    ua, ub = _by_unit(_placed(a, b)), _by_unit(_placed(b, a))
    for mine, theirs, claim in ((ua, ub, a), (ub, ua, b)):
        # "No injuries/fires." against "five fires": none of a thing the other side counts
        if not _NO_WORD.search(claim.text):
            continue  # most claims: no "no" to look at
        for unit in [u for u in theirs if u not in mine and _countable(u)]:
            if none := _none_of(claim.text, unit):
                mine[unit] = [Amount(none, unit, 0.0, 0.0, 0.0)]
    for mine in (ua, ub):
        # an earlier value beside the current one is what the claim corrects: "initially
        # offered $70 a share, ... raised it to $75" says $75
        for key in [k for k in mine if k.endswith(EARLIER) and unit_of(k) in mine]:
            del mine[key]
        # what someone had said is an earlier value beside the claim's own figure, and the
        # claim's figure where it gives none: "The Syrian army had said earlier that six
        # people were killed" against "the attack left seven people dead" is a rival toll
        for key in [k for k in mine if k.endswith(f" ({HAD_SAID})")]:
            found = mine.pop(key)
            if unit_of(key) not in mine:
                mine[unit_of(key)] = found
    for mine, theirs in ((ua, ub), (ub, ua)):
        # a figure of a role the other side does not give ("a depth of 10 km", a forecast,
        # an earlier value) is compared with the other's figures only where it agrees with
        # one: "10 km deep" meets "10 km", but "a plume height of 4 km" does not conflict
        # with "ash fell 200 km west of the volcano". A claim with a figure of its own for
        # the target keeps it: "more than 2,000 were dead and thousands more missing" says
        # "more than 2,000", whatever "thousands more" may meet
        for key in [k for k in mine if " (" in k and k not in theirs]:
            unit = unit_of(key)
            for target in sorted((k for k in theirs if unit_of(k) == unit), key=len):
                if target in mine:
                    continue
                if any(consistent(x, y) for x in mine[key] for y in theirs[target]):
                    mine.setdefault(target, []).extend(mine.pop(key))
                    break
    for mine, theirs in ((ua, ub), (ub, ua)):
        for unit in [u for u in mine if u.endswith(PART)]:
            whole = unit.removesuffix(PART)
            if any(consistent(x, y) for x in mine[unit] for y in theirs.get(whole, ())):
                mine.setdefault(whole, []).extend(mine.pop(unit))
        # "approximately 5,000 employees" / "roughly 5,000 people employed at the site": a
        # count of one kind of people is the other's count of people where the two agree,
        # and in two tolls of one kind of event whatever the counts ("killing all nine
        # people aboard" / "All eleven passengers were pronounced dead")
        for unit in [u for u in mine if u in PEOPLE_KINDS and u not in theirs]:
            people = theirs.get(_PEOPLE, ())
            if people and (
                any(consistent(x, y) for x in mine[unit] for y in people) or tolls(a, b)
            ):
                mine.setdefault(_PEOPLE, []).extend(mine.pop(unit))
        # "injured 25" / "Eleven others were injured": a count of the hurt is the other's
        # count of people who were hurt
        hurt = any(y.fate == "hurt" for y in theirs.get(_PEOPLE, ()))
        if hurt and _HURT_UNIT in mine and _HURT_UNIT not in theirs:
            mine.setdefault(_PEOPLE, []).extend(mine.pop(_HURT_UNIT))
    for mine, claim in ((ua, a), (ub, b)):
        _add_sums(mine, claim.text)
    return ua, ub


_HURT_UNIT = "injured"
"""The unit of a bare count of the hurt ("injured 25"), read before its fate was."""


def _add_sums(mine: dict[str, list[Amount]], text: str) -> None:
    """A count with the count of more of its fate after it, given as their sum too: "killed
    eight people and then took 69 more lives" tells a toll of 77 as well as of eight. A
    count after the more is their sum already ("pulled out two more bodies, bringing the
    toll to 10")."""
    for extra in mine.get(f"{_PEOPLE} (more)", ()):
        base = [x for x in mine.get(_PEOPLE, ()) if x.fate and x.fate == extra.fate]
        if len(base) != 1 or base[0].kind != "exact" or extra.kind != "exact":
            continue
        if not 0 <= text.find(base[0].text) < text.find(extra.text):
            continue
        whole = base[0]
        total = whole.value + extra.value
        mine[_PEOPLE].append(
            replace(
                whole, text=f"{whole.text} and {extra.text}", low=total, high=total, value=total
            )
        )


def tolls(a: Claim, b: Claim) -> bool:
    """Whether both claims count people killed or hurt in one kind of event."""
    return casualty_claim(a) == "some" == casualty_claim(b) and bool(shared_events(a, b))


_PEOPLE = "people"


def _placed(claim: Claim, other: Claim) -> list[Amount]:
    """The claim's figures, sums of other things and ages of other people given a role."""
    found = _sums_placed(claim, other)
    if not any(x.unit == "year-old" for x in found):
        return found  # most claims: no age
    mine, theirs = _ages_read(claim), [h for h in _ages_read(other) if h is not None]
    if not theirs:
        return found
    placed = []
    for x, holder in zip(found, mine, strict=True):
        if (
            x.unit == "year-old"
            and holder is not None
            and not any(_same_holder(holder, h) for h in theirs)
        ):
            name, named = holder
            x = replace(x, role=f"{SUM_OF}{name}" if named else f"{_AGE_OF}{name}")
        placed.append(x)
    return placed


@per_object  # asked twice by each comparison of two claims' figures, for both claims
def _ages_read(claim: Claim) -> tuple[Holder | None, ...]:
    """Whose age each of the claim's figures is, in ``amounts`` order, where the words say:
    a person named right before it ("Benjamin Marconi, 50"), or after "N-year-old" with a
    few words between ("31-year-old San Antonio resident Otis McKane", "a 31-year-old man,
    Otis McKane"), or else the noun after it ("the 31-year-old suspect"; "" for "a
    2-year-old was"). None for a figure that is no age, or an age whose words do not say
    whose ("He was 77", "died aged 72"): such an age is compared with any other.
    """
    people = [(e.start - claim.start, e.end - claim.start, e.canonical) for e in persons(claim)]
    held: list[Holder | None] = []
    for x in amounts(claim):
        at = claim.text.find(x.text) if x.unit == "year-old" else -1
        held.append(_holder(claim.text, at, at + len(x.text), people) if at >= 0 else None)
    return tuple(held)


def age_holders(claim: Claim) -> list[tuple[float, str]]:
    """The claim's ages of people it names, with the name (``_ages_read``): "The now
    74-year-old Mladic" -> [(74.0, "Mladic")]; ages whose words do not say whose, or say only
    a noun ("the 31-year-old suspect"), are left out."""
    return [
        (x.value, holder[0])
        for x, holder in zip(amounts(claim), _ages_read(claim), strict=True)
        if x.unit == "year-old" and holder is not None and holder[1]
    ]


Holder = tuple[str, bool]
"""Whose age a figure is: a person's name (True) or the noun that says who (False)."""


def _holder(text: str, start: int, end: int, people: list[tuple[int, int, str]]) -> Holder | None:
    for _, p_end, name in people:
        if p_end <= start and _AGE_APPOSED.fullmatch(text, p_end, start):
            return name, True  # "Benjamin Marconi, 50"
    if not text[start:end].lower().endswith("old"):
        return None  # "50", "aged 72", "77 years old" after "He was": whose, it does not say
    for p_start, _, name in people:
        if p_start >= end and _AGE_BEFORE_NAME.fullmatch(text, end, p_start):
            return name, True  # "31-year-old San Antonio resident Otis McKane"
    noun = _AGE_NOUN.match(text, end)
    return (noun[1].lower() if noun else ""), False


_AGE_APPOSED = re.compile(r"\s*[,(]\s*")
_AGE_BEFORE_NAME = re.compile(r"(?:[\s,]+[A-Za-z.'\u2019-]+){0,4}?[\s,]+")
_AGE_NOUN = re.compile(
    r"\s+(?!(?:was|is|were|are|has|had|who|and|of|in|on|at|from|with)\b)([a-z]+)"
)


def _same_holder(x: Holder, y: Holder) -> bool:
    (a, named_a), (b, named_b) = x, y
    if named_a and named_b:
        return same_person_name(a, b)
    return named_a == named_b and a == b


_AGE_OF = "age of "
"""How the role of an age of someone unnamed begins ("the 31-year-old suspect"): a key
that keeps it from the other claim's ages, and says nothing more than its own words."""


def _sums_placed(claim: Claim, other: Claim) -> list[Amount]:
    """The claim's figures, a sum of another thing than the other claim's sums given that
    thing as its role, so that it is compared with them only where it agrees with one.

    A sum is of another thing where the words before it name which ("Wearables revenue was
    $7.52 billion") and the other claim never names that ("iPad revenue of $6.4 billion"), or
    where both claims say what kind of sum theirs are and the kinds differ ("a $30 million
    penalty" / "$377.9 million in revenue").
    """
    found = amounts(claim)
    if not any(_money(x) and not x.role for x in found):
        return found
    theirs = {kind for kind, _ in _sums_read(other)} - {""}
    placed = []
    for x, read in zip(found, _sums_read(claim), strict=True):
        kind, which = ("", "") if x.role else read  # a forecast: its role says what it is
        if which and which.lower() not in other.text.lower():
            x = replace(x, role=f"{SUM_OF}{which} {kind}")
        elif kind and theirs and kind not in theirs:
            x = replace(x, role=f"{SUM_OF}{kind}")
        placed.append(x)
    return placed


@per_object  # asked twice by each comparison of two claims' figures, for both claims
def _sums_read(claim: Claim) -> tuple[tuple[str, str], ...]:
    """``slots.sum_of`` of each of the claim's figures, in ``amounts`` order; ("", "") for
    a figure that is no sum of money."""
    return tuple(sum_of(x, claim.text) if _money(x) else ("", "") for x in amounts(claim))


SUM_OF = "of "
"""How the role of a sum of a thing named begins (``_sums_placed``): "of iPad revenue"."""


def _money(amount: Amount) -> bool:
    return amount.unit in COMMON_MEASURES and amount.unit != "percent"


def _countable(unit: str) -> bool:
    """A unit of things one can have none of: "fire", "village"; not people (casualties
    have rules of their own), a measure, money or a share, nor a figure of a role."""
    return (
        " (" not in unit
        and specific_unit(unit)
        and unit not in MEASURES
        and not unit.endswith(PART)
        and unit.isalpha()
    )


def _none_of(text: str, unit: str) -> str | None:
    """The words that say there was none of ``unit`` ("no fires", "No injuries/fires"), or
    None; "no more than five fires" gives a figure, not none."""
    for found in _none_pattern(unit).finditer(text):
        before = text[: found.start()].split()
        if not (before and _COUNT_WORD.fullmatch(before[-1])):  # "three no votes"
            return found.group(0)
    return None


_COUNT_WORD = re.compile(rf"\d[\d,.]*|{'|'.join(NUMBER_WORDS)}", re.IGNORECASE)


def says_none(text: str) -> bool:
    """Whether a figure's text says there were none: "No injuries/fires", not "no more
    than five fires"."""
    return re.match(_NO, text, re.IGNORECASE) is not None


def none_units(text: str) -> list[str]:
    """The units of the things a text may say there were none of: "No injuries/fires." gives
    "injury" and "fire" (units as ``slots`` normalises them). Keys for blocking: a superset
    is harmless."""
    return [
        unit_word(word)
        for found in _NONE.finditer(text)
        for word in re.split(rf"\s*(?:{_AND}|\s)\s*", found["nouns"])
        if len(word) > 3 and word.lower().endswith("s")  # a count is of things: "fires"
    ]


_NO_WORD = re.compile(r"\bno\b", re.IGNORECASE)
_NO = r"\bno\s+(?!(?:more|less|fewer|longer|later|sooner|one)\b)"
"""The "no" of none, not of "no more than five"."""
_AND = r"(?:/|,|\bor\b|\band\b)"
"""What joins the things of a list: "injuries/fires", "villages or roads"."""
_NONE = re.compile(
    rf"{_NO}(?P<nouns>[a-z-]+(?:\s+[a-z-]+)?(?:\s*{_AND}\s*[a-z-]+(?:\s+[a-z-]+)?)*)",
    re.IGNORECASE,
)
"""What a text says there were none of, a word or two at a time: "No injuries/fires", "no
damaged villages or roads" (of which the plurals are kept)."""


@lru_cache(maxsize=1024)
def _none_pattern(unit: str) -> re.Pattern[str]:
    if unit.endswith("y"):
        plural = f"{unit[:-1]}ies"
    elif unit.endswith(("s", "x", "ch", "sh")):
        plural = f"{unit}es"
    else:
        plural = f"{unit}s"
    return re.compile(
        rf"{_NO}(?:[a-z-]+\s*{_AND}\s*)*(?:[a-z-]+\s+)?"
        rf"(?:{re.escape(unit)}|{re.escape(plural)})\b",
        re.IGNORECASE,
    )


def figures_apart(a: Claim, b: Claim) -> bool:
    """Figures of one unit on both sides that cannot agree but are no conflict, as one is
    a forecast, an earlier value or a rate ("analysts expected 53 cents a share" / "it
    reported 46 cents"): the two statements differ though neither contradicts the other."""
    ua, ub = _by_unit(amounts(a), roles=False), _by_unit(amounts(b), roles=False)
    shared = ua.keys() & ub.keys()
    apart = any(not any(consistent(x, y) for x in ua[u] for y in ub[u]) for u in shared)
    return apart and all(far for *_, far in number_conflicts(a, b))


Units = tuple[dict[str, list[Amount]], dict[str, list[Amount]]]
"""Both claims' figures by unit, as ``by_unit`` gives them."""


def number_conflicts(
    a: Claim, b: Claim, units: Units | None = None
) -> list[tuple[str, str, str, bool]]:
    """(unit, text a, text b, far apart) for each unit whose values cannot agree;
    ``units``, ``by_unit(a, b)`` where the caller has it already."""
    return _conflicts(a, b, *(units or by_unit(a, b)))


def _conflicts(
    a: Claim,
    b: Claim,
    ua: dict[str, list[Amount]],
    ub: dict[str, list[Amount]],
    told_bare: set[str] | None = None,
) -> list[tuple[str, str, str, bool]]:
    """``told_bare``: ``_said_bare(a, b, ua, ub)``, where the caller has it already."""
    if told_bare is None:
        told_bare = _said_bare(a, b, ua, ub)
    found = []
    for unit in sorted(ua.keys() & ub.keys() - told_bare):
        if unit.endswith(f"({AGE_LIMIT})"):
            continue  # "under the age of 2" / "children under five": two groups bounded
        xs, ys = _of_one_fate(ua[unit], ub[unit])
        if unit == _PEOPLE:
            xs, ys = _of_one_place(a, b, xs, ys)
        if not xs or not ys:
            continue  # "30 people were rescued" / "four people were injured": two counts
        if len(xs) == len(ys) > 1 and not _parts(xs) and not _parts(ys):
            # two lists of as many figures tell the same things ("$1.63 a share on revenue
            # of $94.66 billion" / "$1.60 EPS and $94.2 billion"): each must meet its own
            xs, ys = _unmatched(xs, ys)
            if xs and ys:
                found.append(_conflict(a, b, unit, xs, ys))
            continue
        if any(consistent(x, y) for x in xs for y in ys):
            # one figure met is enough, unless both give a part of their whole: then
            # part meets part and whole meets whole ("12 of the 20" / "15 of the 20")
            pa, pb = _parts(xs), _parts(ys)
            if not pa or not pb or (_meet(pa, pb) and _meet(_wholes(xs), _wholes(ys))):
                continue
            xs, ys = pa, pb
        found.append(_conflict(a, b, unit, xs, ys))
    return found


def _of_one_place(
    a: Claim, b: Claim, xs: list[Amount], ys: list[Amount]
) -> tuple[list[Amount], list[Amount]]:
    """The counts of each side that may be of the place one of the other's is of: "In
    Teresopolis, 146 deaths" and "killed 13 people in Sao Paulo state" are two tolls."""
    here = [count_places(a, x) for x in xs]
    there = [count_places(b, y) for y in ys]
    # a count of the place a claim opens with, or of one of two places it counts apart, is
    # that place's part of the toll: against a count the other claim places nowhere, in a
    # claim that never names the place, it is no rival ("In Teresopolis, ... 146 deaths" /
    # "left nearly 400 people dead")
    first_a, first_b = (
        opening_places(claim) | _breakdown(places) | _localities(places)
        for claim, places in ((a, here), (b, there))
    )
    named_a, named_b = _place_keys(a), _place_keys(b)

    def apart(p: frozenset[str], q: frozenset[str]) -> bool:
        if places_apart(p, q):
            return True
        if p & first_a and not q and not p & named_b:
            return True
        return bool(q & first_b and not p and not q & named_a)

    return (
        [x for x, p in zip(xs, here, strict=True) if any(not apart(p, q) for q in there)],
        [y for y, q in zip(ys, there, strict=True) if any(not apart(p, q) for p in here)],
    )


def _localities(places: list[frozenset[str]]) -> frozenset[str]:
    """The places named by a common noun a claim's counts are of ("a village ... where 15
    people died"): a part of the toll, like a place the claim opens with."""
    return frozenset(k for p in places for k in p if k in LOCALITIES)


def _breakdown(places: list[frozenset[str]]) -> frozenset[str]:
    """The places of a claim's counts where it gives counts of two places or more, each a
    part of a whole ("In Ercis 169 people were killed, while 95 died in Van city centre")."""
    named = [p for p in places if p]
    if any(places_apart(p, q) for p in named for q in named):
        return frozenset().union(*named)
    return frozenset()


@per_object  # asked for both claims of every pair whose counts of people are compared
def _place_keys(claim: Claim) -> frozenset[str]:
    """The keys of every name the claim gives, places or not (the parser may take a town
    for a person)."""
    return frozenset(entity_key(e) for e in claim.entities)


def _of_one_fate(xs: list[Amount], ys: list[Amount]) -> tuple[list[Amount], list[Amount]]:
    """The figures of each side that may count the same people as one of the other's. A
    count whose fate its words do not tell is none of a fate its own claim counts apart ("We
    have to fit 37 people in one tent ... where he said 15 people died": 37 is no toll)."""
    told_x, told_y = {x.fate for x in xs} - {""}, {y.fate for y in ys} - {""}
    if told_x & told_y:
        # both tell the count of one fate: their counts of none are of other things ("as
        # many as 1,000 people could still be missing" / "hundreds homeless")
        xs, ys = [x for x in xs if x.fate], [y for y in ys if y.fate]

    def meet(x: Amount, y: Amount) -> bool:
        if not same_fate(x, y):
            return False
        return not (not x.fate and y.fate in told_x) and not (not y.fate and x.fate in told_y)

    return (
        [x for x in xs if any(meet(x, y) for y in ys)],
        [y for y in ys if any(meet(x, y) for x in xs)],
    )


def _conflict(
    a: Claim, b: Claim, unit: str, xs: list[Amount], ys: list[Amount]
) -> tuple[str, str, str, bool]:
    far = all(_far_apart(x, y) for x in xs for y in ys)
    return (
        unit,
        _listed([_shown(x, a) for x in xs]),
        _listed([_shown(y, b) for y in ys]),
        far,
    )


def _said_bare(
    a: Claim, b: Claim, ua: dict[str, list[Amount]], ub: dict[str, list[Amount]]
) -> set[str]:
    """The units both claims count whose figures on one side the other claim gives too,
    without a unit: "pulled out 15 bodies, taking the total death count to 33" / "at least
    33 people killed" give one toll, so "15 bodies" is a detail, no rival toll."""
    bare = _bare(a), _bare(b)
    hurt = _bare(a, "injured"), _bare(b, "injured")
    return {
        unit
        for unit in ua.keys() & ub.keys()
        if _met_bare(ub[unit], bare[0])
        or _met_bare(ua[unit], bare[1])
        or (unit == "people" and (_all_hurt(ub[unit], hurt[0]) or _all_hurt(ua[unit], hurt[1])))
    }


def _all_hurt(figures: list[Amount], hurt: list[Amount]) -> bool:
    """Whether each of ``figures`` is the very count of the hurt the other claim gives (none
    of them said to be dead, missing or of another fate)."""
    return bool(hurt) and all(
        x.fate in ("", "hurt") and any(_same_count(x, y) for y in hurt) for x in figures
    )


def _same_count(x: Amount, y: Amount) -> bool:
    """Two exact counts of one value: "72 people" (treated for injuries) / "injuring 72"."""
    return x.kind == y.kind == "exact" and x.value == y.value


_HURT_OR_PEOPLE = {"people": "injured", "injured": "people"}
"""A count of the hurt is a count of people, and may be the other's count of people: "72
people were being treated for injuries" / "killing at least 31 people and injuring 72"."""


def _bare(claim: Claim, unit: str = "") -> list[Amount]:
    """The claim's figures that no word gives a unit: "the total death count to 33"; or, with
    ``unit``, its figures of that unit."""
    return [x for x in amounts(claim) if x.unit == unit and x.value >= 1]


def _met_bare(figures: list[Amount], bare: list[Amount]) -> bool:
    """Whether each of ``figures`` is met by one of the other claim's bare figures."""
    return bool(bare) and all(any(consistent(x, y) for y in bare) for x in figures)


def _unmatched(xs: list[Amount], ys: list[Amount]) -> tuple[list[Amount], list[Amount]]:
    """The figures of each side left when each figure takes the first of the other's that
    it can be (in text order)."""
    left = list(ys)
    alone = []
    for x in xs:
        mate = next((y for y in left if consistent(x, y)), None)
        if mate is None:
            alone.append(x)
        else:
            left.remove(mate)
    return alone, left


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
    return join([t for t in dict.fromkeys(texts) if not any(t != o and t in o for o in texts)])


_COMPOUND = re.compile(r"\w-[a-z]+$", re.IGNORECASE)
_SCORE = re.compile(r"\d+[-\u2013]\d+")  # "a 2-1 ruling", "a 62-43 vote"
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_LAST_WORD = re.compile(r"\b([A-Za-z]+)\s+$")
_LETTER = re.compile(r"[A-Za-z]")
_OPEN_ASIDE = re.compile(r"\s*\([^)]*$")
_NOT_NOUNS = frozenset(
    {"of", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "also", "said"}
    | {"was", "is", "were", "are", "has", "had", "have", "who", "will", "would"}
)
"""Words after a compound figure that are not its noun ("a 2-year-old was also in the car")."""


def _shown(amount: Amount, claim: Claim) -> str:
    """A figure as a reason shows it: a compound adjective takes its noun ("six-year-long war").

    Only a common noun: "a 36-year-old Duncan Rait" stays "36-year-old". An age keeps
    its words as written: "aged 77", "the age of 72".
    """
    text = _OPEN_ASIDE.sub("", amount.text)  # "2 (increasing unrest" as extracted
    at = claim.text.find(text)
    if at > 0 and (age := AGE_BEFORE.search(claim.text, 0, at)):
        # "aged 77", "the age of 72": the figure alone would not say what it counts
        return claim.text[age.start() : at] + text
    first = text.split(maxsplit=1)[0]
    if first.lower() in NUMBER_WORDS or (at == 0 and _opening_word(first, claim)):
        text = text[:1].lower() + text[1:]  # "Two helicopters", "At least five" opened it
    if at >= 0 and amount.unit and (text.lower() in NUMBER_WORDS or not _LETTER.search(text)):
        # a bare figure takes the word beside it that gave its unit: "33 missing", "the 25
        # died", "as strong as magnitude five"
        after = _NEXT_WORD.match(claim.text, at + len(text))
        if after and unit_word(after[1]) == amount.unit:
            return f"{text} {after[1]}"
        before = _LAST_WORD.search(claim.text, 0, at)
        if before and unit_word(before[1].lower()) == amount.unit:
            return f"{before[1]} {text}"
    compound = _COMPOUND.search(text) or _SCORE.fullmatch(text) or _adjectival(amount, text)
    at = at if compound else -1
    word = _NEXT_WORD.match(claim.text, at + len(text)) if at >= 0 else None
    if word is None or word[1] in _NOT_NOUNS or _NOT_A_NOUN.search(word[1]):
        return text  # "a 53-year-old unemployed gardener": an adjective, no noun
    return f"{text} {word[1]}"


_NOT_A_NOUN = re.compile(r"\w{3}(?:ed|ly)$")
"""Endings of a word after a figure that is no noun: "unemployed", "nearly" ("a 100-bed
hospital" keeps its noun)."""
_SINGULAR_UNIT_WORDS = (
    "year month week day hour minute second mile metre meter kilometre kilometer foot "
    "storey story tonne ton"
)
_SINGULAR_UNITS = frozenset(_SINGULAR_UNIT_WORDS.split())


def _adjectival(amount: Amount, text: str) -> bool:
    """ "a four year spell", "a 10 mile walk": a figure used as an adjective, its unit in
    the singular; shown with its noun, as "six-year-long war" is."""
    return amount.value > 1 and text.rsplit(maxsplit=1)[-1].lower() in _SINGULAR_UNITS


def figures_said(claim: Claim) -> list[str]:
    """The claim's figures as the reasons say them: "an age of 45" for "Reynante Manza, 45,",
    "33 missing", "more than 80 people"; each once."""
    return list(dict.fromkeys(_worded(_said(x, _shown(x, claim))) for x in amounts(claim)))


def _said(amount: Amount, shown: str) -> str:
    """A figure as a reason says it: an age no word marks as an age, an earlier value or a
    forecast as what it is ("four people (an earlier figure)"), since "Only AFP gives four
    people" beside "three people" would read as a rival toll."""
    if amount.role.startswith(SUM_OF) and amount.role.split()[-1] not in shown.lower():
        return f"{_aged(amount, shown)} ({amount.role.removeprefix(SUM_OF)})"  # "(iPad revenue)"
    if amount.severity == HOSPITAL:
        shown = f"{shown} (taken to hospital)"
    elif amount.severity and f"{amount.severity}ly" not in shown.lower():
        shown = f"{shown} ({amount.severity}ly hurt)"  # "two (critically hurt)"
    return _aged(amount, shown) + _ROLE_SAID.get(amount.role, "")


_ROLE_SAID = {
    "earlier": " (an earlier figure)",
    HAD_SAID: " (an earlier figure)",
    "forecast": " (a forecast)",
    SOUGHT: " (a figure asked for)",
}


def _opening_word(word: str, claim: Claim) -> bool:
    """A capital that only opens the claim: "At" of "At least five people", not a name."""
    opens_name = any(e.start == claim.start for e in claim.entities)
    return word.isalpha() and word.istitle() and not opens_name


def _aged(amount: Amount, shown: str) -> str:
    """An age no word marks ("Reynante Manza, 45,") as a reason says it: "aged 45"."""
    return f"aged {shown}" if amount.unit == "year-old" and shown.isdigit() else shown


_AGE = re.compile(AGE_WORDS + r"(?=\d)", re.IGNORECASE)
"""The words of an age before its figure, which a reason's sentence says one way: "an age
of 77"."""


def _worded(shown: str) -> str:
    """Figures as a sentence says them: "gives an age of 77", not "gives aged 77"."""
    return _AGE.sub("an age of ", shown)


NEAR = 0.01
"""Two precise figures of one unit this close (relative) but apart are one figure told
twice, a little differently: "$26.64 billion" / "$26.65 billion"."""


def near_miss(a: Claim, b: Claim, units: Units | None = None) -> tuple[str, str] | None:
    """Two precise figures of one unit that differ, but by less than NEAR: the texts.

    Two quantities that happen to lie within a percent of each other, to four digits, are
    rare; one quantity reported with a slip or a revision is not. ``units`` as for
    ``number_conflicts``."""
    ua, ub = units or by_unit(a, b)
    for unit in sorted(ua.keys() & ub.keys()):
        for x in ua[unit]:
            for y in ub[unit]:
                if x.kind == y.kind == "exact" and precise(x) and precise(y):
                    gap = abs(x.value - y.value) / max(abs(x.value), abs(y.value))
                    if 0 < gap <= NEAR and not consistent(x, y):
                        return _shown(x, a), _shown(y, b)
    return None


def _far_apart(x: Amount, y: Amount) -> bool:
    low, high = sorted((abs(x.value), abs(y.value)))
    return low > 0 and high / low > FAR_APART


def number_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Different numbers for the same quantity conflict; a number on one side is a detail."""
    ua, ub = by_unit(a, b)
    told_bare = _said_bare(a, b, ua, ub)
    findings = []
    # a score is two figures ("23-17": for and against) with one text: one reason for both
    conflicts: dict[tuple[str, str], bool] = {}
    for _, ta, tb, far in _conflicts(a, b, ua, ub, told_bare):
        conflicts[ta, tb] = conflicts.get((ta, tb), True) and far
    # "93 passengers" / "95 passengers" says what "93 passengers and five crew members" /
    # "95 passengers and five crew members" would say again
    conflicts = {
        (ta, tb): far
        for (ta, tb), far in conflicts.items()
        if not any((xa, xb) != (ta, tb) and xa in ta and xb in tb for xa, xb in conflicts)
    }
    apart = [{ta for ta, _ in conflicts}, {tb for _, tb in conflicts}]
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
    findings += _loosely_met(a, b, ua, ub, names)
    bare = [[x for x in amounts(c) if not x.unit] for c in (a, b)]
    for side, (mine, theirs) in enumerate(((ua, ub), (ub, ua))):
        claim = b if side else a
        # "He was 77" states the figure of "aged 77" without its unit.
        only = [
            (x, _shown(x, claim))
            for u in sorted(mine)
            for x in mine[u]
            if (u in told_bare or not any(same_fate(x, y) for y in theirs.get(u, [])))
            and not any(
                consistent(x, y) and same_fate(x, y) for y in bare[1 - side] + theirs.get(u, [])
            )
            and not any(_same_count(x, y) for y in theirs.get(_HURT_OR_PEOPLE.get(u, "?"), []))
            and not _counts_speaker(x, claim)
        ]
        # "58 passengers" and "four crew members" stand in "58 passengers and four crew
        # members", a figure told apart above
        only = [(x, text) for x, text in only if not any(text in t for t in apart[side])]
        if only:
            shown = _listed([text for _, text in only])  # as written, for the highlight
            values = ("", shown) if side else (shown, "")
            said = _listed([_said(x, text) for x, text in only])
            text = f"Only {names[side]} gives {_worded(said)}."
            findings.append(Finding(Reason(ReasonKind.NUMBER, *values, text), Label.PARTIAL))
    return findings


def _loosely_met(
    a: Claim,
    b: Claim,
    ua: dict[str, list[Amount]],
    ub: dict[str, list[Amount]],
    names: tuple[str, str],
) -> list[Finding]:
    """One figure of a unit on each side, one a bound the other meets ("more than two dozen
    people" / "30 people"; "more than 80" / "87"): one side says it more closely, a detail
    the analyst sees, not a conflict."""
    findings = []
    for unit in sorted(ua.keys() & ub.keys()):
        # "Three people have died" / "more than 200 people have been diagnosed ... and at
        # least two people have died": the counts of one fate meet
        xs, ys = _of_one_fate(ua[unit], ub[unit])
        if len(xs) != 1 or len(ys) != 1 or not same_fate(xs[0], ys[0]):
            continue  # figures of two fates: each a detail of its own side
        if not consistent(xs[0], ys[0]):
            continue  # a conflict, or lists of figures: said elsewhere
        x, y = xs[0], ys[0]
        if x.value == y.value or not {x.kind, y.kind} & _BOUNDS:
            # "about 6,500" / "6,500 jobs": one figure, one hedged; "some 700 metres" /
            # "2,000ft": one figure, converted
            continue
        ta, tb = _shown(x, a), _shown(y, b)
        text = f"{names[0]} says {_worded(ta)}; {names[1]} says {_worded(tb)}: both can be right."
        findings.append(Finding(Reason(ReasonKind.NUMBER, ta, tb, text), Label.PARTIAL))
    return findings


_BOUNDS = frozenset({"lower", "upper"})
"""Kinds of a figure that bounds a quantity ("more than 80", "up to 50"), not states it."""


def casualty_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """ "No casualties" on one side against a death or injury count on the other.

    Where the two say they are in different places or times ("no deaths in Iran" /
    "killed 13 in Pakistan"; a toll "in 2003"), that is a detail, not a contradiction.
    """
    sides = _casualty_sides(a, b)
    if sides is None:
        return []
    none_side, some_side = sides
    claims = (a, b)
    apart = casualty_elsewhere(claims[none_side], claims[some_side])
    values = ("no casualties", "casualties") if none_side == 0 else ("casualties", "no casualties")
    if apart is None:
        text = (
            f"{names[none_side]} reports no casualties; "
            f"{names[some_side]} reports people killed or hurt."
        )
        return [Finding(Reason(ReasonKind.NUMBER, *values, text), Label.CONFLICT)]
    none_where, some_where = (f" {where}" if where else "" for where in apart)
    text = (
        f"{names[none_side]} reports no casualties{none_where}; "
        f"{names[some_side]} reports people killed or hurt{some_where}."
    )
    return [Finding(Reason(ReasonKind.NUMBER, *values, text), Label.PARTIAL)]


def casualties_apart(a: Claim, b: Claim) -> bool:
    """One claim reports no casualties, the other counts them, for one place and time."""
    sides = _casualty_sides(a, b)
    if sides is None:
        return False
    claims = (a, b)
    return casualty_elsewhere(claims[sides[0]], claims[sides[1]]) is None


def casualties_opposed(a: Claim, b: Claim) -> bool:
    """Both claims tell of casualties and one says there were none, wherever and whenever
    ("no deaths there, although reports put the toll at 40" / "40 were killed")."""
    states = {casualty_claim(a), casualty_claim(b)}
    return None not in states and bool(states & {"none", "mixed"}) and len(states) > 1


def _casualty_sides(a: Claim, b: Claim) -> tuple[int, int] | None:
    """(the side with no casualties, the side that counts them), if the two are so."""
    states = (casualty_claim(a), casualty_claim(b))
    if set(states) != {"none", "some"}:
        return None
    sides = (0, 1) if states[0] == "none" else (1, 0)
    claims = (a, b)
    # "no reports of fatalities" / "injuring 18 people": no dead, and some hurt
    if not casualty_kinds(claims[sides[0]])[0] & casualty_kinds(claims[sides[1]])[1]:
        return None
    return sides


def casualty_elsewhere(none: Claim, some: Claim) -> tuple[str, str] | None:
    """Where or when each side's report is, in words, if they say they differ; else None.

    "No reported injuries in Dubai" and a toll in Iran are two places; a toll "in December
    2003" is an earlier event, unless the other claim names that year too.
    """
    years = {d.value.year for d in none.dates if d.value}
    for date in some.dates:
        if (
            date.value
            and date.granularity in {"year", "month"}
            and _YEAR.search(date.text)
            and date.value.year not in years
            and not SINCE.search(some.text[: max(0, date.start - some.start)])
        ):
            return ("", f"in {date.text}")
    if group := _none_among(none):
        return (f'in one group only ("{group}")', "")  # "no Australian casualties"
    here, there = casualty_places(none), casualty_places(some)
    if here and there and not here & there:
        return (f"in {_place_names(none, here)}", f"in {_place_names(some, there)}")
    return None


def _none_among(claim: Claim) -> str:
    """The words of a "no casualties" said of one people or group ("no Australian
    casualties", "no American troops were hurt", "no casualties among their number"), as
    written; "" if it is said of all."""
    spans = casualty_spans(claim)[0]
    for start, end in spans:
        if among := _AMONG.match(claim.text, end):
            return claim.text[start : among.end()]
        for entity in claim.entities:
            if entity.label == "NORP" and start < entity.start - claim.start < end:
                return claim.text[start:end]
    return ""


_AMONG = re.compile(r"\s+among\s+(?:(?:the|their|its|our)\s+)?[\w-]+", re.IGNORECASE)


def _place_names(claim: Claim, keys: frozenset[str]) -> str:
    """The places as the claim writes them, in text order: "Iran", "Panjgur and Mashkeel"."""
    return join([e.canonical for e in claim.entities if entity_key(e) in keys])


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
SINCE = re.compile(r"\b(?:since|until|till|before|after)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""Words before a date that make it the bound of a period, not a time: "since 2011"."""


@per_object  # asked for each pair a claim is in, and for its evidence keys
def claim_times(claim: Claim) -> tuple[ClockTime, ...]:
    """The claim's times of day (``clock_times``), read once per claim."""
    return tuple(clock_times(claim.text))


def time_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Times of day of one zone that cannot be one moment conflict ("around 5:30pm" /
    "around 5:00pm"); "at 1353 (1023 GMT)" and "at 1:53 p.m. local time" agree. A time on
    one side only is a detail; the time of a briefing or a statement is left out."""
    times = [[t for t in claim_times(c) if not _time_of_saying(c.text, t)] for c in (a, b)]
    if not times[0] and not times[1]:
        return []
    if not times[0] or not times[1]:
        side = 0 if times[0] else 1
        shown = join([t.shown for t in times[side]])
        written = join([t.text for t in times[side]])  # what the app lights up in the text
        values = (written, "") if side == 0 else ("", written)
        text = _sentence(f"Only {names[side]} says at what time: {shown}")
        return [Finding(Reason(ReasonKind.DATE, *values, text), Label.PARTIAL)]
    zones = {t.zone for t in times[0]} & {t.zone for t in times[1]}
    for zone in sorted(zones):
        mine, theirs = ([t for t in side if t.zone == zone] for side in times)
        if any(same_time(x, y) for x in mine for y in theirs):
            continue
        told = [join([t.shown for t in mine]), join([t.shown for t in theirs])]
        text = f"{names[0]} says at {told[0]}; {names[1]} at {told[1]}"
        pair = (join([t.text for t in mine]), join([t.text for t in theirs]))
        # "the fire broke out around 5:30pm" / "broke out around 5:00pm": one action
        led = {_lead_in(a.text, t) for t in mine} & {_lead_in(b.text, t) for t in theirs}
        if _one_action(a, b) or led - {""} or _told_by_both(a, b):
            return [Finding(Reason(ReasonKind.DATE, *pair, _sentence(text)), Label.CONFLICT)]
        text += ": of different actions"
        return [Finding(Reason(ReasonKind.DATE, *pair, _sentence(text)), Label.PARTIAL)]
    return []


def times_apart(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The times of day, as written, at which two claims place one action apart ("the
    flight departed at 07:21" / "it took off from Almaty airport at 7.05 am"); None if they
    give none, meet, or time different actions (``time_findings``)."""
    if not claim_times(a) or not claim_times(b):
        return None  # most pairs
    for finding in time_findings(a, b, ("", "")):
        if finding.weight is Label.CONFLICT:
            return finding.reason.a, finding.reason.b
    return None


def _told_by_both(a: Claim, b: Claim) -> bool:
    """Whether one claim's main action is among the other's words too ("Locals said the
    fire broke out ..." / "Soon after the fire broke out ..., workers were asked ..."), or
    an action of its kind ("the flight departed at 07:21" / "minutes after it took off ...
    at 7.05 am")."""
    return any(
        x.predicate
        and (
            x.predicate in y.lemmas
            or (predicate_class(x.predicate) - WEAK_CLASSES) & event_classes(y)
        )
        for x, y in ((a, b), (b, a))
    )


def _sentence(text: str) -> str:
    """End a reason with one full stop, not a second after "p.m."."""
    return text if text.endswith(".") else text + "."


_LEAD_IN = re.compile(
    r"(\w+)[\s,]+(?:(?:at|around|about|approximately|roughly|some|shortly|just|soon|after|"
    r"before|on|by|until|since|from)\s+)*$",
    re.IGNORECASE,
)


def _lead_in(text: str, time: ClockTime) -> str:
    """The word a time of day follows, past its prepositions: "broke out around 5:30pm" ->
    "out", "struck at 1353" -> "struck"."""
    found = _LEAD_IN.search(text, 0, time.start)
    return found[1].lower() if found else ""


_SAYING_TIME = re.compile(
    r"[\s,]*(?:[\w.-]+\s+){0,2}(?:briefing|(?:news|press)\s+conference|statement|interview|"
    r"update|bulletin|address|tweet|post)\b",
    re.IGNORECASE,
)


def _time_of_saying(text: str, time: ClockTime) -> bool:
    """ "According to a 2 p.m. briefing": when it was said, not when it happened."""
    return _SAYING_TIME.match(text, time.end) is not None


def same_moment(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The times, as written, at which both claims place one kind of event to the same
    minute ("The quake, which struck at 1353" / "It hit at 1:53 p.m. local time"); None if
    they do not.

    Only times given to the minute count: "at 3 p.m." may be a briefing, a deadline or
    the event, but two reports that time a quake to 13:53 report one moment. Times of
    saying ("a 2 p.m. briefing") and round approximate times ("around 5:30pm") do not
    count; "about 10:08 pm" does.
    """
    times = _to_the_minute(a), _to_the_minute(b)
    if not times[0] or not times[1] or not shared_events(a, b):
        return None  # most pairs: no such time on one side
    for x in times[0]:
        for y in times[1]:
            if x.zone == y.zone and x.minutes == y.minutes:
                return x.shown, y.shown
    return None


def same_toll(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The counts, as written, of the same people killed or hurt in one kind of event on
    both sides ("killed at least six villagers" / "Six people were killed when houses
    collapsed"); None if the claims give no such count or any figure of theirs disagrees.

    A toll is what a report of a disaster repeats most; two claims that give the same one
    for one kind of event report one fact, however they word the rest.
    """
    if not tolls(a, b):
        return None  # most pairs: no toll on one side
    if number_conflicts(a, b):
        return None
    for x in amounts(a):
        for y in amounts(b):
            if x.value >= 1 and x.value == y.value and _tolled(x.unit, y.unit):
                return x.text, y.text
    return None


_TOLLED = PEOPLE_KINDS | {"people", ""}
"""Units of a count of people killed or hurt: of any kind, or none ("the toll rose to 12")."""


def _tolled(x: str, y: str) -> bool:
    """Whether two units may count the same people killed or hurt: "72 people" (treated for
    injuries) and "injuring 72" too."""
    return (
        (x in _TOLLED and y in _TOLLED) or (x, y) in _HURT_OR_PEOPLE.items() or x == y == "injured"
    )


_MINUTES = re.compile(r"[0-9][:h.][0-5][0-9]|(?:at |\()[012][0-9][0-5][0-9]")
"""What a time given to the minute needs ("1:53", "8.40am", "17h30", "at 1353", "(1023");
a decimal ("4.52") passes too, and ``clock_times`` tells."""


def writes_minutes(text: str) -> bool:
    """Whether a text may give a time to the minute: a cheap test (2 us) before reading its
    times (10 us), which most claims need not pass."""
    return _MINUTES.search(text) is not None


@per_object
def _to_the_minute(claim: Claim) -> tuple[ClockTime, ...]:
    """The claim's times of day given to the minute, not of saying, and not approximate
    unless an odd minute ("about 10:08 pm" is a time read off a record; "around 5:30pm" is
    a guess)."""
    if not writes_minutes(claim.text):
        return ()
    return tuple(
        t
        for t in claim_times(claim)
        if t.minutes % 60
        and not (t.approximate and t.minutes % 5 == 0)
        and not _time_of_saying(claim.text, t)
    )


def _one_action(a: Claim, b: Claim) -> bool:
    """Whether two claims can tell the time of one action: the same kind of predicate, or
    no predicate on one side to tell them apart."""
    return same_predicate(a, b) or not (a.predicate and b.predicate)


ReportDays = tuple[dt.date | None, dt.date | None]
"""The dates of the two claims' reports (their datelines), where known."""


def date_findings(
    a: Claim, b: Claim, names: tuple[str, str], published: ReportDays = (None, None)
) -> list[Finding]:
    """``_date_findings``, after any day a claim gives two ways that do not agree."""
    return _own_days_apart(a, b, names, published) + _date_findings(a, b, names, published)


def _own_days_apart(
    a: Claim, b: Claim, names: tuple[str, str], published: ReportDays
) -> list[Finding]:
    """A weekday written beside a date on which it does not fall ("said Tuesday (July 18)"
    in 2011, when July 18 was a Monday): the report contradicts itself, which the analyst
    should see, whatever the other side says. Shown without making the link partial. A date
    without its year is taken at its word only near the report's own date, where the year
    it is given is surely right."""
    findings = []
    for side, claim in enumerate((a, b)):
        dateline = published[side]
        told = sorted((d for d in claim.dates if d.value is not None), key=lambda d: d.start)
        for day, date in itertools.pairwise(told):
            named = _WEEKDAY.search(day.text)
            between = claim.text[day.end - claim.start : date.start - claim.start]
            if (
                named is None
                or date.value is None
                or date.granularity != "day"
                or not _ABSOLUTE.search(date.text)
                or not _BESIDE.fullmatch(between)
                or WEEKDAYS[named[0].lower()] == date.value.weekday()
                or not (_YEAR.search(date.text) or _near(date.value, dateline))
            ):
                continue
            fell = _day(date.value, year=True)
            text = (
                f"{names[side]} writes {day.text} ({date.text}), but {fell} was a"
                f" {DAY_NAMES[date.value.weekday()]}."
            )
            values = (day.text, "") if side == 0 else ("", day.text)
            findings.append(Finding(Reason(ReasonKind.DATE, *values, _sentence(text)), Label.AGREE))
    return findings


def _near(day: dt.date, dateline: dt.date | None) -> bool:
    return dateline is not None and abs((day - dateline).days) <= _NEAR_DAYS


_NEAR_DAYS = 31
_BESIDE = re.compile(r"\s*[(,]?\s*")
"""What may stand between a weekday and the date that tells it: "Tuesday (July 18)",
"Tuesday, July 18", "Tuesday July 18"."""


def _date_findings(
    a: Claim, b: Claim, names: tuple[str, str], published: ReportDays = (None, None)
) -> list[Finding]:
    """Resolved dates that cannot be the same day conflict ("Tuesday" = "April 11" agree).

    A date on one side only is a detail the other omits, unless it is the day the other's
    report is dated (``published``): "visible above the water yesterday" (a report of July
    3) and "visible above water" (a report of July 2) tell one day. A date that tells when
    something was said ("officials said Wednesday") is not when it happened ("crashed
    Monday"): it is compared only where neither claim says when it happened, and never
    conflicts.
    """
    dated = [[d for d in c.dates if d.value is not None] for c in (a, b)]
    if not dated[0] and not dated[1]:
        return _weekday_findings(a, b, names)  # no dateline: "Tuesday" / "Wednesday" as written
    happened = [[d for d in side if not d.said] for side in dated]
    # "the retrial began April 30" / "on Friday the jury re-affirmed the verdict": the days
    # of two different actions are two days of one story, not a contradiction
    # "born March 7, 1945" / "born March 7, 1946": one verb, one action
    # "joined the academy aged 11 before making his senior debut in 2011": one predicate,
    # but the date is the debut's
    elsewhere = any(
        _dates_another_action(c, side) for c, side in zip((a, b), happened, strict=True)
    )
    one_action = (_one_action(a, b) and not elsewhere) or bool(
        _verbs(happened[0]) & _verbs(happened[1])
    )
    parts = {d: _part_at(c, d) for c, side in zip((a, b), dated, strict=True) for d in side}
    if happened[0] or happened[1]:
        found = _day_findings(
            happened,
            names,
            said=False,
            one_action=one_action,
            published=published,
            parts=parts,
            claims=(a, b),
        )
        return details_of_other_times(found, ReasonKind.DATE) if _recalled(happened) else found
    return _day_findings(dated, names, said=True, one_action=one_action, parts=parts, claims=(a, b))


def _dates_another_action(claim: Claim, dated: list[DateMention]) -> bool:
    """Whether every date of a claim hangs on a verb of another kind than its predicate."""
    main = predicate_class(claim.predicate)
    return (
        bool(main)
        and bool(dated)
        and all(d.verb and not predicate_class(d.verb) & main for d in dated)
    )


def _recalled(happened: list[list[DateMention]]) -> bool:
    """Whether one side dates what it tells only by an earlier year or month, and the other
    by a day of another month: "a quake that struck the area in 2012 and killed 81" recalls
    another quake than "The quake struck at 4:30 p.m. Sunday"."""
    for mine, theirs in (happened, happened[::-1]):
        days = [d.value for d in theirs if d.value and d.granularity == "day"]
        periods = [d for d in mine if d.granularity in ("month", "year") and d.tense != FUTURE]
        whole = bool(days) and bool(periods) and len(periods) == len(mine)
        if whole and all(_earlier_period(d, day) for d in periods for day in days):
            return True
    return False


def _earlier_period(date: DateMention, day: dt.date) -> bool:
    """Whether a year or a month ends before ``day``'s year or month begins."""
    if date.value is None:
        return False
    if date.granularity == "year":
        return date.value.year < day.year
    return (date.value.year, date.value.month) < (day.year, day.month)


OTHER_TIMES = ": of different times."
"""How a reason of a conflict ends where one side tells of an earlier event."""


def details_of_other_times(found: list[Finding], kind: ReasonKind) -> list[Finding]:
    """Conflicts of one kind of reason made details of two times, their reasons saying so
    ("A dates it 2012; b Sunday: of different times.")."""
    return [
        Finding(replace(f.reason, text=f"{f.reason.text[:-1]}{OTHER_TIMES}"), Label.PARTIAL)
        if f.weight is Label.CONFLICT and f.reason.kind is kind
        else f
        for f in found
    ]


def _period_findings(
    dated: list[list[DateMention]],
    names: tuple[str, str],
    *,
    said: bool,
    one_action: bool,
    claims: tuple[Claim, Claim],
) -> list[Finding]:
    """Months and years where no day can be compared: "expected to close this year" /
    "next year" differ; "in March" / "in 2017" meet. Only the periods a thing happened in
    count (``_period``, read in each date's claim)."""
    spans = [
        [(m, span) for m in side if (span := _period(claim, m)) is not None]
        for claim, side in zip(claims, dated, strict=True)
    ]
    if not spans[0] or not spans[1]:
        return []
    if any(_periods_meet(m, x, n, y) for m, x in spans[0] for n, y in spans[1]):
        return []
    ta, tb = (join([m.text for m, _ in side]) for side in spans)
    shown = [join([_period_shown(m) for m, _ in side]) for side in spans]
    verb = "reports it said" if said else "dates it"
    text = f"{names[0]} {verb} {shown[0]}; {names[1]} {shown[1]}."
    if said:  # one thing may be said at two times
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    if not one_action:
        text = text[:-1] + ": of different actions."
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.CONFLICT)]


_PERIODS = frozenset({"day", "month", "year", "decade"})
"""Granularities compared as periods; a week is left out, as "the last week" is as often
the seven days before the report as the calendar week before this one."""


Period = tuple[dt.date, dt.date]
"""The first and last day of a period."""

_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")
_TO_YEAR = re.compile(r"\s*(?:to|through|until|and|-|\u2013)\s+((?:19|20)\d{2})\b", re.I)
"""The end of a range of years after its first ("2000 through 2002", "1976 to 1980")."""


def _period(claim: Claim, mention: DateMention) -> Period | None:
    """The first and last day a date places a thing in: "1976 to 1980" runs to the end of
    1980. None for a week, a vague date, or the bound of a stretch of time ("since 2011",
    "until March"), which places nothing."""
    if mention.value is None or mention.granularity not in _PERIODS:
        return None
    if SINCE.search(claim.text[: max(0, mention.start - claim.start)]):
        return None
    start = mention.value
    if mention.granularity == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    if mention.granularity in ("year", "decade"):
        years = [int(y) for y in _YEAR_IN.findall(mention.text)]
        after = _TO_YEAR.match(claim.text, mention.end - claim.start)
        last = max([start.year, *years, *([int(after[1])] if after else [])])
        if mention.granularity == "decade":
            last = max(last, start.year + 9)
        return start, dt.date(last, 12, 31)
    return start, start


def _period_shown(mention: DateMention) -> str:
    """A year as written, with the year it resolves to where it names none: "last year
    (2007)"."""
    if mention.granularity != "year" or mention.value is None or _YEAR_IN.search(mention.text):
        return mention.text
    return f"{mention.text} ({mention.value.year})"


def _periods_meet(m: DateMention, x: Period, n: DateMention, y: Period) -> bool:
    """Whether two periods can hold one time. A month written without its year ("began in
    March") is resolved to the latest before the report, but may be of any year: it meets
    the same month of another year ("March 2011") and any year, not another month."""
    if x[0] <= y[1] and y[0] <= x[1]:
        return True
    for mention, other, span in ((m, n, y), (n, m, x)):
        if mention.granularity == "month" and not _YEAR_IN.search(mention.text):
            month = mention.value.month if mention.value else 0
            return other.granularity in ("year", "decade") or span[0].month == month
    return False


def _verbs(dates: list[DateMention]) -> set[str]:
    return {d.verb for d in dates if d.verb}


def _day_findings(
    dated: list[list[DateMention]],
    names: tuple[str, str],
    *,
    said: bool,
    one_action: bool,
    published: ReportDays = (None, None),
    parts: Mapping[DateMention, Hours | None] | None = None,
    claims: tuple[Claim, Claim],
) -> list[Finding]:
    when_said = " it was said" if said else ""
    parts = parts or {}
    if bool(dated[0]) != bool(dated[1]):
        side = 0 if dated[0] else 1
        shown = join(days_shown(dated[side]))
        written = join([d.text for d in dated[side]])  # what the app lights up in the text
        values = (written, "") if side == 0 else ("", written)
        text = f"Only {names[side]} says when{when_said}: {shown}."
        if {d.value for d in dated[side]} == {published[1 - side]}:
            text = f"{text[:-1]}, the day {names[1 - side]}'s report is dated."
            return [Finding(Reason(ReasonKind.DATE, *values, text), Label.AGREE)]
        return [Finding(Reason(ReasonKind.DATE, *values, text), Label.PARTIAL)]
    da, db = ({d.value for d in side if d.value and d.granularity == "day"} for side in dated)
    if not da or not db:
        return _period_findings(dated, names, said=said, one_action=one_action, claims=claims)
    if da & db:
        return _part_findings(dated, da & db, names, parts, said=said, one_action=one_action)
    if _one_night(dated, da, db, parts):
        return []  # "Tuesday night" / "the early hours of Wednesday"
    ta = join([d.text for d in dated[0] if d.value in da])
    tb = join([d.text for d in dated[1] if d.value in db])
    # the year only where the dates span more than one: "April 10" / "April 11"
    years = len({v.year for v in da | db}) > 1
    when = [join([_day(v, years) for v in sorted(days)]) for days in (da, db)]
    verb = "reports it said" if said else "dates it"
    days = [t if _day_named(t, w) else f"{t} ({w})" for t, w in ((ta, when[0]), (tb, when[1]))]
    text = f"{names[0]} {verb} {days[0]}; {names[1]} {days[1]}."
    if said:  # one thing may be said on two days
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    if not one_action:
        text = text[:-1] + ": of different actions."
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    if ta.lower() == tb.lower() and not _ABSOLUTE.search(ta):
        # "yesterday" in two reports dated a day apart: each tells of its own day, as a
        # story that goes on ("was being questioned") would; not shown to be one event
        text = text[:-1] + ": the same word in reports dated apart."
        return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.PARTIAL)]
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.CONFLICT)]


def _part_findings(
    dated: list[list[DateMention]],
    days: set[dt.date],
    names: tuple[str, str],
    parts: Mapping[DateMention, Hours | None],
    *,
    said: bool,
    one_action: bool,
) -> list[Finding]:
    """One day told at two parts of it that do not meet: "late Sunday morning" / "late
    Sunday afternoon". Parts that touch ("evening" / "night") agree."""
    told = [[(d.text, parts.get(d)) for d in side if d.value in days] for side in dated]
    xs, ys = ([(t, p) for t, p in side if p is not None] for side in told)
    if not xs or not ys or any(_hours_meet(x, y) for _, x in xs for _, y in ys):
        return []
    ta, tb = join([t for t, _ in xs]), join([t for t, _ in ys])
    verb = "reports it said" if said else "dates it"
    text = f"{names[0]} {verb} {ta}; {names[1]} {tb}: two parts of one day."
    label = Label.CONFLICT if one_action and not said else Label.PARTIAL
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), label)]


_PARTS_OF_DAY = {
    "early hours": (0, 6),
    "dawn": (4, 7),
    "morning": (5, 12),
    "midday": (11, 14),
    "noon": (11, 13),
    "afternoon": (12, 18),
    "evening": (17, 23),
    "dusk": (17, 21),
    "night": (20, 30),  # to 6 a.m. next day
    "overnight": (20, 30),
    "midnight": (23, 25),
}
_PART_WORDS = "|".join(sorted(_PARTS_OF_DAY, key=len, reverse=True))
_PART_OF_DAY = re.compile(rf"\b({_PART_WORDS})\b", re.IGNORECASE)
_PART_BEFORE = re.compile(rf"\b({_PART_WORDS})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PART_AFTER = re.compile(rf"\s*({_PART_WORDS})\b", re.IGNORECASE)


def _one_night(
    dated: list[list[DateMention]],
    da: set[dt.date],
    db: set[dt.date],
    parts: Mapping[DateMention, Hours | None],
) -> bool:
    """Whether the two sides name one night from its two days: "Tuesday midnight" and "the
    early hours of Wednesday"."""
    if len(da) != 1 or len(db) != 1:
        return False
    (x,), (y,) = da, db
    if abs((x - y).days) != 1:
        return False
    evening, morning = (dated[0], dated[1]) if x < y else (dated[1], dated[0])
    late = [parts.get(d) for d in evening]
    early = [parts.get(d) for d in morning]
    return any(p and p[1] > 24 for p in late) and any(p and p[0] < 6 for p in early)


Hours = tuple[int, int]
"""A part of a day as hours from its midnight: the night runs on to 30 (6 a.m. next day)."""


def _part_at(claim: Claim, mention: DateMention) -> Hours | None:
    """The part of the day a date's words place it in: "Sunday morning", "the early hours
    of Wednesday", "Tuesday midnight"."""
    start, end = mention.start - claim.start, mention.end - claim.start
    found = (
        _PART_OF_DAY.search(mention.text)
        or _PART_BEFORE.search(claim.text, 0, max(start, 0))
        or _PART_AFTER.match(claim.text, max(end, 0))
    )
    return _PARTS_OF_DAY[found[1].lower()] if found else None


def _hours_meet(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Whether two spans of hours overlap, the early hours counted as the night before."""
    xs, ys = _both_nights(x), _both_nights(y)
    return any(a0 < b1 and b0 < a1 for a0, a1 in xs for b0, b1 in ys)


def _both_nights(span: tuple[int, int]) -> list[tuple[int, int]]:
    return [span, (span[0] + 24, span[1] + 24)] if span[1] <= 7 else [span]


_ABSOLUTE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)


_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


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
    return f"{_month(value)} {value.day}" + (f", {value.year}" if year else "")


def _month(value: dt.date) -> str:
    return MONTH_NAMES[value.month - 1]


def _day_named(written: str, day: str) -> bool:
    """Whether a date as written already says its day: "March 7, 1945" needs no "(March 7,
    1945)" after it."""
    return written.replace(",", "").lower() == day.replace(",", "").lower()


def days_shown(mentions: Sequence[DateMention], *, year: bool = False) -> list[str]:
    """Each date once: "on Saturday, February 25" is one day, not "Saturday (February 25) and
    February 25"; with ``year``, a day is told with its year."""
    by_day: dict[object, list[DateMention]] = {}
    for mention in mentions:
        by_day.setdefault((mention.value, mention.granularity), []).append(mention)
    shown = []
    for same in by_day.values():
        named = [m for m in same if m.value and _month(m.value) in m.text]
        if named and len(same) > 1:
            shown.append(", ".join(dict.fromkeys(m.text for m in same)))
        else:
            shown.append(dated(same[0], year=year))
    return shown


def dated(mention: DateMention, *, year: bool = False) -> str:
    """A date as written, with the day it resolves to: "Tuesday (April 11)", or with
    ``year`` "Tuesday (April 11, 2017)"."""
    value = mention.value
    if value is None or mention.granularity != "day" or _month(value) in mention.text:
        return mention.text
    return f"{mention.text} ({_day(value, year)})"
