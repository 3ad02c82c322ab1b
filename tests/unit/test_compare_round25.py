"""People aboard, casualties of one kind, ages a person has now, and names spelled two ways.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from claimdiff.align import OtherTimes
from claimdiff.clock import clock_times, same_time
from claimdiff.events import only_a_person_shared, same_person_name
from claimdiff.evidence import event_evidence
from claimdiff.evidence_keys import claim_keys
from claimdiff.extract import Extractor
from claimdiff.figures import age_holders, casualties_apart, number_conflicts
from claimdiff.model import Label
from claimdiff.slots import amounts, entity_lists
from claimdiff.statement import statement_claims
from tests.unit.helpers import extracted as extracted_on
from tests.unit.helpers import label_of

extracted = partial(extracted_on, published=dt.date(2024, 8, 10))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


def test_passengers_and_crew_count_everyone_aboard(extractor: Extractor) -> None:
    a = extracted(extractor, "A plane with 62 people aboard crashed in Sao Paulo state.")
    b = extracted(
        extractor,
        "The plane carrying 57 passengers and four crew crashed Friday in Sao Paulo state.",
        1,
    )
    assert ("57 passengers and four crew", "people", 61.0) in [
        (x.text, x.unit, x.value) for x in amounts(b)
    ]
    assert [(x, y) for _, x, y, _ in number_conflicts(a, b)] == [
        ("62 people", "57 passengers and four crew")
    ]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    # the parts stand in the total: said once, not again as details of one side
    assert (
        "The first source says 62 people; the second source says 57 passengers and four crew."
        in reasons
    )
    assert not any("Only" in r and "57 passengers" in r for r in reasons)


def test_passengers_and_crew_without_a_figure_for_the_crew_are_people(
    extractor: Extractor,
) -> None:
    b = extracted(
        extractor,
        "A plane crash in Brazil has resulted in the deaths of all 61 passengers and crew"
        " members on board.",
    )
    units = {(x.text, x.unit, x.fate) for x in amounts(b)}
    # all those aboard who died are a count of those aboard too
    assert ("61 passengers and crew members", "people", "aboard") in units
    assert ("61 passengers and crew members", "people", "dead") in units
    a = extracted(extractor, "A plane with 62 people aboard crashed in Sao Paulo state.", 1)
    assert number_conflicts(a, b)


def test_all_killed_aboard_meet_a_count_on_board(extractor: Extractor) -> None:
    a = extracted(extractor, "A small plane crashed, killing all nine people aboard.")
    b = extracted(extractor, "The plane had 11 people on board.", 1)
    assert number_conflicts(a, b)
    # a toll alone, without "all ... aboard", is no count of those aboard
    c = extracted(extractor, "A small plane crashed, killing nine people.")
    assert number_conflicts(c, b) == []


def test_two_passenger_lists_differ_once(extractor: Extractor) -> None:
    a = extracted(extractor, "The Fokker 100 had 93 passengers and five crew members on board.")
    b = extracted(extractor, "The plane took off with 95 passengers and five crew members.", 1)
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert [r for r in reasons if "93" in r] == [
        "The first source says 93 passengers; the second source says 95 passengers."
    ]


def test_crews_sent_are_teams_not_crew_members(extractor: Extractor) -> None:
    a = extracted(extractor, "The fire brigade said it had sent seven crews to the area.")
    b = extracted(extractor, "The plane carrying 57 passengers and four crew crashed.", 1)
    assert [x.unit for x in amounts(a)] == ["team"]
    assert number_conflicts(a, b) == []


def test_no_deaths_are_no_rival_of_a_count_of_the_injured(extractor: Extractor) -> None:
    a = extracted(extractor, "Police said there have been no reports of fatalities.")
    b = extracted(
        extractor,
        "A natural gas explosion rocked downtown Springfield on Friday evening, injuring 18"
        " people.",
        1,
    )
    assert not casualties_apart(a, b)
    assert event_evidence(a, b) is None
    # no one hurt against a count of the hurt, and no deaths against a toll, still are
    c = extracted(extractor, "Police said no one was hurt.")
    d = extracted(extractor, "No deaths were reported.")
    e = extracted(extractor, "At least 40 people were killed in the quake.", 1)
    assert casualties_apart(c, b)
    assert casualties_apart(d, e)


def test_the_age_a_person_has_now_meets_across_dates(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The now 74-year-old Mladic was arrested in Serbia in 2011 after a manhunt that lasted"
        " 16 years.",
    )
    b = extracted(
        extractor, "The now 75-year-old Mladic was acquitted of the first count of genocide.", 1
    )
    assert event_evidence(a, b) == (
        'they give figures that cannot both be right ("74-year-old" / "75-year-old")'
    )
    # an age tied to a time stays that time's
    c = extracted(extractor, "Mladic was 69 when he was arrested in Serbia in 2011.")
    assert event_evidence(c, b) is None


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("Bernard Kenny", "Bernard Carter-Kenny", True),
        ("Assad", "Bashar al-Assad", True),
        ("Jo Cox", "Joe Cox", True),
        ("Jon Smith", "John Smith", True),
        ("Sara Lee", "Sarah Lee", True),
        ("Katie Jenkin", "John Jenkin", False),
        ("Dan Cox", "Dana Cox", False),
        ("Mark Cox", "Marc Cox", False),
    ],
)
def test_a_name_written_two_ways(x: str, y: str, same: bool) -> None:
    assert same_person_name(x, y) is same
    assert same_person_name(y, x) is same


def test_ages_of_a_double_barrelled_name_conflict(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Bernard Kenny, 78, who was stabbed as he tried to halt the onslaught, described"
        " Mair's actions as a pure act of evil.",
    )
    b = extracted(
        extractor,
        "Mair was also found guilty of grievous bodily harm of a passer-by, Bernard"
        " Carter-Kenny, 77, who was stabbed.",
        1,
    )
    assert label_of(a, b)[0] is Label.CONFLICT


def test_a_place_in_the_speakers_title_is_no_member_of_a_list(extractor: Extractor) -> None:
    b = extracted(
        extractor,
        "He has been linked to 12 murders spanning 10 counties up and down the state of"
        " California, Sacramento County District Attorney Anne Marie Schubert said.",
    )
    assert entity_lists(b) == []


def test_a_time_of_day_in_gmt_is_no_year(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Upadhyay said he was in a nearby village when the quake struck at 2.12 am (2027 GMT).",
    )
    assert [d.text for d in a.dates] == []
    (b,) = statement_claims(["The law changes in 2027, at 20:27 GMT."], dt.date(2022, 11, 9))
    assert [d.text for d in b.dates] == ["2027"]


def test_shots_told_three_ways_are_one_count(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Mair shouted as he fired three shots at Mrs Cox and stabbed her 15 times on June 16.",
    )
    b = extracted(extractor, "She was shot twice with a rifle and stabbed 15 times.", 1)
    assert [(x, y) for _, x, y, _ in number_conflicts(a, b)] == [("three shots", "shot twice")]
    assert label_of(a, b)[0] is Label.CONFLICT
    c = extracted(extractor, "He died in hospital after being shot four times outside his home.")
    d = extracted(extractor, "His wife said he was hit by two bullets as he left his home.", 1)
    assert [(x, y) for _, x, y, _ in number_conflicts(c, d)] == [("shot four times", "two bullets")]
    # times of anything else are no shots: "stabbed 15 times" meets "stabbed 15 times"
    assert [x.unit for x in amounts(b)].count("time") == 1
    e = extracted(extractor, "The region was hit twice by storms and struck three times by quakes.")
    assert all(x.unit != "shot" for x in amounts(e))


def test_a_toll_is_read_past_a_quotation_mark(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The Central Committee of Sudanese Doctors updated the death toll \u201craising the"
        " number of martyrs to 13\u201d in a Facebook statement.",
    )
    b = extracted(
        extractor, "The committee earlier said nine protesters had been killed in the dispersal.", 1
    )
    assert [(x.text, x.fate) for x in amounts(a)] == [("13", "dead")]
    assert label_of(a, b)[0] is Label.CONFLICT


def test_a_person_written_by_the_surname_alone_is_named_on_both_sides(
    extractor: Extractor,
) -> None:
    a = extracted(
        extractor,
        "Armenian Prime Minister Nikol Pashinyan called the deal incredibly painful.",
    )
    b = extracted(extractor, "Pashinyan called the text of the agreement incredibly painful.", 1)
    assert not any("Nikol Pashinyan" in r for r in label_of(a, b)[1])
    # another person of that surname is another person
    c = extracted(extractor, "John Jenkin, 23, was arrested near the terraced house.")
    d = extracted(
        extractor,
        "Police found the bodies of Alice McMeekin, 58, and her daughter Katie Jenkin.",
        1,
    )
    assert any("John Jenkin" in r for r in label_of(c, d)[1])


def test_a_bound_met_among_counts_of_other_fates_can_both_be_right(
    extractor: Extractor,
) -> None:
    a = extracted(extractor, "Three people have died from HUS in the north of Germany.")
    b = extracted(
        extractor,
        "The Robert Koch Institute, the national disease centre, says that more than 200 people"
        " have been diagnosed as suffering from haemolytic uraemic syndrome (HUS), caused by"
        " EHEC, and that at least two people have died.",
        1,
    )
    assert number_conflicts(a, b) == []
    assert (
        "The first source says three people; the second source says at least two people:"
        " both can be right." in label_of(a, b)[1]
    )


@pytest.mark.parametrize(
    "text",
    [
        "The explosion levelled the business, sending at least eight people to the local trauma"
        " center.",
        "Four people were taken to a hospital in Carlisle.",
    ],
)
def test_a_count_taken_to_hospital_is_some_of_the_hurt(extractor: Extractor, text: str) -> None:
    a = extracted(extractor, text)
    b = extracted(extractor, "A gas explosion rocked downtown Springfield, injuring 18 people.", 1)
    assert [(x.fate, x.severity) for x in amounts(a)] == [("hurt", "hospital")]
    assert number_conflicts(a, b) == []
    assert any("(taken to hospital)" in r for r in label_of(a, b)[1])


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("collapsed at around 11:30 local time", "collapsed shortly before noon", True),
        ("at 12:10", "shortly before noon", False),
        ("at 12:10", "shortly after noon", True),
        ("around 5:30pm", "around 5:00pm", False),
    ],
)
def test_a_time_shortly_before_or_after_reaches_one_way(x: str, y: str, same: bool) -> None:
    (tx,), (ty,) = clock_times(x), clock_times(y)
    assert same_time(tx, ty) is same
    assert same_time(ty, tx) is same


def test_one_action_timed_apart_is_evidence_of_one_event(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The Flightradar24 information website said the flight departed at 07:21 (01:21 GMT).",
    )
    b = extracted(
        extractor,
        "The aircraft disappeared from the radar minutes after it took off from Almaty airport"
        " at 7.05 am (01:05 GMT), the airport authority said.",
        1,
    )
    assert event_evidence(a, b) == (
        'they time one kind of event (depart) apart ("07:21" / "7.05 am")'
    )
    assert claim_keys(a, 0) & claim_keys(b, 1)
    # one moment, told two ways, is no evidence of a contradiction
    c = extracted(extractor, "The plane took off from Almaty airport at 7:05 a.m.", 1)
    assert event_evidence(b, c) is None


def test_two_ages_of_one_named_person_are_one_fact_told_apart(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The now 74-year-old Mladic was arrested in Serbia in 2011 after a manhunt that lasted"
        " 16 years.",
    )
    b = extracted(
        extractor,
        "Without him being present in the courtroom, the now 75-year-old Mladic was acquitted of"
        " the first count of genocide.",
        1,
    )
    assert age_holders(a) == [(74.0, "Mladic")]
    assert not only_a_person_shared(a, b)  # not two facts about one man
    assert (0, 0) not in OtherTimes([a], [b])  # his age now, whatever the claims date
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert "The first source says 74-year-old; the second source says 75-year-old." in reasons
    # the ages of two men stay two facts
    c = extracted(
        extractor,
        "San Antonio police Chief William McManus identified the officer as Benjamin Marconi, 50.",
    )
    d = extracted(
        extractor,
        "A SWAT team arrested 31-year-old San Antonio resident Otis Tyrone McKane, said Police"
        " Chief William McManus.",
        1,
    )
    assert only_a_person_shared(c, d)
