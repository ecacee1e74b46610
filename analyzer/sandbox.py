"""Run a function in forked children bounded in time and memory; every outcome an AnalyzerError.

``run_forked(fn, calls, seconds, memory)`` forks one child per ``args`` in ``calls``, all at once;
each child caps its own address space (``RLIMIT_AS``: what it already maps plus ``memory`` bytes)
and CPU time (``RLIMIT_CPU``, so it dies even if its parent does), runs ``fn(*args)`` and writes the
pickled ``("ok", value)`` or ``("error", AnalyzerError)`` back through a pipe, length-prefixed
(:func:`write_frame` / :func:`read_frame`). The waiting side kills a child with SIGKILL when
``seconds`` pass. It returns the children's payloads in call order (``unpack`` turns one into its
value or raises its error) and raises TooSlow at the deadline or TooComplex when a child dies
without answering. This works from any thread (Streamlit runs the page in a worker thread where
``signal.alarm`` cannot be used).

Children: one that answered is reaped on a later call rather than waited for (the kernel needs a
millisecond to tear down its copy of the address space); :func:`reap_all` waits for them (at exit,
and when the fork server stops), so none is left running or defunct; one that did not answer is
killed and reaped before the call returns.

Without ``os.fork`` (Windows) or with ``RESUME_ANALYZER_NO_FORK=1``, :func:`run_in_process` runs
``fn`` in this process: a ``SIGALRM`` timer in the main thread raises TooSlow at the deadline;
elsewhere the elapsed time is only checked afterwards; memory is not capped.

Limits: ``RLIMIT_AS`` counts address space, not resident memory; on macOS it is not enforced and
only the time bound holds. A ``MemoryError`` that ``fn`` itself turns into another AnalyzerError is
reported as that error. The wording of every error is in :mod:`analyzer.errors`.
"""

from __future__ import annotations

import atexit
import faulthandler
import gc
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from analyzer import errors

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no fork either, the in-process fallback is used
    resource = None  # type: ignore[assignment]

T = TypeVar("T")

# Every answer is length-prefixed, so a sibling child that inherited our pipe (two Streamlit
# sessions forking at once) cannot make us wait for an end-of-file that never comes.
_HEADER = struct.Struct("!Q")
# Serialises pipe creation and fork: a fork from another thread in between would copy our pipe.
_FORK_LOCK = threading.Lock()
# How often a waiting parent checks whether a silent child has died (seconds).
_POLL = 0.25


def has_fork() -> bool:
    """Children can be forked and bounded here (set RESUME_ANALYZER_NO_FORK=1 to test the fallback)."""
    return (hasattr(os, "fork") and resource is not None
            and os.environ.get("RESUME_ANALYZER_NO_FORK", "") not in ("1", "true", "yes"))


# --- frames: one length-prefixed message on a pipe ------------------------------------------------


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def read_frame(fd: int, deadline: float, is_gone: Callable[[], bool] | None = None) -> bytes | None:
    """One frame from ``fd``: its bytes; b"" at end-of-file or when the writer died without a whole
    frame; None when ``deadline`` (a ``time.monotonic()`` value, or infinity) passed first.

    ``is_gone`` tells whether the writer has exited: a child may die silently while a sibling still
    holds a copy of the pipe, so end-of-file alone cannot tell us.
    """
    buffer = bytearray()
    expected: int | None = None
    gone = False
    while expected is None or len(buffer) < expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        if gone:
            wait: float | None = 0.0  # the writer exited: take what is in the pipe, wait for nothing
        elif is_gone is not None:
            wait = min(remaining, _POLL)
        else:
            wait = None if remaining == float("inf") else remaining
        if not select.select([fd], [], [], wait)[0]:
            if gone:
                return b""  # exited, and nothing more is in the pipe
            gone = is_gone is not None and is_gone()
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b""
        buffer += chunk
        if expected is None and len(buffer) >= _HEADER.size:
            (expected,) = _HEADER.unpack_from(buffer)
            del buffer[: _HEADER.size]
    return bytes(buffer[:expected])


# --- the forked children --------------------------------------------------------------------------


def run_forked(fn: Callable, calls: list[tuple], seconds: float, memory: int) -> list[bytes]:
    """Run ``fn(*args)`` for each call in a forked child; their pickled answers, in order."""
    deadline = time.monotonic() + seconds
    children: list[list] = []  # [pid, read end or args, state]: "running", "answered", "reaped", "in-process"
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
                value = run_in_process(fn, source, max(0.0, deadline - time.monotonic()))
                payloads.append(pickle.dumps(("ok", value), protocol=pickle.HIGHEST_PROTOCOL))
                continue
            payload = read_frame(source, deadline, lambda: _CHILDREN.has_exited(pid))
            if payload is None:
                raise errors.too_slow(seconds)
            if not payload:
                child[2] = "reaped"
                raise _crash_error(_CHILDREN.wait(pid))
            child[2] = "answered"
            payloads.append(payload)
        return payloads
    finally:
        for pid, source, state in children:
            if pid is None:
                continue
            os.close(source)
            if state == "answered":
                _CHILDREN.reap_later(pid)
            elif state == "running":
                _CHILDREN.kill(pid)


def unpack(payload: bytes) -> Any:
    """A child's answer: its value, or its AnalyzerError raised here."""
    try:
        kind, value = pickle.loads(payload)
    except MemoryError:
        raise errors.too_complex("produced a result too large to hold in memory") from None
    except Exception as error:  # noqa: BLE001 - a result we cannot unpickle is our bug, said plainly
        raise errors.result_not_received(error) from None
    if kind == "ok":
        return value
    raise value


def answer(message: tuple) -> bytes:
    """``message`` pickled for the other side; an AnalyzerError in its place when it cannot be."""
    try:
        return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return pickle.dumps(("error", errors.too_complex("produced a result too large to hold in memory")))
    except Exception as error:  # noqa: BLE001 - e.g. an exception carrying an unpicklable value
        return pickle.dumps(("error", errors.internal_error(type(error).__name__)))


def _child(fn: Callable, args: tuple, out: int, seconds: float, memory: int) -> None:  # pragma: no cover
    code = 0
    try:
        _cap_child(seconds, memory)
        try:
            message = ("ok", fn(*args))
        except errors.AnalyzerError as error:
            message = ("error", error)
        except MemoryError:
            message = ("error", errors.too_complex(f"needs more than {memory // 1_048_576} MB of memory to read"))
        except RecursionError:
            message = ("error", errors.too_complex("is nested too deeply to read"))
        except BaseException as error:  # noqa: BLE001 - the parent must get an AnalyzerError, always
            message = ("error", errors.reader_failed(type(error).__name__))
        write_frame(out, answer(message))
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


def _crash_error(status: int) -> errors.AnalyzerError:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        if signum in (signal.SIGXCPU, signal.SIGKILL):
            # SIGKILL here is the kernel's out-of-memory killer or the CPU hard limit.
            return errors.too_complex("needs more time or memory than allowed to read")
        return errors.reader_crashed(signum)
    return errors.reader_stopped()


class _Children:
    """The forked children this process has not reaped yet: one registry, one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.exited: dict[int, int] = {}  # pid -> status, seen by a poll before anyone waited
        self.pending: set[int] = set()  # answered, exiting: reaped on a later call or at exit

    def has_exited(self, pid: int) -> bool:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return True
        if done:
            with self.lock:
                self.exited[pid] = status
        return bool(done)

    def wait(self, pid: int) -> int:
        """The exit status of a child that is gone or going."""
        with self.lock:
            if pid in self.exited:
                return self.exited.pop(pid)
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return 0

    def kill(self, pid: int) -> None:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.wait(pid)

    def reap_later(self, pid: int) -> None:
        with self.lock:
            self.exited.pop(pid, None)
            self.pending.add(pid)
            for waiting in list(self.pending):
                try:
                    done, _ = os.waitpid(waiting, os.WNOHANG)
                except ChildProcessError:
                    done = waiting
                if done:
                    self.pending.discard(waiting)

    def reap_all(self) -> None:
        """Wait for every answered child (each is only exiting): none is left defunct."""
        with self.lock:
            waiting, self.pending = self.pending, set()
            self.exited.clear()
        for pid in waiting:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass

    def unreaped(self) -> set[int]:
        with self.lock:
            return set(self.pending)


_CHILDREN = _Children()
reap_all = _CHILDREN.reap_all
unreaped = _CHILDREN.unreaped
atexit.register(reap_all)


# --- in-process fallback --------------------------------------------------------------------------


def run_in_process(fn: Callable[..., T], args: tuple, seconds: float) -> T:
    """``fn(*args)`` here, with a time bound where a timer can interrupt it (see the module docstring)."""
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not use_alarm:
        start = time.monotonic()
        result = fn(*args)
        if time.monotonic() - start > seconds:
            raise errors.too_slow(seconds)
        return result

    def _on_alarm(signum: int, frame: Any) -> None:
        raise errors.too_slow(seconds)

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
