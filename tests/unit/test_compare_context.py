"""Figures, casualties, lists and dates read in their context before they are compared.

Each case comes from a real report pair where the words around a figure or a name
changed what it meant: a depth is not a distance, a forecast is not a toll, "no deaths
in Iran" does not deny deaths in Pakistan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial

import pytest

from claimdiff.align import Candidate
from claimdiff.compare import classify
from claimdiff.evidence import dated_apart, event_conflict
from claimdiff.extract import Extractor
from claimdiff.model import Claim, DateMention, Document, Label, ReasonKind
from claimdiff.slots import amounts, casualty_claim
from tests.unit.helpers import claim, label_of
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2013, 4, 16))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


def dated_pair(extractor: Extractor, text_a: str, text_b: str, day: dt.date) -> tuple[Claim, Claim]:
    """The first claims of two reports dated ``day``."""
    (a,) = extractor.extract(Document(0, "t", "s", text_a, "x", published=day))
    (b,) = extractor.extract(Document(1, "t", "s", text_b, "y", published=day))
    return a, b


IRAN = ("Iran", "Iran", "GPE")
PAKISTAN = ("Pakistan", "Pakistan", "GPE")


@pytest.mark.parametrize(
    ("none_text", "none_names", "some_text", "some_names", "conflict"),
    [
        # two countries: no deaths in one is no denial of deaths in the other
        (
            "An official told ISNA there had been no deaths reported in Iran.",
            (IRAN,),
            "The quake killed at least 13 people in neighbouring Pakistan.",
            (IRAN[:0] or ("Pakistan", "Pakistan", "GPE"),),
            False,
        ),
        # the people named for their country say where: "Pakistani officials"
        (
            "An official told ISNA there had been no deaths reported in Iran.",
            (IRAN,),
            "Pakistani officials said at least eight people were killed.",
            (("Pakistani", "Pakistan", "NORP"),),
            False,
        ),
        # the places before "no fatalities" are where there were none
        (
            "Governor Narouyi told Iranian media there were no known fatalities.",
            (("Iranian", "Iran", "NORP"),),
            "A Pakistani military official told the AP 34 people were killed.",
            (("Pakistani", "Pakistan", "NORP"),),
            False,
        ),
        # a "no casualties" that says nowhere still denies the toll
        (
            "There were no immediate reports of any casualties at the camp, less than 25 km "
            "from the border with Sudan.",
            (("Sudan", "Sudan", "GPE"),),
            "Mr Lang, the commissioner of Pariang county in Unity state, said that 12 people "
            "had been killed.",
            (("Pariang", "Pariang", "GPE"), ("Unity", "Unity", "GPE")),
            True,
        ),
    ],
)
def test_casualties_in_different_places_do_not_conflict(
    none_text: str,
    none_names: tuple[tuple[str, str, str], ...],
    some_text: str,
    some_names: tuple[tuple[str, str, str], ...],
    conflict: bool,
) -> None:
    none, some = claim(none_text, names=none_names), claim(some_text, doc=1, names=some_names)
    label, reasons = label_of(none, some)
    assert (label is Label.CONFLICT) is conflict
    assert event_conflict(none, some) is conflict
    if not conflict:
        assert any("reports no casualties in" in r for r in reasons)


def test_a_toll_of_an_earlier_year_does_not_deny_no_casualties() -> None:
    bam = claim(
        "Iran has suffered devastating earthquakes, including one in 2003 that flattened "
        "Bam, killing more than 25,000 people.",
        dates=(DateMention("2003", dt.date(2003, 1, 1), 58, 62, "year"),),
    )
    none = claim('The governor said, "the earthquake resulted in no fatalities."', doc=1)
    label, reasons = label_of(bam, none)
    assert label is not Label.CONFLICT
    assert not event_conflict(bam, none)
    assert "reports people killed or hurt in 2003" in " ".join(reasons)


def test_no_deaths_with_a_toll_in_one_claim_denies_neither() -> None:
    mixed = claim(
        "Officials said there were no deaths there, although earlier state media reports "
        "put the death toll at 40."
    )
    assert casualty_claim(mixed) == "mixed"
    label, reasons = label_of(mixed, claim("Press TV said at least 40 people were killed.", doc=1))
    assert label is Label.PARTIAL
    assert not any("no casualties" in r or "negative" in r for r in reasons)


@pytest.mark.parametrize(
    ("text", "unit", "role"),
    [
        ("a depth of 82km", "metre", "depth"),
        ("about 6 miles below the earth's surface", "metre", "depth"),
        ("10 kilometres (six miles) deep", "metre", "depth"),
        ("198km southeast of the city of Zahedan", "metre", "distance"),
        ("about 200 km (125 miles) southeast of Zahedan", "metre", "distance"),
        ("slipping and falling about 200ft from a ridge", "metre", ""),  # a fall, not a distance
        ("a 7.5 earthquake", "magnitude", ""),
        ("a magnitude 4.2 quake", "magnitude", ""),
        ("a 4.4 aftershock", "magnitude", "aftershock"),
        ("aftershocks of magnitude 3 have hit", "magnitude", "aftershock"),
        ("we are expecting hundreds of dead", "people", "forecast"),
        ("the toll could rise to 50 people", "people", "forecast"),
        ("chip sales are expected to rise 16.8 percent", "percent", "forecast"),
        ("the chance of a magnitude 6 plus aftershock", "magnitude", "chance"),
        ("the risk of more than 40 deaths", "people", "chance"),
        ("bonds for May through October pay 2.66 percent", "percent", ""),  # May the month
        ("Cisco initially offered $70 a share", "usd", "earlier"),
        ("the original purchase price of $2.6 billion", "usd", "earlier"),
        ("boosting the original purchase price by 64%", "percent", ""),  # a change's size
        ("Cisco will pay $115 per share", "usd", ""),
        ("AMD will pay $334 million", "usd", ""),  # a deal's price, not a forecast
        ("has died at age 61", "year-old", ""),
        ("a Category 5 Atlantic hurricane", "category", ""),
        ("Heard was found dead at the age of 71 Friday", "year-old", ""),  # no unit "Friday"
        ("the six-storey building", "story", ""),  # the British spelling
        ("So far 52 bodies have been recovered", "people", ""),
        ("two other executives were sentenced", "executive", "more"),
        # beside the dead, "another" counts all the hurt ("seven people dead and another
        # nine injured"); more of the dead are some besides
        ("another 47 people were injured", "people", ""),
        ("another 47 people died", "people", "more"),
        ("the alert was raised from 2 (increasing unrest) to 3", "", "earlier"),
        ("Heard was 72 when he died", "year-old", ""),  # no unit "when", no toll
        ("the ferry owner, who is 81 years old", "year-old", ""),
        ("Two of those killed were on the train", "people", ""),  # not a unit "those"
        ("iPhone revenue was $46.84 billion, up from $45.96 billion a year ago", "usd", ""),
        ("up from $45.96 billion a year ago", "usd", "earlier"),
        ("iPhone revenue of $46.84 billion (versus $45.84 billion estimated)", "usd", ""),
        ("versus $45.84 billion estimated", "usd", "forecast"),
        ("exceeding estimates of $1.60 EPS", "usd", "forecast"),
        ("coming in below the $26.70 billion analysts anticipated", "usd", "forecast"),
        ("there were no more than five fires", "fire", ""),  # no count besides others
        ("Some media outlets had reported that Heard was 72 when he died", "year-old", "earlier"),
        ("Heard was born March 7, 1946 and was 71 when he died", "year-old", ""),
    ],
)
def test_figures_read_in_context(extractor: Extractor, text: str, unit: str, role: str) -> None:
    (figure, *_) = [x for x in amounts(extracted(extractor, text)) if x.unit or x.role]
    assert (figure.unit, figure.role) == (unit, role)


def test_a_rate_reads_whole(extractor: Extractor) -> None:
    (price,) = amounts(extracted(extractor, "Cisco will pay $115 per share in cash."))
    assert price.text == "$115 per share"  # the extractor's text ends at "per"


def test_a_duration_in_two_units_is_one_figure(extractor: Extractor) -> None:
    (flight,) = amounts(extracted(extractor, "The flight lasted two hours and 15 minutes."))
    assert (flight.text, flight.unit, flight.value) == ("two hours and 15 minutes", "minute", 135)


def test_a_duration_after_just_is_one_figure(extractor: Extractor) -> None:
    text = "He scored from the spot after just one minute and 48 seconds."
    (goal,) = amounts(extracted(extractor, text))
    assert (goal.text, goal.unit, goal.value) == ("one minute and 48 seconds", "second", 108)


def test_an_idiom_is_no_figure(extractor: Extractor) -> None:
    (gusts,) = amounts(extracted(extractor, "The typhoon at one point had gusts of 305 km/h."))
    assert gusts.text == "305 km/h"


@pytest.mark.parametrize(
    "text",
    [
        "The boat rolled to one side as it turned.",
        'Asked about the testimony, the juror said: "It\'s one guy."',
        "On the one hand, the plan saves money.",
    ],
)
def test_one_in_a_set_phrase_is_no_count(extractor: Extractor, text: str) -> None:
    assert amounts(extracted(extractor, text)) == []


def test_a_count_of_one_is_still_a_count(extractor: Extractor) -> None:
    (toll,) = amounts(extracted(extractor, "One man was killed in the blast."))
    assert toll.value == 1


def test_no_unit_is_read_across_a_bracket(extractor: Extractor) -> None:
    figures = amounts(extracted(extractor, "The level was raised to 3 (magmatic unrest)."))
    assert [(x.text, x.unit) for x in figures] == [("3", "")]


def test_a_figure_cut_inside_brackets_shows_without_them() -> None:
    a = claim("The alert level was raised from 2 to 3.")
    b = claim("Phivolcs raised the alert level from 2 (increasing unrest) to 3.", doc=1)
    _, reasons = label_of(a, b)
    assert not any("(" in r and ")" not in r for r in reasons)


def test_a_time_of_day_is_no_figure(extractor: Extractor) -> None:
    text = "According to a 2 p.m. briefing, the quake was felt widely."
    assert amounts(extracted(extractor, text)) == []
    assert amounts(claim(text)) == []


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # a distance is not a depth
        (
            "The epicentre was about 200 km southeast of Zahedan, the USGS said.",
            "The USGS said the quake hit at a depth of 82km.",
            False,
        ),
        # two depths are one quantity
        (
            "It struck at a depth of 9.4 miles.",
            "The quake struck about 6 miles below the surface.",
            True,
        ),
        # a depth one side does not call one still meets the other's figure
        ("The quake was 10 km deep.", "The quake struck at 10 km.", False),
        # a forecast is not a count
        (
            "Iranian officials put the death toll at 40.",
            "An official said they are expecting hundreds of dead.",
            False,
        ),
        # the odds of a magnitude 6 are no forecast of one
        (
            "Some aftershocks may be as strong as magnitude five, the seismologist said.",
            "There is a 9 percent chance of a magnitude 6 plus aftershock this week.",
            False,
        ),
        # an earlier offer is no rival to the revised one
        ("The revised deal is for $115 per share.", "Cisco initially offered $70 a share.", False),
        # but two earlier offers are compared
        ("Cisco originally offered $2.84 billion.", "Cisco initially offered $2.6 billion.", True),
        # a count of others besides is not the total
        (
            "Two other executives were also sentenced on Friday.",
            "Four former executives were sentenced on Friday.",
            False,
        ),
        ("Two executives were sentenced.", "Four executives were sentenced.", True),
        # two lists of as many figures: each figure meets its own
        (
            "Wall Street was expecting Apple to report earnings of $1.63 a share on revenue"
            " of $94.66 billion.",
            "Apple beat expectations, exceeding estimates of $1.60 EPS and $94.2 billion in"
            " revenue.",
            True,
        ),
        (
            "It had gusts of 305 km/h and winds of 106 km/h.",
            "It packed sustained winds of 96 miles per hour and gusts of up to 118 mph.",
            True,
        ),
        (
            "It had gusts of 190 km/h and winds of 154 km/h.",
            "It packed sustained winds of 96 miles per hour and gusts of up to 118 mph.",
            False,
        ),
        # a year-ago value and an estimate are neither the figure nor its rival
        (
            "iPhone revenue was $46.84 billion, up from $45.96 billion a year ago.",
            "Apple reported iPhone revenue of $46.84 billion (versus $45.84 billion estimated).",
            False,
        ),
        # none of a thing against a count of it
        ("No injuries/fires were reported.", "Firefighters put out five fires.", True),
        ("No villages were damaged.", "Seven villages were damaged.", True),
        # "no more than" gives a figure, and none of people is the casualty rules' matter
        ("There were no more than five fires.", "Firefighters put out five fires.", False),
        ("No buildings collapsed.", "Firefighters put out five fires.", False),
        # a "no" vote is a vote
        (
            "Three no votes would kill the plan.",
            "It would take three votes to kill the plan.",
            False,
        ),
        # a precise figure a little off is another figure: the half-percent a figure is
        # read to is for round ones
        (
            "Services revenue was $26.64 billion.",
            "Its services segment came in at $26.65 billion.",
            True,
        ),
        ("About 300 people were evacuated.", "Officials said 301 people were evacuated.", False),
        # an earlier toll beside the current one is what the claim corrects
        (
            "The toll, initially put at 40, now stands at 52 people.",
            "Police said 40 people were killed.",
            True,
        ),
        # sums of two things one report names and the other does not
        ("Xbox revenue was $7.1 billion.", "Surface revenue of $5.9 billion rose.", False),
        ("Xbox revenue was $7.1 billion.", "The company said Xbox revenue hit $6.2 billion.", True),
        # two kinds of sums: a fine is not a revenue, but a fine against a sum of no kind is
        (
            "The firm agreed to pay a $40 million fine.",
            "The firm reported $412 million in revenue last year.",
            False,
        ),
        ("The firm agreed to pay a $40 million fine.", "The firm agreed to pay $45 million.", True),
        # an aftershock's magnitude is not the quake's
        ("A 7.5 earthquake hit the country.", "A 4.4 aftershock rattled Saravan city.", False),
        # "a 7.5 earthquake" is the magnitude "7.5 on the Richter scale" gives
        (
            "A 7.5 earthquake hit the country.",
            "The center measured the quake at 7.8 on the Richter scale.",
            True,
        ),
    ],
)
def test_figures_compared_by_what_they_measure(
    extractor: Extractor, a: str, b: str, conflict: bool
) -> None:
    label, _ = label_of(extracted(extractor, a), extracted(extractor, b, 1))
    assert (label is Label.CONFLICT) is conflict


def test_a_sum_of_another_thing_says_what_it_is_of(extractor: Extractor) -> None:
    label, reasons = label_of(
        extracted(extractor, "Xbox revenue was $7.1 billion, up from $6.6 billion."),
        extracted(
            extractor,
            "It reported Xbox revenue of $7.1 billion and Surface revenue of $5.9 billion.",
            1,
        ),
    )
    assert label is Label.PARTIAL
    assert any("$5.9 billion (Surface revenue)" in r for r in reasons), reasons
    assert not any("Xbox revenue)" in r for r in reasons), reasons


def test_an_earlier_figure_that_agrees_is_the_same_figure(extractor: Extractor) -> None:
    _, reasons = label_of(
        extracted(extractor, "Cisco agreed in July 2019 to pay $70 a share."),
        extracted(extractor, "Cisco initially offered $70 a share.", 1),
    )
    assert not any("$70" in r for r in reasons)


def test_a_list_that_names_only_some_is_no_conflict() -> None:
    a = claim(
        "The FBI, the ATF and the state police are assisting in the investigation.",
        names=(
            ("FBI", "FBI", "ORG"),
            ("ATF", "ATF", "ORG"),
            ("state police", "state police", "ORG"),
        ),
    )
    b = claim(
        "The city police, the state police and other agencies rushed to the scene.",
        doc=1,
        names=(("city police", "city police", "ORG"), ("state police", "state police", "ORG")),
    )
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert any("not every name is given" in r for r in reasons)
    closed = claim(
        "The city police and the state police rushed to the scene.",
        doc=1,
        names=(("city police", "city police", "ORG"), ("state police", "state police", "ORG")),
    )
    assert label_of(a, closed)[0] is Label.CONFLICT


def test_a_denial_of_casualties_denies_only_casualties(extractor: Extractor) -> None:
    none = extracted(
        extractor,
        "The governor told local media there were no known fatalities as the epicentre was "
        "in a sparsely populated area.",
    )
    area = extracted(
        extractor, "The area surrounding the epicentre is mountainous and sparsely populated.", 1
    )
    assert (none.predicate, none.negated, area.predicate) == ("be", True, "be")
    assert label_of(none, area)[0] is Label.PARTIAL
    weight = extracted(extractor, "There is no standard weight for the bags.")
    standard = extracted(extractor, "There was a standard weight for the bags.", 1)
    assert label_of(weight, standard)[0] is Label.CONFLICT


def test_the_day_something_was_said_is_not_the_day_it_happened() -> None:
    said = claim(
        "A plane crashed in Recife, killing all 16 people on board, officials said Wednesday.",
        dates=(DateMention("Wednesday", dt.date(2011, 7, 13), 74, 83, "day", said=True),),
    )
    crashed = claim(
        "A plane crashed in Brazil Monday, killing all 16 people on board.",
        doc=1,
        dates=(DateMention("Monday", dt.date(2011, 7, 11), 26, 32, "day"),),
    )
    label, reasons = label_of(said, crashed)
    assert label is Label.PARTIAL
    assert "Only the second source says when: Monday (July 11)." in reasons
    earlier = claim(
        "Officials said Tuesday that a plane had crashed.",
        doc=1,
        dates=(DateMention("Tuesday", dt.date(2011, 7, 12), 15, 22, "day", said=True),),
    )
    label, reasons = label_of(said, earlier)
    assert label is Label.PARTIAL
    assert any("reports it said Wednesday" in r for r in reasons)


def test_a_figure_opening_a_claim_is_lower_case_in_a_reason() -> None:
    _, reasons = label_of(
        claim("At least five people were killed."),
        claim("Officials said at least eight people were killed.", doc=1),
    )
    assert (
        "The first source says at least five people; the second source says at least eight"
        " people." in reasons
    )


def test_reason_kinds_of_the_casualty_places() -> None:
    none = claim("There had been no deaths reported in Iran.", names=(IRAN,))
    some = claim("Five people were killed in Pakistan.", doc=1, names=(PAKISTAN,))
    link = classify(Candidate(none.id, some.id, 0.9), none, some)
    kinds = {r.kind for r in link.reasons if "casualties" in r.text}
    assert kinds == {ReasonKind.NUMBER}


def test_one_quote_given_to_two_unnamed_sources_is_one_statement() -> None:
    quote = "He was a loving father and husband"
    family = claim(f'"{quote}," the family said.', speaker="family", quotes=(quote,))
    rep = claim(
        f'"{quote}," a representative said.', doc=1, speaker="representative", quotes=(quote,)
    )
    label, _ = label_of(family, rep)
    assert label is Label.AGREE
    other = claim(
        '"We are devastated," a representative said.',
        doc=1,
        speaker="representative",
        quotes=("We are devastated",),
    )
    assert label_of(family, other)[0] is Label.PARTIAL


def test_a_day_written_two_ways_is_shown_once() -> None:
    text = "Paxton died on Saturday, February 25, his family said."
    died = claim(
        text,
        dates=(
            DateMention("Saturday", dt.date(2017, 2, 25), 14, 22, "day"),
            DateMention("February 25", dt.date(2017, 2, 25), 24, 35, "day"),
        ),
    )
    _, reasons = label_of(died, claim("Paxton died, his family said.", doc=1))
    assert "Only the first source says when: Saturday, February 25." in reasons


def test_the_days_of_two_actions_are_no_date_conflict() -> None:
    began = claim(
        "The retrial began April 30.",
        predicate="begin",
        dates=(DateMention("April 30", dt.date(2018, 4, 30), 19, 27, "day"),),
    )
    verdict = claim(
        "On Friday the jury re-affirmed the verdict.",
        doc=1,
        predicate="affirm",
        dates=(DateMention("Friday", dt.date(2018, 5, 11), 3, 9, "day"),),
    )
    label, reasons = label_of(began, verdict)
    assert label is Label.PARTIAL
    assert any(r.endswith("of different actions.") for r in reasons)
    struck = dataclasses.replace(verdict, text="On Friday the retrial began.", predicate="begin")
    assert label_of(began, struck)[0] is Label.CONFLICT


def test_two_dates_of_one_verb_are_one_action(extractor: Extractor) -> None:
    a = extracted(extractor, "Born on March 7, 1945, in Washington, Carr was known for comedy.")
    b = extracted(
        extractor, "His manager confirmed that Carr was born March 7, 1946, in Washington.", doc=1
    )
    assert {d.verb for d in a.dates} == {d.verb for d in b.dates} == {"bear"}
    label, reasons = label_of(a, b)
    assert label is Label.CONFLICT
    assert not any("different actions" in r for r in reasons)


def test_a_day_left_out_is_no_detail_where_it_is_the_others_report_day() -> None:
    hull = "Part of the hull was visible above water"
    a = claim(hull + ".")
    b = claim(
        hull + " yesterday.",
        doc=1,
        dates=(DateMention("yesterday", dt.date(2015, 7, 2), 40, 49, "day"),),
    )
    july = [
        Document(k, f"r{k}", f"s{k}", "x", "x", published=dt.date(2015, 7, 2 + k)) for k in (0, 1)
    ]
    assert classify(Candidate(0, 1, 0.9), a, b, documents=july).label is Label.AGREE
    # a report of another day: the day is a detail
    july[0] = dataclasses.replace(july[0], published=dt.date(2015, 7, 1))
    link = classify(Candidate(0, 1, 0.9), a, b, documents=july)
    assert link.label is Label.PARTIAL
    assert [r.text for r in link.reasons] == ["Only s1 says when: yesterday (July 2)."]
    # the report's day excuses the day only: a time of day the other leaves out stays a detail
    july[0] = dataclasses.replace(july[0], published=dt.date(2015, 7, 2))
    timed = claim(hull + " at 2 p.m. yesterday.", doc=1, dates=b.dates)
    link = classify(Candidate(0, 1, 0.9), a, timed, documents=july)
    assert link.label is Label.PARTIAL
    assert "Only s1 says at what time: 2 p.m." in [r.text for r in link.reasons]


def test_a_word_the_other_side_has_inside_a_name_is_shared() -> None:
    a = claim("The United Front came second.", names=(("United Front", "United Front", "ORG"),))
    b = claim("The front came second.", doc=1)
    assert label_of(a, b)[0] is Label.AGREE


def test_forms_of_one_word_are_one_content_word() -> None:
    a = claim("He will be sentenced on July 13.")
    b = claim("His sentencing is on July 13.", doc=1)
    assert label_of(a, b)[0] is Label.AGREE


def test_who_was_told_and_whom_the_speaker_works_for_say_who_spoke() -> None:
    from claimdiff.names import entity_findings

    told = claim(
        '"I need fewer people at headquarters," he told Reuters.',
        speaker="Pat Gelsinger",
        names=(("Reuters", "Reuters", "ORG"),),
    )
    said = claim(
        '"I need fewer people at headquarters," said Intel CEO Pat Gelsinger.',
        doc=1,
        speaker="Pat Gelsinger",
        names=(("Intel", "Intel", "ORG"), ("Pat Gelsinger", "Pat Gelsinger", "PERSON")),
    )
    found = entity_findings(told, said, ("a", "b"))
    weights = {f.reason.text: f.weight for f in found}
    assert weights["Only a names Reuters."] is Label.AGREE
    assert weights["Only b names Intel."] is Label.AGREE  # Gelsinger speaks on both sides
    unsaid = claim('"I need fewer people at headquarters."', names=())
    found = entity_findings(unsaid, said, ("a", "b"))
    assert [f.weight for f in found] == [Label.PARTIAL]  # only b says who spoke
    plain = claim("Intel cut jobs at headquarters.", names=(("Intel", "Intel", "ORG"),))
    found = entity_findings(plain, claim("Jobs were cut at headquarters.", doc=1), ("a", "b"))
    assert [f.weight for f in found] == [Label.PARTIAL]


SHOT = "The detective was shot to death in his squad car"


@pytest.mark.parametrize(
    ("when_a", "when_b", "reason"),
    [
        # one day, two parts of it that do not meet
        (
            "late Sunday morning",
            "late Sunday afternoon",
            "The first source dates it Sunday morning; the second source Sunday afternoon:"
            " two parts of one day.",
        ),
        # parts that touch, or a part and the whole day, agree
        ("on Sunday evening", "on Sunday night", None),
        ("on Sunday morning", "on Sunday", None),
        # one night told from its two days
        ("in the early hours of Monday", "on Sunday night", None),
        ("in the early hours of Monday", "at Sunday midnight", None),
    ],
)
def test_parts_of_one_day(
    extractor: Extractor, when_a: str, when_b: str, reason: str | None
) -> None:
    a = extracted(extractor, f"{SHOT} {when_a}.")
    b = extracted(extractor, f"{SHOT} {when_b}.", doc=1)
    label, reasons = label_of(a, b)
    dated = [r for r in reasons if "dates it" in r]
    assert dated == ([reason] if reason else [])
    assert (label is Label.CONFLICT) is (reason is not None)


def test_a_morning_is_still_a_day_after_the_night_before(extractor: Extractor) -> None:
    a = extracted(extractor, f"{SHOT} on Monday morning.")
    b = extracted(extractor, f"{SHOT} on Sunday.", doc=1)
    assert label_of(a, b)[0] is Label.CONFLICT


def test_figures_of_an_event_recalled_by_its_year_are_no_conflict(extractor: Extractor) -> None:
    crash = "A small plane crashed on Friday, killing all nine people aboard."
    a = extracted(extractor, crash)
    recalled = extracted(
        extractor, "In 1981, 11 people were killed when a plane crashed into Pearl Harbor.", doc=1
    )
    label, reasons = label_of(a, recalled)
    assert label is Label.PARTIAL
    assert (
        "The first source says nine people; the second source says 11 people: of different"
        " times." in reasons
    )
    same_day = extracted(extractor, "A small plane crashed on Friday, killing all 11 aboard.", 1)
    assert label_of(a, same_day)[0] is Label.CONFLICT


def test_shot_to_death_and_killed_are_one_action(extractor: Extractor) -> None:
    a = extracted(extractor, "The detective was shot to death in his car late Sunday morning.")
    b = extracted(extractor, "On late Sunday afternoon, the detective was killed in his car.", 1)
    assert label_of(a, b)[0] is Label.CONFLICT  # one killing, told at two parts of the day
    c = extracted(extractor, "The detective was arrested in his car late Sunday afternoon.", 1)
    assert label_of(a, c)[0] is Label.PARTIAL  # a killing and an arrest: two actions


def test_a_statement_of_an_event_recalled_by_its_year_is_another_statement(
    extractor: Extractor,
) -> None:
    from claimdiff.settings import Settings
    from claimdiff.statement import match_claims

    lexical = Settings(use_embeddings=False)
    a = extracted(extractor, "A small plane crashed on Friday, killing all nine people aboard.")
    recalled = extracted(
        extractor, "In 1981, a small plane crashed, killing all 11 people aboard.", doc=1
    )
    match = match_claims(a, recalled, lexical)
    assert match.score >= lexical.statement_threshold  # worded alike
    assert not match.linked  # but of two times: two statements
    same_day = extracted(extractor, "A small plane crashed on Friday, killing all 11 aboard.", 1)
    assert match_claims(a, same_day, lexical).label is Label.CONFLICT


@pytest.mark.parametrize(
    ("text_b", "label", "reason"),
    [
        # a bound met by a figure: both can be right, one side says it more closely
        (
            "Lipski estimated that 30 people were rescued by ladders.",
            Label.PARTIAL,
            "The first source says more than two dozen people; the second source says 30"
            " people: both can be right.",
        ),
        # a figure the bound excludes: a conflict, as before
        ("Lipski estimated that 20 people were rescued by ladders.", Label.CONFLICT, None),
        # the same figure, one hedged: agree
        ("Lipski said more than 24 people were rescued by ladders.", Label.AGREE, None),
    ],
)
def test_a_bound_met_by_a_figure_is_a_detail(
    extractor: Extractor, text_b: str, label: Label, reason: str | None
) -> None:
    a = extracted(extractor, "More than two dozen people were rescued by ladders.")
    found, reasons = label_of(a, extracted(extractor, text_b, doc=1))
    assert found is label
    loose = [r for r in reasons if r.endswith("both can be right.")]
    assert loose == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("text_a", "text_b", "label", "reason"),
    [
        # two years of one action: a conflict, where no day can be compared
        (
            "The deal is expected to close this year.",
            "The deal is expected to close next year.",
            Label.CONFLICT,
            "The first source dates it this year (2008); the second source next year (2009).",
        ),
        ("Sales rose in April.", "Sales rose in May.", Label.CONFLICT, None),
        # a month within the year, a day within the month: one period
        ("Sales rose in April.", "Sales rose in 2008.", None, ""),
        ("Sales rose in April.", "Sales rose on April 11.", Label.AGREE, ""),
        # a range of years holds its last year
        (
            "From 1976 to 1980, 6 percent of children were overweight.",
            "In 1980, 6 percent of children were overweight.",
            Label.AGREE,
            "",
        ),
        # the bound of a stretch places nothing
        ("The war has raged since 2011.", "The war raged in 2015.", None, ""),
        # a month without its year may be of any year: it meets that month of another year
        ("The uprising began in March.", "The uprising began in March 2006.", None, ""),
        (
            "The uprising began in March.",
            "The uprising began in April 2006.",
            Label.CONFLICT,
            "The first source dates it March; the second source April 2006.",
        ),
        # two actions in two years are two facts, each dated
        (
            "Gigante was convicted in 1997.",
            "Gigante died in 2005.",
            Label.PARTIAL,
            "The first source dates it 1997; the second source 2005: of different actions.",
        ),
    ],
)
def test_months_and_years_are_compared_where_no_day_is(
    extractor: Extractor, text_a: str, text_b: str, label: Label | None, reason: str | None
) -> None:
    a, b = dated_pair(extractor, text_a, text_b, dt.date(2008, 5, 13))
    found, reasons = label_of(a, b)
    assert found is label if label is not None else found is not Label.CONFLICT
    dating = [r for r in reasons if " dates it " in r]
    if reason == "":
        assert dating == []
    elif reason is not None:
        assert dating == [reason]


def test_a_day_still_to_come_meets_its_twin_in_the_other_report(extractor: Extractor) -> None:
    # in December, "ordered to report to prison on March 6" and "will begin serving his
    # sentence on March 6" are both next March: one day, and neither is a day of saying
    text_a = "Cohen was ordered by the judge to report to prison on March 6."
    text_b = "Cohen will begin serving his sentence on March 6."
    a, b = dated_pair(extractor, text_a, text_b, dt.date(2018, 12, 12))
    assert [d.value for d in a.dates] == [d.value for d in b.dates] == [dt.date(2019, 3, 6)]
    _, reasons = label_of(a, b)
    assert not [r for r in reasons if "March" in r]


def test_two_tallies_of_one_vote_are_compared_figure_by_figure(extractor: Extractor) -> None:
    text_a = "Lawmakers voted 101-6 with 10 abstentions to oust Castillo."
    text_b = "He was impeached with 106 votes favouring his removal and six against."
    a, b = dated_pair(extractor, text_a, text_b, dt.date(2022, 12, 8))
    assert [(x.unit, x.value) for x in amounts(b)] == [("vote", 106), ("vote against", 6)]
    found, reasons = label_of(a, b)
    assert found is Label.CONFLICT
    assert "The first source says 101-6; the second source says 106 votes." in reasons


def test_a_time_still_to_come_recalls_no_earlier_event(extractor: Extractor) -> None:
    # a deadline after the dateline (2013-04-16) is a plan, not an earlier event: the
    # figures of the two claims are not "of different times"
    laid_off = extracted(extractor, "The company is laying off 27,000 employees.")
    by_then = extracted(
        extractor,
        "The cuts will affect 8 percent of its 350,000 employees by the time the overhaul is"
        " completed in October, 2014.",
        doc=1,
    )
    (deadline,) = by_then.dates
    assert (deadline.value, deadline.tense) == (dt.date(2014, 10, 1), "future")
    assert not dated_apart(laid_off, by_then)
    earlier = extracted(extractor, "The company laid off 350,000 employees in October 2012.", 1)
    assert earlier.dates[0].tense == "past"
    assert dated_apart(laid_off, earlier)


def test_the_whole_a_share_is_of_is_no_count_of_the_part(extractor: Extractor) -> None:
    cut = extracted(extractor, "HP is laying off 27,000 employees, or 8 percent of its staff.")
    share = extracted(
        extractor, "The cuts will affect about 8 percent of H-P's nearly 350,000 employees.", 1
    )
    assert [x.role for x in amounts(share) if x.unit == "employee"] == ["whole"]
    label, reasons = label_of(cut, share)
    assert label is Label.PARTIAL
    assert "The second source gives nearly 350,000 employees." not in reasons
    assert any("nearly 350,000 employees" in r and r.startswith("Only") for r in reasons)
    # two counts of laid-off employees still conflict
    other = extracted(extractor, "HP is laying off 45,000 employees.", 1)
    assert label_of(cut, other)[0] is Label.CONFLICT


def test_only_what_a_claim_expects_is_a_forecast(extractor: Extractor) -> None:
    # "likely" covers the trapped, not the bodies already recovered before "while"
    text = (
        "Seven bodies have so far been recovered while more than 20 persons were feared"
        " trapped and likely dead."
    )
    found = {x.text: x.role for x in amounts(extracted(extractor, text))}
    assert found == {"Seven bodies": "", "more than 20 persons": "forecast"}


def test_a_time_of_day_holds_no_figure() -> None:
    text = 'The website said the flight departed at 07:21 (01:21 GMT), "the last signal".'
    assert amounts(claim(text)) == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # a toll, its figure a few words on, and a round figure that is no year
        ("He told reporters that the death toll in Derna had surpassed 2,000.", "some"),
        ("The toll rose to 12 on Monday.", "some"),
        # a road's toll counts no one
        ("A toll road was opened for traffic.", None),
    ],
)
def test_a_toll_counts_the_dead(text: str, state: str | None) -> None:
    assert casualty_claim(claim(text)) == state


def test_a_round_figure_with_a_comma_is_no_year() -> None:
    (figure,) = amounts(claim("The toll had surpassed 2,000."))
    assert (figure.value, figure.unit) == (2000, "people")  # a toll counts people
