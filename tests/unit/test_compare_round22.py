"""Counts of "other" people hurt, missing or rescued, tolls whose noun stands far before their
figure, bare counts of what people underwent, two approximate figures, and times "about" an
odd minute.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from claimdiff.evidence import event_evidence
from claimdiff.extract import Extractor
from claimdiff.figures import same_moment
from claimdiff.model import Label
from claimdiff.slots import amounts, amounts_from_text, casualty_claim, consistent
from tests.unit.helpers import claim, label_of
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2018, 9, 21))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set apart from the dead: all the hurt, missing or rescued
        ("Twelve other people were being treated for injuries at a hospital.", ""),
        ("They said another 12 service members were wounded.", ""),
        ("Four other people remain missing.", ""),
        # some besides those told: more of the dead, more arrests, "more"
        ("Three other people died in hospital.", "more"),
        ("The police said another two had been arrested.", "more"),
        ("Three more people were injured.", "more"),
        ("Two other executives left the company.", "more"),
    ],
)
def test_a_count_of_others_is_all_of_a_fate_apart_from_the_dead(
    extractor: Extractor, text: str, role: str
) -> None:
    (count,) = amounts(extracted(extractor, text))
    assert count.role == role


def test_other_people_hurt_are_compared_with_a_count_of_the_hurt(extractor: Extractor) -> None:
    a = extracted(extractor, "Twelve other people were being treated for injuries, Kamble said.")
    b = extracted(extractor, "More than 15 people were injured in the accident.", 1)
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert (
        "The first source says twelve other people; the second source says more than 15 people."
        in reasons
    )


def test_another_count_of_arrests_still_meets_its_own_kind(extractor: Extractor) -> None:
    a = extracted(extractor, "The spokesman confirmed that another two men had been arrested.")
    b = extracted(extractor, "The spokesman confirmed that another two had been arrested.", 1)
    label, reasons = label_of(a, b)
    assert label is Label.AGREE, reasons


@pytest.mark.parametrize(
    ("text", "fate", "casualties"),
    [
        # the toll's noun, however far before its figure, tells what it counts
        ("The death toll from Tanzania's ferry disaster hit 136 on Friday.", "dead", "some"),
        ("The toll in Derna had surpassed 2,000.", "dead", "some"),
        # bodies, with no word of death or toll before them, count no toll
        ("Fifteen bodies were pulled from the mangled carriages.", "dead", None),
        # a figure after the toll's sentence has ended is no toll
        ("The toll was not known. Rescuers searched 40 houses.", "", None),
    ],
)
def test_a_toll_far_before_its_figure(text: str, fate: str, casualties: str | None) -> None:
    found = amounts(claim(text))
    assert [x.fate for x in found if x.value >= 15] == [fate]
    assert casualty_claim(claim(text)) == casualties


def test_two_tolls_far_from_their_figures_contradict(extractor: Extractor) -> None:
    a = extracted(extractor, "The death toll from Tanzania's ferry disaster hit 136 on Friday.")
    b = extracted(extractor, "The toll now stands at more than 40 dead, the spokesman said.", 1)
    assert event_evidence(a, b) is not None


@pytest.mark.parametrize(
    ("text", "unit", "fate"),
    [
        ("102 have been rescued", "people", "rescued"),
        ("12 were killed", "people", "dead"),
        ("another two had been arrested", "", "held"),
    ],
)
def test_a_bare_count_of_people_killed_hurt_or_rescued_counts_people(
    text: str, unit: str, fate: str
) -> None:
    (count,) = amounts(claim(text))
    assert (count.unit, count.fate) == (unit, fate)


def test_two_counts_of_the_rescued_contradict(extractor: Extractor) -> None:
    a = extracted(extractor, "Thirty-seven people were rescued after the MV Nyerere sank.")
    b = extracted(extractor, "A local official said 102 have been rescued.", 1)
    evidence = event_evidence(a, b)
    assert evidence is not None
    assert "rescue" in evidence


@pytest.mark.parametrize(
    ("x", "y", "agree"),
    [
        # two approximate figures are each their source's rounding
        ("about 60 miles", "about 80 miles", False),
        ("about 1,300 people", "some 1,200 people", True),
        ("around 5,000 people", "roughly 5,500 people", True),
        # one approximate figure: its range, as before ("some 700 metres" / "2,000ft")
        ("about 60 miles", "70 miles", True),
    ],
)
def test_two_approximate_figures(x: str, y: str, agree: bool) -> None:
    (first,), (second,) = amounts_from_text(x), amounts_from_text(y)
    assert consistent(first, second) is agree


def test_a_vague_count_is_no_rounding_of_a_figure(extractor: Extractor) -> None:
    a = extracted(extractor, "Hundreds of people were injured in the blast.")
    b = extracted(extractor, "About 300 people were injured in the blast.", 1)
    assert label_of(a, b)[0] is not Label.CONFLICT


def test_about_60_miles_and_about_80_miles_conflict(extractor: Extractor) -> None:
    a = extracted(
        extractor, "The helicopter crashed near Nipton, about 60 miles south of Las Vegas."
    )
    b = extracted(
        extractor,
        "The helicopter crashed near Halloran Springs, about 80 miles south of Las Vegas.",
        1,
    )
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert any("about 60 miles" in r and "about 80 miles" in r for r in reasons)


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        # an odd minute, though "about", is a time read off a record
        (
            "The charter flight crashed near Halloran Springs about 10:08 pm, Graham said.",
            "The first reports of the fiery crash began about 10:08 p.m. Friday.",
            True,
        ),
        # a round one is a guess
        (
            "The bus crashed around 5:30pm on the highway.",
            "The first reports of the bus crash came around 5:30pm.",
            False,
        ),
    ],
)
def test_a_time_about_an_odd_minute_is_one_moment(
    extractor: Extractor, x: str, y: str, same: bool
) -> None:
    a, b = extracted(extractor, x), extracted(extractor, y, 1)
    assert (same_moment(a, b) is not None) is same


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Thirty-two of them were critically injured.", "critical"),
        ("The blast injured hundreds of others, 90 of them seriously.", "serious"),
        ("Five people were hurt, including two critically.", "critical"),
        ("Eight people were slightly injured.", "slight"),
        ("Five people were injured.", ""),
        # no wound
        ("Five people are critically ill with cholera.", ""),
    ],
)
def test_how_badly_a_count_was_hurt(extractor: Extractor, text: str, severity: str) -> None:
    found = amounts(extracted(extractor, text))
    assert [x.severity for x in found if x.value in (2, 5, 8, 32, 90)][-1] == severity


@pytest.mark.parametrize(
    ("x", "y", "label"),
    [
        # the critically and the seriously injured are two counts
        (
            "Thirty-two of them were critically injured, it said.",
            "The blast killed at least 47 people and injured hundreds, 90 of them seriously.",
            Label.PARTIAL,
        ),
        # as are the seriously injured and all the injured
        (
            "Ninety people were seriously injured in the blast.",
            "More than 600 people were injured in the blast.",
            Label.PARTIAL,
        ),
        # one severity: compared
        (
            "Thirty-two people were critically injured in the blast.",
            "Forty people were critically injured in the blast.",
            Label.CONFLICT,
        ),
    ],
)
def test_counts_of_the_hurt_compared_by_how_badly(
    extractor: Extractor, x: str, y: str, label: Label
) -> None:
    a, b = extracted(extractor, x), extracted(extractor, y, 1)
    assert label_of(a, b)[0] is label


def test_a_count_s_own_noun_tells_its_fate_before_a_noun_further_back() -> None:
    text = "By late Monday, 398 people were reported dead and 1,891 injured from the quake."
    assert [(x.value, x.fate) for x in amounts(claim(text))] == [(398, "dead"), (1891, "hurt")]


def test_a_reason_says_how_badly_a_count_was_hurt(extractor: Extractor) -> None:
    a = extracted(
        extractor, "Five people were seriously injured, including two critically, as houses fell."
    )
    b = extracted(extractor, "Houses collapsed in the quake.", 1)
    assert "(critically hurt)" in " ".join(label_of(a, b)[1])


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        # past an aside on who was among them
        ("Nine people, including four children were killed in the strikes.", "dead"),
        ("Five people, including the pilot of the express, died on the spot.", "dead"),
        # an aside with no fate after it tells none
        ("Nine people, including four children, attended the meeting.", ""),
    ],
)
def test_a_count_s_fate_past_an_aside(extractor: Extractor, text: str, fate: str) -> None:
    first = amounts(extracted(extractor, text))[0]
    assert first.fate == fate


def test_a_toll_is_no_count_of_the_hurt_the_other_gives(extractor: Extractor) -> None:
    a = extracted(
        extractor, "An official said the attack left seven people dead and another nine injured."
    )
    b = extracted(extractor, "Nine people, including four children were killed in the strikes.", 1)
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert "The first source says seven people; the second source says nine people." in reasons


def test_a_place_along_a_course_is_no_length_of_it(extractor: Extractor) -> None:
    a = extracted(
        extractor, "It was Kiptum's third victory in as many starts over the 26.2-mile distance."
    )
    b = extracted(
        extractor, "Kiptum sped up through the 35-kilometre mark before thrusting his arms up.", 1
    )
    assert [x.role for x in amounts(b)] == ["mark"]
    assert label_of(a, b)[0] is not Label.CONFLICT


def test_stopping_short_of_an_action_denies_it(extractor: Extractor) -> None:
    a = extracted(extractor, "Maxwell stopped short of apologizing to the victims.")
    b = extracted(extractor, "Maxwell apologized to the victims, reports the BBC.", 1)
    assert (a.predicate, a.negated) == ("apologize", True)
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert "The first source says it did not happen; the second source says it did." in reasons


@pytest.mark.parametrize(
    ("x", "y", "one_event"),
    [
        # a score or a record is one team's: two teams' are no contradiction
        (
            "Stanford (46-15) takes on South Carolina today in the College World Series.",
            "The Phillies were upset when Counsell stole with the Diamondbacks up 7-1.",
            False,
        ),
        # one team's two scores at one moment are
        (
            "The Spurs led the Nets 60-50 at halftime in San Antonio.",
            "At halftime the Spurs were ahead 62-50 against the Nets.",
            True,
        ),
    ],
)
def test_scores_contradict_only_of_one_team(
    extractor: Extractor, x: str, y: str, one_event: bool
) -> None:
    a, b = extracted(extractor, x), extracted(extractor, y, 1)
    assert (event_evidence(a, b) is not None) is one_event
