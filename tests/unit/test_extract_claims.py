"""The Extractor: claims with exact offsets, batching, progress and the blank-model fallback."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import PIPELINE_VERSION, Extractor, ModelMissingWarning, load_pipeline
from claimdiff.extract.claims import MODEL_NAME, prepare_tokenizer
from claimdiff.model import Document

TEXT = (
    'Johnson said on Monday that the G-7 would "send a clear message".\n\n'
    "Tillerson heads to Moscow on Tuesday; Lavrov will meet him there.\n\n"
    "An alleged strike killed more than 80 people in Khan Sheikhun."
)


def document(text: str = TEXT, doc_id: int = 0) -> Document:
    return Document(doc_id, "t", "s", text, "x", published=dt.date(2017, 4, 11))


def test_claims_have_exact_offsets_and_numbered_ids(extractor: Extractor) -> None:
    claims = extractor.extract(document())
    assert [c.id for c in claims] == list(range(len(claims)))
    assert all(TEXT[c.start : c.end] == c.text for c in claims)
    assert all(c.text == c.text.strip() and "\n\n" not in c.text for c in claims)
    # the semicolon sentence gives two claims that share a sentence number
    assert [c.sentence for c in claims] == [0, 1, 1, 2]


def test_slots_are_filled(extractor: Extractor) -> None:
    first, second, third, fourth = extractor.extract(document())
    assert first.speaker == "Johnson"
    assert first.quotes == ("send a clear message",)
    assert [d.value for d in first.dates] == [dt.date(2017, 4, 10)]
    assert [e.canonical for e in first.entities] == ["Johnson", "G7"]
    assert [d.value for d in second.dates] == [dt.date(2017, 4, 11)]
    assert third.predicate == "meet"
    assert fourth.modality == "alleged"
    assert [(q.qualifier, q.low, q.unit) for q in fourth.quantities] == [
        ("more than", 80, "people")
    ]


def test_extract_many_keeps_order_and_reports_progress(extractor: Extractor) -> None:
    calls: list[tuple[int, int]] = []
    docs = [document(TEXT, 0), document("", 1), document("Jets bombed the camp.", 2)]
    results = extractor.extract_many(docs, progress=lambda n, total: calls.append((n, total)))
    assert [len(r) for r in results] == [4, 0, 1]
    assert results[2][0].text == "Jets bombed the camp."
    assert results[2][0].document == 2
    # characters done out of all characters; the empty document counts as one
    total = len(TEXT) - 4 + 1 + len("Jets bombed the camp.")
    assert calls[-1] == (total, total)
    done = [n for n, _ in calls]
    assert done == sorted(done) and len(done) == 5


def test_long_documents_keep_exact_offsets(extractor: Extractor) -> None:
    paragraph = "Jets bombed the camp on Thursday, witnesses said. " * 400
    text = "\n".join([paragraph] * 3)  # over the chunk size, no blank lines
    claims = extractor.extract(document(text))
    assert len(claims) == 1200
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert {c.dates[0].value for c in claims} == {dt.date(2017, 4, 6)}


def test_pipeline_version_is_bumped() -> None:
    assert PIPELINE_VERSION.isdigit() and int(PIPELINE_VERSION) >= 3


def test_missing_model_falls_back_with_a_visible_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    blank = Extractor()
    with pytest.warns(ModelMissingWarning, match="not installed"):
        nlp = blank.nlp
    assert "sentencizer" in nlp.pipe_names
    assert any("not installed" in message for message in blank.warnings)
    claims = blank.extract(document())
    assert all(TEXT[c.start : c.end] == c.text for c in claims)
    # without a parser there is no speaker, but the name table, quotes and dates still work
    assert claims[0].speaker is None
    assert "G7" in [e.canonical for e in claims[0].entities]
    assert claims[0].quotes == ("send a clear message",)
    assert [d.value for d in claims[0].dates] == [dt.date(2017, 4, 10)]


def test_load_pipeline_adds_components_once() -> None:
    nlp, messages = load_pipeline()
    assert messages == []
    again = Extractor(nlp)
    assert again.nlp is nlp
    assert nlp.pipe_names.count("claimdiff_line_breaks") == 1
    assert nlp.pipe_names.count("claimdiff_names") == 1


def test_our_tokenizer_is_made_from_the_models_own(extractor: Extractor) -> None:
    # load_pipeline skips the model's stored tokenizer and makes ours from spaCy's English
    # defaults, which holds only while the model's tokenizer is those defaults
    stored = spacy.load(MODEL_NAME, exclude=["senter"])
    prepare_tokenizer(stored)
    ours, theirs = extractor.nlp.tokenizer, stored.tokenizer
    assert ours.rules == theirs.rules
    for search in ("prefix_search", "suffix_search", "infix_finditer", "token_match"):
        assert _pattern(getattr(ours, search)) == _pattern(getattr(theirs, search)), search
    text = "Cpl. Dunn said $10 billion-$15 billion, or £2.3m. U.S.-led talks don't end."
    assert [t.text for t in ours(text)] == [t.text for t in theirs(text)]
    assert "Cpl." in [t.text for t in ours(text)] and "2.3" in [t.text for t in ours(text)]


def _pattern(search: object) -> object:
    return getattr(getattr(search, "__self__", None), "pattern", search)


PIECES = [
    *"abc XYZ.,;:'\"\u201c\u201d\u2018\u2019-\n\t0123456789$%",
    *[" said", " Monday", " G-7", " U.S.", " more than", " 2,000ft", "\n\n", " Tillerson"],
]
"""Characters and words that exercise every slot, for random documents."""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_any_text_gives_claims_with_exact_offsets(extractor: Extractor, text: str) -> None:
    claims = extractor.extract(document(text))
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert any(ch.isalpha() for ch in claim.text)
        for slot in (*claim.entities, *claim.quantities, *claim.dates):
            assert text[slot.start : slot.end] == slot.text
        assert all(q.low <= q.high for q in claim.quantities)
