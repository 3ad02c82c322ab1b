"""Claim extraction on the two seed articles, checked by content."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.extract import Extractor
from claimdiff.ingest import read_document
from claimdiff.model import Claim, Document
from tests.conftest import AFP, RFERL


@pytest.fixture(scope="module")
def afp(extractor: Extractor) -> tuple[Document, tuple[Claim, ...]]:
    document = read_document(AFP)
    return document, extractor.extract(document)


@pytest.fixture(scope="module")
def rferl(extractor: Extractor) -> tuple[Document, tuple[Claim, ...]]:
    document = read_document(RFERL)
    return document, extractor.extract(document)


def find(claims: tuple[Claim, ...], fragment: str) -> Claim:
    found = [c for c in claims if fragment in c.text]
    assert len(found) == 1, f"{fragment!r} in {len(found)} claims"
    return found[0]


@pytest.mark.parametrize("name", ["afp", "rferl"])
def test_offsets_are_exact_and_no_claim_spans_a_blank_line(
    name: str, request: pytest.FixtureRequest
) -> None:
    document, claims = request.getfixturevalue(name)
    assert len(claims) >= 15
    for claim in claims:
        assert document.text[claim.start : claim.end] == claim.text
        assert "\n\n" not in claim.text
        for slot in (*claim.entities, *claim.quantities, *claim.dates):
            assert document.text[slot.start : slot.end] == slot.text


def test_afp_johnson_on_monday(afp: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = afp
    claim = find(claims, "Johnson said on Monday")
    assert claim.speaker in ("Johnson", "Boris Johnson")
    assert [d.value for d in claim.dates] == [dt.date(2017, 4, 10)]
    assert "damaging Russia" in claim.quotes


def test_afp_he_said_goes_back_to_the_previous_speaker(
    afp: tuple[Document, tuple[Claim, ...]],
) -> None:
    _, claims = afp
    claim = find(claims, "deliver that clear and co-ordinated message")
    assert claim.speaker in ("Johnson", "Boris Johnson")
    assert claim.modality is None  # a reported "will", not a hedge
    assert claim.quotes == ("deliver that clear and co-ordinated message to the Russians",)
    ayrault = find(claims, "The fight against terrorism")
    assert ayrault.speaker == "Jean-Marc Ayrault"


def test_afp_weekdays_resolve_against_the_dateline(
    afp: tuple[Document, tuple[Claim, ...]],
) -> None:
    _, claims = afp
    assert [d.value for d in find(claims, "urged Russia on Sunday").dates] == [dt.date(2017, 4, 9)]
    meeting = find(claims, "last-minute meeting on Tuesday")
    assert [d.value for d in meeting.dates] == [dt.date(2017, 4, 11)]
    assert [(d.value, d.granularity) for d in find(claims, "since March 2011").dates] == [
        (dt.date(2011, 3, 1), "month")
    ]


def test_afp_entities_are_canonical(afp: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = afp
    gathering = find(claims, "The G-7 gathering")
    canon = [e.canonical for e in gathering.entities]
    assert {"G7", "United States", "United Kingdom", "Japan"} <= set(canon)
    meeting = find(claims, "last-minute meeting on Tuesday")
    assert "United Arab Emirates" in [e.canonical for e in meeting.entities]
    assert all(e.label not in ("DATE", "CARDINAL", "ORDINAL") for c in claims for e in c.entities)


def test_afp_quantities(afp: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = afp
    (toll,) = find(claims, "320,000").quantities
    assert (toll.value, toll.unit, toll.qualifier, toll.low) == (
        320_000,
        "people",
        "more than",
        320_000,
    )
    # "March 2011" is a date, not a quantity
    assert all(q.value != 2011 for c in claims for q in c.quantities)


def test_afp_quote_over_two_sentences(afp: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = afp
    first = find(claims, "We agreed that the role of China")
    assert first.speaker in ("Kishida", "Fumio Kishida")
    assert first.quotes == ("We agreed that the role of China is extremely important.",)


def test_rferl_quantities(rferl: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = rferl
    (share,) = find(claims, "about 20 percent").quantities
    assert (share.value, share.unit, share.qualifier) == (20, "percent", "about")
    assert share.low < 20 < share.high
    (toll,) = find(claims, "more than 80 people").quantities
    assert (toll.low, toll.unit, toll.qualifier) == (80, "people", "more than")
    assert toll.low <= 87 <= toll.high  # "more than 80" is consistent with 87


def test_rferl_speakers_dates_and_modality(rferl: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = rferl
    mattis = find(claims, "about 20 percent")
    assert mattis.speaker == "Jim Mattis"
    assert [d.value for d in mattis.dates] == [dt.date(2017, 4, 10)]
    assert mattis.predicate == "destroy"
    johnson = find(claims, "Boris Johnson said on April 10")
    assert johnson.speaker == "Boris Johnson"
    assert (
        find(claims, "A spokeswoman for May").speaker
        == find(claims, "A window of opportunity").speaker
    )
    scheduled = find(claims, "Tillerson is scheduled to meet")
    assert (scheduled.modality, scheduled.predicate) == ("scheduled", "meet")
    assert "Rex Tillerson" in [e.canonical for e in scheduled.entities]
    strike = find(claims, "alleged chemical air strike")
    assert strike.modality == "alleged"
    assert [d.value for d in strike.dates] == [dt.date(2017, 4, 4)]


def test_rferl_entities_are_canonical(rferl: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = rferl
    first = [e.canonical for e in find(claims, "Group of Seven (G7)").entities]
    assert first.count("G7") == 2 and "United States" in first
    members = find(claims, "The G7 consists of")
    assert [e.canonical for e in members.entities] == [
        "G7",
        "United States",
        "Japan",
        "Germany",
        "United Kingdom",
        "Italy",
        "France",
        "Canada",
    ]


def test_rferl_coordinated_speakers_split(rferl: tuple[Document, tuple[Claim, ...]]) -> None:
    _, claims = rferl
    gabriel = find(claims, "Sigmar Gabriel says")
    ohtaka = find(claims, "Masato Ohtaka says")
    assert gabriel is not ohtaka
    assert (gabriel.speaker, ohtaka.speaker) == ("Sigmar Gabriel", "Masato Ohtaka")
    assert gabriel.sentence == ohtaka.sentence
