"""Property-based fuzzing of the reader and the text steps: they raise AnalyzerError or nothing.

The suite's budget is small (CI has two cores); ``bench/run.py`` runs the same targets longer
through :func:`run_fuzz`, which counts the inputs tried and collects the failures.
"""

from __future__ import annotations

import re
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer import errors
from analyzer.dates import PRESENT, find_date_range, month_index, parse_month, remove_dates
from analyzer.extract import read_pdf
from analyzer.links import classify_link, dedupe_links, find_typed_links, is_valid_url, make_link, normalise_url
from analyzer.models import Limits

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "analyst_priya_natarajan.pdf"
SUITE = settings(max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck))
FUZZ_LIMITS = Limits(seconds_per_page=1.0)
LINK_KINDS = {"github_repo", "github_profile", "gist", "kaggle", "linkedin", "scholar", "blog", "portfolio", "email", "other"}
_DATE_VALUE = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")

# --- strategies -----------------------------------------------------------------------------------

_SAMPLE_BYTES = SAMPLE.read_bytes()
# Resume-like fragments mixed into random text, so the regexes are exercised near their matches.
_FRAGMENTS = st.sampled_from([
    "Jan 2020", "– Present", "03/2019", "2018-2021", "Summer 2019", "Sept. 2018 to present", " - ", "since ",
    "from March 2020", "Now", "'20", "to date", "github.com/", "https://", "www.", "@", "mailto:", ".com",
    "linkedin.com/in/", "kaggle.com/", "[", "]", "::1", "%", "/", "?", "#", "gist.github.com/", "http://[",
])
resume_text = st.lists(st.one_of(st.text(max_size=12), _FRAGMENTS), max_size=12).map("".join)


@st.composite
def mutated_pdf(draw) -> bytes:
    """The sample resume with some bytes changed, a slice cut out or repeated, or the tail cut off."""
    data = bytearray(_SAMPLE_BYTES)
    for _ in range(draw(st.integers(0, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    action = draw(st.sampled_from(["none", "truncate", "cut", "repeat"]))
    a, b = sorted((draw(st.integers(0, len(data))), draw(st.integers(0, len(data)))))
    if action == "truncate":
        data = data[:a]
    elif action == "cut":
        del data[a:b]
    elif action == "repeat":
        data[a:a] = data[a:b][:4096]
    return bytes(data)


# --- checks (shared with the benchmark's longer run) ------------------------------------------------

def check_reader(data: bytes) -> None:
    try:
        document = read_pdf(data, limits=FUZZ_LIMITS)
    except errors.AnalyzerError as error:
        assert type(error) is not errors.AnalyzerError and str(error)
        return
    assert document.pages >= 1 and all(line.text for line in document.lines)


def check_dates(text: str) -> None:
    found = find_date_range(text)
    if found is not None:
        for value in (found.start, found.end):
            assert value is None or value == PRESENT or _DATE_VALUE.fullmatch(value), value
        assert 0 <= found.span[0] <= found.span[1] <= len(text)
        assert month_index(found.start, "2026-01") is None or isinstance(month_index(found.end, "2026-01", end=True), int)
    assert isinstance(remove_dates(text), str)
    try:
        assert parse_month(text) == text
    except ValueError:
        pass  # parse_month's documented way to refuse a user's --as-of


def check_links(text: str, anchor: str) -> None:
    links = [make_link(raw, anchor, 1) for raw in find_typed_links(text)]
    links.append(make_link(text, anchor, 1))
    for link in links:
        assert link.kind in LINK_KINDS, link.kind
        assert isinstance(link.valid, bool)
    assert classify_link(normalise_url(text), anchor) in LINK_KINDS
    assert isinstance(is_valid_url(text), bool)
    dedupe_links(links)


# --- the suite's short run ----------------------------------------------------------------------

@SUITE
@given(mutated_pdf())
def test_reader_raises_only_analyzer_errors(data):
    check_reader(data)


@SUITE
@given(resume_text)
def test_date_parsing_never_raises(text):
    check_dates(text)


@SUITE
@given(resume_text, resume_text)
def test_link_classification_never_raises(text, anchor):
    check_links(text, anchor)


def test_link_steps_survive_a_bracketed_host():
    # urllib raises ValueError("Invalid IPv6 URL") for an unclosed "[": found by this fuzzer.
    for text in ("[", "http://[github.com/x", "https://[::1"):
        check_links(text, "GitHub")


# --- the benchmark's longer run ---------------------------------------------------------------------

TARGETS = {
    "reader": (check_reader, st.tuples(mutated_pdf())),
    "dates": (check_dates, st.tuples(resume_text)),
    "links": (check_links, st.tuples(resume_text, resume_text)),
}


def run_fuzz(target: str, seconds: float) -> dict:
    """Run one target for about ``seconds``; count inputs tried and collect failures (never raises)."""
    check, strategy = TARGETS[target]
    tried = failed = 0
    failures: list[str] = []
    stop_at = time.monotonic() + seconds

    # Hypothesis has no time budget of its own: rounds of up to 200 examples until the time is up.
    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run_round(args):
        nonlocal tried, failed
        if time.monotonic() > stop_at:
            return  # budget spent: the round's remaining examples do no work
        tried += 1
        try:
            check(*args)
        except Exception as error:  # noqa: BLE001 - a failure is what we are looking for
            failed += 1
            if len(failures) < 20:
                failures.append(f"{type(error).__name__}: {error} <- {args!r:.200}\n" + traceback.format_exc(limit=-3))

    while time.monotonic() < stop_at:
        run_round()
    return {"target": target, "inputs": tried, "failures": failed, "examples": failures[:5]}
