"""read_docx(bytes) -> Document: a Word .docx read into the same model as a PDF.

Read with python-docx (a long-kept library for the format; it parses with lxml without resolving
entities or fetching anything) for styles, relationships and core properties, and by walking the
body's XML for the rest, in reading order: paragraphs with their style (size, bold; Heading and
Title styles count as bold headings), list items as bullets, tables (a row of one-paragraph cells
becomes one line with gaps between the cells, as a PDF reader would see it; a row with longer
cells is read cell by cell, as columns), text boxes, headers (first) and footers (last),
hyperlinks with their targets, and the core properties as ``Document.metadata``.

A .docx has no pages: each paragraph (split at line breaks) is one Line, placed on a synthesised
Letter page as Word would roughly lay it out (wrapped at the margin, spacing before and after,
page breaks), so evidence points at the paragraph and the later steps work unchanged.

Hidden text is reported, not read, as for a PDF: Word's "hidden" font attribute, white text on a
white (or unshaded) background, microscopic type.

Bounds: the ZIP's listed sizes are checked before anything is decompressed (``MAX_MEMBERS``,
``MAX_UNCOMPRESSED``, ``MAX_RATIO`` against zip bombs); the parse runs in a bounded worker
(analyzer/guard.py: time, memory); tables nested deeper than ``MAX_TABLE_DEPTH`` and documents
longer than the page limit are refused. External relationships (linked pictures, templates) are
never fetched and are reported. Macro-enabled files are refused before this (analyzer/read.py).

Limits: positions are estimates (no real layout engine); pictures are ignored (a Word file of
screenshots is refused with advice to export it as PDF, which is then read by OCR); comments,
footnotes and tracked deletions are not read; fields other than hyperlinks show their last result.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from analyzer import errors
from analyzer.guard import run_bounded
from analyzer.links import dedupe_links, find_typed_links, make_link
from analyzer.models import Document, Limits, Line, Link, Notice, Word

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0  # US Letter, in points
MARGIN = 72.0  # Word's default one-inch margins
DEFAULT_SIZE = 11.0  # Word's default body size when neither styles nor defaults say
# Average glyph width as a share of the type size, for placing words (proportional fonts: ~0.5).
CHAR_WIDTH = 0.5
LINE_SPACING = 1.2  # baseline to baseline, as a multiple of the size
# A tab or a gap between table cells is drawn this wide (in sizes): wider than the layout step's
# "another segment" gap (1.2 sizes), so a right-tabbed date stays its own segment as in a PDF.
SEGMENT_GAP = 3.0
# Zip-bomb guards, checked on the ZIP's listed sizes before any part is decompressed.
MAX_MEMBERS = 1000  # a .docx has a few dozen parts
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # all parts together, photos included
MAX_RATIO = 200  # XML compresses 10-30x; a part far beyond that is a bomb...
RATIO_FLOOR = 1024 * 1024  # ...once it is over a megabyte
MAX_TABLE_DEPTH = 12  # tables in tables in tables: a resume needs two
# Smaller than this nobody can read it (the same bound as the PDF reader's).
MICROSCOPIC_SIZE = 2.5
INVISIBLE_CONTRAST = 0.12
# The worker's time budget, in the guard's pages (5 s each + 2 s): a resume .docx takes 0.1 s.
BUDGET_PAGES = 2

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_FIELD_URL_RE = re.compile(r'HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_HEADING_STYLE_RE = re.compile(r"^(heading\s*\d|title|subtitle)$", re.IGNORECASE)
# Bullet glyphs typed at the start of a paragraph instead of a Word list.
_TYPED_BULLETS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\u27a2\u25ba\u25b6\u2756\u2713\u2714\u2043\u25c6\u25c7\u2605\u2606\uf0b7\uf0a7*-\u2013\u2014>"


def w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def read_docx(data: bytes, *, name: str = "resume.docx", limits: Limits = Limits()) -> Document:
    """Read a .docx given as bytes; raise a specific AnalyzerError when it cannot or must not be read."""
    check_zip(data)
    return run_bounded(_read, data, name, limits, limits=limits, pages=BUDGET_PAGES)


def check_zip(data: bytes) -> None:
    """Refuse a ZIP whose listed sizes say it is a bomb, before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise errors.CorruptDocx(_corrupt("its ZIP container is damaged")) from None
    if len(infos) > MAX_MEMBERS:
        raise _too_complex(f"holds {len(infos):,} parts")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise _too_complex(f"unpacks to {total / 1_048_576:,.0f} MB")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise _too_complex(f"has a part that unpacks {info.file_size // max(1, info.compress_size):,} times larger (a zip bomb)")


def _too_complex(detail: str) -> errors.TooComplex:
    return errors.TooComplex(f"This Word document {detail}, far beyond what a resume needs, so it was not read. "
                             "Save it again from Word (without embedded files), or export it as PDF.")


def _corrupt(detail: str) -> str:
    return (f"This Word document is damaged and cannot be read ({detail[:120]}). "
            "Open it in Word or LibreOffice and save it again as .docx, or export it as PDF.")


# --- in the bounded worker -----------------------------------------------------------------------


def _read(data: bytes, name: str, limits: Limits) -> Document:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except errors.AnalyzerError:
        raise
    except MemoryError:
        raise _too_complex("needs more memory than allowed to read") from None
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise errors.CorruptDocx(_corrupt(str(error) or type(error).__name__)) from None
    except Exception as error:  # noqa: BLE001 - lxml's XMLSyntaxError (e.g. nesting too deep) and the like
        raise errors.CorruptDocx(_corrupt(str(error) or type(error).__name__)) from None
    try:
        reader = _Reader(document, limits)
        reader.read()
    except errors.AnalyzerError:
        raise
    except MemoryError:
        raise _too_complex("needs more memory than allowed to read") from None
    except RecursionError:
        raise _too_complex("is nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - a structure python-docx or we did not expect
        raise errors.CorruptDocx(_corrupt(f"{type(error).__name__}: {error}")) from None
    lines = tuple(reader.lines)
    if not any(line.text.strip() for line in lines):
        raise errors.NoTextLayer(
            "This Word document holds no text (only pictures, or nothing). Export it as PDF and upload "
            "that: pictures of text in a PDF are read by OCR.")
    links = list(reader.links)
    for line in lines:
        for raw in find_typed_links(line.text):
            links.append(make_link(raw, raw, line.page, line.bbox))
    pages = max(line.page for line in lines)
    return Document(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        page_sizes=((PAGE_WIDTH, PAGE_HEIGHT),) * pages,
        lines=lines,
        links=dedupe_links(links),
        notices=tuple(reader.notices) + _external_notices(document),
        source="docx",
        metadata=_metadata(document),
    )


@dataclass
class _Piece:
    """A run of text with its style, as read from the XML."""

    text: str
    size: float
    bold: bool
    italic: bool
    hidden: str | None = None  # why it cannot be seen, or None


@dataclass
class _Para:
    pieces: list[_Piece] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # piece indexes where a line break falls


class _Reader:
    """Walks the document in reading order, placing each paragraph on a synthesised page."""

    def __init__(self, document, limits: Limits) -> None:
        self.document = document
        self.part = document.part
        self.limits = limits
        self.lines: list[Line] = []
        self.links: list[Link] = []
        self.notices: list[Notice] = []
        self.hidden: dict[str, list[str]] = {}
        self.page, self.y = 1, MARGIN
        self.chars = 0
        self.body_size = self._default_size()
        self._style_cache: dict[str, tuple[float | None, bool | None, bool | None, bool, float, float]] = {}
        self._pending_links: list[tuple[str, str]] = []  # (url, anchor) read, waiting for their line

    # -- order ---------------------------------------------------------------------------------

    def read(self) -> None:
        seen: set[int] = set()
        headers, footers = [], []
        for section in self.document.sections:
            parts = [(section.header, headers), (section.footer, footers)]
            if section.different_first_page_header_footer:
                parts[:0] = [(section.first_page_header, headers), (section.first_page_footer, footers)]
            for story, bucket in parts:
                try:
                    if story.is_linked_to_previous:
                        continue
                    element, part = story._element, story.part
                except (AttributeError, KeyError, ValueError):
                    continue
                if id(element) not in seen:
                    seen.add(id(element))
                    bucket.append((element, part))
        for element, part in headers:
            self._blocks(element, part, MARGIN, PAGE_WIDTH - MARGIN, 0, 0)
        self._blocks(self.document.element.body, self.part, MARGIN, PAGE_WIDTH - MARGIN, 0, 0)
        for element, part in footers:
            self._blocks(element, part, MARGIN, PAGE_WIDTH - MARGIN, 0, 0)
        for reason, texts in self.hidden.items():
            text = " ".join(texts)
            self.notices.append(Notice(
                "hidden_text",
                f"The document has text a reader cannot see ({reason}): \u201c{_shorten(text)}\u201d. "
                "It was left out of the analysis.",
                1, text, None,
            ))

    def _blocks(self, container, part, x0: float, x1: float, column: int, depth: int) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child, part, x0, x1, column)
            elif tag == w("tbl"):
                self._table(child, part, x0, x1, depth + 1)
            elif tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("smartTag")):
                self._blocks(child, part, x0, x1, column, depth)

    def _table(self, table, part, x0: float, x1: float, depth: int) -> None:
        if depth > MAX_TABLE_DEPTH:
            raise _too_complex(f"nests tables more than {MAX_TABLE_DEPTH} deep")
        grid = [_twips(col.get(w("w"))) for col in table.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
        for row in table.iterfind(w("tr")):
            cells = [tc for tc in row.iterchildren() if tc.tag == w("tc")]
            if not cells:
                continue
            spans = [_grid_span(tc) for tc in cells]
            bounds = _cell_bounds(grid, spans, x0, x1)
            if all(_is_simple_cell(tc) for tc in cells):
                self._row_as_line(cells, bounds, part)
                continue
            start_page, start_y = self.page, self.y
            end = (start_page, start_y)
            two_columns = len(cells) == 2
            for index, (tc, (cx0, cx1)) in enumerate(zip(cells, bounds)):
                self.page, self.y = start_page, start_y
                self._blocks(tc, part, cx0 + 2, cx1 - 2, index + 1 if two_columns else 0, depth)
                end = max(end, (self.page, self.y))
            self.page, self.y = end

    def _row_as_line(self, cells, bounds, part) -> None:
        """A row of one-paragraph cells ("Title | Org | Dates") as one line, the cells apart as segments."""
        words: list[Word] = []
        bullet = False
        size = 0.0
        for tc, (cx0, _cx1) in zip(cells, bounds):
            paragraph = next((p for p in tc.iter(w("p")) if _has_text(p)), None)
            if paragraph is None:
                continue
            para, is_bullet, *_ = self._read_paragraph(paragraph, part)
            bullet = bullet or (is_bullet and not words)
            pieces = [p for p in para.pieces if not p.hidden]
            x = max(cx0 + 2, words[-1].x1 + SEGMENT_GAP * max(words[-1].size, 1.0)) if words else cx0 + 2
            cell_words = _place(pieces, x, self.page, 0.0)
            words.extend(cell_words)
            size = max([size] + [wd.size for wd in cell_words])
        if words:
            self._emit(words, size or self.body_size, bullet, 0, 2.0, 2.0)

    def _paragraph(self, p, part, x0: float, x1: float, column: int) -> None:
        para, bullet, heading, before, after = self._read_paragraph(p, part)
        if _page_break_before(p):
            self._new_page()
        starts = [0] + para.breaks + [len(para.pieces)]
        for index, (start, end) in enumerate(zip(starts, starts[1:])):
            pieces = [piece for piece in para.pieces[start:end] if not piece.hidden]
            text = "".join(piece.text for piece in pieces)
            if not text.strip():
                continue
            typed_bullet = False
            stripped = text.lstrip()
            if stripped[:1] in _TYPED_BULLETS and (len(stripped) == 1 or stripped[1:2].isspace()):
                typed_bullet = True
                pieces = _drop_chars(pieces, len(text) - len(stripped) + 1)
            if heading:
                pieces = [_Piece(pc.text, pc.size, True, pc.italic) for pc in pieces]
            size = max((pc.size for pc in pieces if pc.text.strip()), default=self.body_size)
            words = _place(pieces, x0, self.page, 0.0, right=x1)
            if words:
                self._emit(words, size, (bullet and index == 0) or typed_bullet, column,
                           before if index == 0 else 0.0, after if end == len(para.pieces) else 0.0,
                           left=x0, right=x1)
        for box in _text_boxes(p):
            self._blocks(box, part, x0, x1, column, 0)

    # -- placing lines on pages ------------------------------------------------------------------

    def _emit(self, words: list[Word], size: float, bullet: bool, column: int, before: float, after: float,
              left: float = MARGIN, right: float = PAGE_WIDTH - MARGIN) -> None:
        text = " ".join(wd.text for wd in words)
        self.chars += len(text)
        if self.chars > self.limits.max_chars_per_page * self.limits.max_pages:
            raise errors.TooManyPages(
                f"This Word document holds more than {self.chars:,} characters, far more than a resume "
                f"of {self.limits.max_pages} pages. Upload the resume alone.")
        rows = max(1, math.ceil((max(wd.x1 for wd in words) - left) / max(1.0, right - left)))
        height = rows * size * LINE_SPACING
        self.y += before
        if self.y + height > PAGE_HEIGHT - MARGIN and self.y > MARGIN:
            self._new_page()
        top = self.y
        placed = _wrap(words, self.page, top, left, right, size)
        self.lines.append(Line(
            text=text, page=self.page, x0=min(wd.x0 for wd in placed), top=top,
            x1=max(wd.x1 for wd in placed), bottom=max(wd.bottom for wd in placed), size=size,
            bold=_bold_share(placed) > 0.6, column=column, bullet=bullet, words=tuple(placed),
        ))
        for link in self._pending_links:
            self.links.append(make_link(link[0], link[1], self.page, self.lines[-1].bbox))
        self._pending_links = []
        self.y = top + height + after

    def _new_page(self) -> None:
        self.page += 1
        self.y = MARGIN
        if self.page > self.limits.max_pages:
            raise errors.TooManyPages(
                f"This Word document runs to more than {self.limits.max_pages} pages; the limit is "
                f"{self.limits.max_pages}. Upload the resume alone, without attached papers or certificates.")

    # -- one paragraph's runs ------------------------------------------------------------------

    def _read_paragraph(self, p, part) -> tuple[_Para, bool, bool, float, float]:
        style_id = _val(p.find(f"{w('pPr')}/{w('pStyle')}"))
        p_size, p_bold, p_italic, heading, before, after = self._paragraph_style(style_id)
        ppr = p.find(w("pPr"))
        if ppr is not None:
            if ppr.find(w("outlineLvl")) is not None and _val(ppr.find(w("outlineLvl"))) not in (None, "9"):
                heading = True
            spacing = ppr.find(w("spacing"))
            if spacing is not None:
                before = _twips(spacing.get(w("before")), before)
                after = _twips(spacing.get(w("after")), after)
        bullet = _has_numbering(p) or self._style_has_numbering(style_id)
        para = _Para()
        shading = _cell_fill(p)
        state = {"url": None, "anchor": [], "in_field": False}
        self._runs(p, part, para, p_size, p_bold, p_italic, shading, state)
        return para, bullet, heading, before, after

    def _runs(self, element, part, para: _Para, p_size, p_bold, p_italic, shading, state) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == w("r"):
                self._run(child, para, p_size, p_bold, p_italic, shading, state)
            elif tag == w("hyperlink"):
                start = len(para.pieces)
                self._runs(child, part, para, p_size, p_bold, p_italic, shading, state)
                url = _hyperlink_target(child, part)
                anchor = "".join(pc.text for pc in para.pieces[start:] if not pc.hidden).strip()
                if url:
                    self._pending_links.append((url, anchor))
            elif tag == w("fldSimple"):
                start = len(para.pieces)
                self._runs(child, part, para, p_size, p_bold, p_italic, shading, state)
                found = _FIELD_URL_RE.search(child.get(w("instr"), ""))
                if found:
                    anchor = "".join(pc.text for pc in para.pieces[start:]).strip()
                    self._pending_links.append((found.group(1), anchor))
            elif tag in (w("ins"), w("smartTag"), w("sdt"), w("sdtContent"), w("customXml"), f"{{{_MC}}}AlternateContent"):
                self._runs(child, part, para, p_size, p_bold, p_italic, shading, state)
            # w:del (a tracked deletion), w:pPr, bookmarks, comments: nothing to read

    def _run(self, r, para: _Para, p_size, p_bold, p_italic, shading, state) -> None:
        rpr = r.find(w("rPr"))
        c_size, c_bold, c_italic = self._character_style(_val(rpr.find(w("rStyle"))) if rpr is not None else None)
        size = _half_points(rpr, "sz") or c_size or p_size or self.body_size
        bold = _toggle(rpr, "b", c_bold if c_bold is not None else (p_bold or False))
        italic = _toggle(rpr, "i", c_italic if c_italic is not None else (p_italic or False))
        hidden = None
        if rpr is not None and (_toggle(rpr, "vanish", False) or _toggle(rpr, "specVanish", False)):
            hidden = "marked hidden in Word"
        elif size < MICROSCOPIC_SIZE:
            hidden = "microscopic font"
        elif _is_invisible_colour(rpr, shading):
            hidden = "same colour as the background"
        for child in r.iterchildren():
            tag = child.tag
            if tag == w("t"):
                text = child.text or ""
            elif tag == w("tab") or tag == w("ptab"):
                text = "\t"
            elif tag in (w("br"), w("cr")):  # a line (or page) break inside the paragraph: a new line
                para.breaks.append(len(para.pieces))
                continue
            elif tag == w("noBreakHyphen"):
                text = "-"
            elif tag == w("sym"):
                text = "\u2022"
            elif tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "end" and state["url"]:
                    self._pending_links.append((state["url"], "".join(state["anchor"]).strip()))
                    state["url"], state["anchor"] = None, []
                continue
            elif tag == w("instrText"):
                found = _FIELD_URL_RE.search(child.text or "")
                if found:
                    state["url"], state["anchor"] = found.group(1), []
                continue
            else:
                continue
            if not text:
                continue
            if hidden:
                if text.strip():
                    self.hidden.setdefault(hidden, []).append(text.strip())
                para.pieces.append(_Piece(text, size, bold, italic, hidden))
                continue
            if state["url"]:
                state["anchor"].append(text)
            para.pieces.append(_Piece(text, size, bold, italic))

    # -- styles ----------------------------------------------------------------------------------

    def _default_size(self) -> float:
        styles = self.document.styles.element
        sz = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('sz')}")
        size = _half_points_value(sz)
        try:
            normal = self.document.styles["Normal"].font.size
        except KeyError:
            normal = None
        return (normal.pt if normal else None) or size or DEFAULT_SIZE

    def _style(self, style_id: str | None):
        if not style_id:
            return None
        try:
            return self.document.styles.element.get_by_id(style_id)
        except (KeyError, ValueError, AttributeError):
            return None

    def _paragraph_style(self, style_id: str | None) -> tuple[float | None, bool | None, bool | None, bool, float, float]:
        key = f"p:{style_id}"
        if key in self._style_cache:
            return self._style_cache[key]
        size = bold = italic = None
        heading = False
        before = after = None
        element = self._style(style_id) if style_id else self._default_paragraph_style()
        seen = 0
        while element is not None and seen < 20:
            seen += 1
            name = _val(element.find(w("name"))) or ""
            heading = heading or bool(_HEADING_STYLE_RE.match(name.strip()))
            ppr = element.find(w("pPr"))
            if ppr is not None:
                heading = heading or _val(ppr.find(w("outlineLvl"))) not in (None, "9")
                spacing = ppr.find(w("spacing"))
                if spacing is not None:
                    if before is None and spacing.get(w("before")) is not None:
                        before = _twips(spacing.get(w("before")))
                    if after is None and spacing.get(w("after")) is not None:
                        after = _twips(spacing.get(w("after")))
            size, bold, italic = _inherit_run_style(element.find(w("rPr")), size, bold, italic)
            element = self._style(_val(element.find(w("basedOn"))))
        result = (size, bold, italic, heading, before or 0.0, after or 0.0)
        self._style_cache[key] = result
        return result

    def _default_paragraph_style(self):
        for element in self.document.styles.element.iterfind(w("style")):
            if element.get(w("type")) == "paragraph" and element.get(w("default")) in ("1", "true", "on"):
                return element
        return None

    def _character_style(self, style_id: str | None) -> tuple[float | None, bool | None, bool | None]:
        if not style_id:
            return None, None, None
        key = f"c:{style_id}"
        if key not in self._style_cache:
            size = bold = italic = None
            element, seen = self._style(style_id), 0
            while element is not None and seen < 20:
                seen += 1
                size, bold, italic = _inherit_run_style(element.find(w("rPr")), size, bold, italic)
                element = self._style(_val(element.find(w("basedOn"))))
            self._style_cache[key] = (size, bold, italic, False, 0.0, 0.0)
        size, bold, italic, *_ = self._style_cache[key]
        return size, bold, italic

    def _style_has_numbering(self, style_id: str | None) -> bool:
        element, seen = self._style(style_id), 0
        while element is not None and seen < 20:
            seen += 1
            num = element.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            if num is not None:
                return _val(num) not in (None, "0")
            element = self._style(_val(element.find(w("basedOn"))))
        return False


# --- helpers ---------------------------------------------------------------------------------------


def _val(element) -> str | None:
    return None if element is None else element.get(w("val"))


def _twips(value: str | None, default: float = 0.0) -> float:
    """A length in twentieths of a point (Word's twips) as points."""
    try:
        return max(0.0, min(float(value) / 20.0, PAGE_HEIGHT)) if value is not None else default
    except ValueError:
        return default


def _half_points_value(element) -> float | None:
    try:
        value = float(_val(element)) / 2.0
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 1000 else None


def _inherit_run_style(rpr, size, bold, italic):
    """Fill in what a style's run properties set and the nearer style left unset."""
    size = size or _half_points(rpr, "sz")
    if bold is None and rpr is not None and rpr.find(w("b")) is not None:
        bold = _toggle(rpr, "b", False)
    if italic is None and rpr is not None and rpr.find(w("i")) is not None:
        italic = _toggle(rpr, "i", False)
    return size, bold, italic


def _half_points(rpr, tag: str) -> float | None:
    return None if rpr is None else _half_points_value(rpr.find(w(tag)))


def _toggle(rpr, tag: str, default: bool) -> bool:
    """A Word on/off property: present means on unless its value says off."""
    if rpr is None:
        return default
    element = rpr.find(w(tag))
    if element is None:
        return default
    return _val(element) not in ("0", "false", "off", "none")


def _luminance(hex_colour: str | None) -> float | None:
    if not hex_colour or not re.fullmatch(r"[0-9A-Fa-f]{6}", hex_colour):
        return None
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _is_invisible_colour(rpr, shading: float) -> bool:
    if rpr is None:
        return False
    colour = _luminance(rpr.find(w("color")).get(w("val")) if rpr.find(w("color")) is not None else None)
    if colour is None:
        return False
    background = shading
    shd = rpr.find(w("shd"))
    if shd is not None and _luminance(shd.get(w("fill"))) is not None:
        background = _luminance(shd.get(w("fill")))
    if rpr.find(w("highlight")) is not None and _val(rpr.find(w("highlight"))) not in (None, "none"):
        return False
    return abs(colour - background) < INVISIBLE_CONTRAST


def _cell_fill(p) -> float:
    """The luminance behind a paragraph: its own or its table cell's shading, else white paper."""
    shd = p.find(f"{w('pPr')}/{w('shd')}")
    if shd is not None and _luminance(shd.get(w("fill"))) is not None:
        return _luminance(shd.get(w("fill")))
    parent = p.getparent()
    while parent is not None:
        if parent.tag == w("tc"):
            shd = parent.find(f"{w('tcPr')}/{w('shd')}")
            if shd is not None and _luminance(shd.get(w("fill"))) is not None:
                return _luminance(shd.get(w("fill")))
            break
        parent = parent.getparent()
    return 1.0


def _has_numbering(p) -> bool:
    num = p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    return num is not None and _val(num) not in (None, "0")


def _page_break_before(p) -> bool:
    element = p.find(f"{w('pPr')}/{w('pageBreakBefore')}")
    return element is not None and _val(element) not in ("0", "false", "off")


def _has_text(p) -> bool:
    return any((t.text or "").strip() for t in p.iter(w("t")))


def _is_simple_cell(tc) -> bool:
    """A cell with at most one paragraph of text and no table inside."""
    if tc.find(f".//{w('tbl')}") is not None:
        return False
    return sum(1 for p in tc.iter(w("p")) if _has_text(p)) <= 1


def _grid_span(tc) -> int:
    try:
        return max(1, min(int(_val(tc.find(f"{w('tcPr')}/{w('gridSpan')}")) or 1), 64))
    except ValueError:
        return 1


def _cell_bounds(grid: list[float], spans: list[int], x0: float, x1: float) -> list[tuple[float, float]]:
    """Each cell's left and right edge: from the table grid when it fits, else equal shares."""
    needed = sum(spans)
    if len(grid) >= needed and sum(grid[:needed]) > 0:
        scale = min(1.0, (x1 - x0) / sum(grid[:needed]))
        widths, i = [], 0
        for span in spans:
            widths.append(sum(grid[i:i + span]) * scale)
            i += span
    else:
        widths = [(x1 - x0) * span / needed for span in spans]
    bounds, x = [], x0
    for width in widths:
        bounds.append((x, x + width))
        x += width
    return bounds


def _text_boxes(p) -> list:
    """Text-box contents anchored in this paragraph (the modern form only, not its VML fallback copy)."""
    boxes = []
    for box in p.iter(w("txbxContent")):
        ancestor, in_fallback = box.getparent(), False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag == f"{{{_MC}}}Fallback":
                in_fallback = True
                break
            ancestor = ancestor.getparent()
        if not in_fallback:
            boxes.append(box)
    return [box for box in boxes if not any(other is not box and _contains(other, box) for other in boxes)]


def _contains(outer, inner) -> bool:
    parent = inner.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


def _hyperlink_target(element, part) -> str | None:
    rid = element.get(f"{{{_R}}}id")
    if not rid:
        return None
    rel = part.rels.get(rid)
    if rel is None or rel.reltype != _HYPERLINK_REL or not rel.is_external:
        return None
    return rel.target_ref


def _drop_chars(pieces: list[_Piece], count: int) -> list[_Piece]:
    out = []
    for piece in pieces:
        if count >= len(piece.text):
            count -= len(piece.text)
            continue
        out.append(_Piece(piece.text[count:], piece.size, piece.bold, piece.italic, piece.hidden))
        count = 0
    return out


def _place(pieces: list[_Piece], x: float, page: int, top: float, right: float | None = None) -> list[Word]:
    """Words on one unwrapped row from ``x``: estimated widths, a wide gap at each tab."""
    words: list[Word] = []
    pending_gap = 0.0
    for piece in pieces:
        size = piece.size or DEFAULT_SIZE
        for token in re.split(r"(\t| +)", piece.text):
            if not token:
                continue
            if token == "\t":
                pending_gap = max(pending_gap, SEGMENT_GAP * size)
                continue
            if token.startswith(" "):
                pending_gap = max(pending_gap, 0.25 * size)
                continue
            if words and pending_gap == 0.0 and words[-1].page == page:
                last = words[-1]  # the same word continues in a run with another style
                width = len(token) * CHAR_WIDTH * size
                words[-1] = Word(last.text + token, page, last.x0, top, last.x1 + width, top + size,
                                 last.fontname, max(last.size, size), last.bold or piece.bold, last.italic)
                continue
            x0 = (words[-1].x1 + pending_gap) if words else x
            width = len(token) * CHAR_WIDTH * size
            words.append(Word(token, page, x0, top, x0 + width, top + size, "", size, piece.bold, piece.italic))
            pending_gap = 0.0
    return words


def _wrap(words: list[Word], page: int, top: float, left: float, right: float, size: float) -> list[Word]:
    """Words moved onto rows at ``top``, wrapped at ``right`` (a tab gap kept within a row)."""
    placed: list[Word] = []
    shift_x = left - words[0].x0 if words else 0.0
    row, offset = 0, 0.0
    for word in words:
        x0 = word.x0 + shift_x - offset
        if x0 + (word.x1 - word.x0) > right and placed and x0 > left:
            row += 1
            offset += x0 - left
            x0 = left
        y = top + row * size * LINE_SPACING
        placed.append(Word(word.text, page, x0, y, x0 + (word.x1 - word.x0), y + word.size,
                           word.fontname, word.size, word.bold, word.italic))
    return placed


def _bold_share(words: list[Word]) -> float:
    total = sum(len(wd.text) for wd in words) or 1
    return sum(len(wd.text) for wd in words if wd.bold) / total


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _external_notices(document) -> tuple[Notice, ...]:
    """A notice for content the file links to outside itself (never fetched): pictures, templates, objects."""
    kinds = set()
    try:
        for rel in document.part.package.iter_rels():
            if rel.is_external and rel.reltype != _HYPERLINK_REL:
                kinds.add(rel.reltype.rsplit("/", 1)[-1])
    except Exception:  # noqa: BLE001 - a damaged relationship list: nothing more to say about it
        return ()
    if not kinds:
        return ()
    return (Notice(
        "external_content",
        f"This document refers to content outside the file ({', '.join(sorted(kinds))}); it was not fetched "
        "and is not part of the analysis.",
        None,
    ),)


def _metadata(document) -> tuple[tuple[str, str], ...]:
    try:
        props = document.core_properties
        pairs = (("title", props.title), ("author", props.author), ("subject", props.subject),
                 ("keywords", props.keywords), ("last_modified_by", props.last_modified_by),
                 ("created", props.created.isoformat() if props.created else ""),
                 ("modified", props.modified.isoformat() if props.modified else ""))
    except Exception:  # noqa: BLE001 - malformed core properties (bad dates...) are only metadata
        return ()
    return tuple((key, str(value)[:200]) for key, value in pairs if value)
