"""Step 3: sections by heading, entries with normalised dates, and the contact block."""

import pytest
from factory import PdfBuilder, simple_resume

from analyzer.extract import read_pdf
from analyzer.models import Line
from analyzer.sections import heading_kind, is_name, is_prose, is_set_apart, is_wrapped_heading, structure_resume


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


# --- headings as real resumes set them (issue 10): fictional text, small PDFs ---------------------


def _glued(pdf: PdfBuilder, x: float, y: float, parts, *, bold=True):
    """Write parts touching each other: (text, size, colour) each, as fake small caps or coloured letters do."""
    for text, size, color in parts:
        pdf.text(x, y, text, size=size, bold=bold, color=color)
        pdf.pdf.set_font("DejaVu", "B" if bold else "", size)
        x += pdf.pdf.get_string_width(text)
    return pdf


def _kinds(resume) -> list[str]:
    return [s.kind for s in resume.sections]


def _two_section_resume(first_heading, second_heading) -> bytes:
    """A name, then two headings (callables drawing at a baseline) each over a few body lines."""
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 22, "maya@example.org")
    first_heading(pdf, 35)
    pdf.lines(15, 42, ["Data Scientist, Northwind Analytics, 2020 - 2023", "Built demand forecasts for stores."])
    second_heading(pdf, 60)
    pdf.lines(15, 67, ["BSc Statistics, University of Leeds, 2016 - 2019", "Thesis on survey weighting."])
    return pdf.build()


def test_fake_small_caps_heading_and_name_are_read_as_words(taxonomy):
    pdf = PdfBuilder()
    _glued(pdf, 15, 15, [("J", 22, (0, 0, 0)), ("ANE", 16, (0, 0, 0))])
    _glued(pdf, 38, 15, [("D", 22, (0, 0, 0)), ("OE", 16, (0, 0, 0))])
    pdf.text(15, 22, "jane@example.org")
    _glued(pdf, 15, 35, [("E", 14, (0, 0, 0)), ("XPERIENCE", 11, (0, 0, 0))], bold=False)
    pdf.lines(15, 42, ["Data Scientist, Northwind Analytics, 2020 - 2023", "Built demand forecasts."])
    _glued(pdf, 15, 60, [("N", 14, (0, 0, 0)), ("OTABLE ", 11, (0, 0, 0)), ("P", 14, (0, 0, 0)), ("ROJECTS", 11, (0, 0, 0))], bold=False)
    pdf.lines(15, 67, ["Birdsong classifier, 2022", "Trained a small audio model."])
    resume = _resume(pdf.build(), taxonomy)
    assert [(s.kind, s.title) for s in resume.sections][1:] == [("experience", "EXPERIENCE"), ("projects", "NOTABLE PROJECTS")]
    assert resume.contact.name == "Jane Doe"


def test_coloured_first_letters_stay_in_their_word(taxonomy):
    def split(text):
        return lambda pdf, y: _glued(pdf, 15, y, [(text[:3], 14, (20, 120, 200)), (text[3:], 14, (60, 60, 60))])
    resume = _resume(_two_section_resume(split("Experience"), split("Education")), taxonomy)
    assert [(s.kind, s.title) for s in resume.sections][1:] == [("experience", "Experience"), ("education", "Education")]


def test_letter_spaced_heading_is_one_heading(taxonomy):
    resume = _resume(_two_section_resume(
        lambda pdf, y: pdf.text(15, y, "W O R K   E X P E R I E N C E", size=12, bold=True),
        lambda pdf, y: pdf.text(15, y, "E D U C A T I O N", size=12, bold=True)), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "education"]


@pytest.mark.parametrize(("heading", "kind"), [
    ("CERTIFICATION", "certifications"), ("PUBLICATION", "publications"), ("PROJECT", "projects"),
    ("LANGUAGE", "languages"), ("WORKEXPERIENCE", "experience"), ("LANGUAGES KNOWN", "languages"),
    ("Experience & Projects", "experience"), ("Projects/Publications", "projects"),
    ("Awards / Certificates", "certifications"), ("Skills and Languages", "skills"),
    ("Expérience professionnelle", "experience"), ("FORMACIÓN ACADÉMICA", "education"),
    ("Experiência Profissional", "experience"), ("Berufserfahrung", "experience"),
    ("Опыт работы", "experience"), ("Образование", "education"), ("Compétences", "skills"),
])
def test_singular_joined_extended_and_foreign_headings(taxonomy, heading, kind):
    assert heading_kind(heading, taxonomy) == kind


def test_a_job_title_is_not_a_heading_word(taxonomy):
    assert heading_kind("Senior Data Engineer", taxonomy) is None


def test_foreign_headings_in_a_pdf(taxonomy):
    resume = _resume(_two_section_resume(
        lambda pdf, y: pdf.text(15, y, "Опыт работы", size=13, bold=True),
        lambda pdf, y: pdf.text(15, y, "FORMACIÓN", size=13, bold=True)), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "education"]


@pytest.mark.parametrize("shape", ["rect", "rounded"])
def test_white_heading_on_a_dark_bar_is_visible(taxonomy, shape):
    def on_bar(text):
        def draw(pdf, y):
            pdf.pdf.set_fill_color(30, 50, 90)
            pdf.pdf.rect(13, y - 5, 80, 7, style="F", round_corners=shape == "rounded")
            pdf.text(15, y, text, size=12, bold=True, color=(255, 255, 255))
        return draw
    resume = _resume(_two_section_resume(on_bar("EXPERIENCE"), on_bar("EDUCATION")), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "education"]
    assert not [n for n in resume.document.notices if n.code == "hidden_text"]


def test_heading_led_by_an_icon_is_a_heading(taxonomy):
    def with_icon(text):
        def draw(pdf, y):
            pdf.text(15, y, "\u25cf", size=12)
            pdf.text(21, y, text, size=13)
        return draw
    resume = _resume(_two_section_resume(with_icon("EXPERIENCE"), with_icon("EDUCATION")), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "education"]


def test_a_heading_wrapped_over_two_lines_is_one_heading(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 30, "EXPERIENCE", size=13, bold=True)
    pdf.lines(15, 37, ["Data Scientist, Northwind Analytics, 2020 - 2023", "Built demand forecasts."])
    pdf.text(15, 52, "DATA TOOLS &", size=13, bold=True)
    pdf.text(15, 57.5, "LANGUAGES", size=13, bold=True)
    pdf.lines(15, 64, ["Python", "SQL", "Tableau"])
    resume = _resume(pdf.build(), taxonomy)
    assert [(s.kind, s.title) for s in resume.sections][1:] == [("experience", "EXPERIENCE"), ("skills", "DATA TOOLS & LANGUAGES")]


def test_labels_inside_a_section_and_content_in_capitals_are_not_headings(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    y = 30.0
    for heading, body in [
        ("EXPERIENCE", [("NORTHWIND ANALYTICS", True), ("Data Scientist 2020 - 2023", False), ("Built forecasts for stores.", False)]),
        ("SKILLS", [("PROGRAMMING", True), ("Python, SQL", False), ("LANGUAGES", True), ("Python, R", False)]),
        ("EDUCATION", [("UNIVERSITY OF LEEDS", True), ("BSc Statistics 2016 - 2019", False)]),
    ]:
        pdf.text(15, y, heading, size=14, bold=True)
        y += 7
        for text, label in body:
            pdf.text(15, y, text, size=10.5 if label else 10, bold=label)
            y += 5.5
        y += 4
    resume = _resume(pdf.build(), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "skills", "education"]


def test_location_and_link_rows_in_heading_style_are_not_headings(taxonomy):
    resume = _resume(simple_resume(
        "# Experience", "* Data Scientist, Northwind Analytics 2020 - 2023", "- Built forecasts.",
        "# Leeds, UK", "- Ran pricing tests.",
        "# LinkedIn | GitHub | Portfolio", "# Education", "BSc Statistics, University of Leeds 2016 - 2019",
    ), taxonomy)
    assert _kinds(resume) == ["contact", "experience", "education"]


def test_a_summary_without_a_heading_is_a_summary(taxonomy):
    resume = _resume(simple_resume(
        "maya@example.org | Leeds, UK",
        "",
        "Data scientist with six years of experience building forecasting models for retail and",
        "logistics teams, who enjoys turning messy operational data into decisions people use.",
        "# Experience", "* Data Scientist, Northwind Analytics 2020 - 2023", "- Built forecasts.",
    ), taxonomy)
    assert [(s.kind, s.title) for s in resume.sections] == [("contact", ""), ("summary", ""), ("experience", "EXPERIENCE")]


# --- contact -----------------------------------------------------------------------------------


def test_name_is_not_a_job_title_or_a_heading_word(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 15, "SENIOR DATA SCIENTIST", size=22, bold=True)
    pdf.text(15, 25, "Maya Lindqvist", size=18, bold=True)
    pdf.text(15, 32, "(555) 010-0199 | maya@example.org")
    pdf.text(15, 45, "EXPERIENCE", size=24, bold=True)
    pdf.lines(15, 52, ["Data Scientist, Northwind Analytics, 2020 - 2023", "Built demand forecasts."])
    resume = _resume(pdf.build(), taxonomy)
    assert resume.contact.name == "Maya Lindqvist"
    assert resume.contact.phones == ("(555) 010-0199",)


def test_name_and_the_small_title_under_it_are_two_lines(taxonomy):
    pdf = PdfBuilder()
    pdf.text(15, 20, "Maya Lindqvist", size=30)
    pdf.text(40, 24, "Data Analyst", size=7)
    pdf.text(15, 32, "maya@example.org")
    resume = _resume(pdf.build(), taxonomy)
    assert [line.text for line in resume.document.lines][:2] == ["Maya Lindqvist", "Data Analyst"]
    assert resume.contact.name == "Maya Lindqvist"


# --- failure is never silent ---------------------------------------------------------------------


def test_no_heading_found_on_a_long_resume_is_a_warning(taxonomy):
    body = [f"Line {n} about building forecasts with Python for a retail team" for n in range(30)]
    resume = _resume(simple_resume("maya@example.org", *body), taxonomy)
    assert len(resume.warnings) == 1 and "No section headings" in resume.warnings[0]


def test_a_cover_letter_is_said_not_to_be_a_resume(taxonomy):
    resume = _resume(simple_resume(
        "Dear hiring manager,", "I am writing to apply for the data scientist role at your company.",
        "I have built forecasting models for six years.", "Sincerely,", "Maya Lindqvist",
    ), taxonomy)
    assert any("cover letter" in w for w in resume.warnings)


def test_a_clear_resume_has_no_reading_warning(taxonomy):
    resume = _resume(simple_resume(
        "# Experience", "* Data Scientist, Northwind Analytics 2020 - 2023", "- Built forecasts.",
        "# Education", "BSc Statistics, University of Leeds 2016 - 2019",
    ), taxonomy)
    assert resume.warnings == ()


# --- the predicates, on hand-made lines ---------------------------------------------------------

BODY = 10.0  # the body text's size
TYPICAL_GAP = 3.0  # the usual space between two lines of the body


def _line(text: str, *, size: float = BODY, bold: bool = False, top: float = 100.0) -> Line:
    return Line(text, 1, 72.0, top, 300.0, top + size, size, bold)


def test_a_line_is_set_apart_by_bold_capitals_size_or_space_above():
    assert is_set_apart(_line("Experience", bold=True), TYPICAL_GAP, BODY, TYPICAL_GAP)
    assert is_set_apart(_line("EXPERIENCE"), TYPICAL_GAP, BODY, TYPICAL_GAP)
    assert is_set_apart(_line("Experience", size=BODY + 2), TYPICAL_GAP, BODY, TYPICAL_GAP)
    assert is_set_apart(_line("Experience"), 3 * TYPICAL_GAP, BODY, TYPICAL_GAP)
    assert not is_set_apart(_line("Experience"), TYPICAL_GAP, BODY, TYPICAL_GAP)
    assert not is_set_apart(_line("Experience", size=BODY + 0.5), TYPICAL_GAP, BODY, TYPICAL_GAP)  # rounding, not larger


def test_prose_is_several_mostly_lower_case_words_without_contact_details():
    assert is_prose("Data scientist with six years of forecasting work in retail")
    assert not is_prose("Python, SQL, Spark")  # too few words
    assert not is_prose("Senior Data Scientist At Northwind Trading Company")  # title case
    assert not is_prose("write to maya at maya@example.org for the full list")


def test_a_name_is_a_few_words_of_letters_and_no_title():
    assert is_name("Maya Lindqvist")
    assert not is_name("Data Scientist")  # a job title (entries.toml)
    assert not is_name("Maya Lindqvist 2024")
    assert not is_name("one two three four five six")


def test_a_heading_wrapped_over_two_lines_ends_with_a_joining_word():
    top = _line("DATA TOOLS &", bold=True)
    under = _line("LANGUAGES", bold=True, top=top.bottom + 2)
    assert is_wrapped_heading(top, under)
    assert not is_wrapped_heading(_line("DATA TOOLS", bold=True), under)
    assert not is_wrapped_heading(top, _line("LANGUAGES", bold=True, top=top.bottom + 40))  # far below
