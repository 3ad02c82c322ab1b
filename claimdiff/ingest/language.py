"""A cheap language guess from stop-word shares, enough to warn about non-English text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimdiff.model import Document

MIN_WORDS = 25
"""Shorter texts are too small to judge; they are taken as English."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in a is that for on was with he it as at by from his said have be "
        "are has its were which this not but they their an who will been had would after"
    ),
    "de": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie"
    ),
    "fr": _words(
        "le la les de des et en un une du est que qui dans pour pas sur au avec il par ce "
        "plus sont ont été mais ses elle aux son leur cette nous"
    ),
    "es": _words(
        "el la los las de del y en un una que es por con para se su al lo como más pero "
        "sus le ya fue este ha sido porque esta entre cuando muy sin sobre"
    ),
    "it": _words(
        "il lo la gli le di del della e è un una che per con non sono in da al alla dei "
        "nel nella si ha come anche più ma questo"
    ),
    "pt": _words(
        "o a os as de do da dos das e em um uma que é para com não por se na no mais "
        "como mas foi ao ele ela seu sua ou"
    ),
    "nl": _words(
        "de het een en van in is dat op te zijn met voor niet aan er om ook als bij door "
        "maar uit naar werd wordt worden heeft"
    ),
    "ru": _words(
        "и в не на что с по как это он к из за от для то о же но так был его она они "  # noqa: RUF001
        "было бы уже при также"
    ),
}
_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "und": "an unknown language",
}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """Return an ISO 639-1 code, ``und`` when the language is unknown, ``en`` when unsure."""
    words = [word.lower() for word in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS:
        return "en"
    shares = {
        code: sum(1 for word in words if word in stops) / len(words)
        for code, stops in _STOP_WORDS.items()
    }
    best = max(shares, key=lambda code: shares[code])
    # Running English prose has 35-50% stop words; under 10% it is not English.
    if shares["en"] >= 0.10 and shares["en"] >= shares[best] * 0.8:
        return "en"
    return best if shares[best] >= 0.10 else "und"


def language_name(code: str) -> str:
    """A readable name for a code from :func:`detect_language`."""
    return _NAMES.get(code, code)


def language_notices(documents: Sequence[Document]) -> tuple[str, ...]:
    """One warning per document that does not look English."""
    return tuple(_notice(document) for document in documents if document.language != "en")


def _notice(document: Document) -> str:
    code = document.language
    what = (
        "does not look English"
        if code == "und"
        else f"looks {language_name(code)} ({code}), not English"
    )
    return (
        f"{_label(document)} {what}: claims are extracted with an English model, "
        "so expect fewer and weaker links"
    )


def _label(document: Document) -> str:
    if document.path:
        return document.path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{document.source} (document {document.id + 1})"
