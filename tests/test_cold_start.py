"""Start-up: TF-IDF without scikit-learn gives scikit-learn's numbers, the disk cache is used only
when it can be trusted, and a command-line run leaves no process behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from analyzer import cache, tfidf
from analyzer.taxonomy import load_bank
from analyzer.skills import _analyse
from analyzer.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "long_career_douglas_achterberg.pdf"


def _identical(ours, theirs) -> bool:
    return (ours.shape == theirs.shape and np.array_equal(ours.indptr, theirs.indptr)
            and np.array_equal(ours.indices, theirs.indices) and np.array_equal(ours.data, theirs.data))


@pytest.fixture(scope="module")
def bank_texts() -> list[str]:
    bank = load_bank()
    return [q.text for t in bank.topics for q in t.questions] + [t.text for t in bank.templates]


@pytest.mark.parametrize("options", [{}, {"stop_words": "english"}, {"ngram_range": (1, 2)},
                                     {"stop_words": "english", "ngram_range": (1, 2)}])
def test_tfidf_gives_scikit_learns_floats_bit_for_bit(bank_texts, options):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    rows = [i % 50 for i in range(120)]  # repeated rows, as the question ranking builds them
    counts = CountVectorizer(**options).fit_transform(bank_texts)
    assert _identical(tfidf.tfidf_counts(bank_texts, **options), counts)
    theirs = TfidfTransformer(sublinear_tf=True).fit_transform(counts[rows])
    ours = tfidf.tfidf_weigh(tfidf.tfidf_counts(bank_texts, **options)[rows])
    assert _identical(ours, theirs)
    assert np.array_equal((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray())


def test_a_fitted_tfidf_applies_like_scikit_learns_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    descriptions = [d for topic in load_taxonomy().inferred for d in topic.descriptions]
    theirs = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True)
    fitted = tfidf.FittedTfidf.fit(descriptions, _analyse)
    assert _identical(fitted.matrix, theirs.fit_transform(descriptions))
    new = ["Forecast weekly demand for each store", "Predicted which customers would churn", "zzz"]
    assert _identical(fitted.transform(new), theirs.transform(new))


# --- the disk cache ---------------------------------------------------------------------------------


class _Builds:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> dict:
        self.count += 1
        return {"built": self.count}


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(directory))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return directory


def test_a_value_is_built_once_then_read_from_a_private_directory(cache_dir):
    build = _Builds()
    assert cache.cached("thing", build) == {"built": 1}
    assert cache.cached("thing", build) == {"built": 1} and build.count == 1
    assert os.stat(cache_dir).st_mode & 0o777 == 0o700
    (entry,) = cache_dir.glob("thing-*.pickle")
    assert os.stat(entry).st_mode & 0o777 == 0o600


def test_a_damaged_entry_is_rebuilt_never_used(cache_dir):
    build = _Builds()
    cache.cached("thing", build)
    (entry,) = cache_dir.glob("thing-*.pickle")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.cached("thing", build) == {"built": 2}
    entry.write_bytes(entry.read_bytes()[:40])  # cut short
    assert cache.cached("thing", build) == {"built": 3}
    assert cache.cached("thing", build) == {"built": 3}, "the rebuilt entry is good again"


def test_an_entry_others_could_have_written_is_not_read(cache_dir):
    build = _Builds()
    cache.cached("thing", build)
    (entry,) = cache_dir.glob("thing-*.pickle")
    os.chmod(entry, 0o666)
    assert cache.cached("thing", build) == {"built": 2}, "a file others may write is ignored"
    os.chmod(cache_dir, 0o777)
    assert not cache.is_private_directory(cache_dir)
    assert cache.cached("thing", build) == {"built": 3}, "a directory others may write is not read"
    assert os.stat(cache_dir).st_mode & 0o777 == 0o700, "and it is closed again when written to"


def test_the_key_follows_the_inputs_and_the_old_entry_goes(cache_dir, tmp_path):
    inputs = tmp_path / "taxonomy"
    inputs.mkdir()
    (inputs / "skills.toml").write_text("[a]\n")
    build = _Builds()
    assert cache.cached("thing", build, inputs=(inputs,)) == {"built": 1}
    (inputs / "skills.toml").write_text("[b]\n")
    assert cache.cached("thing", build, inputs=(inputs,)) == {"built": 2}
    assert len(list(cache_dir.glob("thing-*.pickle"))) == 1


def test_the_cache_can_be_turned_off(cache_dir, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    build = _Builds()
    cache.cached("thing", build)
    cache.cached("thing", build)
    assert build.count == 2 and not cache_dir.exists()


# --- the command line -------------------------------------------------------------------------------


def _run_cli(args: list[str], cache_path: Path, **env: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run the CLI in its own session; then list every process still in that session."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **{cache.ENV_DIR: str(cache_path)}, **env)
    environment.pop(cache.ENV_OFF, None)
    process = subprocess.Popen([sys.executable, "-m", "analyzer", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment, start_new_session=True)
    out, err = process.communicate(timeout=900)
    left = [f"{pid}: {state}" for pid, state in _session_members(process.pid)]
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), left


def _session_members(session: int) -> list[tuple[int, str]]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()  # after "pid (name) ": state ppid pgrp session
        if int(fields[3]) == session:
            members.append((int(stat.parent.name), fields[0]))
    return members


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lists processes through /proc")


@needs_proc
def test_the_cli_leaves_no_process_behind_and_reads_the_same_from_its_cache(tmp_path):
    cold, left = _run_cli(["analyze", str(SAMPLE), "--format", "json"], tmp_path / "cache")
    assert cold.returncode == 0 and left == [], f"still there after the command returned: {left}"
    warm, left = _run_cli(["analyze", str(SAMPLE), "--format", "json"], tmp_path / "cache")
    assert warm.returncode == 0 and left == [], f"still there after the command returned: {left}"
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert list((tmp_path / "cache").glob("resources-*.pickle")), "the built pipeline was stored"


@needs_proc
def test_a_refused_file_leaves_no_process_behind_either(tmp_path):
    bad = tmp_path / "resume.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    result, left = _run_cli(["flags", str(bad)], tmp_path / "cache")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert left == [], f"still there after the command returned: {left}"


def test_a_warm_run_never_imports_scikit_learn(tmp_path):
    script = (
        "import sys\n"
        "from analyzer.pipeline import analyze, load_resources\n"
        "load_resources()\n"
        f"analyze({str(SAMPLE)!r})\n"
        "print('sklearn' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{cache.ENV_DIR: str(tmp_path / "cache")})
    env.pop(cache.ENV_OFF, None)
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=900)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr[-500:] for r in runs]


@needs_proc
def test_a_batch_with_two_workers_leaves_no_process_behind(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("ambiguous_julia_okafor.pdf", "analyst_priya_natarajan.pdf"):
        (folder / name).write_bytes((ROOT / "samples" / name).read_bytes())
    result, left = _run_cli(["batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2"], tmp_path / "cache")
    assert result.returncode == 0 and (tmp_path / "out" / "summary.csv").exists()
    assert left == [], f"still there after the command returned: {left}"


def test_the_cli_process_leaves_the_pdf_library_to_its_children(tmp_path):
    # WHY: the parse runs in the fork server's children, so the command itself never pays for
    # importing pdfplumber (-X importtime is not passed on to the fork server, which we do not see).
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{cache.ENV_DIR: str(tmp_path / "cache")})
    env.pop(cache.ENV_OFF, None)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "analyzer", "analyze", str(SAMPLE),
                           "--format", "json"], capture_output=True, text=True, env=env, timeout=900)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert done.returncode == 0 and json.loads(done.stdout)["entries"]
    assert "spacy" in imported and not {name for name in imported if name.startswith(("pdfplumber", "pdfminer"))}
