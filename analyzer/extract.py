"""Step 1: read_pdf(source) -> Document. The one module that reads PDFs (highlight.py only draws them).

Reads words with their font, size, colour and position, link annotations and the coloured boxes
behind text; separates what a reader can see from hidden text; hands visible words to the layout
step for reading order. Every failure of the PDF library becomes a specific AnalyzerError.

Everything that parses the file runs in bounded worker processes (analyzer/guard.py): ``_read``
reads every ``workers``-th page into PageRead records, lines included; this process then joins
the pages (headers, footers, hyphenation across lines) and finds typed links (``_assemble``).

Words split by a change of size, font or colour with no space between them (fake small caps,
coloured first letters) are joined again; unmapped glyphs are read from context (ligatures,
brackets, dashes); large pale text behind the text (a watermark) is left out with a notice.

Limits: text drawn as vector paths or inside images is not read (no OCR); text hidden by being
drawn under an image, or with text render mode 3, is not detected as hidden; a ligature is
guessed from the letters around it, so a rare word may get the wrong one.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from analyzer import errors
from analyzer.guard import estimate_pages, run_bounded_many, too_complex
from analyzer.layout import BULLET, join_pages, page_lines
from analyzer.links import dedupe_links, find_typed_links, make_link, site_domains
from analyzer.models import Document, Limits, Line, Link, Notice, Word, union_bbox
from analyzer.ocr import read_scanned_pages

# pdfminer logs every oddity of a damaged file to stderr; our errors and notices say what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Fonts whose glyphs are pictures (icons, dingbats), not letters: their text is noise.
_SYMBOL_FONT_RE = re.compile(r"wingding|dingbat|symbol|awesome|icon|webding|marlett|glyph", re.IGNORECASE)
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# Unreadable glyphs: pdfminer writes "(cid:12)" for a glyph whose font has no Unicode map.
_CID_RE = re.compile(r"\(cid:\d+\)")
# Bold and italic as font names spell them, TeX's Computer Modern (CMBX10, CMTI10) included.
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|demi|bx\d|cmb\d|sfbx|-bd|,bd|\bbd\b", re.IGNORECASE)
_ITALIC_FONT_RE = re.compile(r"italic|oblique|cmti|cmsl|sfti|sfsl|-it\b|,it\b", re.IGNORECASE)
WORD_GAP_RATIO = 0.15
# Smaller than this (in points) nobody can read it: text set this small is meant for machines.
MICROSCOPIC_SIZE = 2.5
# Text whose colour is this close to the colour behind it (0..1 luminance) cannot be seen.
INVISIBLE_CONTRAST = 0.12
# Two words closer than this share of the type size are one word split by a change of size, font
# or colour ("E" + "DUCATION" in fake small caps, a coloured "Edu" + "cation"): a reader sees one word.
TOUCHING_GAP_RATIO = 0.06
# Control characters (NUL from an unmapped ligature or dash) never reach a report: they become U+FFFD.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
UNMAPPED = "\ufffd"
# An unmapped glyph between letters is a ligature; which one is read from the letters around it.
# (letters before, letters after, ligature), first match wins, "fi" (the commonest) otherwise.
# WHY: fonts without a ToUnicode entry for their ligature glyphs drop exactly these pairs
# ("h?ps" for https, "so?ware", "e?cient", "posi?on").
_LIGATURE_RULES = (
    (r"h$", r"^ps?\b|^ps?:", "tt"),
    (r"(?:e|o|su|di|tra|a)$", r"^(?:ci|ce|cul)", "ffi"),
    (r"a$", r"^(?:ention|empt|ach|ain|end)", "tt"),
    (r"(?:be|se|pa|ma|bu|li|wri|ba|pu|ge|le)$", r"^(?:er|ern|ing|on|le|ed|ent|empt|ach)", "tt"),
    (r"(?:(?<!st)a|so|shi|dra|cra|le|lo|ri|gi)$", r"^(?:er|ware|ed|ing|s)?(?![a-z\ufffd])", "ft"),
    (r"(?:e|o|di|su|sta|a|stu|cli|o)$", r"^(?:er|ort|ect|ic|s(?![a-z\ufffd])|$|ered|ering|ective|erence|erent)", "ff"),
    (r"", r"^(?:on|ve|vit|s\ufffd|me\b|mes|cs\b|st|ng|ti?on|vel|mi[sz])", "ti"),
    (r"", r"^(?:ow|ex|ux|uen|at|oat|ight|oor|ask|ag)", "fl"),
)
_MAGIC_NAMES = (
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or similar)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page as a bounded worker read it: its lines in reading order, notices and link annotations."""

    number: int
    size: tuple[float, float]
    lines: list[Line]
    notices: list[Notice]
    links: list[Link]
    has_text: bool  # readable words were found (before lines were made)


def read_pdf(source: str | Path | bytes, *, name: str | None = None, limits: Limits = Limits()) -> Document:
    """Read a resume PDF given as a path or as bytes; raise a specific AnalyzerError if it cannot be read."""
    data, name = _load(source, name, limits)
    _check_is_pdf(data)
    pages = estimate_pages(data, limits)
    workers = _workers(pages)
    shares = run_bounded_many(_read, [(data, limits, index, workers) for index in range(workers)],
                              limits=limits, pages=pages)
    read = sorted((page for share in shares for page in share), key=lambda p: p.number)
    return _assemble(read_scanned_pages(read, data, limits), data, name)  # pictures of text: OCR


def _workers(pages: int) -> int:
    """Processes reading a file of about ``pages`` pages: one per page, at most one per core, at most two.

    WHY: the parse is most of an analysis; two workers each reading every other page read a
    2-page resume in about the time of its first page. When the page count is hidden (pages packed
    in object streams) two are started: a second worker with no page to read costs a millisecond.
    """
    return max(1, min(pages, os.cpu_count() or 1, 2))


def _load(source: str | Path | bytes, name: str | None, limits: Limits) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "resume.pdf"
    else:
        path = Path(source)
        name = name or path.name
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                raise errors.TooLarge(_too_large(size, limits))
            data = path.read_bytes()
        except FileNotFoundError:
            raise errors.InputError(f"There is no file at {path}.") from None
        except IsADirectoryError:
            raise errors.InputError(f"{path} is a folder, not a PDF file.") from None
        except PermissionError:
            raise errors.InputError(f"{path} cannot be opened: permission denied.") from None
    # WHY: a file name from another system may hold lone surrogates, which cannot be printed or encoded.
    name = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in name)
    if not data:
        raise errors.EmptyFile(f"'{name}' is empty (0 bytes). Choose the PDF export of your resume again.")
    if len(data) > limits.max_bytes:
        raise errors.TooLarge(_too_large(len(data), limits))
    return data, name


def _too_large(size: int, limits: Limits) -> str:
    return (
        f"The file is {size / 1_048_576:.1f} MB; the limit is {limits.max_bytes / 1_048_576:.0f} MB. "
        "A resume PDF is rarely over 1 MB: export it again without embedded images."
    )


def _check_is_pdf(data: bytes) -> None:
    # The PDF header may follow a little junk, but must appear within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return
    for magic, what in _MAGIC_NAMES:
        if data.startswith(magic):
            what = _office_kind(data) or what
            break
    else:
        head = data[:512].lstrip().lower()
        what = "an HTML page" if head.startswith((b"<!doctype html", b"<html")) else "not a PDF"
    raise errors.NotAPDF(
        f"This file is {what}, not a PDF. Save or export your resume as PDF and upload that file."
        if what != "not a PDF"
        else "This file is not a PDF (it has no PDF header). Save or export your resume as PDF and upload that file."
    )


def _office_kind(data: bytes) -> str | None:
    """Name a Word or OpenDocument file hiding behind a ZIP header (a renamed .docx, .odt...)."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[:200])
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "word/document.xml" in names:
        return "a Word document (.docx)"
    if "content.xml" in names:
        return "an OpenDocument file (.odt)"
    return None


def _read(data: bytes, limits: Limits, index: int = 0, workers: int = 1) -> list[PageRead]:
    """Pages ``index + 1``, ``index + 1 + workers``, ... of the file (all of them for one worker).

    Runs in a bounded worker (analyzer/guard.py): everything that parses the file happens here.
    """
    # WHY imported here: only the bounded child parses, so the calling process never loads the PDF
    # library (a fifth of a cold start); the fork server preloads it for its children.
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read_pages(pdf, limits, index, workers)
    except errors.AnalyzerError:
        raise
    except PdfminerException as error:
        if _is_password_error(error):
            raise errors.EncryptedPDF(
                "This PDF is protected by a password. Remove the password (print or export it again "
                "as an unprotected PDF) and upload that copy."
            ) from None
        if isinstance(error.__cause__ or (error.args[0] if error.args else None), MemoryError):
            raise too_complex("needs more memory than allowed to read") from None
        raise errors.CorruptPDF(_corrupt_message(error)) from None
    except MemoryError:
        raise too_complex("needs more memory than allowed to read") from None
    except RecursionError:
        raise errors.CorruptPDF(_corrupt_message("its structure is too deeply nested")) from None
    except Exception as error:  # noqa: BLE001 - any parser failure is a damaged file to the user
        raise errors.CorruptPDF(_corrupt_message(error)) from None


def _is_password_error(error: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    inner = error.args[0] if error.args else None
    return isinstance(inner, PDFPasswordIncorrect) or "password" in type(inner).__name__.lower()


def _corrupt_message(error: object) -> str:
    detail = str(error).strip() or type(error).__name__
    return (
        f"This PDF is damaged and cannot be read ({detail[:120]}). "
        "Export it again from the original document, or open and re-save it in a PDF viewer."
    )


def _read_pages(pdf: "pdfplumber.PDF", limits: Limits, index: int, workers: int) -> list[PageRead]:
    page_count = len(pdf.pages)
    if page_count == 0:
        raise errors.CorruptPDF("This PDF has no pages. Export your resume to PDF again.")
    if page_count > limits.max_pages:
        raise errors.TooManyPages(
            f"This PDF has {page_count} pages; the limit is {limits.max_pages}. "
            "Upload the resume alone, without attached papers or certificates."
        )
    read = []
    for number in range(index + 1, page_count + 1, workers):
        page = pdf.pages[number - 1]
        size = (float(page.width), float(page.height))
        visible, notices = _read_page(page, number, limits)
        links = _annotation_links(page, number, visible)
        page.close()  # frees pdfplumber's per-page caches: memory stays flat over many pages
        has_text = any(w.text.strip("\ufffd") for w in visible)
        read.append(PageRead(number, size, page_lines(visible, size[0]), notices, links, has_text))
    return read


def _assemble(pages: list[PageRead], data: bytes, name: str) -> Document:
    """One Document from the pages the workers read, in page order."""
    notices = [notice for page in pages for notice in page.notices]
    if not any(page.has_text for page in pages):
        unreadable = [n for n in notices if n.code == "unreadable_text"]
        if unreadable:
            raise errors.NoTextLayer(
                "The text in this PDF uses fonts without a character map, so it cannot be read. "
                "Export the resume again from the original document (choose 'embed fonts' or "
                "'PDF/A'), or print it to PDF."
            )
        raise errors.NoTextLayer(
            "This PDF has no text layer: it looks like a scan or a picture of a resume. Export it "
            "from the original document, or run it through OCR software (for example OCRmyPDF) first."
        )
    for page in pages:
        if not page.lines and not page.notices:
            notices.append(Notice(
                "page_without_text",
                f"Page {page.number} has no readable text (it may be a scanned image); its content was not analysed.",
                page.number,
            ))
    sizes = tuple(page.size for page in pages)
    lines, layout_notices = join_pages([page.lines for page in pages], sizes)
    links = [link for page in pages for link in page.links]
    domains = site_domains([line.text for line in lines])
    for line in lines:
        for raw in find_typed_links(line.text, domains):
            links.append(make_link(raw, raw, line.page, line.bbox))
    return Document(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=len(pages),
        page_sizes=sizes,
        lines=lines,
        links=dedupe_links(links),
        notices=tuple(notices) + layout_notices,
    )


def _read_page(page: "pdfplumber.page.Page", number: int, limits: Limits) -> tuple[list[Word], list[Notice]]:
    notices: list[Notice] = []
    if len(page.chars) > limits.max_chars_per_page:
        notices.append(Notice(
            "page_too_dense",
            f"Page {number} holds {len(page.chars):,} characters, more than a resume page can; "
            "it was skipped as it is probably not resume text.",
            number,
        ))
        return [], notices
    # A gap wider than 15% of the type size separates words. pdfplumber's fixed 3-point default glues
    # words of TeX output set with tight spacing ("SeniorDataScientist"); kerning stays far below this.
    raw_words = page.extract_words(
        extra_attrs=["fontname", "size", "non_stroking_color"], keep_blank_chars=False,
        use_text_flow=False, x_tolerance_ratio=WORD_GAP_RATIO,
    )
    backgrounds = _filled_boxes(page)
    width, height = float(page.width), float(page.height)
    visible: list[Word] = []
    hidden: dict[str, list[Word]] = {}
    cid_count = 0
    for raw in raw_words:
        word = _to_word(raw, number)
        if word is None:
            continue
        if _CID_RE.search(word.text):
            # A glyph without a Unicode mapping: keep the readable rest of the word, mark the gap.
            cid_count += len(_CID_RE.findall(word.text))
            readable = _CID_RE.sub("\ufffd", word.text)
            # One lone unmapped glyph is usually punctuation (a dash between dates): keep its place.
            if not readable.strip("\ufffd") and len(readable) > 1:
                continue
            word = replace(word, text=readable)
        word = replace(word, luminance=_luminance(raw.get("non_stroking_color")) or 0.0)
        reason = _hidden_reason(word, raw.get("non_stroking_color"), backgrounds, width, height)
        if reason:
            hidden.setdefault(reason, []).append(word)
        elif visible and is_touching(visible[-1], word):
            visible[-1] = _joined(visible[-1], word)
        else:
            visible.append(word)
    visible, marks = _without_background_marks(visible)
    if marks:
        notices.append(Notice(
            "background_text",
            f"Page {number}: large pale text behind the resume text (a watermark or background number) "
            f"was left out: \u201c{_shorten(' '.join(w.text for w in marks))}\u201d.",
            number,
        ))
    if cid_count:
        notices.append(Notice(
            "unreadable_text",
            f"Page {number}: {cid_count} characters use a font without a character map and could not "
            "be read (shown as \ufffd); words made only of such characters were left out.",
            number,
        ))
    for reason, words in hidden.items():
        text = " ".join(w.text for w in words)
        notices.append(Notice(
            "hidden_text",
            f"Page {number} has text a reader cannot see ({reason}): \u201c{_shorten(text)}\u201d. "
            "It was left out of the analysis.",
            number,
            text,
            union_bbox(w.bbox for w in words),
        ))
    return visible, notices


def repair_glyphs(text: str) -> str:
    """A word with unmapped glyphs read from context: ligatures between letters ("h?ps" -> "https"),
    "(NLP)" and "C++" around letters, a dash between digits; control characters never survive."""
    text = _CONTROL_RE.sub(UNMAPPED, text)
    if UNMAPPED not in text or not text.strip(UNMAPPED):
        return text
    core = text.strip(UNMAPPED)
    if text.startswith(UNMAPPED) and text.endswith(UNMAPPED) and core.isalnum():
        text = f"({core})"  # "?NLP?" -> "(NLP)"
    elif text.startswith(UNMAPPED) and core.endswith(")"):
        text = "(" + text[1:]
    elif text.endswith(UNMAPPED + UNMAPPED) and core.isalpha() and len(core) <= 8:
        text = core + "++"  # "C??" -> "C++"
    elif text.endswith(UNMAPPED) and text.count("(") > text.count(")"):
        text = text[:-1] + ")"
    out = []
    for index, char in enumerate(text):
        if char != UNMAPPED:
            out.append(char)
            continue
        before, after = "".join(out), text[index + 1:]
        if before[-1:].isdigit() and after[:1].isdigit():
            out.append("-")  # "443?605?8174", "2019?2021"
        elif is_ligature_gap(before, after):
            out.append(_ligature(before, after))
        else:
            out.append(char)
    return "".join(out)


def is_ligature_gap(before: str, after: str) -> bool:
    """Letters on both sides, a word starting with it ("?rst"), or a word ending with it after two letters ("le?")."""
    starts_word = (not before or before[-1] in "(/") and after[:1].isalpha()
    ends_word = before[-2:].isalpha() and len(before) >= 2 and not after[:1].isalnum()
    return (before[-1:].isalpha() and after[:1].isalpha()) or starts_word or ends_word


def _ligature(before: str, after: str) -> str:
    low_before, low_after = before.lower(), after.lower()
    for before_re, after_re, ligature in _LIGATURE_RULES:
        if re.search(before_re, low_before) and re.search(after_re, low_after):
            return ligature
    return "fi"


def _to_word(raw: dict, page: int) -> Word | None:
    fontname = str(raw.get("fontname") or "")
    base_font = fontname.split("+", 1)[-1]  # drop the "ABCDEF+" subset prefix
    text = repair_glyphs(_PRIVATE_USE_RE.sub("", str(raw["text"])))
    if _SYMBOL_FONT_RE.search(base_font) or (not text and raw["text"]):
        # An icon or dingbat: it matters only as a bullet marker at the start of a line.
        text = BULLET
    if not text.strip():
        return None
    return Word(
        text=text,
        page=page,
        x0=float(raw["x0"]),
        top=float(raw["top"]),
        x1=float(raw["x1"]),
        bottom=float(raw["bottom"]),
        fontname=base_font,
        size=round(float(raw.get("size") or 0.0), 2),
        bold=_BOLD_FONT_RE.search(base_font) is not None,
        italic=_ITALIC_FONT_RE.search(base_font) is not None,
    )


# A watermark or background number: type at least this many times the page's usual size...
BACKGROUND_SIZE_RATIO = 2.0
# ...drawn pale (0..1 luminance) and under or over other words. A large dark name stays.
BACKGROUND_LUMINANCE = 0.7


def _without_background_marks(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """Words that are a watermark or a decorative background number, set apart from the text."""
    if len(words) < 5:
        return words, []
    usual = sorted(w.size for w in words)[len(words) // 2]
    marks = [w for w in words if is_background_mark(w, usual, words)]
    return [w for w in words if w not in marks], marks


def is_background_mark(word: Word, usual_size: float, words: list[Word]) -> bool:
    if word.size < BACKGROUND_SIZE_RATIO * max(usual_size, 1.0) or word.luminance < BACKGROUND_LUMINANCE:
        return False
    return any(other is not word and other.size < word.size and other.x0 < word.x1 and word.x0 < other.x1
               and other.top < word.bottom and word.top < other.bottom for other in words)


def is_touching(left: Word, right: Word) -> bool:
    """``right`` continues ``left`` with no space between them, on the same line: one word to a reader."""
    if BULLET in (left.text, right.text) or left.page != right.page:
        return False
    smaller = max(min(left.size, right.size), 1.0)
    gap = right.x0 - left.x1
    overlap = min(left.bottom, right.bottom) - max(left.top, right.top)
    return -0.5 <= gap <= TOUCHING_GAP_RATIO * smaller and overlap >= 0.5 * min(left.bottom - left.top, right.bottom - right.top)


def _joined(left: Word, right: Word) -> Word:
    """One word from two touching parts; the font of the longer part, the larger size (small caps' capitals)."""
    main = left if len(left.text) >= len(right.text) else right
    return Word(left.text + right.text, left.page, min(left.x0, right.x0), min(left.top, right.top),
                max(left.x1, right.x1), max(left.bottom, right.bottom), main.fontname,
                max(left.size, right.size), main.bold, main.italic, main.luminance)


def _luminance(color: object) -> float | None:
    """0 (black) .. 1 (white) for grey, RGB and CMYK colours; None for patterns and unknowns."""
    if not isinstance(color, (tuple, list)) or not color:
        return None
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
    elif len(values) == 4:
        c, m, y, k = values
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _filled_boxes(page: "pdfplumber.page.Page") -> list[tuple[float, float, float, float, float]]:
    """Filled shapes as (x0, top, x1, bottom, luminance), in drawing order (later on top).

    Coloured bars behind headings are drawn as rectangles or as (rounded) curves: both count, in
    the order of the content stream, so white text on a dark bar is judged against the bar.
    """
    boxes = []
    height = float(page.height)
    for shape in _shapes_in_order(page.layout):
        if getattr(shape, "fill", False):
            lum = _luminance(getattr(shape, "non_stroking_color", None))
            if lum is not None:
                x0, y0, x1, y1 = shape.bbox
                boxes.append((float(x0), height - float(y1), float(x1), height - float(y0), lum))
    return boxes


def _shapes_in_order(container) -> list:
    from pdfminer.layout import LTCurve, LTFigure

    shapes = []
    for item in container:
        if isinstance(item, LTCurve):
            shapes.append(item)
        elif isinstance(item, LTFigure):
            shapes.extend(_shapes_in_order(item))
    return shapes


def _hidden_reason(word: Word, color: object, backgrounds, width: float, height: float) -> str | None:
    # Outside the page box: no viewer shows it, but text extraction (and screeners) would.
    if word.x1 <= 0 or word.x0 >= width or word.bottom <= 0 or word.top >= height:
        return "placed outside the page"
    if 0 < word.size < MICROSCOPIC_SIZE:
        return "microscopic font"
    text_lum = _luminance(color)
    if text_lum is None:
        return None
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    background = 1.0  # paper is white unless a filled box lies under the word
    for x0, top, x1, bottom, lum in backgrounds:
        if x0 <= cx <= x1 and top <= cy <= bottom:
            background = lum
    if abs(text_lum - background) < INVISIBLE_CONTRAST:
        return "same colour as the background"
    return None


def _annotation_links(page: "pdfplumber.page.Page", number: int, words: list[Word]) -> list[Link]:
    links = []
    for annot in page.hyperlinks:
        uri = annot.get("uri")
        if isinstance(uri, bytes):
            uri = uri.decode("latin-1", "replace")
        if not uri or not isinstance(uri, str):
            continue
        box = (float(annot["x0"]), float(annot["top"]), float(annot["x1"]), float(annot["bottom"]))
        anchor = " ".join(w.text for w in words if w.text != BULLET and _centre_inside(w, box))
        links.append(make_link(uri, anchor, number, box))
    return links


def _centre_inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
