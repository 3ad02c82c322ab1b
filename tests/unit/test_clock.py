"""Times of day: read from text in their many spellings, and compared between claims."""

from __future__ import annotations

import pytest

from claimdiff.align import Candidate
from claimdiff.clock import clock_times, same_time
from claimdiff.compare import classify
from claimdiff.figures import time_findings
from claimdiff.model import Label
from tests.unit.helpers import claim

NAMES = ("the first source", "the second source")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 24-hour local time with the GMT time in brackets: two times, two zones
        ("The storm hit at 1417 (0917 GMT) on Monday.", [("1417", 857, ""), ("0917", 557, "GMT")]),
        ("The ferry sank at 2:05 p.m. local time.", [("2:05 p.m.", 845, "")]),
        ("Firefighters arrived at 7.15am.", [("7.15am", 435, "")]),
        ("The strike came at 9 p.m. (1800 GMT).", [("9 p.m.", 1260, ""), ("1800", 1080, "GMT")]),
        ("It began at 11 a.m., EDT, with a loud bang.", [("11 a.m.", 660, "EDT")]),
        ("The flight left at 06:45 and landed at noon.", [("06:45", 405, ""), ("noon", 720, "")]),
        ("Twelve o'clock midnight came and went.", [("midnight", 0, "")]),
        # figures that only look like times
        ("Shares rose to $3.50, a 2.25 percent gain.", []),
        ("The home side won 3-1 in 2019.", []),
    ],
)
def test_times_of_day_read_from_text(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(t.text, t.minutes, t.zone) for t in clock_times(text)] == expected


def test_an_approximate_time_is_marked() -> None:
    (time,) = clock_times("The blast was heard around 4:15pm.")
    assert time.approximate
    (exact,) = clock_times("The blast was heard at 4:15pm.")
    assert not exact.approximate


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("at 4:15pm", "at 4:18pm", True),  # five minutes' slack
        ("at 4:15pm", "at 4:30pm", False),
        ("around 4:15pm", "at 4:30pm", True),  # under half an hour where one is approximate
        ("about 3 p.m.", "at 3:22 p.m.", True),
        ("around 4:00pm", "around 4:30pm", False),
        # an approximate time given to the minute reaches a quarter of an hour
        ("around 4.30 am", "at 4:10 am", False),
        ("around 3.10am", "at 03:00", True),
        ("at 11:58pm", "at 0:02", True),  # across midnight
    ],
)
def test_same_time(x: str, y: str, same: bool) -> None:
    (tx,) = clock_times(x)
    (ty,) = clock_times(y)
    assert same_time(tx, ty) is same


def test_one_moment_in_two_spellings_agrees() -> None:
    a = claim("The storm hit the coast at 1417 (0917 GMT).", predicate="hit")
    b = claim("It struck at 2:17 p.m. local time.", doc=1, predicate="strike")
    assert time_findings(a, b, NAMES) == []


def test_two_times_of_one_action_conflict() -> None:
    a = claim("The blaze started around 4:30pm.", predicate="start")
    b = claim("Residents said the blaze started around 4:00pm.", doc=1, predicate="start")
    (finding,) = time_findings(a, b, NAMES)
    assert finding.weight is Label.CONFLICT
    assert finding.reason.text == "the first source says at 4:30pm; the second source at 4:00pm."
    assert classify(Candidate(0, 1, 0.9), a, b).label is Label.CONFLICT


def test_the_other_claim_naming_the_action_makes_it_one() -> None:
    # the first claim's main verb is "tell", but it too says when the blaze started
    a = claim(
        "After the blaze started around 4:30pm, staff were told to stay put.",
        predicate="tell",
        lemmas=("blaze", "start", "staff", "tell", "stay"),
    )
    b = claim(
        "Neighbours said the blaze started at the back around 4:00pm.", doc=1, predicate="start"
    )
    assert time_findings(a, b, NAMES)[0].weight is Label.CONFLICT
    # without that word, the two times are of two actions
    a = claim(a.text, predicate="tell", lemmas=("blaze", "staff", "tell", "stay"))
    assert time_findings(a, b, NAMES)[0].weight is Label.PARTIAL


def test_an_action_of_the_same_kind_makes_it_one() -> None:
    # "departed" and "took off": one departure, timed twice
    a = claim("The website said the flight departed at 07:21.", predicate="depart")
    b = claim(
        "The aircraft vanished from radar minutes after it took off at 7.05 am.",
        doc=1,
        predicate="vanish",
        lemmas=("aircraft", "vanish", "radar", "minute", "take"),
    )
    assert time_findings(a, b, NAMES)[0].weight is Label.CONFLICT
    # "landed" is another action
    b = claim("The aircraft landed at 7.05 am.", doc=1, predicate="land", lemmas=("land",))
    assert time_findings(a, b, NAMES)[0].weight is Label.PARTIAL


def test_times_of_two_actions_are_a_detail() -> None:
    a = claim("Crews arrived at 6:10pm.", predicate="arrive")
    b = claim("The roof collapsed at 7:40pm.", doc=1, predicate="collapse")
    (finding,) = time_findings(a, b, NAMES)
    assert finding.weight is Label.PARTIAL
    assert finding.reason.text.endswith("of different actions.")


def test_a_time_on_one_side_is_a_detail_with_one_full_stop() -> None:
    a = claim("The ferry sank at 2:05 p.m.")
    b = claim("The ferry sank.", doc=1)
    (finding,) = time_findings(a, b, NAMES)
    assert finding.weight is Label.PARTIAL
    assert finding.reason.text == "Only the first source says at what time: 2:05 p.m."


def test_the_time_of_a_briefing_is_not_when_it_happened() -> None:
    a = claim("According to a 3 p.m. briefing, the river was still rising.")
    b = claim("The river was still rising.", doc=1)
    assert time_findings(a, b, NAMES) == []
    c = claim("Officials said at a 5 p.m., press conference that it was rising.", doc=1)
    assert time_findings(a, c, NAMES) == []


def test_times_of_different_zones_are_not_compared() -> None:
    a = claim("It began at 10 a.m. PDT.", predicate="begin")
    b = claim("It began at 17:00 GMT.", doc=1, predicate="begin")
    assert time_findings(a, b, NAMES) == []
