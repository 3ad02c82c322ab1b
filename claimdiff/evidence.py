"""Why a weakly worded pair links: evidence that two claims report one event."""

from __future__ import annotations

import re
from collections.abc import Container

from claimdiff.align import BY_EVENT, BY_LEAD, BY_MOMENT, BY_SIBLING, BY_TOLL, Candidate
from claimdiff.events import (
    persons_clash,
    persons_shared,
    polarity_clashes,
    same_predicate,
    shared_events,
)
from claimdiff.extract.calendar_words import PERIOD_COUNT
from claimdiff.figures import (
    MEASURES,
    ONE_PER_EVENT,
    SINCE,
    by_unit,
    casualties_apart,
    near_miss,
    number_conflicts,
    same_moment,
    same_toll,
    says_none,
    specific_unit,
    times_apart,
    tolls,
    unit_of,
)
from claimdiff.model import FUTURE, Claim, DateMention, Label, Link, Reason, ReasonKind
from claimdiff.names import list_findings
from claimdiff.slots import PLACE_LABELS, amounts


def event_conflict(a: Claim, b: Claim) -> bool:
    """A contradiction between two claims with evidence that they report one event.

    Two claims that share few words are linked as a conflict only if the
    contradicting slot is tied to one event: a toll against "no casualties"; one
    word graded both ways ("insufficiently" / "well equipped"); a
    list of names under the same kind of event ("slammed by Iran and North
    Korea" / "condemnation from Russia and Iran"); one action of that kind timed
    apart ("the flight departed at 07:21" / "it took off ... at 7.05 am"); or, when
    the claims name no
    different people, figures of a specific unit ("five villages" / "seven
    villages", a magnitude; not money or percentages, which a story gives for many
    things) or under the same kind of event ("killed").
    """
    return event_evidence(a, b) is not None


def event_evidence(a: Claim, b: Claim) -> str | None:
    """In plain words, what ties a contradiction to one event (``event_conflict``); else None."""
    names = ("", "")
    if casualties_apart(a, b) and not dated_apart(a, b):
        # "a quake that heavily damaged Christchurch in September but caused no deaths"
        # recalls another quake than the one "at least 65 people have died" in
        return "one reports people killed or hurt, the other no casualties"
    if graded := polarity_clashes(a, b):
        return f'one word is graded both ways ("{graded[0][0]}" / "{graded[0][1]}")'
    events = shared_events(a, b)
    if events and any(f.weight is Label.CONFLICT for f in list_findings(a, b, names)):
        return f"they name different lists of names for one kind of event ({min(events)})"
    if events and (times := times_apart(a, b)):
        # "the flight departed at 07:21" / "minutes after it took off ... at 7.05 am"
        return f'they time one kind of event ({min(events)}) apart ("{times[0]}" / "{times[1]}")'
    if persons_clash(a, b):
        return None  # "Rait, 36, died" and "Buckley, 32, died": two men, not two ages
    units = by_unit(a, b)
    conflicts = number_conflicts(a, b, units)
    if not conflicts or of_other_times(a, b, conflicts):
        return None  # "a 6.4-magnitude quake hit Zarand in February": an earlier quake
    if near := near_miss(a, b, units):
        return f'they give nearly the same figure, not quite ("{near[0]}" / "{near[1]}")'
    # "five people arrested" / "a death toll of three": one attack, two counts; so are
    # "pulled 118 survivors from the sea" / "53 survivors were brought to hospital". A
    # count is one figure only where both claims say the same thing of it; a measure (a
    # magnitude, a length, an age) is one whatever the verb
    holding = a.predicate in _HOLDING and b.predicate in _HOLDING
    # "The 6,500 includes about 2,100 employees" / "The 5,000 employees ... were not included
    # in the 6,500": what one claim says of its count, the other denies of another
    # "... injured as eight houses collapsed" / "dozens of houses ... have collapsed": one
    # claim's main action told in the other's words
    told = (same_predicate(a, b) or holding or _action_told(a, b)) and a.negated == b.negated
    # two tolls of one kind of event count the same dead, whatever else each claim tells
    # ("a plane crashed ..., killing all nine people aboard" / "All eleven passengers were
    # pronounced dead")
    told = told or tolls(a, b) or ("missing" in events and _missing_on_both(a, b))
    for unit, x, y, far in conflicts:
        measure = unit_of(unit) in MEASURES or unit_of(unit) in ONE_PER_EVENT
        if unit_of(unit) == "score" and not _names_shared(a, b):
            # "Stanford (46-15) takes on South Carolina" / "the Diamondbacks up 7-1": a
            # score or a record is one team's, one figure only where both name a team
            continue
        if unit.endswith(_DISTANCE) and not (events or _names_shared(a, b, PLACE_LABELS)):
            # "a bowling alley about 6.4 kilometres away" / "the distribution center is
            # about a mile and a half (2.5 km) south of the bar": a story tells the
            # distances of many places; two are one only of one place or one event
            continue
        # an age is a measure of someone: one figure where both claims name the same person
        # ("John Heard ... passed away at the age of 72" / "Heard ... was 71 when he died")
        aged = unit_of(unit) == "year-old" and persons_shared(a, b)
        # none of a thing against a count of it ("No injuries/fires." / "five fires"),
        # as "no casualties" against a toll
        none = says_none(x) or says_none(y)
        if not far and none:
            return f'one says there were none, the other counts them ("{x}" / "{y}")'
        if not far and ((events and told) or aged or (specific_unit(unit) and (measure or told))):
            kind = f" of one kind of event ({min(events)})" if events else ""
            return f'they give figures{kind} that cannot both be right ("{x}" / "{y}")'
    return None


def _missing_on_both(a: Claim, b: Claim) -> bool:
    """Both claims count people missing: "another 10 are missing" / "the search for 12
    individuals still considered missing" count the missing of one event, as two tolls
    count its dead."""
    return any(x.fate == "missing" for x in amounts(a)) and any(
        y.fate == "missing" for y in amounts(b)
    )


_AGE_THEN = re.compile(
    r"\b(?:was|were|then|aged|age\s+of|when|at)\s+(?:(?:just|only|a|an|the)\s+)?$", re.IGNORECASE
)
"""Words before an age that tie it to a time: "was 69 when", "at the age of 72", "aged 40"."""


def of_other_times(a: Claim, b: Claim, conflicts: list[tuple[str, str, str, bool]]) -> bool:
    """Whether figures apart (``number_conflicts``) are of two times: one claim places what
    it tells in a month or year the other does not speak of (``dated_apart``), and the
    figures are not the ages one person has now (``ages_now``)."""
    return bool(conflicts) and dated_apart(a, b) and not ages_now(a, b, conflicts)


def ages_now(a: Claim, b: Claim, conflicts: list[tuple[str, str, str, bool]]) -> bool:
    """Whether the figures apart are the ages one person has now on both sides, whatever
    the claims date: "The now 74-year-old Mladic was arrested in Serbia in 2011" / "the
    now 75-year-old Mladic was acquitted"; "Mair, 53," is his age at the report too."""
    if not conflicts or not persons_shared(a, b):
        return False
    if any(unit_of(unit) != "year-old" for unit, *_ in conflicts):
        return False
    for _, x, y, _ in conflicts:
        for claim, shown in ((a, x), (b, y)):
            at = claim.text.find(shown)
            if at < 0 or _AGE_THEN.search(claim.text, 0, at):
                return False
    return True


def dated_apart(a: Claim, b: Claim) -> bool:
    """One claim places what it tells in a month or a year the other does not speak of.

    A story recalls earlier events by their month or year ("a 6.4-magnitude quake hit
    Zarand in February"); the event it reports takes a day ("on Sunday") or no date. Such
    a claim's figures are of another event than the other claim's, unless the other names
    the same month or year ("600 were killed in Zarand in February"). A period the event
    runs through ("since 2011", "this year") places nothing, nor does a year that only
    names a thing ("the 1990 film"), nor a time still to come ("by the time the overhaul is
    completed in October 2014"): a plan or a deadline recalls no earlier event.
    """
    for x, y in ((a, b), (b, a)):
        periods = [
            d
            for d in x.dates
            if d.value
            and d.verb  # when something happened: not "the 1990 film"
            and not d.said
            and d.tense != FUTURE
            and d.granularity in ("month", "year")
            and not _CURRENT.search(d.text)
            and not _SPAN_OF_MONTHS.search(d.text)
            and not SINCE.search(x.text[: max(0, d.start - x.start)])
        ]
        others = [d for d in y.dates if d.value and not d.said]
        if periods and not any(_same_period(p, d) for p in periods for d in others):
            return True
        if _LONG_BEFORE.match(x.text) and not _LONG_BEFORE.match(y.text):
            return True
        if _CAME_AFTER.search(x.text) and not _CAME_AFTER.search(y.text):
            return True
        if _SEPARATELY.match(x.text) and not _SEPARATELY.match(y.text):
            return True
    return False


_SEPARATELY = re.compile(
    r"\W*(?:separately\b|in\s+(?:a|another)\s+separate\s+\w+|in\s+another\s+(?:incident|"
    r"attack|accident|case|development)\b)",
    re.IGNORECASE,
)
"""A claim that opens on another event: "In a separate incident, two people died early
yesterday morning when a ... block in ... Mumbai caught fire"."""


_LONG_BEFORE = re.compile(
    rf"\W*(?:just\s+|only\s+)?(?:{PERIOD_COUNT}|some|many)"
    r"\s+(?:weeks?|months?|years?|decades?)\s+(?:earlier|ago|before)\b",
    re.IGNORECASE,
)
"""A time well before the event reported, counted back from it, that opens a claim:
"Several months earlier, 12 people were killed" tells of another event than "no less than
28 people lost their lives". Days are left out ("two days earlier" may be the same event's
first toll), and so is a time that dates one figure only ("up from $23.87 billion a year
ago")."""


_CAME_AFTER = re.compile(
    rf"\b(?:came|comes|follows|followed|was|is)\s+(?:just\s+|only\s+|barely\s+)?"
    rf"(?:{PERIOD_COUNT}|some|many|a\s+few)\s+(?:weeks?|months?|years?|decades?)\s+after\b",
    re.IGNORECASE,
)
"""An event the claim recalls as well before the one it reports: "Saturday's attack came two
weeks after more than 350 people were killed in a massive truck bombing" gives the toll of
the earlier bombing."""


_SPAN_OF_MONTHS = re.compile(r"\s(?:to|until|through)\s|[-\u2013]", re.IGNORECASE)
"""A stretch of months the event runs through ("in late June to early July") places no earlier
event apart, as "this year" places none."""


_CURRENT = re.compile(r"\b(?:this|past|current)\b", re.IGNORECASE)
"""A period that runs up to the report ("this year", "the past year") places nothing apart."""


def _same_period(x: DateMention, y: DateMention) -> bool:
    if x.value is None or y.value is None:
        return False
    if "year" in (x.granularity, y.granularity):
        return x.value.year == y.value.year
    return (x.value.year, x.value.month) == (y.value.year, y.value.month)


_HOLDING = frozenset(
    {"be", "have", "carry", "hold", "contain", "include", "number", "total", "consist", "comprise"}
)
"""Predicates that only say how many there are: "243 passengers were on board" and "the
train was carrying about 207 passengers" count one thing; "had eight cars" and "seven cars
derailed" do not."""


_DISTANCE = "(distance)"
"""The role key of a length that is how far one place lies from another."""


def _names_shared(a: Claim, b: Claim, labels: Container[str] | None = None) -> bool:
    """Whether the two claims name anyone or anything in common (of ``labels`` only, if
    given: ``PLACE_LABELS``, a place)."""
    names = [
        {e.canonical for e in c.entities if labels is None or e.label in labels} for c in (a, b)
    ]
    return bool(names[0] & names[1])


_LIGHT = _HOLDING | {"say", "tell", "add", "report", "do", "make", "take", "get", "go", "come"}
"""Predicates too common to tell one action: "be", "say"."""


def _action_told(a: Claim, b: Claim) -> bool:
    """Whether one claim's main action, a telling one, is among the other's words as a
    verb done ("houses collapsed" / "houses ... have collapsed"); "the maximum possible
    sentence" tells no one was sentenced."""
    return any(
        x.predicate
        and x.predicate not in _LIGHT
        and x.predicate in y.lemmas
        and re.search(rf"\b{re.escape(x.predicate.rstrip('e'))}(?:ed|ing)\b", y.text, re.I)
        is not None
        for x, y in ((a, b), (b, a))
    )


BASIS_OPENING = "Linked "
"""How the first reason of a link made on evidence begins (``basis_reason``)."""


def on_evidence(link: Link) -> bool:
    """Whether a link was made on evidence of one event rather than on its wording."""
    return bool(link.reasons) and link.reasons[0].text.startswith(BASIS_OPENING)


def basis_reason(candidate: Candidate, a: Claim, b: Claim) -> Reason | None:
    """Why a pair was linked when its wording alone would not link it; None otherwise."""
    if candidate.basis == BY_EVENT:
        why = event_evidence(a, b) or "they contradict each other about one event"
        text = f"{BASIS_OPENING}as one event although the wording differs: {why}."
    elif candidate.basis == BY_SIBLING:
        text = (
            f"{BASIS_OPENING}because another part of the same sentence is linked to the other"
            " claim,"
            " and this part contradicts it."
        )
    elif candidate.basis == BY_MOMENT:
        times = same_moment(a, b) or ("", "")
        text = (
            f"{BASIS_OPENING}as one moment although the wording differs: both time one kind"
            f' of event to the same minute ("{times[0]}" / "{times[1]}").'
        )
    elif candidate.basis == BY_TOLL:
        counts = same_toll(a, b) or ("", "")
        text = (
            f"{BASIS_OPENING}as one toll although the wording differs: both count the same"
            f' people killed or hurt in one kind of event ("{counts[0]}" / "{counts[1]}").'
        )
    elif candidate.basis == BY_LEAD:
        text = (
            f"{BASIS_OPENING}as the opening statement of both reports, though their wording"
            " alone would not link them: reports of one event open with that event."
        )
    else:
        return None
    if candidate.tested is not None and candidate.wording is not None:
        text += " " + _record_text(candidate.score, candidate.wording, *candidate.tested)
    return Reason(ReasonKind.DETAIL, "", "", text)


def _record_text(score: float, wording: float, right: int, links: int) -> str:
    """How an evidence link's score was set, from its wording's score and its basis' record."""
    record = f"links made on such evidence were right in {right} of {links} tests"
    if wording >= score:
        return f"Its score, {score:.0%}, is its wording's; {record}."
    return (
        f"Its score, {score:.0%}, is not its wording's ({wording:.0%}): {record},"
        f" and {score:.0%} is the low end of what that record shows."
    )
