"""Collect only the parts of spaCy that an English pipeline needs at run time.

The hook shipped with pyinstaller-hooks-contrib collects every submodule, which pulls in
spaCy's test suite (and with it pytest) and seventy languages; this one keeps English.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

KEEP_LANGUAGES = ("en",)


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if "tests" in parts:
        return False
    if len(parts) >= 3 and parts[1] == "lang":
        # spacy.lang.<code>... is a language; spacy.lang.<module> is shared code.
        is_language = parts[2].isalpha() and len(parts[2]) <= 3
        return not is_language or parts[2] in KEEP_LANGUAGES
    return True


def _wanted_data(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    if "tests" in parts:
        return False
    if len(parts) >= 3 and parts[1] == "lang":
        return parts[2] in KEEP_LANGUAGES
    return not path.endswith((".pyx", ".pxd", ".pyi"))


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = [
    (src, dest)
    for src, dest in collect_data_files("spacy")
    if _wanted_data(dest + "/" + src.rsplit("/", 1)[-1])
]
datas += copy_metadata("spacy")
