"""Word .docx resumes: read into the same model as a PDF, told apart by content, hostile files bounded.

The .docx files are built here with python-docx (fictional text), or are the Word samples'
sources in samples/src/, whose PDF versions were made from them by LibreOffice.
"""

from __future__ import annotations

import io
import time
import tomllib
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from analyzer import errors
from analyzer.guard import budget_seconds
from analyzer.models import Limits
from analyzer.read import read_document
from analyzer.sections import structure_resume
from analyzer.skills import match_skills

ROOT = Path(__file__).resolve().parent.parent
WORD_SAMPLES = sorted((ROOT / "samples" / "src").glob("*.docx"))
AS_OF = "2026-11"


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _hyperlink(paragraph, text: str, url: str) -> None:
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _resume() -> bytes:
    """A small resume using most of what Word offers: styles, lists, a table, a header, links."""
    document = docx.Document()
    document.core_properties.title = "Maya Lindqvist resume"
    document.core_properties.author = "Maya Lindqvist"
    document.sections[0].header.paragraphs[0].text = "maya.lindqvist@example.org | +46 70 000 00 00"
    document.add_paragraph("Maya Lindqvist", style="Title")
    contact = document.add_paragraph("Code: ")
    _hyperlink(contact, "GitHub", "https://github.com/mlindqvist-example/churn-model")
    document.add_heading("Experience", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].paragraphs[0].add_run("Data Scientist, Norrsken Analytics").bold = True
    table.rows[0].cells[1].paragraphs[0].text = "Mar 2021 – Present"
    document.add_paragraph("Built a churn model in Python with scikit-learn and XGBoost.", style="List Bullet")
    document.add_paragraph("Wrote the SQL behind the weekly retention dashboard.", style="List Bullet")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Python, SQL, scikit-learn, XGBoost")
    hidden = document.add_paragraph()
    hidden.add_run("TensorFlow Kubernetes Spark").font.hidden = True
    white = document.add_paragraph()
    white_run = white.add_run("PyTorch Hadoop")
    white_run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return _save(document)


@pytest.fixture(scope="module")
def resume_doc():
    return read_document(_resume(), name="maya.docx")


def test_docx_reads_into_the_document_model(resume_doc):
    texts = [line.text for line in resume_doc.lines]
    assert resume_doc.source == "docx"
    assert texts[0] == "maya.lindqvist@example.org | +46 70 000 00 00"  # the header comes first
    assert "Maya Lindqvist" in texts and "Experience" in texts
    bullets = [line.text for line in resume_doc.lines if line.bullet]
    assert bullets == ["Built a churn model in Python with scikit-learn and XGBoost.",
                       "Wrote the SQL behind the weekly retention dashboard."]


def test_heading_styles_are_bold_and_title_is_large(resume_doc):
    by_text = {line.text: line for line in resume_doc.lines}
    assert by_text["Experience"].bold and by_text["Skills"].bold
    assert by_text["Maya Lindqvist"].size > by_text["Python, SQL, scikit-learn, XGBoost"].size


def test_a_table_row_is_one_line_with_its_cells_apart(resume_doc):
    row = next(line for line in resume_doc.lines if line.text.startswith("Data Scientist"))
    assert row.text == "Data Scientist, Norrsken Analytics Mar 2021 – Present"
    gap = next(b.x0 - a.x1 for a, b in zip(row.words, row.words[1:]) if b.text == "Mar")
    assert gap > 1.2 * row.size  # the layout step's "another segment" gap, as in a PDF


def test_hyperlink_targets_and_core_properties(resume_doc):
    link = next(link for link in resume_doc.links if "github.com" in link.url)
    assert (link.url, link.kind, link.anchor_text) == (
        "https://github.com/mlindqvist-example/churn-model", "github_repo", "GitHub")
    assert dict(resume_doc.metadata)["author"] == "Maya Lindqvist"


def test_hidden_and_white_text_is_reported_not_read(resume_doc):
    text = " ".join(line.text for line in resume_doc.lines)
    assert "TensorFlow" not in text and "PyTorch" not in text
    hidden = {n.message.split("(")[1].split(")")[0]: n.text for n in resume_doc.notices if n.code == "hidden_text"}
    assert hidden == {"marked hidden in Word": "TensorFlow Kubernetes Spark",
                      "same colour as the background": "PyTorch Hadoop"}


def test_every_line_has_a_synthesised_place_on_a_page(resume_doc):
    for line in resume_doc.lines:
        assert 1 <= line.page <= resume_doc.pages
        assert 0 <= line.x0 < line.x1 <= resume_doc.page_sizes[line.page - 1][0]
        assert line.top < line.bottom
    tops = [line.top for line in resume_doc.lines if line.page == 1]
    assert tops == sorted(tops)  # reading order runs down the page


def test_text_boxes_are_read_once():
    document = docx.Document()
    document.add_paragraph("Maya Lindqvist")
    anchor = document.add_paragraph()
    # A text box as Word writes it: the modern form in mc:Choice, a VML copy in mc:Fallback.
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Kaggle Expert, 2024</w:t>'
        '</w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Kaggle Expert, 2024</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )
    from lxml import etree

    anchor._p.append(etree.fromstring(box))
    lines = [line.text for line in read_document(_save(document)).lines]
    assert lines == ["Maya Lindqvist", "Kaggle Expert, 2024"]


# --- the Word samples: the same figures as their PDF versions ------------------------------------


def _figures(path: Path, resources) -> tuple[float, float, float]:
    label = tomllib.loads((ROOT / "tests" / "expected" / f"{path.stem}.toml").read_text(encoding="utf-8"))
    taxonomy = resources.taxonomy
    expected = {taxonomy.resolve(name) for name in label["skills"]["named"]}
    entries = Counter((e["section"], e["start"], e["end"]) for e in label["entries"] if e.get("start"))
    resume = structure_resume(read_document(path), taxonomy, as_of=AS_OF)
    found = {s.id for s in match_skills(resume, taxonomy, resources.nlp) if not s.inferred}
    dated = Counter((e.section, e.start, e.end) for e in resume.entries if e.start)
    return (len(found & expected) / len(expected), len(found & expected) / max(1, len(found)),
            sum((dated & entries).values()) / sum(entries.values()))


@pytest.mark.parametrize("source", WORD_SAMPLES, ids=lambda p: p.stem)
def test_word_sample_scores_as_its_pdf_version(source, resources):
    from_pdf = _figures(ROOT / "samples" / f"{source.stem}.pdf", resources)
    from_docx = _figures(source, resources)
    assert all(abs(a - b) <= 0.02 for a, b in zip(from_pdf, from_docx)), (from_pdf, from_docx)


def test_there_are_word_samples():
    assert len(WORD_SAMPLES) >= 3


# --- told apart by content -------------------------------------------------------------------------


def test_a_docx_named_pdf_is_read_as_word(tmp_path):
    path = tmp_path / "resume.pdf"
    path.write_bytes(_resume())
    assert read_document(path).source == "docx"


def _zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _with_members(data: bytes, replace: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members.update(replace)
    return _zip(members)


def test_old_word_doc_asks_for_docx_or_pdf():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    with pytest.raises(errors.UnsupportedDocument, match=r"\.doc\).*\.docx\) or export it as PDF"):
        read_document(data)


def test_opendocument_text_asks_for_docx_or_pdf():
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"},
                compression=zipfile.ZIP_STORED)
    with pytest.raises(errors.UnsupportedDocument, match=r"OpenDocument text \(\.odt\).*\.docx\) or export it as PDF"):
        read_document(data, name="resume.odt")


def test_macro_enabled_word_file_is_refused_with_advice():
    data = _resume()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(b"wordprocessingml.document.main+xml", b"vnd.ms-word.document.macroEnabled.main+xml")
    docm = _with_members(data, {"[Content_Types].xml": types, "word/vbaProject.bin": b"\x00" * 64})
    with pytest.raises(errors.UnsupportedDocument, match="macros"):
        read_document(docm, name="resume.docx")


# --- hostile .docx files ---------------------------------------------------------------------------


def _timed(data: bytes, limits: Limits = Limits()):
    start = time.monotonic()
    try:
        result = read_document(data, limits=limits)
    except errors.AnalyzerError as error:
        result = error
    assert time.monotonic() - start < budget_seconds(limits, 2) + 3
    return result


def test_zip_bomb_is_refused_before_unpacking():
    bomb = _with_members(_resume(), {"word/media/image1.bin": b"\0" * (64 * 1024 * 1024)})
    assert len(bomb) < 1_000_000
    result = _timed(bomb)
    assert isinstance(result, errors.TooComplex) and "zip bomb" in str(result), result


def test_tables_nested_past_the_bound_are_refused():
    data = _resume()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    nested = "<w:tbl><w:tr><w:tc>" * 40 + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 40
    body = body.replace("<w:sectPr", nested + "<w:p/><w:sectPr", 1)
    result = _timed(_with_members(data, {"word/document.xml": body.encode("utf-8")}))
    assert isinstance(result, errors.TooComplex) and "nests tables" in str(result), result


def test_xml_nested_beyond_the_parser_limit_is_a_clear_error():
    data = _resume()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    deep = "<w:sdt><w:sdtContent>" * 5000 + "</w:sdtContent></w:sdt>" * 5000
    body = body.replace("<w:sectPr", deep + "<w:sectPr", 1)
    result = _timed(_with_members(data, {"word/document.xml": body.encode("utf-8")}))
    # lxml refuses XML nested past 256 levels while parsing, before any reading starts: a damaged file.
    assert isinstance(result, errors.CorruptDocx) and "Word document" in str(result), result


def test_external_relationships_are_reported_not_fetched():
    document = docx.Document()
    document.add_paragraph("Maya Lindqvist, data scientist")
    document.part.relate_to("http://127.0.0.1:9/tracker.png", RELATIONSHIP_TYPE.IMAGE, is_external=True)
    result = _timed(_save(document))
    notices = [n for n in result.notices if n.code == "external_content"]
    assert len(notices) == 1 and "image" in notices[0].message and "not fetched" in notices[0].message


def test_a_document_far_longer_than_a_resume_is_refused():
    document = docx.Document()
    for number in range(900):
        document.add_paragraph(f"Line {number} of an attached thesis chapter on forecasting methods.")
    result = _timed(_save(document), Limits(max_pages=5))
    assert isinstance(result, errors.TooManyPages) and "limit is 5" in str(result), result


def test_a_word_file_without_text_says_to_export_pdf():
    document = docx.Document()
    document.add_paragraph("")
    result = _timed(_save(document))
    assert isinstance(result, errors.NoTextLayer) and "PDF" in str(result), result


def test_damaged_document_xml_is_corrupt_docx():
    data = _with_members(_resume(), {"word/document.xml": b"<w:document><w:body><w:p>"})
    result = _timed(data)
    assert isinstance(result, errors.CorruptDocx) and "save it again" in str(result), result


def test_truncated_docx_is_a_clear_error():
    data = _resume()
    result = _timed(data[: len(data) // 2])
    assert isinstance(result, errors.CorruptDocx) and "damaged" in str(result), result


def test_small_type_is_hidden_not_read():
    document = docx.Document()
    document.add_paragraph("Maya Lindqvist, data scientist")
    tiny = document.add_paragraph().add_run("Keras Caffe Theano")
    tiny.font.size = Pt(1)
    result = read_document(_save(document))
    assert "Keras" not in " ".join(line.text for line in result.lines)
    assert any(n.code == "hidden_text" and "microscopic" in n.message for n in result.notices)


def test_analyze_takes_a_docx_end_to_end(resources):
    from analyzer.pipeline import analyze

    report = analyze(_resume(), "2026-11", name="maya.docx", resources=resources)
    assert report.resume.document.source == "docx"
    assert resources.taxonomy.resolve("XGBoost") in {skill.id for skill in report.skills}
    assert report.questions


def test_a_docx_has_no_page_images_but_its_lines_carry_the_marks(resources):
    from analyzer.highlight import marked_lines, render_pages_bounded
    from analyzer.pipeline import analyze

    report = analyze(_resume(), "2026-11", resources=resources)
    assert render_pages_bounded(_resume(), report) == []
    marked = dict(marked_lines(report))
    assert "skill" in marked["Python, SQL, scikit-learn, XGBoost"]


def test_the_page_takes_a_docx_upload():
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    at.file_uploader(key="upload").set_value(
        ("maya.docx", _resume(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    at = at.run()
    assert not at.exception and not at.error
    shown = "\n".join(t.value for t in at.text)
    assert "[skill] Python, SQL, scikit-learn, XGBoost" in shown
