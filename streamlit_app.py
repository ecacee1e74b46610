"""The page: `streamlit run streamlit_app.py`. A thin shell around analyzer/ (view.py, export/,
highlight.py, practice/); the upload stays in memory and is never written to disk. The only file the
page ever writes is the practice store (analyzer/practice/store.py), and only when the person
presses "Save my practice"; it holds the resume's hash and their marks and notes, never the resume.

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
from analyzer.export import FORMATS, export
from analyzer.models import Limits, Options, Posting, Question, Report, Severity
from analyzer.practice import (NOT_TRIED, STATUSES, DamagedStoreError, Mark, PracticeStore, PracticeStoreError,
                               next_to_practise, progress)

SAMPLES = Path(__file__).resolve().parent / "samples"
LIMITS = Limits()
MB = 1024 * 1024
# Streamlit's coloured-text directive (no emoji: they need a font many machines lack).
SEVERITY_COLOURS = {Severity.HIGH: "red", Severity.MEDIUM: "orange", Severity.LOW: "blue", Severity.INFO: "gray"}
# Height of one bar in the charts: every area label stays readable, however many areas there are.
CHART_ROW_PIXELS = 30
# How far back the reference-month picker goes (a resume is judged as of a month, never a day).
MONTHS_BACK = 10 * 12
STATUS_CHOICES = (NOT_TRIED, *STATUSES)
STATUS_COLOURS = {"ready": "#2e7d32", "needs work": "#ef6c00", "skip": "#9e9e9e", NOT_TRIED: "#e0e0e0"}

log = logging.getLogger("resume_analyzer.page")
esc = view.escape_markdown


# --- cached work ------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _resources() -> pipeline.Resources:
    return pipeline.load_resources()


def _options(settings: dict, perspective: str, job: Posting | None) -> Options:
    return Options(as_of=settings["as_of"], stale_years=settings["stale_years"], question_count=settings["question_count"],
                   perspective=perspective, limits=LIMITS, job=job)


# WHY the perspective is not part of this key: it changes only the question list (step 7), so
# switching it must not read the resume again; _with_perspective asks the questions anew.
@st.cache_data(max_entries=32, show_spinner=False)
def _analyse(data: bytes, name: str, as_of: str, stale_years: float, question_count: int,
             job: Posting | None = None) -> Report:
    settings = {"as_of": as_of, "stale_years": stale_years, "question_count": question_count}
    options = _options(settings, view.PERSPECTIVES[0], job)
    return pipeline.analyze(data, as_of, name=name, options=options, resources=_resources())


@st.cache_data(max_entries=32, show_spinner=False)
def _with_perspective(analysis_key: tuple, perspective: str, settings: dict, _report: Report) -> Report:
    # ``_report`` is not hashed (leading underscore); ``analysis_key`` (file hash + settings) stands for it.
    return pipeline.ask_questions(_report, _options(settings, perspective, _report.posting), resources=_resources())


@st.cache_data(max_entries=32, show_spinner=False)
def _export(key: str, cache_key: tuple, practice: tuple, _report: Report) -> bytes:
    # ``_report`` is not hashed (leading underscore); ``cache_key`` (file hash + settings) stands for it.
    marks = {question_id: Mark(question_id, status, note) for question_id, status, note in practice}
    return export(_report, key, practice=marks)


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
        month = st.selectbox("Reference month", _months(), key="as_of", format_func=_month_name,
                             help="Dates such as 'present' and how recent a skill is are judged against this month.")
        stale = st.slider("Stale claim after (years)", 1.0, 10.0, 3.0, 0.5, key="stale_years",
                          help="A skill last used longer ago than this is flagged as stale.")
        count = st.slider("Number of questions", 5, 100, 40, 5, key="question_count")
    return {"as_of": month, "stale_years": float(stale), "question_count": int(count)}


def _months() -> list[str]:
    """'YYYY-MM' from this month back MONTHS_BACK months, newest first."""
    today = datetime.date.today()
    index = today.year * 12 + today.month - 1
    return [f"{(index - n) // 12:04d}-{(index - n) % 12 + 1:02d}" for n in range(MONTHS_BACK)]


def _month_name(month: str) -> str:
    return datetime.date(int(month[:4]), int(month[5:7]), 1).strftime("%B %Y")


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


def _run(name: str, data: bytes, settings: dict, job: Posting | None = None) -> Report | None:
    with st.spinner(f"Analysing {name}…"):
        try:
            report = _analyse(data, name, settings["as_of"], settings["stale_years"], settings["question_count"], job)
        except AnalyzerError as error:
            # A refusal is an answer, not a detail: shown in full, with its advice, never folded away.
            st.error(f"**Could not analyse {esc(name)}.** {esc(str(error))}")
            return None
        except Exception:  # a bug, not a bad file: log it, but never show a traceback to the user
            log.exception("analysis failed for %s", name)
            st.error("Something went wrong inside the analyser. The file was not stored; please report the problem.")
            return None
    warnings = view.structure_warnings(report)
    st.caption(f"Analysed {esc(name)}" + (" — with the warning below" if warnings else ""))
    for warning in warnings:
        st.warning(f"**Read with problems.** {esc(warning)}")
    return report


# --- the tabs -----------------------------------------------------------------------------------


def _overview(report: Report) -> None:
    o = view.overview(report)
    st.subheader(esc(o.name) if o.name else "No name found")
    st.caption(f"{esc(o.file)} · {o.pages} page(s) · reference month {o.as_of}")
    cols = st.columns(5)
    metrics = (("Skills", o.skills, view.skill_count_note(o)),
               ("Claims", o.claims, "Statements an interviewer may probe: skills, projects, results, links, publications."),
               ("Flags", o.flags, f"{o.flags} flags in {o.flag_groups} groups on the Flags tab."),
               ("Questions", o.questions, "The questions to expect, on the Questions tab."),
               ("Sections", o.sections, f"{o.sections} sections and {o.entries} jobs, studies or projects found."))
    for col, (label, value, help_text) in zip(cols, metrics):
        col.metric(label, value, help=help_text)
    st.caption(esc(view.skill_count_note(o)))
    for notice in report.resume.document.notices:
        st.warning(esc(notice.message + (f" (page {notice.page})" if notice.page else "")))

    st.markdown("#### Readiness per interview area")
    rows = view.readiness_rows(report)
    judged = [r for r in rows if r["judged"]]
    if judged:
        frame = pd.DataFrame(judged)
        chart = alt.Chart(frame).mark_bar().encode(
            x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title="readiness (0-100)"),
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("score:Q", scale=alt.Scale(domain=[0, 100], scheme="redyellowgreen"), legend=None),
            tooltip=["name", "score", "summary"],
        ).properties(height=CHART_ROW_PIXELS * len(judged))
        st.altair_chart(chart, width="stretch")
    unjudged = [r for r in rows if not r["judged"]]
    if unjudged:
        names = ", ".join(r["label"] for r in unjudged)
        st.markdown(f":gray[**Nothing to judge** (no claim or flag on the resume points here; expect the "
                    f"standard questions): {esc(names)}]")
    if rows:
        table = pd.DataFrame([{"area": r["label"], "readiness": r["shown"], "why": r["summary"]} for r in rows])
        st.table(table, hide_index=True)  # every row in full: no scroll box hiding rows or the summary
    else:
        st.info("No readiness scores in this report yet.")

    st.markdown("#### Most exposed claims")
    exposed = view.most_exposed_claims(report)
    statements = view.Statements(report)
    if not exposed:
        st.info("No claims were found.")
    for claim in exposed:
        with st.container(border=True):
            st.markdown(f"**Defensibility {claim.defensibility}/100** · {esc(claim.kind)} · {esc(claim.text)}")
            if claim.evidence:
                first = claim.evidence[0]
                st.text(statements.of(first.quote, first.page, first.bbox))
            if claim.reasons:
                st.caption(esc("; ".join(view.plain_reason(r) for r in claim.reasons)))


def _skills(report: Report) -> None:
    rows = view.skill_rows(report)
    if not rows:
        st.info("No skills were found.")
        return
    st.caption(esc(view.skill_count_note(view.overview(report))))
    # A plain table shows every row and column in full (a data grid scrolls inside a ~10-row box).
    st.table(pd.DataFrame(rows), hide_index=True)
    statements = view.Statements(report)
    for category, skills in view.skills_by_category(report):
        st.markdown(f"##### {esc(category)}")
        for skill in skills:
            suffix = " (listed only)" if skill.listed_only else ""
            with st.expander(f"{esc(skill.name)}{suffix} · {len(skill.evidence)} quote(s)"):
                for evidence in skill.evidence:
                    st.code(statements.of(evidence.quote, evidence.page, evidence.bbox), language=None, wrap_lines=True)
                    st.caption(esc(view.evidence_line(evidence)))


def _resume(report: Report, key: tuple, data: bytes) -> None:
    from analyzer.highlight import has_page_images, marked_lines

    if not has_page_images(report):  # a Word document: its text, marked line by line (as plain text)
        st.caption("A Word document has no page images. [skill] marks a line with a skill found, "
                   "[flag] a claim with a flag.")
        st.text("\n".join(" ".join(f"[{k}]" for k in kinds) + (" " if kinds else "") + text
                           for text, kinds in marked_lines(report)))
        return
    st.markdown("  \n".join([
        ":green[**Green box**]: a skill named here.",
        ":green[**Green underline**]: a line that describes a skill without naming it.",
        (":red[**Red outline**]: a line with a flag (see the Flags tab). The outline goes around the whole "
         "line and the green boxes sit inside it, so the colours never mix."),
    ]))
    try:
        images = _page_images(key, data, report)
    except AnalyzerError as error:  # drawing is a nicety: the rest of the report stays usable
        st.warning(f"The pages could not be drawn: {esc(str(error))}")
        return
    except Exception:
        log.exception("page rendering failed")
        st.warning("The pages could not be drawn.")
        return
    for number, image, count in images:
        st.image(image, caption=f"Page {number} · {count} mark(s)")


# Lines shown under a group of flags before the rest fold away.
GROUP_LINES_SHOWN = 2


def _flags(report: Report) -> None:
    groups = view.flag_groups_by_severity(report)
    if not groups:
        st.info("No flags were raised.")
    hidden = view.notes_for_candidate(report)
    if hidden:
        st.caption(f"{hidden} note(s) for the candidate to prepare (skills only listed or used long ago, buzzwords, "
                   "links to open) are left out of the interviewer's view; choose the candidate perspective on the "
                   "Questions tab to see them.")
    statements = view.Statements(report)
    for severity, kinds in groups:
        colour = SEVERITY_COLOURS.get(severity, "gray")
        count = sum(len(g.flags) for g in kinds)
        st.markdown(f"#### :{colour}[{esc(severity.title())}] ({count})")
        for group in kinds:
            with st.container(border=True):
                first = group.flags[0]
                if len(group.flags) == 1:
                    st.markdown(f"**{esc(group.label)}**: {esc(first.message)}")
                else:
                    st.markdown(f"**{esc(group.label)}** × {len(group.flags)}")
                    st.markdown(f"About: {esc(', '.join(group.subjects))}" if all(len(x) < 60 for x in group.subjects)
                                else "  \n".join(f"- {esc(x)}" for x in group.subjects))
                lines = view.group_evidence(report, group)
                for evidence in lines[:GROUP_LINES_SHOWN]:
                    st.code(statements.of(evidence.quote, evidence.page, evidence.bbox), language=None, wrap_lines=True)
                    st.caption(esc(view.evidence_line(evidence)))
                if len(lines) > GROUP_LINES_SHOWN:
                    with st.expander(f"{len(lines) - GROUP_LINES_SHOWN} more line(s)"):
                        for evidence in lines[GROUP_LINES_SHOWN:]:
                            st.code(statements.of(evidence.quote, evidence.page, evidence.bbox), language=None,
                                    wrap_lines=True)
                            st.caption(esc(view.evidence_line(evidence)))
                if len(group.flags) == 1:
                    st.markdown(f"**What to do:** {esc(first.advice)}")
                else:
                    st.markdown(f"**What to do** (the same for each; worded here for {esc(group.subjects[0][:60])}): "
                                f"{esc(first.advice)}")


# --- practice: marks kept in the session, saved to the store only when asked --------------------


def _practice_state(report: Report) -> tuple[dict[str, Mark], dict[str, Mark]]:
    """(current marks, marks as last saved) for this resume; loaded from the store once per session."""
    state = st.session_state
    sha = report.resume.document.sha256
    current = state.setdefault("practice", {})
    saved = state.setdefault("practice_saved", {})
    if sha not in current:
        store = PracticeStore()
        try:
            loaded = store.load(sha)
        except DamagedStoreError as error:
            aside = store.set_aside()
            state["practice_notice"] = (f"{error} It was moved aside as {aside.name}, and practice starts afresh; "
                                        "nothing else was lost.")
            loaded = {}
        except PracticeStoreError as error:
            state["practice_notice"] = str(error)
            loaded = {}
        current[sha] = dict(loaded)
        saved[sha] = dict(loaded)
    return current[sha], saved[sha]


def _content(mark: Mark) -> tuple[str, str]:
    return (mark.status, mark.note)


def _widget_key(kind: str, report: Report, question: Question) -> str:
    # The resume's hash is in the key: two resumes asking the same baseline question keep their own marks.
    generation = st.session_state.get("practice_generation", 0)
    return f"{kind}_{generation}_{report.resume.document.sha256[:16]}_{question.id}"


def _remember(report: Report, question: Question) -> None:
    current, _ = _practice_state(report)
    status = st.session_state.get(_widget_key("status", report, question), NOT_TRIED)
    note = st.session_state.get(_widget_key("note", report, question), "")
    current[question.id] = Mark(question.id, "" if status == NOT_TRIED else status, note or "")


def _practice_controls(report: Report, question: Question) -> None:
    current, _ = _practice_state(report)
    mark = current.get(question.id, Mark(question.id))
    status = mark.status or NOT_TRIED
    st.radio("My status", STATUS_CHOICES, index=STATUS_CHOICES.index(status) if status in STATUS_CHOICES else 0,
             key=_widget_key("status", report, question), horizontal=True, on_change=_remember, args=(report, question))
    st.text_area("My notes or draft answer", value=mark.note, key=_widget_key("note", report, question),
                 on_change=_remember, args=(report, question), height=90)
    guide = getattr(question, "guide", "") or ""
    if isinstance(guide, (list, tuple)):
        guide = " ".join(str(part) for part in guide)
    if guide:
        if mark.status or mark.note.strip():
            st.markdown(f"**Interviewer's answer guide:** {esc(str(guide))}")
        else:
            st.caption("Mark the question or write a draft answer to see the interviewer's answer guide.")


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
    st.caption(f"Showing {len(shown)} of {len(questions)} questions · open one for why it is asked, the resume "
               "line behind it, and your practice")
    current, _ = _practice_state(report)
    statements = view.Statements(report)
    number = 0
    for area, group in view.questions_by_area(shown):
        st.markdown(f"#### {area}. {esc(view.area_label(area, names))}")
        for question in group:
            number += 1
            status = current.get(question.id, Mark(question.id)).status
            tag = f" · {status}" if status else ""
            with st.expander(f"{number}\\. {esc(question.text)}{tag}"):
                st.caption(esc(view.question_meta(question)))
                if question.why:
                    st.markdown(f"*{view.why_label(perspective, question)}:* {esc(question.why)}")
                if question.quote:
                    st.caption(f"{view.line_label(question)}{f', page {question.page}' if question.page else ''}:")
                    st.code(statements.of(question.quote, question.page), language=None, wrap_lines=True)
                for followup in question.followups:
                    st.markdown(f"↳ {esc(followup)}")
                _practice_controls(report, question)


def _practice(report: Report) -> None:
    state = st.session_state
    store = PracticeStore()
    if notice := state.pop("practice_notice", None):
        st.warning(esc(notice))
    if done := state.pop("practice_done", None):
        st.success(esc(done))
    current, saved = _practice_state(report)
    rows = progress(report, current)
    names = view.area_names(report)
    total = sum(r.total for r in rows)
    ready = sum(r.ready for r in rows)
    cols = st.columns(4)
    for col, (label, value) in zip(cols, (("Ready", ready), ("Needs work", sum(r.needs_work for r in rows)),
                                          ("Skipped", sum(r.skipped for r in rows)),
                                          ("Not tried", sum(r.not_tried for r in rows)))):
        col.metric(label, value)
    st.progress(ready / total if total else 0.0, text=f"{ready} of {total} questions ready")
    if rows:
        frame = pd.DataFrame([
            {"area": f"{r.area}. {view.area_label(r.area, names)}", "status": status, "questions": count}
            for r in rows
            for status, count in (("ready", r.ready), ("needs work", r.needs_work), ("skip", r.skipped),
                                  (NOT_TRIED, r.not_tried)) if count
        ])
        chart = alt.Chart(frame).mark_bar().encode(
            x=alt.X("questions:Q", stack="zero", title="questions"),
            y=alt.Y("area:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("status:N", scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())),
                            legend=alt.Legend(title=None, orient="top")),
            order=alt.Order("status:N"),
            tooltip=["area", "status", "questions"],
        ).properties(height=CHART_ROW_PIXELS * len(rows))
        st.altair_chart(chart, width="stretch")

    st.markdown("#### Next five to practise")
    st.caption("The questions where the resume leaves you most exposed, with those marked 'needs work' first; "
               "ready and skipped ones are left out.")
    upcoming = next_to_practise(report, current)
    if not upcoming:
        st.success("Nothing left: every question is marked ready or skipped.")
    for number, question in enumerate(upcoming, start=1):
        status = current.get(question.id, Mark(question.id)).status or NOT_TRIED
        st.markdown(f"{number}\\. {esc(question.text)}  \n:gray[{question.area}. "
                    f"{esc(view.area_label(question.area, names))} · {esc(status)}]")

    st.markdown("#### Keep it for next time")
    changed = [m for qid, m in current.items() if _content(saved.get(qid, Mark(qid))) != _content(m)]
    st.caption(f"Nothing is saved unless you press Save. The file is {esc(str(store.path))}; it keeps this "
               "resume's fingerprint (a hash), your marks and your notes, never the resume itself.")
    left, right = st.columns(2)
    if left.button(f"Save my practice ({len(changed)} change(s))", key="practice_save", type="primary",
                   disabled=not changed):
        try:
            store.save(report.resume.document.sha256, changed)
        except PracticeStoreError as error:
            st.error(esc(str(error)))
        else:
            for mark in changed:
                saved[mark.question_id] = mark
            state["practice_done"] = f"Saved {len(changed)} change(s) to {store.path}."
            st.rerun()
    if right.button("Delete everything saved", key="practice_delete", disabled=not store.exists()):
        try:
            store.delete_all()
        except PracticeStoreError as error:
            st.error(esc(str(error)))
        else:
            state["practice"], state["practice_saved"] = {}, {}
            state["practice_generation"] = state.get("practice_generation", 0) + 1  # fresh, empty widgets
            state["practice_done"] = f"Deleted {store.path}: no practice is stored on this computer now."
            st.rerun()


def _downloads(report: Report, key: tuple) -> None:
    st.markdown("#### Take it away")
    current, _ = _practice_state(report)
    practice = tuple(sorted((m.question_id, m.status, m.note) for m in current.values() if not m.is_empty))
    if practice:
        st.caption("The question lists carry your practice marks and notes.")
    formats = list(FORMATS.values())
    cols = [col for _ in range(0, len(formats), 3) for col in st.columns(3)]
    for col, fmt in zip(cols, formats):
        try:
            data = _export(fmt.key, key, practice, report)
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
    st.set_page_config(page_title="Resume analyzer", layout="wide")
    st.title("Resume analyzer")
    st.markdown(
        "See your data-science resume the way an interviewer will: which claims it backs, which it "
        "leaves exposed, and the questions to prepare for."
    )
    st.info(
        f"Your resume never leaves this machine: it is read in memory and never stored. Practice marks and "
        f"notes are saved on this computer only when you press Save. "
        f"A PDF or a Word .docx, up to {LIMITS.max_bytes // MB} MB and {LIMITS.max_pages} pages."
    )
    settings = _settings()
    source = _choose_source()
    job = _job_posting()
    if source is None:
        return
    name, data = source
    report = _run(name, data, settings, job)
    if report is None:
        return
    analysis_key = (hashlib.sha256(data).hexdigest(), tuple(sorted(settings.items())), hash(job))
    perspective = st.session_state.get("perspective", view.PERSPECTIVES[0])
    if perspective != dict(report.settings)["perspective"]:
        report = _with_perspective(analysis_key, perspective, settings, report)
    key = (*analysis_key, perspective)
    tabs = st.tabs(["Overview", "Skills", "Resume", "Flags", "Questions", "Practice"] + (["Job"] if report.alignment else []))
    with tabs[0]:
        _overview(report)
    with tabs[1]:
        _skills(report)
    with tabs[2]:
        _resume(report, analysis_key, data)
    with tabs[3]:
        _flags(report)
    with tabs[4]:
        _questions(report)
    with tabs[5]:
        _practice(report)
    if report.alignment:
        with tabs[6]:
            _alignment(report)
    _downloads(report, key)


main()
