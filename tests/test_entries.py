"""Step 3b: entries read from small PDFs built here (fictional text), one family of layouts per test."""

from factory import PdfBuilder, simple_resume

from analyzer.entries import is_body_line, is_new_entry
from analyzer.extract import read_pdf
from analyzer.models import Line
from analyzer.sections import structure_resume
from analyzer.statements import resume_statements


def _entries(data: bytes, taxonomy):
    resume = structure_resume(read_pdf(data), taxonomy, as_of="2026-11")
    return [(e.section, e.title, e.organization, e.location, e.start, e.end) for e in resume.entries]


def _page_with_heading(heading: str) -> tuple[PdfBuilder, float]:
    pdf = PdfBuilder()
    pdf.text(15, 15, "Maya Lindqvist", size=20, bold=True)
    pdf.text(15, 24, "maya@example.org | Leeds, UK")
    pdf.text(15, 34, heading, size=12, bold=True)
    return pdf, 41.0


def test_a_date_line_behind_an_icon_belongs_to_the_heading_not_the_bullets(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Data Analyst", size=11)
    pdf.text(15, y + 5, "Harbourline Freight", bold=True)
    pdf.text(15, y + 10, "\u2022")  # an icon font's glyph that the reader takes for a bullet
    pdf.text(20, y + 10, "Apr 2021 \u2013 Present   Remote")
    pdf.text(18, y + 15, "\u2022")
    pdf.text(22, y + 15, "Built weekly demand dashboards in Python and SQL.")
    assert _entries(pdf.build(), taxonomy) == [
        ("experience", "Data Analyst", "Harbourline Freight", "Remote", "2021-04", "present")]


def test_a_range_split_over_two_lines_in_a_date_column_is_read_whole(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "May 2018", bold=True)
    pdf.text(45, y, "Head of Data   Quillfeather", bold=True)
    pdf.text(15, y + 4.5, "current")
    pdf.text(45, y + 9, "Led a team of four building pricing models in Python and SQL.")
    pdf.text(15, y + 18, "Jan 2016", bold=True)
    pdf.text(45, y + 18, "Data Scientist   Brackenridge Labs", bold=True)
    pdf.text(15, y + 22.5, "May 2018")
    pdf.text(45, y + 27, "Forecast demand for a chain of forty shops with gradient boosting.")
    got = [(e[0], e[4], e[5]) for e in _entries(pdf.build(), taxonomy)]
    assert got == [("experience", "2018-05", "present"), ("experience", "2016-01", "2018-05")]


def test_a_heading_line_that_ends_with_a_full_stop_after_its_dates_keeps_them(taxonomy):
    data = simple_resume(
        "# Experience",
        "Data Analyst Intern                Leeds, UK.",
        "Wrenfield Analytics, UK. June 2023 \u2013 Aug 2023.",
        "- Cleaned survey data with pandas and reported churn drivers to the product team.",
    )
    assert [(e[4], e[5]) for e in _entries(data, taxonomy)] == [("2023-06", "2023-08")]


def test_a_promotion_is_two_roles_in_the_same_organisation(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Kestrel Insurance", bold=True)
    pdf.text(15, y + 5, "Senior Data Scientist")
    pdf.text(150, y + 5, "Mar 2023 \u2013 Present")
    pdf.text(15, y + 10, "Data Scientist")
    pdf.text(150, y + 10, "Jan 2021 \u2013 Feb 2023")
    pdf.text(18, y + 15, "\u2022")
    pdf.text(22, y + 15, "Built claim-fraud models with XGBoost.")
    got = [(e[1], e[2], e[4], e[5]) for e in _entries(pdf.build(), taxonomy)]
    assert got == [("Senior Data Scientist", "Kestrel Insurance", "2023-03", "present"),
                   ("Data Scientist", "Kestrel Insurance", "2021-01", "2023-02")]


def test_organisation_and_place_split_at_a_wide_gap(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Machine Learning Engineer", bold=True)
    pdf.text(150, y, "2019 \u2013 2022")
    pdf.text(15, y + 5, "Tidewater Robotics")
    pdf.text(150, y + 5, "Bristol, UK")
    pdf.text(18, y + 10, "\u2022")
    pdf.text(22, y + 10, "Trained vision models in PyTorch.")
    assert _entries(pdf.build(), taxonomy) == [
        ("experience", "Machine Learning Engineer", "Tidewater Robotics", "Bristol, UK", "2019", "2022")]


def test_volunteering_items_are_entries(taxonomy):
    data = simple_resume(
        "# Volunteering",
        "* Data Mentor, Open Meadow Trust   Sep 2020 \u2013 Jun 2022",
        "- Taught SQL to new volunteers every month.",
    )
    assert [(e[0], e[4], e[5]) for e in _entries(data, taxonomy)] == [("volunteering", "2020-09", "2022-06")]


def test_a_last_updated_footer_is_not_an_entry(taxonomy):
    data = simple_resume(
        "# Experience",
        "* Data Scientist, Northwind Ltd   2020 - 2022",
        "- Built forecasts.",
        "Last updated in Mar 2026",
    )
    assert [(e[4], e[5]) for e in _entries(data, taxonomy)] == [("2020", "2022")]


def test_a_lone_education_date_is_when_the_study_ends(taxonomy):
    data = simple_resume(
        "# Education",
        "* BSc Statistics, University of Elmstead   Expected May 2027",
        "* MSc Data Science, Lowfield University   2019",
    )
    assert [(e[4], e[5]) for e in _entries(data, taxonomy)] == [(None, "2027-05"), (None, "2019")]


def test_an_entry_whose_heading_has_no_date_still_collects_its_bullets(taxonomy):
    data = simple_resume(
        "# Projects",
        "* Birdsong Classifier",
        "- Trained a CNN on spectrograms of garden birds.",
    )
    resume = structure_resume(read_pdf(data), taxonomy, as_of="2026-11")
    (entry,) = resume.entries
    assert (entry.title, entry.start, len(entry.lines)) == ("Birdsong Classifier", None, 1)


def test_a_date_column_with_the_end_beside_the_title_and_the_start_lower_down(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Present")
    pdf.text(45, y, "Pricing Analyst   Marlow Goods", bold=True)
    pdf.text(45, y + 5, "\u2022 Built a margin model in R and reported weekly to the")
    pdf.text(15, y + 10, "Mar/2021")
    pdf.text(45, y + 10, "category leads")
    assert [(e[4], e[5]) for e in _entries(pdf.build(), taxonomy)] == [("2021-03", "present")]


def test_a_date_column_with_the_later_year_above_the_earlier_one(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(45, y, "Research Analyst", size=11)
    pdf.text(15, y + 1.5, "2022")
    pdf.text(45, y + 5, "Fernhill Polling Ltd")
    pdf.text(15, y + 6.5, "2020")
    pdf.text(48, y + 11, "\u2022 Weighted survey panels with raking in R.")
    assert [(e[4], e[5]) for e in _entries(pdf.build(), taxonomy)] == [("2020", "2022")]


# --- the predicates, on hand-made lines ---------------------------------------------------------

LEFT = 72.0  # the section's left edge


def _line(text: str, x0: float = LEFT, *, bullet: bool = False, bold: bool = False) -> Line:
    return Line(text, 1, x0, 100.0, x0 + 300.0, 110.0, 10.0, bold, 0, bullet)


def test_a_body_line_is_a_bullet_a_wrapped_tail_or_a_sentence():
    assert is_body_line(_line("Built a churn model in Python", bullet=True), False, LEFT)
    assert is_body_line(_line("which cut churn by a tenth", x0=LEFT + 12), True, LEFT)  # indented tail
    assert is_body_line(_line("and wrote the weekly readout", x0=LEFT), True, LEFT)  # lower-case tail
    sentence = "Led the forecasting work for the stores team and presented the results to the board every quarter"
    assert is_body_line(_line(sentence), False, LEFT)


def test_a_heading_line_is_not_body():
    assert not is_body_line(_line("Data Scientist, Northwind Trading"), False, LEFT)
    assert not is_body_line(_line("Jan 2020 \u2013 Present", bullet=True), False, LEFT)  # a date behind an icon
    assert not is_body_line(_line("Senior Analyst", x0=LEFT + 12, bold=True), True, LEFT)  # bold: a new heading


def test_a_new_entry_starts_after_a_body_or_when_the_dates_come_again():
    first = _line("Data Scientist, Northwind Trading  Jan 2020 \u2013 Present")
    bullet = _line("Built a churn model in Python", bullet=True)
    nxt = _line("Data Analyst, Acme Retail  2017 \u2013 2019")
    assert is_new_entry(first, [])
    assert is_new_entry(nxt, [([first], [bullet])])  # the last entry has its body
    assert is_new_entry(nxt, [([first], [])])  # a second dated line: the next entry
    assert not is_new_entry(_line("Oslo, Norway"), [([first], [])])  # a place under the heading


def test_bullets_drawn_as_pictures_are_the_body_of_the_dated_heading_above(taxonomy):
    # Online builders often draw bullets as pictures: the text layer keeps only the indented lines.
    pdf, y = _page_with_heading("EXPERIENCE")
    for title, org in (("Data Scientist Job Simulation", "Harbourline Freight"), ("Analyst Job Simulation", "Quillfeather")):
        pdf.text(15, y, title, size=11)
        pdf.text(15, y + 5, org)
        pdf.text(15, y + 10, "09/2024 - 10/2024,")
        pdf.text(15, y + 15, "Tasks")
        y = pdf.lines(18, y + 20, ["Developed a churn model for card customers using", "random forest, with an AUC of 0.82"],
                      leading=4) + 2
        y = pdf.lines(18, y, ["Reported on the drivers of churn for at-risk", "customers."], leading=4) + 4
    resume = structure_resume(read_pdf(pdf.build()), taxonomy, as_of="2026-11")
    assert [(e.title, e.organization, e.start, e.end) for e in resume.entries] == [
        ("Data Scientist Job Simulation", "Harbourline Freight", "2024-09", "2024-10"),
        ("Analyst Job Simulation", "Quillfeather", "2024-09", "2024-10")]
    statements = [s.text for s in resume_statements(resume) if s.entry_index == 0]
    assert statements == ["Developed a churn model for card customers using random forest, with an AUC of 0.82",
                          "Reported on the drivers of churn for at-risk customers."]


def test_a_description_beside_a_date_column_is_the_body_not_another_entry(taxonomy):
    # moderncv and its kin: dates in a left column, the description under the title without bullets.
    pdf, y = _page_with_heading("EDUCATION")
    pdf.text(15, y, "Apr 2018", bold=True)
    pdf.text(40, y, "Computer Vision", bold=True)
    pdf.text(160, y, "Lakemont Online", bold=True)
    pdf.text(15, y + 4.5, "current")
    pdf.text(40, y + 4.5, "e-learning")
    pdf.lines(40, y + 9, ["Training on the vision methods behind robots and automation, writing",
                          "programs that find edges, extract features and recognise objects."], leading=4.5)
    resume = structure_resume(read_pdf(pdf.build()), taxonomy, as_of="2026-11")
    assert [(e.title, e.organization, e.start, e.end) for e in resume.entries] == [
        ("Computer Vision", "Lakemont Online", "2018-04", "present")]
    assert len(resume.entries[0].lines) == 2


def test_a_description_under_a_complete_heading_is_its_body(taxonomy):
    pdf, y = _page_with_heading("PROJECTS")
    pdf.text(15, y, "Signal Translator")
    pdf.text(19, y + 5, "11/2023 - 12/2023   Elmstead College")
    pdf.lines(15, y + 10, ["Created a program that translates messages between English, Morse",
                           "code and binary for a final course project."], leading=4.5)
    pdf.text(15, y + 22, "Review Sentiment")
    pdf.text(19, y + 27, "01/2023   Personal project")
    resume = structure_resume(read_pdf(pdf.build()), taxonomy, as_of="2026-11")
    assert [(e.title, e.start) for e in resume.entries] == [("Signal Translator", "2023-11"), ("Review Sentiment", "2023-01")]
    assert resume.entries[0].lines[0].text.startswith("Created a program")


def test_a_separator_inside_brackets_does_not_split_the_title(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Senior Software Engineer (Payments - Backend, SRE)", size=11)
    pdf.text(15, y + 5, "Northwind Pay, Leeds, UK", bold=True)
    pdf.text(18, y + 10, "Apr 2021 \u2013 Present")
    pdf.text(18, y + 15, "\u2022")
    pdf.text(22, y + 15, "Built the settlement service in Go.")
    assert [(e[1], e[2], e[3]) for e in _entries(pdf.build(), taxonomy)] == [
        ("Senior Software Engineer (Payments - Backend, SRE)", "Northwind Pay", "Leeds, UK")]


def test_a_project_name_set_wide_or_over_two_lines_is_one_title(taxonomy):
    pdf, y = _page_with_heading("PROJECTS")
    x = 15.0
    for word in ("OBJECT", "DETECTION", "ON", "STREET", "VIDEO"):  # each word set apart from the next
        pdf.text(x, y, word, bold=True)
        x += len(word) * 2.6 + 6
    pdf.text(15, y + 5, "FOR ROAD SURVEYS", bold=True)
    pdf.text(15, y + 10, "Apr 2020 \u2013 Feb 2021")
    pdf.text(15, y + 15, "Trained detectors for signs and potholes on survey footage.")
    assert [e[1] for e in _entries(pdf.build(), taxonomy)] == ["OBJECT DETECTION ON STREET VIDEO FOR ROAD SURVEYS"]


def test_the_employer_above_the_title_wins_over_the_team_beside_it(taxonomy):
    pdf, y = _page_with_heading("EXPERIENCE")
    pdf.text(15, y, "Northwind Energy | Germany")
    pdf.text(170, y, "2024-Present")
    pdf.text(15, y + 5, "WORKING STUDENT \u2013 DATA ANALYTICS (GRID SECURITY)", bold=True)
    pdf.text(18, y + 10, "\u2022")
    pdf.text(22, y + 10, "Built Power BI dashboards of survey and incident data.")
    assert [(e[1], e[2]) for e in _entries(pdf.build(), taxonomy)] == [("WORKING STUDENT", "Northwind Energy")]
