"""Progress per interview area and the next questions to practise: pure functions over a report
and the person's marks (analyzer/practice/store.py). Nothing here reads or writes a file.

The next questions are weighted by exposure (how weakly the resume backs what the question probes)
and by status: a question marked "needs work" counts double, one marked ready or skipped is left
out, one not tried yet counts once. Ties keep the report's ranking. Known limit: exposure is read
from the report's own scores (the claim's defensibility, the flag's severity, the area's readiness),
so it is only as good as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from analyzer.models import Question, Report, Severity

READY, NEEDS_WORK, SKIP = "ready", "needs work", "skip"
STATUSES = (READY, NEEDS_WORK, SKIP)
NOT_TRIED = "not tried"
# A question marked "needs work" is worth twice one not tried yet: the person already found a gap.
STATUS_WEIGHT = {NEEDS_WORK: 2.0, "": 1.0}
# Exposure (0-100) of a question anchored to a flag, by the flag's severity.
SEVERITY_EXPOSURE = {Severity.HIGH: 90, Severity.MEDIUM: 70, Severity.LOW: 45, Severity.INFO: 25}
# Exposure of a question nothing on the resume scores (a baseline question): a middling one.
BASELINE_EXPOSURE = 50
NEXT_COUNT = 5


def _status(marks: Mapping[str, object], question_id: str) -> str:
    mark = marks.get(question_id)
    return getattr(mark, "status", "") or "" if mark is not None else ""


def exposure(report: Report, question: Question) -> int:
    """0-100: how exposed the candidate is on this question (100 = nothing on the resume backs it)."""
    if question.flag_code:
        severities = [f.severity for f in report.flags if f.code == question.flag_code
                      and (question.claim_id is None or f.claim_id in (None, question.claim_id))]
        if severities:
            return max(SEVERITY_EXPOSURE.get(s, BASELINE_EXPOSURE) for s in severities)
    if question.claim_id:
        claim = next((c for c in report.claims if c.id == question.claim_id), None)
        if claim is not None:
            return 100 - claim.defensibility
    return BASELINE_EXPOSURE


def next_to_practise(report: Report, marks: Mapping[str, object], count: int = NEXT_COUNT) -> list[Question]:
    """The ``count`` questions most worth practising next (see the module docstring)."""
    scored = []
    for rank, question in enumerate(report.questions):
        weight = STATUS_WEIGHT.get(_status(marks, question.id))
        if weight is None:  # ready or skipped
            continue
        scored.append((-(1 + exposure(report, question) / 100) * weight, rank, question))
    return [question for _, _, question in sorted(scored, key=lambda item: item[:2])[:count]]


@dataclass(frozen=True, slots=True)
class AreaProgress:
    area: int
    ready: int
    needs_work: int
    skipped: int
    not_tried: int

    @property
    def total(self) -> int:
        return self.ready + self.needs_work + self.skipped + self.not_tried


def progress(report: Report, marks: Mapping[str, object]) -> list[AreaProgress]:
    """Counts by status for each interview area that has questions, in area order."""
    counts: dict[int, dict[str, int]] = {}
    for question in report.questions:
        status = _status(marks, question.id) or NOT_TRIED
        counts.setdefault(question.area, {}).setdefault(status, 0)
        counts[question.area][status] += 1
    return [
        AreaProgress(area, c.get(READY, 0), c.get(NEEDS_WORK, 0), c.get(SKIP, 0), c.get(NOT_TRIED, 0))
        for area, c in sorted(counts.items())
    ]
