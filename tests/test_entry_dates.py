"""Entry dates as real templates set them: on a line of their own, stacked, split, short years."""

import pytest
from factory import PdfBuilder

from analyzer.dates import find_date_range
from analyzer.extract import read_pdf
from analyzer.sections import structure_resume


def _entries(pdf: PdfBuilder, taxonomy):
    resume = structure_resume(read_pdf(pdf.build()), taxonomy, as_of="2026-11")
    return [(e.section, e.title, e.organization, e.start, e.end) for e in resume.entries]


def _header(pdf: PdfBuilder) -> PdfBuilder:
    pdf.text(15, 15, "Tomasz Wilk", size=20, bold=True)
    pdf.text(15, 30, "EXPERIENCE", size=12, bold=True)
    return pdf


def test_a_date_line_after_title_and_organisation_belongs_to_that_entry(taxonomy):
    pdf = _header(PdfBuilder())
    pdf.text(15, 38, "Machine Learning Engineer", bold=True)
    pdf.text(15, 43, "Quillfeather Labs, Porto, Portugal")
    pdf.text(18, 48, "• Apr 2021 – Present")  # an icon or bullet before the dates
    pdf.text(18, 53, "• Trained ranking models with LightGBM for search.")
    pdf.text(15, 62, "Data Analyst", bold=True)
    pdf.text(15, 67, "Brightmoor Retail, Leeds, UK")
    pdf.text(18, 72, "• Dec 2019 – Apr 2021")
    pdf.text(18, 77, "• Wrote weekly SQL reports for the finance team.")
    assert _entries(pdf, taxonomy) == [
        ("experience", "Machine Learning Engineer", "Quillfeather Labs", "2021-04", "present"),
        ("experience", "Data Analyst", "Brightmoor Retail", "2019-12", "2021-04"),
    ]


def test_dates_closing_a_sentence_like_heading_line_are_the_entry_dates(taxonomy):
    pdf = _header(PdfBuilder())
    pdf.text(15, 38, "Software Developer Lisbon, Portugal.", bold=True)
    pdf.text(15, 43, "Harbourline Systems, Portugal. Nov 2020 – Aug 2022.")
    pdf.text(18, 48, "• Built an internal reporting service used by forty analysts every day.")
    assert _entries(pdf, taxonomy)[0][3:] == ("2020-11", "2022-08")


def test_a_start_stacked_above_its_end_reads_as_one_range(taxonomy):
    pdf = _header(PdfBuilder())
    pdf.text(15, 38, "May 2019")
    pdf.text(45, 38, "Head of Data Science, Corvid Analytics", bold=True)
    pdf.text(15, 43, "current")
    pdf.text(48, 48, "• Led a team of six building pricing models.")
    pdf.text(15, 58, "Mar 2016")
    pdf.text(45, 58, "Data Scientist, Fenwick Insurance", bold=True)
    pdf.text(15, 63, "May 2019")
    pdf.text(48, 68, "• Built claim-fraud classifiers with XGBoost.")
    got = [(start, end) for *_, start, end in _entries(pdf, taxonomy)]
    assert got == [("2019-05", "present"), ("2016-03", "2019-05")]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("07/23 – 10/23", "2023-07", "2023-10"),
        ("11/19 - present", "2019-11", "present"),
        ("Mar ’26 – May ’26", "2026-03", "2026-05"),
        ("Jan '98 – Dec '99", "1998-01", "1999-12"),
        ("11/2023 \x00 12/2023", "2023-11", "2023-12"),  # a dash the font could not map
    ],
)
def test_short_years_and_unmapped_dashes(text, start, end):
    found = find_date_range(text)
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text", ["rated 10/10 by users", "scored 09/12 in the final", "a 24/7 on-call rota"])
def test_a_lone_month_over_two_digits_is_not_a_date(text):
    assert find_date_range(text) is None


def test_expected_graduation_is_an_end_not_a_start(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 15, "Tomasz Wilk", size=20, bold=True)
    pdf.text(15, 30, "EDUCATION", size=12, bold=True)
    pdf.text(15, 38, "MSc Statistics, University of Aveiro", bold=True)
    pdf.text(150, 38, "Expected May 2027")
    pdf.text(18, 43, "• Thesis on survival models for customer churn.")
    assert _entries(pdf, taxonomy) == [("education", "MSc Statistics", "University of Aveiro", None, "2027-05")]


@pytest.mark.parametrize(("text", "start"), [("Aug/2019", "2019-08"), ("Mar-2021", "2021-03"), ("Sept. 2018", "2018-09")])
def test_month_words_joined_to_the_year(text, start):
    assert find_date_range(text).start == start

