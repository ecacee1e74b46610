"""What every question-list export shares: the title, the grouping by area, one question's lines."""

from __future__ import annotations

from collections.abc import Mapping

from analyzer.models import Question, Report
from analyzer.view import area_label, area_names, question_meta, questions_by_area, why_label


def safe_text(text: str) -> str:
    """Text that encodes as UTF-8: lone surrogates (from an undecodable file name) become '?'."""
    return text.encode("utf-8", "replace").decode("utf-8")


def title(report: Report) -> str:
    name = report.resume.contact.name or report.resume.document.name or "resume"
    return f"Interview questions for {name}"


def subtitle(report: Report) -> str:
    return (
        f"From {report.resume.document.name} · reference month {report.resume.as_of} · "
        f"{len(report.questions)} question(s)"
    )


def grouped(report: Report) -> list[tuple[str, list[Question]]]:
    """(area heading, questions) in area order."""
    names = area_names(report)
    return [(f"{area}. {area_label(area, names)}", qs) for area, qs in questions_by_area(report.questions)]


def perspective_of(report: Report, perspective: str | None) -> str:
    """The perspective asked for, else the one the report was made with, else the candidate's."""
    return perspective or dict(report.settings).get("perspective", "candidate")


def resume_line(question: Question) -> str:
    if not question.quote:
        return ""
    page = f" (p. {question.page})" if question.page else ""
    return f"{question.quote}{page}"


def practice_of(question: Question, practice: Mapping[str, object] | None) -> tuple[str, str]:
    """(status, note) the person saved for this question in practice mode; ('', '') when none."""
    mark = (practice or {}).get(question.id)
    return (getattr(mark, "status", "") or "", getattr(mark, "note", "") or "") if mark is not None else ("", "")


def has_practice(report: Report, practice: Mapping[str, object] | None) -> bool:
    return any(any(practice_of(q, practice)) for q in report.questions)


__all__ = ["has_practice", "practice_of", "grouped", "perspective_of", "safe_text", "question_meta", "resume_line", "subtitle", "title", "why_label"]
