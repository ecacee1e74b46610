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

How (POSIX, the normal case): ``fn`` runs in a forked child. The child caps its own address space
with ``RLIMIT_AS`` and its CPU time with ``RLIMIT_CPU`` (so it dies even if the parent does), runs
``fn`` and sends the pickled result, or the pickled AnalyzerError, back through a pipe; the waiting
side kills it with SIGKILL when the deadline passes. This works from any thread, which matters:
Streamlit runs the page's script in a worker thread where ``signal.alarm`` cannot be used.

Where the child is forked from: forking costs in proportion to the forking process's memory (about
13 ms for one holding spaCy and scikit-learn, 2 ms for one holding only the PDF reader). So
``start_fork_server()`` (called by ``pipeline.load_resources``) starts a small helper process that
imports only the reader, and ``run_bounded`` hands it ``fn`` and its arguments; it forks the bounded
child and passes its answer back. Calls it cannot take (a function that cannot be pickled by name,
another thread's call in progress, a process other than the one that started it, a server that
died) fork directly from the calling process, with the same bounds and answers. The child freezes
the inherited heap (``gc.freeze``) so its garbage collector does not copy the parent's pages. The
upload's bytes are passed through pipes: no file is written anywhere. ``bench/run.py`` reports the
cost per file as "guard ms".

Fallback (no ``os.fork``, e.g. Windows, or ``RESUME_ANALYZER_NO_FORK=1``): ``fn`` runs in-process.
In the main thread a ``SIGALRM`` interval timer (where it exists) raises TooSlow at the deadline;
elsewhere the call cannot be interrupted, so the elapsed time is checked afterwards only. Memory
is not capped in-process; the reader's own checks (file size, page count, characters per page)
are then the only bound.

Known limits: ``RLIMIT_AS`` counts address space, not resident memory, so the budget is measured
from the child's size at fork time; on macOS ``RLIMIT_AS`` is not enforced and only the time bound
holds. A ``MemoryError`` that ``fn`` itself turns into another AnalyzerError is reported as that
error.
"""

from __future__ import annotations

import atexit
import faulthandler
import gc
import os
import pickle
import re
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from typing import Any, Callable, TypeVar

from analyzer import errors
from analyzer.models import Limits

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no fork either, the in-process fallback is used
    resource = None  # type: ignore[assignment]

T = TypeVar("T")

# Seconds added to every budget: forking, unpickling the result and a slow CI machine's jitter.
FIXED_ALLOWANCE = 2.0
# The child's answer is length-prefixed, so a sibling child that inherited our pipe (two Streamlit
# sessions forking at once) cannot make us wait for an end-of-file that never comes.
_HEADER = struct.Struct("!Q")
# Serialises pipe creation and fork: a fork from another thread in between would copy our pipe.
_FORK_LOCK = threading.Lock()
_DEFAULT_MEMORY_MB = 768


def run_bounded(fn: Callable[..., T], *args: Any, limits: Limits, pages: int = 1) -> T:
    """Run ``fn(*args)`` within the time and memory bounds of ``limits``; see the module docstring."""
    return run_bounded_many(fn, [args], limits=limits, pages=pages)[0]


def run_bounded_many(fn: Callable[..., T], calls: list[tuple], *, limits: Limits, pages: int = 1) -> list[T]:
    """``fn(*args)`` for every ``args`` in ``calls``, each in its own bounded child, all at once.

    The results come back in the order of ``calls``; the first error, in that order, is raised.
    Each child has the whole time and memory budget.
    """
    seconds = budget_seconds(limits, pages)
    if not has_fork():
        return [_run_in_process(fn, args, seconds) for args in calls]
    memory = _memory_bytes(limits)
    server = _SERVER
    payloads = None
    if server is not None and server.usable():
        try:
            payloads = server.run(fn, calls, seconds, memory)
        except _Unavailable:
            pass  # busy with another thread's file, not picklable, or gone: fork from here instead
    if payloads is None:
        payloads = _forked_payloads(fn, calls, seconds, memory)
    return [_unpack(payload) for payload in payloads]


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
    # Set RESUME_ANALYZER_NO_FORK=1 to test the fallback, or where forking is unwanted.
    return hasattr(os, "fork") and resource is not None and os.environ.get("RESUME_ANALYZER_NO_FORK", "") not in ("1", "true", "yes")


def _memory_bytes(limits: Limits) -> int:
    return int(getattr(limits, "max_memory_mb", _DEFAULT_MEMORY_MB)) * 1024 * 1024


def _too_slow(seconds: float) -> errors.TooSlow:
    return errors.TooSlow(
        f"Reading this PDF took longer than {seconds:.0f} seconds, far more than a resume needs; "
        "the file is probably damaged or built to be slow. Export it again from the original document."
    )


def too_complex(detail: str) -> errors.TooComplex:
    return errors.TooComplex(
        f"This PDF {detail}, far beyond what a resume needs, so reading it was stopped. "
        "Export it again from the original document, without embedded images or attachments."
    )


# --- the forked child ---------------------------------------------------------------------------

def _forked_payloads(fn: Callable, calls: list[tuple], seconds: float, memory: int) -> list[bytes]:
    """Run ``fn(*args)`` for each call in a forked child; their pickled answers, in order.

    Raises TooSlow when the deadline passes and TooComplex when a child dies without answering;
    no child outlives the call unreaped or unkilled.
    """
    deadline = time.monotonic() + seconds
    children: list[list] = []  # [pid, read end, state], state: "running", "answered" or "reaped"
    payloads: list[bytes] = []
    try:
        with _FORK_LOCK:
            for args in calls:
                read_end, write_end = os.pipe()
                try:
                    pid = os.fork()
                except OSError:
                    os.close(read_end)
                    os.close(write_end)
                    children.append([None, args, "in-process"])  # no process slot left
                    continue
                if pid == 0:  # pragma: no cover - the child's coverage is not collected
                    os.close(read_end)
                    _child(fn, args, write_end, seconds, memory)
                os.close(write_end)
                children.append([pid, read_end, "running"])
        for child in children:
            pid, source, _ = child
            if pid is None:  # bounded in-process, with the time that is left
                value = _run_in_process(fn, source, max(0.0, deadline - time.monotonic()))
                payloads.append(pickle.dumps(("ok", value), protocol=pickle.HIGHEST_PROTOCOL))
                continue
            payload = _receive(source, pid, deadline)
            if payload is None:
                raise _too_slow(seconds)
            if not payload:
                child[2] = "reaped"
                raise _crash_error(_reap(pid))
            child[2] = "answered"
            payloads.append(payload)
        return payloads
    finally:
        for pid, source, state in children:
            if pid is None:
                continue
            os.close(source)
            if state == "answered":
                _reap_later(pid)
            elif state == "running":
                _kill(pid)


def _unpack(payload: bytes) -> Any:
    try:
        kind, value = pickle.loads(payload)
    except MemoryError:
        raise too_complex("produced a result too large to hold in memory") from None
    except Exception as error:  # noqa: BLE001 - a result we cannot unpickle is our bug, said plainly
        raise errors.AnalyzerError(f"The PDF reader's result could not be received ({error}).") from None
    if kind == "ok":
        return value
    raise value


def _child(fn: Callable, args: tuple, out: int, seconds: float, memory: int) -> None:  # pragma: no cover
    code = 0
    try:
        _cap_child(seconds, memory)
        try:
            message = ("ok", fn(*args))
        except errors.AnalyzerError as error:
            message = ("error", error)
        except MemoryError:
            message = ("error", too_complex(f"needs more than {memory // 1_048_576} MB of memory to read"))
        except RecursionError:
            message = ("error", too_complex("is nested too deeply to read"))
        except BaseException as error:  # noqa: BLE001 - the parent must get an AnalyzerError, always
            message = ("error", errors.CorruptPDF(
                f"This PDF is damaged and cannot be read ({type(error).__name__}). "
                "Export it again from the original document."))
        try:
            payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("error", too_complex("produced a result too large to hold in memory")))
        except Exception as error:  # noqa: BLE001 - e.g. an exception carrying an unpicklable value
            payload = pickle.dumps(("error", errors.AnalyzerError(f"Internal error: {type(error).__name__}.")))
        _write_all(out, _HEADER.pack(len(payload)) + payload)
    except BaseException:  # noqa: BLE001 - nothing may escape the child into the parent's code
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing the parent's buffers twice


def _cap_child(seconds: float, memory: int) -> None:  # pragma: no cover - runs in the child
    # Everything inherited moves to the permanent generation: a full collection in the child would
    # otherwise walk (and so copy, page by page) the parent's whole heap, spaCy's vocabulary included.
    gc.freeze()
    # A crash of the parser is reported to the user as TooComplex; no Python stack dump on stderr.
    faulthandler.disable()
    # Default SIGINT/SIGTERM handling: Ctrl-C on the terminal must not run the parent's handlers here.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # CPU seconds: a backstop so an orphaned child still ends if the parent is killed.
    cpu = int(seconds) + 2
    _set_limit(resource.RLIMIT_CPU, cpu, cpu + 1)
    # Address space: what the process already maps (libraries, models) plus the budget.
    _set_limit(resource.RLIMIT_AS, _address_space() + memory)


def _set_limit(which: int, soft: int, hard: int | None = None) -> None:  # pragma: no cover
    try:
        _, current_hard = resource.getrlimit(which)
        if current_hard != resource.RLIM_INFINITY:
            soft = min(soft, current_hard)
            hard = current_hard if hard is None else min(hard, current_hard)
        resource.setrlimit(which, (soft, current_hard if hard is None else hard))
    except (ValueError, OSError):
        pass  # a limit we may not set (some containers): the parent's deadline still holds


def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        # No /proc (macOS): peak resident size is a floor of the address space.
        scale = 1 if sys.platform == "darwin" else 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _write_all(fd: int, data: bytes) -> None:  # pragma: no cover - runs in the child
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


# --- the waiting parent -------------------------------------------------------------------------

def _receive(fd: int, pid: int, deadline: float) -> bytes | None:
    """The child's payload; b"" if it died without answering; None if the deadline passed."""
    buffer = bytearray()
    expected: int | None = None
    while True:
        if expected is not None and len(buffer) >= expected:
            return bytes(buffer[:expected])
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.25))
        except InterruptedError:  # pragma: no cover - retried by Python since 3.5, kept for safety
            continue
        if not ready:
            # Nothing yet: if the child is gone without a word it crashed (another child may still
            # hold a copy of the pipe, so end-of-file alone cannot tell us).
            if expected is None and not buffer and _has_exited(pid):
                return _drain(fd, buffer)
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"" if expected is None or len(buffer) < expected else bytes(buffer[:expected])
        buffer += chunk
        if expected is None and len(buffer) >= _HEADER.size:
            (expected,) = _HEADER.unpack_from(buffer)
            del buffer[: _HEADER.size]


def _drain(fd: int, buffer: bytearray) -> bytes:
    # The child exited; anything it wrote is already in the pipe. Read what is there, without waiting.
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        buffer += chunk
    if len(buffer) < _HEADER.size:
        return b""
    (expected,) = _HEADER.unpack_from(buffer)
    body = bytes(buffer[_HEADER.size:])
    return body if len(body) >= expected else b""


_EXITED: dict[int, int] = {}


def _has_exited(pid: int) -> bool:
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    if done:
        _EXITED[pid] = status
    return bool(done)


# Children that answered and are exiting: reaped on the next call rather than waited for (saves
# the millisecond the kernel needs to tear down the child's copy of the address space).
_PENDING: set[int] = set()
_PENDING_LOCK = threading.Lock()


def _reap_later(pid: int) -> None:
    with _PENDING_LOCK:
        _EXITED.pop(pid, None)
        _PENDING.add(pid)
        for waiting in list(_PENDING):
            try:
                done, _ = os.waitpid(waiting, os.WNOHANG)
            except ChildProcessError:
                done = waiting
            if done:
                _PENDING.discard(waiting)


def _reap(pid: int) -> int:
    if pid in _EXITED:
        return _EXITED.pop(pid)
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _EXITED.pop(pid, None)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _crash_error(status: int) -> errors.AnalyzerError:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        if signum == signal.SIGXCPU or signum == signal.SIGKILL:
            # SIGKILL here is the kernel's out-of-memory killer or the CPU hard limit.
            return too_complex("needs more time or memory than allowed to read")
        return errors.TooComplex(
            f"This PDF crashed the PDF reader (signal {signum}): it is damaged or built to break readers. "
            "Export it again from the original document."
        )
    return errors.TooComplex(
        "The PDF reader stopped on this file before it could answer: it is damaged or built to break "
        "readers. Export it again from the original document."
    )


# --- the fork server (see the module docstring) -------------------------------------------------


class _Unavailable(Exception):
    """The fork server cannot take this call; the caller forks directly instead."""


# The server's answer when it cannot even read the call (its function lives where it cannot import).
_UNAVAILABLE = b"unavailable"


class _ForkServer:
    def __init__(self) -> None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from analyzer.guard import _serve; _serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True,
        )
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.broken = False

    def usable(self) -> bool:
        return not self.broken and self.owner == os.getpid() and self.process.poll() is None

    def run(self, fn: Callable, calls: list[tuple], seconds: float, memory: int) -> list[bytes]:
        """The children's payloads, as ``_forked_payloads`` gives them; raises _Unavailable or AnalyzerError."""
        try:
            request = pickle.dumps((fn, calls, seconds, memory), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a lambda or local function: only a direct fork can run it
            raise _Unavailable from None
        if not self.lock.acquire(blocking=False):
            raise _Unavailable
        try:
            try:
                _write_all(self.process.stdin.fileno(), _HEADER.pack(len(request)) + request)
            except OSError:
                self._break()
                raise _Unavailable from None
            # The server enforces ``seconds`` itself; waiting longer only guards against the server.
            payload = _read_frame(self.process.stdout.fileno(), time.monotonic() + seconds + FIXED_ALLOWANCE)
            if payload is None:
                self._break()
                raise _too_slow(seconds)
            if not payload:
                self._break()
                raise _Unavailable
            if payload == _UNAVAILABLE:
                raise _Unavailable
            return _unpack(payload)  # ("ok", [payload, ...]) or ("error", AnalyzerError)
        finally:
            self.lock.release()

    def _break(self) -> None:
        self.broken = True
        try:
            self.process.kill()
        except OSError:
            pass

    def close(self) -> None:
        try:
            self.process.stdin.close()  # the server ends at end-of-file
            self.process.wait(timeout=2)
        except Exception:  # noqa: BLE001 - leaving: never fail here
            self._break()


_SERVER: _ForkServer | None = None
_SERVER_LOCK = threading.Lock()


def start_fork_server() -> None:
    """Start the fork server for this process (once; again if the last one stopped)."""
    global _SERVER
    if not has_fork():
        return
    with _SERVER_LOCK:
        if _SERVER is not None and _SERVER.usable():
            return
        try:
            _SERVER = _ForkServer()
        except OSError:
            _SERVER = None
            return
        atexit.register(_SERVER.close)


def _read_frame(fd: int, deadline: float) -> bytes | None:
    """One length-prefixed frame; b"" at end-of-file; None if the deadline passed."""
    buffer = bytearray()
    expected: int | None = None
    while expected is None or len(buffer) < expected:
        remaining = None if deadline == float("inf") else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return None
        if not select.select([fd], [], [], remaining)[0]:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b""
        buffer += chunk
        if expected is None and len(buffer) >= _HEADER.size:
            (expected,) = _HEADER.unpack_from(buffer)
            del buffer[: _HEADER.size]
    return bytes(buffer)


def _serve() -> None:  # pragma: no cover - runs in the fork server
    """The fork server's loop: read (fn, calls, seconds, memory), answer with the children's payloads."""
    import analyzer.extract  # noqa: F401 - loaded once here, so every child starts with the reader warm

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which then closes our input
    while True:
        request = _read_frame(0, float("inf"))
        if not request:
            return
        try:
            fn, calls, seconds, memory = pickle.loads(request)
        except Exception:  # noqa: BLE001 - e.g. a function from a module only the caller can import
            _write_all(1, _HEADER.pack(len(_UNAVAILABLE)) + _UNAVAILABLE)
            continue
        try:
            payload = pickle.dumps(("ok", _forked_payloads(fn, calls, seconds, memory)),
                                   protocol=pickle.HIGHEST_PROTOCOL)
        except errors.AnalyzerError as error:
            payload = pickle.dumps(("error", error), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: BLE001 - the parent must get an answer, always
            payload = pickle.dumps(("error", errors.AnalyzerError(f"Internal error: {type(error).__name__}.")))
        _write_all(1, _HEADER.pack(len(payload)) + payload)


# --- in-process fallback ------------------------------------------------------------------------

def _run_in_process(fn: Callable[..., T], args: tuple, seconds: float) -> T:
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not use_alarm:
        start = time.monotonic()
        result = fn(*args)
        if time.monotonic() - start > seconds:
            raise _too_slow(seconds)
        return result

    def _on_alarm(signum: int, frame: Any) -> None:
        raise _too_slow(seconds)

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
