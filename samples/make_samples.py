"""Rebuild every sample resume PDF from its source in ``samples/src/``.

    python samples/make_samples.py            # all samples
    python samples/make_samples.py mlops_daniel_osei glued_latex_jonas_ekstrom   # some

Sources are the single truth:

* ``src/<stem>.toml`` with ``producer = "fpdf2"``: drawn with fpdf2 (DejaVu TTF fonts).
* ``src/<stem>.toml`` with ``producer = "docx"``: written to ``src/<stem>.docx`` with python-docx,
  then converted by LibreOffice (``soffice --headless --convert-to pdf``).
* ``src/<stem>.tex``: compiled twice by ``pdflatex`` (twice so "page X of Y" resolves).

Output goes to ``samples/<stem>.pdf``. Every sample PDF is then also drawn as a scan:
``samples/scanned/<stem>.pdf`` holds only pictures of its pages (grey, ``SCAN_DPI``, JPEG), no
text layer, for the OCR reader (made with pypdfium2 and Pillow, so it runs everywhere). The Word
samples' ``src/<stem>.docx`` are the .docx versions of those resumes. Builds are deterministic: fpdf2 gets a fixed creation date,
pdflatex runs with ``SOURCE_DATE_EPOCH``/``FORCE_SOURCE_DATE``, and LibreOffice's dates and
document id are overwritten in place with fixed strings of the same length (so the cross-reference
offsets stay valid). A producer that is not installed is skipped with a message; the committed
PDFs are what the tests read, so nobody needs the producers to run the tests.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FIXED_DATE = datetime.datetime(2026, 1, 15, 9, 0, 0, tzinfo=datetime.timezone.utc)
SOURCE_DATE_EPOCH = str(int(FIXED_DATE.timestamp()))
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
SCANNED = HERE / "scanned"
# A common office-scanner resolution; the OCR reader renders at this resolution too.
SCAN_DPI = 200
SCAN_JPEG_QUALITY = 80  # a scanner's default: small files, clean enough text


class ProducerMissing(Exception):
    """The tool that makes this kind of sample is not installed here."""


# ---------------------------------------------------------------------------------------------
# fpdf2


def _fpdf_fonts(pdf, family: str) -> None:
    base = "DejaVuSerif" if family == "serif" else "DejaVuSans"
    files = {"": f"{base}.ttf", "B": f"{base}-Bold.ttf",
             "I": f"{base}-{'Italic' if family == 'serif' else 'Oblique'}.ttf"}
    for style, file in files.items():
        path = DEJAVU / file
        if not path.exists():
            # WHY: the package ships DejaVu Sans too; use it when the system copy is missing.
            from analyzer.fonts import font_path

            path = font_path(bold=style == "B")
        pdf.add_font("Body", style, str(path))


def _make_fpdf(spec: dict):
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ProducerMissing("fpdf2 is not installed (pip install fpdf2)") from exc

    footer = spec.get("footer", "")

    class ResumePDF(FPDF):
        def footer(self) -> None:
            if not footer:
                return
            self.set_y(-12)
            self.set_font("Body", "", 8)
            self.set_text_color(110, 110, 110)
            self.cell(0, 5, footer.replace("{page}", str(self.page_no())), align="C")

        def header(self) -> None:
            if spec.get("header") and self.page_no() > 1:
                self.set_font("Body", "", 8)
                self.set_text_color(110, 110, 110)
                self.set_xy(self.l_margin, 8)
                self.cell(0, 4, spec["header"], align="R")
                self.set_y(18)

    pdf = ResumePDF(unit="mm", format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(f"{spec['name']} resume")
    pdf.set_author(spec["name"])
    _fpdf_fonts(pdf, spec.get("font", "sans"))
    pdf.set_auto_page_break(True, margin=16 if footer else 12)
    return pdf


def _fpdf_heading(pdf, text: str, style: dict, width: float) -> None:
    pdf.ln(style.get("gap", 3))
    pdf.set_font("Body", "B", style.get("heading_size", 11))
    pdf.set_text_color(*style.get("accent", (20, 40, 90)))
    pdf.cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y()
    pdf.set_draw_color(*style.get("accent", (20, 40, 90)))
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
    pdf.ln(1.5)
    pdf.set_text_color(0, 0, 0)


def _fpdf_entry(pdf, entry: dict, style: dict, width: float) -> None:
    size = style.get("size", 9.5)
    line = style.get("line", 4.6)
    pos = entry.get("date_pos", "right")
    dates = entry.get("dates", "")
    pdf.ln(1)
    pdf.set_font("Body", "B", size + 0.5)
    y = pdf.get_y()
    pdf.cell(width, line + 0.4, entry["heading"])
    if dates and pos == "right":
        pdf.set_font("Body", "", size)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(width, line + 0.4, dates, align="R")
    pdf.set_xy(pdf.l_margin, y + line + 0.4)
    if entry.get("sub"):
        pdf.set_font("Body", "I", size)
        y = pdf.get_y()
        pdf.cell(width, line, entry["sub"])
        if dates and pos == "sub_right":
            pdf.set_font("Body", "", size)
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(width, line, dates, align="R")
        pdf.set_xy(pdf.l_margin, y + line)
    if dates and pos == "below":
        pdf.set_font("Body", "", size - 0.5)
        pdf.set_text_color(80, 80, 80)
        pdf.cell(width, line, dates, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    _fpdf_bullets(pdf, entry.get("bullets", []), style, width)


def _fpdf_bullets(pdf, bullets: list[str], style: dict, width: float) -> None:
    size = style.get("size", 9.5)
    line = style.get("line", 4.6)
    mark = style.get("bullet", "•")
    pdf.set_font("Body", "", size)
    for text in bullets:
        x = pdf.l_margin
        pdf.set_x(x + 2)
        pdf.cell(4, line, mark)
        pdf.multi_cell(width - 6, line, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _fpdf_section(pdf, section: dict, style: dict, width: float) -> None:
    _fpdf_heading(pdf, section["title"], style, width)
    size = style.get("size", 9.5)
    line = style.get("line", 4.6)
    for para in section.get("paragraphs", []):
        pdf.set_font("Body", "", size)
        if "::" in para:
            # "Label:: rest" prints the label in bold, as skills lists often do.
            label, rest = para.split("::", 1)
            pdf.set_font("Body", "B", size)
            pdf.write(line, label + ":")
            pdf.set_font("Body", "", size)
            pdf.write(line, rest)
            pdf.ln(line)
        else:
            pdf.multi_cell(width, line, para, align="L", new_x="LMARGIN", new_y="NEXT")
    if section.get("bullets"):
        _fpdf_bullets(pdf, section["bullets"], style, width)
    for entry in section.get("entries", []):
        _fpdf_entry(pdf, entry, style, width)


def _fpdf_anchor_row(pdf, anchors: list[list[str]], size: float, width: float, sep: str = "  |  ") -> None:
    """Anchor texts ("GitHub", "Portfolio") whose URL lives only in the link annotation."""
    pdf.set_font("Body", "", size)
    for i, (text, url) in enumerate(anchors):
        if i:
            pdf.set_text_color(0, 0, 0)
            pdf.write(5, sep)
        pdf.set_text_color(30, 70, 160)
        pdf.write(5, text, link=url)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(5)


def _fpdf_header_block(pdf, spec: dict, width: float) -> None:
    pdf.set_font("Body", "B", spec.get("name_size", 20))
    pdf.cell(width, 9, spec["name"], new_x="LMARGIN", new_y="NEXT")
    if spec.get("headline"):
        pdf.set_font("Body", "", 11)
        pdf.set_text_color(60, 60, 60)
        pdf.cell(width, 6, spec["headline"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("Body", "", 9)
    for text in spec.get("contact", []):
        pdf.cell(width, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    if spec.get("anchors"):
        _fpdf_anchor_row(pdf, spec["anchors"], 9, width)


def build_fpdf(spec: dict, out: Path) -> None:
    pdf = _make_fpdf(spec)
    style = spec.get("style", {})
    style = {k: tuple(v) if isinstance(v, list) else v for k, v in style.items()}
    pdf.add_page()
    if spec.get("layout", "single") == "sidebar":
        _fpdf_sidebar(pdf, spec, style)
    else:
        pdf.set_margins(18, 14, 18)
        pdf.set_xy(18, 14)
        width = pdf.w - 36
        _fpdf_header_block(pdf, spec, width)
        for section in spec["sections"]:
            _fpdf_section(pdf, section, style, width)
    if spec.get("hidden"):
        _fpdf_hidden(pdf, spec["hidden"])
    pdf.output(str(out))


def _fpdf_sidebar(pdf, spec: dict, style: dict) -> None:
    """A dense two-column page: a shaded skills/contact sidebar on the left, the main column right."""
    side_w, gutter, left = 58, 7, 10
    pdf.set_fill_color(236, 240, 246)
    pdf.rect(0, 0, left + side_w + 2, pdf.h, style="F")
    side_style = dict(style, size=8, line=3.9, heading_size=9.5, gap=2.5)
    # Sidebar.
    pdf.set_margins(left, 12, pdf.w - left - side_w)
    pdf.set_xy(left, 12)
    pdf.set_font("Body", "B", spec.get("name_size", 14))
    pdf.multi_cell(side_w, 7.5, spec["name"], align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", "", 9)
    pdf.set_text_color(60, 60, 60)
    pdf.multi_cell(side_w, 4.4, spec.get("headline", ""), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    pdf.set_font("Body", "", 8)
    for text in spec.get("contact", []):
        pdf.cell(side_w, 3.9, text, new_x="LMARGIN", new_y="NEXT")
    for text, url in spec.get("anchors", []):
        pdf.set_text_color(30, 70, 160)
        pdf.cell(side_w, 3.9, text, link=url, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    for section in spec["sections"]:
        if section.get("column") == "side":
            _fpdf_section(pdf, section, side_style, side_w)
    # Main column.
    main_x = left + side_w + gutter + 2
    pdf.set_margins(main_x, 12, 10)
    pdf.set_xy(main_x, 10)
    width = pdf.w - main_x - 10
    main_style = dict(style, size=8.6, line=4.0, heading_size=10.5, gap=2)
    for section in spec["sections"]:
        if section.get("column") != "side":
            _fpdf_section(pdf, section, main_style, width)


def _fpdf_hidden(pdf, hidden: dict) -> None:
    """Keywords a reader cannot see: white on white, as some people do to game screeners."""
    pdf.set_auto_page_break(False)  # WHY: the line sits in the bottom margin of the last page
    pdf.set_font("Body", "", hidden.get("size", 6))
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(18, pdf.h - hidden.get("from_bottom", 20))
    pdf.multi_cell(pdf.w - 36, 3, hidden["text"])
    pdf.set_text_color(0, 0, 0)


# ---------------------------------------------------------------------------------------------
# python-docx + LibreOffice


def _docx_field(paragraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _docx_hyperlink(paragraph, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1F4E9A")
    props.append(colour)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _docx_no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    table._tbl.tblPr.append(borders)


def _docx_write_section(container, section: dict, style: dict, text_width) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt, RGBColor

    size = style.get("size", 10)
    heading = container.add_paragraph()
    heading.paragraph_format.space_before = Pt(9)
    heading.paragraph_format.space_after = Pt(2)
    run = heading.add_run(section["title"])
    run.bold = True
    run.font.size = Pt(size + 2)
    run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    for para in section.get("paragraphs", []):
        p = container.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        if "::" in para:
            label, rest = para.split("::", 1)
            r = p.add_run(label + ":")
            r.bold = True
            r.font.size = Pt(size)
            p.add_run(rest).font.size = Pt(size)
        else:
            p.add_run(para).font.size = Pt(size)
    for entry in section.get("entries", []):
        p = container.add_paragraph()
        p.paragraph_format.space_before = Pt(5)
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(entry["heading"])
        r.bold = True
        r.font.size = Pt(size + 0.5)
        pos = entry.get("date_pos", "right")
        if entry.get("dates") and pos == "right":
            p.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
            p.add_run("\t" + entry["dates"]).font.size = Pt(size)
        if entry.get("sub"):
            s = container.add_paragraph()
            s.paragraph_format.space_after = Pt(1)
            r = s.add_run(entry["sub"])
            r.italic = True
            r.font.size = Pt(size)
            if entry.get("dates") and pos == "sub_right":
                s.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
                s.add_run("\t" + entry["dates"]).font.size = Pt(size)
        if entry.get("dates") and pos == "below":
            d = container.add_paragraph()
            d.paragraph_format.space_after = Pt(1)
            d.add_run(entry["dates"]).font.size = Pt(size - 0.5)
        _docx_bullets(container, entry.get("bullets", []), style)
    _docx_bullets(container, section.get("bullets", []), style)


def _docx_bullets(container, bullets: list[str], style: dict) -> None:
    from docx.shared import Mm, Pt

    mark = style.get("bullet", "•")
    for text in bullets:
        if mark == "list":
            p = container.add_paragraph(style="List Bullet")
            p.add_run(text).font.size = Pt(style.get("size", 10))
        else:
            p = container.add_paragraph()
            p.paragraph_format.left_indent = Mm(5)
            p.paragraph_format.first_line_indent = Mm(-4)
            p.add_run(f"{mark}\t{text}").font.size = Pt(style.get("size", 10))
        p.paragraph_format.space_after = Pt(1)


def build_docx(spec: dict, docx_path: Path) -> None:
    try:
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt
    except ImportError as exc:  # pragma: no cover
        raise ProducerMissing("python-docx is not installed (pip install python-docx)") from exc

    document = docx.Document()
    props = document.core_properties
    props.author = spec["name"]
    props.title = f"{spec['name']} resume"
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = spec["name"]
    props.revision = 1
    normal = document.styles["Normal"]
    normal.font.name = spec.get("font", "DejaVu Sans")
    normal.font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(spec.get("margin", 18))
    section.top_margin = section.bottom_margin = Mm(15)
    text_width = section.page_width - section.left_margin - section.right_margin
    style = spec.get("style", {})

    if spec.get("footer"):
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, after = spec["footer"].split("{page}")
        footer.add_run(before)
        _docx_field(footer, "PAGE")
        footer.add_run(after.replace("{nb}", ""))
        _docx_field(footer, "NUMPAGES")

    def header_block(container, width_note: str = "") -> None:
        p = container.add_paragraph()
        r = p.add_run(spec["name"])
        r.bold = True
        r.font.size = Pt(spec.get("name_size", 20))
        if spec.get("headline"):
            h = container.add_paragraph()
            h.add_run(spec["headline"]).font.size = Pt(11)
        for text in spec.get("contact", []):
            c = container.add_paragraph()
            c.paragraph_format.space_after = Pt(0)
            c.add_run(text).font.size = Pt(9)
        if spec.get("anchors"):
            a = container.add_paragraph()
            for i, (text, url) in enumerate(spec["anchors"]):
                if i:
                    a.add_run("  ·  ")
                _docx_hyperlink(a, text, url)

    if spec.get("layout") == "table":
        # Two columns from a borderless table: a narrow sidebar and the main column.
        side_w = Mm(spec.get("side_width", 55))
        main_w = text_width - side_w
        header_block(document)
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        _docx_no_borders(table)
        side, main = table.rows[0].cells
        side.width, main.width = side_w, main_w
        table.columns[0].width, table.columns[1].width = side_w, main_w
        for cell in (side, main):
            cell._tc.remove(cell.paragraphs[0]._p)
        for sec in spec["sections"]:
            target, width = (side, side_w - Mm(4)) if sec.get("column") == "side" else (main, main_w - Mm(4))
            _docx_write_section(target, sec, style, width)
    else:
        header_block(document)
        for sec in spec["sections"]:
            _docx_write_section(document, sec, style, text_width)
    document.save(str(docx_path))
    _normalise_docx_zip(docx_path)


def _normalise_docx_zip(path: Path) -> None:
    """Rewrite the .docx with fixed zip timestamps so the source file is reproducible too."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 15, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


def convert_docx(docx_path: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ProducerMissing("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, HOME=tmp)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True, capture_output=True, env=env, timeout=180,
        )
        data = (Path(tmp) / f"{docx_path.stem}.pdf").read_bytes()
    out.write_bytes(_fix_pdf_dates(data, docx_path.stem))


def _fix_pdf_dates(data: bytes, stem: str) -> bytes:
    """Same-length replacement of dates and the document id, so offsets in the xref stay valid."""
    fixed = FIXED_DATE.strftime("%Y%m%d%H%M%S").encode()

    def date(match: re.Match[bytes]) -> bytes:
        return match.group(1) + fixed + match.group(2)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}([^)]*)", date, data)
    digest = hashlib.md5(stem.encode()).hexdigest().upper().encode()

    def ident(match: re.Match[bytes]) -> bytes:
        hex_id = match.group(1)
        return b"<" + (digest * 4)[: len(hex_id)] + b">"

    data = re.sub(rb"<([0-9A-Fa-f]{32})>", ident, data)
    return re.sub(rb"(/DocChecksum /)([0-9A-Fa-f]{32})", lambda m: m.group(1) + digest, data)


# ---------------------------------------------------------------------------------------------
# pdflatex


def build_latex(tex: Path, out: Path) -> None:
    pdflatex = shutil.which("pdflatex")
    if not pdflatex:
        raise ProducerMissing("pdflatex is not installed (e.g. apt-get install texlive-latex-recommended)")
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, FORCE_SOURCE_DATE="1")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(tex, Path(tmp) / tex.name)
        for _ in range(2):  # twice: the second run knows the last page for "page X of Y"
            result = subprocess.run(
                [pdflatex, "-interaction=nonstopmode", "-halt-on-error", tex.name],
                cwd=tmp, capture_output=True, env=env, timeout=120,
            )
            if result.returncode:
                log = result.stdout.decode(errors="replace")[-2000:]
                raise RuntimeError(f"pdflatex failed on {tex.name}:\n{log}")
        shutil.copy(Path(tmp) / f"{tex.stem}.pdf", out)


# ---------------------------------------------------------------------------------------------


def build_scan(pdf_path: Path, out: Path) -> None:
    """An image-only copy of ``pdf_path``: each page rendered in grey and wrapped as a picture."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        images = [pdf[i].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
    finally:
        pdf.close()
    out.parent.mkdir(exist_ok=True)
    stamp = FIXED_DATE.utctimetuple()
    images[0].save(out, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:],
                   quality=SCAN_JPEG_QUALITY, title=f"{pdf_path.stem} (scanned)", creationDate=stamp, modDate=stamp)


def sources() -> dict[str, Path]:
    found = {p.stem: p for p in sorted(SRC.glob("*.tex"))}
    found.update({p.stem: p for p in sorted(SRC.glob("*.toml"))})
    return dict(sorted(found.items()))


def build(stem: str, source: Path) -> str:
    out = HERE / f"{stem}.pdf"
    if source.suffix == ".tex":
        build_latex(source, out)
        return "pdflatex"
    spec = tomllib.loads(source.read_text(encoding="utf-8"))
    if spec["producer"] == "fpdf2":
        build_fpdf(spec, out)
        return "fpdf2"
    if spec["producer"] == "docx":
        docx_path = SRC / f"{stem}.docx"
        build_docx(spec, docx_path)
        convert_docx(docx_path, out)
        return "python-docx + LibreOffice"
    raise ValueError(f"{source.name}: unknown producer {spec['producer']!r}")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    wanted = set(argv)
    failed = 0
    for stem, source in sources().items():
        if wanted and stem not in wanted:
            continue
        try:
            producer = build(stem, source)
        except ProducerMissing as missing:
            print(f"skip   {stem}: {missing}; keeping the committed samples/{stem}.pdf")
            continue
        except Exception as error:  # report every sample, then fail at the end
            print(f"FAILED {stem}: {error}")
            failed += 1
            continue
        print(f"built  {stem}.pdf  ({producer})")
    for stem in sources():
        pdf = HERE / f"{stem}.pdf"
        if (wanted and stem not in wanted) or not pdf.exists():
            continue
        try:
            build_scan(pdf, SCANNED / f"{stem}.pdf")
        except Exception as error:  # report every sample, then fail at the end
            print(f"FAILED scanned/{stem}.pdf: {error}")
            failed += 1
            continue
        print(f"built  scanned/{stem}.pdf  (pypdfium2 + Pillow, {SCAN_DPI} dpi)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
