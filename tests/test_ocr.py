"""Scanned PDFs: pages that are pictures of text are read by OCR (Tesseract), bounded and flagged.

The scans are the image-only samples in samples/scanned/ (made by samples/make_samples.py from the
text-layer samples) and pictures drawn here. Tests that need Tesseract skip, saying so, where it
is not installed; the message a user then gets is tested without it.
"""

from __future__ import annotations

import io
import time
from collections import Counter
from pathlib import Path

import pytest
from factory import PdfBuilder
from fpdf import FPDF

from analyzer import errors, ocr
from analyzer.guard import budget_seconds
from analyzer.models import Limits, Word
from analyzer.read import read_document
from analyzer.sections import structure_resume
from analyzer.skills import match_skills

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"
AS_OF = "2026-11"
needs_tesseract = pytest.mark.skipif(not ocr.is_available(), reason="Tesseract OCR is not installed (apt-get install tesseract-ocr)")


def _page_images(path: Path) -> list:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
    finally:
        pdf.close()


def _image_pdf(images: list, *, text: str = "") -> bytes:
    """A PDF whose pages are the given pictures, each filling a Letter page; optional tiny text on page 1."""
    pdf = FPDF(unit="pt", format="letter")
    for index, image in enumerate(images):
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=612, h=792)
        if text and index == 0:
            pdf.set_font("helvetica", size=6)
            pdf.text(20, 785, text)
    return bytes(pdf.output())


def _skills_and_entries(document, resources):
    resume = structure_resume(document, resources.taxonomy, as_of=AS_OF)
    skills = {s.id for s in match_skills(resume, resources.taxonomy, resources.nlp) if not s.inferred}
    return skills, Counter((e.section, e.start, e.end) for e in resume.entries if e.start)


@needs_tesseract
@pytest.mark.parametrize("stem", ["mlops_daniel_osei", "sidebar_ines_carvalho"])
def test_scanned_sample_yields_what_its_text_layer_does(stem, resources):
    text_skills, text_entries = _skills_and_entries(read_document(ROOT / "samples" / f"{stem}.pdf"), resources)
    scanned = read_document(SCANNED / f"{stem}.pdf")
    skills, entries = _skills_and_entries(scanned, resources)
    assert scanned.source == "ocr"
    assert len(skills & text_skills) >= 0.90 * len(text_skills)
    assert sum((entries & text_entries).values()) >= 0.85 * sum(text_entries.values())
    assert not skills - text_skills, "a skill the text-layer version does not have: OCR noise"


@needs_tesseract
def test_ocr_words_carry_boxes_confidence_and_the_report_says_so():
    document = read_document(SCANNED / "analyst_priya_natarajan.pdf")
    words = [word for line in document.lines for word in line.words]
    assert words and all(word.confidence is not None and 0.5 <= word.confidence <= 1 for word in words)
    width, height = document.page_sizes[0]
    assert all(0 <= w.x0 < w.x1 <= width and 0 <= w.top < w.bottom <= height for w in words)
    notice = next(n for n in document.notices if n.code == "ocr_page")
    assert notice.page == 1 and "read by OCR with a mean confidence of" in notice.message


@needs_tesseract
def test_only_the_page_without_text_layer_is_read_by_ocr():
    text_page = PdfBuilder(width=215.9, height=279.4)
    text_page.text(20, 20, "Maya Lindqvist", size=20, bold=True)
    text_page.text(20, 35, "EXPERIENCE", size=12, bold=True)
    text_page.text(20, 45, "Data Scientist, Norrsken Analytics, 2021 - 2024")
    first = _page_images(SCANNED.parent / "mlops_daniel_osei.pdf")[0]
    import pypdf

    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(text_page.build())))
    writer.append(pypdf.PdfReader(io.BytesIO(_image_pdf([first]))))
    out = io.BytesIO()
    writer.write(out)
    document = read_document(out.getvalue())
    assert [n.page for n in document.notices if n.code == "ocr_page"] == [2]
    assert {line.page for line in document.lines} == {1, 2}
    assert all(w.confidence is None for line in document.lines if line.page == 1 for w in line.words)


@needs_tesseract
def test_a_scan_with_a_little_text_on_it_is_still_read_by_ocr():
    page = _page_images(SCANNED.parent / "analyst_priya_natarajan.pdf")[0]
    document = read_document(_image_pdf([page], text="Scanned 2026-01-15"))
    assert document.source == "ocr"
    assert any("Product Analyst" in line.text for line in document.lines)


@needs_tesseract
def test_a_ten_page_scan_stays_within_its_bound():
    pages = _page_images(SCANNED.parent / "long_career_douglas_achterberg.pdf")
    data = _image_pdf((pages * 5)[:10])
    limits = Limits()
    start = time.monotonic()
    document = read_document(data, limits=limits)
    elapsed = time.monotonic() - start
    assert document.pages == 10 and sum(n.code == "ocr_page" for n in document.notices) == 10
    # Two page workers, each with the OCR budget for its five pages (and the text pass before).
    assert elapsed < budget_seconds(limits, 10) + budget_seconds(limits, 5 * ocr.OCR_BUDGET_FACTOR)


@needs_tesseract
def test_ocr_past_its_time_budget_is_too_slow_not_a_hang():
    pages = _page_images(SCANNED.parent / "long_career_douglas_achterberg.pdf")
    limits = Limits(seconds_per_page=0.01)
    start = time.monotonic()
    with pytest.raises(errors.TooSlow):
        read_document(_image_pdf(pages * 3), limits=limits)
    assert time.monotonic() - start < budget_seconds(limits, 6) + budget_seconds(limits, 3 * ocr.OCR_BUDGET_FACTOR) + 3


@needs_tesseract
def test_a_blank_scan_says_no_text_was_found():
    from PIL import Image

    with pytest.raises(errors.NoTextLayer, match="OCR found no readable text"):
        read_document(_image_pdf([Image.new("L", (850, 1100), 255)]))


def test_without_tesseract_a_scan_says_how_to_add_it(monkeypatch):
    monkeypatch.setattr(ocr, "TESSERACT", "tesseract-that-is-not-installed")
    with pytest.raises(errors.NoTextLayer, match=r"no text layer.*apt-get install tesseract-ocr"):
        read_document(SCANNED / "analyst_priya_natarajan.pdf")


HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page' title='bbox 0 0 1700 2200'>
<span class='ocr_line' title="bbox 100 200 900 230; baseline 0 -5; x_size 30">
<span class='ocrx_word' title='bbox 100 200 300 230; x_wconf 95'>Python</span>
<span class='ocrx_word' title='bbox 320 200 420 230; x_wconf 21'>Rust</span>
<span class='ocrx_word' title='bbox 440 200 640 230; x_wconf 30'>2019-2021</span>
</span></div></body></html>"""


def test_low_confidence_words_are_listed_and_only_dates_kept():
    trusted, low = ocr._parse_hocr(HOCR, 1, 72 / 200)
    assert [w.text for w in trusted] == ["Python", "2019-2021"]
    assert [w.text for w in low] == ["Rust", "2019-2021"]
    assert trusted[0].confidence == 0.95 and trusted[0].top == pytest.approx(200 * 72 / 200)
    _, notices = ocr._page_result(trusted, low, 1, 612)
    low_notice = next(n for n in notices if n.code == "ocr_low_confidence")
    assert "\u201cRust\u201d" in low_notice.message and "\u201c2019-2021\u201d" in low_notice.message


def test_bullet_misread_as_a_letter_becomes_a_bullet():
    words = [Word("e", 1, 50, 100, 54, 110, size=10, confidence=0.4), Word("Built", 1, 62, 100, 85, 110, size=10),
             Word("pipelines", 1, 88, 100, 130, 110, size=10)]
    from analyzer.layout import page_lines

    line = ocr._mark_bullets(page_lines(words, 612))[0]
    assert line.bullet and line.text == "Built pipelines"
