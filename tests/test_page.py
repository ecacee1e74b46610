"""The Streamlit page driven by streamlit.testing.v1.AppTest (no browser): it starts, analyses a
sample and an upload with the real pipeline, renders every tab, filters questions, and shows a
message (never a traceback) for every bad input. What the page shows is checked against the
library's own report for the same file and settings (the page is a thin shell over it).
The numbered checks follow issue 16 (the page as people use it) and its practice mode.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from _helpers_page import resume_pdf
from factory import PdfBuilder

from analyzer import pipeline, view
from analyzer.errors import AnalyzerError
from analyzer.export import FORMATS
from analyzer.models import Limits, Options, Report, Severity

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
SAMPLES = Path(APP).parent / "samples"
TABS = ["Overview", "Skills", "Resume", "Flags", "Questions", "Practice"]
TIMEOUT = 120


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    # Practice marks go to a folder of this test only (the page reads the same variable).
    from analyzer.practice import DATA_DIR_ENV

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "practice"))
    st.cache_data.clear()
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _fresh() -> AppTest:
    """A second visit: a new page session on the same store (the environment is the test's)."""
    st.cache_data.clear()
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _sample_report(name: str, **options) -> Report:
    as_of = datetime.date.today().strftime("%Y-%m")
    return pipeline.analyze(SAMPLES / name, as_of, name=name, options=Options(as_of=as_of, **options))


@pytest.fixture(scope="module")
def zoe() -> Report:
    """The library's report on the upload, with the page's default settings."""
    as_of = datetime.date.today().strftime("%Y-%m")
    return pipeline.analyze(resume_pdf(), as_of, name="zoe.pdf", options=Options(as_of=as_of))


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload").set_value((name, data, "application/pdf"))
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.code] + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [t.value for t in at.text]
    return "\n".join(parts)


def _shown_questions(at: AppTest) -> str:
    caption = next(c.value for c in at.caption if c.value.startswith("Showing "))
    return caption.split(" · ")[0]


def _question_labels(at: AppTest) -> str:
    return "\n".join(e.label for e in at.tabs[4].expander)


def test_page_starts_and_states_privacy_and_limits(app):
    at = app.run()
    assert not at.exception
    info = " ".join(i.value for i in at.info)
    assert "never leaves this machine" in info
    limits = Limits()
    assert f"{limits.max_bytes // (1024 * 1024)} MB" in info and f"{limits.max_pages} pages" in info
    assert at.file_uploader(key="upload") is not None
    assert not at.tabs  # nothing analysed yet


def test_bundled_sample_is_analysed(app):
    at = app.run()
    sample = at.selectbox(key="sample").value
    at.button(key="analyse_sample").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert [t.label for t in at.tabs] == TABS
    report = pipeline.analyze(Path(APP).parent / "samples" / sample)
    expected = view.escape_markdown(report.resume.contact.name) if report.resume.contact.name else "No name found"
    assert at.subheader[0].value == expected
    assert at.get("image"), "the Resume tab shows the page images"


def test_uploaded_pdf_renders_every_tab(app, zoe):
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    overview, skills, resume, flags, questions, _practice = at.tabs
    assert overview.get("arrow_vega_lite_chart") or overview.get("vega_lite_chart"), "readiness chart"
    most_exposed = view.most_exposed_claims(zoe)[0]
    assert any(f"Defensibility {most_exposed.defensibility}/100" in m.value for m in overview.markdown)
    # Kubernetes is only in the skills list: the page says so and shows the quote behind it.
    listed_only = [s for s in zoe.skills if s.listed_only]
    assert any(s.name == "Kubernetes" for s in listed_only)
    assert skills.table and any(e.label.startswith("Kubernetes (listed only)") for e in skills.expander)
    assert resume.get("image")
    flag_text = "\n".join(m.value for m in flags.markdown)
    groups = view.flag_groups(zoe)
    assert all(view.escape_markdown(g.label) in flag_text for g in groups)
    assert flag_text.count("What to do") == len(groups)
    question_text = _question_labels(at)
    assert all(view.escape_markdown(q.text) in question_text for q in zoe.questions)
    tied = [q for q in zoe.questions if q.quote.startswith("Ran A/B tests on pricing")]
    assert tied, "a question is tied to the A/B-test line"
    assert any(c.value == tied[0].quote for c in questions.code), "the resume line is shown"


def test_flags_are_grouped_from_most_to_least_severe(app):
    sample = Path(APP).parent / "samples" / "long_career_douglas_achterberg.pdf"
    as_of = datetime.date.today().strftime("%Y-%m")
    report = pipeline.analyze(sample, as_of, options=Options(as_of=as_of))
    at = _upload(app.run(), sample.name, sample.read_bytes())
    assert not at.exception and not at.error
    flag_text = "\n".join(m.value for m in at.tabs[3].markdown)
    shown = [s for s in Severity if any(f.severity == s for f in report.flags)]
    assert len(shown) >= 2
    positions = [flag_text.index(f"[{s.title()}] ({sum(f.severity == s for f in report.flags)})") for s in shown]
    assert positions == sorted(positions)


def test_filters_change_the_question_list(app, zoe):
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    total = len(zoe.questions)
    assert _shown_questions(at) == f"Showing {total} of {total} questions"
    area = min({q.area for q in zoe.questions}, key=lambda a: (sum(q.area == a for q in zoe.questions), a))
    in_area = [q for q in zoe.questions if q.area == area]
    at.multiselect(key="filter_area").set_value([area]).run()
    assert _shown_questions(at) == f"Showing {len(in_area)} of {total} questions"
    shown = _question_labels(at)
    assert all(view.escape_markdown(q.text) in shown for q in in_area)
    assert not any(view.escape_markdown(q.text) in shown for q in zoe.questions if q.area != area)
    at.multiselect(key="filter_area").set_value([]).run()
    at.multiselect(key="filter_difficulty").set_value([2]).run()
    level_two = [q for q in zoe.questions if q.difficulty == 2]
    assert 0 < len(level_two) < total
    assert _shown_questions(at) == f"Showing {len(level_two)} of {total} questions"
    kind = sorted({q.kind for q in level_two})[0]
    at.multiselect(key="filter_kind").set_value([kind]).run()
    both = [q for q in level_two if q.kind == kind]
    assert _shown_questions(at) == f"Showing {len(both)} of {total} questions"


def test_perspective_toggle_rewords_the_reason(app):
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    before = "\n".join(m.value for m in at.tabs[4].markdown)
    assert view.why_label("candidate") in before
    at.radio(key="perspective").set_value("interviewer").run()
    assert not at.exception
    after = "\n".join(m.value for m in at.tabs[4].markdown)
    assert view.why_label("interviewer") in after and view.why_label("candidate") not in after


def test_the_interviewer_flags_tab_says_which_notes_it_leaves_to_the_candidate(app):
    from factory import simple_resume

    data = simple_resume("# Experience", "* Data Scientist, Acme Analytics  2021-03 to present",
                         "- Built a churn model in Python with XGBoost", "# Skills", "Python, XGBoost, Git, Bash, Jupyter")
    at = _upload(app.run(), "cv.pdf", data)

    def flags_tab() -> str:
        return "\n".join([m.value for m in at.tabs[3].markdown] + [c.value for c in at.tabs[3].caption])

    listed = view.escape_markdown("Jupyter, Bash, Git")  # the note, as the page escapes it
    assert listed in flags_tab() and "for the candidate to prepare" not in flags_tab()
    at.radio(key="perspective").set_value("interviewer").run()
    assert not at.exception
    assert listed not in flags_tab()
    assert "1 note(s) for the candidate to prepare" in flags_tab()


def test_switching_perspective_asks_again_without_reading_the_resume_again(app, monkeypatch):
    # The observable is the number of analyses the page runs: the real pipeline.analyze, counted.
    analyses = []

    def counted(*args, **kwargs):
        analyses.append(kwargs["name"])
        return real(*args, **kwargs)

    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", counted)
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    at.radio(key="perspective").set_value("interviewer").run()
    interviewer = _question_labels(at)
    at.radio(key="perspective").set_value("candidate").run()
    assert not at.exception
    assert analyses == ["zoe.pdf"]
    # ...and the interviewer's list is the one a whole analysis for the interviewer gives.
    as_of = datetime.date.today().strftime("%Y-%m")
    whole = real(resume_pdf(), as_of, name="zoe.pdf", options=Options(as_of=as_of, perspective="interviewer"))
    assert interviewer == "\n".join(f"{n}\\. {view.escape_markdown(q.text)}"
                                     for n, q in enumerate((q for _, g in view.questions_by_area(list(whole.questions))
                                                            for q in g), 1))


def test_download_buttons_exist_for_every_format(app):
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    labels = {button.label for button in at.get("download_button")}
    assert labels == {fmt.label for fmt in FORMATS.values()}


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(resume_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _many_pages() -> bytes:
    pdf = PdfBuilder()
    for number in range(Limits().max_pages + 1):
        pdf.text(20, 20, f"Page {number + 1} of a long resume")
        pdf.page()
    return pdf.build()


BAD_INPUTS = {
    "too_large": lambda: b"%PDF-1.7\n" + b"0" * Limits().max_bytes,
    "too_many_pages": _many_pages,
    "not_a_pdf": lambda: b"Name: Zoe\nSkills: Python\n",
    "empty": lambda: b"",
    "corrupt": lambda: resume_pdf()[:400],
    "encrypted": _encrypted,
    "no_text_layer": lambda: PdfBuilder().rect(20, 20, 100, 50, fill=(40, 40, 40)).build(),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_shows_its_message(app, kind):
    data = BAD_INPUTS[kind]()
    with pytest.raises(AnalyzerError) as raised:
        pipeline.analyze(data, name="bad.pdf")
    at = _upload(app.run(), "bad.pdf", data)
    assert not at.exception
    # point 2: the refusal is a visible error with its advice, not folded into a collapsed box
    (error,) = at.error
    assert view.escape_markdown(str(raised.value)) in error.value and "Could not analyse" in error.value
    # the only folded box is the job-posting input, which stays above the results either way
    assert [box.label for box in at.expander] == ["Preparing for a specific job? Add its posting"]
    assert not at.get("status")
    assert not at.tabs


def test_upload_limit_matches_the_library():
    import tomllib

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == Limits().max_bytes


def test_page_never_enables_html():
    source = Path(APP).read_text()
    assert "unsafe_allow_html" not in source and "st.html" not in source and "components.html" not in source


def test_resume_text_shows_as_text_not_markup(app):
    from factory import simple_resume

    hostile = "<b>Led</b> [team](javascript:alert(1)) $x$ :red[y] cut churn 12% with XGBoost"
    data = simple_resume("# Experience", "* Data Scientist, Acme  2021-01 to present", f"- {hostile}")
    at = _upload(app.run(), "hostile.pdf", data)
    assert not at.exception and not at.error
    assert any(c.value == hostile for c in at.code), "the resume line is shown verbatim in a code block"
    assert len(at.markdown) > 10
    for block in at.markdown:
        assert "<b>" not in block.value and "](javascript" not in block.value.replace("\\]\\(", "")


# --- issue 16: the page as people use it -------------------------------------------------------


def _all_text(at: AppTest) -> str:
    """Everything a person reads on the page: markdown, captions, labels, table and dataframe cells."""
    parts = [_texts(at)] + [e.label for e in at.expander] + [w.value for w in at.warning] + [e.value for e in at.error]
    for table in list(at.table) + list(at.dataframe):
        parts.append(table.value.to_csv(index=False))
    return "\n".join(parts).replace("\\", "")  # markdown escapes ("keyword\_padding") hide nothing


def test_1_a_resume_without_headings_shows_a_visible_warning(app):
    from factory import simple_resume

    data = simple_resume("Data scientist who builds churn models with Python and SQL.",
                         "Worked at Northwind on forecasting from 2019 to 2022.", "Enjoys chess and long walks.")
    at = _upload(app.run(), "flat.pdf", data)
    assert not at.exception and not at.error
    assert at.tabs, "the findings are still shown, under the warning"
    warning = " ".join(w.value for w in at.warning)
    assert "No section headings" in warning and "incomplete" in warning
    assert any("with the warning below" in c.value for c in at.caption)


def test_1_the_readers_own_warnings_come_first():
    resume = SimpleNamespace(warnings=("Most of the text sits in one section.",), sections=(), entries=())
    assert view.structure_warnings(SimpleNamespace(resume=resume)) == ("Most of the text sits in one section.",)


def test_3_to_9_padded_resume_reads_plainly(app):
    """Points 3-9 on the sample with a padded skills list (80 flags, 72 of one kind)."""
    from analyzer.taxonomy import load_taxonomy

    name = "padded_brittany_kowalczyk.pdf"
    report = _sample_report(name)
    at = _upload(app.run(), name, (SAMPLES / name).read_bytes())
    assert not at.exception and not at.error
    text = _all_text(at)
    # 3. no internal code: flag codes and category ids become their names
    codes = {t.code for t in load_taxonomy().flags.texts} | {c.id for c in load_taxonomy().categories if "_" in c.id}
    leaked = sorted(code for code in codes if re.search(rf"\b{code}\b", text))
    assert not leaked, leaked
    assert not re.search(r"[+-]\d+ flag ", text), "scoring reasons are reworded"
    assert view.flag_label("unsupported_skill") in text
    # 4. counts agree: the padding flag's "names N of the M skills" is the overview's
    # "M skills found anywhere on the resume: N named in a skills list"
    padding = next(f for f in report.flags if f.code == "keyword_padding")
    listed, total = re.search(r"names (\d+) of the (\d+) skills", padding.message).groups()
    assert f"{total} skills found anywhere on the resume: {listed} named in a skills list" in text
    # 5. one card per kind of flag, and questions folded into one line each
    overview, skills, resume, flags, questions, _practice = at.tabs
    flag_md = "\n".join(m.value for m in flags.markdown)
    unsupported = sum(f.code == "unsupported_skill" for f in report.flags)
    assert unsupported > 10
    # One card per kind and severity: the grouped note on everyday tools is a low card of its own.
    severities = {f.severity for f in report.flags if f.code == "unsupported_skill"}
    assert flag_md.count(view.escape_markdown(view.flag_label("unsupported_skill"))) == len(severities)
    medium = sum(f.code == "unsupported_skill" and f.severity == "medium" for f in report.flags)
    assert f"× {medium}" in flag_md
    assert len(questions.expander) == len(report.questions)
    assert not any(view.escape_markdown(q.text) in m.value for q in report.questions for m in questions.markdown)
    # 6. areas with nothing on the resume say so, and are not drawn as a score
    rows = view.readiness_rows(report)
    empty = [r for r in rows if not r["judged"]]
    assert empty, "the padded sample leaves some areas untouched"
    table = overview.table[0].value
    for row in empty:
        assert table.loc[table["area"] == row["label"], "readiness"].item() == "nothing to judge"
    assert "Nothing to judge" in "\n".join(m.value for m in overview.markdown)
    # 9. tables are not boxed: readiness is a full table, the skills table is as tall as its rows
    assert len(table) == len(report.readiness)
    assert not at.dataframe, "no data grid scrolling in its own box"
    (skill_table,) = skills.table
    assert len(skill_table.value) == len(report.skills) and "category" in skill_table.value.columns
    # 10. the legend explains every kind of mark
    legend = "\n".join(m.value for m in resume.markdown)
    assert "Green box" in legend and "Green underline" in legend and "Red outline" in legend and "never mix" in legend


def test_7_and_8_whole_statements_and_questions_to_ask(app):
    name = "mlops_daniel_osei.pdf"
    report = _sample_report(name, question_count=100)
    at = app.run()
    at.slider(key="question_count").set_value(100).run()
    at = _upload(at, name, (SAMPLES / name).read_bytes())
    assert not at.exception and not at.error
    # 7. a quote cut at a PDF line end is shown as the whole statement
    cut = [e.quote for s in report.skills for e in s.evidence if e.quote.endswith(" when")]
    assert cut, "the sample has a statement wrapped after 'when'"
    codes = [c.value for c in at.code]
    assert not any(c.endswith(" when") for c in codes)
    assert any(c.startswith(cut[0]) and c.endswith("threshold.") for c in codes)
    # 8. a question to ask the interviewer is not introduced as a question you may be asked
    to_ask = [q for q in report.questions if view.is_question_to_ask(q)]
    assert to_ask
    md = "\n".join(m.value for m in at.tabs[4].markdown)
    assert "*Why ask it:*" in md
    assert "Why you may be asked this:* A question for you to ask" not in md


def test_11_and_12_settings_file():
    import tomllib

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    assert config["client"]["toolbarMode"] == "viewer"  # no Deploy button
    assert config["server"]["address"] == "localhost"  # this computer only, and no public-IP look-up
    assert config["browser"]["gatherUsageStats"] is False


def test_11_the_reference_is_a_month(app, zoe):
    at = app.run()
    assert not at.date_input
    month = at.selectbox(key="as_of")
    today = datetime.date.today()
    assert month.value == today.strftime("%Y-%m")
    assert month.options[0] == today.strftime("%B %Y")  # offered as months, not days
    year_ago = f"{today.year - 1:04d}-{today.month:02d}"
    month.set_value(year_ago).run()
    at = _upload(at, "zoe.pdf", resume_pdf())
    assert not at.exception
    assert any(f"reference month {year_ago}" in c.value for c in at.caption)


# --- practice mode ----------------------------------------------------------------------------


def _key(kind: str, report: Report, question_id: str, generation: int = 0) -> str:
    return f"{kind}_{generation}_{report.resume.document.sha256[:16]}_{question_id}"


def test_practice_is_saved_only_when_asked_and_comes_back(app, zoe, tmp_path):
    from analyzer.practice import PracticeStore

    store = PracticeStore()
    assert store.path.is_relative_to(tmp_path)
    first, second = zoe.questions[0], zoe.questions[1]
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    at.radio(key=_key("status", zoe, first.id)).set_value("ready").run()
    at.text_area(key=_key("note", zoe, second.id)).set_value("Start from the retention baseline").run()
    at.radio(key=_key("status", zoe, second.id)).set_value("needs work").run()
    assert not at.exception
    assert not store.path.exists(), "nothing is written before Save"
    practice = at.tabs[5]
    assert "1 of" in practice.get("progress")[0].proto.text
    assert practice.get("arrow_vega_lite_chart") or practice.get("vega_lite_chart"), "progress chart"
    upcoming = "\n".join(m.value for m in practice.markdown)
    assert view.escape_markdown(first.text) not in upcoming, "a ready question is not in the next five"
    assert view.escape_markdown(second.text) in upcoming
    at.button(key="practice_save").click().run()
    assert not at.exception and store.path.exists()
    assert any(s.value.startswith("Saved 2 change") for s in at.success)

    # a new visit finds the marks and the note
    again = _upload(_fresh().run(), "zoe.pdf", resume_pdf())
    assert again.radio(key=_key("status", zoe, first.id)).value == "ready"
    assert again.text_area(key=_key("note", zoe, second.id)).value == "Start from the retention baseline"
    assert again.radio(key=_key("status", zoe, second.id)).value == "needs work"

    # a second resume keeps its own state, even for a question both are asked
    other_data = (SAMPLES / "analyst_priya_natarajan.pdf").read_bytes()
    other = _sample_report("analyst_priya_natarajan.pdf")
    again = _upload(again, "other.pdf", other_data)
    for question in other.questions:  # baseline questions share ids across resumes; marks do not
        assert again.radio(key=_key("status", other, question.id)).value == "not tried"

    # delete removes the file and the marks
    again = _upload(again, "zoe.pdf", resume_pdf())
    again.button(key="practice_delete").click().run()
    assert not again.exception and not store.path.exists()
    assert again.radio(key=_key("status", zoe, first.id, generation=1)).value == "not tried"


def test_a_damaged_practice_file_gives_a_message_and_a_fresh_start(app, zoe):
    from analyzer.practice import PracticeStore

    store = PracticeStore()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"not a database at all " * 50)
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    assert not at.exception and not at.error
    notice = " ".join(w.value for w in at.tabs[5].warning)
    assert "could not be read" in notice and "starts afresh" in notice
    at.radio(key=_key("status", zoe, zoe.questions[0].id)).set_value("skip").run()
    at.button(key="practice_save").click().run()
    assert not at.exception
    assert store.load(zoe.resume.document.sha256)[zoe.questions[0].id].status == "skip"


def test_answer_guide_shows_after_trying(app, zoe):
    question = next(q for q in zoe.questions if q.guide)  # every question carries a guide (questions.py)
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    assert "Interviewer's answer guide" not in "\n".join(m.value for m in at.tabs[4].markdown)
    at.text_area(key=_key("note", zoe, question.id)).set_value("My draft").run()
    assert "Interviewer's answer guide" in "\n".join(m.value for m in at.tabs[4].markdown)


def test_3_every_flag_code_has_a_name():
    from analyzer.taxonomy import load_taxonomy

    named = load_taxonomy().labels
    codes = {t.code for t in load_taxonomy().flags.texts}
    assert codes <= set(named), sorted(codes - set(named))
    assert view.plain_reason("-20 flag unsupported_skill (medium)") == "-20: flagged (medium): Skill named only in a list"
