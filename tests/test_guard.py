"""analyzer/guard.py (with sandbox.py and forkserver.py): time and memory bounds hold from any thread,
and every outcome is an AnalyzerError."""

from __future__ import annotations

import os
import threading
import time

import pytest

from analyzer import errors, forkserver, guard, sandbox
from analyzer.models import Limits

QUICK = Limits(seconds_per_page=0.2, max_memory_mb=128)
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the bounds are enforced in a forked child")


def _spin() -> None:
    while True:
        pass


def _hog() -> None:
    blocks = []
    while True:
        blocks.append(bytearray(16 * 1024 * 1024))


def _timed(fn, *args, limits=QUICK):
    start = time.monotonic()
    try:
        result = guard.run_bounded(fn, *args, limits=limits, pages=1)
    except errors.AnalyzerError as error:
        result = error
    return result, time.monotonic() - start


def test_result_and_analyzer_errors_come_back_from_the_child():
    assert _timed(lambda a, b: {"sum": a + b}, 2, 3)[0] == {"sum": 5}

    def refuse():
        raise errors.NoTextLayer("no text")

    result, _ = _timed(refuse)
    assert type(result) is errors.NoTextLayer and str(result) == "no text"


@needs_fork
def test_a_parse_that_never_ends_is_too_slow_from_main_and_worker_threads():
    budget = guard.budget_seconds(QUICK, 1)
    result, elapsed = _timed(_spin)
    assert isinstance(result, errors.TooSlow) and budget <= elapsed < budget + 2

    # Streamlit runs the page in a worker thread, where signal.alarm cannot be used.
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(zip(("result", "elapsed"), _timed(_spin))))
    worker.start()
    worker.join(budget + 10)
    assert isinstance(outcome["result"], errors.TooSlow) and outcome["elapsed"] < budget + 2


@needs_fork
def test_memory_beyond_the_budget_is_too_complex():
    result, elapsed = _timed(_hog)
    assert isinstance(result, errors.TooComplex) and "memory" in str(result)
    assert elapsed < guard.budget_seconds(QUICK, 1)


@needs_fork
def test_a_crash_and_an_unexpected_exception_become_analyzer_errors():
    crashed, _ = _timed(os.abort)
    assert isinstance(crashed, errors.TooComplex) and "crashed" in str(crashed)

    def buggy():
        raise KeyError("parser bug")

    assert isinstance(_timed(buggy)[0], errors.CorruptPDF)


def test_in_process_fallback_still_bounds_time_in_the_main_thread(monkeypatch):
    monkeypatch.setenv("RESUME_ANALYZER_NO_FORK", "1")
    assert not guard.has_fork()
    assert _timed(lambda: 7)[0] == 7
    if hasattr(__import__("signal"), "setitimer"):
        result, elapsed = _timed(_spin)
        assert isinstance(result, errors.TooSlow) and elapsed < guard.budget_seconds(QUICK, 1) + 1


def test_no_child_is_left_behind():
    for _ in range(5):
        _timed(lambda: 1)
    _timed(_spin)
    time.sleep(0.2)
    guard.run_bounded(lambda: 1, limits=QUICK)  # reaps the children that answered earlier
    leftover = [pid for pid in sandbox.unreaped() if _is_zombie_or_alive(pid)]
    assert len(leftover) <= 1  # at most the child that just answered


def _is_zombie_or_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def test_estimate_pages_counts_page_objects_but_never_below_the_unknown():
    limits = Limits(max_pages=10)
    two = b"%PDF-1.4 1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page>>"
    assert guard.estimate_pages(two, limits) == 2
    assert guard.estimate_pages(b"%PDF-1.5 object streams only", limits) == 10
    assert guard.estimate_pages(b"/Type /Page " * 50, limits) == 10


@needs_fork
def test_the_fork_server_forks_the_bounded_children_with_the_same_answers():
    from factory import simple_resume

    from analyzer import extract

    guard.start_fork_server()
    server = forkserver.current()
    assert server is not None and server.usable()
    # os.getppid, run in the child, names who forked it: the server, not this process
    assert guard.run_bounded(os.getppid, limits=QUICK) == server.process.pid
    assert guard.run_bounded(lambda: os.getppid(), limits=QUICK) == os.getpid(), "a lambda is forked directly"
    slow, elapsed = _timed(time.sleep, 60)
    assert isinstance(slow, errors.TooSlow) and elapsed < guard.budget_seconds(QUICK, 1) + 2
    crashed, _ = _timed(os.abort)
    assert isinstance(crashed, errors.TooComplex) and "crashed" in str(crashed)
    assert server.usable(), "bad calls do not break the server"
    data = simple_resume("# Experience", "* Data Scientist, Acme  2020 - 2022", "- Built a churn model in Python")
    assert extract.read_pdf(data) == extract._assemble(extract._read(data, Limits()), data, "resume.pdf")


@needs_fork
def test_a_dead_fork_server_falls_back_to_direct_forks_and_is_restarted():
    guard.start_fork_server()
    dead = forkserver.current()
    dead.process.kill()
    dead.process.wait()
    assert guard.run_bounded(os.getppid, limits=QUICK) == os.getpid()
    guard.start_fork_server()
    server = forkserver.current()
    assert server is not dead and guard.run_bounded(os.getppid, limits=QUICK) == server.process.pid


@needs_fork
def test_many_calls_run_at_once_and_answer_in_order():
    start = time.monotonic()
    answers = guard.run_bounded_many(time.sleep, [(0.5,), (0.5,)], limits=QUICK)
    assert answers == [None, None] and time.monotonic() - start < 0.9, "the two children ran side by side"
    assert guard.run_bounded_many(pow, [(2, 3), (3, 2)], limits=QUICK) == [8, 9]
    with pytest.raises(errors.TooComplex):  # the first error in call order, after every child is done
        guard.run_bounded_many(os.abort, [(), ()], limits=QUICK)


def _imports_of_package() -> dict[str, set[str]]:
    """analyzer.X -> the analyzer modules it imports anywhere in its code (functions included)."""
    import ast
    from pathlib import Path

    package = Path(guard.__file__).resolve().parent
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        name = ".".join(("analyzer", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analyzer"):
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("analyzer")}
        graph[name] = found
    return {name: {d for d in deps if d in graph and d not in (name, "analyzer")} for name, deps in graph.items()}


def test_no_module_imports_one_that_imports_it_back():
    graph = _imports_of_package()
    assert "analyzer.extract" not in graph["analyzer.guard"] | graph["analyzer.sandbox"] | graph["analyzer.forkserver"]

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        return any(d == target or (d not in seen and not seen.add(d) and reaches(d, target, seen))
                   for d in graph[start])

    cycles = sorted(f"{a} <-> {b}" for a in graph for b in graph[a] if reaches(b, a, set()))
    assert cycles == []
