"""Printable PDF question list (fpdf2): grouped by interview area, each question with why it is
asked and the resume line behind it.

Unicode-safe: fpdf2's core fonts are Latin-1 only, so the DejaVu Sans TTF shipped in analyzer/fonts
is embedded (bullets, dashes, accented names). Glyphs DejaVu lacks (CJK, emoji) print as blanks
instead of failing. The creation date is fixed so the same report gives the same bytes.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from analyzer.export._common import grouped, perspective_of, practice_of, question_meta, subtitle, title, why_label
from analyzer.fonts import font_path
from analyzer.models import Report
from analyzer.view import line_label

_FONT = "DejaVu"
_GREY = (90, 90, 90)
_ACCENT = (30, 64, 175)


def _clean(text: str) -> str:
    # Control characters would print as boxes or break the layout; runs of whitespace become one space.
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in " ".join(text.split()))


class _QuestionPdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4", unit="mm")
        self._footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(_FONT, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 5, f"{self._footer_text} · page {self.page_no()}/{{nb}}", align="C")


def to_pdf(report: Report, *, perspective: str | None = None, practice: Mapping[str, object] | None = None) -> bytes:
    perspective = perspective_of(report, perspective)
    pdf = _QuestionPdf(_clean(title(report)))
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc))
    pdf.add_font(_FONT, "", str(font_path()))
    pdf.add_font(_FONT, "B", str(font_path(bold=True)))
    pdf.set_title(_clean(title(report)))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()

    def para(text: str, *, size: float = 10, bold: bool = False, color=(0, 0, 0), indent: float = 0,
             gap: float = 1, measure: bool = False) -> float:
        pdf.set_font(_FONT, "B" if bold else "", size)
        pdf.set_text_color(*color)
        pdf.set_x(pdf.l_margin + indent)
        if measure:
            return pdf.multi_cell(0, size * 0.5, _clean(text), align="L", dry_run=True, output="HEIGHT") + gap
        pdf.multi_cell(0, size * 0.5, _clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)
        return 0.0

    def question_block(number: int, question, measure: bool = False) -> float:
        height = para(f"{number}. {question.text}", size=11, bold=True, gap=0.5, measure=measure)
        height += para(question_meta(question), size=8.5, color=_GREY, indent=5, measure=measure)
        if question.why:
            height += para(f"{why_label(perspective, question)}: {question.why}", size=9.5, indent=5, measure=measure)
        if question.quote:
            where = f" (p. {question.page})" if question.page else ""
            height += para(f"{line_label(question)}{where}: \u201c{question.quote}\u201d", size=9.5, color=_GREY, indent=5,
                           measure=measure)
        for followup in question.followups:
            height += para(f"\u2022 Follow-up: {followup}", size=9.5, indent=5, measure=measure)
        status, note = practice_of(question, practice)
        if status:
            height += para(f"Practice: {status}", size=9.5, color=_ACCENT, indent=5, measure=measure)
        if note:
            height += para(f"My notes: {note}", size=9.5, indent=5, measure=measure)
        return height + 2

    def keep_together(height: float) -> None:
        # A question split by a page break is hard to read on paper: start it on a new page instead
        # (unless it is taller than a page anyway).
        room = pdf.page_break_trigger - pdf.get_y()
        if height > room and height < pdf.page_break_trigger - pdf.t_margin:
            pdf.add_page()

    para(title(report), size=16, bold=True, gap=2)
    para(subtitle(report), size=9, color=_GREY, gap=4)
    if not report.questions:
        para("No questions were generated for this resume.")
    number = 0
    for heading, questions in grouped(report):
        first = question_block(number + 1, questions[0], measure=True)
        keep_together(2 + para(heading, size=13, bold=True, gap=2, measure=True) + first)  # no orphan heading
        pdf.ln(2)
        para(heading, size=13, bold=True, color=_ACCENT, gap=2)
        for question in questions:
            number += 1
            keep_together(question_block(number, question, measure=True))
            question_block(number, question)
            pdf.ln(2)
    return bytes(pdf.output())
