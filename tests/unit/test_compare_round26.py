"""Temperatures, race times, factors, the ages of a group, sums paid in part, model numbers
and titles without a stop.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import numpy as np
import pytest

from claimdiff.align import BY_EVENT, BY_SCORE, OtherTimes, Scored, choose_bases
from claimdiff.events import persons, persons_clash, same_person_name, shared_events
from claimdiff.evidence import dated_apart, event_evidence
from claimdiff.extract import Extractor
from claimdiff.extract.entities import canonical_name
from claimdiff.figures import number_conflicts
from claimdiff.model import Label
from claimdiff.settings import Settings
from claimdiff.slots import amounts, amounts_from_text, entity_lists
from tests.unit.helpers import extracted as extracted_on
from tests.unit.helpers import label_of

extracted = partial(extracted_on, published=dt.date(2019, 9, 8))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


@pytest.mark.parametrize(
    ("text", "written", "celsius"),
    [
        ("A new record was set on June 28 in Verargues, with 46.0\u00b0C.", "46.0\u00b0C", 46.0),
        ("A temperature of 45.9 degrees Celsius was recorded.", "45.9 degrees Celsius", 45.9),
        ("The mercury hit 40C in London on Tuesday.", "40C", 40.0),
        ("It was 38 \u00baC in Seville on Monday.", "38 \u00baC", 38.0),
        # Fahrenheit is compared in Celsius
        ("Phoenix reached 104F on Sunday.", "104F", 40.0),
        ("It reached 114.8 Fahrenheit in the south.", "114.8 Fahrenheit", 46.0),
    ],
)
def test_temperatures_are_read_in_celsius(
    extractor: Extractor, text: str, written: str, celsius: float
) -> None:
    found = [(x.text, x.unit, round(x.value, 1)) for x in amounts(extracted(extractor, text))]
    assert found == [(written, "\u00b0c", celsius)]


def test_two_records_in_celsius_and_fahrenheit_conflict(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "In France, a new record was set on June 28 in Verargues, with 46.0\u00b0C, according"
        " to Meteo France.",
    )
    b = extracted(
        extractor,
        "On June 28, a temperature of 45.9 degrees Celsius (114.6 Fahrenheit) was recorded"
        " in France, the highest ever recorded in the country.",
        1,
    )
    assert [(x, y) for _, x, y, _ in number_conflicts(a, b)] == [
        ("46.0\u00b0C", "45.9 degrees Celsius and 114.6 Fahrenheit")
    ]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert any("46.0\u00b0C" in r and "45.9 degrees Celsius" in r for r in reasons)
    # one temperature told in both scales agrees with itself
    c = extracted(extractor, "It was 45.9 degrees Celsius in Gallargues-le-Montueux.", 1)
    d = extracted(extractor, "It was 114.6 Fahrenheit in Gallargues-le-Montueux.")
    assert number_conflicts(c, d) == []


def test_a_factor_counts_no_noun_after_it(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "We managed to cut mortality by a factor of 10 thanks to preventative measures, she said.",
    )
    assert [(x.text, x.unit) for x in amounts(a)] == [("10", "factor")]
    b = extracted(
        extractor, "We have succeeded to reduce fatalities by a factor of 10, she said.", 1
    )
    _, reasons = label_of(a, b)
    assert not any("thanks" in r for r in reasons)
    assert not any("Only" in r and "10" in r for r in reasons)


def test_the_ages_of_a_group_are_no_count_of_people(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Half of the people killed this summer were elderly people over the age of 75, while"
        " 10 people died at work.",
    )
    b = extracted(
        extractor, "Half of the people who died in the heat waves were over 75, Buzyn said.", 1
    )
    assert ("over 75", "year-old", "limit") in [(x.text, x.unit, x.role) for x in amounts(b)]
    assert ("75", "year-old", "limit") in [(x.text, x.unit, x.role) for x in amounts(a)]
    assert number_conflicts(a, b) == []
    label, _ = label_of(a, b)
    assert label is not Label.CONFLICT
    # "over" a figure that is no age stays a count
    c = extracted(extractor, "More than 1,500 people died, and the dead were over 75 in all.")
    assert all(x.unit != "year-old" for x in amounts(c))


def test_an_age_tagged_as_a_date_is_read(extractor: Extractor) -> None:
    a = extracted(extractor, "He died at the age of 75 in a hospital in Lyon.")
    assert [(x.text, x.unit) for x in amounts(a)] == [("75", "year-old")]


def test_a_model_after_its_makers_name_is_no_figure(extractor: Extractor) -> None:
    a = extracted(extractor, "The Boeing 737 crashed into the Java Sea on Monday.")
    assert amounts(a) == []
    # a figure with its unit after a name is still a figure
    b = extracted(extractor, "Boeing 12 weeks ago said that 20 planes were grounded.")
    assert ("20 planes", "plane") in [(x.text, x.unit) for x in amounts(b)]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sgt Shalit", "Shalit"),
        ("Lt Col Mark Smith", "Mark Smith"),
        ("Det Insp Jane Roe", "Jane Roe"),
        ("Cpl. Lee", "Lee"),
        ("Cllr John Smith", "John Smith"),
        ("Supt Mike Fox", "Mike Fox"),
        ("PC Andrew Harper", "PC Andrew Harper"),  # "PC" is left alone: a computer, too
    ],
)
def test_titles_without_a_stop_are_no_part_of_a_name(written: str, name: str) -> None:
    assert canonical_name(written, "PERSON") == (name, "PERSON")


def test_a_soldier_by_his_rank_and_surname_is_one_person(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "ISRAELI soldier Gilad Shalit has been reunited with his family in a deal that saw 477"
        " Palestinian prisoners walk free.",
    )
    b = extracted(
        extractor,
        "Crowds welcomed home the 477 prisoners released by Israel in return for Sgt Shalit,"
        " who was seized by Palestinian militants.",
        1,
    )
    assert [p.canonical for p in persons(b)] == ["Shalit"]
    assert not persons_clash(a, b)


def test_a_pair_scored_well_but_best_of_neither_claim_links_on_a_contradiction() -> None:
    # "left at least 25 dead" / "killed 23 people": each claim has a better partner, yet the
    # two tolls are at odds about one attack, which the analyst must see
    pairs = [(0, 0), (1, 1), (1, 0)]
    scored = Scored(pairs, np.zeros((3, 0)), (), np.asarray([0.9, 0.9, 0.3]))
    settings = Settings()
    assert [(i, j, basis) for i, j, _, basis in choose_bases(scored, settings)] == [
        (0, 0, BY_SCORE),
        (1, 1, BY_SCORE),
    ]
    linked = choose_bases(scored, settings, contradicting=frozenset({(1, 0)}))
    assert [(i, j, basis) for i, j, _, basis in linked] == [
        (0, 0, BY_SCORE),
        (1, 1, BY_SCORE),
        (1, 0, BY_EVENT),
    ]


def test_a_sum_paid_in_cash_with_the_rest_in_stock_is_part_of_the_price(
    extractor: Extractor,
) -> None:
    a = extracted(
        extractor, "AMD is paying $281 million in cash for SeaMicro and the remainder in stock."
    )
    b = extracted(extractor, "AMD said it will pay $334 million for SeaMicro Inc.", 1)
    assert [(x.text, x.unit) for x in amounts(a)] == [("$281 million", "usd (part)")]
    assert number_conflicts(a, b) == []
    # a sum paid in cash alone is the price
    c = extracted(extractor, "AMD is paying $281 million in cash for SeaMicro.")
    assert [(x, y) for _, x, y, _ in number_conflicts(c, b)] == [("$281 million", "$334 million")]


def test_a_race_time_in_hours_minutes_and_seconds(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Gladys Cherono won the women's race in 2 hours, 18 minutes, 11 seconds, a women's"
        " record for the Berlin marathon.",
    )
    b = extracted(
        extractor,
        "Kenya's Gladys Cherono also won the Berlin marathon after running 2:18:10 (unofficial).",
        1,
    )
    assert [(x.text, x.unit, x.value) for x in amounts(a)] == [
        ("2 hours, 18 minutes, 11 seconds", "second", 8291)
    ]
    assert [(x.text, x.unit, x.value) for x in amounts(b)] == [("2:18:10", "second", 8290)]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert any("2 hours, 18 minutes, 11 seconds" in r and "2:18:10" in r for r in reasons)
    # the same time, written both ways, agrees
    c = extracted(extractor, "Kipchoge won the race in 2 hours, 1 minute, 39 seconds.")
    d = extracted(extractor, "Kipchoge set the record after running 2:01:39.", 1)
    assert number_conflicts(c, d) == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended at 10:30:15 local time.",
        "The quake hit at 02:18:10 GMT on Sunday.",
    ],
)
def test_a_time_of_day_to_the_second_is_no_figure(extractor: Extractor, text: str) -> None:
    assert amounts(extracted(extractor, text)) == []


def test_a_time_first_given_then_corrected_is_an_earlier_value(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Organizers initially put Kipchoge's time at 2 hours, 1 minute, 40 seconds, but later"
        " reduced it by one second.",
    )
    first = next(x for x in amounts(a) if x.unit == "second" and x.value == 7300)
    assert first.role == "earlier"


def test_a_year_placed_by_its_season_dates_the_verb(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Kipchoge won his marathon debut in Hamburg in the spring of 2013 running 2:05:30.",
    )
    assert [(d.text, d.verb) for d in a.dates] == [("2013", "win")]
    b = extracted(
        extractor,
        "Eliud Kipchoge set a marathon world record in Berlin in 2 hours, 1 minute, 39 seconds"
        " on Sunday.",
        1,
    )
    assert (0, 0) in OtherTimes([a], [b])


def test_the_oldest_at_an_age_is_an_age(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Brian Reader, the oldest at 76 and one of the ringleaders, was too ill to be sentenced"
        " on Wednesday.",
    )
    b = extracted(
        extractor,
        "The group's oldest member Brian Reader, 77, of Dartford Road, had also been due to be"
        " sentenced.",
        1,
    )
    assert [(x.unit, x.value) for x in amounts(a)] == [("year-old", 76)]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert any("the oldest at 76" in r and "77" in r for r in reasons)


def test_what_a_deal_consists_of_is_one_count(extractor: Extractor) -> None:
    a = extracted(
        extractor, "According to the Russian news agency Interfax, the truce was a 14-point deal."
    )
    b = extracted(
        extractor,
        "Heidi Tagliavini told the Associated Press that the deal reached in Minsk consisted of"
        " 12 points, including a ceasefire monitoring regime and prisoner exchange.",
        1,
    )
    evidence = event_evidence(a, b)
    assert evidence is not None
    assert evidence.endswith('cannot both be right ("14-point deal" / "12 points")')


@pytest.mark.parametrize(
    ("report", "other"),
    [
        (
            "Police officer Major Mohamed Hussein said the death toll could rise above the 25"
            " people already confirmed killed.",
            "Saturday's attack came two weeks after more than 350 people were killed in a"
            " massive truck bombing on a busy Mogadishu street.",
        ),
        (
            "At least 20 people were killed in a major fire that broke out at Sum Hospital in"
            " Bhubaneswar late on Monday.",
            "In a separate incident, two people died early yesterday morning when a high-rise"
            " luxury apartment block in the western city of Mumbai caught fire.",
        ),
    ],
)
def test_an_event_weeks_before_or_a_separate_incident_is_another_event(
    extractor: Extractor, report: str, other: str
) -> None:
    a, b = extracted(extractor, report), extracted(extractor, other, 1)
    assert dated_apart(a, b)
    assert event_evidence(a, b) is None


def test_an_event_days_before_may_be_the_same(extractor: Extractor) -> None:
    # days after may be the same event's first toll
    a = extracted(extractor, "Police said 25 people were confirmed killed.")
    c = extracted(extractor, "The blast came two days after 25 people were killed.", 1)
    assert not dated_apart(a, c)


def test_talks_and_negotiations_of_a_ceasefire_and_a_truce_are_one_kind_of_event(
    extractor: Extractor,
) -> None:
    a = extracted(
        extractor,
        "The ceasefire began at 1500 GMT following talks between representatives of Ukraine,"
        " Russia and pro-Russian rebels.",
    )
    b = extracted(
        extractor,
        "The truce, reached after two hours of negotiations in Minsk, is to come into force at"
        " 6 p.m. local time (1500 GMT).",
        1,
    )
    assert shared_events(a, b) == {"meet", "truce"}


def test_people_who_passed_away_are_a_toll(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "A total of 1,435 people passed away during the heatwaves including 567 during the"
        " first wave in late June to early July, Agnes Buzyn told France Info.",
    )
    b = extracted(
        extractor,
        "According to the French health minister, a pair of deadly heat waves that hit France"
        " in summer was responsible for the deaths of at least 1500 people.",
        1,
    )
    assert ("1,435 people", "dead") in [(x.text, x.fate) for x in amounts(a)]
    # the stretch of months the heat waves ran through places no earlier event apart
    assert not dated_apart(a, b)
    evidence = event_evidence(a, b)
    assert evidence is not None
    assert evidence.endswith('("1,435 people" / "at least 1500 people")')
    # a month alone still recalls another event
    c = extracted(extractor, "In June, 435 people passed away in a heat wave, Buzyn said.")
    assert dated_apart(c, b)


def test_people_taken_to_hospital_with_critical_injuries_are_the_critically_hurt(
    extractor: Extractor,
) -> None:
    a = extracted(extractor, "Six people were taken to hospitals with critical injuries.")
    b = extracted(
        extractor,
        "Fire officials said more than 50 others were taken to area hospitals, six of them"
        " critically injured.",
        1,
    )
    assert [(x.fate, x.severity) for x in amounts(a)] == [("hurt", "critical")]
    assert number_conflicts(a, b) == []
    # taken to hospital, no more said: some of the hurt
    c = extracted(extractor, "Six people were taken to hospitals, officials said.")
    assert [(x.fate, x.severity) for x in amounts(c)] == [("hurt", "hospital")]


def test_rebels_are_people_not_a_kind_of_event(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "The ceasefire began at 1500 GMT following talks between representatives of Ukraine,"
        " Russia and pro-Russian rebels.",
    )
    b = extracted(
        extractor,
        "Ukraine and Western governments have accused Russia of sending troops into eastern"
        " Ukraine to support the separatist rebels.",
        1,
    )
    assert "fight" not in shared_events(a, b)
    assert event_evidence(a, b) is None


def test_a_name_that_modifies_a_word_is_no_list_member(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Ukraine and Russian-backed separatists have agreed a ceasefire deal, according to a"
        " European official.",
    )
    assert entity_lists(a) == []
    b = extracted(extractor, "Ukraine and Russia have agreed a ceasefire deal.", 1)
    assert [[e.canonical for e in group] for group in entity_lists(b)] == [["Ukraine", "Russia"]]


def test_deaths_above_the_usual_are_one_figure(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Nearly 1,500 more people than average died in France this summer because of the"
        " heatwaves, the country's Health Minister announced on Sunday.",
    )
    b = extracted(
        extractor,
        "Health Minister Agnes Buzyn said that close to 1500 people perished in the heat waves"
        " in France, 1000 more than the average number.",
        1,
    )
    assert [(x.text, x.unit, x.role) for x in amounts(b)] == [
        ("close to 1500 people", "people", ""),
        ("1000 more", "people", "excess"),
    ]
    assert [(x, y) for _, x, y, _ in number_conflicts(a, b)] == [
        ("nearly 1,500 more people", "1000 more")
    ]
    label, _ = label_of(a, b)
    assert label is Label.CONFLICT
    # "more than" a figure is a bound, not a count above the usual
    c = extracted(extractor, "More than 1,500 people died in France this summer.")
    assert all(x.role != "excess" for x in amounts(c))


def test_a_babys_age_in_days_and_in_months_is_one_figure(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "A couple and their 36-day-old baby rescued on Saturday morning remained the only"
        " survivors of the tragedy.",
    )
    b = extracted(
        extractor,
        "A couple and their two-month-old baby were the only survivors reported to have been"
        " found alive.",
        1,
    )
    assert [(x.unit, round(x.value, 3)) for x in amounts(a)] == [("year-old", 0.099)]
    assert [(x.unit, round(x.value, 3)) for x in amounts(b)] == [("year-old", 0.167)]
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert any("36-day-old" in r and "two-month-old" in r for r in reasons)
    c = extracted(extractor, "His 18-month-old son survived.")
    assert [(x.unit, x.value) for x in amounts(c)] == [("year-old", 1.5)]
    # read from the text alone too
    assert [(x.unit, round(x.value, 3)) for x in amounts_from_text("a 36-day-old baby")] == [
        ("year-old", 0.099)
    ]


def test_two_counts_of_the_missing_are_one_fact(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Thirteen climbers have died and another 10 are missing in Indonesia following the"
        " eruption of a volcano in West Sumatra, officials said.",
    )
    b = extracted(
        extractor,
        "Meanwhile, rescue efforts persist in the search for 12 individuals still considered"
        " missing.",
        1,
    )
    assert ("Thirteen climbers", "climber", "dead") in [
        (x.text, x.unit, x.fate) for x in amounts(a)
    ]
    assert [(x.unit, x.fate) for x in amounts(b)] == [("people", "missing")]
    evidence = event_evidence(a, b)
    assert evidence is not None
    assert evidence.endswith('("10" / "12 individuals")')


@pytest.mark.parametrize(
    "text",
    [
        "Speaking on France Inter radio on Sunday, Health Minister Agnes Buzyn said that close"
        " to 1500 people perished in the heat waves.",
        "Finance Minister Bill Morneau said the budget would balance by 2021.",
    ],
)
def test_a_ministry_in_a_title_is_no_name(extractor: Extractor, text: str) -> None:
    claim = extracted(extractor, text)
    assert not any(e.text in ("Health", "Finance") for e in claim.entities)
    assert claim.speaker in ("Agnes Buzyn", "Bill Morneau")


@pytest.mark.parametrize(
    ("x", "y", "one"),
    [
        ("August the Strong", "Augustus the Strong", True),
        ("Chris Smith", "Christopher Smith", True),
        ("Dan Smith", "Dana Smith", False),  # too short to be a short form
        ("John Jenkin", "Katie Jenkin", False),
        ("Frank Ocean", "Franklin Roosevelt", False),  # the rest of the name differs
    ],
)
def test_a_given_name_written_short_and_in_full(x: str, y: str, one: bool) -> None:
    assert same_person_name(x, y) is one


def test_females_are_women_and_males_men(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Bodies of 19 males, eight females and three children were recovered so far, a duty"
        " officer of the Fire Service confirmed.",
    )
    b = extracted(
        extractor,
        "Police said they found 32 bodies including, seven women and three children.",
        1,
    )
    assert [x.unit for x in amounts(a)] == ["man", "woman", "child"]
    assert [(x, y) for _, x, y, _ in number_conflicts(a, b)] == [("eight females", "seven women")]
