"""The practice store: one SQLite file in the user's data folder, written only when asked.

    <data folder>/resume-analyzer/practice.sqlite3
    data folder: $RESUME_ANALYZER_DATA_DIR (the folder itself), else $XDG_DATA_HOME, else ~/.local/share

One row per (resume SHA-256, question id): status, note, time saved. Nothing about the resume but
its hash is kept. The schema is versioned with SQLite's ``user_version`` and upgraded by the
``MIGRATIONS`` below, each run once, in order, inside one transaction.

Reading never creates the file (a person who only looks leaves no trace). A save writes only the
questions that session changed, inside ``BEGIN IMMEDIATE``, so two pages saving at once serialise
and neither loses the other's rows. A file that is not a readable database raises
DamagedStoreError; ``set_aside`` renames it so practice can start afresh.

Known limits: two sessions changing the *same* question keep the later save; the file is not
encrypted (it holds notes the person wrote, in their own data folder).
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import AnalyzerError

DATA_DIR_ENV = "RESUME_ANALYZER_DATA_DIR"
APP_DIR = "resume-analyzer"
FILE_NAME = "practice.sqlite3"
# Seconds a save waits for another session's save to finish before giving up.
LOCK_TIMEOUT = 15.0

# Schema versions, in order: MIGRATIONS[n] upgrades a file at version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    # 1: one row per resume and question.
    """
    CREATE TABLE practice (
        resume_sha256 TEXT NOT NULL,
        question_id   TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL DEFAULT '',
        updated       TEXT NOT NULL,
        PRIMARY KEY (resume_sha256, question_id)
    ) WITHOUT ROWID;
    """,
    # 2: listing one resume's rows by time (the CLI and the page read one resume at a time).
    "CREATE INDEX practice_by_time ON practice (resume_sha256, updated);",
)
SCHEMA_VERSION = len(MIGRATIONS)


class PracticeStoreError(AnalyzerError):
    """The practice file cannot be read or written (permissions, a full disk, a newer version)."""

    code = "practice_store"


class DamagedStoreError(PracticeStoreError):
    """The practice file exists but is not a readable practice database."""

    code = "practice_store_damaged"


@dataclass(frozen=True, slots=True)
class Mark:
    """What a person saved about one question: a status (or ''), a note, and when."""

    question_id: str
    status: str = ""
    note: str = ""
    updated: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.status and not self.note.strip()


def default_path() -> Path:
    """Where the practice file lives for this user (see the module docstring)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / FILE_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / APP_DIR / FILE_NAME


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class PracticeStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    def exists(self) -> bool:
        return self.path.is_file()

    # --- reading ------------------------------------------------------------------------------

    def load(self, resume_sha256: str) -> dict[str, Mark]:
        """The saved marks for one resume, by question id; {} when nothing was ever saved."""
        if not self.exists():
            return {}
        try:
            with closing(self._connect(read_only=True)) as connection:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    return {}
                self._check_version(version)
                rows = connection.execute(
                    "SELECT question_id, status, note, updated FROM practice WHERE resume_sha256 = ?",
                    (resume_sha256,),
                ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None
        return {row[0]: Mark(*row) for row in rows}

    def resumes(self) -> int:
        """How many resumes have saved practice (for the page's 'delete everything' notice)."""
        if not self.exists():
            return 0
        try:
            with closing(self._connect(read_only=True)) as connection:
                if connection.execute("PRAGMA user_version").fetchone()[0] == 0:
                    return 0
                return connection.execute("SELECT COUNT(DISTINCT resume_sha256) FROM practice").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None

    # --- writing ------------------------------------------------------------------------------

    def save(self, resume_sha256: str, marks: Iterable[Mark]) -> int:
        """Write these marks (only these rows) for one resume; an empty mark deletes its row.

        Returns how many rows were written or deleted. Creates the folder and file on first use.
        """
        marks = list(marks)
        if not marks:
            return 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = self._connect(read_only=False)
        except (OSError, sqlite3.Error) as error:
            raise PracticeStoreError(f"Could not open {self.path} to save your practice: {error}.") from None
        try:
            connection.execute("BEGIN IMMEDIATE")  # one writer at a time; others wait up to LOCK_TIMEOUT
            self._migrate(connection)
            now = _now()
            for mark in marks:
                if mark.is_empty:
                    connection.execute("DELETE FROM practice WHERE resume_sha256 = ? AND question_id = ?",
                                       (resume_sha256, mark.question_id))
                else:
                    connection.execute(
                        "INSERT INTO practice (resume_sha256, question_id, status, note, updated) VALUES (?, ?, ?, ?, ?)"
                        " ON CONFLICT (resume_sha256, question_id) DO UPDATE SET status = excluded.status,"
                        " note = excluded.note, updated = excluded.updated",
                        (resume_sha256, mark.question_id, mark.status, mark.note, mark.updated or now),
                    )
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            connection.rollback()
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise PracticeStoreError("Another window is saving practice right now; try again in a moment.") from None
            raise self._damaged(error) from None
        finally:
            connection.close()
        return len(marks)

    def delete_all(self) -> bool:
        """Remove the practice file (every resume's marks and notes). True when there was one."""
        existed = False
        for path in (self.path, *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm", "-journal"))):
            try:
                path.unlink()
                existed = existed or path == self.path
            except FileNotFoundError:
                continue
            except OSError as error:
                raise PracticeStoreError(f"Could not delete {path}: {error.strerror or error}.") from None
        return existed

    def set_aside(self) -> Path:
        """Rename a damaged file out of the way (kept, in case it matters) so a fresh one can start."""
        stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            self.path.replace(target)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise PracticeStoreError(f"Could not move the damaged file {self.path} aside: {error.strerror or error}.") from None
        return target

    # --- inside ---------------------------------------------------------------------------------

    def _connect(self, *, read_only: bool) -> sqlite3.Connection:
        if read_only:
            # mode=ro: reading never creates the file, and never changes it.
            return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=LOCK_TIMEOUT)
        return sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise PracticeStoreError(
                f"{self.path} was written by a newer version of resume-analyzer (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); update resume-analyzer to use it."
            )

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the file to SCHEMA_VERSION inside the caller's transaction."""
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        self._check_version(version)
        for step in range(version, SCHEMA_VERSION):
            for statement in (s for s in MIGRATIONS[step].split(";") if s.strip()):
                connection.execute(statement)
        if version != SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _damaged(self, error: Exception) -> DamagedStoreError:
        return DamagedStoreError(
            f"The saved practice file {self.path} could not be read ({error}); it may be damaged."
        )
