"""Step 2: reading order across columns, page furniture, bullets and hyphenation."""

from factory import PdfBuilder

from analyzer.extract import read_pdf


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
