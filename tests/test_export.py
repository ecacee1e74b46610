"""Each export's bytes, read back with the tool a user would open them with (pdfplumber, csv,
zipfile + sqlite, jsonschema)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
import urllib.parse
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pdfplumber
import pytest
from markdown_it import MarkdownIt

from _helpers_page import NAME, hand_report
from conftest import sample_paths

from analyzer.export import FORMATS, to_apkg, to_csv, to_json_bytes, to_jsonresume, to_markdown, to_pdf
from analyzer.export.anki import note_guid
from analyzer.export.csv_export import neutralise
from analyzer.models import Question
from analyzer.report import to_dict
from analyzer.view import escape_markdown

SCHEMA = json.loads((Path(__file__).resolve().parent / "jsonresume-schema.json").read_text())


@pytest.fixture(scope="module")
def made():
    return hand_report()


@pytest.fixture(scope="module")
def report(made):
    return made[1]


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- registry ---------------------------------------------------------------------------------


def test_registry_lists_every_format_once():
    assert set(FORMATS) == {"md", "pdf", "csv", "json", "anki", "jsonresume"}
    assert len({f.label for f in FORMATS.values()}) == len(FORMATS)
    assert FORMATS["pdf"].filename("priya.pdf") == "priya-questions.pdf"
    assert FORMATS["anki"].filename("dir/x.pdf") == "x-questions.apkg"


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_format_renders_a_report_without_findings(report, key):
    empty = replace(report, skills=(), claims=(), flags=(), readiness=(), questions=())
    assert FORMATS[key].render(empty)
    assert FORMATS[key].render(report) == FORMATS[key].render(report), "the same report gives the same bytes"


# --- markdown ---------------------------------------------------------------------------------


def test_markdown_has_every_question_with_why_and_resume_line(report):
    text = to_markdown(report).decode("utf-8")
    for question in report.questions:
        assert escape_markdown(question.text) in text
        assert escape_markdown(question.why) in text
        assert escape_markdown(question.quote) in text
    # grouped by area, in area order
    headings = re.findall(r"^## (\d+)\\\. ", text, re.M)  # "1\\." : the escaped full stop
    assert headings == sorted(headings, key=int) and len(headings) == len({q.area for q in report.questions})


def _rendered(markdown: str) -> str:
    """The exported Markdown as a CommonMark viewer shows it (HTML)."""
    return MarkdownIt("commonmark").render(markdown)


def _shown_text(html_text: str) -> str:
    """What a reader sees of rendered HTML: the text without tags or the invisible word joiner."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).replace("\u2060", "")


def test_markdown_keeps_resume_html_and_links_as_text(report):
    typed = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `code`"
    hostile = Question(id="q-x", text=typed, area=1, kind="deep-dive", difficulty=1, topic="", why="", anchor="claim")
    rendered = _rendered(to_markdown(replace(report, questions=(hostile,))).decode())
    question = re.search(r"<p>1\. <strong>(.*?)</strong></p>", rendered).group(1)  # the export's own bold
    assert not re.search(r"<[a-z]", question), "no live HTML, link or markup inside the question"
    assert _shown_text(question) == typed, "shown exactly as typed"


def test_markdown_never_makes_a_bare_url_or_address_a_live_link(report):
    # GFM viewers (GitHub, most editors) link "https://...", "www...." and "name@host" even in plain text.
    typed = "Code at https://github.com/ada/churn and www.ada.example; write to ada@ada.example"
    question = replace(report.questions[0], quote=typed)
    markdown = to_markdown(replace(report, questions=(question,))).decode()
    line = next(line for line in markdown.splitlines() if "github" in line)
    unescaped = line.replace("\\", "")
    assert "://" not in unescaped and "www." not in unescaped and not re.search(r"\w@", unescaped)
    assert typed in _shown_text(_rendered(markdown))


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_opens_and_contains_every_question(report):
    with pdfplumber.open(io.BytesIO(to_pdf(report))) as pdf:
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert NAME in text, "accented name survives"
    for question in report.questions:
        assert _flat(question.text) in text
        assert _flat(question.why) in text
        assert _flat(question.quote) in text
    assert "—" in text and "•" in text


def test_pdf_with_many_questions_spans_pages(report):
    many = tuple(replace(q, id=f"{q.id}-{i}") for i in range(30) for q in report.questions)
    with pdfplumber.open(io.BytesIO(to_pdf(replace(report, questions=many)))) as pdf:
        pages = [_flat(page.extract_text() or "") for page in pdf.pages]
    assert len(pages) > 1 and "page 2/" in pages[1]
    # every question block stays on one page: its text and its resume line are never split by a break
    for question in report.questions:
        on_a_page = sum(page.count(_flat(question.text)) for page in pages)
        assert on_a_page == 30
        assert sum(page.count(_flat(question.quote)) for page in pages) >= 30


# --- CSV --------------------------------------------------------------------------------------


def test_csv_round_trips_one_row_per_question(report):
    rows = list(csv.DictReader(io.StringIO(to_csv(report).decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == [q.id for q in report.questions]
    for row, question in zip(rows, report.questions):
        assert row["question"] == neutralise(question.text)
        assert row["resume_line"] == neutralise(question.quote)
        assert int(row["area"]) == question.area and int(row["difficulty"]) == question.difficulty


def test_csv_neutralises_formula_cells(report):
    rows = list(csv.DictReader(io.StringIO(to_csv(report).decode("utf-8-sig"))))
    formula = next(row for row in rows if row["id"] == "q-k8s-design")
    assert formula["question"].startswith("'=SUM(A1)")
    inside = next(row for row in rows if row["id"] == "q-ab-power")
    assert inside["resume_line"].startswith("Ran A/B"), "only a leading formula character is neutralised"
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1+1") == "'" + start + "1+1"
    assert neutralise("1+1") == "1+1"


# --- JSON -------------------------------------------------------------------------------------


def test_json_is_the_full_report(report):
    assert json.loads(to_json_bytes(report)) == json.loads(json.dumps(to_dict(report)))


# --- Anki -------------------------------------------------------------------------------------


def _notes(apkg: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(apkg)) as package:
        assert {"collection.anki2", "media"} <= set(package.namelist())
        collection = package.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(collection)
    try:
        return connection.execute("select guid, flds from notes order by id").fetchall()
    finally:
        connection.close()


def test_anki_package_is_a_zip_with_one_note_per_question(report):
    notes = _notes(to_apkg(report))
    assert len(notes) == len(report.questions)
    assert sorted(guid for guid, _ in notes) == sorted(note_guid(report, q) for q in report.questions)
    fields = "\n".join(f for _, f in notes)
    assert "What was retention before the churn model" in fields


def test_anki_guids_stay_when_question_text_changes(report):
    reworded = replace(report, questions=tuple(replace(q, text=q.text + " (reworded)") for q in report.questions))
    assert {g for g, _ in _notes(to_apkg(report))} == {g for g, _ in _notes(to_apkg(reworded))}


def test_anki_escapes_html_in_fields(report):
    hostile = replace(report.questions[0], text="<script>alert(1)</script>")
    (_, fields), = _notes(to_apkg(replace(report, questions=(hostile,))))
    assert "<script>" not in fields and "&lt;script&gt;" in fields


# --- JSON Resume ------------------------------------------------------------------------------

_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    # jsonschema checks "uri" only with an optional package; a scheme and a host are enough here.
    parsed = urllib.parse.urlparse(str(value))
    return bool(parsed.scheme) and bool(parsed.netloc or parsed.path)


def _validate(document: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=_FORMATS).validate(document)


def test_schema_rejects_what_jsonresume_rejects():
    with pytest.raises(jsonschema.ValidationError):
        _validate({"work": [{"startDate": "March 2020"}]})
    with pytest.raises(jsonschema.ValidationError):
        _validate({"basics": {"email": "not an email"}})


def test_jsonresume_validates_and_carries_our_evidence(report):
    document = json.loads(to_jsonresume(report))
    _validate(document)
    assert document["basics"]["name"] == NAME
    assert document["work"][0]["position"] == "Data Scientist"
    assert document["work"][0]["startDate"] == "2021-03" and "endDate" not in document["work"][0]
    assert document["education"][0]["endDate"] == "2020"
    skills = {s["x-resume-analyzer"]["id"]: s for s in document["skills"]}
    assert set(skills) == {s.id for s in report.skills}
    assert skills["python"]["x-resume-analyzer"]["evidence"][0]["page"] == 1
    assert len(skills["python"]["x-resume-analyzer"]["evidence"][0]["bbox"]) == 4
    assert {c["id"] for c in document["x-resume-analyzer"]["claims"]} == {c.id for c in report.claims}


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_jsonresume_of_every_sample_validates(path, resources):
    from analyzer.pipeline import analyze

    _validate(json.loads(to_jsonresume(analyze(path, "2026-11", resources=resources))))


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_format_survives_an_undecodable_file_name(report, key):
    # os.fsdecode turns undecodable bytes of a file name into lone surrogates ("\udce9").
    document = replace(report.resume.document, name="r\udce9sum\udce9.pdf")
    odd = replace(report, resume=replace(report.resume, document=document, contact=replace(report.resume.contact, name="")))
    assert FORMATS[key].render(odd)


def test_every_format_carries_a_real_reports_questions(resources):
    from analyzer.pipeline import analyze

    path = next(p for p in sample_paths() if p.stem.startswith("mlops_"))
    real = analyze(path, "2026-11", resources=resources)
    # 15, not 20: the list editor (qlist) keeps questions that fit any resume only to fill, so a real
    # list is shorter than the old padded one (as in test_real_resume_questions_are_anchored_and_personal).
    assert len(real.questions) >= 15
    texts = [q.text for q in real.questions]
    rows = list(csv.DictReader(io.StringIO(to_csv(real).decode("utf-8-sig"))))
    assert [row["question"] for row in rows] == [neutralise(t) for t in texts]
    markdown = to_markdown(real).decode("utf-8")
    assert all(escape_markdown(t) in markdown for t in texts)
    with pdfplumber.open(io.BytesIO(to_pdf(real))) as pdf:
        printed = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert all(_flat(t) in printed for t in texts)
    assert len(_notes(to_apkg(real))) == len(texts)
    assert json.loads(to_json_bytes(real))["questions"][0]["text"] == texts[0]
