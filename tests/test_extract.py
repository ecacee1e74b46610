"""Step 1: reading PDFs, every kind of bad input, hidden text and link annotations."""

import io

import pytest
from factory import PdfBuilder, simple_resume

from analyzer import errors
from analyzer.extract import read_pdf, repair_glyphs
from analyzer.models import Limits


def _text_of(document) -> str:
    return "\n".join(line.text for line in document.lines)


def test_reads_words_fonts_and_positions():
    document = read_pdf(simple_resume("# Experience", "* Data Scientist"))
    name = document.lines[0]
    assert name.text == "Maya Lindqvist" and name.bold and name.size == 20
    word = name.words[0]
    assert word.fontname == "DejaVuSansBold" and word.page == 1 and word.x0 == pytest.approx(42.52, abs=0.1)
    assert len(document.sha256) == 64 and document.pages == 1


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", errors.EmptyFile, "empty"),
        (b"PK\x03\x04" + b"\x00" * 100, errors.NotAPDF, "ZIP"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, errors.NotAPDF, "PNG image"),
        (b"<!DOCTYPE html><html><body>cv</body></html>", errors.NotAPDF, "HTML"),
        (b"just some text", errors.NotAPDF, "not a PDF"),
        (b"%PDF-1.7\n1 0 obj <<", errors.CorruptPDF, "damaged"),
    ],
)
def test_bad_bytes_get_specific_errors(data, error, words):
    with pytest.raises(error, match=words):
        read_pdf(data)


def test_renamed_word_document_is_named_as_such(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Maya Lindqvist, data scientist")
    path = tmp_path / "resume.pdf"
    document.save(str(path))
    with pytest.raises(errors.NotAPDF, match=r"Word document \(\.docx\)"):
        read_pdf(path)


def test_truncated_pdf_is_corrupt():
    data = simple_resume("# Skills", "Python")
    with pytest.raises(errors.CorruptPDF):
        read_pdf(data[: len(data) // 3])


def test_encrypted_pdf_asks_for_the_password_to_be_removed():
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(simple_resume("# Skills", "Python")))
    writer = pypdf.PdfWriter()
    writer.append(reader)
    writer.encrypt("s3cret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(errors.EncryptedPDF, match="password"):
        read_pdf(out.getvalue())


def test_pdf_without_text_layer_says_it_looks_scanned():
    pdf = PdfBuilder()
    pdf.rect(20, 20, 100, 50, fill=(30, 30, 30))  # a "scan": marks on the page, no text
    with pytest.raises(errors.NoTextLayer, match="scan"):
        read_pdf(pdf.build())


def test_limits_on_size_and_pages():
    data = simple_resume(*(["# Experience"] + ["- line"] * 120))  # three pages
    with pytest.raises(errors.TooManyPages, match="limit is 2"):
        read_pdf(data, limits=Limits(max_pages=2))
    with pytest.raises(errors.TooLarge, match="limit"):
        read_pdf(data, limits=Limits(max_bytes=1000))


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(errors.InputError, match="no file"):
        read_pdf(tmp_path / "nope.pdf")


def test_hidden_text_is_reported_and_left_out():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "Python and SQL every day")
    pdf.text(15, 40, "pytorch kubernetes", color=(255, 255, 255))  # white on white
    pdf.text(15, 50, "tiny keywords", size=1)
    pdf.text(-80, 60, "offpage words")
    pdf.rect(100, 70, 80, 20, fill=(20, 40, 80))
    pdf.text(105, 82, "Skills on a dark sidebar", color=(255, 255, 255))  # visible: white on dark
    document = read_pdf(pdf.build())
    text = _text_of(document)
    assert "Python and SQL" in text and "Skills on a dark sidebar" in text
    for hidden in ("pytorch", "tiny", "offpage"):
        assert hidden not in text
    reasons = {n.message.split("(")[1].split(")")[0] for n in document.notices if n.code == "hidden_text"}
    assert reasons == {"same colour as the background", "microscopic font", "placed outside the page"}


def test_link_annotation_url_behind_anchor_text():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.link(14, 26, 16, 6, "https://github.com/mayal/demand-forecast")
    pdf.text(15, 30, "GitHub")
    pdf.text(15, 40, "Blog: mayal.dev/blog and maya@example.org")
    document = read_pdf(pdf.build())
    links = {link.url: link for link in document.links}
    repo = links["https://github.com/mayal/demand-forecast"]
    assert (repo.kind, repo.anchor_text, repo.page) == ("github_repo", "GitHub", 1)
    assert links["https://mayal.dev/blog"].kind == "blog"
    assert links["mailto:maya@example.org"].kind == "email"


def test_icon_glyphs_do_not_pollute_text():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "\ue0b0 maya@example.org \uf0e0 Leeds")  # private-use icon glyphs
    document = read_pdf(pdf.build())
    assert document.lines[1].text == "maya@example.org Leeds"


def test_a_two_page_resume_read_by_two_workers_is_the_one_worker_reading():
    from analyzer import extract

    pdf = PdfBuilder()
    pdf.text(20, 30, "EXPERIENCE", size=14, bold=True)
    pdf.text(20, 40, "Data Scientist, Acme Analytics 2020 - 2022")
    pdf.page()
    pdf.text(20, 30, "EDUCATION", size=14, bold=True)
    pdf.text(20, 40, "MSc Statistics, University of Leeds 2018 - 2019")
    data = pdf.build()
    assert extract._workers(extract.estimate_pages(data, Limits())) == 2
    document = read_pdf(data)
    assert document.pages == 2 and [line.page for line in document.lines] == [1, 1, 2, 2]
    assert document == extract._assemble(extract._read(data, Limits()), data, "resume.pdf")


# --- text as real resumes set it (issue 10) --------------------------------------------------------


@pytest.mark.parametrize(("broken", "read"), [
    ("h\x00ps://example.org", "https://example.org"), ("so\x00ware", "software"), ("e\x00cient", "efficient"),
    ("posi\x00on", "position"), ("work\x00ow", "workflow"), ("con\x00g", "config"), ("be\x00er", "better"),
    ("a\x00er", "after"), ("e\x00ort", "effort"), ("sta\x00s\x00cs", "statistics"), ("\ufffdrst", "first"),
    ("\x00NLP\x00", "(NLP)"), ("C\x00\x00", "C++"), ("555\x00010\x000199", "555-010-0199"),
])
def test_unmapped_ligatures_and_punctuation_are_read_from_context(broken, read):
    assert repair_glyphs(broken) == read


def test_no_control_character_survives_a_word():
    assert repair_glyphs("\x00\x07") == "\ufffd\ufffd"


def test_words_split_by_a_change_of_size_or_colour_are_one_word():
    pdf = PdfBuilder()
    x = 15.0
    for text, size, color in [("S", 16, (0, 0, 0)), ("KILLS", 12, (0, 0, 0)), (" Py", 10, (200, 30, 30)), ("thon", 10, (0, 0, 0))]:
        pdf.text(x, 20, text, size=size, color=color)
        pdf.pdf.set_font("DejaVu", "", size)
        x += pdf.pdf.get_string_width(text)
    assert [line.text for line in read_pdf(pdf.build()).lines] == ["SKILLS Python"]


def test_white_text_on_a_rounded_dark_bar_is_visible_and_on_white_is_hidden():
    pdf = PdfBuilder()
    pdf.pdf.set_fill_color(20, 20, 60)
    pdf.pdf.rect(10, 14, 60, 8, style="F", round_corners=True)
    pdf.text(12, 20, "EXPERIENCE", size=12, color=(255, 255, 255))
    pdf.text(12, 40, "secret keywords", size=12, color=(255, 255, 255))
    document = read_pdf(pdf.build())
    assert [line.text for line in document.lines] == ["EXPERIENCE"]
    assert [n.text for n in document.notices if n.code == "hidden_text"] == ["secret keywords"]


def test_a_pale_background_number_is_not_mixed_into_the_text():
    pdf = PdfBuilder()
    pdf.text(40, 60, "2026", size=90, color=(205, 205, 205))
    pdf.lines(15, 30, ["Maya Lindqvist", "Data scientist in retail", "Built demand forecasts", "Ran pricing tests",
                       "Wrote SQL reports", "Trained analysts"])
    document = read_pdf(pdf.build())
    assert "2026" not in " ".join(line.text for line in document.lines)
    assert [n.code for n in document.notices] == ["background_text"]


def test_a_large_dark_name_is_kept():
    pdf = PdfBuilder()
    pdf.text(15, 20, "Maya Lindqvist", size=40)
    pdf.lines(15, 32, ["Data scientist in retail", "Built demand forecasts", "Ran pricing tests", "Wrote SQL reports"])
    assert read_pdf(pdf.build()).lines[0].text == "Maya Lindqvist"
