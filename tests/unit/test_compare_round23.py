"""Months placed by the year around them, counts of those aboard, of deaths told in two
words, of the hurt by their condition, tolls given in two parts, tolls of two places, and
names written with and without accents.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import numpy as np
import pytest

from claimdiff.align import BY_SCORE, Contradictions, Scored, toll_conflicts
from claimdiff.compare import wording_reason
from claimdiff.evidence import dated_apart, event_evidence
from claimdiff.extract import Extractor
from claimdiff.extract.dates import resolve
from claimdiff.figures import number_conflicts
from claimdiff.model import Document, Label
from claimdiff.settings import Settings
from claimdiff.slots import amounts, canonical, count_places
from claimdiff.statement import statement_claims
from tests.unit.helpers import claim, label_of
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2011, 1, 13))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


@pytest.mark.parametrize(
    ("text", "dateline", "month"),
    [
        ("January of last year", dt.date(2011, 1, 13), dt.date(2010, 1, 1)),
        ("in January last year", dt.date(2011, 5, 13), dt.date(2010, 1, 1)),
        ("March of this year", dt.date(2011, 1, 13), dt.date(2011, 3, 1)),
        ("this April", dt.date(2011, 5, 13), dt.date(2011, 4, 1)),
        # "last April" is the latest April before the report's month, "next March" the first
        # after it
        ("last April", dt.date(2011, 1, 13), dt.date(2010, 4, 1)),
        ("last April", dt.date(2011, 5, 13), dt.date(2011, 4, 1)),
        ("last January", dt.date(2011, 1, 13), dt.date(2010, 1, 1)),
        ("next March", dt.date(2011, 5, 13), dt.date(2012, 3, 1)),
        # a month with no such word: as before
        ("in January", dt.date(2011, 1, 13), dt.date(2011, 1, 1)),
    ],
)
def test_a_month_placed_by_the_year_around_it(text: str, dateline: dt.date, month: dt.date) -> None:
    assert resolve(text, dateline) == (month, "month")


def test_a_toll_of_a_month_last_year_is_another_event(extractor: Extractor) -> None:
    a = extracted(extractor, "A TV network said that more than 419 people had died in Rio state.")
    b = extracted(
        extractor,
        "In January of last year, more than 50 people died in mudslides in Angra dos Reis.",
        1,
    )
    (date,) = b.dates
    assert date.value == dt.date(2010, 1, 1)
    assert dated_apart(a, b)
    assert event_evidence(a, b) is None


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        # those aboard are all that were carried, not the dead among them
        ("Footage showed the train, with 247 people on board, hurtling into a wall.", "aboard"),
        ("A plane carrying 100 passengers and crew crashed.", "aboard"),
        # a verb of death before them tells their fate first
        ("The plane crashed, killing all nine people aboard.", "dead"),
        # a death in two words
        ("A taxi driver fatally shot at least 12 people in Cumbria.", "dead"),
        ("Police said 12 people were shot dead.", "dead"),
        ("The attack had claimed 69 lives.", "dead"),
        ("At least 168 people were reported to have died in the town.", "dead"),
    ],
)
def test_what_a_count_of_people_underwent(extractor: Extractor, text: str, fate: str) -> None:
    count = amounts(extracted(extractor, text))[0]
    assert count.unit in ("people", "passenger")
    assert count.fate == fate


def test_those_aboard_are_no_toll(extractor: Extractor) -> None:
    a = extracted(extractor, "Footage showed the train, with 247 people on board, hitting a wall.")
    b = extracted(extractor, "The train crashed into a wall, killing 80 people.", 1)
    assert number_conflicts(a, b) == []
    assert label_of(a, b)[0] is not Label.CONFLICT


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Three victims at West Cumberland were in critical condition.", "critical"),
        ("Five others remained in serious condition.", "serious"),
        ("Two patients were in a stable condition.", ""),
    ],
)
def test_how_badly_a_count_was_hurt_by_its_condition(
    extractor: Extractor, text: str, severity: str
) -> None:
    count = amounts(extracted(extractor, text))[0]
    assert (count.fate, count.severity) == ("hurt", severity)


def test_victims_in_critical_condition_are_no_toll(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Kevin Clarkson said three victims at West Cumberland were in critical condition and"
        " five others remained in serious condition.",
    )
    b = extracted(extractor, "Twelve people were killed by a gunman in Cumbria.", 1)
    assert number_conflicts(a, b) == []


def test_a_toll_told_in_two_parts_is_their_sum(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "He set off a van bomb in Oslo that killed eight people and then took 69 more lives"
        " at an island summer camp.",
    )
    b = extracted(extractor, "Breivik admitted killing 77 people in Oslo and on the island.", 1)
    assert number_conflicts(a, b) == []
    c = extracted(extractor, "Breivik admitted killing 70 people in Oslo and on the island.", 1)
    ((_, mine, theirs, _),) = number_conflicts(a, c)
    assert (mine, theirs) == ("eight people and 69 more lives", "70 people")


def test_a_count_after_the_more_is_their_sum_already(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "Rescuers pulled out two more bodies today, taking the number of deaths to 10.",
    )
    b = extracted(extractor, "Seven bodies have so far been recovered from the rubble.", 1)
    ((_, mine, theirs, _),) = number_conflicts(a, b)
    assert (mine, theirs) == ("10", "seven bodies")


def test_a_bare_count_of_the_hurt_meets_a_count_of_people_hurt(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "A taxi driver fatally shot at least 12 people and injured 25 while driving, police said.",
    )
    b = extracted(extractor, "Eleven others were injured, three critically and five seriously.", 1)
    ((_, mine, theirs, _),) = number_conflicts(a, b)
    assert (mine, theirs) == ("injured 25", "eleven others")
    assert event_evidence(a, b) is not None


def test_a_count_of_no_fate_is_none_of_a_fate_its_claim_counts(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        '"We have to fit 37 people in one tent," said a man who said 15 people died.',
    )
    b = extracted(extractor, "Rescuers said the earthquake had killed at least 264 people.", 1)
    conflicts = number_conflicts(a, b)
    assert conflicts
    assert all("37" not in mine for _, mine, _, _ in conflicts)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Heavy rains killed 13 people in Sao Paulo state.", {"sao paulo"}),
        ("In Teresópolis, a small town near Rio de Janeiro, 146 deaths were confirmed.", None),
        # where the blast was, not whose toll it is
        ("An explosion at a plant in Jiangsu province has killed 44 people.", set()),
    ],
)
def test_the_place_a_count_is_of(extractor: Extractor, text: str, places: set[str] | None) -> None:
    found = extracted(extractor, text)
    count = next(x for x in amounts(found) if x.fate == "dead")
    if places is None:
        assert "teresopolis" in count_places(found, count)
        assert "rio de janeiro" not in count_places(found, count)
    else:
        assert count_places(found, count) == places


def test_tolls_of_two_places_are_two_tolls(extractor: Extractor) -> None:
    a = extracted(extractor, "In Teresópolis, 146 deaths have been confirmed by local officials.")
    b = extracted(
        extractor, "Earlier in the week, heavy rains killed 13 people in Sao Paulo state.", 1
    )
    assert event_evidence(a, b) is None
    # one place, with and without its accent: one toll
    c = extracted(
        extractor, "In the town of Teresopolis, at least 161 people were reported killed.", 1
    )
    assert event_evidence(a, c) is not None
    assert label_of(a, c)[0] is Label.CONFLICT


def test_a_name_with_and_without_its_accents_is_one_name() -> None:
    first = claim("São Paulo", names=(("São Paulo", "São Paulo", "GPE"),))
    second = claim("Sao Paulo", names=(("Sao Paulo", "Sao Paulo", "GPE"),))
    assert canonical(first.entities[0]) == canonical(second.entities[0]) == "sao paulo"


def test_an_age_after_the_age_of_is_an_age_whatever_noun_follows(extractor: Extractor) -> None:
    found = extracted(
        extractor, "Some 14 children under the age of five and one adult have died from measles."
    )
    assert [(x.text, x.unit, x.role) for x in amounts(found)] == [
        ("Some 14 children", "child", ""),
        ("five", "year-old", "limit"),
    ]


def test_two_age_limits_are_no_rival_ages(extractor: Extractor) -> None:
    a = extracted(
        extractor, "Health authorities said most of those who died were under the age of 2."
    )
    b = extracted(
        extractor, "Some 14 children under the age of five and one adult have died from measles.", 1
    )
    assert number_conflicts(a, b) == []
    # a toll against the children's count, not against the age
    c = extracted(extractor, "Samoa closed its schools after six people died of measles.")
    ((_, mine, theirs, _),) = number_conflicts(c, b)
    assert (mine, theirs) == ("six people", "some 14 children")


def test_the_company_said_is_the_company_named(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        '"Management will provide an update on its strategy in due course," the company said.',
    )
    b = extracted(extractor, "TNT said it would give an update on its strategy in due course.", 1)
    _, reasons = label_of(a, b)
    assert not any("attributes it to" in r for r in reasons), reasons


def test_one_time_is_no_count(extractor: Extractor) -> None:
    found = extracted(extractor, "I knew one day one time I would be a world-record holder.")
    assert all(x.text != "one time" for x in amounts(found))


def test_a_claim_told_around_a_quote_takes_no_relay_s_name(extractor: Extractor) -> None:
    text = (
        "When she had a chance to speak, Maxwell apologized to the victims, reports the BBC."
        ' She called meeting Epstein "the biggest regret" of her life, saying, "my association'
        ' with Epstein will permanently stain me."'
    )
    found = extractor.extract(Document(0, "t", "s", text, "x", published=dt.date(2022, 6, 28)))
    (regret,) = [c for c in found if "regret" in c.text]
    assert regret.speaker != "BBC"
    # a claim that is all quotation still takes the speaker of the quote it runs on from
    text = '"We agreed on the plan," Kishida said. "It is a very important step for us."'
    found = extractor.extract(Document(0, "t", "s", text, "x", published=dt.date(2022, 6, 28)))
    assert found[-1].speaker == "Kishida"


def test_a_toll_of_the_place_a_claim_opens_with_is_a_part_of_the_whole(
    extractor: Extractor,
) -> None:
    local = extracted(
        extractor, "In the town of Teresopolis, at least 161 people were reported killed."
    )
    whole = extracted(
        extractor, "Floods and mudslides in Brazil have left nearly 400 people dead.", 1
    )
    assert event_evidence(local, whole) is None
    # against a count the other claim places there, it is one toll as before
    there = extracted(extractor, "Officials said 146 people died in Teresopolis.", 1)
    assert event_evidence(local, there) is not None


@pytest.mark.parametrize(
    "text",
    ["Two of the dead were children.", "He said three of the shooting victims were taxi drivers."],
)
def test_some_of_a_group_is_no_rival_of_its_whole(extractor: Extractor, text: str) -> None:
    part = extracted(extractor, text)
    whole = extracted(extractor, "Twelve people were killed by a gunman in Cumbria.", 1)
    assert number_conflicts(part, whole) == []


def test_counts_of_no_fate_are_not_compared_where_both_count_one_fate() -> None:
    a, b = statement_claims(
        [
            "A TV network said that more than 419 people had died in Rio state and that as many"
            " as 1,000 people could still be missing.",
            "Floods have left nearly 400 people dead and hundreds homeless in Brazil.",
        ],
        None,
    )
    ((_, mine, theirs, _),) = number_conflicts(a, b)
    assert (mine, theirs) == ("more than 419 people", "nearly 400 people")


def test_a_word_with_and_without_its_accents_is_no_wording_apart(extractor: Extractor) -> None:
    a = extracted(extractor, "A judge stepped into Teresópolis's improvised mortuary.")
    b = extracted(extractor, "In Teresopolis, churches were turned into makeshift morgues.", 1)
    reason = wording_reason(a, b, ("a", "b")).text
    assert "Teresopolis" not in reason
    assert "Teresópolis" not in reason
    assert '"makeshift"' in reason


def test_rival_tolls_link_past_the_cap_of_links(extractor: Extractor) -> None:
    lead = extracted(
        extractor,
        "A taxi driver fatally shot at least 12 people and injured 25 while driving, police said.",
    )
    hurt = extracted(
        extractor, "Eleven others were injured, three critically and five seriously.", 1
    )
    other = extracted(extractor, "The gunman drove through villages in West Cumbria.", 1)
    # the lead's two links are taken; its weak pair with the count of the hurt is not
    scored = Scored([(0, 0), (0, 1), (0, 2)], np.zeros((3, 0)), (), np.asarray([0.9, 0.1, 0.8]))
    chosen = [(0, 0, 0.9, BY_SCORE), (0, 2, 0.8, BY_SCORE)]
    a, b = [lead], [other, hurt, other]
    contradicting = Contradictions(a, b, scored, Settings())
    found = toll_conflicts(a, b, scored, chosen, contradicting, frozenset(), Settings())
    assert found == [(0, 1, 0.1)]
    # figures too far apart to be one fact do not link
    assert toll_conflicts(a, b, scored, chosen, contradicting, {(0, 1)}, Settings()) == []
    # nor do claims that count no casualties
    plain = [other, other, other]
    assert (
        toll_conflicts(
            a,
            plain,
            scored,
            chosen,
            Contradictions(a, plain, scored, Settings()),
            frozenset(),
            Settings(),
        )
        == []
    )


def test_counts_of_two_places_in_one_claim_are_parts(extractor: Extractor) -> None:
    breakdown = extracted(
        extractor, "In Ercis 169 people were killed, while 95 died in Van city centre, he said."
    )
    whole = extracted(
        extractor, "Rescuers searched for survivors of a quake that killed at least 279 people.", 1
    )
    assert event_evidence(breakdown, whole) is None
