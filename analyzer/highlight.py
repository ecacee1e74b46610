"""The resume's pages as images, with skills and flagged claims boxed where they stand.

Uses pdfplumber's ``page.to_image`` (pypdfium2 underneath). This module and analyzer/extract.py are
the only pdfplumber imports. It renders bytes that analyze() has already read successfully, and
``render_pages_bounded`` renders under the same time and memory bounds as the reader
(analyzer/guard.py), since a renderer can be attacked as well as a parser. Images stay in memory.

Known limits: a mark is drawn only where the evidence carries a bbox; pages beyond ``max_pages``
are not rendered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from analyzer.guard import run_bounded
from analyzer.models import Limits, Report
from analyzer.view import Mark, marks

# Colours as RGBA. A skill's words get a translucent green box; a flagged line gets a red outline
# with no fill, a little wider than the line, so a skill box inside a flagged line stays green (no
# red-on-green mixing into brown) and the printed text stays legible.
_GREEN = (46, 160, 67)
_RED = (220, 38, 38)
_FILL = {"skill": (*_GREEN, 60), "described": None, "flag": None}
_STROKE = {"skill": (*_GREEN, 255), "described": (*_GREEN, 255), "flag": (*_RED, 255)}
# Points of air around each kind of mark: a flag's outline sits outside the skill boxes within it.
_PAD = {"skill": 1.0, "described": 0.0, "flag": 3.0}
# Draw order: flagged lines first, then skills on top.
_LAYER = {"flag": 0, "described": 1, "skill": 2}


@dataclass(frozen=True)
class PageImage:
    page: int
    image: object  # PIL.Image.Image
    marks: tuple[Mark, ...]


def render_pages(data: bytes, report: Report, *, resolution: int = 100, max_pages: int = 10) -> list[PageImage]:
    """Render each page of ``data`` with the report's marks drawn on it; skills are drawn last (on top)."""
    all_marks = marks(report)
    images: list[PageImage] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages[:max_pages], start=1):
            page_marks = sorted((m for m in all_marks if m.page == number), key=lambda m: _LAYER.get(m.kind, 1))
            canvas = page.to_image(resolution=resolution)
            for mark in page_marks:
                if mark.kind == "described":  # an underline: the skill is in the line, but no word names it
                    x0, _, x1, bottom = mark.bbox
                    canvas.draw_line(((x0, bottom + 1), (x1, bottom + 1)), stroke=_STROKE["described"], stroke_width=2)
                    continue
                fill = _FILL.get(mark.kind) or (0, 0, 0, 0)
                canvas.draw_rect(_pad(mark.bbox, _PAD.get(mark.kind, 1.5)), fill=fill, stroke=_STROKE[mark.kind],
                                 stroke_width=2)
            images.append(PageImage(page=number, image=canvas.annotated.convert("RGB"), marks=tuple(page_marks)))
    return images


def render_pages_bounded(data: bytes, report: Report, *, limits: Limits = Limits(), resolution: int = 100) -> list[PageImage]:
    """render_pages under the reader's bounds; raises TooSlow / TooComplex / CorruptPDF instead of hanging.

    A Word document has no pages to draw: the answer is empty (show ``marked_lines`` instead).
    """
    if not has_page_images(report):
        return []
    pages = min(report.resume.document.pages or 1, limits.max_pages)
    return run_bounded(_render, data, report, resolution, limits.max_pages, limits=limits, pages=pages)


def has_page_images(report: Report) -> bool:
    """The resume came as a PDF (scanned or not), whose pages can be drawn; a .docx has none."""
    return report.resume.document.source != "docx"


def marked_lines(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    """Every line of the resume with the kinds of mark ("skill", "flag") that fall on it, in reading
    order: the text view of the marks, for a document without page images."""
    all_marks = marks(report)
    out = []
    for line in report.resume.document.lines:
        kinds = sorted({m.kind for m in all_marks if m.page == line.page and _overlaps(m.bbox, line.bbox)})
        out.append((line.text, tuple(kinds)))
    return out


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _render(data: bytes, report: Report, resolution: int, max_pages: int) -> list[PageImage]:
    return render_pages(data, report, resolution=resolution, max_pages=max_pages)


def _pad(bbox: tuple[float, float, float, float], by: float = 1.5) -> tuple[float, float, float, float]:
    # A box drawn exactly on the glyphs hides their edges; a little air keeps the words readable.
    x0, top, x1, bottom = bbox
    return (x0 - by, top - by, x1 + by, bottom + by)
