"""Markdown export: the question list grouped by interview area, with why-asked and the resume line.

Resume text is untrusted and Markdown renders inline HTML and links, so every piece of resume- or
question-derived text is escaped by the page's own escaper (``view.escape_markdown``): a quote reading
``<img src=x>``, ``[x](javascript:...)`` or a bare ``https://...`` stays literal, unlinked text in any viewer.
"""

from __future__ import annotations

from collections.abc import Mapping

from analyzer.export._common import (grouped, perspective_of, practice_of, question_meta, resume_line, subtitle, title,
                                     why_label)
from analyzer.models import Report
from analyzer.view import alignment_rows, escape_markdown, line_label


def to_markdown(report: Report, *, perspective: str | None = None, practice: Mapping[str, object] | None = None) -> bytes:
    perspective = perspective_of(report, perspective)
    lines = [f"# {escape_markdown(title(report))}", "", f"_{escape_markdown(subtitle(report))}_", ""]
    if not report.questions:
        lines += ["No questions were generated for this resume.", ""]
    number = 0
    for heading, questions in grouped(report):
        lines += [f"## {escape_markdown(heading)}", ""]
        for question in questions:
            number += 1
            lines.append(f"{number}\\. **{escape_markdown(question.text)}**")
            lines.append("")
            lines.append(f"   - _{escape_markdown(question_meta(question))}_")
            if question.why:
                lines.append(f"   - {escape_markdown(why_label(perspective, question))}: {escape_markdown(question.why)}")
            if question.quote:
                lines.append(f"   - {line_label(question)}: {escape_markdown(resume_line(question))}")
            for followup in question.followups:
                lines.append(f"   - Follow-up: {escape_markdown(followup)}")
            status, note = practice_of(question, practice)
            if status:
                lines.append(f"   - Practice: {escape_markdown(status)}")
            if note:
                lines.append(f"   - My notes: {escape_markdown(note)}")
            lines.append("")
    lines += _posting(report)
    # "replace": a lone surrogate (from an undecodable file name) must not break the export.
    return "\n".join(lines).encode("utf-8", "replace")


def _posting(report: Report) -> list[str]:
    """The job posting and how the resume meets it (only when a posting was given)."""
    posting, alignment = report.posting, report.alignment
    if posting is None or alignment is None:
        return []
    lines = [f"## The job: {escape_markdown(posting.title or 'untitled')} at {escape_markdown(posting.company or 'an unnamed company')}", ""]
    if posting.years:
        lines += [f"Years asked: {posting.years}; years your dated jobs cover: {alignment.years_shown:g}", ""]
    lines += ["### Prepare first", ""] + [f"- {escape_markdown(s)}" for s in alignment.prepare_first] + [""]
    lines += ["### Skills the posting asks for", "", "| Skill | Asked | Status | Why | Posting line | Resume line |",
              "|---|---|---|---|---|---|"]
    for row in alignment_rows(report):
        lines.append("| " + " | ".join(escape_markdown(str(row[k])) for k in
                                         ("skill", "asked", "status", "why", "posting line", "resume line")) + " |")
    return lines + [""]
