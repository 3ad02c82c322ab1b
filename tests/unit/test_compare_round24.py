"""Figures asked for, figures that count no one, and counts of people read closer.

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from claimdiff.compare import attribution_words, content_weights
from claimdiff.events import same_person_name
from claimdiff.evidence import event_evidence
from claimdiff.extract import Extractor
from claimdiff.features import tokens
from claimdiff.figures import number_conflicts
from claimdiff.model import Document, Label
from claimdiff.slots import HAD_SAID, SOUGHT, amounts, count_places
from claimdiff.statement import statement_claims
from tests.unit.helpers import claim, label_of
from tests.unit.helpers import extracted as extracted_on

extracted = partial(extracted_on, published=dt.date(2009, 6, 30))
"""The first claim the real pipeline finds in a text, in a report of this file's date."""


@pytest.mark.parametrize(
    "text",
    [
        "The judge dismissed the lawyer's plea for a lighter sentence of 12 years.",
        "Prosecutors had sought 25 years in prison.",
        "His lawyers asked for a sentence of 12 years.",
        "A probation officer had recommended 100 years.",
    ],
)
def test_a_figure_asked_for_has_its_role(extractor: Extractor, text: str) -> None:
    assert [a.role for a in amounts(extracted(extractor, text))] == [SOUGHT]


@pytest.mark.parametrize(
    "text",
    [
        # a plan of the speaker's, not a figure asked of someone
        "Leaders met, seeking to dial back tensions between the two former adversaries.",
        "He was sentenced to 150 years in prison.",
    ],
)
def test_other_figures_are_no_figure_asked_for(extractor: Extractor, text: str) -> None:
    assert all(a.role != SOUGHT for a in amounts(extracted(extractor, text)))


def test_a_sentence_asked_for_is_no_rival_of_the_sentence_given(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        "In his decision, the judge dismissed Madoff's lawyer's plea for a lighter sentence"
        " of 12 years.",
    )
    b = extracted(extractor, "Bernie Madoff was yesterday sentenced to 150 years in prison.", 1)
    assert number_conflicts(a, b) == []
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert "Only the first source gives 12 years (a figure asked for)." in reasons
    # two sentences asked for still meet: "sought 25 years" / "asked for 30 years"
    c = extracted(extractor, "Prosecutors had sought 25 years in prison.")
    d = extracted(extractor, "Prosecutors asked for 30 years in prison.", 1)
    assert number_conflicts(c, d)


def test_one_person_named_by_a_possessive_counts_no_one(extractor: Extractor) -> None:
    a = extracted(
        extractor, "The judge added that he was particularly moved by one victim's statement."
    )
    b = extracted(extractor, "Chin heard statements from nine of Madoff's victims.", 1)
    assert amounts(a) == []
    assert number_conflicts(a, b) == []
    # one victim is still a count where it is one
    c = extracted(extractor, "Only one victim survived the attack.")
    assert [x.value for x in amounts(c)] == [1.0]


def test_what_a_source_had_said_is_its_figure_where_the_claim_gives_no_other(
    extractor: Extractor,
) -> None:
    a = extracted(
        extractor,
        "A Syrian official told The Associated Press that the attack left seven people"
        " dead and another nine injured.",
    )
    b = extracted(
        extractor,
        "The Syrian army had said earlier that six people were killed in the strike on the base.",
        1,
    )
    assert [x.role for x in amounts(b)] == [HAD_SAID]
    assert [(unit, x, y) for unit, x, y, _ in number_conflicts(a, b)] == [
        ("people", "seven people", "six people")
    ]
    assert label_of(a, b)[0] is Label.CONFLICT


def test_what_a_source_had_said_is_an_earlier_value_beside_the_claims_own_count(
    extractor: Extractor,
) -> None:
    # one claim of the whole sentence, as ``match_statements`` reads it
    a, b = statement_claims(
        [
            "Officials had said that four people were killed in the first hours of the attack, but"
            " nine people were killed.",
            "Nine people were killed in the attack.",
        ],
        dt.date(2017, 4, 8),
    )
    assert [x.role for x in amounts(a)] == [HAD_SAID, ""]
    assert number_conflicts(a, b) == []
    # and any other figure someone had given is an earlier value, whatever the claim says
    c = extracted(extractor, "Some media outlets had reported that Heard was 72 when he died.")
    d = extracted(extractor, "Heard was 71 when he died.", 1)
    assert [x.role for x in amounts(c)] == ["earlier"]
    assert number_conflicts(c, d) == []
    # and "previous reports" give an earlier figure whoever gave it
    e = extracted(extractor, "Previous reports had said that four people had been killed.")
    f = extracted(extractor, "Three people were killed in the attack.", 1)
    assert number_conflicts(e, f) == []


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("At least 45 students between 6 and 14 years old were killed.", "dead"),
        ("Twelve children, aged 6 to 14, were hurt.", "hurt"),
        ("Forty students aged 12 were injured.", "hurt"),
        # an age range after a count that undergoes nothing
        ("45 students between 6 and 14 years old attended.", ""),
    ],
)
def test_the_fate_of_a_count_past_the_ages_of_those_it_counts(
    extractor: Extractor, text: str, fate: str
) -> None:
    count = amounts(extracted(extractor, text))[0]
    assert count.fate == fate


def test_no_deaths_in_a_quake_of_another_month_are_no_rival_of_a_toll(
    extractor: Extractor,
) -> None:
    on = partial(extracted_on, published=dt.date(2011, 2, 22))
    a = on(
        extractor,
        "Tuesday's magnitude-6.3 temblor struck closer to downtown than a quake that heavily"
        " damaged Christchurch in September but caused no deaths.",
    )
    b = on(extractor, "Prime minister John Key says at least 65 people have died.", 1)
    assert event_evidence(a, b) is None
    # no casualties reported of the event itself still tie the two to one event
    c = on(extractor, "There were no immediate reports of casualties in Christchurch.")
    assert event_evidence(c, b) == "one reports people killed or hurt, the other no casualties"


def test_names_and_words_meet_without_their_accents() -> None:
    assert same_person_name("Saïd Kouachi", "Said Kouachi")
    assert same_person_name("Chérif Kouachi", "Kouachi")
    assert not same_person_name("Chérif Kouachi", "Said Kouachi")
    a = claim("Joaquín Guzmán Loera has been arrested.", lemmas=("joaquín", "guzmán", "arrest"))
    b = claim("Joaquin Guzman was arrested.", doc=1, lemmas=("joaquin", "guzman", "arrest"))
    assert tokens(a) == tokens(b) == ["joaquin", "guzman", "arrest"]


def test_a_quotations_speaker_told_past_it_in_several_pieces_is_no_wording(
    extractor: Extractor,
) -> None:
    a = extracted(
        extractor,
        '"I am desperate and depressed," his brother, Abdelmajid Belaid, told the AFP news agency.',
    )
    b = extracted(
        extractor,
        "\u201cI am desperate and depressed,\u201d said Abdelmajid Belaid, brother of the slain"
        " leader.",
        1,
    )
    assert {"slain", "leader"} <= attribution_words(b)
    assert {"afp", "news", "agency"} <= attribution_words(a)
    label, reasons = label_of(a, b)
    assert label is Label.AGREE
    assert not any(r.startswith("Worded apart") for r in reasons)
    # a tail that says more than who spoke is wording still
    c = extracted(
        extractor,
        '"We are sad," said Abdelmajid Belaid, as thousands marched through the capital to'
        " mourn the slain leader.",
    )
    assert "thousands" not in attribution_words(c)
    # when it was said has a reason of its own: it stays content
    d = extracted(extractor, '"I wanted to bring the most beautiful people," Tunick said Sunday.')
    assert "tunick" in attribution_words(d)
    assert "sunday" not in attribution_words(d)
    # a word the quotation says too is its content; so is a figure
    e = extracted(
        extractor,
        '"We\'re a quiet, peaceful town of 862 people," said Carolyn Greene Bennett, Cedar'
        " Grove's town recorder.",
    )
    assert {"recorder", "carolyn"} <= attribution_words(e)
    assert "town" not in attribution_words(e)
    # the speaker told before the quotation, the verb last
    f = extracted(
        extractor,
        'Mr Russell, 46, a coal miner from Brisbane, said: "They are obviously hurting."',
    )
    assert {"coal", "miner", "russell"} <= attribution_words(f)
    assert "46" not in attribution_words(f)
    # a tail that says something before its source is no attribution
    g = extracted(
        extractor,
        'IBM is also "pursuing membership in the group" and plans to be an active participant,'
        " according to the CELF statement.",
    )
    assert "participant" not in attribution_words(g)


@pytest.mark.parametrize(
    "text", ["I knew one day I\u2019d be a world-record holder.", "I knew I'd be a champion."]
)
def test_a_contracted_would_hedges_as_would_does(extractor: Extractor, text: str) -> None:
    assert extracted(extractor, text).modality == "would"


def test_what_an_acronym_of_the_speaker_stands_for_is_no_content(extractor: Extractor) -> None:
    defined = "The Independent Electoral and Boundaries Commission (IEBC) met on Monday. "
    a = extractor.extract(
        Document(
            0,
            "a",
            "s",
            defined + "It was a narrow margin of victory with Ruto winning more votes than"
            " Odinga, the IEBC chairperson said.",
            "x",
        )
    )[-1]
    b = extractor.extract(
        Document(
            1,
            "b",
            "s",
            defined + '"We are not at Bomas because we cannot take ownership of the results,"'
            " IEBC vice chairperson Juliana Cherera said.",
            "y",
        )
    )[-1]
    assert {"independent", "commission"} <= set(a.lemmas)  # the acronym, spelled out
    assert not {"independent", "commission"} & content_weights(a).keys()
    # two claims told with "be" that share nothing but who spoke deny nothing of each other
    label, reasons = label_of(a, b)
    assert label is Label.PARTIAL
    assert any("though not about the same action" in r for r in reasons)


def test_a_toll_where_a_village_is_is_that_villages_part(extractor: Extractor) -> None:
    a = extracted(
        extractor,
        '"We have to fit 37 people in one tent," said Giyasettin Celen, who lost three family'
        " members in Dogonu Koyu, a village beside Lake Van where he said 15 people died.",
    )
    b = extracted(
        extractor, "An earthquake killed at least 264 people in Turkey as residents fled.", 1
    )
    c = extracted(extractor, "The earthquake killed at least 264 people.", 1)
    (toll,) = [x for x in amounts(a) if x.fate == "dead"]
    assert "village" in count_places(a, toll)
    assert number_conflicts(a, b) == []
    assert number_conflicts(a, c) == []
    # a town named by its name is compared as before
    d = extracted(extractor, "In the town, 15 people died, officials said.")
    assert number_conflicts(d, c)
