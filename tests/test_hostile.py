"""Hostile and malformed inputs, built here as bytes: each ends in a specific AnalyzerError or a
valid report, within the time bound the library enforces (analyzer/guard.py), never another
exception and never a hang.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import sys
import time
import zlib
from pathlib import Path

import pytest

from analyzer import errors, ocr
from analyzer.guard import budget_seconds
from analyzer.models import Limits, Options, Report
from analyzer.pipeline import analyze
from analyzer.report import to_json

# Tight bounds so the hostile cases stay quick: half a second per page, 256 MB of extra memory.
HOSTILE = Limits(seconds_per_page=0.5, max_memory_mb=256)
# The same memory bound with time to spare, for cases about something else than time: on a busy
# two-core machine parsing them takes over a second, and the time bound would answer first.
ROOMY = Limits(seconds_per_page=10, max_memory_mb=HOSTILE.max_memory_mb)
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "analyst_priya_natarajan.pdf"


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def _outcome(data: bytes | str | Path, resources, *, name: str | None = None, limits: Limits = HOSTILE):
    """The report, or the AnalyzerError raised; anything else fails the test. Checks the time bound."""
    start = time.monotonic()
    try:
        result = analyze(data, as_of="2026-01", name=name, options=Options(limits=limits), resources=resources)
    except errors.AnalyzerError as error:
        result = error
    elapsed = time.monotonic() - start
    bound = budget_seconds(limits, limits.max_pages) + 3.0  # the library's promise, plus slack for a loaded machine
    assert elapsed < bound, f"took {elapsed:.1f}s, bound {bound:.1f}s"
    if isinstance(result, Report):
        # A valid report is one the JSON contract can write out as UTF-8.
        json.loads(to_json(result).encode("utf-8"))
    else:
        assert type(result) is not errors.AnalyzerError and str(result), "a specific subclass with a message"
    return result


# --- hand-built PDFs ------------------------------------------------------------------------------

def build_pdf(objects: dict[int, bytes], *, root: int = 1, xref: bool = True, header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table (unless xref=False)."""
    out = bytearray(header + b"%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    start = len(out)
    size = max(objects) + 1
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
    return bytes(out)


def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Maya Lindqvist) Tj 0 -20 Td (SKILLS) Tj 0 -16 Td (Python, SQL) Tj ET"


def one_page(content: bytes = TEXT, *, media_box: bytes = b"[0 0 612 792]", page_extra: bytes = b"",
             extra_objects: dict[int, bytes] | None = None) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 5 0 R >> >> "
           b"/Contents 4 0 R %s >>" % (media_box, page_extra),
        4: stream(content),
        5: FONT,
    }
    objects.update(extra_objects or {})
    return build_pdf(objects)


def test_hand_built_pdf_is_read(resources):
    # The builder itself must make a readable PDF, or every case below proves nothing.
    report = _outcome(one_page(), resources)
    assert isinstance(report, Report)
    assert "Python" in json.dumps([s.text for s in report.resume.sections])


# --- the corpus -----------------------------------------------------------------------------------

def test_truncated_inside_the_header_is_not_a_pdf(sample_bytes, resources):
    for cut in range(1, len(b"%PDF-")):
        assert isinstance(_outcome(sample_bytes[:cut], resources), errors.NotAPDF), cut


def test_truncated_at_many_offsets(sample_bytes, resources):
    # From a whole header to the last object, the table at the end is missing: a damaged PDF.
    cuts = sorted({int(len(sample_bytes) * i / 23) for i in range(1, 23)} | {len(b"%PDF-"), 9, 100})
    for cut in cuts:
        result = _outcome(sample_bytes[:cut], resources)
        assert isinstance(result, errors.CorruptPDF), (cut, result)


def test_truncated_after_the_end_marker_is_read(sample_bytes, resources):
    assert sample_bytes.endswith(b"%%EOF\n")
    assert isinstance(_outcome(sample_bytes[:-1], resources), Report), "only the last line break is lost"


def test_random_byte_flips(sample_bytes, resources):
    rng = random.Random(7)
    for _ in range(25):
        data = bytearray(sample_bytes)
        for _ in range(rng.choice((1, 4, 32))):
            data[rng.randrange(len(data))] = rng.randrange(256)
        _outcome(bytes(data), resources)


def test_wrong_xref_tables(resources):
    good = one_page()
    # Every object's offset off by 37 bytes (pdfminer then falls back to scanning the file).
    shifted = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + 37), good)
    assert shifted != good
    startxref_past_end = good.rsplit(b"startxref", 1)[0] + b"startxref\n99999999\n%%EOF\n"
    garbage_table = good.replace(b"xref\n0 6", b"xref\n0 600000")
    no_table = build_pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"}, xref=False)
    # A wrong start of the table, or a table claiming far more objects: pdfminer scans the file and reads it.
    for data in (startxref_past_end, garbage_table):
        assert isinstance(_outcome(data, resources), Report)
    # Every offset wrong, or no table at all: no page is found, and the message says so.
    for data in (shifted, no_table):
        result = _outcome(data, resources)
        assert isinstance(result, errors.CorruptPDF) and "no pages" in str(result), result


def test_deeply_nested_objects(resources):
    depth = 100_000
    # In the page dictionary itself (parsed to find the page), in the font (parsed to read the
    # text) and as an operand in the content stream (parsed to draw the page).
    in_page = one_page(page_extra=b"/Junk " + b"[" * depth + b"]" * depth)
    in_font = one_page(extra_objects={5: FONT[:-2] + b"/Junk " + b"<< /A " * depth + b"1" + b" >>" * depth + b" >>"})
    in_content = one_page(TEXT + b" " + b"[" * depth + b"]" * depth + b" pop")
    for data in (in_page, in_font, in_content):
        result = _outcome(data, resources, limits=ROOMY)  # the depth breaks nothing, however long it takes
        assert isinstance(result, Report) and "Python" in json.dumps([s.text for s in result.resume.sections]), result


def test_page_tree_that_loops(resources):
    loop = build_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",  # the tree lists itself as a child
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: stream(TEXT),
        5: FONT,
    })
    two_node_cycle = build_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
        6: b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    })
    # The page reached once is read once; a tree of nothing but itself has no page.
    looped = _outcome(loop, resources)
    assert isinstance(looped, Report) and looped.resume.document.pages == 1, looped
    result = _outcome(two_node_cycle, resources)
    assert isinstance(result, errors.CorruptPDF) and "no pages" in str(result), result


def test_huge_declared_page_size(resources):
    result = _outcome(one_page(media_box=b"[0 0 1000000000000 1000000000000]"), resources)
    assert isinstance(result, Report) and "Python" in json.dumps([s.text for s in result.resume.sections]), result


def test_thousands_of_tiny_pages(resources):
    count = 3000
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: stream(b"BT /F1 1 Tf 0 0 Td (x) Tj ET"), 4: FONT}
    kids = []
    for i in range(count):
        number = 10 + i
        kids.append(b"%d 0 R" % number)
        objects[number] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 3 3] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count)
    result = _outcome(build_pdf(objects), resources)
    assert isinstance(result, errors.TooManyPages), result


def _bomb_stream(megabytes: int) -> bytes:
    # Zeros compress about 1000:1: a few hundred kilobytes in the file, hundreds of MB once inflated.
    packer = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def test_decompression_bomb_stream(resources):
    bomb = _bomb_stream(HOSTILE.max_memory_mb * 2)
    data = one_page(extra_objects={4: stream(bomb, b"/Filter /FlateDecode")})
    result = _outcome(data, resources, limits=ROOMY)
    # Running out of the memory budget is TooComplex, not "damaged": the file may be fine but hostile.
    assert isinstance(result, errors.TooComplex), result


def test_font_without_unicode_map(resources):
    # A composite font with Identity-H and no ToUnicode: every glyph extracts as "(cid:N)".
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
    descendant = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap "
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>")
    descriptor = b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    content = b"BT /F1 12 Tf 72 720 Td <0011002200330044> Tj 0 -20 Td <00550066> Tj ET"
    data = one_page(content, extra_objects={5: font, 6: descendant, 7: descriptor})
    result = _outcome(data, resources)
    assert isinstance(result, errors.NoTextLayer) and "character map" in str(result), result


def _annotation_only() -> bytes:
    annotation = b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 400 700] /Contents (Maya Lindqvist, Python, SQL) /DA (/Helv 12 Tf 0 g) >>"
    return one_page(b"", page_extra=b"/Annots [6 0 R]", extra_objects={6: annotation})


@pytest.mark.skipif(not ocr.is_available(), reason="Tesseract is not installed (apt-get install tesseract-ocr)")
def test_text_only_in_annotations_is_read_by_ocr(resources):
    # No text layer: the annotation's text is what a viewer draws, so OCR reads it.
    result = _outcome(_annotation_only(), resources)
    assert isinstance(result, Report) and result.resume.document.source == "ocr", result


@pytest.mark.skipif(ocr.is_available(), reason="Tesseract is installed: the OCR test covers this file")
def test_text_only_in_annotations_without_ocr_has_no_text_layer(resources):
    assert isinstance(_outcome(_annotation_only(), resources), errors.NoTextLayer)


def test_link_annotation_with_malformed_url(resources):
    # One bad link must not cost the whole resume: urllib raises ValueError on "http://[" hosts.
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /URI /URI (http://[github.com/maya) >> >>"
    data = one_page(page_extra=b"/Annots [6 0 R]", extra_objects={6: link})
    result = _outcome(data, resources)
    assert isinstance(result, Report), result


def test_zero_pages(resources):
    data = build_pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"})
    result = _outcome(data, resources)
    assert isinstance(result, errors.CorruptPDF) and "no pages" in str(result), result


def _zip_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("resume.txt", "Maya Lindqvist")
    return buffer.getvalue()


def _png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("make", "words"), [
    (_zip_bytes, "ZIP"),
    (_png_bytes, "PNG"),
    (lambda: b"<!DOCTYPE html>\n<html><body><h1>Maya</h1></body></html>", "HTML"),
])
def test_other_formats_renamed_to_pdf(make, words, resources, tmp_path):
    path = tmp_path / "resume.pdf"
    path.write_bytes(make())
    for source in (path, path.read_bytes()):
        result = _outcome(source, resources)
        assert isinstance(result, errors.NotAPDF) and words in str(result), result


def test_zero_byte_file(resources, tmp_path):
    path = tmp_path / "resume.pdf"
    path.write_bytes(b"")
    assert isinstance(_outcome(path, resources), errors.EmptyFile)
    assert isinstance(_outcome(b"", resources), errors.EmptyFile)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_non_utf8_file_name(sample_bytes, resources, tmp_path):
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9 \xff.pdf"  # Latin-1 bytes: not valid UTF-8
    with open(raw, "wb") as handle:
        handle.write(sample_bytes)
    path = Path(os.fsdecode(raw))
    report = _outcome(path, resources)  # also checks the report's JSON encodes as UTF-8
    assert isinstance(report, Report)
    assert report.resume.document.name.startswith("r") and report.resume.document.name.endswith(".pdf")
