"""An acronym one report writes and the other spells out: "The NTSB and FAA are
investigating" / "The National Transportation Safety Board is continuing to investigate".

Each case comes from a report pair of another story than the dev pairs.
"""

from __future__ import annotations

from claimdiff.features import bridged_profiles, idf_overlap, names_by_initials, profile
from claimdiff.model import Claim
from tests.unit.helpers import claim

_BOARD = "The National Transportation Safety Board"


def _board(doc: int = 1) -> Claim:
    return claim(
        f"{_BOARD} is continuing to investigate the crash.",
        doc=doc,
        names=((_BOARD, "National Transportation Safety Board", "ORG"),),
        lemmas=("national", "transportation", "safety", "board", "continue", "investigate"),
    )


def _acronyms(text: str, *names: str, lemmas: tuple[str, ...] = ()) -> Claim:
    return claim(text, names=tuple((n, n, "ORG") for n in names), lemmas=lemmas)


def test_an_acronym_meets_the_name_the_other_report_spells_out() -> None:
    a = _acronyms(
        "The NTSB and FAA are investigating the crash, officials said.",
        "NTSB",
        "FAA",
        lemmas=("ntsb", "faa", "investigate", "crash", "official"),
    )
    b = _board()
    [bridged] = bridged_profiles([a], [b])
    assert bridged.key == "ntsb national transportation safety board faa investigate crash official"
    plain, _ = idf_overlap(profile(a), profile(b))
    spelled, _ = idf_overlap(bridged, profile(b))
    assert spelled > 2 * plain
    assert "transportation safety" in bridged.bigrams
    # and the other way round: the name meets the acronym's claim as it was
    [other] = bridged_profiles([b], [a])
    assert other is profile(b)


def test_an_acronym_the_other_report_writes_more_often_meets_itself_there() -> None:
    # "United Parcel Service Inc. has ditched its takeover" in the lead, "UPS" after it
    lead = claim(
        "United Parcel Service Inc. has ditched its takeover of TNT Express.",
        doc=1,
        names=(("United Parcel Service Inc.", "United Parcel Service", "ORG"),),
        lemmas=("united", "parcel", "service", "ditch", "takeover", "tnt", "express"),
    )
    later = [
        _acronyms(f"UPS said {what}.", "UPS", lemmas=("ups", what)) for what in ("regret", "shares")
    ]
    mine = _acronyms("UPS had offered to buy TNT.", "UPS", lemmas=("ups", "offer", "buy", "tnt"))
    assert names_by_initials([lead, *later])["UPS"][1] == 1
    [kept] = bridged_profiles([mine], [lead, *later])
    assert kept is profile(mine)
    # against the lead alone, the name is what that report writes
    [bridged] = bridged_profiles([mine], [lead])
    assert {"united", "parcel", "service"} <= bridged.words


def test_initials_skip_the_small_words_of_a_name_and_take_the_claims_own_lemmas() -> None:
    bank = claim(
        "Banque Nationale de Paris agreed to pay.",
        doc=1,
        names=(("Banque Nationale de Paris", "Banque Nationale de Paris", "ORG"),),
        lemmas=("banque", "nationale", "paris", "agree", "pay"),
    )
    systems = claim(
        "Electronic Data Systems was bought.",
        doc=1,
        names=(("Electronic Data Systems", "Electronic Data Systems", "ORG"),),
        lemmas=("electronic", "datum", "system", "buy"),
    )
    found = names_by_initials([bank, systems])
    assert found["BNP"] == (("banque", "nationale", "paris"), 1)
    # "Systems" is the lemma the parser made of it; "Data" has none of its own here
    assert found["EDS"] == (("electronic", "data", "system"), 1)


def test_no_acronym_is_read_from_a_person_or_a_name_of_one_word() -> None:
    person = claim(
        "Anders Behring Breivik was found sane.",
        doc=1,
        names=(("Anders Behring Breivik", "Anders Behring Breivik", "PERSON"),),
    )
    one_word = claim("Reuters reported it.", doc=1, names=(("Reuters", "Reuters", "ORG"),))
    lower = claim(
        "the group of seven met.", doc=1, names=(("group of seven", "group of seven", "ORG"),)
    )
    assert names_by_initials([person, one_word, lower]) == {}


def test_a_claim_that_spells_the_name_itself_is_left_as_it_is() -> None:
    a = _acronyms(
        f"{_BOARD} (NTSB) is investigating.",
        "NTSB",
        lemmas=("national", "transportation", "safety", "board", "ntsb", "investigate"),
    )
    [kept] = bridged_profiles([a], [_board()])
    assert kept is profile(a)


def test_words_in_capitals_that_no_name_abbreviates_are_left_alone() -> None:
    a = _acronyms("The FAA said it was looking into it.", "FAA", lemmas=("faa", "look"))
    [kept] = bridged_profiles([a], [_board()])
    assert kept is profile(a)
