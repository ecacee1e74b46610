"""Practice mode: the candidate's own marks on the questions (ready, needs work, skip) and notes,
kept in a local SQLite file only when they ask, and the next questions worth practising.

    store.py   PracticeStore: the SQLite file (versioned schema, migrations, safe concurrent saves)
    plan.py    progress per interview area and the "next five to practise", pure functions

The resume itself is never stored: a row holds the resume's SHA-256, a question id, a status, a
note and the time it was saved.
"""

from analyzer.practice.plan import (
    NOT_TRIED,
    STATUSES,
    AreaProgress,
    next_to_practise,
    progress,
)
from analyzer.practice.store import (
    DATA_DIR_ENV,
    DamagedStoreError,
    Mark,
    PracticeStore,
    PracticeStoreError,
    default_path,
)

__all__ = [
    "DATA_DIR_ENV", "NOT_TRIED", "STATUSES", "AreaProgress", "DamagedStoreError", "Mark", "PracticeStore",
    "PracticeStoreError", "default_path", "next_to_practise", "progress",
]
