"""A small helper process that forks the bounded children (:mod:`analyzer.sandbox`) for us.

Forking costs in proportion to the forking process's memory: about 13 ms from a process holding
spaCy and the question bank, 2 ms from one holding only the PDF reader. ``start(preload)`` starts
``python -c "...serve()" MODULE...``: a process that imports only the ``preload`` modules (the
reader), then reads requests ``(fn, calls, seconds, memory)`` on its standard input, runs them with
:func:`analyzer.sandbox.run_forked` and writes the children's payloads back, one frame each.

:func:`run` hands it a call and returns the payloads, or raises :class:`Unavailable` when it cannot
take the call (a function that cannot be pickled by name, another thread's call in progress, a
process other than the one that started it, a server that died); the caller then forks directly,
with the same bounds and answers.

Stopping: :func:`stop` (also run at exit) closes the server's input; the server reaps its own
children and exits at once, and is waited for (``stop(wait=False)`` lets it exit while the caller
goes on, and the stop at exit waits). A server that does not end within ``STOP_WAIT`` seconds is
killed. Ctrl-C is for the parent: the server ignores SIGINT and ends when its input closes.

Limits: one call at a time per server (another thread's call forks directly); the upload's bytes
go through pipes, so a large file is copied twice (parent -> server -> child), never to disk.
"""

from __future__ import annotations

import atexit
import importlib
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from analyzer import errors
from analyzer.sandbox import answer, read_frame, reap_all, run_forked, unpack, write_frame

# Seconds to wait for the server on top of the call's own budget: it enforces the budget itself,
# so waiting longer only guards against a server that stopped answering.
SERVER_ALLOWANCE = 2.0
# Seconds a stopping server gets to reap its children and exit before it is killed.
STOP_WAIT = 2.0
# The server's answer when it cannot even read the call (its function lives where it cannot import).
_UNAVAILABLE = b"unavailable"


class Unavailable(Exception):
    """The fork server cannot take this call; the caller forks directly instead."""


class ForkServer:
    def __init__(self, preload: tuple[str, ...]) -> None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from analyzer.forkserver import serve; serve()", *preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True,
        )
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.broken = False

    def usable(self) -> bool:
        return not self.broken and self.owner == os.getpid() and self.process.poll() is None

    def run(self, fn: Callable, calls: list[tuple], seconds: float, memory: int) -> list[bytes]:
        """The children's payloads, as ``run_forked`` gives them; raises Unavailable or AnalyzerError."""
        try:
            request = pickle.dumps((fn, calls, seconds, memory), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a lambda or local function: only a direct fork can run it
            raise Unavailable from None
        if not self.lock.acquire(blocking=False):
            raise Unavailable
        try:
            try:
                write_frame(self.process.stdin.fileno(), request)
            except OSError:
                self._break()
                raise Unavailable from None
            payload = read_frame(self.process.stdout.fileno(), time.monotonic() + seconds + SERVER_ALLOWANCE)
            if payload is None:
                self._break()
                raise errors.too_slow(seconds)
            if not payload:
                self._break()
                raise Unavailable
            if payload == _UNAVAILABLE:
                raise Unavailable
            return unpack(payload)  # ("ok", [payload, ...]) or ("error", AnalyzerError)
        finally:
            self.lock.release()

    def _break(self) -> None:
        self.broken = True
        try:
            self.process.kill()
            self.process.wait()
        except OSError:
            pass

    def close_input(self) -> None:
        """Ask the server to end: it reaps its children and exits at end-of-file."""
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def wait(self) -> None:
        """Wait for the server to end (killed after STOP_WAIT seconds)."""
        try:
            self.process.wait(timeout=STOP_WAIT)
        except Exception:  # noqa: BLE001 - leaving: never fail here
            self._break()
        try:
            self.process.stdout.close()
        except OSError:
            pass


_SERVER: ForkServer | None = None
_STOPPING: list[ForkServer] = []  # asked to end, not yet waited for
_SERVER_LOCK = threading.Lock()


def start(preload: tuple[str, ...] = ()) -> None:
    """Start the fork server for this process (once; again if the last one stopped)."""
    global _SERVER
    with _SERVER_LOCK:
        if _SERVER is not None and _SERVER.usable():
            return
        try:
            _SERVER = ForkServer(preload)
        except OSError:
            _SERVER = None
            return
    _stop_with_worker_process()


def current() -> ForkServer | None:
    """This process's running server, if it has one it can use."""
    server = _SERVER
    return server if server is not None and server.usable() else None


def stop(wait: bool = True) -> None:
    """Stop this process's server, if any; the next ``start`` starts a new one.

    ``wait=False`` only asks it to end (it exits while the caller goes on); a later ``stop()``, at
    the latest the one at exit, waits for it, so it never outlives this process.
    """
    global _SERVER
    with _SERVER_LOCK:
        server, _SERVER = _SERVER, None
        if server is not None and server.owner == os.getpid():  # a forked copy's server is not ours
            server.close_input()
            _STOPPING.append(server)
        stopping = list(_STOPPING) if wait else []
        if wait:
            _STOPPING.clear()
    for server in stopping:
        server.wait()


def _stop_at_exit() -> None:
    stop()
    reap_all()


def _stop_with_worker_process() -> None:
    # WHY: a multiprocessing worker (batch --jobs N) leaves through os._exit, which skips atexit;
    # its own exit hooks still run, so the server is stopped and waited for there, not orphaned.
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None and multiprocessing.parent_process() is not None:
        from multiprocessing import util

        util.Finalize(None, _stop_at_exit, exitpriority=10)


atexit.register(_stop_at_exit)


def serve() -> None:  # pragma: no cover - runs in the fork server
    """The fork server's loop: read (fn, calls, seconds, memory), answer with the children's payloads."""
    for module in sys.argv[1:]:
        importlib.import_module(module)  # loaded once here, so every child starts with it warm
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which then closes our input
    try:
        while True:
            request = read_frame(0, float("inf"))
            if not request:
                return
            try:
                fn, calls, seconds, memory = pickle.loads(request)
            except Exception:  # noqa: BLE001 - e.g. a function from a module only the caller can import
                write_frame(1, _UNAVAILABLE)
                continue
            try:
                message = ("ok", run_forked(fn, calls, seconds, memory))
            except errors.AnalyzerError as error:
                message = ("error", error)
            except Exception as error:  # noqa: BLE001 - the parent must get an answer, always
                message = ("error", errors.internal_error(type(error).__name__))
            write_frame(1, answer(message))
    finally:
        reap_all()
        # WHY not a normal exit: tearing down the interpreter and the reader's modules takes longer
        # than the whole exchange, and the parent waits for us; everything was written with os.write.
        os._exit(0)
