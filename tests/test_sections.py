"""Step 3: sections by heading, entries with normalised dates, and the contact block."""

import pytest
from factory import PdfBuilder, simple_resume

from analyzer.extract import read_pdf
from analyzer.sections import structure_resume


def _resume(data: bytes, taxonomy, as_of="2026-11"):
    return structure_resume(read_pdf(data), taxonomy, as_of=as_of)


def test_headings_map_to_canonical_kinds_and_unknown_ones_keep_their_title(taxonomy):
    resume = _resume(simple_resume(
        "maya@example.org | +44 7700 900123 | Leeds, UK",
        "# Professional Summary", "Data scientist in retail.",
        "# Work Experience", "* Data Scientist, Northwind Ltd 2020 - 2022", "- Built forecasts.",
        "# Technical Skills", "Python, SQL",
        "# Side Quests", "Built a birdsong classifier.",
        "# Honours & Awards", "Best paper 2019",
    ), taxonomy)
    assert [(s.kind, s.title) for s in resume.sections] == [
        ("contact", ""), ("summary", "PROFESSIONAL SUMMARY"), ("experience", "WORK EXPERIENCE"),
        ("skills", "TECHNICAL SKILLS"), ("other", "SIDE QUESTS"), ("awards", "HONOURS & AWARDS"),
    ]


def test_a_skills_word_inside_body_text_is_not_a_heading(taxonomy):
    resume = _resume(simple_resume("# Experience", "* Data Scientist, Acme Ltd 2020 - 2021", "Projects",
                                   "- Led projects on pricing."), taxonomy)
    assert [s.kind for s in resume.sections] == ["contact", "experience"]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("Jan 2020 – Mar 2022", "2020-01", "2022-03"),
        ("01/2020 - 03/2022", "2020-01", "2022-03"),
        ("2019–2021", "2019", "2021"),
        ("Summer 2019", "2019-06", "2019-06"),
        ("Sept. 2018 to present", "2018-09", "present"),
        ("2020 – Now", "2020", "present"),
    ],
)
def test_entry_dates_in_every_format(taxonomy, dates, start, end):
    resume = _resume(simple_resume("# Experience", f"* Data Scientist | Northwind Analytics | {dates}",
                                   "- Built demand forecasts."), taxonomy)
    (entry,) = resume.entries
    assert (entry.title, entry.organization, entry.start, entry.end) == ("Data Scientist", "Northwind Analytics", start, end)
    assert entry.text == "Built demand forecasts."


def test_entries_with_right_aligned_dates_split_over_two_lines(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "EXPERIENCE", size=12, bold=True)
    pdf.text(15, 38, "Senior Data Scientist — Northwind Analytics", bold=True)
    pdf.text(170, 38, "Jan 2020 –")
    pdf.text(15, 43, "Leeds, UK")
    pdf.text(170, 43, "Mar 2022")
    pdf.text(18, 48, "• Built XGBoost demand models in Python.")
    pdf.text(15, 56, "Data Analyst at Acme Retail Ltd", bold=True)
    pdf.text(170, 56, "2017 – 2019")
    pdf.text(18, 61, "• Wrote SQL reports for finance.")
    pdf.text(15, 72, "EDUCATION", size=12, bold=True)
    pdf.text(15, 80, "University of Leeds", bold=True)
    pdf.text(170, 80, "2015 – 2016")
    pdf.text(15, 85, "MSc Data Science")
    pdf.text(15, 96, "PROJECTS", size=12, bold=True)
    pdf.text(18, 104, "• Birdsong classifier: a CNN on 40 hours of field recordings.")
    resume = _resume(pdf.build(), taxonomy)
    got = [(e.section, e.title, e.organization, e.location, e.start, e.end) for e in resume.entries]
    assert got == [
        ("experience", "Senior Data Scientist", "Northwind Analytics", "Leeds, UK", "2020-01", "2022-03"),
        ("experience", "Data Analyst", "Acme Retail Ltd", "", "2017", "2019"),
        ("education", "MSc Data Science", "University of Leeds", "", "2015", "2016"),
        ("projects", "Birdsong classifier", "", "", None, None),
    ]
    assert resume.entries[0].text == "Built XGBoost demand models in Python."


def test_contact_block(taxonomy):
    resume = _resume(simple_resume("maya.l@example.org | +44 7700 900123 | Leeds, UK", "# Skills", "Python"), taxonomy)
    assert resume.contact.name == "Maya Lindqvist"
    assert resume.contact.emails == ("maya.l@example.org",)
    assert resume.contact.phones == ("+44 7700 900123",)
    assert resume.contact.location == "Leeds, UK"
