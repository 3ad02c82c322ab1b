"""Collect thinc without its tests or the torch/tensorflow/mxnet shims' heavy extras."""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
datas = collect_data_files("thinc", excludes=["**/tests/**"]) + copy_metadata("thinc")
