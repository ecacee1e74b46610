"""The Streamlit page driven by streamlit.testing.v1.AppTest (no browser): it starts, analyses a
sample and an upload with the real pipeline, renders every tab, filters questions, and shows a
message (never a traceback) for every bad input. What the page shows is checked against the
library's own report for the same file and settings (the page is a thin shell over it).
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from _helpers_page import resume_pdf
from factory import PdfBuilder

from analyzer import pipeline, view
from analyzer.errors import AnalyzerError
from analyzer.export import FORMATS
from analyzer.models import Limits, Options, Report

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
TIMEOUT = 120
SEVERITIES = ("high", "medium", "low", "info")


@pytest.fixture
def app() -> AppTest:
    st.cache_data.clear()
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


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
    return caption


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
    assert [t.label for t in at.tabs] == ["Overview", "Skills", "Resume", "Flags", "Questions"]
    report = pipeline.analyze(Path(APP).parent / "samples" / sample)
    expected = view.escape_markdown(report.resume.contact.name) if report.resume.contact.name else "No name found"
    assert at.subheader[0].value == expected
    assert at.get("image"), "the Resume tab shows the page images"


def test_uploaded_pdf_renders_every_tab(app, zoe):
    at = _upload(app.run(), "zoe.pdf", resume_pdf())
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    overview, skills, resume, flags, questions = at.tabs
    assert overview.get("arrow_vega_lite_chart") or overview.get("vega_lite_chart"), "readiness chart"
    most_exposed = view.most_exposed_claims(zoe)[0]
    assert any(f"Defensibility {most_exposed.defensibility}/100" in m.value for m in overview.markdown)
    # Kubernetes is only in the skills list: the page says so and shows the quote behind it.
    listed_only = [s for s in zoe.skills if s.listed_only]
    assert any(s.name == "Kubernetes" for s in listed_only)
    assert skills.dataframe and any(e.label.startswith("Kubernetes (listed only)") for e in skills.expander)
    assert resume.get("image")
    flag_text = "\n".join(m.value for m in flags.markdown)
    assert all(view.escape_markdown(f.message) in flag_text for f in zoe.flags)
    assert flag_text.count("What to do") == len(zoe.flags)
    question_text = "\n".join(m.value for m in questions.markdown)
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
    shown = [s for s in SEVERITIES if any(f.severity == s for f in report.flags)]
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
    shown = "\n".join(m.value for m in at.tabs[4].markdown)
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
    assert [e.value for e in at.error] == [str(raised.value)]
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
