"""A disk cache for what is built once from ``taxonomy/`` (the spaCy matcher, the question bank).

``cached(name, build, depends_on=(...), inputs=(...), fingerprints=(...))`` returns ``build()``'s value, pickled on disk
the first time and read back on later runs. The file's name carries a key: a SHA-256 over the
files in ``inputs`` (paths and contents), the ``fingerprints`` given (the taxonomy's, computed by
analyzer/taxonomy.py, the only reader of taxonomy/), the versions of Python and of the ``depends_on``
distributions, and the source of the package's own modules (the pickled classes are defined
there). Any change to one of them gives a new key, so a stale entry is never read; the old file
is removed when the new one is written.

Where: ``$RESUME_ANALYZER_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/resume-analyzer``, else
``~/.cache/resume-analyzer``. ``RESUME_ANALYZER_NO_CACHE=1`` turns the cache off (everything is
built in memory, as before).

Trust: a pickle can run code when it is read, so an entry is read only when the directory is a
real directory (not a link) owned by this user and closed to others (mode 0700, set when it is
created), and the file is a regular file owned by this user that others cannot write. Each file
starts with a SHA-256 of its content: a truncated or damaged entry is deleted and rebuilt, never
used. Files are written to a temporary name and renamed, so a reader never sees half a file.
Any problem with the disk (read-only home, full disk, another user's directory) only means the
value is built in memory, as if there were no cache.

Limits: the key hashes the package's top-level modules, not the libraries' code, so a library
changed in place without a new version number is not noticed (``RESUME_ANALYZER_NO_CACHE=1``, or
delete the directory). Nothing is ever evicted except an entry's own older versions.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV_DIR = "RESUME_ANALYZER_CACHE_DIR"
ENV_OFF = "RESUME_ANALYZER_NO_CACHE"
# Changes when the file layout below changes: older files are then simply not found.
_MAGIC = b"resume-analyzer cache v1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
_PACKAGE = Path(__file__).resolve().parent
_MISSING = object()


def cache_dir() -> Path:
    """Where the cache lives (see the module docstring); it may not exist yet."""
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resume-analyzer"


def is_enabled() -> bool:
    return os.environ.get(ENV_OFF, "").lower() not in ("1", "true", "yes")


def cached(name: str, build: Callable[[], T], *, depends_on: Iterable[str] = (),
           inputs: Iterable[Path] = (), fingerprints: Iterable[str] = ()) -> T:
    """``build()``, or the value an earlier run stored under the same key (see the module docstring).
    ``fingerprints``: digests of data read elsewhere (the taxonomy's, by analyzer/taxonomy.py)."""
    if not is_enabled():
        return build()
    key = cache_key(name, depends_on, inputs, fingerprints)
    directory = cache_dir()
    path = directory / f"{name}-{key[:40]}.pickle"
    value = _read(directory, path)
    if value is _MISSING:
        value = build()
        _write(directory, path, name, value)
    return value


def cache_key(name: str, depends_on: Iterable[str], inputs: Iterable[Path], fingerprints: Iterable[str] = ()) -> str:
    """The hex SHA-256 that names an entry: inputs' paths and contents, versions, our own source."""
    digest = hashlib.sha256()
    digest.update(_MAGIC + name.encode() + b"\0" + sys.version.encode() + b"\0")
    for distribution in sorted(depends_on):
        digest.update(f"{distribution}={_version(distribution)}\0".encode())
    for source in sorted(_PACKAGE.glob("*.py")):
        _hash_file(digest, source, source.name)
    for root in inputs:
        root = Path(root)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            _hash_file(digest, path, path.relative_to(root).as_posix() if root.is_dir() else path.name)
    for fingerprint in fingerprints:
        digest.update(f"fingerprint\0{fingerprint}\0".encode())
    return digest.hexdigest()


def _version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def _hash_file(digest, path: Path, label: str) -> None:
    data = path.read_bytes()
    digest.update(f"{label}\0{len(data)}\0".encode())
    digest.update(data)


# --- reading: only what this user wrote, whole ----------------------------------------------------


def is_private_directory(directory: Path) -> bool:
    """A real directory owned by this user that nobody else may enter or write."""
    try:
        info = os.lstat(directory)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and _is_ours(info)
            and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def _is_ours(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _read(directory: Path, path: Path):
    if not is_private_directory(directory):
        return _MISSING
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return _MISSING  # not there yet (or a link: refused)
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _is_ours(info) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return _MISSING
            data = handle.read()
    except OSError:
        return _MISSING
    header = len(_MAGIC) + _DIGEST_SIZE
    body = data[header:]
    if data[:len(_MAGIC)] != _MAGIC or data[len(_MAGIC):header] != hashlib.sha256(body).digest():
        _remove(path)  # damaged or cut short: rebuilt, never used
        return _MISSING
    try:
        return pickle.loads(body)
    except Exception:  # noqa: BLE001 - e.g. a class that changed shape: rebuild rather than fail
        _remove(path)
        return _MISSING


# --- writing: atomically, in a private directory ------------------------------------------------


def _private_directory(directory: Path) -> bool:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(directory)
        if stat.S_ISDIR(info.st_mode) and _is_ours(info) and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            os.chmod(directory, 0o700)  # ours but opened to others (a umask, a copy): close it
    except OSError:
        return False
    return is_private_directory(directory)


def _write(directory: Path, path: Path, name: str, value: object) -> None:
    try:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value that cannot be pickled is simply not cached
        return
    if not _private_directory(directory):
        return
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".writing-")  # created 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            _remove(Path(temporary))
        return
    for older in directory.glob(f"{name}-*.pickle"):
        if older != path:
            _remove(older)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
