"""Who each source cites: speakers counted per document and lined up across documents."""

from __future__ import annotations

import hashlib

from claimdiff.model import Claim, Comparison, Document
from claimdiff.sourcing import cell_text, document_summary, sourcing


def _comparison(*sides: list[tuple[str | None, bool]]) -> Comparison:
    """One document per side; each claim is (speaker, quotes the speaker)."""
    documents, claims = [], []
    for position, side in enumerate(sides):
        text = " ".join("A claim." for _ in side)
        sha = hashlib.sha256(text.encode()).hexdigest()
        documents.append(Document(position, "t", f"S{position}", text, sha))
        for k, (speaker, quoted) in enumerate(side):
            quotes = ("We will act.",) if quoted else ()
            claims.append(
                Claim(len(claims), position, 9 * k, 9 * k + 8, "A claim.", speaker, quotes)
            )
    return Comparison(documents=tuple(documents), claims=tuple(claims), links=())


def test_each_document_counts_its_attributed_and_quoted_claims() -> None:
    cited = sourcing(
        _comparison(
            [("Boris Johnson", True), ("Boris Johnson", False), (None, False)],
            [("police", False), (None, False)],
        )
    )
    assert [(d.claims, d.attributed, d.quoted) for d in cited.documents] == [(3, 2, 1), (2, 1, 0)]
    johnson = cited.speakers[0]
    assert (johnson.name, johnson.claims, johnson.quoted) == ("Boris Johnson", ((0, 1), ()), (1, 0))
    assert cell_text(johnson, 0) == "2 (1 quoted)"
    assert cell_text(johnson, 1) == "\u2014"
    assert document_summary("AFP", cited.documents[0]) == (
        "AFP: 2 of 3 claims attributed, 1 with a quotation"
    )


def test_one_person_named_two_ways_is_one_speaker() -> None:
    cited = sourcing(
        _comparison(
            [("Johnson", False), ("Christoph Castaner", False)],
            [("Boris Johnson", True), ("Christophe Castaner", False)],
        )
    )
    by_name = {s.name: s.claims for s in cited.speakers}
    # the fullest form names the group; shared speakers come first
    assert by_name == {"Boris Johnson": ((0,), (2,)), "Christophe Castaner": ((1,), (3,))}
    assert all(s.cited_by == 2 for s in cited.speakers)


def test_a_given_name_and_its_short_form_are_one_speaker() -> None:
    cited = sourcing(
        _comparison(
            [("Bill Hardaway", False), ("Katie Morrow", False)],
            [("William Hardaway", False), ("John Morrow", False)],
        )
    )
    assert {s.name: s.claims for s in cited.speakers} == {
        "William Hardaway": ((0,), (2,)),
        "Katie Morrow": ((1,), ()),
        "John Morrow": ((), (3,)),
    }


def test_a_capital_or_a_title_makes_no_other_speaker() -> None:
    cited = sourcing(
        _comparison(
            [("Police", False), ("Mr Alishbandi", False), ("police", False)],
            [("Heydar Alishbandi", False)],
        )
    )
    by_name = {s.name: s.claims for s in cited.speakers}
    # "Police" opened its sentence: the group shows the word as it reads mid-sentence
    assert by_name == {"Heydar Alishbandi": ((1,), (3,)), "police": ((0, 2), ())}


def test_a_person_and_their_spokeswoman_are_two_speakers() -> None:
    cited = sourcing(
        _comparison(
            [("Theresa May", False), ("AMD", False)],
            [("Theresa May's spokeswoman", False), ("AMD officials", False)],
        )
    )
    assert len(cited.speakers) == 4


def test_a_common_noun_joins_the_name_its_own_report_gives() -> None:
    cited = sourcing(
        _comparison(
            [("observatory", False), ("Hong Kong Observatory", False)],
            [("observatory", False)],
        )
    )
    by_name = {s.name: s.claims for s in cited.speakers}
    # the other report never named it: its "observatory" may be another one
    assert by_name == {"Hong Kong Observatory": ((0, 1), ()), "observatory": ((), (2,))}


def test_speakers_cited_by_more_sources_and_more_often_come_first() -> None:
    cited = sourcing(
        _comparison(
            [("Ayrault", False), ("Ayrault", False), ("Ayrault", False), ("Kishida", False)],
            [("Kishida", False)],
        )
    )
    assert [s.name for s in cited.speakers] == ["Kishida", "Ayrault"]


def test_no_speaker_means_no_rows() -> None:
    cited = sourcing(_comparison([(None, False)], [(None, False)]))
    assert cited.speakers == ()
    assert [d.attributed for d in cited.documents] == [0, 0]
