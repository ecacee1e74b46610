"""Session-wide fixtures: the loaded taxonomy and resources, and the sample resumes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = Path(__file__).resolve().parent / "expected"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/factory.py importable as "factory"


@pytest.fixture(scope="session")
def taxonomy():
    from analyzer.taxonomy import load_taxonomy

    return load_taxonomy()


@pytest.fixture(scope="session")
def resources():
    from analyzer.pipeline import load_resources

    return load_resources()


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))
