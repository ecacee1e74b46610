"""OCR for PDF pages that are pictures of text: a scan, a photo, pasted screenshots.

``read_scanned_pages(pages, data, limits)`` takes the pages the PDF reader read (extract.PageRead)
and returns them with every page that has no text layer, or almost none on a page-sized image,
read again from its picture. Each such page is rendered in grey at ``OCR_DPI`` (pypdfium2, which
pdfplumber already brings) and read by Tesseract, run as a program: its hOCR output gives every
word's box and confidence, so layout, sections, highlighting and evidence work as for a text layer.

Why Tesseract (Debian's ``tesseract-ocr``, 5.x, English model included): on the rendered sample
resumes it found 0.96 of the words at 1.6-2.2 s per page on one core, and adds 24 MB (10 s of
apt-get). RapidOCR (``rapidocr-onnxruntime``, the pip alternative) found 0.69 of the words (its
recogniser, trained mostly on Chinese, glues English words together: "MLengineer whotakesmodels")
at 6.6 s per page and adds about 300 MB (OpenCV, onnxruntime). Figures and method: README.

Trust: words under ``LOW_CONFIDENCE`` are left out of the text and listed in a notice (numbers
and dates are kept, and listed as doubtful); every page read by OCR gets a notice with its mean
confidence, and its words carry ``Word.confidence``. A page where OCR finds fewer than
``MIN_PAGE_WORDS`` confident words, or a mean confidence under ``MIN_PAGE_CONFIDENCE``, is not
taken as text at all (a photo, a logo, glyphs drawn from a font the file lacks).

Bounds: the pages are read in bounded workers (analyzer/guard.py: time per page, memory); the
picture is at most ``MAX_OCR_PIXELS``; Tesseract runs single-threaded with the worker's deadline as
its timeout, and dies with its worker (Linux). Nothing is written to disk: the picture goes to
Tesseract through a pipe.

Limits: English only; no bold or italic (Tesseract 5 does not report them), and type sizes are
estimates from line heights; text set in pictures on a page that also has a text layer is not read;
handwriting and very noisy scans come out poorly and are mostly left out as low confidence.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from typing import Any
from xml.etree import ElementTree

from analyzer import errors
from analyzer.guard import budget_seconds, run_bounded_many
from analyzer.layout import page_lines
from analyzer.models import Limits, Line, Notice, Word, union_bbox

TESSERACT = "tesseract"
# Rendering resolution: on the samples 200 dpi read as many words as 300 dpi in half the time.
OCR_DPI = 200
# The largest picture handed to Tesseract (an A3 page at 200 dpi is 7.7 million pixels): a page
# with an absurd media box is rendered smaller instead of exhausting memory.
MAX_OCR_PIXELS = 12_000_000
# Tesseract's word confidence (0..1) under which a word is not trusted: left out, and listed.
LOW_CONFIDENCE = 0.5
# A page with fewer readable characters than this counts as having "almost no" text layer...
SPARSE_TEXT_CHARS = 40
# ...and is read by OCR only when an image covers at least this share of it (a scan with a stamp
# or a "scanned by" footer as text).
PAGE_IMAGE_SHARE = 0.5
# Line heights within this ratio of the page's typical one are the same type size (OCR's
# estimates jitter by a point; headings detection must not see that as a size change).
SAME_SIZE_RATIO = 0.15
# A page whose OCR finds fewer trusted words than this, or a lower mean confidence, is not text (a
# photo, a logo, glyphs drawn from a missing font): nothing is taken from it.
MIN_PAGE_WORDS = 3
MIN_PAGE_CONFIDENCE = 0.6
# OCR's time budget per page, in the guard's pages (``Limits.seconds_per_page`` each, 5 s by
# default, so 15 s): a page takes about 2 s of one core alone, but a busy machine (a server
# analysing other files) can triple that; a hostile file is still stopped within the bound.
OCR_BUDGET_FACTOR = 3
# Seconds before the guard's deadline at which Tesseract is stopped, so its own message is given.
DEADLINE_MARGIN = 0.5
# What Tesseract usually makes of a bullet glyph when it is the first word of a line.
_BULLET_MISREADS = frozenset({"e", "°", "©", "®", "¢", "+", "¬", "=", "~", "@", "§", "«", "»", "*"})
_HTML = "{http://www.w3.org/1999/xhtml}"
_BBOX_RE = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_WCONF_RE = re.compile(r"x_wconf (\d+)")
_XSIZE_RE = re.compile(r"x_size ([\d.]+)")
_STRUCTURAL_RE = re.compile(
    r"[\W\d_]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?|present|now|current|today)?[\W\d_]*",
    re.IGNORECASE)
_LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})


def is_available() -> bool:
    """Tesseract is installed (on the PATH)."""
    return shutil.which(TESSERACT) is not None


def install_hint() -> str:
    return ("Text in pictures is read with Tesseract OCR, which is not installed here: install it "
            "(Debian or Ubuntu: `apt-get install tesseract-ocr`; macOS: `brew install tesseract`) and "
            "try again, or export the resume from the original document.")


def read_scanned_pages(pages: list, data: bytes, limits: Limits) -> list:
    """``pages`` (extract.PageRead, in order) with the pages that are pictures read by OCR."""
    wanted = [(page.number, page.has_text) for page in pages if _needs_ocr(page)]
    if not wanted:
        return pages
    if not is_available():
        if not any(page.has_text for page in pages):
            raise errors.NoTextLayer(
                "This PDF has no text layer: it looks like a scan or a picture of a resume. " + install_hint())
        return pages
    workers = max(1, min(len(wanted), os.cpu_count() or 1, 2))
    shares = run_bounded_many(_ocr_pages, [(data, wanted[i::workers], limits) for i in range(workers)],
                              limits=limits, pages=-(-len(wanted) // workers) * OCR_BUDGET_FACTOR)
    found = {number: result for share in shares for number, result in share}
    out = []
    for page in pages:
        result = found.get(page.number)
        if result is None:
            out.append(page)
            continue
        lines, notices = result
        if not lines:
            out.append(page)  # OCR found no text it could trust: the page stays as it was
            continue
        kept = [n for n in page.notices if n.code != "unreadable_text"]
        out.append(replace(page, lines=lines, notices=kept + notices, has_text=bool(lines)))
    if not any(page.has_text for page in out):
        if any(n.code == "unreadable_text" for page in pages for n in page.notices):
            return pages  # the reader's own message: fonts without a character map, export again
        raise errors.NoTextLayer(
            "This PDF has no text layer, and OCR found no readable text in its pictures (a blank page, "
            "handwriting or a very poor scan). Export the resume from the original document, or scan it "
            "again at 300 dpi.")
    return out


def _needs_ocr(page: Any) -> bool:
    """No readable text, or almost none (then only if a picture covers the page: checked in the worker)."""
    if not page.has_text:
        return True
    return sum(len(line.text) for line in page.lines) < SPARSE_TEXT_CHARS


# --- in the bounded worker -----------------------------------------------------------------------


def _ocr_pages(data: bytes, wanted: list[tuple[int, bool]], limits: Limits) -> list[tuple[int, Any]]:
    """(page number, (lines, notices) or None) for each wanted page; runs in a bounded worker."""
    import pypdfium2  # a dependency of pdfplumber

    # WHY the margin: Tesseract must stop (and say so) before the guard kills this worker.
    deadline = time.monotonic() + budget_seconds(limits, len(wanted) * OCR_BUDGET_FACTOR) - DEADLINE_MARGIN
    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as error:  # noqa: BLE001 - the text pass opened it; this one is a damaged file too
        raise errors.CorruptPDF(f"This PDF's pages cannot be drawn for OCR ({str(error)[:120]}). "
                                "Export it again from the original document.") from None
    results = []
    try:
        for number, has_text in wanted:
            page = pdf[number - 1]
            try:
                if has_text and not _is_covered_by_image(page):
                    results.append((number, None))
                    continue
                results.append((number, _ocr_page(page, number, deadline)))
            finally:
                page.close()
    finally:
        pdf.close()
    return results


def _is_covered_by_image(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    area = max(1.0, width * height)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        # get_bounds() in pypdfium2 5, get_pos() in 4 (pdfplumber accepts both)
        left, bottom, right, top = (obj.get_bounds if hasattr(obj, "get_bounds") else obj.get_pos)()
        if (right - left) * (top - bottom) >= PAGE_IMAGE_SHARE * area:
            return True
    return False


def _ocr_page(page: Any, number: int, deadline: float) -> tuple[list[Line], list[Notice]]:
    width, height = page.get_size()
    scale = OCR_DPI / 72.0
    pixels = width * height * scale * scale
    if pixels > MAX_OCR_PIXELS:
        scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    dpi = max(1, round(scale * 72))
    pgm = b"P5\n%d %d\n255\n" % image.size + image.tobytes()
    del image
    hocr = _run_tesseract(pgm, dpi, deadline)
    words, low = _parse_hocr(hocr, number, 72.0 / (scale * 72.0))
    if not is_readable_page(words, low):
        return [], []
    return _page_result(words, low, number, width)


def is_readable_page(words: list[Word], low: list[Word]) -> bool:
    """Enough confident words with letters to be text, at a mean confidence a real scan reaches."""
    lettered = [w for w in words if is_trusted(w) and sum(ch.isalpha() for ch in w.text) >= 2]
    everything = words + [w for w in low if w not in words]
    mean = statistics.fmean(w.confidence or 0.0 for w in everything) if everything else 0.0
    return len(lettered) >= MIN_PAGE_WORDS and mean >= MIN_PAGE_CONFIDENCE


def _run_tesseract(pgm: bytes, dpi: int, deadline: float) -> str:
    seconds = deadline - time.monotonic()
    if seconds <= 0:
        raise _ocr_too_slow()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # WHY: two page workers share two cores
    try:
        done = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng", "--psm", "3", "--dpi", str(dpi), "hocr"],
            input=pgm, capture_output=True, timeout=seconds, env=env, check=False,
            # WHY only when single-threaded (the bounded worker): preexec_fn is unsafe beside threads
            preexec_fn=_die_with_parent if threading.active_count() == 1 else None,
        )
    except subprocess.TimeoutExpired:
        raise _ocr_too_slow() from None
    except OSError as error:
        raise errors.NoTextLayer(f"OCR could not start ({error}). " + install_hint()) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise errors.NoTextLayer(f"OCR failed on a page without a text layer ({detail[0][:160]}). "
                                 "Export the resume from the original document.")
    return done.stdout.decode("utf-8", "replace")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Tesseract is killed when its worker is (the guard kills a worker past its deadline)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _ocr_too_slow() -> errors.TooSlow:
    return errors.TooSlow("Reading this scanned PDF with OCR took longer than allowed; the pages are probably "
                          "very large or noisy. Export the resume from the original document, or scan fewer pages.")


def _parse_hocr(hocr: str, number: int, to_points: float) -> tuple[list[Word], list[Word]]:
    """Tesseract's hOCR as the words to analyse and the low-confidence ones (a structural word, see
    ``is_structural``, is in both), in points, one size per line."""
    try:
        root = ElementTree.fromstring(hocr)
    except ElementTree.ParseError:
        return [], []
    trusted: list[Word] = []
    low: list[Word] = []
    for span in root.iter(f"{_HTML}span"):
        if span.get("class") not in _LINE_CLASSES:
            continue
        title = span.get("title", "")
        size_match = _XSIZE_RE.search(title)
        line_box = _BBOX_RE.search(title)
        line_height = float(size_match.group(1)) if size_match else (
            int(line_box.group(4)) - int(line_box.group(2)) if line_box else 0)
        size = round(line_height * to_points, 1)
        if line_box is None:
            continue
        line_top, line_bottom = int(line_box.group(2)) * to_points, int(line_box.group(4)) * to_points
        for child in span.iter(f"{_HTML}span"):
            if child.get("class") != "ocrx_word":
                continue
            text = "".join(child.itertext()).strip()
            box = _BBOX_RE.search(child.get("title", ""))
            conf = _WCONF_RE.search(child.get("title", ""))
            if not text or box is None:
                continue
            x0, _, x1, _ = (int(v) * to_points for v in box.groups())
            # WHY the line's top and bottom, not the word's: a dash or a descender makes word boxes
            # uneven, and the layout step groups rows by them; Tesseract already found the lines.
            top, bottom = line_top, line_bottom
            confidence = int(conf.group(1)) / 100 if conf else 0.0
            word = Word(text, number, x0, top, x1, bottom, "OCR", size, confidence=confidence)
            if not is_trusted(word):
                low.append(word)
                if not is_structural(text):
                    continue
            trusted.append(word)
    return trusted, low


def is_trusted(word: Word) -> bool:
    """Confident enough to analyse as read."""
    return (word.confidence or 0.0) >= LOW_CONFIDENCE


def is_structural(text: str) -> bool:
    """Punctuation, numbers and date words ("Feb", "2023—present"): kept even when unsure, since
    they cannot make a skill or a claim on their own, and a date with a doubtful digit is better
    checked by the reader (the notice lists it) than lost with its whole entry."""
    return _STRUCTURAL_RE.fullmatch(text) is not None


def _page_result(words: list[Word], low: list[Word], number: int, width: float) -> tuple[list[Line], list[Notice]]:
    lines = _mark_bullets(page_lines(_snap_sizes(words), width))
    notices = []
    if words:
        mean = statistics.fmean(w.confidence or 0.0 for w in words + low)
        notices.append(Notice(
            "ocr_page",
            f"Page {number} has no text layer (a scan or a picture); its text was read by OCR with a mean "
            f"confidence of {mean:.0%}. Names, numbers and dates read this way may be wrong: check them "
            "against the page.",
            number,
        ))
    if low:
        left_out = [w.text for w in low if not is_structural(w.text)]
        kept = [w.text for w in low if is_structural(w.text)]
        parts = []
        if left_out:
            parts.append(f"{len(left_out)} word(s) were left out of the analysis: \u201c{_shorten(' '.join(left_out))}\u201d")
        if kept:
            parts.append(f"{len(kept)} number(s) or date(s) were kept but may be misread: \u201c{_shorten(' '.join(kept))}\u201d")
        notices.append(Notice(
            "ocr_low_confidence",
            f"Page {number}: OCR was unsure of some words; " + "; ".join(parts) + ".",
            number,
            " ".join(w.text for w in low),
            union_bbox(w.bbox for w in low),
        ))
    return lines, notices


def _snap_sizes(words: list[Word]) -> list[Word]:
    """Line heights close to the page's typical one become exactly that one (OCR jitter is not a size change)."""
    sizes = [w.size for w in words if w.size > 0]
    if not sizes:
        return words
    typical = statistics.median(sizes)
    return [replace(w, size=typical) if abs(w.size - typical) <= SAME_SIZE_RATIO * typical else w for w in words]


def _mark_bullets(lines: list[Line]) -> list[Line]:
    """A bullet glyph misread as a letter or sign, first on its line and set apart, becomes a bullet again."""
    out = []
    for line in lines:
        words = line.words
        if len(words) >= 2 and _is_misread_bullet(words[0], words[1]):
            rest = words[1:]
            line = replace(line, text=" ".join(w.text for w in rest), x0=rest[0].x0, bullet=True, words=rest)
        out.append(line)
    return out


def _is_misread_bullet(first: Word, following: Word) -> bool:
    size = max(first.size, 1.0)
    return (first.text in _BULLET_MISREADS and following.x0 - first.x1 > 0.4 * size
            and first.x1 - first.x0 < 0.8 * size)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
