"""Step 2: reading order across columns, page furniture, bullets and hyphenation."""

from factory import PdfBuilder

from analyzer.extract import read_pdf
from analyzer.layout import is_across_gutter, is_bullet_word, is_date_column, is_in_edge_zone, is_page_number
from analyzer.models import Line, Word


def _texts(data: bytes) -> list[str]:
    return [line.text for line in read_pdf(data).lines]


def test_two_columns_are_read_column_by_column():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    left = ["SKILLS", "Python", "SQL", "Spark", "Tableau", "LANGUAGES", "English", "Swedish"]
    right = ["EXPERIENCE", "Senior Data Scientist", "Built demand forecasts for stores",
             "Ran pricing experiments weekly", "Data Analyst", "Wrote SQL reports for finance",
             "Cleaned sales data each month", "Trained junior analysts"]
    pdf.lines(15, 30, left)
    pdf.lines(80, 30, right)
    texts = _texts(pdf.build())
    assert texts == ["Maya Lindqvist"] + left + right
    columns = [line.column for line in read_pdf(pdf.build()).lines]
    assert columns == [0] + [1] * len(left) + [2] * len(right)


def test_right_aligned_dates_stay_on_their_entry_line():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    y = 30.0
    for title, dates in [("Senior Data Scientist, Northwind", "Jan 2020 – Present"),
                         ("Data Analyst, Acme Retail", "01/2017 - 12/2019"),
                         ("Junior Analyst, Kestrel Bank", "2015–2016")]:
        pdf.text(15, y, title, bold=True)
        pdf.text(160, y, dates)
        pdf.text(18, y + 5, "• Short bullet")
        y += 12
    texts = _texts(pdf.build())
    assert "Senior Data Scientist, Northwind Jan 2020 – Present" in texts
    assert "Data Analyst, Acme Retail 01/2017 - 12/2019" in texts


def test_headers_footers_and_page_numbers_are_removed():
    pdf = PdfBuilder()
    for page in (1, 2):
        if page == 2:
            pdf.page()
        pdf.text(15, 8, "Maya Lindqvist — Data Scientist", size=8)
        pdf.text(100, 290, f"Page {page} of 2", size=8)
        pdf.lines(15, 30, [f"Body text of page {page}", "More resume content here"])
    document = read_pdf(pdf.build())
    texts = [line.text for line in document.lines]
    assert texts == ["Body text of page 1", "More resume content here", "Body text of page 2", "More resume content here"]
    assert any(n.code == "header_footer_removed" for n in document.notices)


def test_bullets_become_a_flag_and_hyphenation_is_repaired():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "• Trained gradient boosting models with scikit-")
    pdf.text(19, 35, "learn and ran experi-")
    pdf.text(19, 40, "ments on pricing")
    pdf.text(15, 45, "– Wrote a cross-")
    pdf.text(19, 50, "validation helper")
    pdf.text(15, 55, "– Ran a two-")
    pdf.text(19, 60, "week test and a data-")
    pdf.text(19, 65, "driven review")
    lines = read_pdf(pdf.build()).lines
    texts = [line.text for line in lines]
    assert texts[6:8] == ["Ran a two-week", "test and a data-driven"], "a compound keeps its hyphen"
    assert texts[1] == "Trained gradient boosting models with scikit-learn"
    assert texts[2] == "and ran experiments"
    assert texts[3] == "on pricing"
    assert texts[4] == "Wrote a cross-validation"
    assert lines[1].bullet and lines[4].bullet and not lines[2].bullet


def test_letter_spaced_heading_is_collapsed():
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "E X P E R I E N C E", bold=True)
    assert _texts(pdf.build())[1] == "EXPERIENCE"


def test_letter_spaced_words_are_closed_up_and_kept_apart():
    pdf = PdfBuilder()
    pdf.text(15, 20, "W O R K    E X P E R I E N C E", size=12, bold=True)
    pdf.text(15, 30, "Title: DATA  A N A L Y S T")
    assert _texts(pdf.build()) == ["WORK EXPERIENCE", "Title: DATA ANALYST"]


def test_a_large_name_does_not_pull_the_line_under_it_into_its_row():
    pdf = PdfBuilder()
    pdf.text(15, 20, "Maya Lindqvist", size=32)
    pdf.text(30, 23.5, "Data Analyst", size=7)
    pdf.text(15, 30, "maya@example.org", size=9)
    assert _texts(pdf.build()) == ["Maya Lindqvist", "Data Analyst", "maya@example.org"]


# --- the predicates, on hand-made words and lines ----------------------------------------------

PAGE_HEIGHT = 842.0  # A4 in points


def _line(text: str, top: float, size: float = 10.0) -> Line:
    return Line(text, 1, 72.0, top, 300.0, top + size, size)


def _word(text: str, x0: float, x1: float, size: float = 10.0) -> Word:
    return Word(text, 1, x0, 100.0, x1, 100.0 + size, size=size)


def test_a_page_number_is_one_only_at_the_top_or_bottom_of_the_page():
    for text in ("3", "Page 3", "3 / 4", "Page 3 of 4"):
        assert is_page_number(_line(text, PAGE_HEIGHT - 30), PAGE_HEIGHT), text
    assert not is_page_number(_line("3", PAGE_HEIGHT / 2), PAGE_HEIGHT)  # a number in the text
    assert not is_page_number(_line("3 years of Python", PAGE_HEIGHT - 30), PAGE_HEIGHT)


def test_the_edge_zone_is_the_top_and_bottom_tenth():
    assert is_in_edge_zone(_line("Maya Lindqvist — CV", 20), PAGE_HEIGHT)
    assert is_in_edge_zone(_line("Maya Lindqvist — CV", PAGE_HEIGHT - 20), PAGE_HEIGHT)
    assert not is_in_edge_zone(_line("Maya Lindqvist — CV", PAGE_HEIGHT * 0.2), PAGE_HEIGHT)


def test_a_bullet_word_is_only_a_glyph_or_a_lone_dash():
    assert all(is_bullet_word(text) for text in ("\u2022", "-", "\u2013", "\u25aa", "\u00bb\u00bb"))
    assert not any(is_bullet_word(text) for text in ("Python", "-3%", "\u2022\u2022\u2022", "A"))


def test_a_row_crosses_the_gutter_when_a_word_spans_it_or_the_words_are_a_space_apart():
    gutter = 200.0
    assert is_across_gutter([_word("Lindqvist", 190, 230)], gutter)
    assert is_across_gutter([_word("Maya", 170, 198), _word("Lindqvist", 201, 240)], gutter)  # 3 pt: a space
    assert not is_across_gutter([_word("Python", 150, 180), _word("Built", 220, 245)], gutter)  # 40 pt: two columns


def test_a_side_of_dates_is_a_date_column_not_a_text_column():
    assert is_date_column(["Jan 2020 – Present", "2017 – 2019", "Cleaned data"])
    assert not is_date_column(["Python", "SQL", "Spark", "2021"])
