"""The page: `streamlit run streamlit_app.py`. A thin shell around analyzer/ (view.py, export/,
highlight.py); the upload stays in memory and nothing is written to disk.

Resume text is untrusted: it is shown with st.text / st.code / st.dataframe, or escaped with
view.escape_markdown before it reaches st.markdown; no HTML is ever enabled.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from analyzer import pipeline, view
from analyzer.errors import AnalyzerError
from analyzer.export import FORMATS
from analyzer.models import Limits, Options, Posting, Report

SAMPLES = Path(__file__).resolve().parent / "samples"
LIMITS = Limits()
MB = 1024 * 1024
# Streamlit's coloured-text directive (no emoji: they need a font many machines lack).
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue", "info": "gray"}

log = logging.getLogger("resume_analyzer.page")
esc = view.escape_markdown


# --- cached work ------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _resources() -> pipeline.Resources:
    return pipeline.load_resources()


@st.cache_data(max_entries=32, show_spinner=False)
def _analyse(data: bytes, name: str, as_of: str, stale_years: float, question_count: int, perspective: str,
             job: Posting | None = None) -> Report:
    options = Options(as_of=as_of, stale_years=stale_years, question_count=question_count, perspective=perspective,
                      limits=LIMITS, job=job)
    return pipeline.analyze(data, as_of, name=name, options=options, resources=_resources())


@st.cache_data(max_entries=32, show_spinner=False)
def _export(key: str, cache_key: tuple, _report: Report) -> bytes:
    # ``_report`` is not hashed (leading underscore); ``cache_key`` (file hash + settings) stands for it.
    return FORMATS[key].render(_report)


@st.cache_data(max_entries=8, show_spinner=False)
def _page_images(cache_key: tuple, _data: bytes, _report: Report):
    from analyzer.highlight import render_pages_bounded

    return [(p.page, p.image, len(p.marks)) for p in render_pages_bounded(_data, _report, limits=LIMITS)]


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


# --- the input ----------------------------------------------------------------------------------


def _settings() -> dict:
    with st.sidebar:
        st.header("Settings")
        month = st.date_input("Reference date", value=datetime.date.today(), key="as_of",
                              help="Dates such as 'present' and how recent a skill is are judged against this month.")
        stale = st.slider("Stale claim after (years)", 1.0, 10.0, 3.0, 0.5, key="stale_years",
                          help="A skill last used longer ago than this is flagged as stale.")
        count = st.slider("Number of questions", 5, 100, 40, 5, key="question_count")
    return {"as_of": month.strftime("%Y-%m"), "stale_years": float(stale), "question_count": int(count)}


def _choose_source() -> tuple[str, bytes] | None:
    """(name, bytes) of the resume to analyse: the latest upload, or the sample last asked for."""
    state = st.session_state
    uploaded = st.file_uploader(
        "Upload a resume (PDF or Word .docx)", type=["pdf", "docx"], key="upload", max_upload_size=LIMITS.max_bytes // MB
    )
    samples = _samples()
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    sample = left.selectbox("…or try a bundled sample", [p.name for p in samples], key="sample") if samples else None
    if right.button("Analyse sample", key="analyse_sample", disabled=sample is None, type="primary"):
        state["choice"] = ("sample", sample)

    upload_id = getattr(uploaded, "file_id", None) if uploaded is not None else None
    if uploaded is not None and upload_id != state.get("upload_id"):
        state["upload_id"] = upload_id  # a new upload replaces whatever was shown
        state["choice"] = ("upload", uploaded.name)
    elif uploaded is None and state.get("choice", ("",))[0] == "upload":
        state["choice"] = None  # the upload was removed
        state["upload_id"] = None

    choice = state.get("choice")
    if not choice:
        return None
    if choice[0] == "upload" and uploaded is not None:
        return uploaded.name, uploaded.getvalue()
    if choice[0] == "sample" and (SAMPLES / choice[1]).is_file():
        return choice[1], (SAMPLES / choice[1]).read_bytes()
    return None


def _run(name: str, data: bytes, settings: dict, perspective: str, job: Posting | None = None) -> Report | None:
    with st.status(f"Analysing {name}…", expanded=False) as status:
        try:
            report = _analyse(data, name, settings["as_of"], settings["stale_years"], settings["question_count"],
                              perspective, job)
        except AnalyzerError as error:
            status.update(label="Could not analyse this file", state="error")
            st.error(str(error))
            return None
        except Exception:  # a bug, not a bad file: log it, but never show a traceback to the user
            log.exception("analysis failed for %s", name)
            status.update(label="Could not analyse this file", state="error")
            st.error("Something went wrong inside the analyser. The file was not stored; please report the problem.")
            return None
        status.update(label=f"Analysed {name}", state="complete")
    return report


# --- the tabs -----------------------------------------------------------------------------------


def _overview(report: Report) -> None:
    o = view.overview(report)
    st.subheader(esc(o.name) if o.name else "No name found")
    st.caption(f"{esc(o.file)} · {o.pages} page(s) · reference month {o.as_of}")
    cols = st.columns(5)
    for col, (label, value) in zip(cols, (("Skills", o.skills), ("Claims", o.claims), ("Flags", o.flags),
                                          ("Questions", o.questions), ("Sections", o.sections))):
        col.metric(label, value)
    for notice in report.resume.document.notices:
        st.warning(notice.message + (f" (page {notice.page})" if notice.page else ""))

    st.markdown("#### Readiness per interview area")
    rows = view.readiness_rows(report)
    if rows:
        frame = pd.DataFrame(rows)
        chart = alt.Chart(frame).mark_bar().encode(
            x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title="readiness (0-100)"),
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("score:Q", scale=alt.Scale(domain=[0, 100], scheme="redyellowgreen"), legend=None),
            tooltip=["name", "score", "summary"],
        )
        st.altair_chart(chart, width="stretch")
        st.dataframe(frame[["area", "name", "score", "summary"]], hide_index=True)
    else:
        st.info("No readiness scores in this report yet.")

    st.markdown("#### Most exposed claims")
    exposed = view.most_exposed_claims(report)
    if not exposed:
        st.info("No claims were found.")
    for claim in exposed:
        with st.container(border=True):
            st.markdown(f"**Defensibility {claim.defensibility}/100** · {esc(claim.kind)}")
            st.text(claim.text)
            if claim.reasons:
                st.caption(esc("; ".join(claim.reasons)))


def _skills(report: Report) -> None:
    rows = view.skill_rows(report)
    if not rows:
        st.info("No skills were found.")
        return
    st.dataframe(
        pd.DataFrame(rows), hide_index=True,
        column_config={"strength": st.column_config.ProgressColumn("strength", min_value=0.0, max_value=1.0, format="%.2f")},
    )
    for category, skills in view.skills_by_category(report):
        st.markdown(f"##### {esc(category)}")
        for skill in skills:
            suffix = " (listed only)" if skill.listed_only else ""
            with st.expander(f"{esc(skill.name)}{suffix} · {len(skill.evidence)} quote(s)"):
                for evidence in skill.evidence:
                    st.code(evidence.quote, language=None, wrap_lines=True)
                    st.caption(esc(view.evidence_line(evidence)))


def _resume(report: Report, key: tuple, data: bytes) -> None:
    from analyzer.highlight import has_page_images, marked_lines

    if not has_page_images(report):  # a Word document: its text, marked line by line (as plain text)
        st.caption("A Word document has no page images. [skill] marks a line with a skill found, "
                   "[flag] a claim with a flag.")
        st.text("\n".join(" ".join(f"[{k}]" for k in kinds) + (" " if kinds else "") + text
                           for text, kinds in marked_lines(report)))
        return
    st.caption("Green boxes: skills found. Red boxes: claims with a flag.")
    try:
        images = _page_images(key, data, report)
    except AnalyzerError as error:  # drawing is a nicety: the rest of the report stays usable
        st.warning(f"The pages could not be drawn: {error}")
        return
    except Exception:
        log.exception("page rendering failed")
        st.warning("The pages could not be drawn.")
        return
    for number, image, count in images:
        st.image(image, caption=f"Page {number} · {count} mark(s)")


def _flags(report: Report) -> None:
    groups = view.flags_by_severity(report)
    if not groups:
        st.info("No flags were raised.")
    for severity, flags in groups:
        colour = SEVERITY_COLOURS.get(severity, "gray")
        st.markdown(f"#### :{colour}[{esc(severity.title())}] ({len(flags)})")
        for flag in flags:
            with st.container(border=True):
                st.markdown(f"**{esc(flag.message)}**")
                for evidence in view.flag_evidence(report, flag):
                    st.code(evidence.quote, language=None, wrap_lines=True)
                    st.caption(esc(view.evidence_line(evidence)))
                st.markdown(f"**What to do:** {esc(flag.advice)}")


def _questions(report: Report) -> None:
    questions = list(report.questions)
    perspective = st.radio("Perspective", view.PERSPECTIVES, key="perspective", horizontal=True,
                           format_func=str.title)
    if not questions:
        st.info("No questions were generated.")
        return
    names = view.area_names(report)
    areas, kinds, levels = view.question_facets(questions)
    a, k, d = st.columns(3)
    chosen_areas = a.multiselect("Area", areas, key="filter_area", format_func=lambda n: f"{n}. {view.area_label(n, names)}")
    chosen_kinds = k.multiselect("Kind", kinds, key="filter_kind")
    chosen_levels = d.multiselect("Difficulty", levels, key="filter_difficulty",
                                  format_func=lambda n: f"{n} ({view.DIFFICULTY_LABELS.get(n, n)})")
    shown = view.filter_questions(questions, areas=chosen_areas, kinds=chosen_kinds, difficulties=chosen_levels)
    st.caption(f"Showing {len(shown)} of {len(questions)} questions")
    number = 0
    for area, group in view.questions_by_area(shown):
        st.markdown(f"#### {area}. {esc(view.area_label(area, names))}")
        for question in group:
            number += 1
            with st.container(border=True):
                st.markdown(f"**{number}\\. {esc(question.text)}**")
                st.caption(esc(view.question_meta(question)))
                if question.why:
                    st.markdown(f"*{view.why_label(perspective)}:* {esc(question.why)}")
                if question.quote:
                    st.caption(f"{view.line_label(question)}{f', page {question.page}' if question.page else ''}:")
                    st.code(question.quote, language=None, wrap_lines=True)
                for followup in question.followups:
                    st.markdown(f"↳ {esc(followup)}")


def _downloads(report: Report, key: tuple) -> None:
    st.markdown("#### Take it away")
    formats = list(FORMATS.values())
    cols = [col for _ in range(0, len(formats), 3) for col in st.columns(3)]
    for col, fmt in zip(cols, formats):
        try:
            data = _export(fmt.key, key, report)
        except Exception:
            log.exception("export %s failed", fmt.key)
            col.caption(f"{fmt.label}: unavailable")
            continue
        col.download_button(fmt.label, data=data, file_name=fmt.filename(report.resume.document.name),
                            mime=fmt.mime, on_click="ignore", key=f"download_{fmt.key}", width="stretch")


# --- a job posting beside the resume (issue 13): input, reading, the alignment view ---------------


@st.cache_data(max_entries=16, show_spinner=False)
def _read_job(name: str, data: bytes) -> Posting:
    return pipeline.read_job(data, name=name, resources=_resources(), limits=LIMITS)


def _job_posting() -> Posting | None:
    """The posting pasted or uploaded beside the resume; a problem with it is shown, and the resume goes on alone."""
    with st.expander("Preparing for a specific job? Add its posting", expanded=bool(st.session_state.get("job_text"))):
        text = st.text_area("Paste the job posting", key="job_text", height=160,
                            help="The skills it asks for are set beside your resume's evidence, and its questions are added.")
        upload = st.file_uploader("…or upload it (.txt, .md or PDF)", type=["txt", "md", "pdf"], key="job_upload",
                                  max_upload_size=LIMITS.max_bytes // MB)
    if upload is not None:
        name, data = upload.name, upload.getvalue()
    elif text.strip():
        name, data = "pasted posting", text.encode("utf-8")
    else:
        return None
    try:
        return _read_job(name, data)
    except AnalyzerError as error:
        st.error(f"The job posting was not used: {error}")
    except Exception:  # a bug, not a bad posting: the resume is still analysed
        log.exception("reading the job posting failed")
        st.error("The job posting could not be read; the resume is analysed without it.")
    return None


def _alignment(report: Report) -> None:
    posting, alignment = report.posting, report.alignment
    if posting is None or alignment is None:
        return
    st.subheader(f"{esc(posting.title or 'The job')} at {esc(posting.company or 'an unnamed company')}")
    cols = st.columns(4)
    cols[0].metric("Required skills", len(posting.required))
    cols[1].metric("Shown strongly", f"{round(alignment.coverage * 100)}%")
    cols[2].metric("Years asked", alignment.years_asked if alignment.years_asked else "not stated")
    cols[3].metric("Years shown", f"{alignment.years_shown:g}")
    st.markdown("#### Prepare first")
    for sentence in alignment.prepare_first:
        st.markdown(f"- {esc(sentence)}")
    st.markdown("#### Skills the posting asks for")
    st.dataframe(pd.DataFrame(view.alignment_rows(report)), hide_index=True)


# --- the page -----------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="Resume analyzer", page_icon="📄", layout="wide")
    st.title("Resume analyzer")
    st.markdown(
        "See your data-science resume the way an interviewer will: which claims it backs, which it "
        "leaves exposed, and the questions to prepare for."
    )
    st.info(
        f"Your resume never leaves this machine: it is read in memory and nothing is stored. "
        f"PDF only, up to {LIMITS.max_bytes // MB} MB and {LIMITS.max_pages} pages."
    )
    settings = _settings()
    source = _choose_source()
    job = _job_posting()
    if source is None:
        return
    name, data = source
    perspective = st.session_state.get("perspective", view.PERSPECTIVES[0])
    report = _run(name, data, settings, perspective, job)
    if report is None:
        return
    key = (hashlib.sha256(data).hexdigest(), tuple(sorted(settings.items())), perspective, hash(job))
    tabs = st.tabs(["Overview", "Skills", "Resume", "Flags", "Questions"] + (["Job"] if report.alignment else []))
    with tabs[0]:
        _overview(report)
    with tabs[1]:
        _skills(report)
    with tabs[2]:
        _resume(report, key, data)
    with tabs[3]:
        _flags(report)
    with tabs[4]:
        _questions(report)
    if report.alignment:
        with tabs[5]:
            _alignment(report)
    _downloads(report, key)


main()
