"""Bounds on the work done for one file: wall-clock time and memory, enforced, never a hang.

``run_bounded(fn, *args, limits=..., pages=n)`` runs ``fn(*args)`` and returns its result, or
raises an :class:`~analyzer.errors.AnalyzerError` (``run_bounded_many`` runs several calls side
by side, one child each, for the reader's page workers):

- :class:`~analyzer.errors.TooSlow` when it runs past ``limits.seconds_per_page * pages`` plus
  ``FIXED_ALLOWANCE`` seconds (start-up of the parse, pickling the result); defaults: 5 s per
  page + 2 s. ``estimate_pages(data, limits)`` gives the caller a page count from the raw bytes
  (page objects in the clear; ``limits.max_pages`` when they are hidden in object streams);
- :class:`~analyzer.errors.TooComplex` when it needs more than ``limits.max_memory_mb`` (default
  768 MB) of address space on top of what the process already holds (a decompression bomb, a huge
  object), or when the parser crashes outright (a C-level stack overflow on a deeply nested file);
- :class:`~analyzer.errors.CorruptPDF` for any other exception escaping ``fn`` in the child.

How: :mod:`analyzer.sandbox` runs each call in a forked child that caps its own memory and CPU
time; :mod:`analyzer.forkserver` is a small helper process, holding only the PDF reader, that forks
those children cheaply. ``start_fork_server()`` (called by ``pipeline.load_resources``) starts it;
a call it cannot take forks directly from this process, with the same bounds and answers; it
stops when the process exits. ``bench/run.py`` reports the cost per file as "guard ms".

Fallback (no ``os.fork``, e.g. Windows, or ``RESUME_ANALYZER_NO_FORK=1``): ``fn`` runs in-process
with a time bound only (see :mod:`analyzer.sandbox`); the reader's own checks (file size, page
count, characters per page) are then the only bound on memory.
"""

from __future__ import annotations

import re
from typing import Any, Callable, TypeVar

from analyzer import forkserver, sandbox
from analyzer.errors import too_complex  # noqa: F401 - the reader's wording for a file beyond bounds
from analyzer.models import Limits

T = TypeVar("T")

# Seconds added to every budget: forking, unpickling the result and a slow CI machine's jitter.
FIXED_ALLOWANCE = 2.0
_DEFAULT_MEMORY_MB = 768
# What the fork server imports before its first fork: the PDF reader and its library, warm in
# every child (analyzer.extract imports pdfplumber only where the child parses).
SERVER_PRELOAD = ("analyzer.extract", "pdfplumber", "pdfminer.pdfdocument")


def run_bounded(fn: Callable[..., T], *args: Any, limits: Limits, pages: int = 1) -> T:
    """Run ``fn(*args)`` within the time and memory bounds of ``limits``; see the module docstring."""
    return run_bounded_many(fn, [args], limits=limits, pages=pages)[0]


def run_bounded_many(fn: Callable[..., T], calls: list[tuple], *, limits: Limits, pages: int = 1) -> list[T]:
    """``fn(*args)`` for every ``args`` in ``calls``, each in its own bounded child, all at once.

    The results come back in the order of ``calls``; the first error, in that order, is raised.
    Each child has the whole time and memory budget.
    """
    seconds = budget_seconds(limits, pages)
    if not sandbox.has_fork():
        return [sandbox.run_in_process(fn, args, seconds) for args in calls]
    memory = int(getattr(limits, "max_memory_mb", _DEFAULT_MEMORY_MB)) * 1024 * 1024
    payloads = None
    server = forkserver.current()
    if server is not None:
        try:
            payloads = server.run(fn, calls, seconds, memory)
        except forkserver.Unavailable:
            pass  # busy with another thread's file, not picklable, or gone: fork from here instead
    if payloads is None:
        payloads = sandbox.run_forked(fn, calls, seconds, memory)
    return [sandbox.unpack(payload) for payload in payloads]


def budget_seconds(limits: Limits, pages: int) -> float:
    """The wall-clock budget for a file of ``pages`` pages (at least one page)."""
    return float(limits.seconds_per_page) * max(1, int(pages)) + FIXED_ALLOWANCE


# A page object as written in the file: "/Type /Page" but not "/Type /Pages".
_PAGE_OBJECT_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def estimate_pages(data: bytes, limits: Limits) -> int:
    """A cheap page count for the time budget, read from the raw bytes before parsing.

    Counts page objects written in the clear, between 1 and ``limits.max_pages``. When none is
    visible (pages packed into compressed object streams) the count is unknown and the full
    ``limits.max_pages`` is used, so the estimate never makes the budget smaller than needed for a
    file with its pages in the clear.
    """
    found = len(_PAGE_OBJECT_RE.findall(data))
    return min(found, limits.max_pages) if found else limits.max_pages


def has_fork() -> bool:
    return sandbox.has_fork()


def start_fork_server() -> None:
    """Start this process's fork server (once; again if the last one stopped); stopped at exit."""
    if sandbox.has_fork():
        forkserver.start(SERVER_PRELOAD)


def stop_fork_server(wait: bool = True) -> None:
    """Stop the fork server and reap every answered child; ``wait=False`` lets the server end while
    the caller goes on (the stop at exit waits for it). The CLI calls it once the PDF is read."""
    forkserver.stop(wait)
    sandbox.reap_all()
