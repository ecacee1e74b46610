"""Build small PDFs in memory for tests, with exact fonts, colours, positions and links.

    pdf = PdfBuilder()
    pdf.text(15, 12, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "EXPERIENCE", size=12, bold=True)
    pdf.link(15, 40, 20, 5, "https://github.com/x/y"); pdf.text(15, 44, "GitHub")
    data = pdf.build()

Coordinates are millimetres from the top-left corner; ``y`` is the text's baseline.
"""

from __future__ import annotations

import datetime

from fpdf import FPDF

from analyzer.fonts import font_path


class PdfBuilder:
    def __init__(self, *, width: float = 210, height: float = 297) -> None:
        self.pdf = FPDF(unit="mm", format=(width, height))
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
        self.pdf.add_font("DejaVu", "", str(font_path()))
        self.pdf.add_font("DejaVu", "B", str(font_path(bold=True)))
        self.pdf.add_page()

    def page(self) -> "PdfBuilder":
        self.pdf.add_page()
        return self

    def text(self, x: float, y: float, text: str, *, size: float = 10, bold: bool = False,
             color: tuple[int, int, int] = (0, 0, 0)) -> "PdfBuilder":
        self.pdf.set_font("DejaVu", "B" if bold else "", size)
        self.pdf.set_text_color(*color)
        self.pdf.text(x, y, text)
        return self

    def lines(self, x: float, y: float, texts: list[str], *, size: float = 10, bold: bool = False,
              leading: float = 5) -> float:
        """Write lines one under another; return the baseline after the last."""
        for text in texts:
            self.text(x, y, text, size=size, bold=bold)
            y += leading
        return y

    def rect(self, x: float, y: float, w: float, h: float, fill: tuple[int, int, int]) -> "PdfBuilder":
        self.pdf.set_fill_color(*fill)
        self.pdf.rect(x, y, w, h, style="F")
        return self

    def link(self, x: float, y: float, w: float, h: float, url: str) -> "PdfBuilder":
        self.pdf.link(x, y, w, h, url)
        return self

    def build(self) -> bytes:
        return bytes(self.pdf.output())


def simple_resume(*body: str, name: str = "Maya Lindqvist") -> bytes:
    """A one-column resume: a name, then each argument as a line ('# X' is a heading, '- x' a bullet)."""
    pdf = PdfBuilder()
    pdf.text(15, 15, name, size=20, bold=True)
    y = 28.0
    for line in body:
        if line.startswith("# "):
            y += 3
            pdf.text(15, y, line[2:].upper(), size=12, bold=True)
        elif line.startswith("- "):
            pdf.text(18, y, "\u2022")
            pdf.text(22, y, line[2:])
        elif line.startswith("* "):
            pdf.text(15, y, line[2:], bold=True)
        else:
            pdf.text(15, y, line)
        y += 5.5
        if y > 280:
            pdf.page()
            y = 20.0
    return pdf.build()


def analyze_simple_resume(tmp_path, *body: str, perspective: str = "interviewer", as_of: str = "2026-11"):
    """simple_resume(*body) written to ``tmp_path`` and analysed by the real pipeline, the questions
    in ``perspective``'s wording."""
    from analyzer.models import Options
    from analyzer.pipeline import analyze

    path = tmp_path / "cv.pdf"
    path.write_bytes(simple_resume(*body))
    return analyze(path, as_of=as_of, options=Options(perspective=perspective))
