"""A copy of the shipped taxonomy with one file changed, for the tests of its validation."""

from __future__ import annotations

import shutil
from pathlib import Path

from analyzer.taxonomy import taxonomy_root


def changed_taxonomy(tmp_path: Path, name: str, old: str, new: str) -> str:
    """The shipped taxonomy copied under ``tmp_path`` with ``old`` replaced once by ``new`` in file ``name``."""
    root = tmp_path / "taxonomy"
    shutil.copytree(taxonomy_root(), root)
    text = (root / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}: the test no longer changes anything"
    (root / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(root)
