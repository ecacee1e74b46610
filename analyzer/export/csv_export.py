"""CSV export: one row per question, safe to open in a spreadsheet.

Named csv_export so ``import csv`` inside the package still means the standard library.
Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return before them) as a
formula, and resume text is untrusted: such cells get a leading apostrophe (OWASP's advice for CSV
injection), which spreadsheets show as plain text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from analyzer.export._common import has_practice, practice_of
from analyzer.models import Report
from analyzer.view import POSTING_ANCHORS, area_label, area_names

COLUMNS = (
    "id", "area", "area_name", "kind", "difficulty", "topic", "question", "why",
    "resume_line", "page", "anchor", "claim_id", "flag_code", "followups", "line_source",
)
# Characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A CSV cell a spreadsheet cannot run: text starting like a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    # WHY the lstrip: some spreadsheets skip leading spaces before they look for a formula.
    if text.startswith(_FORMULA_START) or text.lstrip(" ").startswith(_FORMULA_START[:4]):
        return "'" + text
    return text


def _line_source(question) -> str:
    """Where the quoted line comes from: the resume, or the job posting (then resume_line holds the posting's line)."""
    if not question.quote:
        return ""
    return "posting" if question.anchor in POSTING_ANCHORS else "resume"


# Added after COLUMNS only when the person saved practice marks or notes.
PRACTICE_COLUMNS = ("practice_status", "practice_note")


def to_csv(report: Report, *, practice: Mapping[str, object] | None = None) -> bytes:
    names = area_names(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    with_practice = has_practice(report, practice)
    writer.writerow(COLUMNS + (PRACTICE_COLUMNS if with_practice else ()))
    for q in report.questions:
        row = (
            q.id, q.area, area_label(q.area, names), q.kind, q.difficulty, q.topic, q.text, q.why,
            q.quote, q.page if q.page is not None else "", q.anchor, q.claim_id or "", q.flag_code or "",
            " | ".join(q.followups), _line_source(q),
        ) + (practice_of(q, practice) if with_practice else ())
        writer.writerow([neutralise(cell) for cell in row])
    # A BOM so spreadsheet programs read accented names as UTF-8, not as their local code page.
    return buffer.getvalue().encode("utf-8-sig", "replace")
